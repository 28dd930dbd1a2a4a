// The guidance facts of a registry (guidance.hpp, DOMAIN.md §6) in a snapshot:
// `GuidanceRecord`, appended to `RegistryRecord` by format 3. A load reads every
// fact with range-checked enumerators and counts checked against the bytes left,
// then re-checks the facts against the registry (`rebuild_guidance`: known ids and
// kinds, one association per enterprise, credit codes, the founding trail's chain).
#include <string>

#include "registry_state.hpp"
#include "snapshot_archive.hpp"

namespace kexie {
inline namespace v1 {
namespace detail {

void GuidanceRecord::save(Writer& w) const {
  const GuidanceFacts& g = state_of(*value).guidance;
  w.put(static_cast<std::int32_t>(g.policy.sg_training_months));
  w.count(g.enterprises.size());
  for (const Enterprise& e : g.enterprises) {
    w.put(e.spec.name);
    w.put(e.spec.credit_code);
    w.put(e.spec.ownership);
    w.put(e.spec.industry);
    w.put(e.spec.region);
    w.put(e.spec.high_tech_zone);
    w.put(e.spec.development_zone);
    w.put(e.spec.new_economy);
    w.put(e.spec.local.value());
    w.put(e.spec.registered);
    w.put(e.closed);
    w.count(e.associations.size());
    for (const AssociationTie& t : e.associations) {
      w.put(t.association.value());
      w.put(t.from);
    }
  }
  w.count(g.employments.size());
  for (const Employment& x : g.employments) {
    w.put(x.person.value());
    w.put(x.enterprise.value());
    w.put(x.period);
  }
  w.count(g.support.size());
  for (const SupportRecord& x : g.support) {
    w.put(x.enterprise.value());
    w.put(static_cast<std::int32_t>(x.year));
    w.put(x.full_time_staff);
    w.put(x.part_time_staff);
    w.put(x.budget_yuan);
    w.put(x.facilities_m2);
  }
  w.count(g.foundings.size());
  for (const FoundingApplication& a : g.foundings) {
    w.put(a.spec.enterprise.value());
    w.put(a.spec.local.value());
    w.put(a.spec.name);
    w.put(a.spec.applicant.value());
    w.put(a.spec.proxy.has_value());
    if (a.spec.proxy) w.put(a.spec.proxy->value());
    w.put(a.applied);
    w.put(a.state);
    w.put(a.decided);
    w.put(a.reason);
    w.put(a.association.value());
  }
  w.count(g.trail.size());
  for (const FoundingRecord& x : g.trail) {
    w.put(x.sequence);
    w.put(x.application.value());
    w.put(x.actor.value());
    w.put(x.at);
    w.put(x.step);
    w.put(x.from);
    w.put(x.to);
    w.put(x.reason);
    w.put(x.message);
    for (std::uint8_t b : x.previous) w.put(b);
    for (std::uint8_t b : x.hash) w.put(b);
  }
  w.count(g.handovers.size());
  for (const Handover& x : g.handovers) {
    w.put(x.proxy.value());
    w.put(x.association.value());
    w.put(x.on);
  }
  w.count(g.sg_trainings.size());
  for (const SgTraining& x : g.sg_trainings) {
    w.put(x.person.value());
    w.put(x.date);
    w.put(static_cast<std::int32_t>(x.hours));
    w.put(x.organizer.value());
  }
}

void GuidanceRecord::load(Reader& r, unsigned) {
  State& s = state_of(*value);
  GuidanceFacts g;
  g.policy.sg_training_months = r.get<std::int32_t>();
  g.enterprises.resize(r.count(40, "enterprises"));
  for (std::size_t i = 0; i < g.enterprises.size(); ++i) {
    Enterprise& e = g.enterprises[i];
    e.id = EnterpriseId{static_cast<std::uint32_t>(i + 1)};
    e.spec.name = r.str("enterprise name");
    e.spec.credit_code = r.str("credit code");
    e.spec.ownership = r.get_enum<Ownership>("enterprise ownership");
    e.spec.industry = r.str("enterprise industry");
    e.spec.region = r.str("enterprise region");
    e.spec.high_tech_zone = r.flag("high-tech zone");
    e.spec.development_zone = r.flag("development zone");
    e.spec.new_economy = r.flag("new economy");
    e.spec.local = OrgId{r.get<std::uint32_t>()};
    e.spec.registered = r.date("enterprise registration");
    e.closed = r.date("enterprise closing");
    e.associations.resize(r.count(8, "association ties"));
    for (AssociationTie& t : e.associations) {
      t.association = OrgId{r.get<std::uint32_t>()};
      t.from = r.date("association tie");
    }
  }
  g.employments.resize(r.count(16, "employments"));
  for (Employment& x : g.employments) {
    x.person = PersonId{r.get<std::uint32_t>()};
    x.enterprise = EnterpriseId{r.get<std::uint32_t>()};
    x.period = r.period("employment");
  }
  g.support.resize(r.count(34, "support records"));
  for (SupportRecord& x : g.support) {
    x.enterprise = EnterpriseId{r.get<std::uint32_t>()};
    x.year = r.get<std::int32_t>();
    x.full_time_staff = r.get<std::uint32_t>();
    x.part_time_staff = r.get<std::uint32_t>();
    x.budget_yuan = r.decimal("support budget");
    x.facilities_m2 = r.decimal("support facilities");
  }
  g.foundings.resize(r.count(30, "founding applications"));
  for (std::size_t i = 0; i < g.foundings.size(); ++i) {
    FoundingApplication& a = g.foundings[i];
    a.id = FoundingId{static_cast<std::uint32_t>(i + 1)};
    a.spec.enterprise = EnterpriseId{r.get<std::uint32_t>()};
    a.spec.local = OrgId{r.get<std::uint32_t>()};
    a.spec.name = r.str("founding name");
    a.spec.applicant = PersonId{r.get<std::uint32_t>()};
    if (r.flag("founding proxy present")) a.spec.proxy = OrgId{r.get<std::uint32_t>()};
    a.applied = r.date("founding application");
    a.state = r.get_enum<FoundingState>("founding state");
    a.decided = r.date("founding decision");
    a.reason = r.str("founding reason");
    a.association = OrgId{r.get<std::uint32_t>()};
  }
  g.trail.resize(r.count(100, "founding records"));
  for (FoundingRecord& x : g.trail) {
    x.sequence = r.get<std::uint64_t>();
    x.application = FoundingId{r.get<std::uint32_t>()};
    x.actor = PersonId{r.get<std::uint32_t>()};
    x.at = r.timestamp("founding record time");
    x.step = r.get_enum<FoundingStep>("founding step");
    x.from = r.get_enum<FoundingState>("founding record state");
    x.to = r.get_enum<FoundingState>("founding record state");
    x.reason = r.str("founding record reason");
    x.message = r.str("founding record message");
    for (std::uint8_t& b : x.previous) b = r.get<std::uint8_t>();
    for (std::uint8_t& b : x.hash) b = r.get<std::uint8_t>();
  }
  g.handovers.resize(r.count(12, "hand-overs"));
  for (Handover& x : g.handovers) {
    x.proxy = OrgId{r.get<std::uint32_t>()};
    x.association = OrgId{r.get<std::uint32_t>()};
    x.on = r.date("hand-over");
  }
  g.sg_trainings.resize(r.count(16, "secretary-general trainings"));
  for (SgTraining& x : g.sg_trainings) {
    x.person = PersonId{r.get<std::uint32_t>()};
    x.date = r.date("secretary-general training");
    x.hours = r.get<std::int32_t>();
    x.organizer = OrgId{r.get<std::uint32_t>()};
  }
  if (auto bad = rebuild_guidance(s, g)) r.fail("guidance: " + *bad);
  s.guidance = std::move(g);
}

}  // namespace detail
}  // namespace v1
}  // namespace kexie
