// The C API over kexie's energy conversions: standard coal (GB/T 2589) and grid
// CO2 emissions, exact decimals in and out.
#include "kexie/energy.hpp"
#include "capi.hpp"

namespace {

kexie::Result<kexie::Quantity> quantity_of(const char* quantity, int unit) {
  KX_TRY_ASSIGN(const kexie::Decimal value, kx::decimal(quantity, "quantity"));
  KX_TRY_ASSIGN(const kexie::Unit u, kx::enum_arg<kexie::Unit>(unit, "unit"));
  return kexie::Quantity{value, u};
}

kexie::Result<kexie::CoalEquivalent> convert(int carrier, const char* quantity, int unit,
                                             int coal_unit) {
  KX_TRY_ASSIGN(const kexie::Quantity q, quantity_of(quantity, unit));
  KX_TRY_ASSIGN(const kexie::Carrier c, kx::enum_arg<kexie::Carrier>(carrier, "carrier"));
  KX_TRY_ASSIGN(const kexie::CoalUnit cu, kx::enum_arg<kexie::CoalUnit>(coal_unit, "coal_unit"));
  return kexie::to_standard_coal(c, q, kexie::CoefficientTable::gb_t_2589(), cu);
}

}  // namespace

extern "C" {

int kx_energy_carrier_parse(int* out, const char* text) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(text);
    KX_TRY_ASSIGN(const kexie::Carrier c, kexie::parse_carrier(text));
    *out = static_cast<int>(c);
    return KX_OK;
  });
}

int kx_energy_unit_parse(int* out, const char* text) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(text);
    KX_TRY_ASSIGN(const kexie::Unit u, kexie::parse_unit(text));
    *out = static_cast<int>(u);
    return KX_OK;
  });
}

int kx_energy_to_standard_coal(kx_decimal* out, int carrier, const char* quantity, int unit,
                               int coal_unit) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_TRY_ASSIGN(const kexie::CoalEquivalent e, convert(carrier, quantity, unit, coal_unit));
    return kx::put(out, e.value);
  });
}

int kx_energy_citation(char** out, int carrier, const char* quantity, int unit, int coal_unit) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_TRY_ASSIGN(const kexie::CoalEquivalent e, convert(carrier, quantity, unit, coal_unit));
    return kx::give(out, e.citation());
  });
}

int kx_energy_grid_emissions(kx_decimal* out, const char* quantity, int unit, int year,
                             int method) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_TRY_ASSIGN(const kexie::Quantity q, quantity_of(quantity, unit));
    KX_TRY_ASSIGN(const auto m, kx::enum_arg<kexie::GridFactorMethod>(method, "method"));
    KX_TRY_ASSIGN(const kexie::GridEmission e, kexie::grid_emissions(q, year, m));
    return kx::put(out, e.tonnes_co2);
  });
}

}  // extern "C"
