// Contribution entries (参评项目) of a "讲理想、比贡献" campaign (A10): who
// submits them, in which of the six categories, with which focus (节能 energy
// saving, 降耗 consumption reduction, 减排 emission reduction, 增效 efficiency
// gain), the results they claim in physical units, and the declarative
// eligibility rules an entry must pass before it is scored.
#ifndef KEXIE_ENTRY_HPP
#define KEXIE_ENTRY_HPP

#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kexie/date.hpp"
#include "kexie/decimal.hpp"
#include "kexie/energy.hpp"
#include "kexie/enum_names.hpp"
#include "kexie/export.hpp"
#include "kexie/ids.hpp"

namespace kexie {
inline namespace v1 {

/// The six things A10 compares.
enum class Category : std::uint8_t {
  professional_skills,         ///< 专业水平和技能 professional level and skills
  scientific_literacy,         ///< 员工科学素质 employees' scientific literacy
  innovative_ideas,            ///< 创新思路 innovative ideas
  rationalization_proposals,   ///< 合理化建议 rationalization proposals
  technical_patents,           ///< 技术专利 technical patents
  achievement_transformation,  ///< 科技成果转化 transformation of S&T achievements
};

/// The names of `Category`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<Category> {
  static constexpr std::array<std::string_view, 6> names{
      "professional_skills",       "scientific_literacy", "innovative_ideas",
      "rationalization_proposals", "technical_patents",   "achievement_transformation"};
  static constexpr bool listed(Category v) noexcept {
    switch (v) {
      case Category::professional_skills:
      case Category::scientific_literacy:
      case Category::innovative_ideas:
      case Category::rationalization_proposals:
      case Category::technical_patents:
      case Category::achievement_transformation:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<Category>());

/// The number of categories.
inline constexpr std::size_t kCategoryCount = enum_count<Category>;

/// "professional_skills", … (the enumerator's name).
/// \param category the enumerator to name
/// \return its name as `EnumNames<Category>` spells it, a static string;
/// "unknown" outside the enumeration
[[nodiscard]] KEXIE_API std::string_view to_string(Category category) noexcept;
/// "专业水平和技能", …
/// \param category the enumerator to name
/// \return its Chinese name (UTF-8), e.g. "创新思路", a static string
[[nodiscard]] KEXIE_API std::string_view chinese_name(Category category) noexcept;

/// The focus tags of A10, as bits of `Entry::focus`.
enum class Focus : std::uint8_t {
  energy_saving = 1,          ///< 节能
  consumption_reduction = 2,  ///< 降耗
  emission_reduction = 4,     ///< 减排
  efficiency_gain = 8,        ///< 增效
};

/// True when `tags` (an OR of Focus bits) includes `f`.
/// \param tags focus bits, e.g. `EntrySpec::focus`
/// \param f the tag asked about
/// \return true when its bit is set
///
///   std::uint8_t tags = kexie::focus_bits({kexie::Focus::energy_saving});
///   assert(kexie::has_focus(tags, kexie::Focus::energy_saving));
[[nodiscard]] constexpr bool has_focus(std::uint8_t tags, Focus f) noexcept {
  return (tags & static_cast<std::uint8_t>(f)) != 0;
}
/// The OR of some focus tags.
/// \param tags the tags, in any order, repeats allowed
/// \return the bits for `EntrySpec::focus`
[[nodiscard]] constexpr std::uint8_t focus_bits(std::initializer_list<Focus> tags) noexcept {
  std::uint8_t bits = 0;
  for (Focus f : tags) bits = static_cast<std::uint8_t>(bits | static_cast<std::uint8_t>(f));
  return bits;
}

/// Patent types (专利类型).
enum class PatentType : std::uint8_t { invention, utility_model, design };

/// The names of `PatentType`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<PatentType> {
  static constexpr std::array<std::string_view, 3> names{"invention", "utility_model", "design"};
  static constexpr bool listed(PatentType v) noexcept {
    switch (v) {
      case PatentType::invention:
      case PatentType::utility_model:
      case PatentType::design:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<PatentType>());
/// Patent status.
enum class PatentStatus : std::uint8_t { filed, granted };

/// The names of `PatentStatus`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<PatentStatus> {
  static constexpr std::array<std::string_view, 2> names{"filed", "granted"};
  static constexpr bool listed(PatentStatus v) noexcept {
    switch (v) {
      case PatentStatus::filed:
      case PatentStatus::granted:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<PatentStatus>());

/// One patent an entry claims.
struct Patent {
  PatentType type = PatentType::invention;    ///< invention, utility model or design
  PatentStatus status = PatentStatus::filed;  ///< filed or granted
  std::string number;                         ///< the application or grant number
  /// Field-wise equality.
  friend bool operator==(const Patent&, const Patent&) = default;
};

/// Energy saved a year, per carrier, in the carrier's own unit.
struct EnergySaving {
  Carrier carrier = Carrier::electricity_equivalent_value;  ///< what was saved
  Quantity quantity{Decimal(0), Unit::kWh};                 ///< how much a year
  /// Field-wise equality.
  friend bool operator==(const EnergySaving&, const EnergySaving&) = default;
};

/// The results an entry claims, in physical units. Every quantity is non-negative.
///
///   kexie::Claims c;
///   c.energy.push_back({kexie::Carrier::electricity_equivalent_value,
///                       {kexie::Decimal(1'200'000), kexie::Unit::kWh}});
///   c.annual_benefit_yuan = kexie::Decimal(860'000);
struct Claims {
  std::vector<EnergySaving> energy;            ///< energy saved a year, per carrier
  Decimal material_saved_t;                    ///< material saved a year, t
  Decimal co2_avoided_t;                       ///< CO2 avoided a year as claimed directly, t
  Decimal hours_saved;                         ///< working hours saved a year
  Decimal efficiency_gain_percent;             ///< efficiency gain, %
  Decimal annual_benefit_yuan;                 ///< economic benefit a year, yuan
  std::vector<Patent> patents;                 ///< patents
  std::uint32_t achievements_transformed = 0;  ///< achievements transformed (科技成果转化)
  /// Field-wise equality.
  friend bool operator==(const Claims&, const Claims&) = default;
};

/// A member of an entry's team and their share of the credit. The first member is
/// the leader (负责人). Shares sum to exactly 1.
struct TeamShare {
  PersonId person;  ///< who
  Decimal share;    ///< their share, in (0, 1]
  /// Field-wise equality.
  friend bool operator==(const TeamShare&, const TeamShare&) = default;
};

/// What an application gives `Campaign::add_entry`. `code` is the entry's stable
/// application number (申报编号): unique within the campaign, and the last key of
/// every tie-break, so results never depend on the order entries were added.
///
///   kexie::EntrySpec e{.code = "ZJ-2025-0117", .title = "余热回收改造",
///                      .unit = baosteel, .category = kexie::Category::rationalization_proposals,
///                      .focus = kexie::focus_bits({kexie::Focus::energy_saving}),
///                      .team = {{li, kexie::Decimal(1)}}, .in_use_since = "2024-03-01"_date};
struct EntrySpec {
  std::string code;   ///< application number, unique in the campaign
  std::string title;  ///< the entry's title
  OrgId unit;         ///< the submitting unit: an enterprise association or below it
  Category category = Category::rationalization_proposals;  ///< one of A10's six
  std::uint8_t focus = 0;                                   ///< OR of Focus bits
  std::vector<TeamShare> team;  ///< one person with share 1, or a team; first = leader
  Date in_use_since;            ///< when the result went into use (for "in use ≥ N months")
  Claims claims;                ///< what it claims
  /// A cited 厂会协作 link (A11): must exist, be a factory–society link of the entry's
  /// enterprise association and be in effect on the campaign's date (`entry.citation`).
  std::optional<LinkId> cites_link;
  /// A cited 金桥工程 activity (A11) of the campaign's activity book: a golden_bridge
  /// activity owned within, or partnered with, the entry's enterprise association, past
  /// 立项 and planned over the campaign's date (`entry.citation`; bound campaigns only).
  std::optional<ActivityId> cites_activity;
};

/// An entry as a campaign keeps it.
struct Entry {
  EntryId id;      ///< assigned by the campaign
  EntrySpec spec;  ///< as given
};

/// One declarative eligibility rule (参评条件). An entry must pass every rule of its
/// campaign; a refusal lists every rule it failed.
///
///   std::vector<kexie::EligibilityRule> rules = {
///       kexie::EligibilityRule::max_team_size(5),
///       kexie::EligibilityRule::max_leader_age(40, "2025-12-31"_date),
///       kexie::EligibilityRule::min_months_in_use(3, "2025-10-31"_date)};
struct EligibilityRule {
  /// What the rule checks.
  enum class Kind : std::uint8_t {
    max_team_size,      ///< at most `n` people on the team
    max_leader_age,     ///< the leader is at most `n` years old on `on`
    min_months_in_use,  ///< in use for at least `n` whole months on `on`
    requires_focus,     ///< at least one focus tag
  };
  Kind kind = Kind::max_team_size;  ///< what is checked
  std::int32_t n = 0;               ///< the limit
  Date on;                          ///< the reference day, where one is needed

  /// At most `n` team members.
  /// \param n the largest team allowed, counting the leader
  /// \return the rule; refusals name it "entry.team_size"
  [[nodiscard]] static constexpr EligibilityRule max_team_size(std::int32_t n) noexcept {
    return {Kind::max_team_size, n, Date{}};
  }
  /// Leader aged at most `n` on `on`.
  /// \param n the oldest age allowed, in whole years (`age_on`)
  /// \param on the day the leader's age is taken on, e.g. the campaign's closing day
  /// \return the rule; refusals name it "entry.leader_age"
  [[nodiscard]] static constexpr EligibilityRule max_leader_age(std::int32_t n, Date on) noexcept {
    return {Kind::max_leader_age, n, on};
  }
  /// In use for at least `n` whole months on `on`.
  /// \param n the fewest whole months since `EntrySpec::in_use_since`
  /// \param on the day the months are counted up to
  /// \return the rule; refusals name it "entry.months_in_use"
  [[nodiscard]] static constexpr EligibilityRule min_months_in_use(std::int32_t n,
                                                                   Date on) noexcept {
    return {Kind::min_months_in_use, n, on};
  }
  /// At least one focus tag (节能, 降耗, 减排, 增效).
  /// \return the rule; refusals name it "entry.focus"
  [[nodiscard]] static constexpr EligibilityRule requires_focus() noexcept {
    return {Kind::requires_focus, 0, Date{}};
  }
  /// The rule id used in refusals: "entry.team_size", "entry.leader_age",
  /// "entry.months_in_use", "entry.focus".
  /// \return the id for this rule's kind (a static string)
  [[nodiscard]] KEXIE_API std::string_view rule_id() const noexcept;
  /// Equal when kind, limit and day are equal.
  friend constexpr bool operator==(const EligibilityRule&, const EligibilityRule&) = default;
};

/// The names of `EligibilityRule::Kind`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<EligibilityRule::Kind> {
  static constexpr std::array<std::string_view, 4> names{"max_team_size", "max_leader_age",
                                                         "min_months_in_use", "requires_focus"};
  static constexpr bool listed(EligibilityRule::Kind v) noexcept {
    switch (v) {
      case EligibilityRule::Kind::max_team_size:
      case EligibilityRule::Kind::max_leader_age:
      case EligibilityRule::Kind::min_months_in_use:
      case EligibilityRule::Kind::requires_focus:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<EligibilityRule::Kind>());

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_ENTRY_HPP
