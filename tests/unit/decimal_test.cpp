// Tests for kexie/decimal.hpp: exact parsing and printing, every rounding mode
// on ties (the table published with java.math.RoundingMode), exact products of
// marks and weights, division, overflow as an error, and randomized identities.
#include "kexie/decimal.hpp"

#include <gtest/gtest.h>

#include <random>
#include <sstream>
#include <unordered_set>
#include <vector>

#include "kexie/literals.hpp"

using namespace kexie::literals;

using kexie::Decimal;
using kexie::ErrorCode;
using kexie::Rounding;

TEST(Decimal, ParseKeepsScaleAndPrintsExactly) {
  EXPECT_EQ("92.35"_dec.coefficient(), 9235);
  EXPECT_EQ("92.35"_dec.scale(), 2);
  EXPECT_EQ("2.50"_dec.to_string(), "2.50");
  EXPECT_EQ("-0.5"_dec.to_string(), "-0.5");
  EXPECT_EQ("+7"_dec.to_string(), "7");
  EXPECT_EQ("-0"_dec.to_string(), "0");
  EXPECT_EQ("0.000000000000000001"_dec.to_string(), "0.000000000000000001");
  EXPECT_EQ("999999999999999999"_dec.coefficient(), Decimal::kMaxCoefficient);
  EXPECT_EQ("-0.999999999999999999"_dec.coefficient(), -Decimal::kMaxCoefficient);
  EXPECT_EQ("000123.4500"_dec.to_string(), "123.4500");
  std::ostringstream os;
  os << "-12.030"_dec;
  EXPECT_EQ(os.str(), "-12.030");
}

TEST(Decimal, ParseRejects) {
  for (const char* bad : {"",
                          "1e3",
                          "1E3",
                          ".5",
                          "5.",
                          ".",
                          "-",
                          "+",
                          "1.2.3",
                          " 1",
                          "1 ",
                          "1,5",
                          "0x10",
                          "nan",
                          "inf",
                          "--1",
                          "0.0000000000000000001",
                          "1.0000000000000000000",
                          "1e",
                          "١"}) {
    EXPECT_EQ(Decimal::parse(bad).code(), ErrorCode::invalid_argument) << '"' << bad << '"';
  }
  EXPECT_EQ(Decimal::parse("1000000000000000000").code(), ErrorCode::overflow);
  EXPECT_EQ(Decimal::parse("99999999999.99999999").code(), ErrorCode::overflow);
}

TEST(Decimal, FromCoefficientChecksRange) {
  EXPECT_EQ(Decimal::from_coefficient(9235, 2).value().to_string(), "92.35");
  EXPECT_EQ(Decimal::from_coefficient(1, 19).code(), ErrorCode::invalid_argument);
  EXPECT_EQ(Decimal::from_coefficient(1, -1).code(), ErrorCode::invalid_argument);
  EXPECT_EQ(Decimal::from_coefficient(Decimal::kMaxCoefficient + 1, 0).code(), ErrorCode::overflow);
  EXPECT_FALSE(Decimal(INT64_MIN).ok());
  EXPECT_TRUE(Decimal(42).ok());
}

TEST(Decimal, ComparesAcrossScales) {
  EXPECT_EQ("1.5"_dec, "1.50"_dec);
  EXPECT_LT("1.49999"_dec, "1.5"_dec);
  EXPECT_GT("-1.4"_dec, "-1.41"_dec);
  EXPECT_LT("-999999999999999999"_dec, "0.000000000000000001"_dec);
  EXPECT_EQ(std::hash<Decimal>{}("1.5"_dec), std::hash<Decimal>{}("1.500"_dec));
  std::unordered_set<Decimal> set{"1.5"_dec, "1.50"_dec, "2"_dec};
  EXPECT_EQ(set.size(), 2u);
}

struct RoundingRow {
  const char* input;
  const char* up;
  const char* down;
  const char* ceiling;
  const char* floor;
  const char* half_up;
  const char* half_down;
  const char* half_even;
};

TEST(Decimal, RoundingModesMatchThePublishedTable) {
  const RoundingRow table[] = {
      {"5.5", "6", "5", "6", "5", "6", "5", "6"},
      {"2.5", "3", "2", "3", "2", "3", "2", "2"},
      {"1.6", "2", "1", "2", "1", "2", "2", "2"},
      {"1.1", "2", "1", "2", "1", "1", "1", "1"},
      {"1.0", "1", "1", "1", "1", "1", "1", "1"},
      {"-1.0", "-1", "-1", "-1", "-1", "-1", "-1", "-1"},
      {"-1.1", "-2", "-1", "-1", "-2", "-1", "-1", "-1"},
      {"-1.6", "-2", "-1", "-1", "-2", "-2", "-2", "-2"},
      {"-2.5", "-3", "-2", "-2", "-3", "-3", "-2", "-2"},
      {"-5.5", "-6", "-5", "-5", "-6", "-6", "-5", "-6"},
  };
  for (const auto& row : table) {
    const Decimal x = kexie::Decimal::parse(row.input).value();
    EXPECT_EQ(x.rescaled(0, Rounding::up).value().to_string(), row.up) << row.input;
    EXPECT_EQ(x.rescaled(0, Rounding::down).value().to_string(), row.down) << row.input;
    EXPECT_EQ(x.rescaled(0, Rounding::ceiling).value().to_string(), row.ceiling) << row.input;
    EXPECT_EQ(x.rescaled(0, Rounding::floor).value().to_string(), row.floor) << row.input;
    EXPECT_EQ(x.rescaled(0, Rounding::half_up).value().to_string(), row.half_up) << row.input;
    EXPECT_EQ(x.rescaled(0, Rounding::half_down).value().to_string(), row.half_down) << row.input;
    EXPECT_EQ(x.rescaled(0, Rounding::half_even).value().to_string(), row.half_even) << row.input;
  }
}

