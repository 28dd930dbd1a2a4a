// CNIPA patent application numbers: the check character against real numbers,
// both forms, the type digit, and malformed input.
#include "kexie/patent_number.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

void expect_bad(const char* text) {
  auto n = kexie::PatentNumber::parse(text);
  ASSERT_FALSE(n.ok()) << text;
  EXPECT_EQ(n.error().code(), kexie::ErrorCode::invalid_argument);
  EXPECT_EQ(n.error().rule(), "patent.number");
  EXPECT_EQ(n.error().article(), "A9");
}

}  // namespace

// Real application numbers: 201710601862.3 (an invention, the example of the
// check-digit rule often quoted from CNIPA), 201620056200.3 (a utility model of
// Shanghai Jiao Tong University, CN205563122U), 97101765.4 (an invention of the
// old 8-digit form).
TEST(PatentNumber, RealNumbersCheck) {
  EXPECT_EQ(kexie::patent_check_digit("201710601862"), '3');
  EXPECT_EQ(kexie::patent_check_digit("201620056200"), '3');
  EXPECT_EQ(kexie::patent_check_digit("97101765"), '4');

  auto inv = kexie::PatentNumber::parse("201710601862.3").value();
  EXPECT_EQ(inv.year, 2017);
  EXPECT_EQ(inv.type, kexie::PatentType::invention);
  EXPECT_FALSE(inv.pct);
  EXPECT_FALSE(inv.old_form());
  EXPECT_EQ(inv.to_string(), "201710601862.3");

  auto um = kexie::PatentNumber::parse("CN201620056200.3").value();
  EXPECT_EQ(um.type, kexie::PatentType::utility_model);
  EXPECT_EQ(um.year, 2016);

  auto old = kexie::PatentNumber::parse("97101765.4").value();
  EXPECT_TRUE(old.old_form());
  EXPECT_EQ(old.year, 1997);
  EXPECT_EQ(old.type, kexie::PatentType::invention);

  // Spellings: a ZL prefix, spaces, no dot.
  EXPECT_EQ(kexie::PatentNumber::parse("ZL 2016 2 0056200.3").value(), um);
  EXPECT_EQ(kexie::PatentNumber::parse("2016200562003").value(), um);
}

TEST(PatentNumber, WrongCheckCharactersAreRefusedNamingTheRightOne) {
  for (char c : std::string("0124567890X")) {
    if (c == '3') continue;
    std::string text = std::string("201710601862.") + c;
    auto n = kexie::PatentNumber::parse(text);
    ASSERT_FALSE(n.ok()) << text;
    EXPECT_NE(n.error().message().find("should be 3"), std::string::npos) << n.error();
  }
  expect_bad("97101765.5");
  // A transposition of two digits changes the check character.
  expect_bad("201701601862.3");
}

TEST(PatentNumber, TheCheckCharacterXAndEveryTypeDigit) {
  // Find a serial whose check character is X (remainder 10) and accept it.
  bool found_x = false;
  for (int serial = 0; serial < 100 && !found_x; ++serial) {
    std::string digits =
        "2021300" + std::string(5 - std::to_string(serial).size(), '0') + std::to_string(serial);
    if (kexie::patent_check_digit(digits) != 'X') continue;
    found_x = true;
    auto n = kexie::PatentNumber::parse(digits + ".X");
    ASSERT_TRUE(n.ok()) << n.error();
    EXPECT_EQ(n->type, kexie::PatentType::design);
    EXPECT_EQ(kexie::PatentNumber::parse(digits + ".x").value().check, 'X');
  }
  EXPECT_TRUE(found_x);
  // Type digits 8 and 9 are PCT applications; 4–7 and 0 are no type.
  auto with_type = [](char t) {
    std::string digits = std::string("2020") + t + "1234567";
    return digits + '.' + kexie::patent_check_digit(digits);
  };
  EXPECT_TRUE(kexie::PatentNumber::parse(with_type('8')).value().pct);
  EXPECT_EQ(kexie::PatentNumber::parse(with_type('9')).value().type,
            kexie::PatentType::utility_model);
  for (char t : std::string("04567")) expect_bad(with_type(t).c_str());
}

TEST(PatentNumber, MalformedNumbersAreRefused) {
  expect_bad("");
  expect_bad("20171060186.3");    // 11 digits
  expect_bad("2017106018623.3");  // 13 digits
  expect_bad("2017106O1862.3");   // a letter O
  expect_bad("201710601862.Y");
  expect_bad("1984100001.0");  // no form fits
  // The 12-digit form began in 2003, the 8-digit form ended then; the Patent Law
  // took effect in 1985.
  {
    std::string d = "200210012345";
    expect_bad((d + '.' + kexie::patent_check_digit(d)).c_str());
    std::string o = "04101765";
    expect_bad((o + '.' + kexie::patent_check_digit(o)).c_str());
    std::string e = "84101765";
    expect_bad((e + '.' + kexie::patent_check_digit(e)).c_str());
  }
  EXPECT_EQ(kexie::patent_check_digit("12345"), '\0');
  EXPECT_EQ(kexie::patent_check_digit("2017106018a2"), '\0');
}
