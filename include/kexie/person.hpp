// People (科技工作者, S&T workers) of DOMAIN.md §2: who they are, their
// professional title and discipline, the enterprise that employs them, and the
// continuing-education (继续教育, A5) records and yearly status the registry
// keeps for them. Plain values; the `Registry` (registry.hpp) stores them.
#ifndef KEXIE_PERSON_HPP
#define KEXIE_PERSON_HPP

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "kexie/date.hpp"
#include "kexie/enum_names.hpp"
#include "kexie/export.hpp"
#include "kexie/ids.hpp"

namespace kexie {
inline namespace v1 {

/// Professional title (专业技术职务), lowest first, so titles compare by rank.
///
///   assert(kexie::Title::senior > kexie::Title::intermediate);
enum class Title : std::uint8_t {
  none,              ///< no professional title
  junior,            ///< 初级
  intermediate,      ///< 中级
  associate_senior,  ///< 副高级
  senior,            ///< 正高级
};

/// The names of `Title`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<Title> {
  static constexpr std::array<std::string_view, 5> names{"none", "junior", "intermediate",
                                                         "associate_senior", "senior"};
  static constexpr bool listed(Title v) noexcept {
    switch (v) {
      case Title::none:
      case Title::junior:
      case Title::intermediate:
      case Title::associate_senior:
      case Title::senior:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<Title>());

/// "none", "junior", "intermediate", "associate_senior", "senior".
/// \param title the value to name
/// \return its stable English name, as `EnumNames<Title>` spells it
[[nodiscard]] KEXIE_API std::string_view to_string(Title title) noexcept;

/// What `Registry::add_person` needs. `employer` is the enterprise association
/// (or the proxy acting for an enterprise without one) of the enterprise that
/// employs the person; `external_key` (an employee number) must be unique
/// within that employer.
///
///   kexie::PersonSpec spec{.name = "李娜", .birth = "1992-07-01"_date, .employer = baosteel,
///                          .external_key = "E-0042", .title = kexie::Title::intermediate,
///                          .discipline = "metallurgy"};
struct PersonSpec {
  /// The person's name.
  std::string name;
  /// Birth date; decides who is young (A9).
  Date birth;
  /// The enterprise association (or proxy) of the employing enterprise.
  OrgId employer;
  /// A key unique within the employer, e.g. the employee number; may be empty
  /// (then it is not checked for uniqueness).
  std::string external_key;
  /// Professional title.
  Title title = Title::none;
  /// Discipline (学科), free text such as "mechanical engineering".
  std::string discipline;
};

/// A person as the registry keeps them.
///
///   kexie::Person p = registry.person(id).value();
///   std::cout << p.name << ", " << kexie::to_string(p.title) << ", born " << p.birth;
struct Person {
  /// Identifier.
  PersonId id;
  /// Name.
  std::string name;
  /// Birth date.
  Date birth;
  /// Employer enterprise association (or proxy).
  OrgId employer;
  /// Key within the employer.
  std::string external_key;
  /// Professional title.
  Title title = Title::none;
  /// Discipline.
  std::string discipline;
  /// Equal when every field is equal.
  friend bool operator==(const Person&, const Person&) = default;
};

/// The two kinds of continuing-education subject (A5).
enum class TrainingKind : std::uint8_t {
  professional,  ///< 专业科目
  general,       ///< 公需科目
};

/// The names of `TrainingKind`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<TrainingKind> {
  static constexpr std::array<std::string_view, 2> names{"professional", "general"};
  static constexpr bool listed(TrainingKind v) noexcept {
    switch (v) {
      case TrainingKind::professional:
      case TrainingKind::general:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<TrainingKind>());

/// "professional" or "general".
/// \param kind the value to name
/// \return its stable English name, as `EnumNames<TrainingKind>` spells it
[[nodiscard]] KEXIE_API std::string_view to_string(TrainingKind kind) noexcept;

/// One continuing-education record: whole class hours (学时) of one kind on a date.
///
///   kexie::TrainingId t = registry.add_training(person, 24, kexie::TrainingKind::professional,
///                                               "2025-03-15"_date).value();
struct TrainingRecord {
  /// Identifier.
  TrainingId id;
  /// Who attended.
  PersonId person;
  /// Whole class hours, at least 1.
  int hours = 0;
  /// Professional or general.
  TrainingKind kind = TrainingKind::professional;
  /// The day the hours count for (their calendar year is the year they count in).
  Date date;
  /// Equal when every field is equal.
  friend bool operator==(const TrainingRecord&, const TrainingRecord&) = default;
};

/// A person's continuing education over one calendar year, measured against
/// the `Policy` (default: at least 90 hours, at least 2/3 of them professional).
///
///   auto s = registry.continuing_education_status(person, 2025).value();
///   if (!s.compliant) std::cout << "needs " << s.shortfall << " more professional hours";
struct EducationStatus {
  /// The calendar year.
  int year = 0;
  /// All hours in the year.
  int hours = 0;
  /// Professional hours in the year.
  int professional_hours = 0;
  /// True when hours ≥ the minimum and professional hours ≥ the share of all hours.
  bool compliant = false;
  /// The fewest further hours (all professional) that would make the year compliant; 0 when
  /// compliant.
  int shortfall = 0;
  /// Equal when every field is equal.
  friend bool operator==(const EducationStatus&, const EducationStatus&) = default;
};

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_PERSON_HPP
