// The C API over kexie's energy conversions: standard coal (GB/T 2589) and grid
// CO2 emissions, exact decimals in and out.
#include "capi.hpp"
#include "kexie/energy.hpp"

namespace {

kexie::CoalEquivalent convert(int carrier, const char* quantity, int unit, int coal_unit) {
  const kexie::Quantity q{kx::decimal(quantity, "quantity"), kx::enum_of<kexie::Unit>(unit, 12, "unit")};
  return kx::take(kexie::to_standard_coal(kx::enum_of<kexie::Carrier>(carrier, 15, "carrier"), q,
                                          kexie::CoefficientTable::gb_t_2589(),
                                          kx::enum_of<kexie::CoalUnit>(coal_unit, 2, "coal_unit")));
}

}  // namespace

extern "C" {

int kx_energy_carrier_parse(int* out, const char* text) {
  return kx::guard([&] {
    kx::need(out, "out");
    *out = static_cast<int>(kx::take(kexie::parse_carrier(kx::str(text, "text"))));
  });
}

int kx_energy_unit_parse(int* out, const char* text) {
  return kx::guard([&] {
    kx::need(out, "out");
    *out = static_cast<int>(kx::take(kexie::parse_unit(kx::str(text, "text"))));
  });
}

int kx_energy_to_standard_coal(kx_decimal* out, int carrier, const char* quantity, int unit,
                               int coal_unit) {
  return kx::guard([&] {
    kx::need(out, "out");
    kx::put(out, convert(carrier, quantity, unit, coal_unit).value);
  });
}

int kx_energy_citation(char** out, int carrier, const char* quantity, int unit, int coal_unit) {
  return kx::guard([&] {
    kx::need(out, "out");
    *out = kx::dup(convert(carrier, quantity, unit, coal_unit).citation());
  });
}

int kx_energy_grid_emissions(kx_decimal* out, const char* quantity, int unit, int year,
                             int method) {
  return kx::guard([&] {
    kx::need(out, "out");
    const kexie::Quantity q{kx::decimal(quantity, "quantity"), kx::enum_of<kexie::Unit>(unit, 12, "unit")};
    kx::put(out, kx::take(kexie::grid_emissions(
                              q, year, kx::enum_of<kexie::GridFactorMethod>(method, 3, "method")))
                     .tonnes_co2);
  });
}

}  // extern "C"
