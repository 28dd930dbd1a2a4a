// Organizations (组织) of the CAST system, DOMAIN.md §1: the kinds, the parent
// each kind may have, the attributes an enterprise association carries, and the
// cooperation links between enterprises and partners or societies. These are
// plain values; the `Registry` (registry.hpp) keeps them with their history.
#ifndef KEXIE_ORGANIZATION_HPP
#define KEXIE_ORGANIZATION_HPP

#include <array>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "kexie/date.hpp"
#include "kexie/enum_names.hpp"
#include "kexie/export.hpp"
#include "kexie/ids.hpp"

namespace kexie {
inline namespace v1 {

/// The kind of an organization; the parent rule depends on it (DOMAIN.md §1).
///
///   assert(kexie::allowed_parent(kexie::OrgKind::branch, kexie::OrgKind::enterprise));
enum class OrgKind : std::uint8_t {
  national,   ///< 中国科协 CAST, the single root of the tree
  committee,  ///< 专门委员会, a special committee of CAST (A15); parent: national
  local,  ///< 地方科协, a local association with a `LocalLevel`; parent: national or a higher local
  society,     ///< 全国学会、协会、研究会, a national society (A3); parent: national
  enterprise,  ///< 企业科协, an enterprise S&T association (A1); parent: local
  branch,  ///< 企业科协分会, a branch of an enterprise association (A13); parent: enterprise
  study_group,  ///< 专业学组, a professional study group (A13); parent: enterprise or branch
  proxy,  ///< 工会 / 共青团 acting for an enterprise without an association (A13); parent: local
  partner,  ///< 科研院所 / 高等院校 / 职业技术院校, outside the tree (A3); no parent
};

/// The names of `OrgKind`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<OrgKind> {
  static constexpr std::array<std::string_view, 9> names{"national",    "committee",  "local",
                                                         "society",     "enterprise", "branch",
                                                         "study_group", "proxy",      "partner"};
  static constexpr bool listed(OrgKind v) noexcept {
    switch (v) {
      case OrgKind::national:
      case OrgKind::committee:
      case OrgKind::local:
      case OrgKind::society:
      case OrgKind::enterprise:
      case OrgKind::branch:
      case OrgKind::study_group:
      case OrgKind::proxy:
      case OrgKind::partner:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<OrgKind>());

/// "national", "committee", …
/// \param kind the enumerator to name
/// \return its name as `EnumNames<OrgKind>` spells it, a static string;
/// "unknown" outside the enumeration
///
///   assert(kexie::to_string(kexie::OrgKind::study_group) == "study_group");
[[nodiscard]] KEXIE_API std::string_view to_string(OrgKind kind) noexcept;
/// Streams `to_string(kind)`.
/// \param os the stream
/// \param kind the organization kind
/// \return os
KEXIE_API std::ostream& operator<<(std::ostream& os, OrgKind kind);

/// The level of a local association, highest first. `none` for every other kind.
///
///   // a higher level has a smaller value:
///   static_assert(kexie::LocalLevel::provincial < kexie::LocalLevel::county);
enum class LocalLevel : std::uint8_t {
  none,            ///< not a local association
  provincial,      ///< 省 / 自治区 / 直辖市 / 新疆生产建设兵团
  sub_provincial,  ///< 副省级城市
  prefecture,      ///< 地市
  county,          ///< 县
};

/// The names of `LocalLevel`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<LocalLevel> {
  static constexpr std::array<std::string_view, 5> names{"none", "provincial", "sub_provincial",
                                                         "prefecture", "county"};
  static constexpr bool listed(LocalLevel v) noexcept {
    switch (v) {
      case LocalLevel::none:
      case LocalLevel::provincial:
      case LocalLevel::sub_provincial:
      case LocalLevel::prefecture:
      case LocalLevel::county:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<LocalLevel>());

/// "none", "provincial", …
/// \param level the enumerator to name
/// \return its name as `EnumNames<LocalLevel>` spells it, a static string;
/// "unknown" outside the enumeration
[[nodiscard]] KEXIE_API std::string_view to_string(LocalLevel level) noexcept;

/// Ownership of the enterprise behind an enterprise association (A11).
enum class Ownership : std::uint8_t {
  unspecified,  ///< not recorded
  state,        ///< 国有
  private_,     ///< 民营 (trailing underscore: `private` is a keyword)
  foreign,      ///< 外资
  mixed,        ///< 混合
};

/// The names of `Ownership`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<Ownership> {
  static constexpr std::array<std::string_view, 5> names{"unspecified", "state", "private",
                                                         "foreign", "mixed"};
  static constexpr bool listed(Ownership v) noexcept {
    switch (v) {
      case Ownership::unspecified:
      case Ownership::state:
      case Ownership::private_:
      case Ownership::foreign:
      case Ownership::mixed:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<Ownership>());

/// "unspecified", "state", "private", "foreign", "mixed".
/// \param ownership the enumerator to name
/// \return its name as `EnumNames<Ownership>` spells it, a static string;
/// "unknown" outside the enumeration
[[nodiscard]] KEXIE_API std::string_view to_string(Ownership ownership) noexcept;

/// What an enterprise association records about its enterprise (DOMAIN.md §1).
///
///   kexie::EnterpriseInfo info{.enterprise_name = "宝钢股份", .ownership =
///   kexie::Ownership::state,
///                              .industry = "steel", .region = "310000",
///                              .high_tech_zone = false, .development_zone = true,
///                              .founded = kexie::Date::parse("2000-02-03").value()};
struct EnterpriseInfo {
  /// The enterprise's registered name; required for an enterprise association.
  std::string enterprise_name;
  /// Ownership (A11 speaks of enterprises of different ownership).
  Ownership ownership = Ownership::unspecified;
  /// Industry, free text or a code (e.g. GB/T 4754).
  std::string industry;
  /// Region, free text or an administrative division code.
  std::string region;
  /// Sits in a national high-tech zone (国家高新区, A13).
  bool high_tech_zone = false;
  /// Sits in an economic-technological development zone (经济技术开发区, A13).
  bool development_zone = false;
  /// The enterprise's founding date.
  Date founded = Date::min();

  /// Field-wise equality.
  friend bool operator==(const EnterpriseInfo&, const EnterpriseInfo&) = default;
};

/// What `Registry::add_organization` needs. `parent` stays empty for the
/// national root and for partners; `level` is set for locals only;
/// `enterprise` is filled for enterprise associations only.
///
///   kexie::OrgSpec province{.kind = kexie::OrgKind::local, .name = "浙江省科协",
///                           .parent = cast, .effective = "1958-01-01"_date,
///                           .level = kexie::LocalLevel::provincial};
struct OrgSpec {
  /// The kind; decides which parents are allowed.
  OrgKind kind = OrgKind::enterprise;
  /// The organization's name.
  std::string name;
  /// The parent as of `effective`; empty for `national` and `partner`.
  OrgId parent;
  /// The first day the organization is in effect.
  Date effective = Date::min();
  /// The level of a local association; `none` for every other kind.
  LocalLevel level = LocalLevel::none;
  /// Attributes of an enterprise association; leave default for other kinds.
  EnterpriseInfo enterprise;
};

/// One stretch of an organization's parent history.
///
///   for (const kexie::ParentEdge& e : org.parents) std::cout << e.parent << ' ' << e.period;
struct ParentEdge {
  /// The parent during `period`.
  OrgId parent;
  /// When this parent was in effect.
  Period period;
  /// Field-wise equality.
  friend bool operator==(const ParentEdge&, const ParentEdge&) = default;
};

/// An organization as the registry keeps it: what it is and its whole history.
///
///   kexie::Organization org = registry.organization(id).value();
///   std::cout << org.name << " is a " << org.kind << " in effect " << org.period;
struct Organization {
  /// Its identifier.
  OrgId id;
  /// Its kind (never changes).
  OrgKind kind = OrgKind::enterprise;
  /// Its level, for a local association.
  LocalLevel level = LocalLevel::none;
  /// Its name.
  std::string name;
  /// When it exists: from its founding to its dissolution (open while active).
  Period period;
  /// Its parents over time, oldest first; empty for national and partners.
  std::vector<ParentEdge> parents;
  /// Enterprise attributes (enterprise associations only).
  EnterpriseInfo enterprise;

  /// The parent on day `d`, or an empty id (root, partner, or not in effect).
  /// \param d the day asked about
  /// \return the parent of the edge whose period contains `d`; `OrgId{}` when none does
  ///
  ///   OrgId p = org.parent_on("2024-01-01"_date);
  [[nodiscard]] OrgId parent_on(Date d) const noexcept {
    for (const ParentEdge& e : parents)
      if (e.period.contains(d)) return e.parent;
    return OrgId{};
  }
};

/// True when an organization of kind `child` may sit directly under one of kind
/// `parent` (the table of DOMAIN.md §1). For two locals the levels decide: the
/// parent must be of a strictly higher level (`parent_level < child_level`).
/// \param child the kind of the organization placed
/// \param parent the kind of its would-be parent
/// \param child_level the child's level, when both are locals
/// \param parent_level the parent's level, when both are locals
/// \return true when the parent rule allows the placement
///
///   using K = kexie::OrgKind; using L = kexie::LocalLevel;
///   assert(kexie::allowed_parent(K::enterprise, K::local));
///   assert(kexie::allowed_parent(K::enterprise, K::society) == false);
///   assert(kexie::allowed_parent(K::local, K::local, L::prefecture, L::provincial));
[[nodiscard]] KEXIE_API bool allowed_parent(OrgKind child, OrgKind parent,
                                            LocalLevel child_level = LocalLevel::none,
                                            LocalLevel parent_level = LocalLevel::none) noexcept;

/// The policy article behind the parent rule for `kind` (A1, A3, A13, A15).
/// \param kind the kind of the organization placed
/// \return the article, a static string
///
///   assert(kexie::parent_rule_article(kexie::OrgKind::committee) == "A15");
[[nodiscard]] KEXIE_API std::string_view parent_rule_article(OrgKind kind) noexcept;

/// The two kinds of cooperation link (A3, A11).
enum class LinkKind : std::uint8_t {
  industry_academia,  ///< 产学研: enterprise ↔ partner (research institute, university, college),
                      ///< A3
  factory_society,  ///< 厂会协作: enterprise ↔ national society, A11
};

/// The names of `LinkKind`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<LinkKind> {
  static constexpr std::array<std::string_view, 2> names{"industry_academia", "factory_society"};
  static constexpr bool listed(LinkKind v) noexcept {
    switch (v) {
      case LinkKind::industry_academia:
      case LinkKind::factory_society:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<LinkKind>());

/// "industry_academia" or "factory_society".
/// \param kind the enumerator to name
/// \return its name as `EnumNames<LinkKind>` spells it, a static string;
/// "unknown" outside the enumeration
[[nodiscard]] KEXIE_API std::string_view to_string(LinkKind kind) noexcept;

/// A cooperation link between an enterprise association and a partner or a
/// society, over a period.
///
///   kexie::Link l = registry.link(id).value();
///   if (l.kind == kexie::LinkKind::factory_society) std::cout << "厂会协作 with " << l.other;
struct Link {
  /// Its identifier.
  LinkId id;
  /// Derived from the other side's kind.
  LinkKind kind = LinkKind::industry_academia;
  /// The enterprise association.
  OrgId enterprise;
  /// The partner or society.
  OrgId other;
  /// When the link is in effect.
  Period period;
  /// Field-wise equality.
  friend bool operator==(const Link&, const Link&) = default;
};

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_ORGANIZATION_HPP
