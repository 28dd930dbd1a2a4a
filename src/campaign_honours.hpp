// What the advanced units (先进单位) and individuals (先进个人) read of a campaign's
// entries, kept beside them as they are recorded: per entry its unit and team in
// flat arrays, per unit its entries, distinct team members and energy saved. So
// Campaign::score tallies a million entries without visiting each EntryRecord or
// hashing a person per team member (issue 17). Internal to the campaign.
#ifndef KEXIE_SRC_CAMPAIGN_HONOURS_HPP
#define KEXIE_SRC_CAMPAIGN_HONOURS_HPP

#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include "detail/exact_sum.hpp"
#include "kexie/decimal.hpp"
#include "kexie/entry.hpp"
#include "kexie/ids.hpp"

namespace kexie {
inline namespace v1 {
namespace detail {

/// An open-addressing map from non-zero 64-bit keys to 32-bit values: `reserve`
/// makes every allocation, so an insert after it cannot fail.
///
///   FlatIndex ix;
///   ix.reserve(1);
///   ix.insert(42, 7);  // ix.find(42) now points at 7
class FlatIndex {
 public:
  /// Room for `n` keys in all (may throw std::bad_alloc; the index is unchanged then).
  void reserve(std::size_t n);
  /// The value of `key`, or null.
  [[nodiscard]] const std::uint32_t* find(std::uint64_t key) const noexcept;
  /// Inserts `key` → `value` when `key` is absent; true when it was. Needs room.
  bool insert(std::uint64_t key, std::uint32_t value) noexcept;
  /// Keys held.
  [[nodiscard]] std::size_t size() const noexcept { return size_; }

 private:
  [[nodiscard]] std::size_t slot(std::uint64_t key) const noexcept;
  std::vector<std::uint64_t> keys_;  // 0: empty
  std::vector<std::uint32_t> values_;
  std::size_t size_ = 0;
};

/// One team member of an entry: the campaign's own index of the person and the
/// share, as a coefficient and scale.
struct HonoursSeat {
  std::int64_t share = 0;    // the share's coefficient
  std::uint32_t person = 0;  // index into HonoursIndex::people
  std::uint8_t share_scale = 0;
};

/// A unit (enterprise association) with entries, in order of its first entry.
struct HonoursUnit {
  std::uint32_t org = 0;      // OrgId value
  std::uint32_t entries = 0;  // entries recorded
  std::uint32_t people = 0;   // distinct team members over its entries
  ExactSum tce;               // energy saved, tce, over its entries in entry order
};

struct HonoursScratch;  // campaign_advanced.cpp

/// The honours' view of a campaign's entries, appended to as entries are recorded
/// (entries are never removed or edited). `make_room` first, then `record`, which
/// cannot fail: CampaignImpl's commit keeps its strong guarantee.
///
///   s.honours.make_room(rec);  // may throw std::bad_alloc
///   ...                        // the other arrays' room
///   s.honours.record(rec.enterprise, rec.spec.team, tce);
struct HonoursIndex {
  std::vector<std::uint32_t> unit_of;     // per entry: index into units
  std::vector<std::uint32_t> team_begin;  // per entry + 1: first seat (team_begin[0] = 0)
  std::vector<HonoursSeat> seats;         // every entry's team, in entry and team order
  std::vector<HonoursUnit> units;         // in order of first entry
  std::vector<std::uint32_t> people;      // per person index: the PersonId value
  std::vector<std::uint32_t> first_unit;  // per person index: the unit of their first entry
  FlatIndex unit_index;                   // OrgId value → units index
  FlatIndex person_index;                 // PersonId value → person index
  FlatIndex other_units;                  // (unit + 1) << 32 | person index: a further unit

  /// Makes room for an entry of `enterprise` with `team` in every array.
  void make_room(OrgId enterprise, const std::vector<TeamShare>& team);
  /// Appends an entry (after make_room): its unit, team and energy saved `tce`.
  void record(OrgId enterprise, const std::vector<TeamShare>& team, const Decimal& tce) noexcept;

  // The scratch of advanced_honours, kept from call to call so a repeated score()
  // touches no fresh pages; taken with try_lock, so a concurrent const call uses its own.
  mutable std::mutex scratch_mutex;
  mutable std::shared_ptr<HonoursScratch> scratch;
};

}  // namespace detail
}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_SRC_CAMPAIGN_HONOURS_HPP
