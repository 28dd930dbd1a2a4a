// The registry (登记册) of an association system: organizations with their
// parent history, people, memberships, expert pools, cooperation links,
// exemplary awards and continuing-education records, with every rule of
// DOMAIN.md §1–2. Nothing is ever erased: each fact carries a `Period`, and
// every query takes an "as of" date. A refused mutation returns an `Error`
// naming the rule and the policy article and leaves the registry exactly as
// it was (`digest()` is unchanged). So does a mutation that runs out of
// memory: it throws std::bad_alloc and gives the strong guarantee (the
// registry is unchanged and usable; docs/reliability.md, "Allocation failure").
//
// Thread safety: const member functions may run concurrently from any number
// of threads (internal caches are synchronized). A non-const member function
// needs exclusive access: guard the registry with a `std::shared_mutex`
// (shared for reads, unique for writes) when threads mix the two. A
// `MemberIndex` and the views of `kexie::views` that are built from one own
// their data and stay valid, unchanged, after later mutations.
//
// Queries come in two layers, the way fmt's `format` wraps `vformat`: exported
// non-template member functions here return plain containers or a
// `MemberIndex`, and the inline functions of `kexie::views` (kexie/views.hpp,
// the one header that includes range-v3) wrap them into range-v3 views.
#ifndef KEXIE_REGISTRY_HPP
#define KEXIE_REGISTRY_HPP

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kexie/date.hpp"
#include "kexie/export.hpp"
#include "kexie/ids.hpp"
#include "kexie/membership.hpp"
#include "kexie/organization.hpp"
#include "kexie/person.hpp"
#include "kexie/policy.hpp"
#include "kexie/result.hpp"

