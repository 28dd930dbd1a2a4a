// Tests for kexie/energy.hpp: the GB/T 2589 default table as data, exact
// conversions to kgce/tce with hand-computed figures, unit checking (wrong
// dimension, kgce/MJ vs kgce/GJ, equivalent vs equal value of electricity),
// refusals with the right code and a message naming the item, caller tables
// overriding the defaults, grid factors keyed by year and method, and fuel CO2.
#include "kexie/energy.hpp"

#include <gtest/gtest.h>

#include <set>
#include <sstream>
#include <string>

#include "kexie/literals.hpp"

using namespace kexie::literals;

using kexie::Carrier;
using kexie::CoalUnit;
using kexie::CoefficientTable;
using kexie::Decimal;
using kexie::Dimension;
using kexie::ErrorCode;
using kexie::FuelCarbon;
using kexie::GridFactor;
using kexie::GridFactorMethod;
using kexie::GridFactorTable;
using kexie::Quantity;
using kexie::Unit;

namespace {

Quantity qty(const char* value, Unit unit) {
  return Quantity{kexie::Decimal::parse(value).value(), unit};
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// The exact text of a successful tce conversion with the default table.
std::string tce(Carrier c, const char* value, Unit unit) {
  return kexie::to_standard_coal(c, qty(value, unit)).value().value.to_string();
}

}  // namespace

// --- carriers and units ----------------------------------------------------------

TEST(EnergyCarriers, NamesAreDistinctAndRoundTrip) {
  const auto carriers = kexie::all_carriers();
  ASSERT_EQ(carriers.size(), 15u);
  std::set<std::string> ids, chinese;
  for (Carrier c : carriers) {
    ids.insert(std::string(kexie::to_string(c)));
    chinese.insert(std::string(kexie::chinese_name(c)));
    EXPECT_EQ(kexie::parse_carrier(kexie::to_string(c)).value(), c);
  }
  EXPECT_EQ(ids.size(), 15u);
  EXPECT_EQ(chinese.size(), 15u);
  EXPECT_EQ(kexie::chinese_name(Carrier::electricity_equivalent_value), "电力（当量值）");
  EXPECT_EQ(kexie::chinese_name(Carrier::electricity_equal_value), "电力（等价值）");
  EXPECT_EQ(kexie::english_name(Carrier::liquefied_petroleum_gas), "liquefied petroleum gas");
  EXPECT_EQ(kexie::parse_carrier("electricity").code(), ErrorCode::invalid_argument);
}

TEST(EnergyUnits, DimensionsExponentsAndSymbols) {
  EXPECT_EQ(kexie::dimension(Unit::t), Dimension::mass);
  EXPECT_EQ(kexie::dimension(Unit::ten_thousand_m3), Dimension::volume);
  EXPECT_EQ(kexie::dimension(Unit::MWh), Dimension::electric_energy);
  EXPECT_EQ(kexie::dimension(Unit::GJ), Dimension::heat_energy);
  EXPECT_EQ(kexie::base_exponent(Unit::t), 3);
  EXPECT_EQ(kexie::base_exponent(Unit::ten_thousand_kWh), 4);
  EXPECT_EQ(kexie::base_exponent(Unit::kJ), -3);
  EXPECT_EQ(kexie::base_exponent(Unit::GJ), 3);
  for (Unit u :
       {Unit::kg, Unit::t, Unit::ten_thousand_t, Unit::m3, Unit::ten_thousand_m3, Unit::kWh,
        Unit::ten_thousand_kWh, Unit::MWh, Unit::GWh, Unit::kJ, Unit::MJ, Unit::GJ}) {
    EXPECT_EQ(kexie::parse_unit(kexie::to_string(u)).value(), u);
  }
  EXPECT_EQ(kexie::parse_unit("m³").code(), ErrorCode::invalid_argument);
  EXPECT_EQ(kexie::dimension(Carrier::natural_gas), Dimension::volume);
  EXPECT_EQ(kexie::dimension(Carrier::steam), Dimension::mass);
  EXPECT_EQ(kexie::dimension(Carrier::heat), Dimension::heat_energy);
  EXPECT_EQ(kexie::dimension(Carrier::electricity_equal_value), Dimension::electric_energy);
}

TEST(EnergyUnits, QuantityConvertsExactlyWithinADimension) {
  EXPECT_EQ(qty("2", Unit::MWh).in(Unit::kWh).value(), qty("2000", Unit::kWh));
  EXPECT_EQ(qty("1500", Unit::kg).in(Unit::t).value().value.to_string(), "1.500");
  EXPECT_EQ(qty("2.50", Unit::t).in(Unit::kg).value().value.to_string(), "2500");
  EXPECT_EQ(qty("1", Unit::kJ).in(Unit::GJ).value().value.to_string(), "0.000001");
  EXPECT_EQ(qty("3", Unit::ten_thousand_m3).in(Unit::m3).value().value, Decimal(30000));
  const auto bad = qty("1", Unit::kWh).in(Unit::MJ);
  EXPECT_EQ(bad.code(), ErrorCode::invalid_argument);
  EXPECT_TRUE(contains(bad.error().message(), "electric energy")) << bad.error();
  EXPECT_EQ(qty("999999999999999999", Unit::GWh).in(Unit::kWh).code(), ErrorCode::overflow);
  std::ostringstream os;
  os << qty("12.5", Unit::ten_thousand_t);
  EXPECT_EQ(os.str(), "12.5 10^4 t");
  EXPECT_NE(qty("1", Unit::t), qty("1000", Unit::kg));
}

// --- the default table ------------------------------------------------------------

TEST(EnergyTable, DefaultIsGbT2589WithItsSource) {
  const CoefficientTable& t = CoefficientTable::gb_t_2589();
  EXPECT_EQ(t.name(), "GB/T 2589");
  EXPECT_EQ(t.edition(), "2020");
  EXPECT_TRUE(contains(t.source(), "综合能耗计算通则"));
  struct Row {
    Carrier c;
    const char* value;
    Unit per;
  };
  const Row expected[] = {
      {Carrier::raw_coal, "0.7143", Unit::kg},
      {Carrier::washed_coal, "0.9000", Unit::kg},
      {Carrier::coke, "0.9714", Unit::kg},
      {Carrier::crude_oil, "1.4286", Unit::kg},
      {Carrier::fuel_oil, "1.4286", Unit::kg},
      {Carrier::gasoline, "1.4714", Unit::kg},
      {Carrier::kerosene, "1.4714", Unit::kg},
      {Carrier::diesel, "1.4571", Unit::kg},
      {Carrier::liquefied_petroleum_gas, "1.7143", Unit::kg},
      {Carrier::refinery_dry_gas, "1.5714", Unit::kg},
      {Carrier::natural_gas, "1.2143", Unit::m3},
      {Carrier::heat, "0.03412", Unit::MJ},
      {Carrier::electricity_equivalent_value, "0.1229", Unit::kWh},
  };
  for (const Row& row : expected) {
    const auto c = t.find(row.c);
    ASSERT_TRUE(c.ok()) << kexie::to_string(row.c);
    EXPECT_EQ(c->kgce_per_unit.to_string(), row.value) << kexie::to_string(row.c);
    EXPECT_EQ(c->per_unit, row.per) << kexie::to_string(row.c);
    EXPECT_EQ(c->carrier, row.c);
    EXPECT_FALSE(c->source.empty());
  }
  EXPECT_EQ(t.coefficients().size(), 13u);
  EXPECT_FALSE(t.contains(Carrier::steam));
  EXPECT_FALSE(t.contains(Carrier::electricity_equal_value));
  EXPECT_EQ(t.find(Carrier::heat)->to_string(), "0.03412 kgce/MJ");
}

TEST(EnergyTable, NaturalGasAlternativesAreNamed) {
  const auto low = CoefficientTable::gb_t_2589(kexie::NaturalGasBasis::range_low);
  const auto high = CoefficientTable::gb_t_2589(kexie::NaturalGasBasis::range_high);
  const auto ref = CoefficientTable::gb_t_2589(kexie::NaturalGasBasis::reference);
  EXPECT_EQ(low.find(Carrier::natural_gas)->kgce_per_unit, "1.1000"_dec);
  EXPECT_EQ(high.find(Carrier::natural_gas)->kgce_per_unit, "1.3300"_dec);
  EXPECT_EQ(ref.find(Carrier::natural_gas)->kgce_per_unit, "1.2143"_dec);
  EXPECT_EQ(high.name(), "GB/T 2589, natural gas 1.3300");
  EXPECT_EQ(low.name(), "GB/T 2589, natural gas 1.1000");
  EXPECT_TRUE(contains(high.find(Carrier::natural_gas)->source, "2008"));
  // 10^4 m³ × 1.3300 kgce/m³ = 13 300 kgce = 13.3 tce.
  EXPECT_EQ(kexie::to_standard_coal(Carrier::natural_gas, qty("1", Unit::ten_thousand_m3), high)
                ->value.to_string(),
            "13.300000");
  // Everything else is the reference table's.
  EXPECT_EQ(high.find(Carrier::raw_coal).value(), ref.find(Carrier::raw_coal).value());
  const auto examples = kexie::equal_value_examples();
  ASSERT_EQ(examples.size(), 3u);
  EXPECT_EQ(examples[0], "0.404"_dec);
  EXPECT_EQ(examples[1], "0.3025"_dec);
  EXPECT_EQ(examples[2], "0.28078"_dec);
}

// --- conversions to standard coal ---------------------------------------------------

TEST(EnergyConvert, HandComputedFigures) {
  // 1 000 000 kWh × 0.1229 kgce/kWh = 122 900 kgce = 122.9 tce.
  EXPECT_EQ(tce(Carrier::electricity_equivalent_value, "1000000", Unit::kWh), "122.900000");
  // The same in other units of electric energy.
  EXPECT_EQ(tce(Carrier::electricity_equivalent_value, "1000", Unit::MWh), "122.900000");
  EXPECT_EQ(tce(Carrier::electricity_equivalent_value, "100", Unit::ten_thousand_kWh),
            "122.900000");
  EXPECT_EQ(tce(Carrier::electricity_equivalent_value, "1", Unit::GWh), "122.900000");
  // 100 t × 1000 kg/t × 0.7143 = 71 430 kgce.
  EXPECT_EQ(tce(Carrier::raw_coal, "100", Unit::t), "71.430000");
  // 2.5 t diesel × 1.4571 = 3 642.75 kgce.
  EXPECT_EQ(tce(Carrier::diesel, "2.5", Unit::t), "3.642750");
  // 10^4 m³ × 1.2143 = 12 143 kgce.
  EXPECT_EQ(tce(Carrier::natural_gas, "1", Unit::ten_thousand_m3), "12.143000");
  EXPECT_EQ(tce(Carrier::natural_gas, "10000", Unit::m3), "12.143000");
  // 1 GJ = 1000 MJ × 0.03412 = 34.12 kgce; the table's unit (MJ) is honoured.
  EXPECT_EQ(tce(Carrier::heat, "1", Unit::GJ), "0.034120");
  EXPECT_EQ(tce(Carrier::heat, "1000", Unit::MJ), "0.034120");
  EXPECT_EQ(tce(Carrier::heat, "1000000", Unit::kJ), "0.034120");
  // 0.01 万吨 LPG = 100 t × 1.7143 = 171.43 tce.
  EXPECT_EQ(tce(Carrier::liquefied_petroleum_gas, "0.01", Unit::ten_thousand_t), "171.430000");
  // Zero saved is zero.
  EXPECT_EQ(tce(Carrier::coke, "0", Unit::t), "0.000000");
}

TEST(EnergyConvert, DeclaredScaleAndHalfEvenRounding) {
  const auto kg = kexie::to_standard_coal(Carrier::raw_coal, qty("1", Unit::kg),
                                          CoefficientTable::gb_t_2589(), CoalUnit::kgce);
  ASSERT_TRUE(kg.ok());
  EXPECT_EQ(kg->unit, CoalUnit::kgce);
  EXPECT_EQ(kg->value.scale(), kexie::kKgceScale);
  EXPECT_EQ(kg->value.to_string(), "0.714");  // 0.7143 → 3 places
  // 12.5 MJ × 0.03412 = 0.4265 kgce exactly: a tie, rounded to the even 0.426
  // (half-up would give 0.427), and 0.0004265 tce → 0.000426.
  EXPECT_EQ(kexie::to_standard_coal(Carrier::heat, qty("12.5", Unit::MJ),
                                    CoefficientTable::gb_t_2589(), CoalUnit::kgce)
                ->value.to_string(),
            "0.426");
  EXPECT_EQ(tce(Carrier::heat, "12.5", Unit::MJ), "0.000426");
  // 37.5 MJ × 0.03412 = 1.2795: a tie rounded up to the even 1.280.
  EXPECT_EQ(kexie::to_standard_coal(Carrier::heat, qty("37.5", Unit::MJ),
                                    CoefficientTable::gb_t_2589(), CoalUnit::kgce)
                ->value.to_string(),
            "1.280");
  // 0.5 kg diesel × 1.4571 = 0.72855: above the tie, up.
  EXPECT_EQ(kexie::to_standard_coal(Carrier::diesel, qty("0.5", Unit::kg),
                                    CoefficientTable::gb_t_2589(), CoalUnit::kgce)
                ->value.to_string(),
            "0.729");
  EXPECT_EQ(kexie::to_string(CoalUnit::tce), "tce");
  EXPECT_EQ(kexie::kEnergyRounding, kexie::Rounding::half_even);
}

TEST(EnergyConvert, ResultRecordsTableEditionAndCoefficient) {
  const auto r =
      kexie::to_standard_coal(Carrier::electricity_equivalent_value, qty("1000000", Unit::kWh));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->table_name, "GB/T 2589");
  EXPECT_EQ(r->table_edition, "2020");
  EXPECT_EQ(r->carrier, Carrier::electricity_equivalent_value);
  EXPECT_EQ(r->quantity, qty("1000000", Unit::kWh));
  EXPECT_EQ(r->coefficient.kgce_per_unit, "0.1229"_dec);
  EXPECT_EQ(r->coefficient.per_unit, Unit::kWh);
  EXPECT_EQ(r->unit, CoalUnit::tce);
  EXPECT_EQ(r->citation(),
            "1000000 kWh of electricity, equivalent value (电力（当量值）) × 0.1229 kgce/kWh "
            "[GB/T 2589, 2020] = 122.900000 tce");
}

