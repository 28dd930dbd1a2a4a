// The founding lifecycle of an enterprise association (筹建 → 成立 or refusal,
// A13) and its hash-chained trail, over the registry's guidance facts
// (guidance.hpp). Deciding offices come from appointments, as in the activity
// lifecycle; the chain is checked by the audit machinery (detail/audit_chain.hpp).
#include <algorithm>
#include <stdexcept>
#include <string>

#include "detail/audit_chain.hpp"
#include "detail/audit_encoding.hpp"
#include "detail/sha256.hpp"
#include "kexie/guidance.hpp"
#include "kexie/text.hpp"
#include "registry_state.hpp"

namespace kexie {
inline namespace v1 {

namespace {

using detail::GuidanceFacts;
using detail::State;

// Distinguishes the founding encoding from the activity audit's (whose first byte
// is its version, 1), so a record of one chain can never pass for the other's.
constexpr std::uint8_t kFoundingEncoding = 0x46;  // 'F', version 1

void encode(const FoundingRecord& r, std::string& out) {
  out.push_back(static_cast<char>(kFoundingEncoding));
  out.append(reinterpret_cast<const char*>(r.previous.data()), r.previous.size());
  detail::put_le(out, r.sequence);
  detail::put_le(out, r.application.value());
  detail::put_le(out, r.actor.value());
  detail::put_le(out, r.at.micros());
  out.push_back(static_cast<char>(r.step));
  out.push_back(static_cast<char>(r.from));
  out.push_back(static_cast<char>(r.to));
  detail::put_text(out, r.reason);
  detail::put_text(out, r.message);
}

AuditHash hash_of(const FoundingRecord& r, detail::Sha256& hasher, std::string& buffer) {
  buffer.clear();
  encode(r, buffer);
  hasher.update(std::string_view(buffer));
  return hasher.finish();
}

Error refuse(std::string message, std::string rule, std::string article,
             ErrorCode code = ErrorCode::rule_violation) {
  return Error(code, std::move(message), std::move(rule), std::move(article));
}

Error unknown(std::string what) { return Error(ErrorCode::not_found, what + " is unknown"); }

bool exists_on(const Enterprise& e, Date d) noexcept {
  return e.spec.registered <= d && d <= e.closed;
}

/// The offices of a local that decide a founding (A14): its leaders and the head
/// of the department in charge; service staff and committee members prepare, not decide.
bool decides(OfficerRole role) noexcept {
  return role == OfficerRole::chair || role == OfficerRole::vice_chair ||
         role == OfficerRole::secretary_general || role == OfficerRole::department_head;
}

std::optional<Error> permission_refusal(const Registry& reg, const FoundingApplication& a,
                                        PersonId actor, Date on) {
  for (const Appointment& ap : reg.appointments_of(actor, on))
    if (ap.org == a.spec.local && decides(ap.role)) return std::nullopt;
  return refuse(to_string(actor) +
                    " holds no deciding office (chair, vice-chair, "
                    "secretary-general, department head) at " +
                    to_string(a.spec.local) + " on " + on.to_string(),
                "founding.permission", "A14");
}

/// Chains `r` to the end of the trail (sequence, previous hash, its own hash) and
/// makes room for it: after this, `g.trail.push_back(std::move(r))` cannot fail.
void seal(GuidanceFacts& g, FoundingRecord& r) {
  detail::Sha256 hasher;
  std::string buffer;
  detail::link_chained(g.trail, r,
                       [&](const FoundingRecord& x) { return hash_of(x, hasher, buffer); });
  g.trail.reserve(g.trail.size() + 1);
}

bool employed_by(const GuidanceFacts& g, PersonId person, EnterpriseId e, Date on) {
  return std::any_of(g.employments.begin(), g.employments.end(), [&](const Employment& x) {
    return x.person == person && x.enterprise == e && x.period.contains(on);
  });
}

}  // namespace

AuditHash digest(const FoundingRecord& record) {
  detail::Sha256 hasher;
  std::string buffer;
  return hash_of(record, hasher, buffer);
}

AuditVerification verify_founding_trail(std::span<const FoundingRecord> records,
                                        const ChainHead* expected) {
  detail::Sha256 hasher;
  std::string buffer;
  return detail::verify_chain(records, expected,
                              [&](const FoundingRecord& r) { return hash_of(r, hasher, buffer); });
}

ChainHead chain_head(std::span<const FoundingRecord> records) noexcept {
  return detail::chain_head_of(records);
}

Result<FoundingId> apply_founding(Registry& reg, const FoundingApplicationSpec& spec,
                                  Timestamp at) {
  if (!at.ok()) return Error(ErrorCode::invalid_argument, "the time is not supported");
  if (Status st = check_text(spec.name, "association name"); !st) return st.error();
  if (spec.name.empty())
    return Error(ErrorCode::invalid_argument, "the association to be founded needs a name");
  State& s = detail::state_of(reg);
  GuidanceFacts& g = s.guidance;
  const Date on = at.date();
  if (!spec.enterprise.ok() || spec.enterprise.value() > g.enterprises.size())
    return unknown(to_string(spec.enterprise));
  const Enterprise& e = g.enterprises[spec.enterprise.value() - 1];
  if (!s.known(spec.local)) return unknown(to_string(spec.local));
  if (!s.known(spec.applicant)) return unknown(to_string(spec.applicant));
  if (spec.proxy && !s.known(*spec.proxy)) return unknown(to_string(*spec.proxy));
  if (!exists_on(e, on))
    return refuse(to_string(e.id) + " does not exist on " + on.to_string(), "enterprise.active",
                  "A13");
  if (s.org(spec.local).kind != OrgKind::local || !s.in_effect(spec.local, on) ||
      !reg.within(e.spec.local, spec.local, on))
    return refuse(to_string(spec.local) + " is not a local association in effect on " +
                      on.to_string() + " whose area holds " + to_string(e.id),
                  "founding.local", "A13");
  if (spec.proxy && (s.org(*spec.proxy).kind != OrgKind::proxy || !s.in_effect(*spec.proxy, on)))
    return refuse(
        to_string(*spec.proxy) + " is not a proxy (工会 / 共青团) in effect on " + on.to_string(),
        "founding.proxy", "A13");
  const bool by_proxy =
      spec.proxy && s.p_employer[spec.applicant.value() - 1] == spec.proxy->value();
  if (!by_proxy && !employed_by(g, spec.applicant, e.id, on))
    return refuse(to_string(spec.applicant) + " is employed neither by " + to_string(e.id) +
                      " nor by its proxy on " + on.to_string(),
                  "founding.applicant", "A13");
  if (OrgId a = detail::association_on(s, e, on); a.ok())
    return refuse(
        to_string(e.id) + " has the association " + to_string(a) + " on " + on.to_string(),
        "founding.covered", "A13");
  for (const FoundingApplication& other : g.foundings)
    if (other.spec.enterprise == e.id && other.state == FoundingState::pending)
      return refuse(to_string(e.id) + " has the pending application " + to_string(other.id),
                    "founding.covered", "A13");
  const FoundingId id{static_cast<std::uint32_t>(g.foundings.size() + 1)};
  FoundingApplication app{.id = id,
                          .spec = spec,
                          .applied = on,
                          .state = FoundingState::pending,
                          .decided = Date{},
                          .reason = {},
                          .association = OrgId{}};
  FoundingRecord rec{.application = id,
                     .actor = spec.applicant,
                     .at = at,
                     .step = FoundingStep::apply,
                     .from = FoundingState::pending,
                     .to = FoundingState::pending,
                     .reason = {},
                     .message = spec.name};
  g.foundings.reserve(g.foundings.size() + 1);
  seal(g, rec);
  g.foundings.push_back(std::move(app));
  g.trail.push_back(std::move(rec));
  return id;
}

namespace {

/// The pending application `id` and the checks every decision shares.
Result<FoundingApplication*> deciding(Registry& reg, FoundingId id, PersonId actor, Timestamp at) {
  GuidanceFacts& g = detail::state_of(reg).guidance;
  if (!id.ok() || id.value() > g.foundings.size()) return unknown(to_string(id));
  if (!at.ok()) return Error(ErrorCode::invalid_argument, "the time is not supported");
  FoundingApplication& a = g.foundings[id.value() - 1];
  if (a.state != FoundingState::pending)
    return refuse(to_string(id) + " is " + std::string(to_string(a.state)) + ", not pending",
                  "founding.state", "A13");
  if (auto bad = permission_refusal(reg, a, actor, at.date())) return *bad;
  return &a;
}

}  // namespace

Result<OrgId> approve_founding(Registry& reg, FoundingId id, PersonId actor, Timestamp at,
                               Date founded, std::string_view reason) {
  if (Status st = check_text(reason, "reason"); !st) return st.error();
  auto app = deciding(reg, id, actor, at);
  if (!app) return app.error();
  FoundingApplication& a = **app;
  if (!founded.ok() || founded < a.applied)
    return Error(ErrorCode::invalid_argument,
                 "the founding date " + founded.to_string() + " is before the application of " +
                     a.applied.to_string(),
                 "founding.date");
  State& s = detail::state_of(reg);
  const Enterprise& e = s.guidance.enterprises[a.spec.enterprise.value() - 1];
  if (OrgId other = detail::association_on(s, e, founded); other.ok())
    return refuse(
        to_string(e.id) + " has the association " + to_string(other) + " on " + founded.to_string(),
        "founding.covered", "A13");
  if (!exists_on(e, founded))
    return refuse(to_string(e.id) + " does not exist on " + founded.to_string(),
                  "enterprise.active", "A13");
  // Room first, so that nothing after add_organization can fail.
  GuidanceFacts& g = s.guidance;
  g.trail.reserve(g.trail.size() + 1);
  g.handovers.reserve(g.handovers.size() + 1);
  std::vector<AssociationTie> ties = e.associations;
  ties.reserve(ties.size() + 1);
  FoundingRecord rec{.application = id,
                     .actor = actor,
                     .at = at,
                     .step = FoundingStep::approve,
                     .from = FoundingState::pending,
                     .to = FoundingState::approved,
                     .reason = std::string(reason),
                     .message = {}};
  std::string reason_copy(reason);
  OrgSpec org{.kind = OrgKind::enterprise,
              .name = a.spec.name,
              .parent = a.spec.local,
              .effective = founded,
              .level = LocalLevel::none,
              .enterprise = {.enterprise_name = e.spec.name,
                             .ownership = e.spec.ownership,
                             .industry = e.spec.industry,
                             .region = e.spec.region,
                             .high_tech_zone = e.spec.high_tech_zone,
                             .development_zone = e.spec.development_zone,
                             .founded = e.spec.registered}};
  // The id add_organization will give, so that everything after it is allocated
  // before it (the strong guarantee: nothing after it can fail).
  const OrgId next{static_cast<std::uint32_t>(reg.organization_count() + 1)};
  rec.message = to_string(next) + " founded on " + founded.to_string();
  seal(g, rec);
  auto made = reg.add_organization(org);
  if (!made) return made.error();
  const OrgId kx = *made;
  if (kx != next) throw std::logic_error("kexie: add_organization gave an unexpected id");
  // add_organization may have grown the state: reach everything afresh.
  State& s2 = detail::state_of(reg);
  Enterprise& e2 = s2.guidance.enterprises[a.spec.enterprise.value() - 1];
  FoundingApplication& a2 = s2.guidance.foundings[id.value() - 1];
  ties.push_back({kx, founded});
  e2.associations.swap(ties);
  a2.state = FoundingState::approved;
  a2.decided = founded;
  a2.reason.swap(reason_copy);
  a2.association = kx;
  if (a2.spec.proxy) s2.guidance.handovers.push_back({*a2.spec.proxy, kx, founded});
  s2.guidance.trail.push_back(std::move(rec));
  return kx;
}

Status refuse_founding(Registry& reg, FoundingId id, PersonId actor, Timestamp at,
                       std::string_view reason) {
  if (Status st = check_text(reason, "reason"); !st) return st.error();
  if (reason.empty())
    return Error(ErrorCode::invalid_argument, "a refusal needs a reason", "founding.reason", "A13");
  auto app = deciding(reg, id, actor, at);
  if (!app) return app.error();
  FoundingApplication& a = **app;
  GuidanceFacts& g = detail::state_of(reg).guidance;
  g.trail.reserve(g.trail.size() + 1);
  std::string why(reason);
  FoundingRecord rec{.application = id,
                     .actor = actor,
                     .at = at,
                     .step = FoundingStep::refuse,
                     .from = FoundingState::pending,
                     .to = FoundingState::refused,
                     .reason = why,
                     .message = {}};
  seal(g, rec);
  a.state = FoundingState::refused;
  a.decided = at.date();
  a.reason.swap(why);
  g.trail.push_back(std::move(rec));
  return {};
}

Result<FoundingApplication> founding(const Registry& reg, FoundingId id) {
  const GuidanceFacts& g = detail::state_of(reg).guidance;
  if (!id.ok() || id.value() > g.foundings.size()) return unknown(to_string(id));
  return g.foundings[id.value() - 1];
}

std::size_t founding_count(const Registry& reg) noexcept {
  return detail::state_of(reg).guidance.foundings.size();
}

std::span<const FoundingRecord> founding_trail(const Registry& reg) noexcept {
  return detail::state_of(reg).guidance.trail;
}

std::span<const Handover> handovers(const Registry& reg) noexcept {
  return detail::state_of(reg).guidance.handovers;
}

std::vector<OrgId> acting_for(const Registry& reg, OrgId association, Date on) {
  std::vector<OrgId> out{association};
  for (const Handover& h : handovers(reg))
    if (h.association == association && h.on <= on) out.push_back(h.proxy);
  return out;
}

}  // namespace v1
}  // namespace kexie
