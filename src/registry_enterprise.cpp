// Enterprises as facts of the registry (guidance.hpp, DOMAIN.md §6): enterprises
// (their credit codes checked by enterprise.cpp), their associations, employment and
// yearly support, the guidance policy; the digest and load checks of every guidance fact.
#include <algorithm>
#include <optional>
#include <string>

#include "detail/conflict.hpp"
#include "detail/sha256.hpp"
#include "kexie/enterprise.hpp"
#include "kexie/guidance.hpp"
#include "kexie/text.hpp"
#include "registry_state.hpp"

namespace kexie {
inline namespace v1 {

namespace {

using detail::GuidanceFacts;
using detail::State;

Error refuse(std::string message, std::string rule, std::string article,
             ErrorCode code = ErrorCode::rule_violation) {
  return Error(code, std::move(message), std::move(rule), std::move(article));
}

GuidanceFacts& facts(Registry& reg) noexcept { return detail::state_of(reg).guidance; }
const GuidanceFacts& facts(const Registry& reg) noexcept { return detail::state_of(reg).guidance; }

bool known(const GuidanceFacts& g, EnterpriseId id) noexcept {
  return id.ok() && id.value() <= g.enterprises.size();
}

bool exists_on(const Enterprise& e, Date d) noexcept {
  return e.spec.registered <= d && d <= e.closed;
}

Error unknown(std::string what) { return Error(ErrorCode::not_found, what + " is unknown"); }

}  // namespace

std::string_view to_string(CoverageDimension dimension) noexcept { return enum_name(dimension); }
std::string_view to_string(SgGap gap) noexcept { return enum_name(gap); }

// ---- enterprises ---------------------------------------------------------------------

Result<EnterpriseId> add_enterprise(Registry& reg, const EnterpriseSpec& spec) {
  if (Status st = check_text(spec.name, "enterprise name"); !st) return st.error();
  if (spec.name.empty()) return Error(ErrorCode::invalid_argument, "an enterprise needs a name");
  if (Status st = check_text(spec.industry, "industry"); !st) return st.error();
  if (Status st = check_text(spec.region, "region"); !st) return st.error();
  if (Status st = check_credit_code(spec.credit_code); !st) return st.error();
  if (!spec.registered.ok() || spec.registered == Date::min())
    return Error(ErrorCode::invalid_argument, "the registration date is not a supported date");
  if (!EnumNames<Ownership>::listed(spec.ownership))
    return Error(ErrorCode::invalid_argument, "unknown ownership");
  const State& s = detail::state_of(std::as_const(reg));
  if (!s.known(spec.local)) return unknown(to_string(spec.local));
  // Enterprises may be older than their local: only the kind is checked.
  if (s.org(spec.local).kind != OrgKind::local)
    return refuse(to_string(spec.local) + " is not a local association", "enterprise.local", "A14");
  GuidanceFacts& g = facts(reg);
  if (g.by_code.contains(spec.credit_code))
    return refuse("the credit code " + spec.credit_code + " is registered already",
                  "enterprise.credit_code_unique", "A13", ErrorCode::already_exists);
  const EnterpriseId id{static_cast<std::uint32_t>(g.enterprises.size() + 1)};
  g.enterprises.reserve(g.enterprises.size() + 1);
  g.by_code.emplace(spec.credit_code, id.value());  // may throw: nothing changed yet
  g.enterprises.push_back(
      Enterprise{.id = id, .spec = spec, .closed = Date::max(), .associations = {}});
  return id;
}

Status close_enterprise(Registry& reg, EnterpriseId id, Date last_day) {
  GuidanceFacts& g = facts(reg);
  if (!known(g, id)) return unknown(to_string(id));
  Enterprise& e = g.enterprises[id.value() - 1];
  if (e.closed != Date::max())
    return Error(ErrorCode::invalid_argument, to_string(id) + " is closed already");
  if (!last_day.ok() || last_day < e.spec.registered || last_day == Date::max())
    return Error(ErrorCode::invalid_argument,
                 "the last day " + last_day.to_string() + " is before the registration");
  e.closed = last_day;
  return {};
}

Result<Enterprise> enterprise(const Registry& reg, EnterpriseId id) {
  const GuidanceFacts& g = facts(reg);
  if (!known(g, id)) return unknown(to_string(id));
  return g.enterprises[id.value() - 1];
}

Result<EnterpriseId> find_enterprise(const Registry& reg, std::string_view credit_code) {
  const GuidanceFacts& g = facts(reg);
  auto it = g.by_code.find(std::string(credit_code));
  if (it == g.by_code.end())
    return Error(ErrorCode::not_found,
                 "no enterprise has the credit code " + quote_input(credit_code));
  return EnterpriseId{it->second};
}

std::size_t enterprise_count(const Registry& reg) noexcept { return facts(reg).enterprises.size(); }

namespace detail {

OrgId association_on(const State& s, const Enterprise& e, Date on) noexcept {
  // The newest tie that started by `on` whose association is still in effect.
  for (auto it = e.associations.rbegin(); it != e.associations.rend(); ++it)
    if (it->from <= on) return s.in_effect(it->association, on) ? it->association : OrgId{};
  return OrgId{};
}

}  // namespace detail

OrgId association_of(const Registry& reg, EnterpriseId id, Date on) {
  const State& s = detail::state_of(reg);
  if (!known(s.guidance, id)) return OrgId{};
  return detail::association_on(s, s.guidance.enterprises[id.value() - 1], on);
}

EnterpriseId enterprise_of(const Registry& reg, OrgId association) noexcept {
  for (const Enterprise& e : facts(reg).enterprises)
    for (const AssociationTie& t : e.associations)
      if (t.association == association) return e.id;
  return EnterpriseId{};
}

namespace detail {

/// The refusal of tying `association` to enterprise `e` from `from`, if any.
std::optional<Error> tie_refusal(const State& s, const Enterprise& e, OrgId association,
                                 Date from) {
  if (!exists_on(e, from))
    return refuse(to_string(e.id) + " does not exist on " + from.to_string(), "enterprise.active",
                  "A13");
  if (!s.known(association)) return unknown(to_string(association));
  if (s.org(association).kind != OrgKind::enterprise || !s.in_effect(association, from))
    return refuse(to_string(association) + " is not an enterprise association in effect on " +
                      from.to_string(),
                  "enterprise.association_kind", "A13");
  for (const Enterprise& other : s.guidance.enterprises)
    for (const AssociationTie& t : other.associations)
      if (t.association == association)
        return refuse(to_string(association) + " belongs to " + to_string(other.id) +
                          " already (an association belongs to exactly one enterprise)",
                      "enterprise.association_unique", "A13");
  for (const AssociationTie& t : e.associations) {
    const Period p = s.org(t.association).period;
    if (p.last >= from)
      return refuse(to_string(e.id) + " has the association " + to_string(t.association) +
                        " on or after " + from.to_string(),
                    "enterprise.single_association", "A13");
  }
  return std::nullopt;
}

}  // namespace detail

Status attach_association(Registry& reg, EnterpriseId id, OrgId association, Date from) {
  State& s = detail::state_of(reg);
  if (!known(s.guidance, id)) return unknown(to_string(id));
  Enterprise& e = s.guidance.enterprises[id.value() - 1];
  if (auto bad = detail::tie_refusal(s, e, association, from)) return *bad;
  e.associations.push_back({association, from});
  return {};
}

// ---- employment ---------------------------------------------------------------------------

Status employ(Registry& reg, PersonId person, EnterpriseId id, Period period) {
  State& s = detail::state_of(reg);
  if (!period.ok() || period.first == Date::min())
    return Error(ErrorCode::invalid_argument, "the employment period is reversed or unsupported");
  if (!s.known(person)) return unknown(to_string(person));
  GuidanceFacts& g = s.guidance;
  if (!known(g, id)) return unknown(to_string(id));
  const Enterprise& e = g.enterprises[id.value() - 1];
  if (period.first < e.spec.registered || period.last > e.closed)
    return refuse(to_string(id) + " does not exist throughout " + period.first.to_string() +
                      " .. " + period.last.to_string(),
                  "enterprise.active", "A13");
  for (const Employment& x : g.employments)
    if (x.person == person && x.period.overlaps(period))
      return refuse(to_string(person) + " is employed by " + to_string(x.enterprise) +
                        " on overlapping dates (one employer at a time)",
                    "employment.single", "A1");
  // A1: the person's registry employer (PersonSpec::employer) is, or sits under, an
  // enterprise association; while that association is tied to an enterprise, that
  // enterprise employs the person, and no other may on the same days.
  const OrgId works_for{s.p_employer[person.value() - 1]};
  if (const std::optional<OrgId> assoc = detail::enterprise_of(reg, works_for, period.first)) {
    const EnterpriseId owner = enterprise_of(reg, *assoc);
    if (owner.ok() && owner != id) {
      const Enterprise& o = g.enterprises[owner.value() - 1];
      const Date last = std::min(o.closed, s.org(*assoc).period.last);
      for (const AssociationTie& t : o.associations)
        if (t.association == *assoc && t.from <= last && Period{t.from, last}.overlaps(period))
          return refuse(to_string(person) + "'s employer " + to_string(works_for) +
                            " belongs to the association of " + to_string(owner) + " from " +
                            t.from.to_string() + ", so " + to_string(id) +
                            " cannot employ them on overlapping dates",
                        "employment.employer", "A1");
    }
  }
  g.employments.push_back({person, id, period});
  return {};
}

EnterpriseId employer_on(const Registry& reg, PersonId person, Date on) {
  for (const Employment& x : facts(reg).employments)
    if (x.person == person && x.period.contains(on)) return x.enterprise;
  return EnterpriseId{};
}

std::span<const Employment> employments(const Registry& reg) noexcept {
  return facts(reg).employments;
}

// ---- support --------------------------------------------------------------------------------

Status record_support(Registry& reg, const SupportRecord& record) {
  GuidanceFacts& g = facts(reg);
  if (record.year < 1900 || record.year > 9999 || record.budget_yuan.signum() < 0 ||
      record.facilities_m2.signum() < 0)
    return Error(ErrorCode::invalid_argument,
                 "support needs a year 1900–9999 and a budget and space of at least 0",
                 "support.amount");
  if (!known(g, record.enterprise)) return unknown(to_string(record.enterprise));
  for (const SupportRecord& x : g.support)
    if (x.enterprise == record.enterprise && x.year == record.year)
      return refuse(to_string(record.enterprise) + " has a support record for " +
                        std::to_string(record.year) + " already",
                    "support.unique", "A14", ErrorCode::already_exists);
  g.support.push_back(record);
  return {};
}

Result<SupportRecord> support(const Registry& reg, EnterpriseId id, int year) {
  for (const SupportRecord& x : facts(reg).support)
    if (x.enterprise == id && x.year == year) return x;
  return Error(ErrorCode::not_found,
               "no support record of " + to_string(id) + " for " + std::to_string(year));
}

// ---- policy ---------------------------------------------------------------------------------

GuidancePolicy guidance_policy(const Registry& reg) noexcept { return facts(reg).policy; }

Status set_guidance_policy(Registry& reg, GuidancePolicy policy) {
  if (!policy.ok())
    return Error(ErrorCode::invalid_argument,
                 "the secretary-general training interval must be 1–120 months",
                 "sg_training.interval");
  facts(reg).policy = policy;
  return {};
}

// ---- digest and load checks -------------------------------------------------------------------

namespace detail {

namespace {

class FactHasher {
 public:
  void u8(std::uint8_t v) { buf_.push_back(static_cast<char>(v)); }
  void u32(std::uint32_t v) {
    for (int i = 0; i < 4; ++i) buf_.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
  }
  void i32(std::int32_t v) { u32(static_cast<std::uint32_t>(v)); }
  void i64(std::int64_t v) {
    u32(static_cast<std::uint32_t>(static_cast<std::uint64_t>(v) & 0xFFFFFFFFu));
    u32(static_cast<std::uint32_t>(static_cast<std::uint64_t>(v) >> 32));
  }
  void date(Date d) { i32(d.days()); }
  void str(std::string_view t) {
    u32(static_cast<std::uint32_t>(t.size()));
    buf_.append(t);
  }
  void dec(const Decimal& d) { str(d.to_string()); }
  std::string finish() {
    Sha256 sha;
    sha.update(std::string_view(buf_));
    return to_hex(sha.finish());
  }

 private:
  std::string buf_;
};

}  // namespace

std::string guidance_digest(const GuidanceFacts& g) {
  FactHasher h;
  h.str("kexie.guidance.v1");
  h.i32(g.policy.sg_training_months);
  h.u32(static_cast<std::uint32_t>(g.enterprises.size()));
  for (const Enterprise& e : g.enterprises) {
    h.str(e.spec.name);
    h.str(e.spec.credit_code);
    h.u8(static_cast<std::uint8_t>(e.spec.ownership));
    h.str(e.spec.industry);
    h.str(e.spec.region);
    h.u8(static_cast<std::uint8_t>(e.spec.high_tech_zone));
    h.u8(static_cast<std::uint8_t>(e.spec.development_zone));
    h.u8(static_cast<std::uint8_t>(e.spec.new_economy));
    h.u32(e.spec.local.value());
    h.date(e.spec.registered);
    h.date(e.closed);
    h.u32(static_cast<std::uint32_t>(e.associations.size()));
    for (const AssociationTie& t : e.associations) {
      h.u32(t.association.value());
      h.date(t.from);
    }
  }
  h.u32(static_cast<std::uint32_t>(g.employments.size()));
  for (const Employment& x : g.employments) {
    h.u32(x.person.value());
    h.u32(x.enterprise.value());
    h.date(x.period.first);
    h.date(x.period.last);
  }
  h.u32(static_cast<std::uint32_t>(g.support.size()));
  for (const SupportRecord& x : g.support) {
    h.u32(x.enterprise.value());
    h.i32(x.year);
    h.u32(x.full_time_staff);
    h.u32(x.part_time_staff);
    h.dec(x.budget_yuan);
    h.dec(x.facilities_m2);
  }
  h.u32(static_cast<std::uint32_t>(g.foundings.size()));
  for (const FoundingApplication& a : g.foundings) {
    h.u32(a.spec.enterprise.value());
    h.u32(a.spec.local.value());
    h.str(a.spec.name);
    h.u32(a.spec.applicant.value());
    h.u32(a.spec.proxy ? a.spec.proxy->value() : 0);
    h.date(a.applied);
    h.u8(static_cast<std::uint8_t>(a.state));
    h.date(a.decided);
    h.str(a.reason);
    h.u32(a.association.value());
  }
  // The trail is covered by its chain: its head stands for every record.
  h.u32(static_cast<std::uint32_t>(g.trail.size()));
  if (!g.trail.empty()) h.str(to_hex(g.trail.back().hash));
  h.u32(static_cast<std::uint32_t>(g.handovers.size()));
  for (const Handover& x : g.handovers) {
    h.u32(x.proxy.value());
    h.u32(x.association.value());
    h.date(x.on);
  }
  h.u32(static_cast<std::uint32_t>(g.sg_trainings.size()));
  for (const SgTraining& x : g.sg_trainings) {
    h.u32(x.person.value());
    h.date(x.date);
    h.i32(x.hours);
    h.u32(x.organizer.value());
  }
  return h.finish();
}

std::optional<std::string> rebuild_guidance(const State& s, GuidanceFacts& g) {
  if (!g.policy.ok()) return "the guidance policy is not ok()";
  g.by_code.clear();
  std::vector<OrgId> tied;
  for (std::size_t i = 0; i < g.enterprises.size(); ++i) {
    const Enterprise& e = g.enterprises[i];
    if (e.id.value() != i + 1) return "enterprise " + std::to_string(i + 1) + " has another id";
    if (!check_credit_code(e.spec.credit_code).ok())
      return to_string(e.id) + ": enterprise.credit_code";
    if (!g.by_code.emplace(e.spec.credit_code, e.id.value()).second)
      return to_string(e.id) + ": enterprise.credit_code_unique";
    if (!s.known(e.spec.local) || s.org(e.spec.local).kind != OrgKind::local)
      return to_string(e.id) + ": enterprise.local";
    if (e.closed < e.spec.registered) return to_string(e.id) + ": closed before registered";
    for (const AssociationTie& t : e.associations) {
      if (!s.known(t.association) || s.org(t.association).kind != OrgKind::enterprise)
        return to_string(e.id) + ": enterprise.association_kind";
      tied.push_back(t.association);
    }
  }
  std::sort(tied.begin(), tied.end());
  if (std::adjacent_find(tied.begin(), tied.end()) != tied.end())
    return "enterprise.association_unique";
  for (const Employment& x : g.employments) {
    if (!s.known(x.person) || !known(g, x.enterprise) || !x.period.ok())
      return "an employment of an unknown person or enterprise";
    for (const Employment& y : g.employments)
      if (&x != &y && x.person == y.person && x.period.overlaps(y.period))
        return to_string(x.person) + ": employment.single";
  }
  for (const SupportRecord& x : g.support)
    if (!known(g, x.enterprise) || x.budget_yuan.signum() < 0 || x.facilities_m2.signum() < 0)
      return "support.amount";
  for (std::size_t i = 0; i < g.foundings.size(); ++i) {
    const FoundingApplication& a = g.foundings[i];
    if (a.id.value() != i + 1 || !known(g, a.spec.enterprise) || !s.known(a.spec.local) ||
        !s.known(a.spec.applicant) || (a.spec.proxy && !s.known(*a.spec.proxy)) ||
        (a.state == FoundingState::approved && !s.known(a.association)))
      return "founding application " + std::to_string(i + 1) + " names an unknown fact";
  }
  for (const Handover& x : g.handovers)
    if (!s.known(x.proxy) || !s.known(x.association)) return "a hand-over of an unknown org";
  for (const SgTraining& x : g.sg_trainings)
    if (!s.known(x.person) || !s.known(x.organizer) || x.hours < 1)
      return "a secretary-general training of an unknown person or organizer";
  AuditVerification v = verify_founding_trail(g.trail);
  if (!v.ok()) return "founding trail: " + v.message;
  for (const FoundingRecord& r : g.trail)
    if (!r.application.ok() || r.application.value() > g.foundings.size())
      return "founding trail: a record of an unknown application";
  return std::nullopt;
}

}  // namespace detail

}  // namespace v1
}  // namespace kexie
