// kexie.entries/1: entries, judges, assignments, marks and vetoes.
#include <array>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "campaign_facts.hpp"
#include "document/json_value.hpp"
#include "document/reader.hpp"
#include "kexie/entries_document.hpp"

namespace kexie {
inline namespace v1 {

namespace {

using detail::doc::Kind;
using detail::doc::Object;
using detail::doc::Problems;
using detail::doc::Value;
namespace doc = detail::doc;
namespace json = detail::json;

constexpr std::string_view kFormat = "kexie.entries/1";

// Focus is a set of bit flags without a name table of its own: the names in bit order.
constexpr std::array<std::string_view, 4> kFocusNames{"energy_saving", "consumption_reduction",
                                                      "emission_reduction", "efficiency_gain"};

template <class Id>
std::optional<Id> lookup(Problems& p, Object& o, std::string_view key,
                         const std::map<std::string, Id, std::less<>>& codes,
                         std::string_view what) {
  const auto code = o.text(key, true);
  if (!code) return std::nullopt;
  const auto it = codes.find(*code);
  if (it == codes.end()) {
    p.add(o.get(key, true), o.at(key),
          "no " + std::string(what) + " has code " + quote_input(*code));
    return std::nullopt;
  }
  return it->second;
}

std::optional<Claims> read_claims(Problems& p, const Value* v, const std::string& at) {
  Object o(p, v, at,
           {"energy", "material_saved_t", "co2_avoided_t", "hours_saved", "efficiency_gain_percent",
            "annual_benefit_yuan", "patents", "achievements_transformed"});
  if (!o.ok()) return std::nullopt;
  Claims c;
  if (const Value* list = o.array("energy", false)) {
    for (std::size_t i = 0; i < list->items.size(); ++i) {
      Object e(p, &list->items[i], json::pointer_append(o.at("energy"), i),
               {"carrier", "value", "unit"});
      const auto carrier = e.choice<Carrier>("carrier", true);
      const auto value = e.decimal("value", true);
      const auto unit = e.choice<Unit>("unit", true);
      if (carrier && value && unit) c.energy.push_back({*carrier, {*value, *unit}});
    }
  }
  if (auto d = o.decimal("material_saved_t", false)) c.material_saved_t = *d;
  if (auto d = o.decimal("co2_avoided_t", false)) c.co2_avoided_t = *d;
  if (auto d = o.decimal("hours_saved", false)) c.hours_saved = *d;
  if (auto d = o.decimal("efficiency_gain_percent", false)) c.efficiency_gain_percent = *d;
  if (auto d = o.decimal("annual_benefit_yuan", false)) c.annual_benefit_yuan = *d;
  if (const Value* list = o.array("patents", false)) {
    for (std::size_t i = 0; i < list->items.size(); ++i) {
      Object e(p, &list->items[i], json::pointer_append(o.at("patents"), i),
               {"type", "status", "number"});
      const auto type = e.choice<PatentType>("type", true);
      const auto status = e.choice<PatentStatus>("status", true);
      const auto number = e.text("number", true);
      if (type && status && number) c.patents.push_back({*type, *status, *number});
    }
  }
  if (auto n = o.integer("achievements_transformed", false, 0, 1'000'000))
    c.achievements_transformed = static_cast<std::uint32_t>(*n);
  return c;
}

// A row of strings: ["J1", "ZJ-1", "A.1", "88.5"].
std::optional<std::vector<std::string>> read_row(Problems& p, const Value& v, const std::string& at,
                                                 std::size_t width, std::string_view layout) {
  if (v.kind != Kind::array || v.items.size() != width) {
    p.add(&v, at, "expected a row " + std::string(layout));
    return std::nullopt;
  }
  std::vector<std::string> row;
  row.reserve(width);
  for (std::size_t i = 0; i < width; ++i) {
    const Value& cell = v.items[i];
    // The cell's pointer is only spelt out for a problem (read_text records it).
    if (cell.kind != Kind::string || !check_text(cell.text, "a row field", TextRule::line)) {
      doc::read_text(p, cell, json::pointer_append(at, i));
      return std::nullopt;
    }
    row.push_back(cell.text);
  }
  return row;
}

}  // namespace

DocumentResult<CampaignEntries> read_entries_document(std::string_view text,
                                                      const RegistryCodes& codes,
                                                      const DocumentLimits& limits) {
  json::Parsed parsed = json::parse(text, limits);
  if (!parsed.root) {
    Error e(ErrorCode::corrupt_data,
            "the entries document was refused: " + parsed.problem.to_string());
    return {std::move(e), {parsed.problem}};
  }
  Problems p(limits, text);
  std::optional<ErrorCode> code;
  Object o(p, &*parsed.root, "", {"format", "entries", "judges", "assignments", "marks", "vetoes"});
  if (!o.ok()) return {p.summary(ErrorCode::invalid_argument), p.take()};
  doc::check_format(p, o, kFormat, code);
  CampaignEntries out;
  std::set<std::string, std::less<>> entry_codes;
  std::set<std::string, std::less<>> judge_codes;
  if (const Value* list = o.array("entries", true)) {
    for (std::size_t i = 0; i < list->items.size(); ++i) {
      Object e(p, &list->items[i], json::pointer_append(o.at("entries"), i),
               {"code", "title", "unit", "category", "focus", "team", "in_use_since", "claims",
                "cites_link", "cites_activity"});
      if (!e.ok()) continue;
      EntrySpec s;
      if (auto c = e.text("code", true)) {
        s.code = *c;
        if (!entry_codes.insert(*c).second)
          p.add(e.get("code", true), e.at("code"),
                "entry code " + quote_input(*c) + " given twice");
      }
      if (auto t = e.text("title", true)) s.title = *t;
      if (auto u = lookup(p, e, "unit", codes.organizations, "organization")) s.unit = *u;
      if (auto c = e.choice<Category>("category", true)) s.category = *c;
      if (const Value* focus = e.array("focus", false)) {
        for (std::size_t f = 0; f < focus->items.size(); ++f) {
          if (auto bit = doc::read_choice(p, focus->items[f],
                                          json::pointer_append(e.at("focus"), f), kFocusNames))
            s.focus = static_cast<std::uint8_t>(s.focus | (1u << *bit));
        }
      }
      if (const Value* team = e.array("team", true)) {
        for (std::size_t t = 0; t < team->items.size(); ++t) {
          Object m(p, &team->items[t], json::pointer_append(e.at("team"), t), {"person", "share"});
          const auto who = lookup(p, m, "person", codes.people, "person");
          const auto share = m.decimal("share", true);
          if (who && share) s.team.push_back({*who, *share});
        }
      }
      if (auto d = e.date("in_use_since", true)) s.in_use_since = *d;
      if (auto c = read_claims(p, e.get("claims", false), e.at("claims"))) s.claims = *c;
      // Citations (A11) by id: a link's id is its 1-based place in the registry
      // document's links; an activity's, its id in the campaign's activity book.
      if (auto l = e.integer("cites_link", false, 1, 0xFFFF'FFFF))
        s.cites_link = LinkId{static_cast<std::uint32_t>(*l)};
      if (auto a = e.integer("cites_activity", false, 1, 0xFFFF'FFFF))
        s.cites_activity = ActivityId{static_cast<std::uint32_t>(*a)};
      out.entries.push_back(std::move(s));
    }
  }
  if (const Value* list = o.array("judges", false)) {
    for (std::size_t i = 0; i < list->items.size(); ++i) {
      Object j(p, &list->items[i], json::pointer_append(o.at("judges"), i), {"code", "person"});
      const auto c = j.text("code", true);
      const auto who = lookup(p, j, "person", codes.people, "person");
      if (c && !judge_codes.insert(*c).second)
        p.add(j.get("code", true), j.at("code"), "judge code " + quote_input(*c) + " given twice");
      if (c && who) out.judges.push_back({*c, *who});
    }
  }
  const auto known = [&](const Value& row, const std::string& at, const std::string& judge,
                         const std::string& entry) {
    if (!judge_codes.count(judge))
      p.add(&row.items[0], json::pointer_append(at, 0), "no judge has code " + quote_input(judge));
    if (!entry_codes.count(entry))
      p.add(&row.items[1], json::pointer_append(at, 1), "no entry has code " + quote_input(entry));
  };
  if (const Value* list = o.array("assignments", false)) {
    for (std::size_t i = 0; i < list->items.size(); ++i) {
      const std::string at = json::pointer_append(o.at("assignments"), i);
      if (auto row = read_row(p, list->items[i], at, 2, "[judge, entry]")) {
        known(list->items[i], at, (*row)[0], (*row)[1]);
        out.assignments.push_back({(*row)[0], (*row)[1]});
      }
    }
  }
  if (const Value* list = o.array("marks", false)) {
    out.marks.reserve(list->items.size());
    const std::string marks_at = o.at("marks");
    for (std::size_t i = 0; i < list->items.size(); ++i) {
      const std::string at = json::pointer_append(marks_at, i);
      auto row = read_row(p, list->items[i], at, 4, "[judge, entry, indicator, mark]");
      if (!row) continue;
      known(list->items[i], at, (*row)[0], (*row)[1]);
      auto mark = doc::read_decimal(p, list->items[i].items[3], json::pointer_append(at, 3));
      if (mark)
        out.marks.push_back(
            {std::move((*row)[0]), std::move((*row)[1]), std::move((*row)[2]), *mark});
    }
  }
  if (const Value* list = o.array("vetoes", false)) {
    for (std::size_t i = 0; i < list->items.size(); ++i) {
      const std::string at = json::pointer_append(o.at("vetoes"), i);
      Object v(p, &list->items[i], at, {"judge", "entry", "indicator", "reason"});
      const auto judge = v.text("judge", true);
      const auto entry = v.text("entry", true);
      const auto indicator = v.text("indicator", true);
      const auto reason = v.text("reason", true, TextRule::multiline);
      if (judge && !judge_codes.count(*judge))
        p.add(v.get("judge", true), v.at("judge"), "no judge has code " + quote_input(*judge));
      if (entry && !entry_codes.count(*entry))
        p.add(v.get("entry", true), v.at("entry"), "no entry has code " + quote_input(*entry));
      if (judge && entry && indicator && reason)
        out.vetoes.push_back({*judge, *entry, *indicator, *reason});
    }
  }
  if (!p.empty()) return {p.summary(code.value_or(ErrorCode::invalid_argument)), p.take()};
  return out;
}

std::string write_entries_document(const CampaignEntries& entries, const RegistryCodes& codes) {
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
  Value& list = v.add("entries", Value::make_array());
  for (const EntrySpec& s : entries.entries) {
    Value& e = list.push(Value::make_object());
    e.add("code", doc::text(s.code));
    e.add("title", doc::text(s.title));
    e.add("unit", oc(s.unit));
    e.add("category", doc::name(s.category));
    Value& focus = e.add("focus", Value::make_array());
    for (std::size_t b = 0; b < kFocusNames.size(); ++b) {
      if ((s.focus >> b) & 1u) focus.push(doc::text(kFocusNames[b]));
    }
    Value& team = e.add("team", Value::make_array());
    for (const TeamShare& t : s.team) {
      Value& m = team.push(Value::make_object());
      m.add("person", pc(t.person));
      m.add("share", doc::dec(t.share));
    }
    e.add("in_use_since", doc::date(s.in_use_since));
    Value& c = e.add("claims", Value::make_object());
    Value& energy = c.add("energy", Value::make_array());
    for (const EnergySaving& x : s.claims.energy) {
      Value& q = energy.push(Value::make_object());
      q.add("carrier", doc::name(x.carrier));
      q.add("value", doc::dec(x.quantity.value));
      q.add("unit", doc::name(x.quantity.unit));
    }
    c.add("material_saved_t", doc::dec(s.claims.material_saved_t));
    c.add("co2_avoided_t", doc::dec(s.claims.co2_avoided_t));
    c.add("hours_saved", doc::dec(s.claims.hours_saved));
    c.add("efficiency_gain_percent", doc::dec(s.claims.efficiency_gain_percent));
    c.add("annual_benefit_yuan", doc::dec(s.claims.annual_benefit_yuan));
    Value& patents = c.add("patents", Value::make_array());
    for (const Patent& x : s.claims.patents) {
      Value& q = patents.push(Value::make_object());
      q.add("type", doc::name(x.type));
      q.add("status", doc::name(x.status));
      q.add("number", doc::text(x.number));
    }
    c.add("achievements_transformed", doc::integer(s.claims.achievements_transformed));
    if (s.cites_link) e.add("cites_link", doc::integer(s.cites_link->value()));
    if (s.cites_activity) e.add("cites_activity", doc::integer(s.cites_activity->value()));
  }
  Value& judges = v.add("judges", Value::make_array());
  for (const JudgeRecord& j : entries.judges) {
    Value& e = judges.push(Value::make_object());
    e.add("code", doc::text(j.code));
    e.add("person", pc(j.person));
  }
  Value& assignments = v.add("assignments", Value::make_array());
  for (const AssignmentRecord& a : entries.assignments) {
    Value& row = assignments.push(Value::make_array());
    row.push(doc::text(a.judge));
    row.push(doc::text(a.entry));
  }
  Value& marks = v.add("marks", Value::make_array());
  for (const MarkRecord& m : entries.marks) {
    Value& row = marks.push(Value::make_array());
    row.push(doc::text(m.judge));
    row.push(doc::text(m.entry));
    row.push(doc::text(m.indicator));
    row.push(doc::dec(m.mark));
  }
  Value& vetoes = v.add("vetoes", Value::make_array());
  for (const VetoRecord& x : entries.vetoes) {
    Value& e = vetoes.push(Value::make_object());
    e.add("judge", doc::text(x.judge));
    e.add("entry", doc::text(x.entry));
    e.add("indicator", doc::text(x.indicator));
    e.add("reason", doc::text(x.reason));
  }
  return json::write(v);
}

CampaignEntries campaign_entries(const Campaign& campaign) {
  detail::CampaignFacts facts = detail::campaign_facts(campaign);
  CampaignEntries out;
  out.entries = std::move(facts.entries);
  const auto judge_code = [](JudgeId j) { return "J" + std::to_string(j.value()); };
  const auto entry_code = [&](EntryId e) { return out.entries[e.value() - 1].code; };
  out.judges.reserve(facts.judges.size());
  for (std::size_t i = 0; i < facts.judges.size(); ++i)
    out.judges.push_back({judge_code(JudgeId{static_cast<std::uint32_t>(i + 1)}), facts.judges[i]});
  out.assignments.reserve(facts.assignments.size());
  for (const AssignmentInput& a : facts.assignments)
    out.assignments.push_back({judge_code(a.judge), entry_code(a.entry)});
  out.marks.reserve(facts.marks.size());
  for (MarkInput& m : facts.marks)
    out.marks.push_back({judge_code(m.judge), entry_code(m.entry), std::move(m.indicator), m.mark});
  for (VetoInput& v : facts.vetoes)
    out.vetoes.push_back(
        {judge_code(v.judge), entry_code(v.entry), std::move(v.item), std::move(v.reason)});
  return out;
}

DocumentResult<Campaign> load_campaign(const Registry& registry, const RegistryCodes& codes,
                                       const CampaignRules& rules, const CampaignEntries& entries) {
  DocumentLimits limits;
  Problems p(limits);
  const auto organizer = codes.organizations.find(rules.organizer);
  if (organizer == codes.organizations.end()) {
    p.add(nullptr, "/organizer",
          "no organization of the registry has code " + quote_input(rules.organizer));
    return {p.summary(ErrorCode::not_found), p.take()};
  }
  auto built = build_campaign(registry, rules, organizer->second);
  if (!built) {
    p.add(nullptr, "", built.error());
    return {p.summary(built.error().code()), p.take()};
  }
  Campaign campaign = std::move(built).value();
  std::map<std::string, EntryId, std::less<>> entry_ids;
  std::map<std::string, JudgeId, std::less<>> judge_ids;
  for (std::size_t i = 0; i < entries.entries.size(); ++i) {
    auto id = campaign.add_entry(entries.entries[i]);
    if (!id) {
      p.add(nullptr, json::pointer_append("/entries", i), id.error());
      continue;
    }
    entry_ids.emplace(entries.entries[i].code, *id);
  }
  for (std::size_t i = 0; i < entries.judges.size(); ++i) {
    auto id = campaign.add_judge(entries.judges[i].person);
    if (!id) {
      p.add(nullptr, json::pointer_append("/judges", i), id.error());
      continue;
    }
    judge_ids.emplace(entries.judges[i].code, *id);
  }
  if (!p.empty()) return {p.summary(ErrorCode::rule_violation), p.take()};
  const auto ids = [&](const std::string& judge,
                       const std::string& entry) -> std::optional<std::pair<JudgeId, EntryId>> {
    const auto j = judge_ids.find(judge);
    const auto e = entry_ids.find(entry);
    if (j == judge_ids.end() || e == entry_ids.end()) return std::nullopt;
    return std::pair{j->second, e->second};
  };
  for (std::size_t i = 0; i < entries.assignments.size(); ++i) {
    const AssignmentRecord& a = entries.assignments[i];
    const auto je = ids(a.judge, a.entry);
    const std::string at = json::pointer_append("/assignments", i);
    if (!je) {
      p.add(nullptr, at, "unknown judge or entry code");
    } else if (auto s = campaign.assign(je->first, je->second); !s) {
      p.add(nullptr, at, s.error());
    }
  }
  if (!p.empty()) return {p.summary(ErrorCode::rule_violation), p.take()};
  std::vector<MarkInput> batch;
  batch.reserve(entries.marks.size());
  for (std::size_t i = 0; i < entries.marks.size(); ++i) {
    const MarkRecord& m = entries.marks[i];
    const auto je = ids(m.judge, m.entry);
    if (!je) {
      p.add(nullptr, json::pointer_append("/marks", i), "unknown judge or entry code");
      continue;
    }
    batch.push_back({je->first, je->second, m.indicator, m.mark});
  }
  if (!p.empty()) return {p.summary(ErrorCode::invalid_argument), p.take()};
  std::size_t failed = 0;
  if (auto s = campaign.mark_all(batch, &failed); !s) {
    p.add(nullptr, json::pointer_append("/marks", failed), s.error());
    return {p.summary(s.error().code()), p.take()};
  }
  for (std::size_t i = 0; i < entries.vetoes.size(); ++i) {
    const VetoRecord& v = entries.vetoes[i];
    const auto je = ids(v.judge, v.entry);
    const std::string at = json::pointer_append("/vetoes", i);
    if (!je) {
      p.add(nullptr, at, "unknown judge or entry code");
    } else if (auto s = campaign.veto(je->first, je->second, v.indicator, v.reason); !s) {
      p.add(nullptr, at, s.error());
    }
  }
  if (!p.empty()) return {p.summary(ErrorCode::rule_violation), p.take()};
  return campaign;
}

}  // namespace v1
}  // namespace kexie
