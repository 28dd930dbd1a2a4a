// A registry from CSV tables, one per kind of fact, for registries too large to keep
// as one JSON document. Columns are the C++ member names in snake_case, the names
// kexie.registry/1 uses too; organizations and people carry a `code` that other tables
// name them by. docs/tables.md lists every table's columns.
#ifndef KEXIE_TABLE_REGISTRY_HPP
#define KEXIE_TABLE_REGISTRY_HPP

#include <functional>
#include <map>
#include <string>

#include "kexie/export.hpp"
#include "kexie/registry.hpp"
#include "kexie/result.hpp"
#include "kexie/table.hpp"

namespace kexie {
inline namespace v1 {

/// The tables of a registry; any may be absent (nullptr) except organizations.
///
///   kexie::Table orgs = kexie::Table::read_file("registry-organizations.csv").value();
///   kexie::RegistryTables t{.organizations = &orgs};
struct RegistryTables {
  /// code, kind, name, parent, effective, level; enterprise_name, ownership, industry,
  /// region, high_tech_zone, development_zone, founded, dissolved (optional columns).
  const Table* organizations = nullptr;
  const Table* people = nullptr;  ///< code, name, birth, employer, external_key, title, discipline
  const Table* memberships = nullptr;   ///< person, org, role, first, last
  const Table* appointments = nullptr;  ///< person, org, role, first, last
  const Table* experts = nullptr;       ///< person, org, fields (";"-separated), first, last
  const Table* links = nullptr;         ///< enterprise, other, first, last
  const Table* training = nullptr;      ///< person, hours, kind, date
  /// kind, person, organization, grantor, title, basis, date
  const Table* honours = nullptr;
};

/// A registry built from tables, with the codes the tables used.
///
///   kexie::OrgId zj = loaded.organizations.at("ZJ");
struct TableRegistry {
  Registry registry;                                        ///< every fact, through its rules
  std::map<std::string, OrgId, std::less<>> organizations;  ///< code → organization
  std::map<std::string, PersonId, std::less<>> people;      ///< code → person
};

/// Builds a registry from `tables`, all or nothing: facts are applied row by row
/// through the registry's own rules, organizations in table order (a parent before its
/// children), then people, memberships, appointments, experts, links, training,
/// honours and last the dissolutions. An empty cell of an optional column takes the
/// member's default (an open `last`, no parent). Refusals name the table place
/// (`*where` when not null): a missing column (`table.header`), a code named twice or
/// unknown, a date, number or enumerator that does not parse (`table.field`), or the
/// registry's own refusal with its rule id and article.
/// \param tables the tables to read (pointers; a null table is absent)
/// \param where when not null, set to the place of a refusal (file, line, column)
/// \return the registry with the codes of its tables, or the first refusal
///
///   auto r = kexie::load_registry_tables({.organizations = &orgs, .people = &people});
///   if (!r) std::cerr << r.error() << '\n';
[[nodiscard]] KEXIE_API Result<TableRegistry> load_registry_tables(const RegistryTables& tables,
                                                                   TablePlace* where = nullptr);

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_TABLE_REGISTRY_HPP