// --- refusals ---------------------------------------------------------------------

TEST(EnergyRefuse, WrongUnitNamesTheCarrier) {
  const auto coal = kexie::to_standard_coal(Carrier::raw_coal, qty("5", Unit::m3));
  EXPECT_EQ(coal.code(), ErrorCode::invalid_argument);
  EXPECT_TRUE(contains(coal.error().message(), "raw coal (原煤)")) << coal.error();
  EXPECT_TRUE(contains(coal.error().message(), "mass")) << coal.error();
  EXPECT_TRUE(contains(coal.error().message(), "m3")) << coal.error();
  EXPECT_EQ(coal.error().rule(), "energy.unit");
  EXPECT_EQ(kexie::to_standard_coal(Carrier::natural_gas, qty("5", Unit::kg)).code(),
            ErrorCode::invalid_argument);
  // Heat energy and electric energy are different dimensions: no kWh of heat.
  const auto heat = kexie::to_standard_coal(Carrier::heat, qty("5", Unit::kWh));
  EXPECT_EQ(heat.code(), ErrorCode::invalid_argument);
  EXPECT_TRUE(contains(heat.error().message(), "heat (热力)")) << heat.error();
  EXPECT_EQ(
      kexie::to_standard_coal(Carrier::electricity_equivalent_value, qty("5", Unit::GJ)).code(),
      ErrorCode::invalid_argument);
}

