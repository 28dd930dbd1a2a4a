// Tests for kexie/version.hpp: the runtime library reports the version the
// headers were built with.
#include "kexie/version.hpp"

#include <gtest/gtest.h>

#include <string>

TEST(Version, RuntimeMatchesHeaders) {
  EXPECT_EQ(kexie::version_number(), KEXIE_VERSION);
  const std::string expected = std::to_string(KEXIE_VERSION_MAJOR) + "." +
                               std::to_string(KEXIE_VERSION_MINOR) + "." +
                               std::to_string(KEXIE_VERSION_PATCH);
  EXPECT_EQ(kexie::version_string(), expected);
}

TEST(Version, IsZeroOneZero) { EXPECT_STREQ(kexie::version_string(), "0.1.0"); }
