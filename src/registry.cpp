// The registry's facts and rules (DOMAIN.md §1–2). Every mutation checks all
// of its rules before it changes anything; the two that must look at the
// changed state (a move, an ended membership) apply the change, check, and
// roll back exactly on refusal, so a refused call never alters the registry.
#include "kexie/registry.hpp"

#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>
#include <mutex>
#include <stdexcept>
#include <string>
#include <utility>

#include "detail/fresh_pages.hpp"
#include "detail/sha256.hpp"
#include "kexie/text.hpp"
#include "registry_state.hpp"

namespace kexie {
inline namespace v1 {

namespace detail {

std::uint32_t StringPool::add(std::string_view text) {
  const auto ref = static_cast<std::uint32_t>(chars_.size());
  const std::size_t n = std::min<std::size_t>(text.size(), 0xFFFF);
  make_room(n + 2);  // all or nothing: the appends below cannot fail
  chars_.push_back(static_cast<char>(n & 0xFF));
  chars_.push_back(static_cast<char>((n >> 8) & 0xFF));
  chars_.insert(chars_.end(), text.begin(), text.begin() + static_cast<std::ptrdiff_t>(n));
  return ref;
}

OrgId State::parent_at(OrgId id, Date d) const noexcept {
  const auto& parents = org(id).parents;
  // Usually one edge; scan from the newest, since queries tend to ask about now.
  for (auto it = parents.rbegin(); it != parents.rend(); ++it)
    if (it->period.contains(d)) return it->parent;
  return OrgId{};
}

}  // namespace detail

namespace {

using detail::OrgRec;
using detail::State;

constexpr std::uint32_t kNone = 0;

Error refuse(std::string message, std::string rule, std::string_view article,
             ErrorCode code = ErrorCode::rule_violation) {
  return Error(code, std::move(message), std::move(rule), std::string(article));
}

Error not_found(std::string what) { return Error(ErrorCode::not_found, what + " is unknown"); }

/// Ends the period of fact `id` of `facts` on `last_day`, which must lie within
/// it: the one check behind end_appointment, end_expert and end_link.
template <class Id, class Fact>
Status end_period(std::vector<Fact>& facts, Id id, Date last_day) {
  if (!id.ok() || id.value() > facts.size()) return not_found(to_string(id));
  Period& p = facts[id.value() - 1].period;
  if (!last_day.ok() || last_day < p.first || last_day > p.last)
    return Error(ErrorCode::invalid_argument, "the last day " + last_day.to_string() +
                                                  " must lie within " + to_string(id) +
                                                  "'s current period");
  p.last = last_day;
  return {};
}


Error bad_period(Period p) {
  return Error(ErrorCode::invalid_argument, "the period " + p.first.to_string() + " .. " +
                                                p.last.to_string() +
                                                " is reversed or outside the supported dates");
}

std::string name_of(const State& s, OrgId id) {
  return to_string(id) + " (" + s.org(id).name + ")";
}

std::uint64_t key_hash(std::uint32_t employer, std::string_view key) noexcept {
  // FNV-1a over the employer and the key bytes.
  std::uint64_t h = 1469598103934665603ull;
  auto mix = [&h](unsigned char c) { h = (h ^ c) * 1099511628211ull; };
  for (int i = 0; i < 4; ++i) mix(static_cast<unsigned char>(employer >> (8 * i)));
  for (char c : key) mix(static_cast<unsigned char>(c));
  return h ^ (h >> 29);
}

/// The slot holding (employer, key), or the empty slot where it would go.
std::size_t key_slot(const State& s, std::uint32_t employer, std::string_view key) noexcept {
  const std::size_t mask = s.key_slots.size() - 1;
  std::size_t i = static_cast<std::size_t>(key_hash(employer, key)) & mask;
  while (true) {
    const std::uint32_t v = s.key_slots[i];
    if (v == 0) return i;
    const std::uint32_t p = v - 1;
    if (s.p_employer[p] == employer && s.strings.get(s.p_key[p]) == key) return i;
    i = (i + 1) & mask;
  }
}

void rehash_keys(State& s, std::size_t capacity) {
  // The new table is allocated before the old one is let go, so a failed
  // allocation leaves the index as it was.
  std::vector<std::uint32_t> old =
      std::exchange(s.key_slots, std::vector<std::uint32_t>(capacity, 0));
  for (std::uint32_t v : old)
    if (v != 0) {
      const std::uint32_t p = v - 1;
      s.key_slots[key_slot(s, s.p_employer[p], s.strings.get(s.p_key[p]))] = v;
    }
}

bool is_member_kind(OrgKind k) noexcept {
  return k == OrgKind::enterprise || k == OrgKind::branch || k == OrgKind::study_group ||
         k == OrgKind::society;
}

/// The enterprise association above (or at) a branch or study group on `d`.
OrgId enterprise_of(const State& s, OrgId org, Date d) noexcept {
  for (int hops = 0; org.ok() && hops < 4; ++hops) {
    if (s.org(org).kind == OrgKind::enterprise) return org;
    org = s.parent_at(org, d);
  }
  return OrgId{};
}

/// True when `person`'s memberships of `ent` (any role) cover every day of `span`.
bool covered(const State& s, std::uint32_t person, OrgId ent, Period span) {
  std::vector<Period> parts;
  for (std::uint32_t m = s.p_mhead[person]; m != kNone; m = s.m_next_p[m - 1]) {
    const std::uint32_t i = m - 1;
    if (s.m_org[i] != ent.value()) continue;
    parts.push_back({Date::from_days(s.m_first[i]), Date::from_days(s.m_last[i])});
  }
  std::sort(parts.begin(), parts.end(), [](Period a, Period b) { return a.first < b.first; });
  Date need = span.first;
  for (const Period& p : parts) {
    if (p.first > need) return false;
    if (p.last >= need) {
      if (p.last >= span.last) return true;
      need = p.last.add_days(1);
    }
  }
  return false;
}

/// A13: a branch or study-group membership of `person` in `org` over `span` is
/// backed by membership of the enterprise association above it, day by day,
/// following the tree's history.
bool nested_ok(const State& s, std::uint32_t person, OrgId org, Period span) {
  // Dates where the enterprise above `org` may change: starts of its own edges
  // and of the edges of every parent it ever had.
  std::vector<Date> cuts{span.first};
  for (const ParentEdge& e : s.org(org).parents) {
    if (span.contains(e.period.first)) cuts.push_back(e.period.first);
    if (e.parent.ok())
      for (const ParentEdge& pe : s.org(e.parent).parents)
        if (span.contains(pe.period.first)) cuts.push_back(pe.period.first);
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  for (std::size_t k = 0; k < cuts.size(); ++k) {
    const Period seg{cuts[k], k + 1 < cuts.size() ? cuts[k + 1].add_days(-1) : span.last};
    const OrgId ent = enterprise_of(s, org, seg.first);
    if (!ent.ok() || !covered(s, person, ent, seg)) return false;
  }
  return true;
}

/// Checks nesting of every branch / study-group membership of `person`.
bool person_nested_ok(const State& s, std::uint32_t person) {
  for (std::uint32_t m = s.p_mhead[person]; m != kNone; m = s.m_next_p[m - 1]) {
    const std::uint32_t i = m - 1;
    const OrgId org{s.m_org[i]};
    const OrgKind k = s.org(org).kind;
    if (k != OrgKind::branch && k != OrgKind::study_group) continue;
    if (!nested_ok(s, person, org, {Date::from_days(s.m_first[i]), Date::from_days(s.m_last[i])}))
      return false;
  }
  return true;
}

Error nested_error(std::uint32_t person, OrgId org) {
  return refuse(to_string(PersonId{person + 1}) + " would hold a membership of " + to_string(org) +
                    " on dates without membership of its enterprise association",
                "membership.nested", "A13");
}

/// Whether the membership is also checked against the person's employer
/// (`membership.employer`): always when it is added, never when a snapshot is
/// loaded (docs/formats.md: memberships recorded before the rule existed load as
/// they were recorded).
enum class EmployerCheck : bool { skip, check };

/// The membership rules (A1, A13) for a membership of person index `p` in `org`
/// as `role` over `period`, against the memberships already recorded; `self`
/// (membership index + 1) is the membership itself when it is already recorded
/// (a snapshot load), and is skipped. The refusal of the first rule broken.
std::optional<Error> membership_rules(const State& s, std::uint32_t p, OrgId org, Role role,
                                      Period period, std::uint32_t self = kNone,
                                      EmployerCheck employer = EmployerCheck::check) {
  const OrgRec& o = s.org(org);
  if (!is_member_kind(o.kind))
    return refuse(name_of(s, org) + " is a " + std::string(to_string(o.kind)) +
                      "; people join enterprise associations, their branches and study groups, "
                      "and national societies",
                  "membership.org_kind", "A1");
  if (!o.period.covers(period))
    return refuse(name_of(s, org) + " is not in effect throughout the membership", "org.active",
                  "A1");
  // A1: the association is its enterprise's own (企业科技工作者的群众组织), so with
  // the tie on only the enterprise's employees join it, its branches and its study
  // groups. A later move of a branch is covered by membership.nested, whose
  // enterprise membership passed this rule when it was added.
  if (employer == EmployerCheck::check && s.policy.employer_tied_membership &&
      o.kind != OrgKind::society) {
    const OrgId ent = enterprise_of(s, org, period.first);
    const OrgId works_for{s.p_employer[p]};
    if (ent.ok() && works_for != ent)
      return refuse(to_string(PersonId{p + 1}) + " is employed by " + name_of(s, works_for) +
                        ", not by the enterprise of " + name_of(s, ent) +
                        "; membership follows the employer (Policy::employer_tied_membership)",
                    "membership.employer", "A1");
  }
  for (std::uint32_t m = s.p_mhead[p]; m != kNone; m = s.m_next_p[m - 1]) {
    const std::uint32_t i = m - 1;
    const Period other{Date::from_days(s.m_first[i]), Date::from_days(s.m_last[i])};
    if (m == self || !other.overlaps(period)) continue;
    if (s.m_org[i] == org.value() && s.m_role[i] == role)
      return refuse(to_string(PersonId{p + 1}) + " already holds this role in " + name_of(s, org) +
                        " on overlapping dates (" + to_string(MembershipId{m}) + ")",
                    "membership.unique", "A1", ErrorCode::already_exists);
    if (o.kind == OrgKind::enterprise && s.m_org[i] != org.value() &&
        s.org(OrgId{s.m_org[i]}).kind == OrgKind::enterprise)
      return refuse(to_string(PersonId{p + 1}) + " already belongs to enterprise association " +
                        name_of(s, OrgId{s.m_org[i]}) + " on overlapping dates",
                    "membership.single_enterprise", "A1");
  }
  if (role == Role::secretary_general)
    for (std::uint32_t m = o.member_head; m != kNone; m = s.m_next_o[m - 1]) {
      const std::uint32_t i = m - 1;
      if (m == self || s.m_role[i] != Role::secretary_general) continue;
      const Period other{Date::from_days(s.m_first[i]), Date::from_days(s.m_last[i])};
      if (other.overlaps(period))
        return refuse(name_of(s, org) + " already has secretary-general " +
                          to_string(PersonId{s.m_person[i] + 1}) + " on overlapping dates",
                      "membership.single_secretary_general", "A13");
    }
  if ((o.kind == OrgKind::branch || o.kind == OrgKind::study_group) &&
      !nested_ok(s, p, org, period))
    return nested_error(p, org);
  return std::nullopt;
}

/// True when making `org` a child of `new_parent` from `on` would close a cycle
/// on `on` or on any later date the tree changes.
bool would_cycle(const State& s, OrgId org, OrgId new_parent, Date on) {
  if (new_parent == org) return true;
  // Everything that is ever above new_parent from `on` on.
  std::vector<OrgId> seen{new_parent}, stack{new_parent};
  bool reaches = false;
  while (!stack.empty()) {
    const OrgId x = stack.back();
    stack.pop_back();
    for (const ParentEdge& e : s.org(x).parents) {
      if (e.period.last < on || !e.parent.ok()) continue;
      if (e.parent == org) reaches = true;
      if (std::find(seen.begin(), seen.end(), e.parent) == seen.end()) {
        seen.push_back(e.parent);
        stack.push_back(e.parent);
      }
    }
  }
  if (!reaches) return false;
  std::vector<Date> dates{on};
  for (OrgId x : seen)
    for (const ParentEdge& e : s.org(x).parents)
      if (e.period.first > on) dates.push_back(e.period.first);
  for (Date d : dates)
    for (OrgId x = new_parent; x.ok(); x = s.parent_at(x, d))
      if (x == org) return true;
  return false;
}

/// Makes room for `n` more elements in `v`, growing it geometrically. Mutators
/// call it for every container they append to before they change anything, so
/// the appends that follow cannot fail and a std::bad_alloc leaves the registry
/// as it was (the strong guarantee, docs/reliability.md).
template <class V>
void room(V& v, std::size_t n = 1) {
  if (v.capacity() - v.size() < n) v.reserve(std::max(v.size() + n, 2 * v.capacity()));
}

/// `Registry::within` over a state: `ancestor` is `org` or above it on `d`.
bool under(const State& s, OrgId org, OrgId ancestor, Date d) noexcept {
  if (!s.in_effect(org, d) || !s.in_effect(ancestor, d)) return false;
  for (std::size_t hops = 0; org.ok() && hops <= s.orgs.size(); ++hops) {
    if (org == ancestor) return true;
    org = s.parent_at(org, d);
  }
  return false;
}

bool grantor_kind(OrgKind k) noexcept {
  return k == OrgKind::national || k == OrgKind::local || k == OrgKind::committee ||
         k == OrgKind::society;
}

bool same_honour(const HonourSpec& a, const Honour& b) noexcept {
  return a.kind == b.kind && a.person == b.person && a.organization == b.organization &&
         a.grantor == b.grantor && a.title == b.title && a.basis == b.basis && a.date == b.date;
}

/// The rules of `Registry::record_honour` for `h` against the first `prior`
/// honours recorded (all of them when recording; those before it on a snapshot
/// load, as if they were recorded in order). `on_record` adds the checks of the
/// tree on the honour's date (grantor and organization in effect, `honour.scope`):
/// a later move or dissolution the API allows may change them, so a load skips them.
std::optional<Error> honour_rules(const State& s, const HonourSpec& h,
                                  std::size_t prior = static_cast<std::size_t>(-1),
                                  bool on_record = true) {
  if (!enum_is_valid<HonourKind>(static_cast<std::int64_t>(h.kind)))
    return Error(ErrorCode::invalid_argument, "unknown honour kind", "honour.title");
  if (h.title.empty())
    return Error(ErrorCode::invalid_argument, "an honour needs a title", "honour.title");
  if (!h.date.ok())
    return Error(ErrorCode::invalid_argument,
                 "the honour's date " + h.date.to_string() + " is not supported", "honour.title");
  if (!h.person && !h.organization)
    return Error(ErrorCode::invalid_argument, "an honour needs a person or an organization",
                 "honour.subject");
  if (h.kind == HonourKind::advanced_individual && !h.person)
    return Error(ErrorCode::invalid_argument, "an advanced individual (先进个人) needs a person",
                 "honour.subject");
  if ((h.kind == HonourKind::advanced_unit || h.kind == HonourKind::exemplary_association) &&
      !h.organization)
    return Error(ErrorCode::invalid_argument,
                 std::string("a ") + std::string(to_string(h.kind)) + " honour needs an organization",
                 "honour.subject");
  if (h.person && !s.known(*h.person)) return not_found(to_string(*h.person));
  if (h.organization && !s.known(*h.organization)) return not_found(to_string(*h.organization));
  if (!s.known(h.grantor)) return not_found("grantor " + to_string(h.grantor));
  if (!grantor_kind(s.org(h.grantor).kind) || (on_record && !s.in_effect(h.grantor, h.date)))
    return refuse(name_of(s, h.grantor) +
                      " cannot grant honours on " + h.date.to_string() +
                      ": a grantor is a national, local, committee or society organization in "
                      "effect that day",
                  "honour.grantor", "A14");
  if (on_record && h.organization && !s.in_effect(*h.organization, h.date))
    return refuse(name_of(s, *h.organization) + " is not in effect on " + h.date.to_string(),
                  "org.active", "A1");
  const OrgKind gk = s.org(h.grantor).kind;
  if (on_record && h.kind != HonourKind::other_scheme &&
      (gk == OrgKind::national || gk == OrgKind::local)) {
    if (h.organization && !under(s, *h.organization, h.grantor, h.date))
      return refuse(name_of(s, *h.organization) + " is not under grantor " +
                        name_of(s, h.grantor) + " on " + h.date.to_string(),
                    "honour.scope", "A14");
    if (h.person) {
      const OrgId employer{s.p_employer[h.person->value() - 1]};
      if (!under(s, employer, h.grantor, h.date))
        return refuse(to_string(*h.person) + "'s employer " + name_of(s, employer) +
                          " is not under grantor " + name_of(s, h.grantor) + " on " +
                          h.date.to_string(),
                      "honour.scope", "A14");
    }
  }
  for (std::size_t i = 0; i < s.honours.size() && i < prior; ++i)
    if (const Honour& old = s.honours[i]; same_honour(h, old))
      return refuse("the same honour is recorded already (" + to_string(old.id) + ")",
                    "honour.unique", "A14", ErrorCode::already_exists);
  return std::nullopt;
}

Honour make_honour(const HonourSpec& h, std::size_t index) {
  return Honour{.id = HonourId{static_cast<std::uint32_t>(index + 1)},
                .kind = h.kind,
                .person = h.person,
                .organization = h.organization,
                .grantor = h.grantor,
                .title = h.title,
                .basis = h.basis,
                .activity = h.activity,
                .date = h.date};
}

bool by_date(const Honour& a, const Honour& b) noexcept {
  return a.date != b.date ? a.date < b.date : a.id < b.id;
}

void insert_child(OrgRec& parent, OrgId child) {
  auto it = std::lower_bound(parent.children.begin(), parent.children.end(), child);
  if (it == parent.children.end() || *it != child) parent.children.insert(it, child);
}

// ---- digest ------------------------------------------------------------------

class Hasher {
 public:
  void u8(std::uint8_t v) { buf_.push_back(static_cast<char>(v)); }
  void u32(std::uint32_t v) {
    for (int i = 0; i < 4; ++i) buf_.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
  }
  void i32(std::int32_t v) { u32(static_cast<std::uint32_t>(v)); }
  void date(Date d) { i32(d.days()); }
  void period(Period p) {
    date(p.first);
    date(p.last);
  }
  void str(std::string_view t) {
    u32(static_cast<std::uint32_t>(t.size()));
    buf_.append(t);
  }
  void flush_if_big() {
    if (buf_.size() > (1u << 16)) flush();
  }
  std::string finish() {
    flush();
    return detail::to_hex(sha_.finish());
  }

 private:
  void flush() {
    sha_.update(std::string_view(buf_));
    buf_.clear();
  }
  detail::Sha256 sha_;
  std::string buf_;
};

}  // namespace

// ---- the pimpl -------------------------------------------------------------------

namespace detail {

struct RegistryImpl {
  State s;
  mutable std::mutex cache_mutex;
  mutable std::shared_ptr<const MemberIndexData> cache;

  void changed() {
    std::lock_guard lock(cache_mutex);
    cache.reset();
  }
  static RegistryImpl& of(Registry& r) noexcept { return *r.impl_; }
  static const RegistryImpl& of(const Registry& r) noexcept { return *r.impl_; }
};

}  // namespace detail

Registry::Registry(Policy policy) : impl_(std::make_unique<detail::RegistryImpl>()) {
  if (!policy.ok()) throw std::invalid_argument("kexie::Registry: the policy is not ok()");
  impl_->s.policy = policy;
  impl_->s.key_slots.assign(1024, 0);
}
Registry::Registry(std::unique_ptr<detail::RegistryImpl> impl) noexcept : impl_(std::move(impl)) {}
Registry::~Registry() = default;
Registry::Registry(Registry&&) noexcept = default;
Registry& Registry::operator=(Registry&&) noexcept = default;

Registry Registry::clone() const {
  auto copy = std::make_unique<detail::RegistryImpl>();
  copy->s = impl_->s;
  return Registry(std::move(copy));
}

const Policy& Registry::policy() const noexcept { return impl_->s.policy; }

void Registry::reserve(std::size_t orgs, std::size_t people, std::size_t memberships) {
  State& s = impl_->s;
  s.orgs.reserve(orgs);
  s.p_name.reserve(people);
  s.p_key.reserve(people);
  s.p_birth.reserve(people);
  s.p_employer.reserve(people);
  s.p_title.reserve(people);
  s.p_discipline.reserve(people);
  s.p_mhead.reserve(people);
  s.p_thead.reserve(people);
  s.strings.reserve(people * 24);
  std::size_t cap = s.key_slots.size();
  while (cap * 7 < people * 10) cap *= 2;
  if (cap > s.key_slots.size()) rehash_keys(s, cap);
  s.m_person.reserve(memberships);
  s.m_org.reserve(memberships);
  s.m_role.reserve(memberships);
  s.m_first.reserve(memberships);
  s.m_last.reserve(memberships);
  s.m_next_p.reserve(memberships);
  s.m_next_o.reserve(memberships);
}

// ---- organizations -----------------------------------------------------------------

Result<OrgId> Registry::add_organization(const OrgSpec& spec) {
  State& s = impl_->s;
  if (spec.name.empty()) return Error(ErrorCode::invalid_argument, "an organization needs a name");
  for (const auto& [text, what] : {std::pair{&spec.name, "organization name"},
                                   std::pair{&spec.enterprise.enterprise_name, "enterprise name"},
                                   std::pair{&spec.enterprise.industry, "industry"},
                                   std::pair{&spec.enterprise.region, "region"}}) {
    if (Status st = check_text(*text, what); !st) return st.error();
  }
  if (!spec.effective.ok())
    return Error(ErrorCode::invalid_argument,
                 "effective date " + spec.effective.to_string() + " is not supported");
  if ((spec.kind == OrgKind::local) != (spec.level != LocalLevel::none))
    return refuse("a local association needs a level, and only a local association has one",
                  "org.local_level", "A1", ErrorCode::invalid_argument);
  if (spec.kind == OrgKind::enterprise && spec.enterprise.enterprise_name.empty())
    return refuse("an enterprise association must name its enterprise", "org.enterprise_info", "A1",
                  ErrorCode::invalid_argument);

  const std::string article(parent_rule_article(spec.kind));
  if (spec.kind == OrgKind::national) {
    if (s.root.ok())
      return refuse("there is already a national root, " + name_of(s, s.root), "org.single_root",
                    "A1");
    if (spec.parent.ok())
      return refuse("the national association has no parent", "org.parent_kind", "A1");
  } else if (spec.kind == OrgKind::partner) {
    if (spec.parent.ok())
      return refuse("a partner stands outside the tree and has no parent", "org.parent_kind", "A3");
  } else {
    if (!spec.parent.ok())
      return refuse("an organization of kind " + std::string(to_string(spec.kind)) +
                        " needs a parent; only the national association is a root",
                    "org.single_root", "A1");
    if (!s.known(spec.parent)) return not_found("parent " + to_string(spec.parent));
    const OrgRec& p = s.org(spec.parent);
    if (!allowed_parent(spec.kind, p.kind, spec.level, p.level))
      return refuse("an organization of kind " + std::string(to_string(spec.kind)) +
                        " may not sit under " + name_of(s, spec.parent) + ", of kind " +
                        std::string(to_string(p.kind)),
                    "org.parent_kind", article);
    if (!p.period.covers(Period::from(spec.effective)))
      return refuse("parent " + name_of(s, spec.parent) + " is not in effect on every day from " +
                        spec.effective.to_string(),
                    "org.active", "A1");
  }

  const OrgId id{static_cast<std::uint32_t>(s.orgs.size() + 1)};
  OrgRec rec;
  rec.id = id;
  rec.kind = spec.kind;
  rec.level = spec.level;
  rec.name = spec.name;
  rec.period = Period::from(spec.effective);
  if (spec.kind == OrgKind::enterprise) rec.enterprise = spec.enterprise;
  if (spec.parent.ok()) rec.parents.push_back({spec.parent, Period::from(spec.effective)});
  room(s.orgs);
  if (spec.parent.ok()) room(s.org(spec.parent).children);
  s.orgs.push_back(std::move(rec));
  if (spec.parent.ok()) insert_child(s.org(spec.parent), id);
  if (spec.kind == OrgKind::national) s.root = id;
  impl_->changed();
  return id;
}

Status Registry::move(OrgId org, OrgId new_parent, Date on) {
  State& s = impl_->s;
  if (!s.known(org)) return not_found(to_string(org));
  if (!s.known(new_parent)) return not_found("new parent " + to_string(new_parent));
  if (!on.ok())
    return Error(ErrorCode::invalid_argument, "date " + on.to_string() + " is not supported");
  OrgRec& o = s.org(org);
  if (o.kind == OrgKind::national || o.kind == OrgKind::partner)
    return refuse(name_of(s, org) + " has no parent and cannot be moved", "org.single_root", "A1");
  if (!o.period.contains(on))
    return refuse(name_of(s, org) + " is not in effect on " + on.to_string(), "org.active", "A1");
  const ParentEdge current = o.parents.back();
  if (on <= current.period.first)
    return Error(ErrorCode::invalid_argument,
                 "a move must come after the current parent edge, which starts " +
                     current.period.first.to_string());
  if (current.parent == new_parent)
    return Error(ErrorCode::invalid_argument,
                 name_of(s, org) + " is already under " + name_of(s, new_parent));
  // The cycle check comes first: it names the real problem when an organization
  // is moved under its own descendant (the kind table would refuse that too).
  if (would_cycle(s, org, new_parent, on))
    return refuse("moving " + name_of(s, org) + " under " + name_of(s, new_parent) +
                      " would make it its own ancestor",
                  "org.no_cycle", "A1");
  const OrgRec& np = s.org(new_parent);
  if (!allowed_parent(o.kind, np.kind, o.level, np.level))
    return refuse("an organization of kind " + std::string(to_string(o.kind)) +
                      " may not sit under " + name_of(s, new_parent) + ", of kind " +
                      std::string(to_string(np.kind)),
                  "org.parent_kind", parent_rule_article(o.kind));
  const Period span{on, o.period.last};
  if (!np.period.covers(span))
    return refuse("new parent " + name_of(s, new_parent) + " is not in effect throughout",
                  "org.active", "A1");

  // Apply, then re-check the nesting of branch and study-group members below.
  OrgRec& np_mut = s.org(new_parent);
  const bool had_child = std::binary_search(np_mut.children.begin(), np_mut.children.end(), org);
  room(o.parents);
  room(np_mut.children);
  o.parents.back().period.last = on.add_days(-1);
  o.parents.push_back({new_parent, span});
  insert_child(np_mut, org);
  auto undo = [&]() noexcept {
    o.parents.pop_back();
    o.parents.back() = current;
    if (!had_child) {
      auto& ch = s.org(new_parent).children;
      ch.erase(std::lower_bound(ch.begin(), ch.end(), org));
    }
  };
  // Should the check below run out of memory, the move is undone as the
  // exception leaves (the strong guarantee).
  struct UndoOnThrow {
    decltype(undo)& fn;
    bool armed = true;
    ~UndoOnThrow() {
      if (armed) fn();
    }
  } undo_on_throw{undo};

  bool ok = true;
  std::uint32_t bad_person = 0;
  OrgId bad_org;
  if (o.kind == OrgKind::branch || o.kind == OrgKind::study_group) {
    std::vector<OrgId> todo{org};
    while (!todo.empty() && ok) {
      const OrgId x = todo.back();
      todo.pop_back();
      for (std::uint32_t m = s.org(x).member_head; m != kNone && ok; m = s.m_next_o[m - 1]) {
        const std::uint32_t i = m - 1;
        if (s.m_last[i] < on.days()) continue;
        const Period mp{Date::from_days(s.m_first[i]), Date::from_days(s.m_last[i])};
        if (!nested_ok(s, s.m_person[i], x, mp)) {
          ok = false;
          bad_person = s.m_person[i];
          bad_org = x;
        }
      }
      for (OrgId c : s.org(x).children) todo.push_back(c);
    }
  }
  undo_on_throw.armed = false;
  if (!ok) {
    undo();
    return nested_error(bad_person, bad_org);
  }
  impl_->changed();
  return {};
}

Status Registry::dissolve(OrgId org, Date last_day) {
  State& s = impl_->s;
  if (!s.known(org)) return not_found(to_string(org));
  if (!last_day.ok())
    return Error(ErrorCode::invalid_argument, "date " + last_day.to_string() + " is not supported");
  OrgRec& o = s.org(org);
  if (o.kind == OrgKind::national)
    return refuse("the national root cannot be dissolved", "org.single_root", "A1");
  if (!o.period.open_ended())
    return refuse(name_of(s, org) + " is already dissolved", "org.active", "A1");
  if (last_day < o.period.first)
    return Error(ErrorCode::invalid_argument, "the last day precedes the founding");
  if (!o.parents.empty() && o.parents.back().period.first > last_day)
    return Error(ErrorCode::invalid_argument, "a recorded move starts after the last day");
  for (OrgId c : o.children)
    for (const ParentEdge& e : s.org(c).parents)
      if (e.parent == org && e.period.last > last_day)
        return refuse(name_of(s, org) + " still has child " + name_of(s, c) + " after " +
                          last_day.to_string(),
                      "org.dissolve_children", "A1");
  for (std::uint32_t m = o.member_head; m != kNone; m = s.m_next_o[m - 1])
    if (s.m_last[m - 1] > last_day.days())
      return refuse(name_of(s, org) + " still has " + to_string(MembershipId{m}) + " after " +
                        last_day.to_string(),
                    "org.dissolve_members", "A1");
  for (std::uint32_t e : o.experts)
    if (s.experts[e].period.last > last_day)
      return refuse(name_of(s, org) + " still lists " + to_string(ExpertId{e + 1}) + " after " +
                        last_day.to_string(),
                    "org.dissolve_members", "A1");
  for (std::uint32_t l : o.links)
    if (s.links[l].period.last > last_day)
      return refuse(name_of(s, org) + " still has " + to_string(LinkId{l + 1}) + " after " +
                        last_day.to_string(),
                    "org.dissolve_links", "A3");
  for (const Period& a : o.exemplary)
    if (a.last > last_day)
      return refuse(name_of(s, org) + " holds an exemplary award after " + last_day.to_string(),
                    "org.dissolve_members", "A14");
  for (const Appointment& a : s.appointments)
    if (a.org == org && a.period.last > last_day)
      return refuse(name_of(s, org) + " still has officer " + to_string(a.person) + " (" +
                        to_string(a.id) + ") after " + last_day.to_string(),
                    "org.dissolve_appointments", "A14");
  if (s.policy.employer_tied_membership && o.kind == OrgKind::enterprise)
    for (std::size_t i = 0; i < s.p_employer.size(); ++i)
      if (s.p_employer[i] == org.value())
        return refuse(name_of(s, org) + " still employs " +
                          to_string(PersonId{static_cast<std::uint32_t>(i + 1)}) +
                          "; membership follows the employer (Policy::employer_tied_membership)",
                      "org.dissolve_employees", "A1");
  o.period.last = last_day;
  if (!o.parents.empty()) o.parents.back().period.last = last_day;
  impl_->changed();
  return {};
}

namespace {

/// The exemplary award's own rules and record (A14), shared by both forms of
/// `Registry::award_exemplary`; the caller marks the registry changed.
Status record_exemplary(State& s, OrgId org, Period period) {
  if (!period.ok()) return bad_period(period);
  if (!s.known(org)) return not_found(to_string(org));
  OrgRec& o = s.org(org);
  if (o.kind != OrgKind::enterprise)
    return refuse("only an enterprise association can be an exemplary enterprise association; " +
                      name_of(s, org) + " is a " + std::string(to_string(o.kind)),
                  "org.exemplary_kind", "A14");
  if (!o.period.covers(period))
    return refuse(name_of(s, org) + " is not in effect throughout the award", "org.active", "A1");
  for (const Period& a : o.exemplary)
    if (a.overlaps(period))
      return refuse(name_of(s, org) + " already holds the award on some of those dates",
                    "org.exemplary_unique", "A14", ErrorCode::already_exists);
  o.exemplary.push_back(period);
  return {};
}

}  // namespace

Status Registry::award_exemplary(OrgId org, Period period) {
  Status st = record_exemplary(impl_->s, org, period);
  if (st) impl_->changed();
  return st;
}

Status Registry::award_exemplary(OrgId org, Period period, OrgId grantor, std::string_view basis) {
  State& s = impl_->s;
  if (!period.ok()) return bad_period(period);
  if (!s.known(org)) return not_found(to_string(org));
  if (!s.known(grantor)) return not_found("grantor " + to_string(grantor));
  if (basis.empty())
    return Error(ErrorCode::invalid_argument,
                 "an exemplary award needs its basis (the evaluation it rests on)",
                 "honour.basis");
  const OrgKind gk = s.org(grantor).kind;
  if ((gk != OrgKind::local && gk != OrgKind::national) || !under(s, org, grantor, period.first))
    return refuse(name_of(s, grantor) + " does not guide " + name_of(s, org) + " on " +
                      period.first.to_string() +
                      "; the exemplary award is granted by a local association above it (A14)",
                  "honour.grantor", "A14");
  HonourSpec h{.kind = HonourKind::exemplary_association,
               .organization = org,
               .grantor = grantor,
               .title = "先进企业科协",
               .basis = std::string(basis),
               .date = period.first};
  if (auto broken = honour_rules(s, h)) return *broken;
  s.honours.reserve(s.honours.size() + 1);  // so the push_back below cannot throw
  if (Status st = record_exemplary(s, org, period); !st) return st;
  s.honours.push_back(make_honour(h, s.honours.size()));
  impl_->changed();
  return {};
}

// ---- appointments --------------------------------------------------------------------------

namespace {

/// The rules of `Registry::appoint` for `spec` against the appointments already
/// recorded; `self` (appointment id value) is the appointment itself when it is
/// already recorded (a snapshot load), and is skipped. The first rule broken.
std::optional<Error> appointment_rules(const State& s, const AppointmentSpec& spec,
                                       std::uint32_t self = kNone) {
  if (!spec.period.ok()) return bad_period(spec.period);
  if (!s.known(spec.person)) return not_found(to_string(spec.person));
  if (!s.known(spec.org)) return not_found(to_string(spec.org));
  if (!enum_is_valid<OfficerRole>(static_cast<std::int64_t>(spec.role)))
    return Error(ErrorCode::invalid_argument, "unknown officer role");
  if (spec.period.first.days() < s.p_birth[spec.person.value() - 1])
    return Error(ErrorCode::invalid_argument,
                 to_string(spec.person) + "'s appointment would start before their birth");
  const OrgRec& o = s.org(spec.org);
  if (!grantor_kind(o.kind))
    return refuse(name_of(s, spec.org) + " is a " + std::string(to_string(o.kind)) +
                      "; officers are appointed by national, local, committee and society "
                      "organizations (enterprise associations have memberships)",
                  "appointment.org_kind", "A14");
  if (!o.period.covers(spec.period))
    return refuse(name_of(s, spec.org) + " is not in effect throughout the appointment",
                  "org.active", "A1");
  for (const Appointment& a : s.appointments)
    if (a.id.value() != self && a.person == spec.person && a.org == spec.org &&
        a.role == spec.role &&
        a.period.overlaps(spec.period))
      return refuse(to_string(spec.person) + " already holds this office at " +
                        name_of(s, spec.org) + " on overlapping dates (" + to_string(a.id) + ")",
                    "appointment.unique", "A14", ErrorCode::already_exists);
  return std::nullopt;
}

}  // namespace

Result<AppointmentId> Registry::appoint(const AppointmentSpec& spec) {
  State& s = impl_->s;
  if (auto broken = appointment_rules(s, spec)) return *broken;
  const AppointmentId id{static_cast<std::uint32_t>(s.appointments.size() + 1)};
  s.appointments.push_back(
      {.id = id, .person = spec.person, .org = spec.org, .role = spec.role, .period = spec.period});
  impl_->changed();
  return id;
}

Status Registry::end_appointment(AppointmentId id, Date last_day) {
  if (Status st = end_period(impl_->s.appointments, id, last_day); !st) return st;
  impl_->changed();
  return {};
}

Result<Appointment> Registry::appointment(AppointmentId id) const {
  const State& s = impl_->s;
  if (!id.ok() || id.value() > s.appointments.size()) return not_found(to_string(id));
  return s.appointments[id.value() - 1];
}

std::vector<Appointment> Registry::appointments_of(PersonId person, Date on) const {
  std::vector<Appointment> out;
  for (const Appointment& a : impl_->s.appointments)
    if (a.person == person && a.period.contains(on)) out.push_back(a);
  return out;
}

std::vector<Appointment> Registry::officers(OrgId org, Date on) const {
  std::vector<Appointment> out;
  for (const Appointment& a : impl_->s.appointments)
    if (a.org == org && a.period.contains(on)) out.push_back(a);
  return out;
}

std::size_t Registry::appointment_count() const noexcept { return impl_->s.appointments.size(); }

// ---- honours -------------------------------------------------------------------------------

Result<HonourId> Registry::record_honour(const HonourSpec& spec) {
  State& s = impl_->s;
  if (auto broken = honour_rules(s, spec)) return *broken;
  s.honours.push_back(make_honour(spec, s.honours.size()));
  impl_->changed();
  return s.honours.back().id;
}

Status Registry::record_honours(std::span<const HonourSpec> specs) {
  State& s = impl_->s;
  for (std::size_t i = 0; i < specs.size(); ++i) {
    auto broken = honour_rules(s, specs[i]);
    if (!broken)
      for (std::size_t j = 0; j < i && !broken; ++j)
        if (same_honour(specs[i], make_honour(specs[j], 0)))
          broken = refuse("honour " + std::to_string(j) + " of the list is the same honour",
                          "honour.unique", "A14", ErrorCode::already_exists);
    if (broken)
      return Error(broken->code(), "honour " + std::to_string(i) + ": " + broken->message(),
                   broken->rule(), broken->article());
  }
  s.honours.reserve(s.honours.size() + specs.size());
  for (const HonourSpec& h : specs) s.honours.push_back(make_honour(h, s.honours.size()));
  if (!specs.empty()) impl_->changed();
  return {};
}

Result<Honour> Registry::honour(HonourId id) const {
  const State& s = impl_->s;
  if (!id.ok() || id.value() > s.honours.size()) return not_found(to_string(id));
  return s.honours[id.value() - 1];
}

std::vector<Honour> Registry::honours_of(PersonId person) const {
  std::vector<Honour> out;
  for (const Honour& h : impl_->s.honours)
    if (h.person == person) out.push_back(h);
  std::sort(out.begin(), out.end(), by_date);
  return out;
}

std::vector<Honour> Registry::honours_of(OrgId org) const {
  std::vector<Honour> out;
  for (const Honour& h : impl_->s.honours)
    if (h.organization == org) out.push_back(h);
  std::sort(out.begin(), out.end(), by_date);
  return out;
}

std::vector<Honour> Registry::honours_granted(OrgId subtree_root, Period period) const {
  const State& s = impl_->s;
  std::vector<Honour> out;
  for (const Honour& h : s.honours)
    if (period.contains(h.date) && under(s, h.grantor, subtree_root, h.date)) out.push_back(h);
  std::sort(out.begin(), out.end(), by_date);
  return out;
}

std::size_t Registry::honour_count() const noexcept { return impl_->s.honours.size(); }

bool Registry::exemplary(OrgId org, Date as_of) const noexcept {
  const State& s = impl_->s;
  if (!s.known(org)) return false;
  for (const Period& a : s.org(org).exemplary)
    if (a.contains(as_of)) return true;
  return false;
}

Result<Organization> Registry::organization(OrgId org) const {
  const State& s = impl_->s;
  if (!s.known(org)) return not_found(to_string(org));
  return static_cast<const Organization&>(s.org(org));
}

Result<OrgKind> Registry::kind(OrgId org) const {
  const State& s = impl_->s;
  if (!s.known(org)) return not_found(to_string(org));
  return s.org(org).kind;
}

Result<OrgId> Registry::parent(OrgId org, Date as_of) const {
  const State& s = impl_->s;
  if (!s.known(org)) return not_found(to_string(org));
  if (!s.org(org).period.contains(as_of))
    return refuse(name_of(s, org) + " is not in effect on " + as_of.to_string(), "org.active",
                  "A1");
  return s.parent_at(org, as_of);
}

bool Registry::exists(OrgId org, Date as_of) const noexcept {
  return impl_->s.in_effect(org, as_of);
}

bool Registry::within(OrgId org, OrgId ancestor, Date as_of) const noexcept {
  const State& s = impl_->s;
  if (!s.in_effect(org, as_of) || !s.in_effect(ancestor, as_of)) return false;
  // The depth is bounded by the kinds (national > local levels > enterprise > branch >
  // study group), so the walk is short; the bound also guards against damage.
  for (std::size_t hops = 0; org.ok() && hops <= s.orgs.size(); ++hops) {
    if (org == ancestor) return true;
    org = s.parent_at(org, as_of);
  }
  return false;
}

OrgId Registry::root() const noexcept { return impl_->s.root; }
std::size_t Registry::organization_count() const noexcept { return impl_->s.orgs.size(); }

std::vector<OrgId> Registry::subtree_ids(OrgId root, Date as_of,
                                         std::optional<OrgKind> kind) const {
  const State& s = impl_->s;
  std::vector<OrgId> all = detail::depth_first(s, root, as_of);
  if (kind) std::erase_if(all, [&](OrgId x) { return s.org(x).kind != *kind; });
  return all;
}

std::vector<OrgId> Registry::ancestor_ids(OrgId org, Date as_of) const {
  const State& s = impl_->s;
  std::vector<OrgId> out;
  if (!s.in_effect(org, as_of)) return out;
  for (OrgId x = s.parent_at(org, as_of); x.ok() && out.size() <= s.orgs.size();
       x = s.parent_at(x, as_of))
    out.push_back(x);
  return out;
}

// ---- people ----------------------------------------------------------------------------

Result<PersonId> Registry::add_person(const PersonSpec& spec) {
  State& s = impl_->s;
  if (spec.name.empty()) return Error(ErrorCode::invalid_argument, "a person needs a name");
  for (const auto& [text, what] : {std::pair{&spec.name, "person name"},
                                   std::pair{&spec.external_key, "external key"},
                                   std::pair{&spec.discipline, "discipline"}}) {
    if (Status st = check_text(*text, what); !st) return st.error();
  }
  if (spec.name.size() > 0xFFFF || spec.external_key.size() > 0xFFFF)
    return Error(ErrorCode::invalid_argument, "a name or key longer than 65535 bytes");
  if (!spec.birth.ok())
    return Error(ErrorCode::invalid_argument,
                 "birth date " + spec.birth.to_string() + " is not supported");
  if (!spec.employer.ok())
    return refuse("an S&T worker is employed by an enterprise; name its association",
                  "person.employer", "A1");
  if (!s.known(spec.employer)) return not_found("employer " + to_string(spec.employer));
  const OrgKind ek = s.org(spec.employer).kind;
  if (ek != OrgKind::enterprise && ek != OrgKind::proxy)
    return refuse(
        "employer " + name_of(s, spec.employer) + " is not an enterprise association or a proxy",
        "person.employer", "A1");
  if (!spec.external_key.empty() &&
      s.key_slots[key_slot(s, spec.employer.value(), spec.external_key)] != 0)
    return refuse("external key \"" + spec.external_key + "\" is already taken at " +
                      name_of(s, spec.employer),
                  "person.external_key", "A1", ErrorCode::already_exists);

  // Everything that can fail first (room in every column and the pool, the
  // rehashed key index, the discipline's copy), then changes that cannot.
  room(s.p_name);
  room(s.p_key);
  room(s.p_birth);
  room(s.p_employer);
  room(s.p_title);
  room(s.p_discipline);
  room(s.p_mhead);
  room(s.p_thead);
  room(s.disciplines);
  s.strings.make_room(std::min<std::size_t>(spec.name.size(), 0xFFFF) +
                      std::min<std::size_t>(spec.external_key.size(), 0xFFFF) + 4);
  if (!spec.external_key.empty() && (s.keyed + 1) * 10 > s.key_slots.size() * 7)
    rehash_keys(s, s.key_slots.size() * 2);
  std::uint32_t code = 0;
  if (!spec.discipline.empty()) {
    std::string text(spec.discipline);
    auto [it, inserted] = s.discipline_codes.try_emplace(
        spec.discipline, static_cast<std::uint32_t>(s.disciplines.size() + 1));
    if (inserted) s.disciplines.push_back(std::move(text));
    code = it->second;
  }
  const auto index = static_cast<std::uint32_t>(s.p_birth.size());
  s.p_name.push_back(s.strings.add(spec.name));
  s.p_key.push_back(s.strings.add(spec.external_key));
  s.p_birth.push_back(spec.birth.days());
  s.p_employer.push_back(spec.employer.value());
  s.p_title.push_back(spec.title);
  s.p_discipline.push_back(code);
  s.p_mhead.push_back(kNone);
  s.p_thead.push_back(kNone);
  if (!spec.external_key.empty()) {
    s.key_slots[key_slot(s, spec.employer.value(), spec.external_key)] = index + 1;
    ++s.keyed;
  }
  impl_->changed();
  return PersonId{index + 1};
}

Result<Person> Registry::person(PersonId id) const {
  const State& s = impl_->s;
  if (!s.known(id)) return not_found(to_string(id));
  const std::uint32_t i = id.value() - 1;
  Person p;
  p.id = id;
  p.name = std::string(s.strings.get(s.p_name[i]));
  p.birth = Date::from_days(s.p_birth[i]);
  p.employer = OrgId{s.p_employer[i]};
  p.external_key = std::string(s.strings.get(s.p_key[i]));
  p.title = s.p_title[i];
  if (s.p_discipline[i] != 0) p.discipline = s.disciplines[s.p_discipline[i] - 1];
  return p;
}

Result<PersonId> Registry::find_person(OrgId employer, std::string_view external_key) const {
  const State& s = impl_->s;
  if (external_key.empty() || !employer.ok())
    return not_found("external key " + quote_input(external_key));
  const std::uint32_t v = s.key_slots[key_slot(s, employer.value(), external_key)];
  if (v == 0)
    return not_found("external key " + quote_input(external_key) + " at " +
                     to_string(employer));
  return PersonId{v};
}

Result<Youth> Registry::youth(PersonId id, Date as_of) const {
  const State& s = impl_->s;
  if (!s.known(id)) return not_found(to_string(id));
  return age_on(Date::from_days(s.p_birth[id.value() - 1]), as_of) <= s.policy.young_age_max
             ? Youth::young
             : Youth::not_young;
}

std::size_t Registry::person_count() const noexcept { return impl_->s.p_birth.size(); }

// ---- memberships --------------------------------------------------------------------------

Result<MembershipId> Registry::add_membership(PersonId person, OrgId org, Role role,
                                              Period period) {
  State& s = impl_->s;
  if (!period.ok()) return bad_period(period);
  if (!s.known(person)) return not_found(to_string(person));
  if (!s.known(org)) return not_found(to_string(org));
  if (!enum_is_valid<Role>(static_cast<std::int64_t>(role)))
    return Error(ErrorCode::invalid_argument, "unknown role");
  const std::uint32_t p = person.value() - 1;
  if (period.first.days() < s.p_birth[p])
    return Error(ErrorCode::invalid_argument,
                 to_string(person) + "'s membership would start before their birth");
  if (auto broken = membership_rules(s, p, org, role, period)) return *broken;

  room(s.m_person);
  room(s.m_org);
  room(s.m_role);
  room(s.m_first);
  room(s.m_last);
  room(s.m_next_p);
  room(s.m_next_o);
  const auto index = static_cast<std::uint32_t>(s.m_person.size());
  s.m_person.push_back(p);
  s.m_org.push_back(org.value());
  s.m_role.push_back(role);
  s.m_first.push_back(period.first.days());
  s.m_last.push_back(period.last.days());
  s.m_next_p.push_back(s.p_mhead[p]);
  s.m_next_o.push_back(s.org(org).member_head);
  s.p_mhead[p] = index + 1;
  s.org(org).member_head = index + 1;
  impl_->changed();
  return MembershipId{index + 1};
}

Status Registry::end_membership(MembershipId id, Date last_day) {
  State& s = impl_->s;
  if (!id.ok() || id.value() > s.m_person.size()) return not_found(to_string(id));
  const std::uint32_t i = id.value() - 1;
  if (!last_day.ok() || last_day.days() < s.m_first[i] || last_day.days() > s.m_last[i])
    return Error(ErrorCode::invalid_argument, "the last day " + last_day.to_string() +
                                                  " must lie within " + to_string(id) +
                                                  "'s current period");
  const std::int32_t old = s.m_last[i];
  s.m_last[i] = last_day.days();
  bool nested = true;
  try {
    nested =
        s.org(OrgId{s.m_org[i]}).kind != OrgKind::enterprise || person_nested_ok(s, s.m_person[i]);
  } catch (...) {  // out of memory while checking: undo
    s.m_last[i] = old;
    throw;
  }
  if (!nested) {
    s.m_last[i] = old;
    return nested_error(s.m_person[i], OrgId{s.m_org[i]});
  }
  impl_->changed();
  return {};
}

Result<Membership> Registry::membership(MembershipId id) const {
  const State& s = impl_->s;
  if (!id.ok() || id.value() > s.m_person.size()) return not_found(to_string(id));
  const std::uint32_t i = id.value() - 1;
  return Membership{id, PersonId{s.m_person[i] + 1}, OrgId{s.m_org[i]}, s.m_role[i],
                    Period{Date::from_days(s.m_first[i]), Date::from_days(s.m_last[i])}};
}

std::vector<MembershipId> Registry::memberships_of(PersonId person) const {
  const State& s = impl_->s;
  std::vector<MembershipId> out;
  if (!s.known(person)) return out;
  for (std::uint32_t m = s.p_mhead[person.value() - 1]; m != kNone; m = s.m_next_p[m - 1])
    out.push_back(MembershipId{m});
  std::reverse(out.begin(), out.end());
  return out;
}

Result<PersonId> Registry::secretary_general(OrgId org, Date as_of) const {
  const State& s = impl_->s;
  if (!s.known(org)) return not_found(to_string(org));
  for (std::uint32_t m = s.org(org).member_head; m != kNone; m = s.m_next_o[m - 1]) {
    const std::uint32_t i = m - 1;
    if (s.m_role[i] == Role::secretary_general && s.m_first[i] <= as_of.days() &&
        as_of.days() <= s.m_last[i])
      return PersonId{s.m_person[i] + 1};
  }
  return Error(ErrorCode::not_found,
               name_of(s, org) + " has no secretary-general on " + as_of.to_string());
}

MemberIndex Registry::member_index(Date as_of) const {
  std::lock_guard lock(impl_->cache_mutex);
  if (!impl_->cache || impl_->cache->as_of != as_of)
    impl_->cache = detail::build_member_index(impl_->s, as_of);
  return MemberIndex(impl_->cache);
}

Result<Rollup> Registry::rollup(OrgId org, Date as_of) const {
  if (!impl_->s.known(org)) return not_found(to_string(org));
  return member_index(as_of).rollup(org);
}

std::size_t Registry::count_members(OrgId org, Date as_of, const MemberFilter& filter) const {
  return member_index(as_of).count(org, filter);
}

// ---- expert pools ------------------------------------------------------------------------

Result<ExpertId> Registry::add_expert(PersonId person, OrgId org, std::vector<std::string> fields,
                                      Period period) {
  State& s = impl_->s;
  if (!period.ok()) return bad_period(period);
  if (fields.empty() ||
      std::any_of(fields.begin(), fields.end(), [](const std::string& f) { return f.empty(); }))
    return refuse("an expert listing needs at least one non-empty field of expertise",
                  "expert.fields", "A8", ErrorCode::invalid_argument);
  for (const std::string& f : fields) {
    if (Status st = check_text(f, "field of expertise"); !st) return st.error();
  }
  if (!s.known(person)) return not_found(to_string(person));
  if (!s.known(org)) return not_found(to_string(org));
  const OrgRec& o = s.org(org);
  if (!o.period.covers(period))
    return refuse(name_of(s, org) + " is not in effect throughout the listing", "org.active", "A1");
  for (std::uint32_t e : o.experts)
    if (s.experts[e].person == person && s.experts[e].period.overlaps(period))
      return refuse(to_string(person) + " is already in the pool of " + name_of(s, org) +
                        " on overlapping dates",
                    "expert.unique", "A8", ErrorCode::already_exists);
  room(s.experts);
  room(s.org(org).experts);
  const ExpertId id{static_cast<std::uint32_t>(s.experts.size() + 1)};
  s.experts.push_back({id, person, org, std::move(fields), period});
  s.org(org).experts.push_back(id.value() - 1);
  impl_->changed();
  return id;
}

Status Registry::end_expert(ExpertId id, Date last_day) {
  if (Status st = end_period(impl_->s.experts, id, last_day); !st) return st;
  impl_->changed();
  return {};
}

Result<ExpertListing> Registry::expert(ExpertId id) const {
  const State& s = impl_->s;
  if (!id.ok() || id.value() > s.experts.size()) return not_found(to_string(id));
  return s.experts[id.value() - 1];
}

std::vector<ExpertId> Registry::expert_ids(OrgId org, Date as_of) const {
  const State& s = impl_->s;
  std::vector<ExpertId> out;
  if (!s.known(org)) return out;
  for (std::uint32_t e : s.org(org).experts)
    if (s.experts[e].period.contains(as_of)) out.push_back(ExpertId{e + 1});
  return out;
}

// ---- cooperation links ----------------------------------------------------------------------

Result<LinkId> Registry::add_link(OrgId enterprise, OrgId other, Period period) {
  State& s = impl_->s;
  if (!period.ok()) return bad_period(period);
  if (!s.known(enterprise)) return not_found(to_string(enterprise));
  if (!s.known(other)) return not_found(to_string(other));
  const OrgKind ek = s.org(enterprise).kind, ok = s.org(other).kind;
  if (ek != OrgKind::enterprise || (ok != OrgKind::partner && ok != OrgKind::society))
    return refuse(
        "a cooperation link joins an enterprise association with a partner (产学研) or "
        "a national society (厂会协作), not a " +
            std::string(to_string(ek)) + " with a " + std::string(to_string(ok)),
        "link.kinds", ok == OrgKind::society ? "A11" : "A3");
  if (!s.org(enterprise).period.covers(period) || !s.org(other).period.covers(period))
    return refuse("both sides must be in effect throughout the link", "org.active", "A1");
  for (std::uint32_t l : s.org(enterprise).links)
    if (s.links[l].other == other && s.links[l].period.overlaps(period))
      return refuse("this pair is already linked on overlapping dates", "link.unique",
                    ok == OrgKind::society ? "A11" : "A3", ErrorCode::already_exists);
  const LinkId id{static_cast<std::uint32_t>(s.links.size() + 1)};
  const LinkKind kind =
      ok == OrgKind::society ? LinkKind::factory_society : LinkKind::industry_academia;
  room(s.links);
  room(s.org(enterprise).links);
  room(s.org(other).links, enterprise == other ? 2 : 1);
  s.links.push_back({id, kind, enterprise, other, period});
  s.org(enterprise).links.push_back(id.value() - 1);
  s.org(other).links.push_back(id.value() - 1);
  impl_->changed();
  return id;
}

Status Registry::end_link(LinkId id, Date last_day) {
  if (Status st = end_period(impl_->s.links, id, last_day); !st) return st;
  impl_->changed();
  return {};
}

Result<Link> Registry::link(LinkId id) const {
  const State& s = impl_->s;
  if (!id.ok() || id.value() > s.links.size()) return not_found(to_string(id));
  return s.links[id.value() - 1];
}

std::vector<LinkId> Registry::link_ids(OrgId org, Date as_of) const {
  const State& s = impl_->s;
  std::vector<LinkId> out;
  if (!s.known(org)) return out;
  for (std::uint32_t l : s.org(org).links)
    if (s.links[l].period.contains(as_of)) out.push_back(LinkId{l + 1});
  return out;
}

// ---- continuing education
// ------------------------------------------------------------------------

Result<TrainingId> Registry::add_training(PersonId person, int hours, TrainingKind kind,
                                          Date date) {
  State& s = impl_->s;
  if (hours < 1)
    return refuse("training hours must be at least 1, got " + std::to_string(hours),
                  "training.hours", "A5", ErrorCode::invalid_argument);
  if (!date.ok())
    return Error(ErrorCode::invalid_argument, "date " + date.to_string() + " is not supported");
  if (kind != TrainingKind::professional && kind != TrainingKind::general)
    return Error(ErrorCode::invalid_argument, "unknown training kind");
  if (!s.known(person)) return not_found(to_string(person));
  room(s.trainings);
  room(s.t_next);
  const TrainingId id{static_cast<std::uint32_t>(s.trainings.size() + 1)};
  s.trainings.push_back({id, person, hours, kind, date});
  s.t_next.push_back(s.p_thead[person.value() - 1]);
  s.p_thead[person.value() - 1] = id.value();
  impl_->changed();
  return id;
}

Result<TrainingRecord> Registry::training(TrainingId id) const {
  const State& s = impl_->s;
  if (!id.ok() || id.value() > s.trainings.size()) return not_found(to_string(id));
  return s.trainings[id.value() - 1];
}

Result<EducationStatus> Registry::continuing_education_status(PersonId person, int year) const {
  const State& s = impl_->s;
  if (!s.known(person)) return not_found(to_string(person));
  EducationStatus st;
  st.year = year;
  std::int64_t h = 0, p = 0;
  for (std::uint32_t t = s.p_thead[person.value() - 1]; t != kNone; t = s.t_next[t - 1]) {
    const TrainingRecord& r = s.trainings[t - 1];
    if (r.date.year() != year) continue;
    h += r.hours;
    if (r.kind == TrainingKind::professional) p += r.hours;
  }
  const std::int64_t need = s.policy.annual_hours_min;
  const std::int64_t num = s.policy.professional_share_num, den = s.policy.professional_share_den;
  st.hours = static_cast<int>(h);
  st.professional_hours = static_cast<int>(p);
  st.compliant = h >= need && den * p >= num * h;
  // The fewest extra professional hours x with h + x >= need and
  // den (p + x) >= num (h + x), i.e. x >= (num h - den p) / (den - num).
  std::int64_t x = std::max<std::int64_t>(0, need - h);
  if (den > num) {
    const std::int64_t top = num * h - den * p;
    if (top > 0) x = std::max(x, (top + (den - num) - 1) / (den - num));
  }
  st.shortfall = st.compliant ? 0 : static_cast<int>(x);
  return st;
}

// ---- digest -----------------------------------------------------------------------------------

std::string Registry::digest() const {
  const State& s = impl_->s;
  Hasher h;
  h.str("kexie.registry.v1");
  h.i32(s.policy.young_age_max);
  h.i32(s.policy.annual_hours_min);
  h.i32(s.policy.professional_share_num);
  h.i32(s.policy.professional_share_den);
  h.u32(s.root.value());
  h.u32(static_cast<std::uint32_t>(s.orgs.size()));
  for (const OrgRec& o : s.orgs) {
    h.u8(static_cast<std::uint8_t>(o.kind));
    h.u8(static_cast<std::uint8_t>(o.level));
    h.str(o.name);
    h.period(o.period);
    h.u32(static_cast<std::uint32_t>(o.parents.size()));
    for (const ParentEdge& e : o.parents) {
      h.u32(e.parent.value());
      h.period(e.period);
    }
    const EnterpriseInfo& e = o.enterprise;
    h.str(e.enterprise_name);
    h.u8(static_cast<std::uint8_t>(e.ownership));
    h.str(e.industry);
    h.str(e.region);
    h.u8(static_cast<std::uint8_t>(e.high_tech_zone));
    h.u8(static_cast<std::uint8_t>(e.development_zone));
    h.date(e.founded);
    h.u32(static_cast<std::uint32_t>(o.exemplary.size()));
    for (const Period& a : o.exemplary) h.period(a);
    h.flush_if_big();
  }
  h.u32(static_cast<std::uint32_t>(s.p_birth.size()));
  for (std::size_t i = 0; i < s.p_birth.size(); ++i) {
    h.str(s.strings.get(s.p_name[i]));
    h.str(s.strings.get(s.p_key[i]));
    h.i32(s.p_birth[i]);
    h.u32(s.p_employer[i]);
    h.u8(static_cast<std::uint8_t>(s.p_title[i]));
    h.str(s.p_discipline[i] ? std::string_view(s.disciplines[s.p_discipline[i] - 1]) : "");
    h.flush_if_big();
  }
  h.u32(static_cast<std::uint32_t>(s.m_person.size()));
  for (std::size_t i = 0; i < s.m_person.size(); ++i) {
    h.u32(s.m_person[i]);
    h.u32(s.m_org[i]);
    h.u8(static_cast<std::uint8_t>(s.m_role[i]));
    h.i32(s.m_first[i]);
    h.i32(s.m_last[i]);
    h.flush_if_big();
  }
  h.u32(static_cast<std::uint32_t>(s.experts.size()));
  for (const ExpertListing& e : s.experts) {
    h.u32(e.person.value());
    h.u32(e.org.value());
    h.u32(static_cast<std::uint32_t>(e.fields.size()));
    for (const std::string& f : e.fields) h.str(f);
    h.period(e.period);
  }
  h.u32(static_cast<std::uint32_t>(s.links.size()));
  for (const Link& l : s.links) {
    h.u8(static_cast<std::uint8_t>(l.kind));
    h.u32(l.enterprise.value());
    h.u32(l.other.value());
    h.period(l.period);
  }
  h.u32(static_cast<std::uint32_t>(s.trainings.size()));
  for (const TrainingRecord& t : s.trainings) {
    h.u32(t.person.value());
    h.i32(t.hours);
    h.u8(static_cast<std::uint8_t>(t.kind));
    h.date(t.date);
  }
  // Facts of format 2, hashed only when present, so that a registry without
  // them keeps the digest it had before they existed.
  if (s.has_v2_facts()) {
    h.str("kexie.registry.v2");
    h.u8(static_cast<std::uint8_t>(s.policy.employer_tied_membership));
    h.u32(static_cast<std::uint32_t>(s.appointments.size()));
    for (const Appointment& a : s.appointments) {
      h.u32(a.person.value());
      h.u32(a.org.value());
      h.u8(static_cast<std::uint8_t>(a.role));
      h.period(a.period);
    }
    h.u32(static_cast<std::uint32_t>(s.honours.size()));
    for (const Honour& x : s.honours) {
      h.u8(static_cast<std::uint8_t>(x.kind));
      h.u32(x.person ? x.person->value() : 0);
      h.u32(x.organization ? x.organization->value() : 0);
      h.u32(x.grantor.value());
      h.str(x.title);
      h.str(x.basis);
      h.u32(x.activity ? x.activity->value() : 0);
      h.date(x.date);
      h.flush_if_big();
    }
  }
  // Facts of format 3 (guidance.hpp), hashed only when present.
  if (!s.guidance.empty()) {
    h.str("kexie.registry.v3");
    h.str(detail::guidance_digest(s.guidance));
  }
  return h.finish();
}

// ---- the seam to the snapshot layer (registry_state.hpp) ----------------------------------------

namespace detail {

State& state_of(Registry& r) noexcept { return RegistryImpl::of(r).s; }
const State& state_of(const Registry& r) noexcept { return RegistryImpl::of(r).s; }
void state_changed(Registry& r) noexcept { RegistryImpl::of(r).changed(); }

std::optional<std::string> rebuild(State& s) {
  // The same lists the mutations build, rebuilt in id order, so a restored
  // registry walks them exactly as the saved one did.
  for (std::size_t i = 0; i < s.orgs.size(); ++i) {
    const OrgId id{static_cast<std::uint32_t>(i + 1)};
    for (const ParentEdge& e : s.orgs[i].parents) insert_child(s.org(e.parent), id);
  }
  const std::size_t people = s.p_birth.size();
  // Fresh lists the size of the tables: huge pages where the kernel has them.
  const auto fresh = [](std::vector<std::uint32_t>& list, std::size_t n) {
    detail::reserve_for_overwrite(list, n);
    list.assign(n, kNone);
  };
  fresh(s.p_mhead, people);
  fresh(s.p_thead, people);
  fresh(s.m_next_p, s.m_person.size());
  fresh(s.m_next_o, s.m_person.size());
  {
    // The organizations' list heads in one compact array while the lists are
    // built (the organization records are large: one head each would be a
    // cache miss per membership), then stored in the records.
    std::vector<std::uint32_t> org_head(s.orgs.size(), kNone);
    for (std::size_t i = 0; i < s.m_person.size(); ++i) {
      const std::uint32_t p = s.m_person[i];
      std::uint32_t& head = org_head[s.m_org[i] - 1];
      s.m_next_p[i] = s.p_mhead[p];
      s.m_next_o[i] = head;
      s.p_mhead[p] = static_cast<std::uint32_t>(i + 1);
      head = static_cast<std::uint32_t>(i + 1);
    }
    for (std::size_t k = 0; k < s.orgs.size(); ++k) s.orgs[k].member_head = org_head[k];
  }
  for (std::size_t i = 0; i < s.experts.size(); ++i)
    s.org(s.experts[i].org).experts.push_back(static_cast<std::uint32_t>(i));
  for (std::size_t i = 0; i < s.links.size(); ++i) {
    s.org(s.links[i].enterprise).links.push_back(static_cast<std::uint32_t>(i));
    s.org(s.links[i].other).links.push_back(static_cast<std::uint32_t>(i));
  }
  s.t_next.assign(s.trainings.size(), kNone);
  for (std::size_t i = 0; i < s.trainings.size(); ++i) {
    const std::uint32_t p = s.trainings[i].person.value() - 1;
    s.t_next[i] = s.p_thead[p];
    s.p_thead[p] = static_cast<std::uint32_t>(i + 1);
  }
  s.discipline_codes.clear();
  for (std::size_t i = 0; i < s.disciplines.size(); ++i)
    if (!s.discipline_codes.emplace(s.disciplines[i], static_cast<std::uint32_t>(i + 1)).second)
      return "discipline \"" + s.disciplines[i] + "\" is listed twice";
  // The external-key index is saved as it is (rehashing two million keys would
  // dominate a load); it must list every keyed person exactly once and keep an
  // empty slot, so every probe ends.
  const std::size_t cap = s.key_slots.size();
  if (cap == 0 || (cap & (cap - 1)) != 0) return std::string("the key index is not a power of two");
  // Who has a key is read in one pass in person order (the pool is laid out in
  // that order) into one bit per person; the slots come in hash order, and each
  // listed person's bit is cleared (a bit already clear: no key, or listed
  // twice). A bit per person keeps the random accesses of the slots in the
  // cache (a byte per person did not, at national sizes); looking each key up
  // in the pool from the slots cost a cache miss per person.
  // The slots are walked without a branch (half of them are empty, at random:
  // a branch on each would be mispredicted millions of times); an empty slot or
  // a number beyond the people uses a spare bit past the last person. Should
  // anything be wrong, a second walk finds the first wrong slot.
  std::vector<std::uint64_t> unlisted(people / 64 + 1, 0);
  for (std::size_t i = 0; i < people; ++i)
    if (!s.strings.get(s.p_key[i]).empty()) unlisted[i / 64] |= std::uint64_t{1} << (i % 64);
  std::size_t keyed = 0;
  bool wrong = false;
  for (const std::uint32_t v : s.key_slots) {
    const std::uint32_t i = v - 1;  // an empty slot wraps to the largest value
    const std::size_t at = std::min<std::size_t>(i, people);
    const std::uint64_t bit = std::uint64_t{1} << (at % 64);
    const bool listed = v != 0;
    wrong |= listed & ((i >= people) | ((unlisted[at / 64] & bit) == 0));
    unlisted[at / 64] &= ~bit;
    keyed += listed;
  }
  if (wrong) {
    std::vector<std::uint8_t> seen(people, 0);
    for (const std::uint32_t v : s.key_slots) {
      if (v == 0) continue;
      if (v > people || seen[v - 1] || s.strings.get(s.p_key[v - 1]).empty())  // no key, or twice
        return "the key index lists " + to_string(PersonId{v}) + " wrongly";
      seen[v - 1] = 1;
    }
  }
  for (std::size_t w = 0; w < unlisted.size(); ++w)
    if (unlisted[w] != 0) {
      const auto first = static_cast<std::size_t>(std::countr_zero(unlisted[w]));
      return "the key index misses " +
             to_string(PersonId{static_cast<std::uint32_t>(w * 64 + first + 1)});
    }
  if (keyed * 10 > cap * 7) return std::string("the key index is fuller than 70%");
  s.keyed = keyed;
  // A file whose hashes are right may still carry memberships the API would
  // refuse: each must pass add_membership's own rules against all the others.
  constexpr std::size_t kAhead = 16;  // memberships: the organization records fetched early
  for (std::size_t i = 0; i < s.m_person.size(); ++i) {
    if (i + kAhead < s.m_person.size()) {
      const OrgRec& ahead = s.orgs[s.m_org[i + kAhead] - 1];
      __builtin_prefetch(&ahead.kind);
      __builtin_prefetch(&ahead.period);
    }
    const Period period{Date::from_days(s.m_first[i]), Date::from_days(s.m_last[i])};
    if (auto broken = membership_rules(s, s.m_person[i], OrgId{s.m_org[i]}, s.m_role[i], period,
                                       static_cast<std::uint32_t>(i + 1), EmployerCheck::skip))
      return to_string(MembershipId{static_cast<std::uint32_t>(i + 1)}) + ": " +
             broken->to_string();
  }
  // Appointments and honours likewise pass appoint's and record_honour's own
  // rules; an honour is checked against the honours before it, as if recorded in
  // order (docs/formats.md lists what a load re-checks).
  for (const Appointment& a : s.appointments)
    if (auto broken = appointment_rules(
            s, {.person = a.person, .org = a.org, .role = a.role, .period = a.period},
            a.id.value()))
      return to_string(a.id) + ": " + broken->to_string();
  for (std::size_t i = 0; i < s.honours.size(); ++i) {
    const Honour& h = s.honours[i];
    const HonourSpec spec{.kind = h.kind,
                          .person = h.person,
                          .organization = h.organization,
                          .grantor = h.grantor,
                          .title = h.title,
                          .basis = h.basis,
                          .activity = h.activity,
                          .date = h.date};
    if (auto broken = honour_rules(s, spec, i, false))
      return to_string(h.id) + ": " + broken->to_string();
  }
  return std::nullopt;
}

}  // namespace detail

}  // namespace v1
}  // namespace kexie