TEST(Decimal, TiesOnlyWhenExactlyHalf) {
  EXPECT_EQ("2.345"_dec.rescaled(2).value().to_string(), "2.34");
  EXPECT_EQ("2.355"_dec.rescaled(2).value().to_string(), "2.36");
  EXPECT_EQ("2.3450001"_dec.rescaled(2).value().to_string(), "2.35");
  EXPECT_EQ("2.3449999"_dec.rescaled(2, Rounding::half_up).value().to_string(), "2.34");
  EXPECT_EQ("0.05"_dec.rescaled(1).value().to_string(), "0.0");
  EXPECT_EQ("0.15"_dec.rescaled(1).value().to_string(), "0.2");
}

TEST(Decimal, RescaleUpIsExactOrOverflows) {
  EXPECT_EQ("2.5"_dec.rescaled(4).value().to_string(), "2.5000");
  EXPECT_EQ("123456789"_dec.rescaled(9).value().to_string(), "123456789.000000000");
  EXPECT_EQ("1234567890"_dec.rescaled(9).code(), ErrorCode::overflow);
  EXPECT_EQ("1"_dec.rescaled(19).code(), ErrorCode::invalid_argument);
}

TEST(Decimal, MarksTimesWeightsAreExact) {
  // A mark with 4 places times a weight with 6 places: exact at 10 places.
  // Expected values computed with Python's decimal module at 50 digits.
  const Decimal p = kexie::multiply("87.5250"_dec, "0.123457"_dec).value();
  EXPECT_EQ(p.scale(), 10);
  EXPECT_EQ(p.to_string(), "10.8055739250");
  // The largest mark and weight still multiply exactly.
  EXPECT_EQ(kexie::multiply("9999.9999"_dec, "0.999999"_dec).value().to_string(),
            "9999.9899000001");
  // Weighted sum of eight indicators, each weight 0.125000, equals the plain mean.
  std::vector<Decimal> parts;
  const char* marks[] = {"90.0000", "85.5000", "77.2500", "93.1250",
                         "60.0000", "88.8888", "70.0001", "99.9999"};
  for (const char* m : marks)
    parts.push_back(kexie::multiply(kexie::Decimal::parse(m).value(), "0.125000"_dec).value());
  EXPECT_EQ(kexie::sum(parts).value().to_string(), "83.0954750000");
}

TEST(Decimal, MultiplyOverflowsAsAValue) {
  EXPECT_EQ(kexie::multiply("1000000000"_dec, "1000000000"_dec).code(), ErrorCode::overflow);
  EXPECT_EQ(kexie::multiply("0.000000001"_dec, "0.0000000001"_dec).code(), ErrorCode::overflow);
  // ...but trailing zeros are dropped when that makes the exact product fit.
  EXPECT_EQ(kexie::multiply("0.0000000010"_dec, "0.000000001"_dec).value(),
            "0.000000000000000001"_dec);
  EXPECT_THROW((void)("1000000000"_dec * "1000000000"_dec), kexie::DecimalOverflow);
  EXPECT_EQ(("1.5"_dec * "2"_dec).to_string(), "3.0");
}

TEST(Decimal, MultiplyWithRounding) {
  EXPECT_EQ(kexie::multiply("0.000000001"_dec, "0.0000000005"_dec, 18).value().to_string(),
            "0.000000000000000000");
  EXPECT_EQ(kexie::multiply("0.000000001"_dec, "0.0000000015"_dec, 18).value().to_string(),
            "0.000000000000000002");
  EXPECT_EQ(kexie::multiply("2.5"_dec, "3"_dec, 0, Rounding::half_even).value().to_string(), "8");
  EXPECT_EQ(kexie::multiply("2.5"_dec, "1"_dec, 0, Rounding::half_even).value().to_string(), "2");
  EXPECT_EQ(kexie::multiply("999999999"_dec, "999999999"_dec, 1).code(), ErrorCode::overflow);
}

