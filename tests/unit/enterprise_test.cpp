// The unified social credit code check of GB 32100-2015 against published codes,
// and the enumerations of enterprise.hpp.
#include "kexie/enterprise.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

// Codes printed on business licences and in annual reports, and the standard's
// own example (91350100M000100Y43).
constexpr const char* kPublished[] = {
    "91350100M000100Y43",  // GB 32100-2015, example
    "914403001922038216",  // 华为技术有限公司
    "91440300708461136T",  // 深圳市腾讯计算机系统有限公司
    "91330100799655058B",  // 阿里巴巴（中国）有限公司
    "91110000710926094P",  // 中国石油化工股份有限公司
    "91110108551385082Q",  // 北京小米科技有限责任公司
    "91310000132200821H",  // 上海汽车集团股份有限公司
};

TEST(CreditCode, PublishedCodesPass) {
  for (const char* code : kPublished) EXPECT_TRUE(kexie::check_credit_code(code).ok()) << code;
}

TEST(CreditCode, CheckCharacterOfPublishedCodes) {
  for (const std::string code : kPublished)
    EXPECT_EQ(kexie::credit_code_check_character(code.substr(0, 17)).value(), code[17]) << code;
}

TEST(CreditCode, ZeroWhenTheSumIsAMultipleOf31) {
  // 31 − (sum mod 31) = 31 becomes 0: all zeros sums to 0.
  EXPECT_EQ(kexie::credit_code_check_character("00000000000000000").value(), '0');
  EXPECT_TRUE(kexie::check_credit_code("000000000000000000").ok());
}

TEST(CreditCode, EveryWrongCheckCharacterIsRefused) {
  const std::string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  for (const std::string code : kPublished)
    for (char c : alphabet) {
      if (c == code[17]) continue;
      auto st = kexie::check_credit_code(code.substr(0, 17) + c);
      ASSERT_FALSE(st.ok()) << code << c;
      EXPECT_EQ(st.code(), kexie::ErrorCode::invalid_argument);
      EXPECT_EQ(st.error().rule(), "enterprise.credit_code");
    }
}

TEST(CreditCode, AChangedBodyCharacterIsCaught) {
  // One character changed anywhere in the body changes the check character.
  const std::string code = "91350100M000100Y43";
  const std::string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  for (std::size_t i = 0; i < 17; ++i)
    for (char c : alphabet) {
      if (c == code[i]) continue;
      std::string bad = code;
      bad[i] = c;
      EXPECT_FALSE(kexie::check_credit_code(bad).ok()) << bad;
    }
}

TEST(CreditCode, FormIsChecked) {
  EXPECT_FALSE(kexie::check_credit_code("").ok());
  EXPECT_FALSE(kexie::check_credit_code("91350100M000100Y4").ok());    // 17
  EXPECT_FALSE(kexie::check_credit_code("91350100M000100Y433").ok());  // 19
  EXPECT_FALSE(kexie::check_credit_code("91350100I000100Y43").ok());   // I is not used
  EXPECT_FALSE(kexie::check_credit_code("91350100m000100Y43").ok());   // lower case
  EXPECT_FALSE(kexie::check_credit_code("91350100M000100Y4O").ok());   // O as check
  auto st = kexie::check_credit_code("91350100M000100Y44");
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.error().message().find("should be '3'"), std::string::npos) << st.error();
  EXPECT_FALSE(kexie::credit_code_check_character("9135").ok());
}

TEST(EnterpriseEnums, Names) {
  EXPECT_EQ(kexie::to_string(kexie::FoundingState::refused), "refused");
  EXPECT_EQ(kexie::to_string(kexie::FoundingStep::approve), "approve");
  EXPECT_TRUE(kexie::GuidancePolicy{}.ok());
  EXPECT_EQ(kexie::GuidancePolicy{}.sg_training_months, 24);
  EXPECT_FALSE(kexie::GuidancePolicy{.sg_training_months = 0}.ok());
}

}  // namespace
