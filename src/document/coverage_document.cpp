// kexie.coverage/1: a local's coverage on a day (and its change) as a canonical document.
#include <span>
#include <string>

#include "document/json_value.hpp"
#include "document/reader.hpp"
#include "kexie/coverage_document.hpp"

namespace kexie {
inline namespace v1 {

namespace {

using detail::doc::Value;
namespace doc = detail::doc;
namespace json = detail::json;

constexpr std::string_view kFormat = "kexie.coverage/1";

Value counts(const CoverageCounts& c) {
  Value v = Value::make_object();
  v.add("enterprises", doc::integer(static_cast<std::int64_t>(c.enterprises)));
  v.add("with_association", doc::integer(static_cast<std::int64_t>(c.with_association)));
  v.add("without_association", doc::integer(static_cast<std::int64_t>(c.without_association)));
  v.add("workers", doc::integer(static_cast<std::int64_t>(c.workers)));
  v.add("workers_covered", doc::integer(static_cast<std::int64_t>(c.workers_covered)));
  return v;
}

Result<Value> enterprises(const Registry& reg, std::span<const EnterpriseId> ids) {
  Value list = Value::make_array();
  for (EnterpriseId id : ids) {
    Result<Enterprise> e = enterprise(reg, id);
    if (!e) return e.error();
    Value& x = list.push(Value::make_object());
    x.add("credit_code", doc::text(e->spec.credit_code));
    x.add("name", doc::text(e->spec.name));
  }
  return list;
}

// `area`, `on`, `total`, `groups`, `uncovered` of one day into `v`.
Status day(Value& v, const Registry& reg, const Coverage& c, const RegistryCodes& codes) {
  std::string area = to_string(c.area);
  for (const auto& [code, id] : codes.organizations) {
    if (id == c.area) area = code;
  }
  Result<Organization> org = reg.organization(c.area);
  if (!org) return org.error();
  v.add("area", doc::text(area));
  v.add("area_name", doc::text(org->name));
  v.add("on", doc::date(c.on));
  v.add("total", counts(c.total));
  Value& groups = v.add("groups", Value::make_array());
  for (const CoverageGroup& g : c.groups) {
    Value& x = groups.push(Value::make_object());
    x.add("dimension", doc::name(g.dimension));
    x.add("value", doc::text(g.value));
    x.add("counts", counts(g.counts));
  }
  Result<Value> uncovered = enterprises(reg, c.uncovered);
  if (!uncovered) return uncovered.error();
  v.add("uncovered", std::move(*uncovered));
  return {};
}

}  // namespace

Result<std::string> write_coverage_document(const Registry& registry, const Coverage& coverage,
                                            const RegistryCodes& codes) {
  Value v = Value::make_object();
  v.add("format", doc::text(kFormat));
  if (Status s = day(v, registry, coverage, codes); !s) return s.error();
  v.add("change", Value{});
  return json::write(v);
}

Result<std::string> write_coverage_document(const Registry& registry, const CoverageChange& change,
                                            const RegistryCodes& codes) {
  Value v = Value::make_object();
  v.add("format", doc::text(kFormat));
  if (Status s = day(v, registry, change.after, codes); !s) return s.error();
  Value& c = v.add("change", Value::make_object());
  Value& before = c.add("before", Value::make_object());
  if (Status s = day(before, registry, change.before, codes); !s) return s.error();
  Result<Value> gained = enterprises(registry, change.newly_covered);
  if (!gained) return gained.error();
  c.add("newly_covered", std::move(*gained));
  Result<Value> lost = enterprises(registry, change.no_longer_covered);
  if (!lost) return lost.error();
  c.add("no_longer_covered", std::move(*lost));
  return json::write(v);
}

}  // namespace v1
}  // namespace kexie
