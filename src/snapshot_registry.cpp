// The registry's part of a snapshot: its facts (policy, organizations with
// their history, people, memberships, expert listings, links, training), never
// its caches or derived lists, which are rebuilt on load exactly as the
// mutations build them. People and memberships, the millions, are written as
// columns of fixed-width values (one block each), so saving and loading a
// national registry runs near the speed of copying memory. A load checks every
// reference, enumerator, period and string before the registry exists, then
// has the registry re-check every membership rule (detail::rebuild), so a file
// with correct hashes cannot carry a registry the API would refuse. The state
// is reached through registry_state.hpp only.
#include <algorithm>
#include <string>

#include "registry_state.hpp"
#include "snapshot_archive.hpp"

namespace kexie {
inline namespace v1 {
namespace detail {

namespace {

std::string org_where(std::size_t index) { return "organization #" + std::to_string(index + 1); }

/// The checks of one organization that need the others (parents, the root).
void check_org(Reader& r, const State& s, std::size_t i) {
  const OrgRec& o = s.orgs[i];
  const OrgId id{static_cast<std::uint32_t>(i + 1)};
  const std::string where = org_where(i);
  if (o.kind == OrgKind::national || o.kind == OrgKind::partner) {
    if (!o.parents.empty()) r.fail(where + ": a root or partner has no parent");
    if (o.kind == OrgKind::national && s.root != id)
      r.fail(where + ": a national association other than the root");
    return;
  }
  if (o.parents.empty()) r.fail(where + ": no parent");
  if (o.parents.front().period.first != o.period.first ||
      o.parents.back().period.last != o.period.last)
    r.fail(where + ": the parent history does not span the organization's period");
  for (std::size_t k = 0; k < o.parents.size(); ++k) {
    const ParentEdge& e = o.parents[k];
    if (k > 0 && o.parents[k - 1].period.last.add_days(1) != e.period.first)
      r.fail(where + ": a gap or overlap in the parent history");
    if (!s.known(e.parent) || e.parent == id) r.fail(where + ": a parent that does not exist");
    const OrgRec& p = s.org(e.parent);
    // The kind table ranks kinds strictly, so checking every edge also rules out cycles.
    if (!allowed_parent(o.kind, p.kind, o.level, p.level))
      r.fail(where + ": a parent of a kind it may not sit under");
    if (!p.period.covers(e.period)) r.fail(where + ": a parent not in effect throughout");
  }
}

}  // namespace

// ---- organizations ---------------------------------------------------------------------

void OrganizationRecord::save(Writer& w) const {
  const OrgRec& o = *value;
  w.put(o.kind);
  w.put(o.level);
  w.put(o.name);
  w.put(o.period);
  w.count(o.parents.size());
  for (const ParentEdge& e : o.parents) {
    w.put(e.parent.value());
    w.put(e.period);
  }
  const EnterpriseInfo& e = o.enterprise;
  w.put(e.enterprise_name);
  w.put(e.ownership);
  w.put(e.industry);
  w.put(e.region);
  w.put(e.high_tech_zone);
  w.put(e.development_zone);
  w.put(e.founded);
  w.count(o.exemplary.size());
  for (const Period& p : o.exemplary) w.put(p);
}

void OrganizationRecord::load(Reader& r, unsigned) {
  OrgRec& o = *value;
  o.kind = r.get_enum<OrgKind>("organization kind");
  o.level = r.get_enum<LocalLevel>("local level");
  o.name = r.str("organization name");
  r.expect(!o.name.empty(), "an organization without a name");
  r.expect((o.kind == OrgKind::local) == (o.level != LocalLevel::none),
           "a local level on a non-local organization, or none on a local one");
  o.period = r.period("organization period");
  o.parents.resize(r.count(12, "parent history"));
  for (ParentEdge& e : o.parents) {
    e.parent = OrgId{r.get<std::uint32_t>()};
    e.period = r.period("parent edge");
  }
  EnterpriseInfo& e = o.enterprise;
  e.enterprise_name = r.str("enterprise name");
  e.ownership = r.get_enum<Ownership>("ownership");
  e.industry = r.str("industry");
  e.region = r.str("region");
  e.high_tech_zone = r.flag("high-tech zone");
  e.development_zone = r.flag("development zone");
  e.founded = r.date("founded");
  r.expect(o.kind != OrgKind::enterprise || !e.enterprise_name.empty(),
           "an enterprise association without its enterprise's name");
  o.exemplary.resize(r.count(8, "exemplary awards"));
  for (Period& p : o.exemplary) {
    p = r.period("exemplary award");
    r.expect(o.kind == OrgKind::enterprise && o.period.covers(p),
             "an exemplary award outside an enterprise association's period");
  }
}

// ---- people: columns ----------------------------------------------------------------------

void PeopleRecord::save(Writer& w) const {
  const State& s = state_of(*value);
  w.block(s.p_name);
  w.block(s.p_key);
  w.block(s.p_birth);
  w.block(s.p_employer);
  w.block(s.p_title);
  w.block(s.p_discipline);
  w.block(s.strings.bytes());
  w.count(s.disciplines.size());
  for (const std::string& d : s.disciplines) w.put(d);
  w.block(s.key_slots);
}

void PeopleRecord::load(Reader& r, unsigned) {
  State& s = state_of(*value);
  r.block(s.p_name, "people: names");
  const std::size_t n = s.p_name.size();
  const auto column = [&](auto& v, const char* what) { r.column(v, n, what); };
  column(s.p_key, "people: external keys");
  column(s.p_birth, "people: birth dates");
  column(s.p_employer, "people: employers");
  column(s.p_title, "people: titles");
  column(s.p_discipline, "people: disciplines");
  std::vector<char> pool;
  r.block(pool, "people: string pool");
  s.strings.assign(std::move(pool));
  s.disciplines.resize(r.count(4, "disciplines"));
  for (std::string& d : s.disciplines) {
    d = r.str("discipline");
    r.expect(!d.empty(), "an empty discipline");
  }
  // Which organizations may employ: one byte each, so the check of two million
  // employers stays in cache instead of reaching into the organization records.
  std::vector<std::uint8_t> may_employ(s.orgs.size() + 1, 0);
  for (std::size_t k = 0; k < s.orgs.size(); ++k)
    may_employ[k + 1] = s.orgs[k].kind == OrgKind::enterprise || s.orgs[k].kind == OrgKind::proxy;
  for (std::size_t i = 0; i < n; ++i) {
    const auto fail = [&](const char* what) {
      r.fail("person #" + std::to_string(i + 1) + ": " + what);
    };
    if (!s.strings.valid(s.p_name[i]) || !s.strings.valid(s.p_key[i]))
      fail("a name or key outside the string pool");
    if (s.strings.get(s.p_name[i]).empty()) fail("no name");
    if (!Date::from_days(s.p_birth[i]).ok()) fail("an unsupported birth date");
    if (s.p_employer[i] >= may_employ.size() || !may_employ[s.p_employer[i]])
      fail("an employer that is not an enterprise association or proxy");
    if (!enum_is_valid<Title>(static_cast<std::int64_t>(s.p_title[i]))) fail("an unknown title");
    if (s.p_discipline[i] > s.disciplines.size()) fail("an unknown discipline");
  }
  r.block(s.key_slots, "people: external-key index");  // checked by rebuild (registry_state.hpp)
}

// ---- memberships: columns ---------------------------------------------------------------

void MembershipsRecord::save(Writer& w) const {
  const State& s = state_of(*value);
  w.block(s.m_person);
  w.block(s.m_org);
  w.block(s.m_role);
  w.block(s.m_first);
  w.block(s.m_last);
}

void MembershipsRecord::load(Reader& r, unsigned) {
  State& s = state_of(*value);
  r.block(s.m_person, "memberships: people");
  const std::size_t n = s.m_person.size();
  const auto column = [&](auto& v, const char* what) { r.column(v, n, what); };
  column(s.m_org, "memberships: organizations");
  column(s.m_role, "memberships: roles");
  column(s.m_first, "memberships: first days");
  column(s.m_last, "memberships: last days");
  const std::size_t people = s.p_birth.size();
  for (std::size_t i = 0; i < n; ++i) {
    const auto fail = [&](const char* what) {
      r.fail("membership #" + std::to_string(i + 1) + ": " + what);
    };
    if (s.m_person[i] >= people) fail("an unknown person");
    if (!s.known(OrgId{s.m_org[i]})) fail("an unknown organization");
    if (!enum_is_valid<Role>(static_cast<std::int64_t>(s.m_role[i]))) fail("an unknown role");
    const Date first = Date::from_days(s.m_first[i]), last = Date::from_days(s.m_last[i]);
    if (!first.ok() || !last.ok() || last < first) fail("a reversed or unsupported period");
    if (s.m_first[i] < s.p_birth[s.m_person[i]]) fail("a membership before the person's birth");
  }
}

// ---- expert listings, links, training ---------------------------------------------------

void ExpertsRecord::save(Writer& w) const {
  const State& s = state_of(*value);
  w.count(s.experts.size());
  for (const ExpertListing& e : s.experts) {
    w.put(e.person.value());
    w.put(e.org.value());
    w.count(e.fields.size());
    for (const std::string& f : e.fields) w.put(f);
    w.put(e.period);
  }
}

void ExpertsRecord::load(Reader& r, unsigned) {
  State& s = state_of(*value);
  s.experts.resize(r.count(24, "expert listings"));
  for (std::size_t i = 0; i < s.experts.size(); ++i) {
    ExpertListing& e = s.experts[i];
    e.id = ExpertId{static_cast<std::uint32_t>(i + 1)};
    e.person = PersonId{r.get<std::uint32_t>()};
    e.org = OrgId{r.get<std::uint32_t>()};
    e.fields.resize(r.count(5, "fields of expertise"));
    for (std::string& f : e.fields) {
      f = r.str("field of expertise");
      r.expect(!f.empty(), "an empty field of expertise");
    }
    e.period = r.period("expert listing");
    r.expect(s.known(e.person) && s.known(e.org) && !e.fields.empty(),
             "an expert listing of an unknown person or organization, or without fields");
  }
}

void LinksRecord::save(Writer& w) const {
  const State& s = state_of(*value);
  w.count(s.links.size());
  for (const Link& l : s.links) {
    w.put(l.kind);
    w.put(l.enterprise.value());
    w.put(l.other.value());
    w.put(l.period);
  }
}

void LinksRecord::load(Reader& r, unsigned) {
  State& s = state_of(*value);
  s.links.resize(r.count(17, "links"));
  for (std::size_t i = 0; i < s.links.size(); ++i) {
    Link& l = s.links[i];
    l.id = LinkId{static_cast<std::uint32_t>(i + 1)};
    l.kind = r.get_enum<LinkKind>("link kind");
    l.enterprise = OrgId{r.get<std::uint32_t>()};
    l.other = OrgId{r.get<std::uint32_t>()};
    l.period = r.period("link");
    r.expect(
        s.known(l.enterprise) && s.known(l.other) &&
            s.org(l.enterprise).kind == OrgKind::enterprise &&
            (s.org(l.other).kind == OrgKind::society ? l.kind == LinkKind::factory_society
                                                     : s.org(l.other).kind == OrgKind::partner &&
                                                           l.kind == LinkKind::industry_academia),
        "a link between organizations of kinds that cannot be linked");
  }
}

void TrainingRecords::save(Writer& w) const {
  const State& s = state_of(*value);
  w.count(s.trainings.size());
  for (const TrainingRecord& t : s.trainings) {
    w.put(t.person.value());
    w.put(static_cast<std::int32_t>(t.hours));
    w.put(t.kind);
    w.put(t.date);
  }
}

void TrainingRecords::load(Reader& r, unsigned) {
  State& s = state_of(*value);
  s.trainings.resize(r.count(13, "training records"));
  for (std::size_t i = 0; i < s.trainings.size(); ++i) {
    TrainingRecord& t = s.trainings[i];
    t.id = TrainingId{static_cast<std::uint32_t>(i + 1)};
    t.person = PersonId{r.get<std::uint32_t>()};
    t.hours = r.get<std::int32_t>();
    t.kind = r.get_enum<TrainingKind>("training kind");
    t.date = r.date("training date");
    r.expect(s.known(t.person) && t.hours >= 1,
             "a training record of an unknown person or without hours");
  }
}

// ---- appointments and honours (format 2) ------------------------------------------------

void AppointmentsRecord::save(Writer& w) const {
  const State& s = state_of(*value);
  w.count(s.appointments.size());
  for (const Appointment& a : s.appointments) {
    w.put(a.person.value());
    w.put(a.org.value());
    w.put(a.role);
    w.put(a.period);
  }
}

void AppointmentsRecord::load(Reader& r, unsigned) {
  State& s = state_of(*value);
  s.appointments.resize(r.count(17, "appointments"));
  for (std::size_t i = 0; i < s.appointments.size(); ++i) {
    Appointment& a = s.appointments[i];
    a.id = AppointmentId{static_cast<std::uint32_t>(i + 1)};
    a.person = PersonId{r.get<std::uint32_t>()};
    a.org = OrgId{r.get<std::uint32_t>()};
    a.role = r.get_enum<OfficerRole>("officer role");
    a.period = r.period("appointment");
    // The organization's kind and the other rules of Registry::appoint are
    // re-checked by rebuild, which names the rule broken.
    r.expect(s.known(a.person) && s.known(a.org), "an appointment of an unknown person or organization");
  }
}

void HonoursRecord::save(Writer& w) const {
  const State& s = state_of(*value);
  w.count(s.honours.size());
  for (const Honour& h : s.honours) {
    w.put(h.kind);
    w.put(h.person.has_value());
    if (h.person) w.put(h.person->value());
    w.put(h.organization.has_value());
    if (h.organization) w.put(h.organization->value());
    w.put(h.grantor.value());
    w.put(h.title);
    w.put(h.basis);
    w.put(h.activity.has_value());
    if (h.activity) w.put(h.activity->value());
    w.put(h.date);
  }
}

void HonoursRecord::load(Reader& r, unsigned) {
  State& s = state_of(*value);
  s.honours.resize(r.count(20, "honours"));
  for (std::size_t i = 0; i < s.honours.size(); ++i) {
    Honour& h = s.honours[i];
    h.id = HonourId{static_cast<std::uint32_t>(i + 1)};
    h.kind = r.get_enum<HonourKind>("honour kind");
    if (r.flag("honour person present")) h.person = PersonId{r.get<std::uint32_t>()};
    if (r.flag("honour organization present")) h.organization = OrgId{r.get<std::uint32_t>()};
    h.grantor = OrgId{r.get<std::uint32_t>()};
    h.title = r.str("honour title");
    h.basis = r.str("honour basis");
    if (r.flag("honour activity present")) h.activity = ActivityId{r.get<std::uint32_t>()};
    h.date = r.date("honour date");
    r.expect((!h.person || s.known(*h.person)) && (!h.organization || s.known(*h.organization)) &&
                 (h.person || h.organization) && s.known(h.grantor) && !h.title.empty(),
             "an honour of an unknown person, organization or grantor, or without a title");
  }
}

// ---- the registry ----------------------------------------------------------------------------

void RegistryRecord::save(Writer& w) const {
  const State& s = state_of(*value);
  w.put(static_cast<std::int32_t>(s.policy.young_age_max));
  w.put(static_cast<std::int32_t>(s.policy.annual_hours_min));
  w.put(static_cast<std::int32_t>(s.policy.professional_share_num));
  w.put(static_cast<std::int32_t>(s.policy.professional_share_den));
  w.put(s.root.value());
  w.count(s.orgs.size());
  for (const OrgRec& o : s.orgs) {
    OrganizationRecord rec{&w, nullptr, const_cast<OrgRec*>(&o)};
    w.record(rec);
  }
  const auto part = [&](auto rec) {
    rec.writer = &w;
    rec.value = const_cast<Registry*>(value);
    w.record(rec);
  };
  part(PeopleRecord{});
  part(MembershipsRecord{});
  part(ExpertsRecord{});
  part(LinksRecord{});
  part(TrainingRecords{});
  // Format 2.
  w.put(s.policy.employer_tied_membership);
  part(AppointmentsRecord{});
  part(HonoursRecord{});
  // Format 3.
  part(GuidanceRecord{});
}

void RegistryRecord::load(Reader& r, unsigned version) {
  State& s = state_of(*value);
  s.policy.young_age_max = r.get<std::int32_t>();
  s.policy.annual_hours_min = r.get<std::int32_t>();
  s.policy.professional_share_num = r.get<std::int32_t>();
  s.policy.professional_share_den = r.get<std::int32_t>();
  r.expect(s.policy.ok(), "the registry policy is not ok()");
  s.root = OrgId{r.get<std::uint32_t>()};
  s.orgs.resize(r.count(30, "organizations"));
  for (std::size_t i = 0; i < s.orgs.size(); ++i) {
    OrgRec& o = s.orgs[i];
    o.id = OrgId{static_cast<std::uint32_t>(i + 1)};
    OrganizationRecord rec{nullptr, &r, &o};
    r.record(rec);
  }
  r.expect(!s.root.ok() || (s.known(s.root) && s.org(s.root).kind == OrgKind::national),
           "the root is not a national association");
  const bool has_national = std::any_of(
      s.orgs.begin(), s.orgs.end(), [](const OrgRec& o) { return o.kind == OrgKind::national; });
  r.expect(has_national == s.root.ok(), "a national association that is not the root");
  for (std::size_t i = 0; i < s.orgs.size(); ++i) check_org(r, s, i);
  const auto part = [&](auto rec) {
    rec.reader = &r;
    rec.value = value;
    r.record(rec);
  };
  part(PeopleRecord{});
  part(MembershipsRecord{});
  part(ExpertsRecord{});
  part(LinksRecord{});
  part(TrainingRecords{});
  if (version >= 2) {
    s.policy.employer_tied_membership = r.flag("employer tie");
    part(AppointmentsRecord{});
    part(HonoursRecord{});
  }
  if (version >= 3) part(GuidanceRecord{});
  if (auto bad = rebuild(s)) r.fail("registry: " + *bad);
  state_changed(*value);
}

}  // namespace detail
}  // namespace v1
}  // namespace kexie