TEST(EnergyRefuse, NegativeQuantity) {
  const auto r = kexie::to_standard_coal(Carrier::diesel, qty("-1", Unit::t));
  EXPECT_EQ(r.code(), ErrorCode::invalid_argument);
  EXPECT_EQ(r.error().rule(), "energy.negative_quantity");
  EXPECT_TRUE(contains(r.error().message(), "diesel (柴油)")) << r.error();
  EXPECT_TRUE(contains(r.error().message(), "-1 t")) << r.error();
}

TEST(EnergyRefuse, EqualValueNeedsTheCallersValue) {
  const auto r =
      kexie::to_standard_coal(Carrier::electricity_equal_value, qty("1000000", Unit::kWh));
  EXPECT_EQ(r.code(), ErrorCode::not_found);
  EXPECT_EQ(r.error().rule(), "energy.no_coefficient");
  EXPECT_TRUE(contains(r.error().message(), "electricity, equal value (电力（等价值）)"))
      << r.error();
  EXPECT_TRUE(contains(r.error().message(), "GB/T 2589")) << r.error();
  // The equivalent value is never used in its place.
  EXPECT_NE(r.code(), ErrorCode::ok);
}

TEST(EnergyRefuse, SteamHasNoDefault) {
  const auto r = kexie::to_standard_coal(Carrier::steam, qty("10", Unit::t));
  EXPECT_EQ(r.code(), ErrorCode::not_found);
  EXPECT_TRUE(contains(r.error().message(), "steam (蒸汽)")) << r.error();
  EXPECT_TRUE(contains(r.error().message(), "pressure")) << r.error();
}

