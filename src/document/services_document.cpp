// kexie.services/1: a service desk (policy, requests, proposals, trail) and
// recommendation lists as a canonical document; read back through the desk's own
// restore check (service_desk_state.hpp), the one a snapshot load uses.
#include <charconv>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "document/json_value.hpp"
#include "document/reader.hpp"
#include "kexie/services_document.hpp"
#include "service_desk_state.hpp"

namespace kexie {
inline namespace v1 {

namespace {

using detail::doc::Object;
using detail::doc::Problems;
using detail::doc::Value;
namespace doc = detail::doc;
namespace json = detail::json;

constexpr std::string_view kFormat = "kexie.services/1";

// Codes both ways, with "org:12" / "person:7" for ids without one.
class Names {
 public:
  Names(const RegistryCodes& codes, const Registry* registry) : codes_(codes), reg_(registry) {
    for (const auto& [c, id] : codes.organizations) org_.emplace(id, c);
    for (const auto& [c, id] : codes.people) person_.emplace(id, c);
  }
  [[nodiscard]] Value of(OrgId id) const {
    const auto it = org_.find(id);
    return doc::text(it != org_.end() ? it->second : to_string(id));
  }
  [[nodiscard]] Value of(PersonId id) const {
    const auto it = person_.find(id);
    return doc::text(it != person_.end() ? it->second : to_string(id));
  }
  [[nodiscard]] std::optional<OrgId> org(std::string_view code) const {
    if (auto it = codes_.organizations.find(code); it != codes_.organizations.end())
      return it->second;
    const auto n = numbered(code, "org:");
    if (n && reg_->organization(OrgId{*n})) return OrgId{*n};
    return std::nullopt;
  }
  [[nodiscard]] std::optional<PersonId> person(std::string_view code) const {
    if (auto it = codes_.people.find(code); it != codes_.people.end()) return it->second;
    const auto n = numbered(code, "person:");
    if (n && reg_->person(PersonId{*n})) return PersonId{*n};
    return std::nullopt;
  }

 private:
  static std::optional<std::uint32_t> numbered(std::string_view code, std::string_view prefix) {
    if (code.substr(0, prefix.size()) != prefix) return std::nullopt;
    const std::string_view digits = code.substr(prefix.size());
    std::uint32_t n = 0;
    const auto r = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    if (r.ec != std::errc{} || r.ptr != digits.data() + digits.size() || n == 0)
      return std::nullopt;
    return n;
  }
  const RegistryCodes& codes_;
  const Registry* reg_;
  std::map<OrgId, std::string> org_;
  std::map<PersonId, std::string> person_;
};

Value opt_time(const std::optional<Timestamp>& t) {
  return t ? doc::text(t->to_string()) : Value{};
}

Value policy(const ServicePolicy& p) {
  Value v = Value::make_object();
  v.add("education_years", doc::integer(p.education_years));
  v.add("young_priority", Value::make_bool(p.young_priority));
  v.add("answer_due_days", doc::integer(p.answer_due_days));
  Value& roles = v.add("staff_roles", Value::make_array());
  for (Role r : enum_values<Role>()) {
    if ((p.staff_roles & role_bit(r)) != 0) roles.push(doc::name(r));
  }
  return v;
}

Value programme(const Programme& p) {
  Value v = Value::make_object();
  v.add("name", doc::text(p.name));
  v.add("age_max", doc::integer(p.age_max));
  v.add("age_on", p.age_on ? doc::date(*p.age_on) : Value{});
  v.add("min_title", doc::name(p.min_title));
  v.add("min_honours", doc::integer(static_cast<std::int64_t>(p.min_honours)));
  v.add("honour_kind", p.honour_kind ? doc::name(*p.honour_kind) : Value{});
  v.add("education_years", doc::integer(p.education_years));
  v.add("quota_per_association", doc::integer(static_cast<std::int64_t>(p.quota_per_association)));
  return v;
}

// --- reading -------------------------------------------------------------------------

std::optional<Timestamp> read_time(Object& o, std::string_view key, bool required) {
  const Value* v = o.get(key, required);
  if (v == nullptr) return std::nullopt;
  const auto t = doc::read_text(o.problems(), *v, o.at(key));
  if (!t) return std::nullopt;
  Result<Timestamp> ts = Timestamp::parse(*t);
  if (!ts) {
    o.problems().add(
        v, o.at(key),
        "expected an ISO-8601 instant (\"2026-03-02T09:00:00Z\"), found " + quote_input(*t));
    return std::nullopt;
  }
  return *ts;
}

std::optional<AuditHash> read_hash(Object& o, std::string_view key) {
  const Value* v = o.get(key, true);
  if (v == nullptr) return std::nullopt;
  const auto t = doc::read_text(o.problems(), *v, o.at(key));
  if (!t) return std::nullopt;
  Result<ChainHead> h = t->size() == 64 ? ChainHead::parse("0:" + *t) : ChainHead::parse("");
  if (!h || to_hex(h->hash) != *t) {
    o.problems().add(v, o.at(key), "expected 64 lower-case hex digits, found " + quote_input(*t));
    return std::nullopt;
  }
  return h->hash;
}

class ServicesReader {
 public:
  ServicesReader(Problems& p, const Names& names) : p_(p), names_(names) {}

  std::optional<OrgId> org(Object& o, std::string_view key) {
    const auto code = o.text(key, true);
    if (!code) return std::nullopt;
    if (auto id = names_.org(*code)) return id;
    p_.add(o.get(key, true), o.at(key), "no organization has code " + quote_input(*code));
    return std::nullopt;
  }
  std::optional<PersonId> person(Object& o, std::string_view key) {
    const auto code = o.text(key, true);
    if (!code) return std::nullopt;
    if (auto id = names_.person(*code)) return id;
    p_.add(o.get(key, true), o.at(key), "no person has code " + quote_input(*code));
    return std::nullopt;
  }

  ServicePolicy policy(Object& o) {
    ServicePolicy out;
    if (auto n = o.integer("education_years", true, 0, 50))
      out.education_years = static_cast<int>(*n);
    if (auto b = o.flag("young_priority", true)) out.young_priority = *b;
    if (auto n = o.integer("answer_due_days", true, 1, 366))
      out.answer_due_days = static_cast<int>(*n);
    if (const Value* roles = o.array("staff_roles", true)) {
      RoleSet set = 0;
      for (std::size_t i = 0; i < roles->items.size(); ++i) {
        if (auto r = doc::read_enum<Role>(p_, roles->items[i],
                                          json::pointer_append(o.at("staff_roles"), i)))
          set = static_cast<RoleSet>(set | role_bit(*r));
      }
      if (set == 0 && roles->items.empty())
        p_.add(roles, o.at("staff_roles"), "a desk needs at least one staff role");
      out.staff_roles = set;
    }
    return out;
  }

  std::optional<ServiceRequest> request(Object& o) {
    ServiceRequest q;
    bool ok = true;
    const auto need = [&](auto&& v) {
      if (!v) ok = false;
      return std::forward<decltype(v)>(v);
    };
    if (auto n = need(o.integer("id", true, 1, 0xFFFFFFFFLL)))
      q.id = ServiceRequestId{static_cast<std::uint32_t>(*n)};
    if (auto a = need(person(o, "applicant"))) q.spec.applicant = *a;
    if (auto a = need(org(o, "association"))) q.spec.association = *a;
    if (auto k = need(o.choice<ServiceKind>("kind", true))) q.spec.kind = *k;
    if (auto t = need(o.text("title", true))) q.spec.title = *t;
    q.spec.patent_type = o.choice<PatentType>("patent_type", false);
    q.spec.target_title = o.choice<Title>("target_title", false);
    if (auto s = need(o.choice<RequestState>("state", true))) q.state = *s;
    if (auto t = need(read_time(o, "submitted", true))) q.submitted = *t;
    if (auto t = need(read_time(o, "last_event", true))) q.last_event = *t;
    if (auto t = need(o.text("outside_body", true))) q.outside_body = *t;
    if (auto t = need(o.text("reference", true))) q.reference = *t;
    if (auto t = need(o.text("reason", true, TextRule::multiline))) q.reason = *t;
    return ok ? std::optional(q) : std::nullopt;
  }

  std::optional<Proposal> proposal(Object& o) {
    Proposal q;
    bool ok = true;
    const auto need = [&](auto&& v) {
      if (!v) ok = false;
      return std::forward<decltype(v)>(v);
    };
    if (auto n = need(o.integer("id", true, 1, 0xFFFFFFFFLL)))
      q.id = ProposalId{static_cast<std::uint32_t>(*n)};
    if (auto a = need(person(o, "proposer"))) q.spec.proposer = *a;
    if (auto a = need(org(o, "association"))) q.spec.association = *a;
    if (auto k = need(o.choice<ProposalKind>("kind", true))) q.spec.kind = *k;
    if (auto t = need(o.text("title", true))) q.spec.title = *t;
    if (auto t = need(o.text("text", true, TextRule::multiline))) q.spec.text = *t;
    if (auto s = need(o.choice<ProposalState>("state", true))) q.state = *s;
    if (auto t = need(read_time(o, "filed", true))) q.filed = *t;
    if (auto d = need(o.date("due", true))) q.due = *d;
    if (auto t = need(read_time(o, "last_event", true))) q.last_event = *t;
    if (o.get("answered", false) != nullptr) {
      if (auto t = need(read_time(o, "answered", false))) q.answered = *t;
    }
    if (auto t = need(o.text("answer", true, TextRule::multiline))) q.answer = *t;
    if (auto t = need(o.text("reason", true, TextRule::multiline))) q.reason = *t;
    if (const Value* e = o.get("entered", false)) {
      Object eo(p_, e, o.at("entered"), {"campaign", "entry", "code"});
      CampaignEntryRef ref;
      if (auto n = need(eo.integer("campaign", true, 1, 0xFFFFFFFFLL)))
        ref.campaign = ActivityId{static_cast<std::uint32_t>(*n)};
      if (auto n = need(eo.integer("entry", true, 1, 0xFFFFFFFFLL)))
        ref.entry = EntryId{static_cast<std::uint32_t>(*n)};
      if (auto t = need(eo.text("code", true))) ref.code = *t;
      q.entered = ref;
    }
    return ok ? std::optional(q) : std::nullopt;
  }

  std::optional<ServiceRecord> record(Object& o) {
    ServiceRecord r;
    bool ok = true;
    const auto need = [&](auto&& v) {
      if (!v) ok = false;
      return std::forward<decltype(v)>(v);
    };
    if (auto n = need(o.integer("sequence", true, 0, INT64_MAX)))
      r.sequence = static_cast<std::uint64_t>(*n);
    if (auto s = need(o.choice<ServiceCase>("subject", true))) r.subject = *s;
    if (auto n = need(o.integer("number", true, 0, 0xFFFFFFFFLL)))
      r.number = static_cast<std::uint32_t>(*n);
    if (auto a = need(person(o, "actor"))) r.actor = *a;
    if (auto t = need(read_time(o, "at", true))) r.at = *t;
    if (auto t = need(o.text("operation", true))) r.operation = *t;
    if (auto t = need(o.text("from", true))) r.from = *t;
    if (auto t = need(o.text("to", true))) r.to = *t;
    if (auto c = need(o.choice<ErrorCode>("code", true))) r.code = *c;
    if (auto b = need(o.flag("security_event", true))) r.security_event = *b;
    if (auto t = need(o.text("rule", true))) r.rule = *t;
    if (auto t = need(o.text("reason", true, TextRule::multiline))) r.reason = *t;
    if (auto t = need(o.text("message", true, TextRule::multiline))) r.message = *t;
    if (auto h = need(read_hash(o, "previous"))) r.previous = *h;
    if (auto h = need(read_hash(o, "hash"))) r.hash = *h;
    return ok ? std::optional(r) : std::nullopt;
  }

  std::optional<ProgrammeList> recommendation(Object& o) {
    ProgrammeList out;
    bool ok = true;
    const auto need = [&](auto&& v) {
      if (!v) ok = false;
      return std::forward<decltype(v)>(v);
    };
    Object po(p_, o.get("programme", true), o.at("programme"),
              {"name", "age_max", "age_on", "min_title", "min_honours", "honour_kind",
               "education_years", "quota_per_association"});
    if (!po.ok()) ok = false;
    if (po.ok()) {
      Programme& g = out.programme;
      if (auto t = need(po.text("name", true))) g.name = *t;
      if (auto n = need(po.integer("age_max", true, 0, 200))) g.age_max = static_cast<int>(*n);
      g.age_on = po.date("age_on", false);
      if (auto t = need(po.choice<Title>("min_title", true))) g.min_title = *t;
      if (auto n = need(po.integer("min_honours", true, 0, 1000000)))
        g.min_honours = static_cast<std::size_t>(*n);
      g.honour_kind = po.choice<HonourKind>("honour_kind", false);
      if (auto n = need(po.integer("education_years", true, 0, 50)))
        g.education_years = static_cast<int>(*n);
      if (auto n = need(po.integer("quota_per_association", true, 0, 1000000)))
        g.quota_per_association = static_cast<std::size_t>(*n);
    }
    out.list.programme = out.programme.name;
    if (auto d = need(o.date("as_of", true))) out.list.as_of = *d;
    if (const Value* list = o.array("candidates", true)) {
      for (std::size_t i = 0; i < list->items.size(); ++i) {
        Object c(p_, &list->items[i], json::pointer_append(o.at("candidates"), i),
                 {"person", "association", "eligible", "recommended", "checks", "failed_rules"});
        if (!c.ok()) {
          ok = false;
          continue;
        }
        CandidateDecision d;
        if (auto a = need(person(c, "person"))) d.person = *a;
        if (c.get("association", false) != nullptr) {
          if (auto a = need(org(c, "association"))) d.association = *a;
        }
        if (auto b = need(c.flag("eligible", true))) d.eligible = *b;
        if (auto b = need(c.flag("recommended", true))) d.recommended = *b;
        if (const Value* checks = c.array("checks", true)) {
          for (std::size_t k = 0; k < checks->items.size(); ++k) {
            Object ch(p_, &checks->items[k], json::pointer_append(c.at("checks"), k),
                      {"rule", "article", "passed", "explanation"});
            RuleCheck rc;
            if (auto t = need(ch.text("rule", true))) rc.rule = *t;
            if (auto t = need(ch.text("article", true))) rc.article = *t;
            if (auto b = need(ch.flag("passed", true))) rc.passed = *b;
            if (auto t = need(ch.text("explanation", true, TextRule::multiline)))
              rc.explanation = *t;
            d.checks.push_back(std::move(rc));
          }
        }
        if (const Value* failed = c.array("failed_rules", true)) {
          for (std::size_t k = 0; k < failed->items.size(); ++k) {
            if (auto t = need(doc::read_text(p_, failed->items[k],
                                             json::pointer_append(c.at("failed_rules"), k))))
              d.failed_rules.push_back(*t);
          }
        }
        out.list.candidates.push_back(std::move(d));
      }
    }
    return ok ? std::optional(std::move(out)) : std::nullopt;
  }

 private:
  Problems& p_;
  const Names& names_;
};

}  // namespace

std::string write_services_document(const ServiceDesk& desk, std::span<const ProgrammeList> lists,
                                    const RegistryCodes& codes) {
  const Names names(codes, &desk.registry());
  Value v = Value::make_object();
  v.add("format", doc::text(kFormat));
  v.add("policy", policy(desk.policy()));
  Value& requests = v.add("requests", Value::make_array());
  for (std::size_t i = 1; i <= desk.request_count(); ++i) {
    const ServiceRequest& q = *desk.request(ServiceRequestId{static_cast<std::uint32_t>(i)});
    Value& x = requests.push(Value::make_object());
    x.add("id", doc::integer(q.id.value()));
    x.add("applicant", names.of(q.spec.applicant));
    x.add("association", names.of(q.spec.association));
    x.add("kind", doc::name(q.spec.kind));
    x.add("title", doc::text(q.spec.title));
    x.add("patent_type", q.spec.patent_type ? doc::name(*q.spec.patent_type) : Value{});
    x.add("target_title", q.spec.target_title ? doc::name(*q.spec.target_title) : Value{});
    x.add("state", doc::name(q.state));
    x.add("submitted", doc::text(q.submitted.to_string()));
    x.add("last_event", doc::text(q.last_event.to_string()));
    x.add("outside_body", doc::text(q.outside_body));
    x.add("reference", doc::text(q.reference));
    x.add("reason", doc::text(q.reason));
  }
  Value& proposals = v.add("proposals", Value::make_array());
  for (std::size_t i = 1; i <= desk.proposal_count(); ++i) {
    const Proposal& p = *desk.proposal(ProposalId{static_cast<std::uint32_t>(i)});
    Value& x = proposals.push(Value::make_object());
    x.add("id", doc::integer(p.id.value()));
    x.add("proposer", names.of(p.spec.proposer));
    x.add("association", names.of(p.spec.association));
    x.add("kind", doc::name(p.spec.kind));
    x.add("title", doc::text(p.spec.title));
    x.add("text", doc::text(p.spec.text));
    x.add("state", doc::name(p.state));
    x.add("filed", doc::text(p.filed.to_string()));
    x.add("due", doc::date(p.due));
    x.add("last_event", doc::text(p.last_event.to_string()));
    x.add("answered", opt_time(p.answered));
    x.add("answer", doc::text(p.answer));
    x.add("reason", doc::text(p.reason));
    if (p.entered) {
      Value& e = x.add("entered", Value::make_object());
      e.add("campaign", doc::integer(p.entered->campaign.value()));
      e.add("entry", doc::integer(p.entered->entry.value()));
      e.add("code", doc::text(p.entered->code));
    } else {
      x.add("entered", Value{});
    }
  }
  Value& trail = v.add("trail", Value::make_array());
  for (const ServiceRecord& r : desk.audit_trail()) {
    Value& x = trail.push(Value::make_object());
    x.add("sequence", doc::integer(static_cast<std::int64_t>(r.sequence)));
    x.add("subject", doc::name(r.subject));
    x.add("number", doc::integer(r.number));
    x.add("actor", names.of(r.actor));
    x.add("at", doc::text(r.at.to_string()));
    x.add("operation", doc::text(r.operation));
    x.add("from", doc::text(r.from));
    x.add("to", doc::text(r.to));
    x.add("code", doc::name(r.code));
    x.add("security_event", Value::make_bool(r.security_event));
    x.add("rule", doc::text(r.rule));
    x.add("reason", doc::text(r.reason));
    x.add("message", doc::text(r.message));
    x.add("previous", doc::text(to_hex(r.previous)));
    x.add("hash", doc::text(to_hex(r.hash)));
  }
  v.add("chain_head", doc::text(desk.chain_head().to_string()));
  v.add("digest", doc::text(desk.digest()));
  Value& recs = v.add("recommendations", Value::make_array());
  for (const ProgrammeList& l : lists) {
    Value& x = recs.push(Value::make_object());
    x.add("programme", programme(l.programme));
    x.add("as_of", doc::date(l.list.as_of));
    Value& cands = x.add("candidates", Value::make_array());
    for (const CandidateDecision& d : l.list.candidates) {
      Value& c = cands.push(Value::make_object());
      c.add("person", names.of(d.person));
      c.add("association", d.association.ok() ? names.of(d.association) : Value{});
      c.add("eligible", Value::make_bool(d.eligible));
      c.add("recommended", Value::make_bool(d.recommended));
      Value& checks = c.add("checks", Value::make_array());
      for (const RuleCheck& rc : d.checks) {
        Value& k = checks.push(Value::make_object());
        k.add("rule", doc::text(rc.rule));
        k.add("article", doc::text(rc.article));
        k.add("passed", Value::make_bool(rc.passed));
        k.add("explanation", doc::text(rc.explanation));
      }
      Value& failed = c.add("failed_rules", Value::make_array());
      for (const std::string& f : d.failed_rules) failed.push(doc::text(f));
    }
  }
  return json::write(v);
}

DocumentResult<LoadedServices> read_services_document(std::string_view text,
                                                      const Registry& registry,
                                                      const RegistryCodes& codes,
                                                      const DocumentLimits& limits) {
  json::Parsed parsed = json::parse(text, limits);
  if (!parsed.root) {
    Error e(ErrorCode::corrupt_data,
            "the services document was refused: " + parsed.problem.to_string());
    return {std::move(e), {parsed.problem}};
  }
  Problems p(limits);
  std::optional<ErrorCode> code;
  Object o(p, &*parsed.root, "",
           {"format", "policy", "requests", "proposals", "trail", "chain_head", "digest",
            "recommendations"});
  if (!o.ok()) return {p.summary(ErrorCode::invalid_argument), p.take()};
  doc::check_format(p, o, kFormat, code);
  const Names names(codes, &registry);
  ServicesReader r(p, names);
  ServicePolicy pol;
  {
    Object po(p, o.get("policy", true), o.at("policy"),
              {"education_years", "young_priority", "answer_due_days", "staff_roles"});
    if (po.ok()) pol = r.policy(po);
  }
  std::vector<ServiceRequest> requests;
  std::vector<Proposal> proposals;
  std::vector<ServiceRecord> trail;
  std::vector<ProgrammeList> lists;
  if (const Value* list = o.array("requests", true)) {
    for (std::size_t i = 0; i < list->items.size(); ++i) {
      Object x(p, &list->items[i], json::pointer_append(o.at("requests"), i),
               {"id", "applicant", "association", "kind", "title", "patent_type", "target_title",
                "state", "submitted", "last_event", "outside_body", "reference", "reason"});
      if (!x.ok()) continue;
      if (auto q = r.request(x)) requests.push_back(std::move(*q));
    }
  }
  if (const Value* list = o.array("proposals", true)) {
    for (std::size_t i = 0; i < list->items.size(); ++i) {
      Object x(p, &list->items[i], json::pointer_append(o.at("proposals"), i),
               {"id", "proposer", "association", "kind", "title", "text", "state", "filed", "due",
                "last_event", "answered", "answer", "reason", "entered"});
      if (!x.ok()) continue;
      if (auto q = r.proposal(x)) proposals.push_back(std::move(*q));
    }
  }
  if (const Value* list = o.array("trail", true)) {
    for (std::size_t i = 0; i < list->items.size(); ++i) {
      Object x(p, &list->items[i], json::pointer_append(o.at("trail"), i),
               {"sequence", "subject", "number", "actor", "at", "operation", "from", "to", "code",
                "security_event", "rule", "reason", "message", "previous", "hash"});
      if (!x.ok()) continue;
      if (auto q = r.record(x)) trail.push_back(std::move(*q));
    }
  }
  std::optional<ChainHead> head;
  if (auto t = o.text("chain_head", true)) {
    Result<ChainHead> h = ChainHead::parse(*t);
    if (h) {
      head = *h;
    } else {
      p.add(o.get("chain_head", true), o.at("chain_head"),
            "expected \"count:hex\" (64 hex digits), found " + quote_input(*t));
    }
  }
  const std::optional<std::string> digest = o.text("digest", true);
  if (digest &&
      (digest->size() != 64 || digest->find_first_not_of("0123456789abcdef") != std::string::npos))
    p.add(o.get("digest", true), o.at("digest"),
          "expected 64 lower-case hex digits, found " + quote_input(*digest));
  if (const Value* list = o.array("recommendations", true)) {
    for (std::size_t i = 0; i < list->items.size(); ++i) {
      Object x(p, &list->items[i], json::pointer_append(o.at("recommendations"), i),
               {"programme", "as_of", "candidates"});
      if (!x.ok()) continue;
      if (auto l = r.recommendation(x)) lists.push_back(std::move(*l));
    }
  }
  if (!p.empty()) return {p.summary(code.value_or(ErrorCode::invalid_argument)), p.take()};

  // The trail: the document's head must be the trail's, then the desk's own check.
  const auto refuse = [&](std::string message) -> DocumentResult<LoadedServices> {
    p.add(o.get("trail", true), o.at("trail"),
          Error(ErrorCode::corrupt_data, "the trail does not verify: " + std::move(message),
                "services.trail"));
    return {p.summary(ErrorCode::corrupt_data), p.take()};
  };
  if (head && !(*head == chain_head(trail)))
    return refuse("chain_head " + head->to_string() + " is not the trail's head " +
                  chain_head(trail).to_string());
  LoadedServices out{ServiceDesk(registry, pol), std::move(lists)};
  if (auto bad =
          detail::restore(out.desk, std::move(requests), std::move(proposals), std::move(trail)))
    return refuse(*bad);
  // The requests' and proposals' other fields (titles, texts, outside references) are
  // not in the trail's hashes: the desk's digest covers them.
  if (digest && out.desk.digest() != *digest) {
    p.add(o.get("digest", true), o.at("digest"),
          Error(ErrorCode::corrupt_data,
                "the desk read back has digest " + out.desk.digest() + ", not the document's " +
                    *digest + " (a request or proposal was changed)",
                "services.digest"));
    return {p.summary(ErrorCode::corrupt_data), p.take()};
  }
  return out;
}

}  // namespace v1
}  // namespace kexie
