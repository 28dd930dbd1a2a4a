// Campaign::set_rubric and mark scales written with more than 4 decimals: bounds
// that are exact at 4 places ("100.000000") are accepted and marked; finer ones are
// refused as values (rule `rubric.scale`), never by an exception, and leave the
// campaign as it was.
#include <gtest/gtest.h>

#include <vector>

#include "kexie/campaign.hpp"
#include "kexie/literals.hpp"
#include "kexie/registry.hpp"
#include "kexie/rubric.hpp"

using namespace kexie::literals;

namespace {

struct Fixture {
  kexie::Registry reg;
  kexie::OrgId cast;
  kexie::Campaign campaign;

  static kexie::CampaignSpec spec(kexie::OrgId organizer) {
    kexie::CampaignSpec s;
    s.organizer = organizer;
    s.as_of = "2025-06-30"_date;
    s.year = 2024;
    s.awards.tiers.push_back(kexie::AwardTier{});
    return s;
  }
  Fixture()
      : cast(reg.add_organization({.kind = kexie::OrgKind::national,
                                   .name = "中国科协",
                                   .effective = "2000-01-01"_date})
                 .value()),
        campaign(kexie::Campaign::create(reg, spec(cast)).value()) {}
};

std::vector<kexie::IndicatorSpec> sheet(const char* min, const char* max, const char* step) {
  return {{.code = "A",
           .name = "创新性",
           .parent = "",
           .kind = kexie::IndicatorKind::judged,
           .weight = kexie::Decimal(1),
           .scale = {kexie::Decimal::parse(min).value(), kexie::Decimal::parse(max).value(),
                     kexie::Decimal::parse(step).value()}}};
}

TEST(CampaignRubricScale, BoundsWrittenWithMorePlacesAreAccepted) {
  Fixture f;
  const auto rubric = kexie::Rubric::build("r", sheet("0.000000", "100.000000", "0.500000"));
  ASSERT_TRUE(rubric) << rubric.error();
  ASSERT_TRUE(f.campaign.set_rubric(kexie::Category::innovative_ideas, *rubric));
  EXPECT_TRUE(f.campaign.rubric(kexie::Category::innovative_ideas));
}

TEST(CampaignRubricScale, FinerBoundsAreRefusedAsValues) {
  Fixture f;
  for (const auto& s : {sheet("0.00001", "1", "0.00001"), sheet("0", "1", "0.00005"),
                        sheet("-1000.5", "0", "0.5")}) {
    const auto rubric = kexie::Rubric::build("r", s);
    ASSERT_FALSE(rubric);
    EXPECT_EQ(rubric.error().rule(), "rubric.scale");
    EXPECT_EQ(rubric.error().article(), "A12");
  }
  EXPECT_FALSE(f.campaign.rubric(kexie::Category::innovative_ideas));
}

}  // namespace