TEST(EnergyRefuse, OverflowIsAValue) {
  const auto r =
      kexie::to_standard_coal(Carrier::raw_coal, qty("999999999999999999", Unit::ten_thousand_t));
  EXPECT_EQ(r.code(), ErrorCode::overflow);
}

// --- caller tables ----------------------------------------------------------------

TEST(EnergyCallerTable, OverridesAndExtendsTheDefault) {
  CoefficientTable t = CoefficientTable::gb_t_2589().derive("Acme 2024", "2024-01", "site data");
  EXPECT_EQ(t.name(), "Acme 2024");
  EXPECT_EQ(t.edition(), "2024-01");
  EXPECT_EQ(t.source(), "site data");
  ASSERT_TRUE(
      t.set(Carrier::electricity_equal_value, "0.3025"_dec, Unit::kWh, "province 2023").ok());
  ASSERT_TRUE(t.set(Carrier::steam, "94.9"_dec, Unit::t, "1.0 MPa saturated").ok());
  ASSERT_TRUE(t.set(Carrier::raw_coal, "0.5714"_dec, Unit::kg, "lignite, lab 2024-07").ok());

  // 1 000 000 kWh × 0.3025 = 302 500 kgce.
  const auto equal =
      kexie::to_standard_coal(Carrier::electricity_equal_value, qty("1000000", Unit::kWh), t);
  ASSERT_TRUE(equal.ok()) << equal.error();
  EXPECT_EQ(equal->value.to_string(), "302.500000");
  EXPECT_EQ(equal->table_name, "Acme 2024");
  EXPECT_EQ(equal->table_edition, "2024-01");
  EXPECT_EQ(equal->coefficient.source, "province 2023");
  // The equivalent value is unchanged and separate.
  EXPECT_EQ(
      kexie::to_standard_coal(Carrier::electricity_equivalent_value, qty("1000000", Unit::kWh), t)
          ->value.to_string(),
      "122.900000");
  // 10 t of steam at 94.9 kgce/t = 949 kgce; 10 000 kg gives the same.
  EXPECT_EQ(kexie::to_standard_coal(Carrier::steam, qty("10", Unit::t), t)->value.to_string(),
            "0.949000");
  EXPECT_EQ(kexie::to_standard_coal(Carrier::steam, qty("10000", Unit::kg), t)->value.to_string(),
            "0.949000");
  // The override wins: 100 t × 0.5714 = 57.14 tce, not 71.43.
  EXPECT_EQ(kexie::to_standard_coal(Carrier::raw_coal, qty("100", Unit::t), t)->value.to_string(),
            "57.140000");
  // The default itself is untouched.
  EXPECT_EQ(tce(Carrier::raw_coal, "100", Unit::t), "71.430000");
  EXPECT_FALSE(CoefficientTable::gb_t_2589().contains(Carrier::steam));

  ASSERT_TRUE(t.erase(Carrier::steam).ok());
  EXPECT_EQ(t.erase(Carrier::steam).code(), ErrorCode::not_found);
  EXPECT_EQ(kexie::to_standard_coal(Carrier::steam, qty("10", Unit::t), t).code(),
            ErrorCode::not_found);
}