namespace kexie {
inline namespace v1 {

namespace detail {
struct MemberIndexData;
struct RegistryImpl;  // src/registry_state.hpp
}  // namespace detail

/// The answer of `Registry::youth`: whether a person counts as a young S&T worker
/// (青年科技工作者, A9) on a day. Two named values instead of a bool, so the answer
/// cannot be mistaken for the success of the call.
///
///   bool counts = reg.youth(li, today) == kexie::Youth::young;
enum class Youth : std::uint8_t {
  not_young,  ///< older than the policy's `young_age_max` on that day
  young,      ///< age on that day ≤ the policy's `young_age_max`
};

/// One row of a member query: a person with a membership in one organization
/// as of the index date, all roles they hold there merged.
///
///   for (const kexie::MemberEntry& m : kexie::views::members(registry, org, day))
///     std::cout << m.person << " in " << m.org << (m.young ? " (young)" : "") << '\n';
struct MemberEntry {
  /// The member.
  PersonId person;
  /// The organization of the membership.
  OrgId org;
  /// Every role the person holds in `org` on the index date.
  RoleSet roles = 0;
  /// The person's title.
  Title title = Title::none;
  /// The person's birth date.
  Date birth;
  /// Young (A9) on the index date by the registry's policy.
  bool young = false;
  /// Equal when every field is equal.
  friend bool operator==(const MemberEntry&, const MemberEntry&) = default;
};

/// An immutable index of the memberships in effect on one date: one row per
/// person–organization pair (all roles merged), in a depth-first order of the tree
/// as of that date, so a subtree's members are found by one scan. Cheap to copy
/// (shared ownership); stays valid and unchanged after the registry changes. Get
/// one from `Registry::member_index`; `views::members` (views.hpp) wraps it.
///
///   kexie::MemberIndex idx = registry.member_index("2025-06-30"_date);
///   for (std::uint32_t row : idx.select(province, {.young = true}))
///     std::cout << idx.entry(row).person << '\n';
///   std::size_t young = idx.count(province, {.young = true});
class KEXIE_API MemberIndex {
 public:
  /// An empty index (no rows).
  MemberIndex() noexcept;

  /// The date the index describes.
  /// \return the "as of" date given to `Registry::member_index`; a default `Date` for an empty
  /// index.
  ///
  ///   assert(reg.member_index(today).as_of() == today);
  [[nodiscard]] Date as_of() const noexcept;
  /// Number of rows (person–organization pairs in effect).
  /// \return the number of rows, 0 for an empty index.
  ///
  ///   for (std::size_t row = 0; row < idx.size(); ++row) use(idx.entry(row));
  [[nodiscard]] std::size_t size() const noexcept;
  /// Row `row` (must be < size()).
  /// \param row a row number in [0, size()), e.g. one returned by `select`; a larger one is a
  /// programmer error (not checked).
  /// \return the member, organization, merged roles, title, birth date and youth of that row.
  ///
  ///   kexie::MemberEntry m = idx.entry(idx.select(ent).front());
  [[nodiscard]] MemberEntry entry(std::size_t row) const noexcept;
  /// The rows of `root`'s subtree whose member passes `filter`, in row order: each
  /// person once, or, with a role filter, once per organization where they hold
  /// the role. One scan of the subtree's rows; empty when `root` is not in the tree
  /// on `as_of()`. `views::members` is this, as a range of `MemberEntry`.
  /// \param root the organization whose subtree (itself included) is searched.
  /// \param filter the conditions a member must meet (role, youth, minimum title, discipline); the
  /// default, an empty filter, keeps every member.
  /// \return the row numbers, for `entry`; empty when nothing matches or `root` is unknown or not
  /// in effect on `as_of()` (never an error).
  ///
  ///   std::vector<std::uint32_t> rows = idx.select(province, {.young = true});
  ///   kexie::MemberEntry first = idx.entry(rows.front());
  [[nodiscard]] std::vector<std::uint32_t> select(OrgId root,
                                                  const MemberFilter& filter = {}) const;
  /// Number of rows of `org`'s subtree that pass `filter` (`select(org, filter).size()`):
  /// O(1) from the rollups for no filter or only `young`, otherwise a scan.
  /// \param org the organization whose subtree (itself included) is counted.
  /// \param filter the conditions a member must meet, as for `select`.
  /// \return the number of matching rows; 0 when `org` is not in the tree on `as_of()`.
  ///
  ///   std::size_t seniors = idx.count(province, {.min_title = kexie::Title::senior});
  [[nodiscard]] std::size_t count(OrgId org, const MemberFilter& filter) const;
  /// Distinct members, young members and experts of `org`'s subtree, in O(1).
  /// \param org the organization whose subtree (itself included) is counted.
  /// \return its distinct members, young members and experts on `as_of()`; all zero when `org` is
  /// not in the tree that day.
  ///
  ///   std::size_t experts = idx.rollup(province).experts;
  [[nodiscard]] Rollup rollup(OrgId org) const noexcept;

 private:
  friend class Registry;
  explicit MemberIndex(std::shared_ptr<const detail::MemberIndexData> data) noexcept;
  std::shared_ptr<const detail::MemberIndexData> data_;
};

/// The registry: every organization, person and membership, with history, and
/// the rules of DOMAIN.md §1–2. Movable; copied only on purpose with `clone()`.
///
///   kexie::Registry reg;  // default Policy
///   auto cast = reg.add_organization({.kind = kexie::OrgKind::national, .name = "中国科协",
///                                     .effective = "1958-09-18"_date}).value();
///   auto prov = reg.add_organization({.kind = kexie::OrgKind::local, .name = "浙江省科协",
///                                     .parent = cast, .effective = "1958-10-01"_date,
///                                     .level = kexie::LocalLevel::provincial}).value();
///   auto bad = reg.add_organization({.kind = kexie::OrgKind::branch, .name = "x",
///                                    .parent = prov, .effective = "2000-01-01"_date});
///   assert(bad.error().rule() == "org.parent_kind" && bad.error().article() == "A13");
class KEXIE_API Registry {
 public:
  /// An empty registry that applies `policy`. Throws std::invalid_argument when
  /// `!policy.ok()` (a programmer error).
  /// \param policy the rules' parameters (youth age limit, continuing-education hours,
  /// employer-tied membership, ...), copied; the default is the policy of DOMAIN.md.
  explicit Registry(Policy policy = {});
  /// Frees the state. Views and `MemberIndex` values made from it stay valid.
  ~Registry();
  /// Moves the whole state; the moved-from registry may only be assigned to or destroyed.
  /// \param other the registry whose state is taken.
  Registry(Registry&& other) noexcept;
  /// Moves the whole state; the moved-from registry may only be assigned to or destroyed.
  /// \param other the registry whose state is taken (this one's is freed first).
  /// \return `*this`.
  Registry& operator=(Registry&& other) noexcept;
  /// Not copyable: copying a national registry is expensive, so it is done on purpose
  /// with `clone()`.
  Registry(const Registry&) = delete;
  /// Not copyable: use `clone()`.
  Registry& operator=(const Registry&) = delete;

  /// A deep copy, made on purpose (copying a national registry is expensive).
  /// \return an independent registry with the same state and policy (equal `digest()`).
  ///
  ///   kexie::Registry what_if = reg.clone();
  [[nodiscard]] Registry clone() const;

  /// The policy the registry applies.
  /// \return the policy given to the constructor; valid as long as the registry.
  ///
  ///   int line = reg.policy().young_age_max;  // 35 by default
  [[nodiscard]] const Policy& policy() const noexcept;

  /// Reserves room for a bulk load (a hint; never required).
  /// \param orgs the number of organizations expected in all.
  /// \param people the number of people expected in all.
  /// \param memberships the number of memberships expected in all.
  ///
  ///   reg.reserve(50'000, 2'000'000, 2'400'000);
  void reserve(std::size_t orgs, std::size_t people, std::size_t memberships);

  // --- organizations -------------------------------------------------------

  /// Creates an organization in effect from `spec.effective`, under `spec.parent`.
  /// Refusals: `invalid_argument` (empty name, a level on a non-local or none on a
  /// local, an enterprise without `enterprise_name`, an unsupported date);
  /// `not_found` (unknown parent); `rule_violation` with rule `org.single_root`
  /// (A1: a second national, or a missing parent), `org.parent_kind` (the table of
  /// DOMAIN.md §1, article of the child's kind), `org.active` (A1: the parent is not
  /// in effect on every day from `effective` on).
  /// \param spec kind, name, parent, first day in effect, local level and, for an enterprise
  /// association, the enterprise's details.
  /// \return the new organization's id, or the refusal above (the registry unchanged).
  ///
  ///   OrgId ent = reg.add_organization({.kind = kexie::OrgKind::enterprise, .name = "宝钢科协",
  ///       .parent = shanghai, .effective = "2001-01-01"_date,
  ///       .enterprise = {.enterprise_name = "宝钢股份", .ownership =
  ///       kexie::Ownership::state}}).value();
  [[nodiscard]] Result<OrgId> add_organization(const OrgSpec& spec);

  /// Moves `org` under `new_parent` from day `on` (its previous parent edge ends the
  /// day before). Re-checks `org.parent_kind`, `org.no_cycle` (A1, on `on` and every
  /// later date the tree changes), `org.active` (both in effect from `on`), and
  /// `membership.nested` (A13) for branch and study-group members. `invalid_argument`
  /// when `on` is not after the start of the current parent edge; `rule_violation`
  /// `org.single_root` for the root or a partner.
  /// \param org the organization that moves (with its whole subtree).
  /// \param new_parent its parent from `on` on.
  /// \param on the first day under `new_parent`.
  /// \return success, or the refusal above (the registry unchanged).
  ///
  ///   reg.move(branch, other_enterprise, "2025-01-01"_date).value();
  [[nodiscard]] Status move(OrgId org, OrgId new_parent, Date on);

  /// Dissolves `org`: `last_day` is its last day in effect; its history stays.
  /// Refused (`rule_violation`) with `org.dissolve_children` (A1) while a child is
  /// attached after `last_day`, `org.dissolve_members` (A1) while a membership or
  /// expert listing runs past it, `org.dissolve_links` (A3) for a cooperation link,
  /// `org.dissolve_appointments` (A14) while an officer's appointment runs past it,
  /// `org.dissolve_employees` (A1) for an enterprise association that still employs
  /// people while `Policy::employer_tied_membership` holds (the default),
  /// `org.single_root` for the national root, `org.active` when already dissolved.
  /// \param org the organization to dissolve.
  /// \param last_day its last day in effect.
  /// \return success, or the refusal above (the registry unchanged).
  ///
  ///   reg.dissolve(study_group, "2025-12-31"_date).value();
  [[nodiscard]] Status dissolve(OrgId org, Date last_day);

  /// **Deprecated** (kept until the next SONAME, docs/api-stability.md): records the
  /// "exemplary enterprise association" award (先进企业科协, A14) for a period with no
  /// grantor and no basis, so no honour: `honours_of(org)` does not list it and it is
  /// not traceable to the association that granted it (issue 13, item 5). Use the
  /// four-argument form. `rule_violation` `org.exemplary_kind` (A14) unless `org` is
  /// an enterprise association; `org.active` when it is not in effect throughout;
  /// `already_exists` `org.exemplary_unique` (A14) on overlapping dates.
  /// \param org the enterprise association awarded.
  /// \param period the days the award holds.
  /// \return success, or the refusal above (the registry unchanged).
  ///
  ///   // before: reg.award_exemplary(ent, {"2025-01-01"_date, "2025-12-31"_date});
  ///   reg.award_exemplary(ent, {"2025-01-01"_date, "2025-12-31"_date}, city,
  ///                       "2024 年度考核评价").value();
  [[deprecated(
      "records no grantor and no basis (no honour); use award_exemplary(org, period, grantor, "
      "basis)")]] [[nodiscard]] Status
  award_exemplary(OrgId org, Period period);

  /// Records the exemplary award for `period` and, with it, an honour of kind
  /// `exemplary_association` granted by `grantor` on `period.first` resting on
  /// `basis` (e.g. "2025 年度考核评价"). Refusals: `invalid_argument` for a reversed
  /// or unsupported period; `not_found` for an unknown organization or grantor;
  /// `rule_violation` `org.exemplary_kind` (A14) unless `org` is an enterprise
  /// association, `org.active` (A1) when it is not in effect throughout,
  /// `already_exists` `org.exemplary_unique` (A14) on overlapping dates; `rule_violation`
  /// `honour.grantor` (A14) unless the grantor is a local association or the national root above
  /// `org` (the one that guides it) on `period.first`; `invalid_argument`
  /// `honour.basis` for an empty basis. Either both are recorded or nothing.
  /// \param org the enterprise association awarded.
  /// \param period the days the award holds; the honour is dated `period.first`.
  /// \param grantor the association that grants it (a local association or the national root above
  /// `org`).
  /// \param basis why it was granted (an assessment, a campaign), non-empty; copied.
  /// \return success, or the refusal above (the registry unchanged).
  ///
  ///   reg.award_exemplary(ent, {"2025-01-01"_date, "2025-12-31"_date}, city,
  ///                       "2024 年度考核评价").value();
  ///   assert(reg.honours_of(ent).front().grantor == city);
  [[nodiscard]] Status award_exemplary(OrgId org, Period period, OrgId grantor,
                                       std::string_view basis);

  /// True when `org` holds the exemplary award on `as_of`.
  /// \param org the organization asked about; an unknown id is simply not exemplary.
  /// \param as_of the day asked about.
  /// \return true when an exemplary award's period contains `as_of`.
  ///
  ///   if (reg.exemplary(ent, today)) std::cout << "先进企业科协";
  [[nodiscard]] bool exemplary(OrgId org, Date as_of) const noexcept;

  /// The organization with its history; `not_found` for an unknown id.
  /// \param org the organization's id.
  /// \return a copy of the organization (kind, name, parent edges, period in effect, level,
  /// enterprise details), or `not_found`.
  ///
  ///   std::cout << reg.organization(id)->name;
  [[nodiscard]] Result<Organization> organization(OrgId org) const;
  /// Its kind; `not_found` for an unknown id.
  /// \param org the organization's id.
  /// \return its kind (national, local, enterprise, branch, ...), or `not_found`.
  ///
  ///   if (reg.kind(org).value_or(kexie::OrgKind::partner) == kexie::OrgKind::enterprise) …
  [[nodiscard]] Result<OrgKind> kind(OrgId org) const;
  /// Its parent on `as_of`: an empty id for the root and partners; `not_found` for
  /// an unknown id; `rule_violation` `org.active` when not in effect that day.
  /// \param org the organization's id.
  /// \param as_of the day asked about (parents change with `move`).
  /// \return the parent that day (an empty id for the root and partners), or `not_found` /
  /// `org.active` as above.
  ///
  ///   OrgId p = reg.parent(ent, "2025-01-01"_date).value();
  [[nodiscard]] Result<OrgId> parent(OrgId org, Date as_of) const;
  /// True when `org` is known and in effect on `as_of`.
  /// \param org the organization's id; an unknown id gives false.
  /// \param as_of the day asked about.
  /// \return true when `org` is in effect on `as_of` (created on or before it, not dissolved before
  /// it).
  ///
  ///   assert(!reg.exists(dissolved_group, "2030-01-01"_date));
  [[nodiscard]] bool exists(OrgId org, Date as_of) const noexcept;
  /// True when `ancestor == org`, or `ancestor` is above `org` in the tree on
  /// `as_of`; false for unknown ids or organizations not in effect that day.
  /// \param org the organization whose position is asked about.
  /// \param ancestor the organization that may be above it.
  /// \param as_of the day of the tree asked about.
  /// \return true when `org` is `ancestor` or in its subtree on `as_of`.
  ///
  ///   if (reg.within(activity_owner, approver, today)) { /* may approve */ }
  [[nodiscard]] bool within(OrgId org, OrgId ancestor, Date as_of) const noexcept;
  /// The national root, or an empty id while there is none.
  /// \return the id of the national organization (中国科协), or an empty id.
  ///
  ///   for (kexie::OrgId o : kexie::views::subtree(reg, reg.root(), today)) …
  [[nodiscard]] OrgId root() const noexcept;
  /// Number of organizations ever created (dissolved ones included).
  /// \return the number of organizations; ids run from 1 to this number.
  ///
  ///   OrgId last{static_cast<std::uint32_t>(reg.organization_count())};
  [[nodiscard]] std::size_t organization_count() const noexcept;
  /// `root` and every organization below it on `as_of`, depth first (children in id
  /// order), optionally only those of `kind`. Empty when `root` is not in effect.
  /// Prefer `views::subtree`.
  /// \param root the top of the subtree (included).
  /// \param as_of the day of the tree.
  /// \param kind only organizations of this kind; empty (the default) for every kind.
  /// \return the ids in depth-first order; empty for an unknown `root` or one not in effect.
  ///
  ///   std::vector<OrgId> ents = reg.subtree_ids(prov, today, kexie::OrgKind::enterprise);
  [[nodiscard]] std::vector<OrgId> subtree_ids(OrgId root, Date as_of,
                                               std::optional<OrgKind> kind = {}) const;
  /// The ancestors of `org` on `as_of`, nearest first (the root last). Prefer
  /// `views::ancestors`.
  /// \param org the organization whose ancestors are listed (not itself included).
  /// \param as_of the day of the tree.
  /// \return the ancestors, parent first and root last; empty for the root, a partner, an unknown
  /// id or one not in effect that day.
  ///
  ///   OrgId top = reg.ancestor_ids(group, today).back();  // the national root
  [[nodiscard]] std::vector<OrgId> ancestor_ids(OrgId org, Date as_of) const;

  // --- people ----------------------------------------------------------------

  /// Registers a person. Refusals: `invalid_argument` (empty name, birth date not
  /// supported); `not_found` (unknown employer); `rule_violation` `person.employer`
  /// (A1: the employer must be an enterprise association or a proxy);
  /// `already_exists` `person.external_key` (A1: key taken within the employer).
  /// \param spec name, birth date, title, discipline, employer and the employer's key for the
  /// person (text is checked with `check_text`).
  /// \return the new person's id, or the refusal above (the registry unchanged).
  ///
  ///   PersonId li = reg.add_person({.name = "李娜", .birth = "1992-07-01"_date, .employer = ent,
  ///                                 .external_key = "E-0042"}).value();
  [[nodiscard]] Result<PersonId> add_person(const PersonSpec& spec);
  /// The person; `not_found` for an unknown id.
  /// \param id the person's id.
  /// \return a copy of the person's record, or `not_found`.
  ///
  ///   std::cout << reg.person(li)->name;
  [[nodiscard]] Result<Person> person(PersonId id) const;
  /// The person with `external_key` at `employer`; `not_found` when none.
  /// \param employer the enterprise association (or proxy) that employs the person.
  /// \param external_key the employer's own key for the person (an HR number), matched exactly.
  /// \return the person's id, or `not_found`.
  ///
  ///   PersonId li = reg.find_person(ent, "E-0042").value();
  [[nodiscard]] Result<PersonId> find_person(OrgId employer, std::string_view external_key) const;
  /// Whether `id` is a young S&T worker (A9) on `as_of`: `Youth::young` when their
  /// age that day is ≤ policy().young_age_max. `not_found` for an unknown id. An enum
  /// rather than a `Result<bool>`, whose `if (r)` would be true for every known person.
  /// \param id the person's id.
  /// \param as_of the day the age is taken on.
  /// \return `Youth::young` or `Youth::not_young`, or `not_found`.
  ///
  ///   if (reg.youth(li, "2025-06-30"_date) == kexie::Youth::young) …  // false when unknown
  ///   kexie::Youth y = reg.youth(li, "2025-06-30"_date).value();       // throws when unknown
  [[nodiscard]] Result<Youth> youth(PersonId id, Date as_of) const;
  /// Number of people registered.
  /// \return the number of people; ids run from 1 to this number.
  ///
  ///   std::cout << reg.person_count() << " S&T workers\n";
  [[nodiscard]] std::size_t person_count() const noexcept;

  // --- memberships -----------------------------------------------------------

  /// Enrols `person` in `org` with `role` over `period`. Refusals: `invalid_argument`
  /// (reversed or unsupported period, a period starting before birth); `not_found`
  /// (unknown ids); `rule_violation` with `membership.org_kind` (A1, A3: only
  /// enterprise associations, branches, study groups and societies have members),
  /// `org.active` (A1: the organization is in effect for the whole period),
  /// `membership.employer` (A1: while `Policy::employer_tied_membership` holds, the
  /// default, only people whose employer is the enterprise association join it, its
  /// branches and its study groups),
  /// `membership.single_enterprise` (A1: one enterprise association at a time),
  /// `membership.single_secretary_general` (A13), `membership.nested` (A13: branch and
  /// study-group members are members of the enterprise association on the same
  /// dates); `already_exists` `membership.unique` (same person, organization and role
  /// on overlapping dates).
  /// \param person the member.
  /// \param org the organization joined (an enterprise association, branch, study group or
  /// society).
  /// \param role the role held there (member, chair, secretary-general, ...).
  /// \param period the days the membership holds; `Period::from(d)` for open-ended.
  /// \return the new membership's id, or the refusal above (the registry unchanged).
  ///
  ///   MembershipId m = reg.add_membership(li, ent, kexie::Role::member,
  ///                                       kexie::Period::from("2020-01-01"_date)).value();
  [[nodiscard]] Result<MembershipId> add_membership(PersonId person, OrgId org, Role role,
                                                    Period period);
  /// Ends a membership: `last_day` becomes its last day (it can only be shortened).
  /// `invalid_argument` when `last_day` is before its first day or after its current
  /// last day; `rule_violation` `membership.nested` (A13) when a branch or study-group
  /// membership of the person relies on it.
  /// \param id the membership to end.
  /// \param last_day its new last day.
  /// \return success, or the refusal above (the registry unchanged).
  ///
  ///   reg.end_membership(m, "2025-12-31"_date).value();
  [[nodiscard]] Status end_membership(MembershipId id, Date last_day);
  /// The membership; `not_found` for an unknown id.
  /// \param id the membership's id.
  /// \return a copy of it (person, organization, role, period), or `not_found`.
  ///
  ///   kexie::Period p = reg.membership(m)->period;
  [[nodiscard]] Result<Membership> membership(MembershipId id) const;
  /// Every membership of `person`, ended ones included, in creation order.
  /// Prefer `views::memberships_of`.
  /// \param person the person; an unknown one has none.
  /// \return the ids of their memberships (empty when none).
  ///
  ///   for (kexie::MembershipId m : reg.memberships_of(li)) …
  [[nodiscard]] std::vector<MembershipId> memberships_of(PersonId person) const;
  /// The secretary-general (秘书长) of `org` on `as_of`; `not_found` when none.
  /// \param org the organization asked about.
  /// \param as_of the day asked about.
  /// \return the person holding `Role::secretary_general` there that day, or `not_found`.
  ///
  ///   if (auto sg = reg.secretary_general(ent, today)) std::cout << reg.person(*sg)->name;
  [[nodiscard]] Result<PersonId> secretary_general(OrgId org, Date as_of) const;
  /// The memberships in effect on `as_of`, indexed by a depth-first order of the
  /// tree on that date. Built on first use after a change and cached (thread-safe).
  /// \param as_of the day the index describes.
  /// \return the index (shared, immutable; valid after later changes to the registry).
  ///
  ///   kexie::MemberIndex idx = reg.member_index(today);
  [[nodiscard]] MemberIndex member_index(Date as_of) const;
  /// Distinct members, young members and experts of `org`'s subtree on `as_of`;
  /// `not_found` for an unknown id (zeros for an organization not in effect).
  /// \param org the organization whose subtree (itself included) is counted.
  /// \param as_of the day counted.
  /// \return the counts, or `not_found`.
  ///
  ///   std::size_t young = reg.rollup(prov, today)->young;
  [[nodiscard]] Result<Rollup> rollup(OrgId org, Date as_of) const;
  /// Members of `org`'s subtree on `as_of` that pass `filter` (distinct people
  /// unless a role is asked). Equals `views::members(…)` counted; O(1) (after the
  /// index is built) for no filter or only `young`.
  /// \param org the organization whose subtree (itself included) is counted.
  /// \param as_of the day counted.
  /// \param filter the conditions a member must meet; the default keeps every member.
  /// \return the number of matching members; 0 for an unknown organization or one not in effect.
  ///
  ///   std::size_t seniors = reg.count_members(prov, today,
  ///       kexie::MemberFilter{.min_title = kexie::Title::senior});
  [[nodiscard]] std::size_t count_members(OrgId org, Date as_of,
                                          const MemberFilter& filter = {}) const;

  // --- expert pools ------------------------------------------------------------

  /// Lists `person` in `org`'s expert pool (专家库) with `fields` over `period`.
  /// Refusals: `invalid_argument` (no field, an empty field, a bad period);
  /// `not_found`; `rule_violation` `org.active`; `already_exists` `expert.unique`
  /// (A8: same person and pool on overlapping dates).
  /// \param person the expert.
  /// \param org the organization whose pool lists them.
  /// \param fields the expert's fields (at least one, none empty), matched exactly by panels; moved
  /// in.
  /// \param period the days of the listing.
  /// \return the new listing's id, or the refusal above (the registry unchanged).
  ///
  ///   reg.add_expert(li, prov, {"metallurgy", "energy saving"},
  ///   kexie::Period::from("2024-01-01"_date));
  [[nodiscard]] Result<ExpertId> add_expert(PersonId person, OrgId org,
                                            std::vector<std::string> fields, Period period);
  /// Ends a listing (shortening only, as `end_membership`).
  /// \param id the listing to end.
  /// \param last_day its new last day.
  /// \return success; `not_found` for an unknown id, `invalid_argument` for a `last_day` outside
  /// the listing's period.
  ///
  ///   reg.end_expert(e, "2025-12-31"_date).value();
  [[nodiscard]] Status end_expert(ExpertId id, Date last_day);
  /// The listing; `not_found` for an unknown id.
  /// \param id the listing's id.
  /// \return a copy of it (person, pool, fields, period), or `not_found`.
  ///
  ///   for (const std::string& f : reg.expert(e)->fields) std::cout << f;
  [[nodiscard]] Result<ExpertListing> expert(ExpertId id) const;
  /// The listings of `org`'s own pool in effect on `as_of`. Prefer `views::experts`.
  /// \param org the organization whose pool is listed (not its subtree's).
  /// \param as_of the day asked about.
  /// \return the listings' ids in creation order; empty for an unknown organization.
  ///
  ///   std::size_t pool = reg.expert_ids(prov, today).size();
  [[nodiscard]] std::vector<ExpertId> expert_ids(OrgId org, Date as_of) const;

  // --- appointments (officers, A14, A15) ------------------------------------------

  /// Appoints `spec.person` to an office of `spec.org` over `spec.period`: the way
  /// officers of CAST, local associations, committees and societies (who are not
  /// members) are recorded, so that their roles can be derived (`actor_as_of`).
  /// Refusals: `invalid_argument` (bad period, a period starting before birth);
  /// `not_found` (unknown person or organization); `rule_violation`
  /// `appointment.org_kind` (A14: only national, local, committee and society
  /// organizations appoint officers; enterprise associations have memberships),
  /// `org.active` (the organization is in effect for the whole period);
  /// `already_exists` `appointment.unique` (A14: the same person, organization and
  /// office on overlapping dates).
  /// \param spec the person, the organization, the office and the period.
  /// \return the new appointment's id, or the refusal above (the registry unchanged).
  ///
  ///   kexie::AppointmentId a = reg.appoint({.person = wang, .org = province,
  ///       .role = kexie::OfficerRole::chair,
  ///       .period = kexie::Period::from("2021-01-01"_date)}).value();
  [[nodiscard]] Result<AppointmentId> appoint(const AppointmentSpec& spec);
  /// Ends an appointment: `last_day` becomes its last day (shortening only, as
  /// `end_membership`). `not_found` for an unknown id; `invalid_argument` when
  /// `last_day` is before its first day or after its current last day.
  /// \param id the appointment to end.
  /// \param last_day its new last day.
  /// \return success, or the refusal above (the registry unchanged).
  ///
  ///   reg.end_appointment(a, "2025-12-31"_date).value();
  [[nodiscard]] Status end_appointment(AppointmentId id, Date last_day);
  /// The appointment; `not_found` for an unknown id.
  /// \param id the appointment's id.
  /// \return a copy of it (person, organization, office, period), or `not_found`.
  ///
  ///   kexie::OfficerRole r = reg.appointment(a)->role;
  [[nodiscard]] Result<Appointment> appointment(AppointmentId id) const;
  /// The appointments of `person` in effect on `on`, in creation order (empty for
  /// an unknown person).
  /// \param person the officer.
  /// \param on the day asked about.
  /// \return copies of the appointments (empty when none).
  ///
  ///   for (const kexie::Appointment& a : reg.appointments_of(wang, today)) …
  [[nodiscard]] std::vector<Appointment> appointments_of(PersonId person, Date on) const;
  /// The appointments at `org` in effect on `on`, in creation order.
  /// \param org the organization whose officers are listed.
  /// \param on the day asked about.
  /// \return copies of the appointments (empty for an unknown organization).
  ///
  ///   for (const kexie::Appointment& a : reg.officers(province, today)) …
  [[nodiscard]] std::vector<Appointment> officers(OrgId org, Date on) const;
  /// Number of appointments ever recorded (ended ones included).
  /// \return the number of appointments; ids run from 1 to this number.
  ///
  ///   kexie::AppointmentId last{static_cast<std::uint32_t>(reg.appointment_count())};
  [[nodiscard]] std::size_t appointment_count() const noexcept;

  // --- honours (表彰奖励, A9, A12, A14, A15) ------------------------------------------

  /// Records an honour; honours are never deleted. Refusals: `invalid_argument`
  /// `honour.title` (an empty title, an unsupported date), `honour.subject` (no
  /// person and no organization; an advanced_individual without a person; an
  /// advanced_unit or exemplary_association without an organization);
  /// `not_found` (unknown person, organization or grantor); `rule_violation`
  /// `honour.grantor` (A14: the grantor is not a national, local, committee or
  /// society organization in effect on the date), `org.active` (the honoured
  /// organization is not in effect on the date), `honour.scope` (A14: the honoured
  /// organization, or the person's employer, is not under the grantor on the date;
  /// not checked for `other_scheme`); `already_exists` `honour.unique` (the same
  /// kind, subject, grantor, title, basis and date are recorded already).
  /// \param spec kind, person and/or organization honoured, grantor, title, basis and date.
  /// \return the new honour's id, or the refusal above (the registry unchanged).
  ///
  ///   kexie::HonourId h = reg.record_honour({.kind = kexie::HonourKind::advanced_unit,
  ///       .organization = ent, .grantor = province, .title = "先进单位",
  ///       .basis = "2025 讲比", .date = "2025-12-20"_date}).value();
  [[nodiscard]] Result<HonourId> record_honour(const HonourSpec& spec);
  /// Records every honour of `specs` or none: the first refusal (as
  /// `record_honour`'s, its message prefixed with the position) leaves the registry
  /// unchanged. Duplicates inside `specs` are refused as `honour.unique`.
  /// \param specs the honours to record, in order.
  /// \return success (all recorded), or the first refusal (none recorded).
  ///
  ///   std::vector<kexie::HonourSpec> awards = …;
  ///   reg.record_honours(awards).value();
  [[nodiscard]] Status record_honours(std::span<const HonourSpec> specs);
  /// The honour; `not_found` for an unknown id.
  /// \param id the honour's id.
  /// \return a copy of it, or `not_found`.
  ///
  ///   std::cout << reg.honour(h)->title;
  [[nodiscard]] Result<Honour> honour(HonourId id) const;
  /// The honours of `person`, oldest first (by date, then id).
  /// \param person the person honoured; an unknown one has none.
  /// \return copies of the honours (empty when none).
  ///
  ///   for (const kexie::Honour& h : reg.honours_of(li)) std::cout << h.title << '\n';
  [[nodiscard]] std::vector<Honour> honours_of(PersonId person) const;
  /// The honours of `org` (as the honoured organization), oldest first.
  /// \param org the organization honoured; an unknown one has none.
  /// \return copies of the honours (empty when none).
  ///
  ///   std::size_t n = reg.honours_of(ent).size();
  [[nodiscard]] std::vector<Honour> honours_of(OrgId org) const;
  /// The honours dated inside `period` whose grantor was `subtree_root` or under it
  /// on the honour's date, oldest first.
  /// \param subtree_root the association whose grants (its own and its subtree's) are listed.
  /// \param period the days of the honours' dates.
  /// \return copies of the honours (empty when none).
  ///
  ///   auto year = reg.honours_granted(province, {"2025-01-01"_date, "2025-12-31"_date});
  [[nodiscard]] std::vector<Honour> honours_granted(OrgId subtree_root, Period period) const;
  /// Number of honours recorded.
  /// \return the number of honours; ids run from 1 to this number.
  ///
  ///   std::cout << reg.honour_count() << " honours\n";
  [[nodiscard]] std::size_t honour_count() const noexcept;

  // --- cooperation links -----------------------------------------------------------

  /// Links enterprise association `enterprise` with a partner (产学研, A3) or a
  /// society (厂会协作, A11) over `period`; the kind follows from `other`. Refusals:
  /// `invalid_argument` (bad period); `not_found`; `rule_violation` `link.kinds`
  /// (A3/A11: any other pair of kinds), `org.active`; `already_exists` `link.unique`
  /// (the same pair on overlapping dates).
  /// \param enterprise the enterprise association.
  /// \param other a partner (university, institute: 产学研) or a society (厂会协作).
  /// \param period the days of the link.
  /// \return the new link's id, or the refusal above (the registry unchanged).
  ///
  ///   reg.add_link(ent, university, kexie::Period::from("2023-09-01"_date)).value();
  [[nodiscard]] Result<LinkId> add_link(OrgId enterprise, OrgId other, Period period);
  /// Ends a link (shortening only).
  /// \param id the link to end.
  /// \param last_day its new last day.
  /// \return success; `not_found` for an unknown id, `invalid_argument` for a `last_day` outside
  /// the link's period.
  ///
  ///   reg.end_link(l, "2025-08-31"_date).value();
  [[nodiscard]] Status end_link(LinkId id, Date last_day);
  /// The link; `not_found` for an unknown id.
  /// \param id the link's id.
  /// \return a copy of it (both sides, kind, period), or `not_found`.
  ///
  ///   if (reg.link(l)->kind == kexie::LinkKind::factory_society) …
  [[nodiscard]] Result<Link> link(LinkId id) const;
  /// The links of `org` (either side) in effect on `as_of`. Prefer `views::links`.
  /// \param org the organization on either side.
  /// \param as_of the day asked about.
  /// \return the links' ids in creation order (empty when none).
  ///
  ///   std::size_t partners = reg.link_ids(ent, today).size();
  [[nodiscard]] std::vector<LinkId> link_ids(OrgId org, Date as_of) const;

  // --- continuing education ------------------------------------------------------------

  /// Records `hours` (≥ 1) of continuing education of `kind` on `date`.
  /// `invalid_argument` `training.hours` (A5) for hours < 1 or a bad date; `not_found`.
  /// \param person the person trained.
  /// \param hours whole hours of training (≥ 1).
  /// \param kind professional or general (counts toward the professional share or not).
  /// \param date the day of the training.
  /// \return the new record's id, or the refusal above (the registry unchanged).
  ///
  ///   reg.add_training(li, 60, kexie::TrainingKind::professional, "2025-04-01"_date).value();
  [[nodiscard]] Result<TrainingId> add_training(PersonId person, int hours, TrainingKind kind,
                                                Date date);
  /// The record; `not_found` for an unknown id.
  /// \param id the record's id.
  /// \return a copy of it (person, hours, kind, date), or `not_found`.
  ///
  ///   int h = reg.training(t)->hours;
  [[nodiscard]] Result<TrainingRecord> training(TrainingId id) const;
  /// The person's continuing education in calendar `year` against the policy
  /// (A5; default ≥ 90 hours, ≥ 2/3 professional). `not_found` for an unknown id.
  /// \param person the person.
  /// \param year the calendar year (January 1 to December 31).
  /// \return the hours, professional hours, compliance and shortfall, or `not_found`.
  ///
  ///   auto s = reg.continuing_education_status(li, 2025).value();
  [[nodiscard]] Result<EducationStatus> continuing_education_status(PersonId person,
                                                                    int year) const;

  // --- state -------------------------------------------------------------------------

  /// Hex SHA-256 of the full logical state (every fact, every history, the policy;
  /// not caches). Equal digests mean equal registries: tests compare it before and
  /// after a refused call.
  /// \return 64 lower-case hex digits.
  ///
  ///   std::string before = reg.digest();
  ///   (void)reg.dissolve(busy_org, today);   // refused
  ///   assert(reg.digest() == before);
  [[nodiscard]] std::string digest() const;

 private:
  explicit Registry(std::unique_ptr<detail::RegistryImpl> impl) noexcept;
  std::unique_ptr<detail::RegistryImpl> impl_;
  friend detail::RegistryImpl;  // reaches impl_ for detail::state_of (src/registry_state.hpp)
};

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_REGISTRY_HPP
