// A registry from CSV tables: each row through the registry's public mutators, so every
// rule applies; a refusal anywhere discards the registry being built.
#include "kexie/table_registry.hpp"

#include <charconv>
#include <optional>
#include <string>
#include <vector>

namespace kexie {
inline namespace v1 {

namespace {

Error at(const TablePlace& place, TablePlace* where, const Error& e) {
  if (where != nullptr) *where = place;
  return Error(e.code(), to_string(place) + ": " + e.message(), e.rule(), e.article());
}

// One table's rows, read by column name; optional columns may be missing.
class Rows {
 public:
  Rows(const Table& t, TablePlace* where) : t_(t), where_(where) {}

  // The column's index; required columns refuse when missing.
  Result<std::optional<std::size_t>> col(std::string_view name, bool required = true) const {
    if (auto c = t_.find_column(name)) return std::optional<std::size_t>(*c);
    if (!required) return std::optional<std::size_t>();
    auto e = t_.column(name);
    return at(TablePlace{t_.source(), 1, 0, {}}, where_, e.error());
  }
  std::string_view cell(std::size_t r, const std::optional<std::size_t>& c) const {
    return c ? t_.cell(r, *c) : std::string_view();
  }
  Error bad(std::size_t r, const std::optional<std::size_t>& c, ErrorCode code,
            const std::string& what) const {
    return at(t_.place(r, c.value_or(0)), where_, Error(code, what, "table.field"));
  }
  Error refused(std::size_t r, const Error& e) const {
    TablePlace p = t_.place(r, 0);
    p.column = 0;
    p.field.clear();
    return at(p, where_, e);
  }
  Result<Date> date(std::size_t r, const std::optional<std::size_t>& c, Date empty) const {
    const std::string_view s = cell(r, c);
    if (s.empty()) return empty;
    auto d = Date::parse(s);
    if (!d)
      return bad(r, c, ErrorCode::invalid_argument, "\"" + std::string(s) + "\" is not a date");
    return *d;
  }
  template <class E>
  Result<E> name(std::size_t r, const std::optional<std::size_t>& c, E empty) const {
    const std::string_view s = cell(r, c);
    if (s.empty()) return empty;
    auto v = enum_from_string<E>(s);
    if (!v)
      return bad(r, c, ErrorCode::invalid_argument,
                 "\"" + std::string(s) + "\" is not a known name");
    return *v;
  }
  Status flag(std::size_t r, const std::optional<std::size_t>& c, bool& out) const {
    const std::string_view s = cell(r, c);
    out = s == "true" || s == "1" || s == "是";
    if (out || s.empty() || s == "false" || s == "0" || s == "否") return {};
    return bad(r, c, ErrorCode::invalid_argument,
               "\"" + std::string(s) + "\" is not true or false");
  }
  template <class Id>
  Result<Id> code(std::size_t r, const std::optional<std::size_t>& c,
                  const std::map<std::string, Id, std::less<>>& codes,
                  bool optional = false) const {
    const std::string_view s = cell(r, c);
    if (s.empty() && optional) return Id{};
    auto it = codes.find(s);
    if (it == codes.end()) {
      return bad(r, c, ErrorCode::not_found, "no code \"" + std::string(s) + "\" defined before");
    }
    return it->second;
  }
  Result<Period> period(std::size_t r, const std::optional<std::size_t>& first,
                        const std::optional<std::size_t>& last) const {
    auto a = date(r, first, Date::min());
    if (!a) return a.error();
    auto b = date(r, last, Date::max());
    if (!b) return b.error();
    return Period{*a, *b};
  }
  std::size_t size() const { return t_.rows(); }

 private:
  const Table& t_;
  TablePlace* where_;
};

#define KX_COL(var, rows, name, required)    \
  auto var##_r = (rows).col(name, required); \
  if (!var##_r) return var##_r.error();      \
  const std::optional<std::size_t> var = *var##_r
#define KX_GET(var, expr) \
  auto var = (expr);      \
  if (!var) return var.error()

Status organizations(TableRegistry& out, const Table& t, TablePlace* where,
                     std::vector<std::pair<std::size_t, Date>>& dissolutions) {
  Rows rows(t, where);
  KX_COL(code, rows, "code", true);
  KX_COL(kind, rows, "kind", true);
  KX_COL(name, rows, "name", true);
  KX_COL(parent, rows, "parent", false);
  KX_COL(effective, rows, "effective", false);
  KX_COL(level, rows, "level", false);
  KX_COL(enterprise_name, rows, "enterprise_name", false);
  KX_COL(ownership, rows, "ownership", false);
  KX_COL(industry, rows, "industry", false);
  KX_COL(region, rows, "region", false);
  KX_COL(high_tech, rows, "high_tech_zone", false);
  KX_COL(development, rows, "development_zone", false);
  KX_COL(founded, rows, "founded", false);
  KX_COL(dissolved, rows, "dissolved", false);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    OrgSpec s;
    KX_GET(k, rows.name(r, kind, OrgKind::enterprise));
    s.kind = *k;
    s.name = std::string(rows.cell(r, name));
    KX_GET(p, rows.code(r, parent, out.organizations, true));
    s.parent = *p;
    KX_GET(e, rows.date(r, effective, Date::min()));
    s.effective = *e;
    KX_GET(l, rows.name(r, level, LocalLevel::none));
    s.level = *l;
    s.enterprise.enterprise_name = std::string(rows.cell(r, enterprise_name));
    KX_GET(o, rows.name(r, ownership, s.enterprise.ownership));
    s.enterprise.ownership = *o;
    s.enterprise.industry = std::string(rows.cell(r, industry));
    s.enterprise.region = std::string(rows.cell(r, region));
    if (Status st = rows.flag(r, high_tech, s.enterprise.high_tech_zone); !st) return st;
    if (Status st = rows.flag(r, development, s.enterprise.development_zone); !st) return st;
    KX_GET(f, rows.date(r, founded, Date::min()));
    s.enterprise.founded = *f;
    const std::string c(rows.cell(r, code));
    if (c.empty() || out.organizations.count(c) != 0) {
      return rows.bad(r, code, ErrorCode::already_exists,
                      "an empty or repeated code \"" + c + "\"");
    }
    auto id = out.registry.add_organization(s);
    if (!id) return rows.refused(r, id.error());
    out.organizations.emplace(c, *id);
    KX_GET(end, rows.date(r, dissolved, Date::max()));
    if (*end != Date::max()) dissolutions.emplace_back(r, *end);
  }
  return {};
}

Status people(TableRegistry& out, const Table& t, TablePlace* where) {
  Rows rows(t, where);
  KX_COL(code, rows, "code", true);
  KX_COL(name, rows, "name", true);
  KX_COL(birth, rows, "birth", true);
  KX_COL(employer, rows, "employer", true);
  KX_COL(key, rows, "external_key", false);
  KX_COL(title, rows, "title", false);
  KX_COL(discipline, rows, "discipline", false);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    PersonSpec s;
    s.name = std::string(rows.cell(r, name));
    KX_GET(b, rows.date(r, birth, Date{}));
    s.birth = *b;
    KX_GET(e, rows.code(r, employer, out.organizations));
    s.employer = *e;
    s.external_key = std::string(rows.cell(r, key));
    KX_GET(ti, rows.name(r, title, Title::none));
    s.title = *ti;
    s.discipline = std::string(rows.cell(r, discipline));
    const std::string c(rows.cell(r, code));
    if (c.empty() || out.people.count(c) != 0) {
      return rows.bad(r, code, ErrorCode::already_exists,
                      "an empty or repeated code \"" + c + "\"");
    }
    auto id = out.registry.add_person(s);
    if (!id) return rows.refused(r, id.error());
    out.people.emplace(c, *id);
  }
  return {};
}

// memberships and appointments: person, org, role, first, last.
template <class RoleT, class Add>
Status roles(TableRegistry& out, const Table& t, TablePlace* where, RoleT fallback, Add add) {
  Rows rows(t, where);
  KX_COL(person, rows, "person", true);
  KX_COL(org, rows, "org", true);
  KX_COL(role, rows, "role", true);
  KX_COL(first, rows, "first", true);
  KX_COL(last, rows, "last", false);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    KX_GET(p, rows.code(r, person, out.people));
    KX_GET(o, rows.code(r, org, out.organizations));
    KX_GET(ro, rows.name(r, role, fallback));
    KX_GET(pe, rows.period(r, first, last));
    if (Status st = add(*p, *o, *ro, *pe); !st) return rows.refused(r, st.error());
  }
  return {};
}

Status experts(TableRegistry& out, const Table& t, TablePlace* where) {
  Rows rows(t, where);
  KX_COL(person, rows, "person", true);
  KX_COL(org, rows, "org", true);
  KX_COL(fields, rows, "fields", false);
  KX_COL(first, rows, "first", true);
  KX_COL(last, rows, "last", false);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    KX_GET(p, rows.code(r, person, out.people));
    KX_GET(o, rows.code(r, org, out.organizations));
    KX_GET(pe, rows.period(r, first, last));
    std::vector<std::string> list;
    std::string_view rest = rows.cell(r, fields);
    while (!rest.empty()) {
      const std::size_t semi = rest.find(';');
      if (std::string_view f = rest.substr(0, semi); !f.empty()) list.emplace_back(f);
      rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
    }
    auto id = out.registry.add_expert(*p, *o, std::move(list), *pe);
    if (!id) return rows.refused(r, id.error());
  }
  return {};
}