TEST(EnergyCallerTable, OwnTableFromScratch) {
  CoefficientTable mine("Plant 3 measured", "2025-03", "lab report 2025-17");
  EXPECT_TRUE(mine.coefficients().empty());
  const auto missing = kexie::to_standard_coal(Carrier::raw_coal, qty("1", Unit::t), mine);
  EXPECT_EQ(missing.code(), ErrorCode::not_found);
  EXPECT_TRUE(contains(missing.error().message(), "Plant 3 measured")) << missing.error();
  // Heat given per GJ: 2 GJ × 34.12 kgce/GJ = 68.24 kgce.
  ASSERT_TRUE(mine.set(kexie::Coefficient{Carrier::heat, "34.12"_dec, Unit::GJ, "lab"}).ok());
  const auto r =
      kexie::to_standard_coal(Carrier::heat, qty("2000", Unit::MJ), mine, CoalUnit::kgce);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->value.to_string(), "68.240");
  EXPECT_EQ(r->coefficient.to_string(), "34.12 kgce/GJ");
  EXPECT_EQ(mine.coefficients().size(), 1u);
}

TEST(EnergyCallerTable, UnitSlipsAreDetected) {
  CoefficientTable t("mine", "1");
  // 34.12 is per GJ; stated per MJ it would be 1000× too big.
  const auto per_mj = t.set(Carrier::heat, "34.12"_dec, Unit::MJ);
  EXPECT_EQ(per_mj.code(), ErrorCode::invalid_argument);
  EXPECT_EQ(per_mj.error().rule(), "energy.implausible_coefficient");
  EXPECT_TRUE(contains(per_mj.error().message(), "heat (热力)")) << per_mj.error();
  EXPECT_TRUE(contains(per_mj.error().message(), "1000")) << per_mj.error();
  // 0.03412 is per MJ; stated per GJ it would be 1000× too small.
  EXPECT_EQ(t.set(Carrier::heat, "0.03412"_dec, Unit::GJ).code(), ErrorCode::invalid_argument);
  // Both correct statements are accepted.
  EXPECT_TRUE(t.set(Carrier::heat, "0.03412"_dec, Unit::MJ).ok());
  EXPECT_TRUE(t.set(Carrier::heat, "34.12"_dec, Unit::GJ).ok());
  // kgce per t of coal given as if per kg.
  EXPECT_EQ(t.set(Carrier::raw_coal, "714.3"_dec, Unit::kg).code(), ErrorCode::invalid_argument);
  EXPECT_TRUE(t.set(Carrier::raw_coal, "714.3"_dec, Unit::t).ok());
  // A coefficient's unit must measure its carrier.
  const auto wrong = t.set(Carrier::natural_gas, "1.2143"_dec, Unit::kg);
  EXPECT_EQ(wrong.code(), ErrorCode::invalid_argument);
  EXPECT_TRUE(contains(wrong.error().message(), "natural gas (天然气)")) << wrong.error();
  EXPECT_EQ(t.set(Carrier::coke, "0"_dec, Unit::kg).code(), ErrorCode::invalid_argument);
  EXPECT_EQ(t.set(Carrier::coke, "-0.9714"_dec, Unit::kg).code(), ErrorCode::invalid_argument);
  // A refused set leaves the table as it was.
  EXPECT_FALSE(t.contains(Carrier::natural_gas));
  EXPECT_EQ(t.find(Carrier::heat)->kgce_per_unit, "34.12"_dec);
  // An unusual value can be accepted deliberately.
  EXPECT_TRUE(
      t.set(Carrier::steam, "0.25"_dec, Unit::kg, "superheated", kexie::RangeCheck::waive).ok());
  EXPECT_EQ(t.set(Carrier::steam, "0.25"_dec, Unit::kg).code(), ErrorCode::invalid_argument);
}