TEST(Decimal, AddAndSubtract) {
  EXPECT_EQ(kexie::add("0.1"_dec, "0.20"_dec).value().to_string(), "0.30");
  EXPECT_EQ(kexie::subtract("0.1"_dec, "0.30"_dec).value().to_string(), "-0.20");
  EXPECT_EQ(("1"_dec + "0.001"_dec).to_string(), "1.001");
  EXPECT_EQ(("1"_dec - "0.001"_dec).to_string(), "0.999");
  EXPECT_EQ(kexie::add("999999999999999999"_dec, "1"_dec).code(), ErrorCode::overflow);
  EXPECT_EQ(kexie::subtract("-999999999999999999"_dec, "1"_dec).code(), ErrorCode::overflow);
  // The exact sum needs 19 digits at scale 7; a trailing zero goes, the value stays exact.
  EXPECT_EQ(kexie::add("99999999999.9999999"_dec, "0.0000001"_dec).value().to_string(),
            "100000000000.000000");
  EXPECT_EQ(kexie::add("999999999.999999999"_dec, "0.000000001"_dec).value().to_string(),
            "1000000000.00000000");
  EXPECT_THROW((void)("999999999999999999"_dec + "1"_dec), kexie::DecimalOverflow);
}

TEST(Decimal, Divide) {
  EXPECT_EQ(kexie::divide(Decimal(2), Decimal(3), 4).value().to_string(), "0.6667");
  EXPECT_EQ(kexie::divide(Decimal(-2), Decimal(3), 4).value().to_string(), "-0.6667");
  EXPECT_EQ(kexie::divide(Decimal(1), Decimal(8), 2).value().to_string(), "0.12");
  EXPECT_EQ(kexie::divide(Decimal(1), Decimal(8), 2, Rounding::half_up).value().to_string(),
            "0.13");
  EXPECT_EQ(kexie::divide("10.00"_dec, "0.001"_dec, 0).value().to_string(), "10000");
  EXPECT_EQ(kexie::divide(Decimal(1), Decimal(0), 2).code(), ErrorCode::invalid_argument);
  EXPECT_EQ(kexie::divide("999999999999999999"_dec, "0.000000000000000001"_dec, 0).code(),
            ErrorCode::overflow);
  EXPECT_EQ(
      kexie::divide("0.000000000000000001"_dec, "999999999999999999"_dec, 18).value().to_string(),
      "0.000000000000000000");
  EXPECT_EQ(kexie::divide(Decimal(1), Decimal(3), 18).value().to_string(), "0.333333333333333333");
}

TEST(Decimal, SumOfWeightsAndOverflow) {
  std::vector<Decimal> w = {"0.25"_dec, "0.125"_dec, "0.625"_dec};
  EXPECT_EQ(kexie::sum(w).value(), Decimal(1));
  EXPECT_EQ(kexie::sum(w).value().scale(), 3);
  EXPECT_EQ(kexie::sum({}).value(), Decimal(0));
  // Intermediate sums may exceed the range when the total comes back.
  std::vector<Decimal> swing = {"999999999999999999"_dec, "999999999999999999"_dec,
                                "-999999999999999999"_dec};
  EXPECT_EQ(kexie::sum(swing).value(), "999999999999999999"_dec);
  std::vector<Decimal> big(3, "999999999999999999"_dec);
  EXPECT_EQ(kexie::sum(big).code(), ErrorCode::overflow);
}

TEST(Decimal, NormalizedAndDouble) {
  EXPECT_EQ("2.500"_dec.normalized().to_string(), "2.5");
  EXPECT_EQ("3.00"_dec.normalized().to_string(), "3");
  EXPECT_EQ("0.00"_dec.normalized().to_string(), "0");
  EXPECT_DOUBLE_EQ("0.1"_dec.to_double(), 0.1);
  EXPECT_DOUBLE_EQ("-92.35"_dec.to_double(), -92.35);
}

TEST(Decimal, RandomizedIdentities) {
  std::mt19937_64 rng(20261127);
  std::uniform_int_distribution<std::int64_t> coef(-99'999'999, 99'999'999);
  std::uniform_int_distribution<int> scale(0, 9);
  for (int i = 0; i < 20000; ++i) {
    const Decimal a = Decimal::from_coefficient(coef(rng), scale(rng)).value();
    const Decimal b = Decimal::from_coefficient(coef(rng), scale(rng)).value();
    const Decimal s = kexie::add(a, b).value();
    ASSERT_EQ(kexie::subtract(s, b).value(), a);
    const Decimal p = kexie::multiply(a, b).value();
    if (b.signum() != 0) {
      ASSERT_EQ(kexie::divide(p, b, a.scale()).value(), a) << a << " " << b;
    }
    ASSERT_EQ(Decimal::parse(p.to_string()).value(), p);
    ASSERT_EQ((a <=> b),
              (a.to_double() <=> b.to_double()) == std::partial_ordering::less
                  ? std::strong_ordering::less
                  : (a == b ? std::strong_ordering::equal : std::strong_ordering::greater));
    // Rounding a product back to a's scale and comparing with the float product is a
    // sanity check that rounding goes to a neighbour, never further.
    const Decimal r = kexie::multiply(a, b, 2).value();
    ASSERT_LE(std::abs(r.to_double() - a.to_double() * b.to_double()),
              0.005 + 1e-9 * std::abs(a.to_double() * b.to_double()));
  }
}
