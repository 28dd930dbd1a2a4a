// Strong identifier types. Every entity kexie keeps (organizations, people,
// activities, entries, judges, …) is named by an `Id<Tag>`: a
// 32-bit number that is ordered, hashable and printable, but never converts
// into a bare integer or into the identifier of another kind of entity, so
// passing a PersonId where an OrgId is expected does not compile.
#ifndef KEXIE_IDS_HPP
#define KEXIE_IDS_HPP

#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>

namespace kexie {
inline namespace v1 {

/// An identifier of the entity kind `Tag`. The value 0 means "no entity";
/// registries hand out identifiers from 1 upward, densely, in creation order.
///
///   kexie::OrgId org{12};
///   assert(org.ok() && org.value() == 12);
///   std::cout << org;                     // prints "org:12"
///   // kexie::PersonId p = org;           // does not compile
template <class Tag>
class Id {
 public:
  /// The raw number's type: 32 bits, as in snapshots and the C API.
  using rep = std::uint32_t;

  /// The "no entity" identifier; `ok()` is false.
  constexpr Id() noexcept = default;
  /// Wraps a raw number, e.g. one read back from a database column.
  /// \param value the number a registry handed out (from 1); 0 makes the "no entity" id
  constexpr explicit Id(rep value) noexcept : value_(value) {}

  /// The raw number, for storage and for the C API.
  /// \return the number, 0 for the "no entity" id
  [[nodiscard]] constexpr rep value() const noexcept { return value_; }
  /// True for every identifier but the default-constructed one.
  /// \return `value() != 0` (says nothing about whether a registry holds the entity)
  [[nodiscard]] constexpr bool ok() const noexcept { return value_ != 0; }

  /// The short word printed before the number ("org", "person", …).
  /// \return the kind's prefix, a static string
  [[nodiscard]] static constexpr std::string_view prefix() noexcept { return Tag::prefix; }

  /// Equal when the numbers are equal.
  friend constexpr bool operator==(Id, Id) noexcept = default;
  /// Ordered by number, which is creation order.
  friend constexpr std::strong_ordering operator<=>(Id, Id) noexcept = default;

 private:
  rep value_ = 0;
};

/// "org:12": the prefix, a colon, the number.
/// \param id the id
/// \return the tag's prefix, a colon and the number, e.g. "person:7"
template <class Tag>
[[nodiscard]] std::string to_string(Id<Tag> id) {
  std::string out(Tag::prefix);
  out += ':';
  out += std::to_string(id.value());
  return out;
}

/// Streams `to_string(id)`.
/// \param os the stream
/// \param id the id
/// \return os
template <class Tag>
std::ostream& operator<<(std::ostream& os, Id<Tag> id) {
  return os << Tag::prefix << ':' << id.value();
}

namespace detail {
struct OrgTag {
  static constexpr std::string_view prefix = "org";
};
struct PersonTag {
  static constexpr std::string_view prefix = "person";
};
struct MembershipTag {
  static constexpr std::string_view prefix = "membership";
};
struct ExpertTag {
  static constexpr std::string_view prefix = "expert";
};
struct LinkTag {
  static constexpr std::string_view prefix = "link";
};
struct TrainingTag {
  static constexpr std::string_view prefix = "training";
};
struct ActivityTag {
  static constexpr std::string_view prefix = "activity";
};
struct EntryTag {
  static constexpr std::string_view prefix = "entry";
};
struct JudgeTag {
  static constexpr std::string_view prefix = "judge";
};
struct AppointmentTag {
  static constexpr std::string_view prefix = "appointment";
};
struct HonourTag {
  static constexpr std::string_view prefix = "honour";
};
}  // namespace detail

/// An organization: CAST, a local association, a society, an enterprise association, …
using OrgId = Id<detail::OrgTag>;
/// A person: an S&T worker (科技工作者).
using PersonId = Id<detail::PersonTag>;
/// One membership of a person in an organization over an interval.
using MembershipId = Id<detail::MembershipTag>;
/// One listing of a person in an organization's expert pool (专家库).
using ExpertId = Id<detail::ExpertTag>;
/// A cooperation link (产学研 or 厂会协作) between two organizations.
using LinkId = Id<detail::LinkTag>;
/// One continuing-education (继续教育) training record.
using TrainingId = Id<detail::TrainingTag>;
/// An activity (活动) with its lifecycle.
using ActivityId = Id<detail::ActivityTag>;
/// A contribution entry (参评项目) in a campaign.
using EntryId = Id<detail::EntryTag>;
/// A judge on a campaign's panel.
using JudgeId = Id<detail::JudgeTag>;
/// One appointment of an officer (a person in an office of an association) over a period.
using AppointmentId = Id<detail::AppointmentTag>;
/// One honour (表彰奖励) recorded in the registry.
using HonourId = Id<detail::HonourTag>;

}  // namespace v1
}  // namespace kexie

/// Identifiers hash by their number, so they key unordered containers directly.
template <class Tag>
struct std::hash<kexie::Id<Tag>> {
  /// The hash of the raw number.
  /// \param id the identifier to hash
  /// \return `std::hash<std::uint32_t>{}(id.value())`
  std::size_t operator()(kexie::Id<Tag> id) const noexcept {
    return std::hash<std::uint32_t>{}(id.value());
  }
};

#endif  // KEXIE_IDS_HPP