TEST(EnergyCallerTable, EquivalentAndEqualValueCannotBeSwapped) {
  CoefficientTable t("mine", "1");
  const auto equal_as_equivalent = t.set(Carrier::electricity_equal_value, "0.1229"_dec, Unit::kWh);
  EXPECT_EQ(equal_as_equivalent.code(), ErrorCode::invalid_argument);
  EXPECT_TRUE(contains(equal_as_equivalent.error().message(), "当量值"))
      << equal_as_equivalent.error();
  const auto equivalent_as_equal =
      t.set(Carrier::electricity_equivalent_value, "0.3025"_dec, Unit::kWh);
  EXPECT_EQ(equivalent_as_equal.code(), ErrorCode::invalid_argument);
  EXPECT_TRUE(contains(equivalent_as_equal.error().message(), "等价值"))
      << equivalent_as_equal.error();
  // Setting one leaves the other absent: distinct keys.
  ASSERT_TRUE(t.set(Carrier::electricity_equivalent_value, "0.1229"_dec, Unit::kWh).ok());
  EXPECT_FALSE(t.contains(Carrier::electricity_equal_value));
  for (const kexie::Decimal& v : kexie::equal_value_examples()) {
    EXPECT_TRUE(t.set(Carrier::electricity_equal_value, v, Unit::kWh).ok()) << v;
  }
  // Per MWh is fine too: 302.5 kgce/MWh = 0.3025 kgce/kWh.
  EXPECT_TRUE(t.set(Carrier::electricity_equal_value, "302.5"_dec, Unit::MWh).ok());
  EXPECT_EQ(kexie::to_standard_coal(Carrier::electricity_equal_value, qty("1000", Unit::kWh), t)
                ->value.to_string(),
            "0.302500");
}

// --- grid emissions ---------------------------------------------------------------

TEST(EnergyGrid, DefaultsAreKeyedByYearAndMethodAndToBeConfirmed) {
  const GridFactorTable& g = GridFactorTable::china_national();
  EXPECT_EQ(g.name(), "China national grid CO2 emission factors");
  EXPECT_EQ(g.factors().size(), 3u);
  EXPECT_EQ(g.find(2021)->t_co2_per_mwh, "0.5568"_dec);
  EXPECT_EQ(g.find(2022)->t_co2_per_mwh, "0.5366"_dec);
  for (int year : {2023, 2024, 2025}) {
    const auto f = g.find(year, GridFactorMethod::location_average);
    ASSERT_TRUE(f.ok()) << year;
    EXPECT_EQ(f->t_co2_per_mwh, "0.5703"_dec);
    EXPECT_EQ(f->first_year, 2023);
    EXPECT_EQ(f->last_year, 2025);
  }
  for (const GridFactor& f : g.factors()) {
    EXPECT_FALSE(f.confirmed);
    EXPECT_FALSE(f.source.empty());
  }
  EXPECT_EQ(g.find(2023)->to_string(),
            "0.5703 tCO2/MWh (location_average, 2023–2025; to be confirmed)");
}

TEST(EnergyGrid, HandComputedEmissions) {
  // 1000 MWh × 0.5703 t/MWh = 570.3 t.
  const auto e = kexie::grid_emissions(qty("1000", Unit::MWh), 2024);
  ASSERT_TRUE(e.ok()) << e.error();
  EXPECT_EQ(e->tonnes_co2.to_string(), "570.300000");
  EXPECT_EQ(e->tonnes_co2.scale(), kexie::kTonnesCo2Scale);
  EXPECT_EQ(e->year, 2024);
  EXPECT_EQ(e->factor.first_year, 2023);
  EXPECT_EQ(e->factor.method, GridFactorMethod::location_average);
  EXPECT_EQ(e->table_name, "China national grid CO2 emission factors");
  EXPECT_EQ(e->table_edition, "2024-12");
  EXPECT_TRUE(contains(e->citation(), "to be confirmed")) << e->citation();
  EXPECT_TRUE(contains(e->citation(), "= 570.300000 t CO2")) << e->citation();
  // 1 000 000 kWh × 0.5366 kg/kWh = 536 600 kg.
  EXPECT_EQ(kexie::grid_emissions(qty("1000000", Unit::kWh), 2022)->tonnes_co2.to_string(),
            "536.600000");
  // 12 345 kWh × 0.5568 = 6 873.696 kg.
  EXPECT_EQ(kexie::grid_emissions(qty("12345", Unit::kWh), 2021)->tonnes_co2.to_string(),
            "6.873696");
  // 1 kWh × 0.5703 = 0.5703 kg = 0.0005703 t → 6 places, above the tie: 0.000570.
  EXPECT_EQ(kexie::grid_emissions(qty("1", Unit::kWh), 2025)->tonnes_co2.to_string(), "0.000570");
}

TEST(EnergyGrid, Refusals) {
  const auto year = kexie::grid_emissions(qty("1", Unit::MWh), 2030);
  EXPECT_EQ(year.code(), ErrorCode::not_found);
  EXPECT_EQ(year.error().rule(), "energy.no_grid_factor");
  EXPECT_TRUE(contains(year.error().message(), "2030")) << year.error();
  EXPECT_TRUE(contains(year.error().message(), "location_average")) << year.error();
  const auto method =
      kexie::grid_emissions(qty("1", Unit::MWh), 2022, GridFactorMethod::fossil_only);
  EXPECT_EQ(method.code(), ErrorCode::not_found);
  EXPECT_TRUE(contains(method.error().message(), "fossil_only")) << method.error();
  const auto unit = kexie::grid_emissions(qty("1", Unit::GJ), 2022);
  EXPECT_EQ(unit.code(), ErrorCode::invalid_argument);
  EXPECT_TRUE(contains(unit.error().message(), "GJ")) << unit.error();
  const auto negative = kexie::grid_emissions(qty("-5", Unit::kWh), 2022);
  EXPECT_EQ(negative.code(), ErrorCode::invalid_argument);
  EXPECT_EQ(negative.error().rule(), "energy.negative_quantity");
}

