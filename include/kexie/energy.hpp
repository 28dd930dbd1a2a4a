// Energy and emissions: the conversions that turn a "比贡献" entry's claimed savings
// in physical units (kWh, t of raw coal, m³ of natural gas, t of steam …) into tonnes
// of standard coal equivalent (tce) and tonnes of CO2. Every coefficient is data — a
// named, versioned `CoefficientTable` or `GridFactorTable` that a caller can replace
// or extend — never a literal in scoring code, and every converted figure records
// the table, edition and coefficient it used so an explanation can cite it. Units
// are checked: a quantity in a unit of the wrong dimension, a coefficient 1000×
// off (kgce/MJ given as kgce/GJ), or electricity's equivalent value used for its
// equal value is refused. All arithmetic is exact `Decimal` arithmetic, rounded
// once to a declared scale (see kTceScale and friends). docs/energy.md has more.
#ifndef KEXIE_ENERGY_HPP
#define KEXIE_ENERGY_HPP

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kexie/decimal.hpp"
#include "kexie/enum_names.hpp"
#include "kexie/export.hpp"
#include "kexie/result.hpp"

namespace kexie {
inline namespace v1 {

// ---------------------------------------------------------------------------
// Declared precision of every converted figure.

/// Places kept in a figure in kgce: 3 (one gram of standard coal).
///
///   auto c = kexie::to_standard_coal(kexie::Carrier::raw_coal, {"1"_dec, kexie::Unit::kg},
///                                    kexie::CoefficientTable::gb_t_2589(), kexie::CoalUnit::kgce);
///   assert(c.value().value.to_string() == "0.714");  // 0.7143 rounded half-even to 3 places
inline constexpr int kKgceScale = 3;
/// Places kept in a figure in tce: 6 (one gram, like kKgceScale).
///
///   auto c = kexie::to_standard_coal(kexie::Carrier::electricity_equivalent_value,
///                                    {kexie::Decimal(1'000'000), kexie::Unit::kWh});
///   assert(c.value().value.to_string() == "122.900000");  // × 0.1229 kgce/kWh, in tce
inline constexpr int kTceScale = 6;
/// Places kept in a figure in t CO2: 6 (one gram of CO2).
///
///   auto e = kexie::grid_emissions({kexie::Decimal(1000), kexie::Unit::MWh}, 2024);
///   assert(e.value().tonnes_co2.to_string() == "570.300000");  // × 0.5703 t CO2/MWh
inline constexpr int kTonnesCo2Scale = 6;
/// How every converted figure is rounded, once, from the exact product: half-even.
///
///   static_assert(kexie::kEnergyRounding == kexie::Rounding::half_even);
inline constexpr Rounding kEnergyRounding = Rounding::half_even;

// ---------------------------------------------------------------------------
// Carriers and units.

/// An energy carrier (能源品种) whose savings an entry may claim. The two kinds of
/// electricity are distinct carriers with distinct table keys, so one can never
/// stand in for the other.
///
///   kexie::Carrier c = kexie::Carrier::electricity_equivalent_value;
///   assert(kexie::chinese_name(c) == "电力（当量值）");
enum class Carrier : std::uint8_t {
  raw_coal,                      ///< raw coal (原煤), by mass
  washed_coal,                   ///< washed coal (洗精煤), by mass
  coke,                          ///< coke (焦炭), by mass
  crude_oil,                     ///< crude oil (原油), by mass
  fuel_oil,                      ///< fuel oil (燃料油), by mass
  gasoline,                      ///< gasoline (汽油), by mass
  kerosene,                      ///< kerosene (煤油), by mass
  diesel,                        ///< diesel (柴油), by mass
  liquefied_petroleum_gas,       ///< liquefied petroleum gas, LPG (液化石油气), by mass
  refinery_dry_gas,              ///< refinery dry gas (炼厂干气), by mass
  natural_gas,                   ///< natural gas (天然气), by volume
  heat,                          ///< heat (热力), by heat energy (MJ, GJ)
  electricity_equivalent_value,  ///< electricity at its equivalent value (当量值), 3.6 MJ/kWh
  electricity_equal_value,  ///< electricity at its equal value (等价值): fuel burnt to make it
  steam,                    ///< steam (蒸汽), by mass; coefficient depends on pressure
};

/// The names of `Carrier`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<Carrier> {
  static constexpr std::array<std::string_view, 15> names{"raw_coal",
                                                          "washed_coal",
                                                          "coke",
                                                          "crude_oil",
                                                          "fuel_oil",
                                                          "gasoline",
                                                          "kerosene",
                                                          "diesel",
                                                          "liquefied_petroleum_gas",
                                                          "refinery_dry_gas",
                                                          "natural_gas",
                                                          "heat",
                                                          "electricity_equivalent_value",
                                                          "electricity_equal_value",
                                                          "steam"};
  static constexpr bool listed(Carrier v) noexcept {
    switch (v) {
      case Carrier::raw_coal:
      case Carrier::washed_coal:
      case Carrier::coke:
      case Carrier::crude_oil:
      case Carrier::fuel_oil:
      case Carrier::gasoline:
      case Carrier::kerosene:
      case Carrier::diesel:
      case Carrier::liquefied_petroleum_gas:
      case Carrier::refinery_dry_gas:
      case Carrier::natural_gas:
      case Carrier::heat:
      case Carrier::electricity_equivalent_value:
      case Carrier::electricity_equal_value:
      case Carrier::steam:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<Carrier>());

/// Every carrier, in declaration order.
/// \return all 15 carriers, a static array
///
///   for (kexie::Carrier c : kexie::all_carriers()) std::cout << kexie::to_string(c);
[[nodiscard]] KEXIE_API std::span<const Carrier> all_carriers() noexcept;
/// The stable identifier: "raw_coal", "electricity_equal_value", …
/// \param carrier the energy carrier
/// \return the enumerator's name, a static string; `parse_carrier` reads it back
///
///   assert(kexie::to_string(kexie::Carrier::coke) == "coke");
[[nodiscard]] KEXIE_API std::string_view to_string(Carrier carrier) noexcept;
/// The English name for people: "raw coal", "electricity, equal value", …
/// \param carrier the energy carrier
/// \return the name, a static string
///
///   assert(kexie::english_name(kexie::Carrier::coke) == "coke");
[[nodiscard]] KEXIE_API std::string_view english_name(Carrier carrier) noexcept;
/// The Chinese name: "原煤", "电力（等价值）", …
/// \param carrier the energy carrier
/// \return the name (UTF-8), a static string
///
///   assert(kexie::chinese_name(kexie::Carrier::coke) == "焦炭");
[[nodiscard]] KEXIE_API std::string_view chinese_name(Carrier carrier) noexcept;
/// The carrier whose `to_string` is `text`; `invalid_argument` otherwise.
/// \param text an identifier such as "natural_gas", exactly as `to_string` spells it
/// \return the carrier; `invalid_argument` naming the text otherwise
///
///   assert(kexie::parse_carrier("natural_gas").value() == kexie::Carrier::natural_gas);
[[nodiscard]] KEXIE_API Result<Carrier> parse_carrier(std::string_view text);

/// What a unit measures. A carrier is measured in units of exactly one dimension.
///
///   assert(kexie::dimension(kexie::Unit::GJ) == kexie::Dimension::heat_energy);
enum class Dimension : std::uint8_t {
  mass,             ///< base unit kg
  volume,           ///< base unit m³
  electric_energy,  ///< base unit kWh
  heat_energy,      ///< base unit MJ
};

/// The names of `Dimension`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<Dimension> {
  static constexpr std::array<std::string_view, 4> names{"mass", "volume", "electric energy",
                                                         "heat energy"};
  static constexpr bool listed(Dimension v) noexcept {
    switch (v) {
      case Dimension::mass:
      case Dimension::volume:
      case Dimension::electric_energy:
      case Dimension::heat_energy:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<Dimension>());

/// "mass", "volume", "electric energy", "heat energy".
/// \param dimension the dimension
/// \return its name, a static string
[[nodiscard]] KEXIE_API std::string_view to_string(Dimension dimension) noexcept;

/// A physical unit. Every unit is its dimension's base unit times a power of ten,
/// so converting between units of one dimension is exact.
///
///   kexie::Quantity q{kexie::Decimal(3), kexie::Unit::t};   // 3 t = 3000 kg
enum class Unit : std::uint8_t {
  kg,                ///< kilogram
  t,                 ///< tonne, 10³ kg
  ten_thousand_t,    ///< 10⁴ t (万吨)
  m3,                ///< cubic metre (m³)
  ten_thousand_m3,   ///< 10⁴ m³ (万立方米)
  kWh,               ///< kilowatt-hour (千瓦时, 度)
  ten_thousand_kWh,  ///< 10⁴ kWh (万千瓦时)
  MWh,               ///< megawatt-hour, 10³ kWh
  GWh,               ///< gigawatt-hour, 10⁶ kWh
  kJ,                ///< kilojoule, 10⁻³ MJ
  MJ,                ///< megajoule
  GJ,                ///< gigajoule, 10³ MJ
};

/// The names of `Unit`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<Unit> {
  static constexpr std::array<std::string_view, 12> names{
      "kg", "t", "10^4 t", "m3", "10^4 m3", "kWh", "10^4 kWh", "MWh", "GWh", "kJ", "MJ", "GJ"};
  static constexpr bool listed(Unit v) noexcept {
    switch (v) {
      case Unit::kg:
      case Unit::t:
      case Unit::ten_thousand_t:
      case Unit::m3:
      case Unit::ten_thousand_m3:
      case Unit::kWh:
      case Unit::ten_thousand_kWh:
      case Unit::MWh:
      case Unit::GWh:
      case Unit::kJ:
      case Unit::MJ:
      case Unit::GJ:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<Unit>());

/// The unit's symbol: "kg", "t", "10^4 t", "m3", "10^4 m3", "kWh", "10^4 kWh", "MWh",
/// "GWh", "kJ", "MJ", "GJ" (ASCII, so the text is safe in any report).
/// \param unit the unit
/// \return its symbol, a static string; `parse_unit` reads it back
///
///   assert(kexie::to_string(kexie::Unit::ten_thousand_m3) == "10^4 m3");
[[nodiscard]] KEXIE_API std::string_view to_string(Unit unit) noexcept;
/// The unit whose symbol is `text`; `invalid_argument` otherwise.
/// \param text a symbol such as "MWh" or "10^4 m3", exactly as `to_string` spells it
/// \return the unit; `invalid_argument` naming the text otherwise
///
///   assert(kexie::parse_unit("MWh").value() == kexie::Unit::MWh);
[[nodiscard]] KEXIE_API Result<Unit> parse_unit(std::string_view text);
/// What `unit` measures.
/// \param unit the unit
/// \return its dimension: mass, volume, electric energy or heat energy
[[nodiscard]] KEXIE_API Dimension dimension(Unit unit) noexcept;
/// The dimension `carrier` is measured in: mass for coal and oil products and steam,
/// volume for natural gas, electric energy for both electricity carriers, heat
/// energy for heat.
/// \param carrier the energy carrier
/// \return the dimension its quantities must be given in
///
///   assert(kexie::dimension(kexie::Carrier::natural_gas) == kexie::Dimension::volume);
[[nodiscard]] KEXIE_API Dimension dimension(Carrier carrier) noexcept;
/// n such that 1 `unit` = 10^n base units of its dimension (t → 3, kJ → −3).
/// \param unit the unit
/// \return the power of ten to the dimension's base unit (kg, m3, kWh, MJ)
///
///   assert(kexie::base_exponent(kexie::Unit::GWh) == 6);
[[nodiscard]] KEXIE_API int base_exponent(Unit unit) noexcept;

/// An amount in a physical unit. Plain data; conversions check the sign and unit.
///
///   kexie::Quantity saved{kexie::Decimal::parse("12.5").value(), kexie::Unit::t};
///   std::cout << saved;   // 12.5 t
struct KEXIE_API Quantity {
  Decimal value;  ///< the amount
  Unit unit;      ///< its unit

  /// The same amount in `target`, exact; `invalid_argument` when the dimensions
  /// differ, `overflow` when it does not fit.
  /// \param target the unit wanted, of the same dimension (t and kg, MWh and kWh, …)
  /// \return the amount in `target`; `invalid_argument` or `overflow` as above
  ///
  ///   assert((Quantity{Decimal(2), Unit::MWh}.in(Unit::kWh).value().value == Decimal(2000)));
  [[nodiscard]] Result<Quantity> in(Unit target) const;
  /// "12.5 t".
  /// \return the value's exact text, a space and the unit's symbol
  [[nodiscard]] std::string to_string() const;

  /// Same value (across scales) and same unit; 1 t and 1000 kg are not equal.
  friend bool operator==(const Quantity&, const Quantity&) = default;
};

/// Streams `q.to_string()`.
/// \param os the stream
/// \param q the quantity
/// \return os
KEXIE_API std::ostream& operator<<(std::ostream& os, const Quantity& q);

// ---------------------------------------------------------------------------
// Standard-coal coefficients.

/// One conversion coefficient: `kgce_per_unit` kilograms of standard coal
/// equivalent (kgce, 千克标准煤; 1 kgce = 29 307.6 kJ) per one `per_unit` of the
/// carrier. The unit is part of the value: 0.03412 kgce per MJ and 34.12 kgce per
/// GJ are the same coefficient, and a conversion uses whichever was stored exactly.
///
///   kexie::Coefficient heat{kexie::Carrier::heat, kexie::Decimal::parse("34.12").value(),
///                           kexie::Unit::GJ, "GB/T 2589-2020 Appendix A"};
struct KEXIE_API Coefficient {
  Carrier carrier;        ///< what it converts
  Decimal kgce_per_unit;  ///< kgce per one `per_unit`
  Unit per_unit;          ///< the unit of the denominator
  std::string source;     ///< where the value comes from (a standard, a measurement, …)

  /// "0.1229 kgce/kWh".
  /// \return the value's exact text, " kgce/" and the unit's symbol
  [[nodiscard]] std::string to_string() const;

  /// Same carrier, value (across scales), unit and source.
  friend bool operator==(const Coefficient&, const Coefficient&) = default;
};

/// The range a coefficient of `carrier` must fall in, in kgce per `per_unit`, unless
/// the caller waives the check. Wide enough for every published value, narrow
/// enough to catch a 1000× unit slip, and disjoint for the two electricity values
/// (equivalent 0.11–0.13, equal 0.15–0.60 kgce/kWh).
///
///   kexie::CoefficientRange r = kexie::plausible_range(kexie::Carrier::heat);
///   // 0.030–0.040 kgce/MJ: 34.12 "per MJ" is refused, 34.12 per GJ is accepted
struct KEXIE_API CoefficientRange {
  Decimal low;    ///< smallest accepted value, inclusive
  Decimal high;   ///< largest accepted value, inclusive
  Unit per_unit;  ///< the unit both bounds are per (the dimension's base unit)
};

/// The plausible range for `carrier` (see CoefficientRange).
/// \param carrier the energy carrier
/// \return the accepted bounds, per the dimension's base unit
[[nodiscard]] KEXIE_API CoefficientRange plausible_range(Carrier carrier) noexcept;

/// Whether CoefficientTable::set checks a value against `plausible_range`.
///
///   table.set(kexie::Carrier::steam, v, kexie::Unit::t, "site table", kexie::RangeCheck::waive);
enum class RangeCheck : std::uint8_t {
  enforce,  ///< refuse an implausible value (the default)
  waive,    ///< accept any positive value; for coefficients outside the usual range
};

/// The names of `RangeCheck`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<RangeCheck> {
  static constexpr std::array<std::string_view, 2> names{"enforce", "waive"};
  static constexpr bool listed(RangeCheck v) noexcept {
    switch (v) {
      case RangeCheck::enforce:
      case RangeCheck::waive:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<RangeCheck>());

/// Which of the documented natural-gas coefficients a GB/T 2589 table carries.
///
///   auto t = kexie::CoefficientTable::gb_t_2589(kexie::NaturalGasBasis::range_high);
///   // natural gas 1.3300 kgce/m³
enum class NaturalGasBasis : std::uint8_t {
  reference,   ///< 1.2143 kgce/m³, the reference value (the default)
  range_low,   ///< 1.1000 kgce/m³, the low end of the tabulated 1.1000–1.3300
  range_high,  ///< 1.3300 kgce/m³, the high end; the value of the 2008 edition
};

/// The names of `NaturalGasBasis`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<NaturalGasBasis> {
  static constexpr std::array<std::string_view, 3> names{"reference", "range_low", "range_high"};
  static constexpr bool listed(NaturalGasBasis v) noexcept {
    switch (v) {
      case NaturalGasBasis::reference:
      case NaturalGasBasis::range_low:
      case NaturalGasBasis::range_high:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<NaturalGasBasis>());

/// Published values of electricity's equal value (等价值) seen in practice — 0.404,
/// 0.3025 and 0.28078 kgce/kWh — for reference only: the equal value is set per year
/// and region by the caller, so no table carries one by default.
/// \return the three values in kgce/kWh, a static array
///
///   for (kexie::Decimal v : kexie::equal_value_examples()) std::cout << v << '\n';
[[nodiscard]] KEXIE_API std::span<const Decimal> equal_value_examples() noexcept;

/// A named, versioned table of standard-coal coefficients (折标准煤系数), one per
/// carrier at most. `gb_t_2589()` is the library default; a caller builds its own
/// table, or derives one from the default and overrides or adds entries (steam at
/// its pressure, electricity's equal value for its year and region).
///
///   kexie::CoefficientTable t = kexie::CoefficientTable::gb_t_2589().derive(
///       "Acme 2024", "2024-01", "GB/T 2589-2020 plus Acme's steam and grid values");
///   t.set(kexie::Carrier::steam, kexie::Decimal::parse("0.0949").value(), kexie::Unit::kg,
///         "1.0 MPa saturated steam").value();
///   t.set(kexie::Carrier::electricity_equal_value, kexie::Decimal::parse("0.3025").value(),
///         kexie::Unit::kWh, "provincial 2023 value").value();
class KEXIE_API CoefficientTable {
 public:
  /// An empty table with a name, an edition and a free-text source.
  ///
  /// \param name the table's name, cited by every figure computed with it
  /// \param edition its edition or version, cited alongside the name
  /// \param source where the table as a whole comes from (free text; may be empty)
  ///
  ///   kexie::CoefficientTable mine("Plant 3 measured", "2025-03", "lab report 2025-17");
  CoefficientTable(std::string name, std::string edition, std::string source = {});

  /// The library default: the GB/T 2589 (综合能耗计算通则) reference coefficients for
  /// every carrier but electricity's equal value and steam, which have no default.
  /// Named "GB/T 2589", edition "2020".
  /// \return the shared immutable default table (natural gas at its reference value)
  ///
  ///   const auto& t = kexie::CoefficientTable::gb_t_2589();
  ///   t.find(kexie::Carrier::raw_coal).value().kgce_per_unit  // 0.7143 per kg
  [[nodiscard]] static const CoefficientTable& gb_t_2589();
  /// The GB/T 2589 table with the natural-gas coefficient `basis`; the name says which
  /// ("GB/T 2589, natural gas 1.3300" for range_high).
  /// \param basis which natural-gas coefficient: reference 1.2143, range_low 1.1000 or
  /// range_high 1.3300 kgce/m³
  /// \return a new table, edition "2020"
  [[nodiscard]] static CoefficientTable gb_t_2589(NaturalGasBasis basis);

  /// A copy with every coefficient (and its source) under a new name and edition, so
  /// results computed with it do not cite the table it was derived from.
  /// \param name the table's name, cited by every figure computed with it
  /// \param edition its edition or version, e.g. "2025-03", cited alongside the name
  /// \param source where the table as a whole comes from (free text; may be empty)
  /// \return the copy; this table is unchanged
  [[nodiscard]] CoefficientTable derive(std::string name, std::string edition,
                                        std::string source = {}) const;

  /// The table's name, e.g. "GB/T 2589".
  /// \return the name given at construction or by `derive`
  [[nodiscard]] const std::string& name() const noexcept { return name_; }
  /// The table's edition, e.g. "2020".
  /// \return the edition given at construction or by `derive`
  [[nodiscard]] const std::string& edition() const noexcept { return edition_; }
  /// Where the table as a whole comes from.
  /// \return the free-text source; may be empty
  [[nodiscard]] const std::string& source() const noexcept { return source_; }

  /// Adds or replaces the coefficient for `carrier`. `invalid_argument` when `per_unit`
  /// does not measure the carrier (kgce per m³ for coal), when the value is not
  /// positive, or (with RangeCheck::enforce) outside `plausible_range`, with a hint
  /// at the unit slip. On refusal the table is unchanged.
  /// \param carrier the energy carrier the coefficient converts
  /// \param kgce_per_unit kilograms of standard coal per one `per_unit`; positive
  /// \param per_unit the unit of the carrier it is per; must measure the carrier
  /// \param source where the value comes from (a standard, a measurement); well-formed
  /// text (`text.*`)
  /// \param check whether the value must lie in `plausible_range(carrier)`
  /// \return ok; `invalid_argument` naming the carrier otherwise
  ///
  ///   kexie::Status s = t.set(kexie::Carrier::heat, kexie::Decimal::parse("34.12").value(),
  ///                           kexie::Unit::MJ);
  ///   assert(s.code() == kexie::ErrorCode::invalid_argument);  // outside 0.030–0.040 kgce/MJ
  [[nodiscard]] Status set(Carrier carrier, Decimal kgce_per_unit, Unit per_unit,
                           std::string source = {}, RangeCheck check = RangeCheck::enforce);
  /// Same as `set(c.carrier, c.kgce_per_unit, c.per_unit, c.source, check)`.
  /// \param c the coefficient, with its carrier, value, unit and source
  /// \param check whether the value must lie in `plausible_range(c.carrier)`
  /// \return ok; `invalid_argument` naming the carrier otherwise
  [[nodiscard]] Status set(const Coefficient& c, RangeCheck check = RangeCheck::enforce);
  /// Removes the coefficient for `carrier`; `not_found` when there is none.
  /// \param carrier the carrier whose coefficient goes
  /// \return ok; `not_found` when the table has none for it
  [[nodiscard]] Status erase(Carrier carrier);

  /// The coefficient for `carrier`; `not_found` naming the carrier and the table when
  /// it has none (steam and electricity's equal value in the default table).
  /// \param carrier the carrier to convert
  /// \return a copy of its coefficient; `not_found` when there is none (never a guess)
  ///
  ///   assert(t.find(kexie::Carrier::steam).code() == kexie::ErrorCode::not_found);
  [[nodiscard]] Result<Coefficient> find(Carrier carrier) const;
  /// True when the table has a coefficient for `carrier`.
  /// \param carrier the carrier asked about
  /// \return true when `find(carrier)` would succeed
  [[nodiscard]] bool contains(Carrier carrier) const noexcept;
  /// Every coefficient, in carrier order.
  /// \return copies of the coefficients the table has, in `Carrier` order
  [[nodiscard]] std::vector<Coefficient> coefficients() const;

 private:
  std::string name_;
  std::string edition_;
  std::string source_;
  std::array<std::optional<Coefficient>, enum_count<Carrier>> entries_;  // one slot per Carrier
};

/// The unit of a standard-coal figure.
enum class CoalUnit : std::uint8_t {
  kgce,  ///< kilograms of standard coal equivalent (千克标准煤), kKgceScale places
  tce,   ///< tonnes of standard coal equivalent (吨标准煤), kTceScale places
};

/// The names of `CoalUnit`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<CoalUnit> {
  static constexpr std::array<std::string_view, 2> names{"kgce", "tce"};
  static constexpr bool listed(CoalUnit v) noexcept {
    switch (v) {
      case CoalUnit::kgce:
      case CoalUnit::tce:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<CoalUnit>());

/// "kgce" or "tce".
/// \param unit the unit of a standard-coal figure
/// \return its name, a static string
[[nodiscard]] KEXIE_API std::string_view to_string(CoalUnit unit) noexcept;

/// A standard-coal figure and everything an explanation needs to cite it.
///
///   auto r = kexie::to_standard_coal(kexie::Carrier::electricity_equivalent_value,
///                                    {kexie::Decimal(1'000'000), kexie::Unit::kWh});
///   assert(r->value.to_string() == "122.900000" && r->table_name == "GB/T 2589");
///   std::cout << r->citation();  // "1000000 kWh of electricity, equivalent value
///                                //  (电力（当量值）) × 0.1229 kgce/kWh [GB/T 2589, 2020]
///                                //  = 122.900000 tce"
struct KEXIE_API CoalEquivalent {
  Decimal value;              ///< the figure, rounded half-even to the unit's scale
  CoalUnit unit;              ///< kgce or tce
  Carrier carrier;            ///< what was converted
  Quantity quantity;          ///< the quantity as given
  Coefficient coefficient;    ///< the coefficient used, with its unit and source
  std::string table_name;     ///< the table's name
  std::string table_edition;  ///< the table's edition

  /// One line for an explanation (see the example above).
  /// \return "<quantity> of <carrier> × <coefficient> [<table>, <edition>] = <value> <unit>"
  [[nodiscard]] std::string citation() const;
};

/// Converts `quantity` of `carrier` to standard coal with `table`'s coefficient,
/// rounding the exact product once to kTceScale / kKgceScale places, half-even.
/// Refusals: `invalid_argument` for a negative quantity or a unit that does not
/// measure the carrier (both naming the carrier); `not_found` when the table has no
/// coefficient for it (steam, or electricity's equal value, in the default table) —
/// never a guess; `overflow` when the figure does not fit.
/// \param carrier the energy carrier
/// \param quantity how much, in a unit of the carrier's dimension, not negative
/// \param table the coefficients to use (GB/T 2589 by default); cited in the result
/// \param unit the unit of the figure, tce (default) or kgce
/// \return the figure with its citation; or the refusal named above
///
///   auto coal = kexie::to_standard_coal(kexie::Carrier::raw_coal,
///                                       {kexie::Decimal(100), kexie::Unit::t});
///   assert(coal->value.to_string() == "71.430000");  // tce
[[nodiscard]] KEXIE_API Result<CoalEquivalent> to_standard_coal(
    Carrier carrier, const Quantity& quantity,
    const CoefficientTable& table = CoefficientTable::gb_t_2589(), CoalUnit unit = CoalUnit::tce);

// ---------------------------------------------------------------------------
// CO2 emissions.

/// How a grid emission factor (电网排放因子) was computed.
///
///   kexie::GridFactorMethod m = kexie::GridFactorMethod::location_average;
enum class GridFactorMethod : std::uint8_t {
  location_average,             ///< average of all power (全国电力平均), location-based
  excluding_market_non_fossil,  ///< excluding market-traded non-fossil power
  fossil_only,                  ///< fossil-fuelled power only (化石能源电力)
};

/// The names of `GridFactorMethod`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<GridFactorMethod> {
  static constexpr std::array<std::string_view, 3> names{
      "location_average", "excluding_market_non_fossil", "fossil_only"};
  static constexpr bool listed(GridFactorMethod v) noexcept {
    switch (v) {
      case GridFactorMethod::location_average:
      case GridFactorMethod::excluding_market_non_fossil:
      case GridFactorMethod::fossil_only:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<GridFactorMethod>());

/// "location_average", "excluding_market_non_fossil", "fossil_only".
/// \param method the method
/// \return its name, a static string
[[nodiscard]] KEXIE_API std::string_view to_string(GridFactorMethod method) noexcept;

/// A grid CO2 emission factor in t CO2/MWh (= kg CO2/kWh) for the years
/// `first_year`–`last_year` inclusive and one method.
///
///   kexie::GridFactor f{2023, 2025, kexie::GridFactorMethod::location_average,
///                       kexie::Decimal::parse("0.5703").value(), "MEE 2023 notice", false};
struct KEXIE_API GridFactor {
  int first_year;           ///< first year it applies to
  int last_year;            ///< last year it applies to (== first_year for one year)
  GridFactorMethod method;  ///< how it was computed
  Decimal t_co2_per_mwh;    ///< the factor
  std::string source;       ///< who published it
  bool confirmed = false;   ///< false: a default still to be confirmed at the source

  /// "0.5703 tCO2/MWh (location_average, 2023–2025; to be confirmed)".
  /// \return the factor, its method and years, and whether it is still to be confirmed
  [[nodiscard]] std::string to_string() const;

  /// Same key (years, method), value, source and confirmation.
  friend bool operator==(const GridFactor&, const GridFactor&) = default;
};

/// A named, versioned set of grid emission factors keyed by year and method. When
/// ranges of one method nest, the narrowest range covering a year wins, so a caller
/// may override one year of a multi-year default; ranges that overlap without
/// nesting are refused.
///
///   kexie::GridFactorTable g = kexie::GridFactorTable::china_national().derive("mine", "2025");
///   g.set({2024, 2024, kexie::GridFactorMethod::location_average,
///          kexie::Decimal::parse("0.5500").value(), "my province", true}).value();
class KEXIE_API GridFactorTable {
 public:
  /// An empty table with a name, an edition and a free-text source.
  /// \param name the table's name, cited by every figure computed with it
  /// \param edition its edition or version, e.g. "2025-03", cited alongside the name
  /// \param source where the table as a whole comes from (free text; may be empty)
  GridFactorTable(std::string name, std::string edition, std::string source = {});

  /// The library default: China's national averages (location_average) — 0.5568 for
  /// 2021, 0.5366 for 2022 (MEE and NBS, 2024) and 0.5703 for 2023–2025 enterprise
  /// reporting (MEE, 2023) — each marked to be confirmed. Named "China national grid
  /// CO2 emission factors", edition "2024-12". No default for the other methods.
  /// \return the shared immutable default table
  ///
  ///   kexie::GridFactorTable::china_national().find(2022).value().t_co2_per_mwh  // 0.5366
  [[nodiscard]] static const GridFactorTable& china_national();

  /// A copy of every factor under a new name and edition.
  /// \param name the table's name, cited by every figure computed with it
  /// \param edition its edition or version, e.g. "2025-03", cited alongside the name
  /// \param source where the table as a whole comes from (free text; may be empty)
  /// \return the copy; this table is unchanged
  [[nodiscard]] GridFactorTable derive(std::string name, std::string edition,
                                       std::string source = {}) const;

  /// The table's name.
  /// \return the name given at construction or by `derive`
  [[nodiscard]] const std::string& name() const noexcept { return name_; }
  /// The table's edition.
  /// \return the edition given at construction or by `derive`
  [[nodiscard]] const std::string& edition() const noexcept { return edition_; }
  /// Where the table as a whole comes from.
  /// \return the free-text source; may be empty
  [[nodiscard]] const std::string& source() const noexcept { return source_; }

  /// Adds a factor, replacing one with the same years and method. `invalid_argument`
  /// for reversed years or a factor that is not in (0, 2] t CO2/MWh; `already_exists`
  /// when its years overlap another range of the same method without nesting.
  /// \param factor the years, method, value (t CO2/MWh), source and confirmation
  /// \return ok; `invalid_argument` or `already_exists` as above (table unchanged)
  [[nodiscard]] Status set(GridFactor factor);

  /// The factor for `year` and `method` (narrowest covering range); `not_found` naming
  /// the year, method and table when there is none.
  /// \param year the calendar year of the consumption or saving
  /// \param method how the factor was computed (location-based average by default)
  /// \return a copy of the factor; `not_found` as above
  ///
  ///   auto f = kexie::GridFactorTable::china_national().find(2030);
  ///   assert(f.code() == kexie::ErrorCode::not_found);
  [[nodiscard]] Result<GridFactor> find(
      int year, GridFactorMethod method = GridFactorMethod::location_average) const;
  /// Every factor, ordered by method, first year, last year.
  /// \return the factors, borrowed: valid until the table changes or is destroyed
  [[nodiscard]] const std::vector<GridFactor>& factors() const noexcept { return factors_; }

 private:
  std::string name_;
  std::string edition_;
  std::string source_;
  std::vector<GridFactor> factors_;
};

/// The CO2 of a quantity of grid electricity, with the factor and table it used.
///
///   auto e = kexie::grid_emissions({kexie::Decimal(1000), kexie::Unit::MWh}, 2024);
///   assert(e->tonnes_co2.to_string() == "570.300000" && !e->factor.confirmed);
struct KEXIE_API GridEmission {
  Decimal tonnes_co2;         ///< t CO2, kTonnesCo2Scale places, half-even
  Quantity electricity;       ///< the quantity as given
  int year;                   ///< the year asked for
  GridFactor factor;          ///< the factor used (its key: years and method)
  std::string table_name;     ///< the table's name
  std::string table_edition;  ///< the table's edition

  /// "1000 MWh × 0.5703 tCO2/MWh (location_average, 2023–2025; to be confirmed)
  /// [China national grid CO2 emission factors, 2024-12] = 570.300000 t CO2".
  /// \return one line for an explanation: quantity × factor [table, edition] = t CO2
  [[nodiscard]] std::string citation() const;
};

/// t CO2 for `electricity` consumed (or saved) in `year`, by `method`. The quantity
/// must be in an electric-energy unit; `invalid_argument` for another unit or a
/// negative amount, `not_found` for a year or method the table does not cover.
/// \param electricity the electricity consumed or saved, in kWh, MWh, GWh or 10^4 kWh
/// \param year the calendar year of the consumption
/// \param method which grid factor (location-based average by default)
/// \param table the factors to use (China's national averages by default)
/// \return the t CO2 with the factor and table used; or the refusal named above
///
///   assert(kexie::grid_emissions({kexie::Decimal(1'000'000), kexie::Unit::kWh}, 2022)
///              ->tonnes_co2.to_string() == "536.600000");
[[nodiscard]] KEXIE_API Result<GridEmission> grid_emissions(
    const Quantity& electricity, int year,
    GridFactorMethod method = GridFactorMethod::location_average,
    const GridFactorTable& table = GridFactorTable::china_national());

/// The caller's parameters for a fuel's CO2 (there are no defaults): net calorific
/// value (低位发热量) in GJ per `ncv_per_unit`, carbon content per unit of heat
/// (单位热值含碳量) in t C/GJ, and oxidation rate (碳氧化率) as a fraction in (0, 1].
///
///   kexie::FuelCarbon coal{kexie::Decimal::parse("20.908").value(), kexie::Unit::t,
///                          kexie::Decimal::parse("0.02618").value(),
///                          kexie::Decimal::parse("0.94").value(), "plant lab 2024"};
struct KEXIE_API FuelCarbon {
  Decimal ncv_gj_per_unit;  ///< net calorific value, GJ per ncv_per_unit
  Unit ncv_per_unit;        ///< t, 10^4 m3, … (must measure the fuel)
  Decimal carbon_t_per_gj;  ///< carbon content, t C per GJ
  Decimal oxidation_rate;   ///< fraction of the carbon oxidized, (0, 1]
  std::string source;       ///< where the parameters come from
};

/// The CO2 of burning a fuel, with the parameters it used.
struct KEXIE_API FuelEmission {
  Decimal tonnes_co2;  ///< t CO2, kTonnesCo2Scale places, half-even
  Carrier fuel;        ///< what was burnt
  Quantity quantity;   ///< the quantity as given
  FuelCarbon carbon;   ///< the parameters used

  /// "100 t of raw coal (原煤) × 20.908 GJ/t × 0.02618 tC/GJ × 0.94 × 44/12
  /// [plant lab 2024] = 188.660690 t CO2".
  /// \return one line for an explanation: quantity × NCV × carbon × oxidation × 44/12
  /// [source] = t CO2
  [[nodiscard]] std::string citation() const;
};

/// t CO2 = quantity × NCV × carbon content × oxidation rate × 44/12, computed exactly
/// and rounded once. Fuels only: electricity, heat and steam are refused
/// (`invalid_argument`, use grid_emissions for electricity), as are a negative
/// quantity, a unit that does not measure the fuel, and a non-positive NCV or carbon
/// content or an oxidation rate outside (0, 1], each naming the item.
/// \param fuel the fuel burnt or saved
/// \param quantity how much, in a unit of the fuel's dimension, not negative
/// \param carbon the caller's NCV, carbon content and oxidation rate for the fuel
/// \return the t CO2 with the parameters used; or the refusal named above
///
///   kexie::fuel_emissions(kexie::Carrier::raw_coal, {kexie::Decimal(100), kexie::Unit::t}, coal)
[[nodiscard]] KEXIE_API Result<FuelEmission> fuel_emissions(Carrier fuel, const Quantity& quantity,
                                                            const FuelCarbon& carbon);

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_ENERGY_HPP
