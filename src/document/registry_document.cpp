// kexie.registry/1: a registry as tables of facts, applied through the registry's rules.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "document/json_value.hpp"
#include "document/reader.hpp"
#include "kexie/registry_document.hpp"

namespace kexie {
inline namespace v1 {

namespace {

using detail::doc::Object;
using detail::doc::Problems;
using detail::doc::Value;
namespace doc = detail::doc;
namespace json = detail::json;

constexpr std::string_view kFormat = "kexie.registry/1";

// A fact waiting to be applied, with where it came from.
struct Fact {
  const Value* at;
  std::string pointer;
  std::function<std::optional<Error>()> apply;
};

class RegistryReader {
 public:
  RegistryReader(Problems& p, LoadedRegistry& out) : p_(p), out_(out) {}

  // Reads a code reference: defined earlier in the document, or a problem. A code
  // whose own fact was refused yields nothing without a second problem.
  std::optional<OrgId> org(Object& o, std::string_view key, bool required) {
    const auto code = o.text(key, required);
    if (!code) return std::nullopt;
    if (!org_codes_.count(*code)) {
      p_.add(o.get(key, required), o.at(key),
             "no organization has code " + quote_input(*code) +
                 " (a code must be defined before it is used)");
      return std::nullopt;
    }
    return OrgId{org_codes_.at(*code)};
  }
  std::optional<PersonId> person(Object& o, std::string_view key, bool required) {
    const auto code = o.text(key, required);
    if (!code) return std::nullopt;
    if (!person_codes_.count(*code)) {
      p_.add(o.get(key, required), o.at(key), "no person has code " + quote_input(*code));
      return std::nullopt;
    }
    return PersonId{person_codes_.at(*code)};
  }
  // Resolved at apply time: the id the registry gave the code's fact.
  OrgId id(OrgId placeholder) const { return org_ids_[placeholder.value() - 1]; }
  PersonId id(PersonId placeholder) const { return person_ids_[placeholder.value() - 1]; }

  Period period(Object& o) {
    Period per;
    if (auto d = o.date("first", false)) per.first = *d;
    if (auto d = o.date("last", false)) per.last = *d;
    return per;
  }

  void organizations(const Value* list, const std::string& at);
  void people(const Value* list, const std::string& at);
  void memberships(const Value* list, const std::string& at);
  void appointments(const Value* list, const std::string& at);
  void experts(const Value* list, const std::string& at);
  void links(const Value* list, const std::string& at);
  void training(const Value* list, const std::string& at);
  void honours(const Value* list, const std::string& at);

  std::vector<Fact> facts;
  std::vector<Fact> late;  // moves and dissolutions, after every other fact

 private:
  Problems& p_;
  LoadedRegistry& out_;
  // Placeholders: the n-th code defined gets placeholder n; its real id is known
  // once its fact is applied.
  std::map<std::string, std::uint32_t, std::less<>> org_codes_;
  std::map<std::string, std::uint32_t, std::less<>> person_codes_;

 public:
  std::vector<OrgId> org_ids_;
  std::vector<PersonId> person_ids_;
  std::vector<std::string> org_names_;
  std::vector<std::string> person_names_;
};

void RegistryReader::organizations(const Value* list, const std::string& at) {
  if (list == nullptr) return;
  for (std::size_t i = 0; i < list->items.size(); ++i) {
    const std::string ptr = json::pointer_append(at, i);
    Object o(p_, &list->items[i], ptr,
             {"code", "kind", "name", "parent", "effective", "level", "enterprise", "moves",
              "dissolved"});
    if (!o.ok()) continue;
    OrgSpec spec;
    const auto code = o.text("code", true);
    if (auto k = o.choice<OrgKind>("kind", true)) spec.kind = *k;
    if (auto n = o.text("name", true)) spec.name = *n;
    const auto parent = org(o, "parent", false);
    if (auto d = o.date("effective", true)) spec.effective = *d;
    if (auto l = o.choice<LocalLevel>("level", false)) spec.level = *l;
    if (const Value* e = o.get("enterprise", false)) {
      Object eo(p_, e, o.at("enterprise"),
                {"enterprise_name", "ownership", "industry", "region", "high_tech_zone",
                 "development_zone", "founded"});
      EnterpriseInfo& info = spec.enterprise;
      if (auto s = eo.text("enterprise_name", true)) info.enterprise_name = *s;
      if (auto s = eo.choice<Ownership>("ownership", false)) info.ownership = *s;
      if (auto s = eo.text("industry", false)) info.industry = *s;
      if (auto s = eo.text("region", false)) info.region = *s;
      if (auto b = eo.flag("high_tech_zone", false)) info.high_tech_zone = *b;
      if (auto b = eo.flag("development_zone", false)) info.development_zone = *b;
      if (auto d = eo.date("founded", false)) info.founded = *d;
    }
    if (!code) continue;
    if (org_codes_.count(*code)) {
      p_.add(o.get("code", true), o.at("code"),
             "organization code " + quote_input(*code) + " given twice");
      continue;
    }
    const auto placeholder = static_cast<std::uint32_t>(org_ids_.size() + 1);
    org_codes_.emplace(*code, placeholder);
    org_ids_.emplace_back();
    org_names_.push_back(*code);
    facts.push_back(
        {&list->items[i], ptr, [this, spec, parent, placeholder]() mutable -> std::optional<Error> {
           if (parent) {
             spec.parent = id(*parent);
             if (!spec.parent.ok()) return std::nullopt;  // its parent was refused
           }
           auto r = out_.registry.add_organization(spec);
           if (!r) return r.error();
           org_ids_[placeholder - 1] = *r;
           out_.codes.organizations.emplace(org_names_[placeholder - 1], *r);
           return std::nullopt;
         }});
    if (const Value* moves = o.array("moves", false)) {
      for (std::size_t m = 0; m < moves->items.size(); ++m) {
        const std::string mp = json::pointer_append(o.at("moves"), m);
        Object mo(p_, &moves->items[m], mp, {"parent", "on"});
        const auto to = org(mo, "parent", true);
        const auto on = mo.date("on", true);
        if (!to || !on) continue;
        late.push_back(
            {&moves->items[m], mp, [this, placeholder, to, on]() -> std::optional<Error> {
               const OrgId self = org_ids_[placeholder - 1];
               if (!self.ok() || !id(*to).ok()) return std::nullopt;
               if (auto s = out_.registry.move(self, id(*to), *on); !s) return s.error();
               return std::nullopt;
             }});
      }
    }
    if (auto d = o.date("dissolved", false)) {
      const Date last = *d;
      late.push_back({o.get("dissolved", false), o.at("dissolved"),
                      [this, placeholder, last]() -> std::optional<Error> {
                        const OrgId self = org_ids_[placeholder - 1];
                        if (!self.ok()) return std::nullopt;
                        if (auto s = out_.registry.dissolve(self, last); !s) return s.error();
                        return std::nullopt;
                      }});
    }
  }
}

void RegistryReader::people(const Value* list, const std::string& at) {
  if (list == nullptr) return;
  for (std::size_t i = 0; i < list->items.size(); ++i) {
    const std::string ptr = json::pointer_append(at, i);
    Object o(p_, &list->items[i], ptr,
             {"code", "name", "birth", "employer", "external_key", "title", "discipline"});
    if (!o.ok()) continue;
    PersonSpec spec;
    const auto code = o.text("code", true);
    if (auto n = o.text("name", true)) spec.name = *n;
    if (auto d = o.date("birth", true)) spec.birth = *d;
    const auto employer = org(o, "employer", true);
    if (auto s = o.text("external_key", false)) spec.external_key = *s;
    if (auto t = o.choice<Title>("title", false)) spec.title = *t;
    if (auto s = o.text("discipline", false)) spec.discipline = *s;
    if (!code || !employer) continue;
    if (person_codes_.count(*code)) {
      p_.add(o.get("code", true), o.at("code"),
             "person code " + quote_input(*code) + " given twice");
      continue;
    }
    const auto placeholder = static_cast<std::uint32_t>(person_ids_.size() + 1);
    person_codes_.emplace(*code, placeholder);
    person_ids_.emplace_back();
    person_names_.push_back(*code);
    facts.push_back({&list->items[i], ptr,
                     [this, spec, employer, placeholder]() mutable -> std::optional<Error> {
                       spec.employer = id(*employer);
                       if (!spec.employer.ok()) return std::nullopt;
                       auto r = out_.registry.add_person(spec);
                       if (!r) return r.error();
                       person_ids_[placeholder - 1] = *r;
                       out_.codes.people.emplace(person_names_[placeholder - 1], *r);
                       return std::nullopt;
                     }});
  }
}

// A fact on a person and an organization over a period (memberships, appointments,
// expert listings).
template <class Apply>
void person_org_facts(RegistryReader& r, Problems& p, const Value* list, const std::string& at,
                      std::initializer_list<std::string_view> keys, Apply apply) {
  if (list == nullptr) return;
  for (std::size_t i = 0; i < list->items.size(); ++i) {
    const std::string ptr = json::pointer_append(at, i);
    Object o(p, &list->items[i], ptr, keys);
    if (!o.ok()) continue;
    const auto person = r.person(o, "person", true);
    const auto org = r.org(o, "org", true);
    const Period per = r.period(o);
    auto f = apply(o, per);
    if (!person || !org || !f) continue;
    r.facts.push_back({&list->items[i], ptr, [&r, person, org, f]() -> std::optional<Error> {
                         const PersonId pid = r.id(*person);
                         const OrgId oid = r.id(*org);
                         if (!pid.ok() || !oid.ok()) return std::nullopt;
                         return (*f)(pid, oid);
                       }});
  }
}

void RegistryReader::memberships(const Value* list, const std::string& at) {
  person_org_facts(*this, p_, list, at, {"person", "org", "role", "first", "last"},
                   [this](Object& o, Period per) {
                     const auto role = o.choice<Role>("role", true);
                     using F = std::function<std::optional<Error>(PersonId, OrgId)>;
                     if (!role) return std::optional<F>();
                     return std::optional<F>([this, role, per](PersonId p, OrgId org) {
                       auto r = out_.registry.add_membership(p, org, *role, per);
                       return r ? std::nullopt : std::optional<Error>(r.error());
                     });
                   });
}

void RegistryReader::appointments(const Value* list, const std::string& at) {
  person_org_facts(*this, p_, list, at, {"person", "org", "role", "first", "last"},
                   [this](Object& o, Period per) {
                     const auto role = o.choice<OfficerRole>("role", true);
                     using F = std::function<std::optional<Error>(PersonId, OrgId)>;
                     if (!role) return std::optional<F>();
                     return std::optional<F>([this, role, per](PersonId p, OrgId org) {
                       auto r = out_.registry.appoint({p, org, *role, per});
                       return r ? std::nullopt : std::optional<Error>(r.error());
                     });
                   });
}

void RegistryReader::experts(const Value* list, const std::string& at) {
  person_org_facts(*this, p_, list, at, {"person", "org", "fields", "first", "last"},
                   [this](Object& o, Period per) {
                     using F = std::function<std::optional<Error>(PersonId, OrgId)>;
                     std::vector<std::string> fields;
                     const Value* fs = o.array("fields", false);
                     bool ok = true;
                     for (std::size_t i = 0; fs && i < fs->items.size(); ++i) {
                       auto t = doc::read_text(p_, fs->items[i],
                                               json::pointer_append(o.at("fields"), i));
                       ok = ok && t.has_value();
                       if (t) fields.push_back(*t);
                     }
                     if (!ok) return std::optional<F>();
                     return std::optional<F>([this, fields, per](PersonId p, OrgId org) {
                       auto r = out_.registry.add_expert(p, org, fields, per);
                       return r ? std::nullopt : std::optional<Error>(r.error());
                     });
                   });
}

void RegistryReader::links(const Value* list, const std::string& at) {
  if (list == nullptr) return;
  for (std::size_t i = 0; i < list->items.size(); ++i) {
    const std::string ptr = json::pointer_append(at, i);
    Object o(p_, &list->items[i], ptr, {"enterprise", "other", "first", "last"});
    if (!o.ok()) continue;
    const auto ent = org(o, "enterprise", true);
    const auto other = org(o, "other", true);
    const Period per = period(o);
    if (!ent || !other) continue;
    facts.push_back({&list->items[i], ptr, [this, ent, other, per]() -> std::optional<Error> {
                       if (!id(*ent).ok() || !id(*other).ok()) return std::nullopt;
                       auto r = out_.registry.add_link(id(*ent), id(*other), per);
                       return r ? std::nullopt : std::optional<Error>(r.error());
                     }});
  }
}

void RegistryReader::training(const Value* list, const std::string& at) {
  if (list == nullptr) return;
  for (std::size_t i = 0; i < list->items.size(); ++i) {
    const std::string ptr = json::pointer_append(at, i);
    Object o(p_, &list->items[i], ptr, {"person", "hours", "kind", "date"});
    if (!o.ok()) continue;
    const auto who = person(o, "person", true);
    const auto hours = o.integer("hours", true, 0, 100'000);
    const auto kind = o.choice<TrainingKind>("kind", true);
    const auto on = o.date("date", true);
    if (!who || !hours || !kind || !on) continue;
    facts.push_back({&list->items[i], ptr, [this, who, hours, kind, on]() -> std::optional<Error> {
                       if (!id(*who).ok()) return std::nullopt;
                       auto r = out_.registry.add_training(id(*who), static_cast<int>(*hours),
                                                           *kind, *on);
                       return r ? std::nullopt : std::optional<Error>(r.error());
                     }});
  }
}

void RegistryReader::honours(const Value* list, const std::string& at) {
  if (list == nullptr) return;
  for (std::size_t i = 0; i < list->items.size(); ++i) {
    const std::string ptr = json::pointer_append(at, i);
    Object o(p_, &list->items[i], ptr,
             {"kind", "person", "organization", "grantor", "title", "basis", "date"});
    if (!o.ok()) continue;
    HonourSpec spec;
    if (auto k = o.choice<HonourKind>("kind", true)) spec.kind = *k;
    const auto who = person(o, "person", false);
    const auto unit = org(o, "organization", false);
    const auto grantor = org(o, "grantor", true);
    if (auto s = o.text("title", true)) spec.title = *s;
    if (auto s = o.text("basis", false)) spec.basis = *s;
    if (auto d = o.date("date", true)) spec.date = *d;
    if (!grantor) continue;
    facts.push_back(
        {&list->items[i], ptr, [this, spec, who, unit, grantor]() mutable -> std::optional<Error> {
           spec.grantor = id(*grantor);
           if (who) spec.person = id(*who);
           if (unit) spec.organization = id(*unit);
           if (!spec.grantor.ok() || (who && !spec.person->ok()) ||
               (unit && !spec.organization->ok()))
             return std::nullopt;
           auto r = out_.registry.record_honour(spec);
           return r ? std::nullopt : std::optional<Error>(r.error());
         }});
  }
}

Value period_first(const Period& p) {
  return p.first == Date::min() ? Value{} : doc::date(p.first);
}
Value period_last(const Period& p) { return p.last == Date::max() ? Value{} : doc::date(p.last); }

}  // namespace

DocumentResult<LoadedRegistry> read_registry_document(std::string_view text,
                                                      const DocumentLimits& limits) {
  json::Parsed parsed = json::parse(text, limits);
  if (!parsed.root) {
    Error e(ErrorCode::corrupt_data,
            "the registry document was refused: " + parsed.problem.to_string());
    return {std::move(e), {parsed.problem}};
  }
  Problems p(limits, text);
  std::optional<ErrorCode> code;
  Object o(p, &*parsed.root, "",
           {"format", "organizations", "people", "memberships", "appointments", "experts", "links",
            "training", "honours"});
  if (!o.ok()) return {p.summary(ErrorCode::invalid_argument), p.take()};
  doc::check_format(p, o, kFormat, code);
  LoadedRegistry out;
  RegistryReader r(p, out);
  r.organizations(o.array("organizations", true), o.at("organizations"));
  r.people(o.array("people", false), o.at("people"));
  r.memberships(o.array("memberships", false), o.at("memberships"));
  r.appointments(o.array("appointments", false), o.at("appointments"));
  r.experts(o.array("experts", false), o.at("experts"));
  r.links(o.array("links", false), o.at("links"));
  r.training(o.array("training", false), o.at("training"));
  r.honours(o.array("honours", false), o.at("honours"));
  if (!p.empty()) return {p.summary(code.value_or(ErrorCode::invalid_argument)), p.take()};
  for (auto* list : {&r.facts, &r.late}) {
    for (Fact& f : *list) {
      if (auto e = f.apply()) p.add(f.at, f.pointer, *e);
    }
  }
  if (!p.empty()) return {p.summary(ErrorCode::rule_violation), p.take()};
  return out;
}

std::string write_registry_document(const Registry& reg, const RegistryCodes& codes) {
  std::map<OrgId, std::string> org_code;
  std::map<PersonId, std::string> person_code;
  for (const auto& [c, id] : codes.organizations) org_code.emplace(id, c);
  for (const auto& [c, id] : codes.people) person_code.emplace(id, c);
  const auto oc = [&](OrgId id) {
    const auto it = org_code.find(id);
    return doc::text(it != org_code.end() ? it->second : to_string(id));
  };
  const auto pc = [&](PersonId id) {
    const auto it = person_code.find(id);
    return doc::text(it != person_code.end() ? it->second : to_string(id));
  };

  Value v = Value::make_object();
  v.add("format", doc::text(kFormat));
  Value& orgs = v.add("organizations", Value::make_array());
  for (std::uint32_t i = 1; i <= reg.organization_count(); ++i) {
    const auto org = reg.organization(OrgId{i});
    if (!org) continue;
    Value& e = orgs.push(Value::make_object());
    e.add("code", oc(org->id));
    e.add("kind", doc::name(org->kind));
    e.add("name", doc::text(org->name));
    e.add("parent", org->parents.empty() ? Value{} : oc(org->parents.front().parent));
    e.add("effective", doc::date(org->period.first));
    e.add("level", doc::name(org->level));
    if (org->kind == OrgKind::enterprise) {
      Value& info = e.add("enterprise", Value::make_object());
      const EnterpriseInfo& x = org->enterprise;
      info.add("enterprise_name", doc::text(x.enterprise_name));
      info.add("ownership", doc::name(x.ownership));
      info.add("industry", doc::text(x.industry));
      info.add("region", doc::text(x.region));
      info.add("high_tech_zone", Value::make_bool(x.high_tech_zone));
      info.add("development_zone", Value::make_bool(x.development_zone));
      info.add("founded", x.founded == Date::min() ? Value{} : doc::date(x.founded));
    }
    Value& moves = e.add("moves", Value::make_array());
    for (std::size_t m = 1; m < org->parents.size(); ++m) {
      Value& mv = moves.push(Value::make_object());
      mv.add("parent", oc(org->parents[m].parent));
      mv.add("on", doc::date(org->parents[m].period.first));
    }
    e.add("dissolved", period_last(org->period));
  }
  Value& people = v.add("people", Value::make_array());
  for (std::uint32_t i = 1; i <= reg.person_count(); ++i) {
    const auto p = reg.person(PersonId{i});
    if (!p) continue;
    Value& e = people.push(Value::make_object());
    e.add("code", pc(p->id));
    e.add("name", doc::text(p->name));
    e.add("birth", doc::date(p->birth));
    e.add("employer", oc(p->employer));
    e.add("external_key", doc::text(p->external_key));
    e.add("title", doc::name(p->title));
    e.add("discipline", doc::text(p->discipline));
  }
  Value& members = v.add("memberships", Value::make_array());
  for (std::uint32_t i = 1;; ++i) {
    const auto m = reg.membership(MembershipId{i});
    if (!m) break;
    Value& e = members.push(Value::make_object());
    e.add("person", pc(m->person));
    e.add("org", oc(m->org));
    e.add("role", doc::name(m->role));
    e.add("first", period_first(m->period));
    e.add("last", period_last(m->period));
  }
  Value& appointments = v.add("appointments", Value::make_array());
  for (std::uint32_t i = 1; i <= reg.appointment_count(); ++i) {
    const auto a = reg.appointment(AppointmentId{i});
    if (!a) continue;
    Value& e = appointments.push(Value::make_object());
    e.add("person", pc(a->person));
    e.add("org", oc(a->org));
    e.add("role", doc::name(a->role));
    e.add("first", period_first(a->period));
    e.add("last", period_last(a->period));
  }
  Value& experts = v.add("experts", Value::make_array());
  for (std::uint32_t i = 1;; ++i) {
    const auto x = reg.expert(ExpertId{i});
    if (!x) break;
    Value& e = experts.push(Value::make_object());
    e.add("person", pc(x->person));
    e.add("org", oc(x->org));
    Value& fields = e.add("fields", Value::make_array());
    for (const std::string& f : x->fields) fields.push(doc::text(f));
    e.add("first", period_first(x->period));
    e.add("last", period_last(x->period));
  }
  Value& links = v.add("links", Value::make_array());
  for (std::uint32_t i = 1;; ++i) {
    const auto l = reg.link(LinkId{i});
    if (!l) break;
    Value& e = links.push(Value::make_object());
    e.add("enterprise", oc(l->enterprise));
    e.add("other", oc(l->other));
    e.add("first", period_first(l->period));
    e.add("last", period_last(l->period));
  }
  Value& training = v.add("training", Value::make_array());
  for (std::uint32_t i = 1;; ++i) {
    const auto t = reg.training(TrainingId{i});
    if (!t) break;
    Value& e = training.push(Value::make_object());
    e.add("person", pc(t->person));
    e.add("hours", doc::integer(t->hours));
    e.add("kind", doc::name(t->kind));
    e.add("date", doc::date(t->date));
  }
  Value& honours = v.add("honours", Value::make_array());
  for (std::uint32_t i = 1; i <= reg.honour_count(); ++i) {
    const auto h = reg.honour(HonourId{i});
    if (!h || h->activity) continue;
    Value& e = honours.push(Value::make_object());
    e.add("kind", doc::name(h->kind));
    e.add("person", h->person ? pc(*h->person) : Value{});
    e.add("organization", h->organization ? oc(*h->organization) : Value{});
    e.add("grantor", oc(h->grantor));
    e.add("title", doc::text(h->title));
    e.add("basis", doc::text(h->basis));
    e.add("date", doc::date(h->date));
  }
  return json::write(v);
}

}  // namespace v1
}  // namespace kexie