Status links(TableRegistry& out, const Table& t, TablePlace* where) {
  Rows rows(t, where);
  KX_COL(enterprise, rows, "enterprise", true);
  KX_COL(other, rows, "other", true);
  KX_COL(first, rows, "first", true);
  KX_COL(last, rows, "last", false);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    KX_GET(e, rows.code(r, enterprise, out.organizations));
    KX_GET(o, rows.code(r, other, out.organizations));
    KX_GET(pe, rows.period(r, first, last));
    auto id = out.registry.add_link(*e, *o, *pe);
    if (!id) return rows.refused(r, id.error());
  }
  return {};
}

Status training(TableRegistry& out, const Table& t, TablePlace* where) {
  Rows rows(t, where);
  KX_COL(person, rows, "person", true);
  KX_COL(hours, rows, "hours", true);
  KX_COL(kind, rows, "kind", true);
  KX_COL(date, rows, "date", true);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    KX_GET(p, rows.code(r, person, out.people));
    const std::string_view h = rows.cell(r, hours);
    int n = 0;
    auto [end, ec] = std::from_chars(h.data(), h.data() + h.size(), n);
    if (ec != std::errc() || end != h.data() + h.size()) {
      return rows.bad(r, hours, ErrorCode::invalid_argument,
                      "\"" + std::string(h) + "\" is not a whole number of hours");
    }
    KX_GET(k, rows.name(r, kind, TrainingKind::professional));
    KX_GET(d, rows.date(r, date, Date{}));
    auto id = out.registry.add_training(*p, n, *k, *d);
    if (!id) return rows.refused(r, id.error());
  }
  return {};
}