TEST(EnergyGrid, CallerFactorsOverrideAndExtend) {
  GridFactorTable g = GridFactorTable::china_national().derive("Province X", "2025", "DRC");
  // A single year nested in 2023–2025 wins for that year only.
  ASSERT_TRUE(
      g.set({2024, 2024, GridFactorMethod::location_average, "0.5500"_dec, "province", true}).ok());
  EXPECT_EQ(g.find(2024)->t_co2_per_mwh, "0.5500"_dec);
  EXPECT_TRUE(g.find(2024)->confirmed);
  EXPECT_EQ(g.find(2025)->t_co2_per_mwh, "0.5703"_dec);
  const auto e =
      kexie::grid_emissions(qty("1000", Unit::MWh), 2024, GridFactorMethod::location_average, g);
  EXPECT_EQ(e->tonnes_co2.to_string(), "550.000000");
  EXPECT_EQ(e->table_name, "Province X");
  // Other methods can be added.
  ASSERT_TRUE(
      g.set({2022, 2022, GridFactorMethod::fossil_only, "0.8325"_dec, "caller", false}).ok());
  EXPECT_EQ(kexie::grid_emissions(qty("1", Unit::MWh), 2022, GridFactorMethod::fossil_only, g)
                ->tonnes_co2.to_string(),
            "0.832500");
  // Same key replaces.
  ASSERT_TRUE(
      g.set({2022, 2022, GridFactorMethod::location_average, "0.5400"_dec, "caller", true}).ok());
  EXPECT_EQ(g.find(2022)->t_co2_per_mwh, "0.5400"_dec);
  // Crossing ranges are refused, the table unchanged.
  const auto cross = g.set({2025, 2026, GridFactorMethod::location_average, "0.5"_dec, "x", false});
  EXPECT_EQ(cross.code(), ErrorCode::already_exists);
  EXPECT_FALSE(g.find(2026).ok());
  EXPECT_EQ(g.set({2026, 2025, GridFactorMethod::location_average, "0.5"_dec, "x", false}).code(),
            ErrorCode::invalid_argument);
  // A factor given in g/kWh (570.3) instead of t/MWh is caught.
  EXPECT_EQ(g.set({2027, 2027, GridFactorMethod::location_average, "570.3"_dec, "x", false}).code(),
            ErrorCode::invalid_argument);
  // The default is untouched.
  EXPECT_EQ(GridFactorTable::china_national().find(2024)->t_co2_per_mwh, "0.5703"_dec);
}

// --- fuel emissions ---------------------------------------------------------------

TEST(EnergyFuel, FormulaWithCallerParameters) {
  const FuelCarbon coal{"20.908"_dec, Unit::t, "0.02618"_dec, "0.94"_dec, "plant lab 2024"};
  // 100 × 20.908 × 0.02618 × 0.94 × 44/12 = 188.660689653… → 188.660690.
  const auto e = kexie::fuel_emissions(Carrier::raw_coal, qty("100", Unit::t), coal);
  ASSERT_TRUE(e.ok()) << e.error();
  EXPECT_EQ(e->tonnes_co2.to_string(), "188.660690");
  EXPECT_EQ(e->fuel, Carrier::raw_coal);
  EXPECT_EQ(e->carbon.source, "plant lab 2024");
  EXPECT_TRUE(contains(e->citation(), "× 44/12 [plant lab 2024] = 188.660690 t CO2"))
      << e->citation();
  // The same coal in kg gives the same CO2: units are converted, not assumed.
  EXPECT_EQ(kexie::fuel_emissions(Carrier::raw_coal, qty("100000", Unit::kg), coal)
                ->tonnes_co2.to_string(),
            "188.660690");
  // Natural gas: 1000 m³ = 0.1 × 10^4 m³; 0.1 × 389.31 × 0.01532 × 0.99 × 44/12 = 2.165015….
  const FuelCarbon gas{"389.31"_dec, Unit::ten_thousand_m3, "0.01532"_dec, "0.99"_dec, "NDRC"};
  EXPECT_EQ(kexie::fuel_emissions(Carrier::natural_gas, qty("1000", Unit::m3), gas)
                ->tonnes_co2.to_string(),
            "2.165015");
  // 12 t × 1 GJ/t × 0.012 tC/GJ × 1 × 44/12 = 0.528 exactly (44/12 is applied exactly).
  const FuelCarbon exact{"1"_dec, Unit::t, "0.012"_dec, "1"_dec, ""};
  EXPECT_EQ(
      kexie::fuel_emissions(Carrier::diesel, qty("12", Unit::t), exact)->tonnes_co2.to_string(),
      "0.528000");
  // 1 t × 1 × 0.000001 × 1 × 44/12 = 0.0000036666… → 0.000004.
  const FuelCarbon tiny{"1"_dec, Unit::t, "0.000001"_dec, "1"_dec, ""};
  EXPECT_EQ(kexie::fuel_emissions(Carrier::diesel, qty("1", Unit::t), tiny)->tonnes_co2.to_string(),
            "0.000004");
}

