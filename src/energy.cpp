// Energy and emissions: carrier and unit metadata, the built-in coefficient and
// grid-factor tables (the reference data of energy-coefficients.md, as data), and
// the exact conversions. Every figure is computed as one exact 128-bit product of
// the inputs' coefficients and rounded once to its declared scale.
#include "kexie/energy.hpp"

#include <algorithm>
#include <initializer_list>
#include <ostream>
#include <string>
#include <tuple>
#include <utility>

#include "detail/int128.hpp"
#include "kexie/text.hpp"

namespace kexie {
inline namespace v1 {
namespace {

using detail::int128;

constexpr std::size_t kCarrierCount = enum_count<Carrier>;

struct CarrierInfo {
  Carrier carrier;
  std::string_view english;
  std::string_view chinese;
  Dimension dimension;
};

// Indexed by the enumerator's value.
constexpr std::array<CarrierInfo, kCarrierCount> kCarriers{{
    {Carrier::raw_coal, "raw coal", "原煤", Dimension::mass},
    {Carrier::washed_coal, "washed coal", "洗精煤", Dimension::mass},
    {Carrier::coke, "coke", "焦炭", Dimension::mass},
    {Carrier::crude_oil, "crude oil", "原油", Dimension::mass},
    {Carrier::fuel_oil, "fuel oil", "燃料油", Dimension::mass},
    {Carrier::gasoline, "gasoline", "汽油", Dimension::mass},
    {Carrier::kerosene, "kerosene", "煤油", Dimension::mass},
    {Carrier::diesel, "diesel", "柴油", Dimension::mass},
    {Carrier::liquefied_petroleum_gas, "liquefied petroleum gas", "液化石油气", Dimension::mass},
    {Carrier::refinery_dry_gas, "refinery dry gas", "炼厂干气", Dimension::mass},
    {Carrier::natural_gas, "natural gas", "天然气", Dimension::volume},
    {Carrier::heat, "heat", "热力", Dimension::heat_energy},
    {Carrier::electricity_equivalent_value, "electricity, equivalent value", "电力（当量值）",
     Dimension::electric_energy},
    {Carrier::electricity_equal_value, "electricity, equal value", "电力（等价值）",
     Dimension::electric_energy},
    {Carrier::steam, "steam", "蒸汽", Dimension::mass},
}};

// The tables below are indexed by enumerator value; a carrier or unit added out of
// order would silently mislabel every later one.
static_assert([] {
  for (std::size_t i = 0; i < kCarrierCount; ++i) {
    if (static_cast<std::size_t>(kCarriers[i].carrier) != i) return false;
  }
  return true;
}());

constexpr std::array<Carrier, kCarrierCount> kAllCarriers = [] {
  std::array<Carrier, kCarrierCount> out{};
  for (std::size_t i = 0; i < kCarrierCount; ++i) out[i] = kCarriers[i].carrier;
  return out;
}();

struct UnitInfo {
  Unit unit;
  Dimension dimension;
  int exponent;  // 1 unit = 10^exponent base units
};

constexpr std::array<UnitInfo, enum_count<Unit>> kUnits{{
    {Unit::kg, Dimension::mass, 0},
    {Unit::t, Dimension::mass, 3},
    {Unit::ten_thousand_t, Dimension::mass, 7},
    {Unit::m3, Dimension::volume, 0},
    {Unit::ten_thousand_m3, Dimension::volume, 4},
    {Unit::kWh, Dimension::electric_energy, 0},
    {Unit::ten_thousand_kWh, Dimension::electric_energy, 4},
    {Unit::MWh, Dimension::electric_energy, 3},
    {Unit::GWh, Dimension::electric_energy, 6},
    {Unit::kJ, Dimension::heat_energy, -3},
    {Unit::MJ, Dimension::heat_energy, 0},
    {Unit::GJ, Dimension::heat_energy, 3},
}};

static_assert([] {
  for (std::size_t i = 0; i < kUnits.size(); ++i) {
    if (static_cast<std::size_t>(kUnits[i].unit) != i) return false;
  }
  return true;
}());

const CarrierInfo& info(Carrier c) noexcept { return kCarriers[static_cast<std::size_t>(c)]; }
const UnitInfo& info(Unit u) noexcept { return kUnits[static_cast<std::size_t>(u)]; }

Decimal dec(std::int64_t coefficient, int scale) {
  return Decimal::from_coefficient(coefficient, scale).value();
}

// "raw coal (原煤)": how every message names a carrier.
std::string named(Carrier c) {
  std::string out(info(c).english);
  out += " (";
  out += info(c).chinese;
  out += ')';
  return out;
}

std::string units_of(Dimension d) {
  std::string out;
  for (const UnitInfo& u : kUnits) {
    if (u.dimension != d) continue;
    if (!out.empty()) out += ", ";
    out += to_string(u.unit);
  }
  return out;
}

// "the quantity of raw coal (原煤) is in m3, but raw coal is measured by mass (kg, t, 10^4 t)"
Error wrong_unit(Carrier c, Unit u, std::string_view what, std::string_view relation) {
  return Error(ErrorCode::invalid_argument,
               std::string(what) + " " + named(c) + " is " + std::string(relation) + " " +
                   std::string(to_string(u)) + ", but " + std::string(info(c).english) +
                   " is measured by " + std::string(to_string(dimension(c))) + " (" +
                   units_of(dimension(c)) + ")",
               "energy.unit");
}

Status check_quantity(Carrier c, const Quantity& q) {
  if (!q.value.ok()) {
    return Error(ErrorCode::invalid_argument,
                 "the quantity of " + named(c) + " is not a valid decimal", "energy.quantity");
  }
  if (q.value.signum() < 0) {
    return Error(ErrorCode::invalid_argument,
                 "the quantity of " + named(c) + " is negative: " + q.to_string(),
                 "energy.negative_quantity");
  }
  if (dimension(q.unit) != dimension(c)) return wrong_unit(c, q.unit, "the quantity of", "in");
  return {};
}

int128 magnitude(int128 v) noexcept { return v < 0 ? -v : v; }

int digits(int128 v) noexcept {
  v = magnitude(v);
  int n = 0;
  while (v > 0) {
    v /= 10;
    ++n;
  }
  return n;
}

// prod(factors) × num ÷ den × 10^exp10, rounded once, half-even, to `scale` places.
// The product is exact in 128 bits (factors are normalized first, so trailing
// zeros cost nothing); a product beyond 36 digits is `overflow`, never a silent
// second rounding.
Result<Decimal> exact_product(std::initializer_list<Decimal> factors, std::int64_t num,
                              std::int64_t den, int exp10, int scale, std::string_view what) {
  static_assert(kEnergyRounding == Rounding::half_even, "exact_product rounds half-even");
  const int128 limit = detail::pow10(36);
  auto too_big = [&] {
    return Error(ErrorCode::overflow,
                 std::string(what) +
                     " is out of the exact range (18 digits in the figure, 36 in the product)",
                 "energy.overflow");
  };
  int128 p = num;
  int product_scale = 0;
  for (const Decimal& f : factors) {
    const Decimal n = f.normalized();
    const int128 c = n.coefficient();
    if (c != 0 && magnitude(p) > limit / magnitude(c)) return too_big();
    p *= c;
    product_scale += n.scale();
  }
  const int e = scale - product_scale + exp10;
  int128 q = 0;
  if (e >= 0) {
    if (p != 0 && digits(p) + e > 37) return too_big();
    q = detail::round_div(p * detail::pow10(e), den, Rounding::half_even);
  } else {
    // Divide by den × 10^k. When that divisor would not fit, first drop k1 digits
    // by truncation, remembering whether any was non-zero (a sticky bit): the
    // remaining divisor den × 10^(k−k1) is even, so the dropped digits can only
    // turn an apparent tie into "above half", which is handled below.
    const int k = -e;
    const int room = 36 - digits(den);
    const int k1 = k > room ? k - room : 0;
    bool sticky = false;
    if (k1 > 0) {
      if (k1 > 38) {
        sticky = p != 0;
        p = 0;
      } else {
        const int128 d1 = detail::pow10(k1);
        sticky = p % d1 != 0;
        p /= d1;
      }
    }
    const int128 divisor = int128{den} * detail::pow10(k - k1);
    q = detail::round_div(p, divisor, Rounding::half_even);
    const int128 r = magnitude(p % divisor);
    if (sticky && r * 2 == divisor && q == p / divisor) {
      q += p < 0 ? -1 : 1;  // an exact tie plus a dropped remainder is above half
    }
  }
  if (magnitude(q) > Decimal::kMaxCoefficient) return too_big();
  return Decimal::from_coefficient(static_cast<std::int64_t>(q), scale);
}

// Compares a × 10^ea with b × 10^eb, exactly, for non-negative a and b.
int compare_shifted(Decimal a, int ea, Decimal b, int eb) noexcept {
  const int xa = ea - a.scale(), xb = eb - b.scale();
  const int m = std::min(xa, xb);
  const int128 ca = a.coefficient(), cb = b.coefficient();
  const int da = xa - m, db = xb - m;
  // A side that would need more than 38 digits is larger than the other (≤ 18 digits).
  if (ca != 0 && digits(ca) + da > 38) return 1;
  if (cb != 0 && digits(cb) + db > 38) return -1;
  const int128 va = ca * detail::pow10(da), vb = cb * detail::pow10(db);
  return (va > vb) - (va < vb);
}

std::string years_text(int first, int last) {
  std::string out = std::to_string(first);
  if (last != first) out += "–" + std::to_string(last);
  return out;
}

}  // namespace

// --- carriers and units -----------------------------------------------------

std::span<const Carrier> all_carriers() noexcept { return kAllCarriers; }
std::string_view to_string(Carrier carrier) noexcept { return enum_name(carrier); }
std::string_view english_name(Carrier carrier) noexcept { return info(carrier).english; }
std::string_view chinese_name(Carrier carrier) noexcept { return info(carrier).chinese; }
Dimension dimension(Carrier carrier) noexcept { return info(carrier).dimension; }

Result<Carrier> parse_carrier(std::string_view text) {
  if (const std::optional<Carrier> c = enum_from_string<Carrier>(text)) return *c;
  return Error(ErrorCode::invalid_argument, "not an energy carrier: " + quote_input(text),
               "energy.carrier");
}

std::string_view to_string(Dimension d) noexcept { return enum_name(d); }

std::string_view to_string(Unit unit) noexcept { return enum_name(unit); }
Dimension dimension(Unit unit) noexcept { return info(unit).dimension; }
int base_exponent(Unit unit) noexcept { return info(unit).exponent; }

Result<Unit> parse_unit(std::string_view text) {
  if (const std::optional<Unit> u = enum_from_string<Unit>(text)) return *u;
  return Error(ErrorCode::invalid_argument, "not a unit: " + quote_input(text),
               "energy.unit");
}

Result<Quantity> Quantity::in(Unit target) const {
  if (dimension(target) != dimension(unit)) {
    return Error(ErrorCode::invalid_argument,
                 "cannot express " + to_string() + " (" +
                     std::string(kexie::to_string(dimension(unit))) + ") in " +
                     std::string(kexie::to_string(target)) + " (" +
                     std::string(kexie::to_string(dimension(target))) + ")",
                 "energy.unit");
  }
  const int shift = base_exponent(unit) - base_exponent(target);
  // Exact: as many places as the shifted value needs, never fewer.
  const int scale = std::max(value.normalized().scale() - shift, 0);
  if (scale > Decimal::kMaxScale) {
    return Error(
        ErrorCode::overflow,
        to_string() + " in " + std::string(kexie::to_string(target)) + " needs more than 18 places",
        "energy.overflow");
  }
  auto v = exact_product({value}, 1, 1, shift, scale, "the quantity " + to_string());
  if (!v) return v.error();
  return Quantity{*v, target};
}

std::string Quantity::to_string() const {
  return value.to_string() + " " + std::string(kexie::to_string(unit));
}

std::ostream& operator<<(std::ostream& os, const Quantity& q) { return os << q.to_string(); }

// --- coefficients -------------------------------------------------------------

std::string Coefficient::to_string() const {
  return kgce_per_unit.to_string() + " kgce/" + std::string(kexie::to_string(per_unit));
}

CoefficientRange plausible_range(Carrier carrier) noexcept {
  // In kgce per base unit (kg, m³, kWh, MJ). Each range spans less than 10×, so a
  // value stated per the wrong unit of a 1000× pair always falls outside it; the two
  // electricity ranges do not meet, so one value cannot pass for the other.
  auto r = [](std::int64_t lo, std::int64_t hi, int scale, Unit u) {
    return CoefficientRange{Decimal::from_coefficient(lo, scale).value(),
                            Decimal::from_coefficient(hi, scale).value(), u};
  };
  switch (carrier) {
    case Carrier::raw_coal:
      return r(20, 120, 2, Unit::kg);
    case Carrier::washed_coal:
      return r(60, 120, 2, Unit::kg);
    case Carrier::coke:
      return r(80, 120, 2, Unit::kg);
    case Carrier::crude_oil:
    case Carrier::fuel_oil:
    case Carrier::gasoline:
    case Carrier::kerosene:
    case Carrier::diesel:
      return r(120, 170, 2, Unit::kg);
    case Carrier::liquefied_petroleum_gas:
      return r(150, 190, 2, Unit::kg);
    case Carrier::refinery_dry_gas:
      return r(130, 190, 2, Unit::kg);
    case Carrier::natural_gas:
      return r(90, 150, 2, Unit::m3);
    case Carrier::heat:
      return r(30, 40, 3, Unit::MJ);
    case Carrier::electricity_equivalent_value:
      return r(11, 13, 2, Unit::kWh);
    case Carrier::electricity_equal_value:
      return r(15, 60, 2, Unit::kWh);
    case Carrier::steam:
      return r(5, 20, 2, Unit::kg);
  }
  return r(0, 0, 0, Unit::kg);
}

std::span<const Decimal> equal_value_examples() noexcept {
  static const std::array<Decimal, 3> values{dec(404, 3), dec(3025, 4), dec(28078, 5)};
  return values;
}

CoefficientTable::CoefficientTable(std::string name, std::string edition, std::string source)
    : name_(std::move(name)), edition_(std::move(edition)), source_(std::move(source)) {}

namespace {

CoefficientTable make_gb_t_2589(NaturalGasBasis basis) {
  std::string name = "GB/T 2589";
  Decimal gas = dec(12143, 4);
  std::string gas_source = "GB/T 2589 reference value (tabulated range 1.1000-1.3300)";
  if (basis == NaturalGasBasis::range_low) {
    gas = dec(11000, 4);
    name += ", natural gas 1.1000";
    gas_source = "GB/T 2589, low end of the tabulated range 1.1000-1.3300";
  } else if (basis == NaturalGasBasis::range_high) {
    gas = dec(13300, 4);
    name += ", natural gas 1.3300";
    gas_source =
        "GB/T 2589, high end of the tabulated range 1.1000-1.3300 (the 2008 edition's value)";
  }
  CoefficientTable t(std::move(name), "2020",
                     "GB/T 2589-2020 综合能耗计算通则 (General principles for calculation of the "
                     "comprehensive energy consumption), reference coefficients of standard coal "
                     "equivalent; electricity's equal value and steam have no default");
  const std::string ref = "GB/T 2589 reference value";
  struct Row {
    Carrier c;
    std::int64_t coefficient;
    int scale;
    Unit per;
  };
  const Row rows[] = {
      {Carrier::raw_coal, 7143, 4, Unit::kg},
      {Carrier::washed_coal, 9000, 4, Unit::kg},
      {Carrier::coke, 9714, 4, Unit::kg},
      {Carrier::crude_oil, 14286, 4, Unit::kg},
      {Carrier::fuel_oil, 14286, 4, Unit::kg},
      {Carrier::gasoline, 14714, 4, Unit::kg},
      {Carrier::kerosene, 14714, 4, Unit::kg},
      {Carrier::diesel, 14571, 4, Unit::kg},
      {Carrier::liquefied_petroleum_gas, 17143, 4, Unit::kg},
      {Carrier::refinery_dry_gas, 15714, 4, Unit::kg},
      {Carrier::heat, 3412, 5, Unit::MJ},
      {Carrier::electricity_equivalent_value, 1229, 4, Unit::kWh},
  };
  for (const Row& row : rows) t.set(row.c, dec(row.coefficient, row.scale), row.per, ref).value();
  t.set(Carrier::natural_gas, gas, Unit::m3, gas_source).value();
  return t;
}

}  // namespace

const CoefficientTable& CoefficientTable::gb_t_2589() {
  static const CoefficientTable table = make_gb_t_2589(NaturalGasBasis::reference);
  return table;
}

CoefficientTable CoefficientTable::gb_t_2589(NaturalGasBasis basis) {
  return make_gb_t_2589(basis);
}

CoefficientTable CoefficientTable::derive(std::string name, std::string edition,
                                          std::string source) const {
  CoefficientTable t(std::move(name), std::move(edition), std::move(source));
  t.entries_ = entries_;
  return t;
}

namespace {
// A Carrier outside its enumeration (a cast from a bad integer) indexes no slot.
Status check_carrier(Carrier carrier) {
  if (enum_is_valid<Carrier>(static_cast<std::int64_t>(carrier))) return {};
  return Error(ErrorCode::invalid_argument,
               "carrier " + std::to_string(static_cast<std::int64_t>(carrier)) +
                   " is out of range");
}
}  // namespace

Status CoefficientTable::set(Carrier carrier, Decimal kgce_per_unit, Unit per_unit,
                             std::string source, RangeCheck check) {
  if (Status st = check_carrier(carrier); !st) return st;
  if (!enum_is_valid<Unit>(static_cast<std::int64_t>(per_unit))) {
    return Error(ErrorCode::invalid_argument,
                 "unit " + std::to_string(static_cast<std::int64_t>(per_unit)) +
                     " is out of range");
  }
  if (Status st = check_text(source, "coefficient source"); !st) return st;
  const std::string value_text =
      kgce_per_unit.to_string() + " kgce/" + std::string(to_string(per_unit));
  if (dimension(per_unit) != dimension(carrier)) {
    return wrong_unit(carrier, per_unit, "the coefficient for", "per");
  }
  if (!kgce_per_unit.ok() || kgce_per_unit.signum() <= 0) {
    return Error(ErrorCode::invalid_argument,
                 "the coefficient for " + named(carrier) + " must be positive, not " + value_text,
                 "energy.coefficient");
  }
  if (check == RangeCheck::enforce) {
    const CoefficientRange range = plausible_range(carrier);
    // value per per_unit vs bound per base unit: compare value with bound × 10^exp.
    const int exp = base_exponent(per_unit) - base_exponent(range.per_unit);
    if (compare_shifted(kgce_per_unit, 0, range.low, exp) < 0 ||
        compare_shifted(kgce_per_unit, 0, range.high, exp) > 0) {
      std::string message = "the coefficient " + value_text + " for " + named(carrier) +
                            " is outside the plausible range " + range.low.to_string() + "–" +
                            range.high.to_string() + " kgce/" +
                            std::string(to_string(range.per_unit));
      if (carrier == Carrier::electricity_equal_value &&
          compare_shifted(kgce_per_unit, 0, range.low, exp) < 0) {
        message += "; is it electricity's equivalent value (当量值) rather than its equal value?";
      } else if (carrier == Carrier::electricity_equivalent_value &&
                 compare_shifted(kgce_per_unit, 0, range.high, exp) > 0) {
        message += "; is it electricity's equal value (等价值) rather than its equivalent value?";
      } else {
        message += "; check the unit (a kgce/MJ vs kgce/GJ slip is 1000×)";
      }
      return Error(ErrorCode::invalid_argument, std::move(message),
                   "energy.implausible_coefficient");
    }
  }
  entries_[static_cast<std::size_t>(carrier)] =
      Coefficient{carrier, kgce_per_unit, per_unit, std::move(source)};
  return {};
}

Status CoefficientTable::set(const Coefficient& c, RangeCheck check) {
  return set(c.carrier, c.kgce_per_unit, c.per_unit, c.source, check);
}

Status CoefficientTable::erase(Carrier carrier) {
  if (Status st = check_carrier(carrier); !st) return st;
  auto& slot = entries_[static_cast<std::size_t>(carrier)];
  if (!slot) {
    return Error(ErrorCode::not_found,
                 "table " + name_ + " (" + edition_ + ") has no coefficient for " + named(carrier),
                 "energy.no_coefficient");
  }
  slot.reset();
  return {};
}

Result<Coefficient> CoefficientTable::find(Carrier carrier) const {
  if (Status st = check_carrier(carrier); !st) return st.error();
  const auto& slot = entries_[static_cast<std::size_t>(carrier)];
  if (slot) return *slot;
  std::string message =
      "table " + name_ + " (" + edition_ + ") has no coefficient for " + named(carrier);
  if (carrier == Carrier::steam) {
    message +=
        "; steam's coefficient depends on its pressure and temperature, so the caller "
        "must supply one";
  } else if (carrier == Carrier::electricity_equal_value) {
    message += "; the equal value is set per year and region, so the caller must supply one";
  }
  return Error(ErrorCode::not_found, std::move(message), "energy.no_coefficient");
}

bool CoefficientTable::contains(Carrier carrier) const noexcept {
  return entries_[static_cast<std::size_t>(carrier)].has_value();
}

std::vector<Coefficient> CoefficientTable::coefficients() const {
  std::vector<Coefficient> out;
  for (const auto& slot : entries_) {
    if (slot) out.push_back(*slot);
  }
  return out;
}

std::string_view to_string(CoalUnit unit) noexcept { return enum_name(unit); }

std::string CoalEquivalent::citation() const {
  return quantity.to_string() + " of " + named(carrier) + " × " + coefficient.to_string() + " [" +
         table_name + ", " + table_edition + "] = " + value.to_string() + " " +
         std::string(to_string(unit));
}

Result<CoalEquivalent> to_standard_coal(Carrier carrier, const Quantity& quantity,
                                        const CoefficientTable& table, CoalUnit unit) {
  if (Status s = check_quantity(carrier, quantity); !s) return s.error();
  Result<Coefficient> c = table.find(carrier);
  if (!c) return c.error();
  const bool tce = unit == CoalUnit::tce;
  const int exp10 = base_exponent(quantity.unit) - base_exponent(c->per_unit) - (tce ? 3 : 0);
  Result<Decimal> v =
      exact_product({quantity.value, c->kgce_per_unit}, 1, 1, exp10, tce ? kTceScale : kKgceScale,
                    "the standard coal of " + quantity.to_string() + " of " + named(carrier));
  if (!v) return v.error();
  return CoalEquivalent{*v,           unit,           carrier, quantity, std::move(c).value(),
                        table.name(), table.edition()};
}

// --- grid emission factors ----------------------------------------------------

std::string_view to_string(GridFactorMethod method) noexcept { return enum_name(method); }

std::string GridFactor::to_string() const {
  return t_co2_per_mwh.to_string() + " tCO2/MWh (" + std::string(kexie::to_string(method)) + ", " +
         years_text(first_year, last_year) + (confirmed ? ")" : "; to be confirmed)");
}

GridFactorTable::GridFactorTable(std::string name, std::string edition, std::string source)
    : name_(std::move(name)), edition_(std::move(edition)), source_(std::move(source)) {}

const GridFactorTable& GridFactorTable::china_national() {
  static const GridFactorTable table = [] {
    GridFactorTable t("China national grid CO2 emission factors", "2024-12",
                      "Ministry of Ecology and Environment (MEE) and National Bureau of "
                      "Statistics, as reported by secondary sources; to be confirmed");
    t.set({2021, 2021, GridFactorMethod::location_average, dec(5568, 4),
           "MEE and National Bureau of Statistics, 2024: national electricity average, 2021",
           false})
        .value();
    t.set({2022, 2022, GridFactorMethod::location_average, dec(5366, 4),
           "MEE and National Bureau of Statistics, December 2024: national electricity "
           "average, 2022",
           false})
        .value();
    t.set({2023, 2025, GridFactorMethod::location_average, dec(5703, 4),
           "MEE, 2023 notice on power-sector GHG reporting: national grid average for "
           "2023-2025 enterprise reporting",
           false})
        .value();
    return t;
  }();
  return table;
}

GridFactorTable GridFactorTable::derive(std::string name, std::string edition,
                                        std::string source) const {
  GridFactorTable t(std::move(name), std::move(edition), std::move(source));
  t.factors_ = factors_;
  return t;
}

Status GridFactorTable::set(GridFactor factor) {
  const std::string key =
      std::string(to_string(factor.method)) + " " + years_text(factor.first_year, factor.last_year);
  if (factor.first_year > factor.last_year) {
    return Error(ErrorCode::invalid_argument,
                 "grid factor years are reversed: " + std::to_string(factor.first_year) + " to " +
                     std::to_string(factor.last_year),
                 "energy.grid_factor");
  }
  if (!factor.t_co2_per_mwh.ok() || factor.t_co2_per_mwh.signum() <= 0 ||
      factor.t_co2_per_mwh > Decimal(2)) {
    return Error(ErrorCode::invalid_argument,
                 "grid factor " + key + " must be in (0, 2] tCO2/MWh, not " +
                     factor.t_co2_per_mwh.to_string() + " (kg CO2/kWh and t CO2/MWh are equal)",
                 "energy.grid_factor");
  }
  for (const GridFactor& g : factors_) {
    if (g.method != factor.method) continue;
    const bool same = g.first_year == factor.first_year && g.last_year == factor.last_year;
    const bool overlap = g.first_year <= factor.last_year && factor.first_year <= g.last_year;
    const bool nested = (g.first_year <= factor.first_year && factor.last_year <= g.last_year) ||
                        (factor.first_year <= g.first_year && g.last_year <= factor.last_year);
    if (!same && overlap && !nested) {
      return Error(ErrorCode::already_exists,
                   "grid factor " + key + " overlaps " + years_text(g.first_year, g.last_year) +
                       " in table " + name_ + " without nesting",
                   "energy.grid_factor_overlap");
    }
  }
  auto same_key = [&](const GridFactor& g) {
    return g.method == factor.method && g.first_year == factor.first_year &&
           g.last_year == factor.last_year;
  };
  factors_.erase(std::remove_if(factors_.begin(), factors_.end(), same_key), factors_.end());
  factors_.push_back(std::move(factor));
  std::sort(factors_.begin(), factors_.end(), [](const GridFactor& a, const GridFactor& b) {
    return std::tie(a.method, a.first_year, a.last_year) <
           std::tie(b.method, b.first_year, b.last_year);
  });
  return {};
}

Result<GridFactor> GridFactorTable::find(int year, GridFactorMethod method) const {
  const GridFactor* best = nullptr;
  for (const GridFactor& g : factors_) {
    if (g.method != method || year < g.first_year || year > g.last_year) continue;
    if (best == nullptr || g.last_year - g.first_year < best->last_year - best->first_year) {
      best = &g;
    }
  }
  if (best != nullptr) return *best;
  return Error(ErrorCode::not_found,
               "table " + name_ + " (" + edition_ + ") has no " + std::string(to_string(method)) +
                   " grid emission factor for " + std::to_string(year),
               "energy.no_grid_factor");
}

std::string GridEmission::citation() const {
  return electricity.to_string() + " × " + factor.to_string() + " [" + table_name + ", " +
         table_edition + "] = " + tonnes_co2.to_string() + " t CO2";
}

Result<GridEmission> grid_emissions(const Quantity& electricity, int year, GridFactorMethod method,
                                    const GridFactorTable& table) {
  if (dimension(electricity.unit) != Dimension::electric_energy) {
    return Error(ErrorCode::invalid_argument,
                 "grid electricity is measured by electric energy (" +
                     units_of(Dimension::electric_energy) + "), not in " +
                     std::string(to_string(electricity.unit)),
                 "energy.unit");
  }
  if (!electricity.value.ok() || electricity.value.signum() < 0) {
    return Error(ErrorCode::invalid_argument,
                 "the quantity of grid electricity is negative: " + electricity.to_string(),
                 "energy.negative_quantity");
  }
  Result<GridFactor> f = table.find(year, method);
  if (!f) return f.error();
  // kWh × tCO2/MWh needs 10^-3; MWh × tCO2/MWh needs none.
  const int exp10 = base_exponent(electricity.unit) - base_exponent(Unit::MWh);
  Result<Decimal> v = exact_product({electricity.value, f->t_co2_per_mwh}, 1, 1, exp10,
                                    kTonnesCo2Scale, "the CO2 of " + electricity.to_string());
  if (!v) return v.error();
  return GridEmission{*v, electricity, year, std::move(f).value(), table.name(), table.edition()};
}

// --- fuel emissions -------------------------------------------------------------

std::string FuelEmission::citation() const {
  return quantity.to_string() + " of " + named(fuel) + " × " + carbon.ncv_gj_per_unit.to_string() +
         " GJ/" + std::string(to_string(carbon.ncv_per_unit)) + " × " +
         carbon.carbon_t_per_gj.to_string() + " tC/GJ × " + carbon.oxidation_rate.to_string() +
         " × 44/12" + (carbon.source.empty() ? std::string() : " [" + carbon.source + "]") + " = " +
         tonnes_co2.to_string() + " t CO2";
}

Result<FuelEmission> fuel_emissions(Carrier fuel, const Quantity& quantity,
                                    const FuelCarbon& carbon) {
  if (fuel == Carrier::heat || fuel == Carrier::steam ||
      fuel == Carrier::electricity_equivalent_value || fuel == Carrier::electricity_equal_value) {
    return Error(ErrorCode::invalid_argument,
                 named(fuel) + " is not a fuel: its CO2 is indirect" +
                     (dimension(fuel) == Dimension::electric_energy
                          ? std::string("; use grid_emissions")
                          : std::string("; apply its supplier's emission factor")),
                 "energy.not_a_fuel");
  }
  if (Status s = check_quantity(fuel, quantity); !s) return s.error();
  if (dimension(carbon.ncv_per_unit) != dimension(fuel)) {
    return wrong_unit(fuel, carbon.ncv_per_unit, "the net calorific value of", "per");
  }
  auto bad = [&](std::string_view what, const Decimal& v, std::string_view rule) {
    return Error(ErrorCode::invalid_argument,
                 std::string(what) + " for " + named(fuel) + " must be " + std::string(rule) +
                     ", not " + v.to_string(),
                 "energy.fuel_parameter");
  };
  if (!carbon.ncv_gj_per_unit.ok() || carbon.ncv_gj_per_unit.signum() <= 0) {
    return bad("the net calorific value", carbon.ncv_gj_per_unit, "positive");
  }
  if (!carbon.carbon_t_per_gj.ok() || carbon.carbon_t_per_gj.signum() <= 0) {
    return bad("the carbon content", carbon.carbon_t_per_gj, "positive");
  }
  if (!carbon.oxidation_rate.ok() || carbon.oxidation_rate.signum() <= 0 ||
      carbon.oxidation_rate > Decimal(1)) {
    return bad("the oxidation rate", carbon.oxidation_rate, "in (0, 1]");
  }
  const int exp10 = base_exponent(quantity.unit) - base_exponent(carbon.ncv_per_unit);
  // 44/12 is the ratio of the molar masses of CO2 and C; it is applied as an exact
  // fraction, so the only rounding is the final one.
  Result<Decimal> v = exact_product(
      {quantity.value, carbon.ncv_gj_per_unit, carbon.carbon_t_per_gj, carbon.oxidation_rate}, 44,
      12, exp10, kTonnesCo2Scale, "the CO2 of " + quantity.to_string() + " of " + named(fuel));
  if (!v) return v.error();
  return FuelEmission{*v, fuel, quantity, carbon};
}

}  // namespace v1
}  // namespace kexie