Status honours(TableRegistry& out, const Table& t, TablePlace* where) {
  Rows rows(t, where);
  KX_COL(kind, rows, "kind", true);
  KX_COL(person, rows, "person", false);
  KX_COL(organization, rows, "organization", false);
  KX_COL(grantor, rows, "grantor", true);
  KX_COL(title, rows, "title", true);
  KX_COL(basis, rows, "basis", false);
  KX_COL(date, rows, "date", true);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    HonourSpec s;
    KX_GET(k, rows.name(r, kind, HonourKind::other_scheme));
    s.kind = *k;
    if (!rows.cell(r, person).empty()) {
      KX_GET(p, rows.code(r, person, out.people));
      s.person = *p;
    }
    if (!rows.cell(r, organization).empty()) {
      KX_GET(o, rows.code(r, organization, out.organizations));
      s.organization = *o;
    }
    KX_GET(g, rows.code(r, grantor, out.organizations));
    s.grantor = *g;
    s.title = std::string(rows.cell(r, title));
    s.basis = std::string(rows.cell(r, basis));
    KX_GET(d, rows.date(r, date, Date{}));
    s.date = *d;
    auto id = out.registry.record_honour(s);
    if (!id) return rows.refused(r, id.error());
  }
  return {};
}

#undef KX_COL
#undef KX_GET

}  // namespace

Result<TableRegistry> load_registry_tables(const RegistryTables& tables, TablePlace* where) {
  if (tables.organizations == nullptr) {
    return Error(ErrorCode::invalid_argument, "a registry needs its organizations table",
                 "table.header");
  }
  TableRegistry out;
  std::vector<std::pair<std::size_t, Date>> dissolutions;
  if (Status st = organizations(out, *tables.organizations, where, dissolutions); !st) {
    return st.error();
  }
  if (tables.people != nullptr) {
    if (Status st = people(out, *tables.people, where); !st) return st.error();
  }
  if (tables.memberships != nullptr) {
    Status st = roles(out, *tables.memberships, where, Role::member,
                      [&](PersonId p, OrgId o, Role r, Period pe) -> Status {
                        auto id = out.registry.add_membership(p, o, r, pe);
                        if (!id) return id.error();
                        return {};
                      });
    if (!st) return st.error();
  }
  if (tables.appointments != nullptr) {
    Status st = roles(out, *tables.appointments, where, OfficerRole::chair,
                      [&](PersonId p, OrgId o, OfficerRole r, Period pe) -> Status {
                        auto id = out.registry.appoint({p, o, r, pe});
                        if (!id) return id.error();
                        return {};
                      });
    if (!st) return st.error();
  }
  if (tables.experts != nullptr) {
    if (Status st = experts(out, *tables.experts, where); !st) return st.error();
  }
  if (tables.links != nullptr) {
    if (Status st = links(out, *tables.links, where); !st) return st.error();
  }
  if (tables.training != nullptr) {
    if (Status st = training(out, *tables.training, where); !st) return st.error();
  }
  if (tables.honours != nullptr) {
    if (Status st = honours(out, *tables.honours, where); !st) return st.error();
  }
  const Table& orgs = *tables.organizations;
  for (const auto& [row, last] : dissolutions) {
    OrgId id = out.organizations.at(std::string(orgs.cell(row, orgs.find_column("code").value())));
    if (Status st = out.registry.dissolve(id, last); !st) {
      TablePlace p = orgs.place(row, orgs.find_column("dissolved").value());
      return at(p, where, st.error());
    }
  }
  return out;
}

}  // namespace v1
}  // namespace kexie