TEST(EnergyFuel, Refusals) {
  const FuelCarbon coal{"20.908"_dec, Unit::t, "0.02618"_dec, "0.94"_dec, "lab"};
  const auto elec =
      kexie::fuel_emissions(Carrier::electricity_equal_value, qty("1", Unit::kWh), coal);
  EXPECT_EQ(elec.code(), ErrorCode::invalid_argument);
  EXPECT_TRUE(contains(elec.error().message(), "grid_emissions")) << elec.error();
  EXPECT_EQ(kexie::fuel_emissions(Carrier::steam, qty("1", Unit::t), coal).code(),
            ErrorCode::invalid_argument);
  EXPECT_EQ(kexie::fuel_emissions(Carrier::raw_coal, qty("-1", Unit::t), coal).code(),
            ErrorCode::invalid_argument);
  EXPECT_EQ(kexie::fuel_emissions(Carrier::raw_coal, qty("1", Unit::m3), coal).code(),
            ErrorCode::invalid_argument);
  // NCV per m³ for a solid fuel.
  FuelCarbon bad = coal;
  bad.ncv_per_unit = Unit::m3;
  EXPECT_EQ(kexie::fuel_emissions(Carrier::raw_coal, qty("1", Unit::t), bad).code(),
            ErrorCode::invalid_argument);
  bad = coal;
  bad.oxidation_rate = "1.01"_dec;
  const auto ox = kexie::fuel_emissions(Carrier::raw_coal, qty("1", Unit::t), bad);
  EXPECT_EQ(ox.code(), ErrorCode::invalid_argument);
  EXPECT_TRUE(contains(ox.error().message(), "oxidation rate")) << ox.error();
  EXPECT_TRUE(contains(ox.error().message(), "raw coal (原煤)")) << ox.error();
  bad = coal;
  bad.ncv_gj_per_unit = "0"_dec;
  EXPECT_TRUE(
      contains(kexie::fuel_emissions(Carrier::raw_coal, qty("1", Unit::t), bad).error().message(),
               "net calorific value"));
  bad = coal;
  bad.carbon_t_per_gj = "-0.02"_dec;
  EXPECT_TRUE(
      contains(kexie::fuel_emissions(Carrier::raw_coal, qty("1", Unit::t), bad).error().message(),
               "carbon content"));
}

TEST(EnergyFuel, HighPrecisionInputsRoundOnce) {
  // Many places in the inputs: the exact product has 41 places, more than a single
  // 128-bit division can take, so the last places are dropped with a sticky bit.
  // 0.5 t × 0.000000000000000001 GJ/t × … is far below a gram: 0.
  const FuelCarbon tiny{"0.000000000000000007"_dec, Unit::t, "0.0005"_dec, "0.5"_dec, ""};
  const auto e = kexie::fuel_emissions(Carrier::diesel, qty("0.000000000000000003", Unit::t), tiny);
  ASSERT_TRUE(e.ok()) << e.error();
  EXPECT_EQ(e->tonnes_co2.to_string(), "0.000000");
  // Two values straddling half a gram, 0.0000005 t, by about 2e-24 t, with 41 places
  // in the exact product: one rounds down, the other up.
  const FuelCarbon f{"0.123456789012345679"_dec, Unit::t, "0.00001"_dec, "1"_dec, ""};
  EXPECT_EQ(kexie::fuel_emissions(Carrier::diesel, qty("0.110454546448636372", Unit::t), f)
                ->tonnes_co2.to_string(),
            "0.000000");  // 4.99999999999999997310…e-7
  EXPECT_EQ(kexie::fuel_emissions(Carrier::diesel, qty("0.110454546448636373", Unit::t), f)
                ->tonnes_co2.to_string(),
            "0.000001");  // 5.00000000000000001836…e-7
}

TEST(EnergyCallerTable, AnInvalidCarrierIndexesNoSlot) {
  CoefficientTable t("mine", "1");
  const auto bad = static_cast<Carrier>(200);
  EXPECT_EQ(t.find(bad).code(), ErrorCode::invalid_argument);
  EXPECT_EQ(t.find(bad).error().message(), "carrier 200 is out of range");
  EXPECT_EQ(t.erase(bad).code(), ErrorCode::invalid_argument);
  EXPECT_EQ(t.set(bad, "1"_dec, Unit::t).code(), ErrorCode::invalid_argument);
  EXPECT_EQ(t.set(Carrier::heat, "34.12"_dec, static_cast<Unit>(250)).code(),
            ErrorCode::invalid_argument);
  EXPECT_EQ(t.set(Carrier::heat, "34.12"_dec, Unit::GJ, "src\x01").error().rule(), "text.control");
}

TEST(EnergyCarriers, ParseEchoesInputBounded) {
  const std::string huge(100'000'000, 'z');
  auto c = kexie::parse_carrier(huge);
  ASSERT_FALSE(c);
  EXPECT_LT(c.error().message().size(), 120u);
  EXPECT_TRUE(contains(c.error().message(), std::string(64, 'z') + "…\""));
}
