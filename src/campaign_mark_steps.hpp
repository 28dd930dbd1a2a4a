// The marks a byte a cell, for the scoring pass (issue 17): each cell's step on its
// column's scale, (mark − min) ÷ step, beside CampaignImpl::marks (which stays the
// record: explanations, snapshots and every check read it). A campaign whose columns
// have at most 255 steps each (0–100 in steps of 0.5 has 201) is scored from these
// bytes, a quarter of the marks' four, with the same integers (detail/score_kernel).
//
// The bytes follow the marks lazily: a change of the marks (a batch recorded, an
// entry added, a judge seated) flags its blocks of cells stale, and the next scoring
// call encodes the stale blocks again before it reads them, under a lock, so
// concurrent const calls stay safe. A mark the byte cannot hold (off its column's
// scale or step, which the marks' checks never let in) is encoded as no mark: its
// entry then takes the exact path that reads the marks. Internal.
#ifndef KEXIE_SRC_CAMPAIGN_MARK_STEPS_HPP
#define KEXIE_SRC_CAMPAIGN_MARK_STEPS_HPP

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <vector>

#include "kexie/threads.hpp"

namespace kexie {
inline namespace v1 {
namespace detail {

struct CampaignImpl;
struct CategoryState;

/// True when the scoring pass reads the steps of `cat`'s entries, so they are encoded:
/// every column has at most 255 steps (0–254; 255 is kNoStep), and an entry of `width`
/// slots is small enough to batch (kMaxBatchCells); false without a rubric.
///
///   if (steps_fit(s.categories[c], s.width())) { /* scored from the steps */ }
[[nodiscard]] bool steps_fit(const CategoryState& cat, std::size_t width) noexcept;

/// The marks as steps, kept beside a campaign's marks (one per campaign).
/// Not copyable; thread-safe for concurrent `bytes` calls, while the campaign's
/// mutations (which call `make_room` and `changed`) are not concurrent with them —
/// the campaign's own rule for const and non-const calls.
class MarkSteps {
 public:
  /// Cells in one block: the unit of staleness.
  static constexpr std::size_t kBlockCells = 4096;
  /// Bytes after the last cell, so a kernel may read 8 bytes from any cell.
  static constexpr std::size_t kPadding = 32;

  MarkSteps() = default;
  MarkSteps(const MarkSteps&) = delete;
  MarkSteps& operator=(const MarkSteps&) = delete;

  /// Room for the staleness of `cells` cells in all, so that `changed` on them cannot
  /// throw (a mutation makes room before it changes anything).
  ///
  ///   steps.make_room(s.marks.size() + cells);
  void make_room(std::size_t cells);

  /// Cells [first, first + count) of the marks changed (after `make_room` for them):
  /// their blocks are encoded again by the next `bytes`. Never throws.
  ///
  ///   steps.changed(offset, cells);
  void changed(std::size_t first, std::size_t count) noexcept;

  /// The steps of every cell of `s.marks`, cell c at `[c]`, encoded again where they
  /// were stale (on up to `threads` threads), followed by kPadding bytes. Valid until
  /// the campaign's next mutation.
  ///
  ///   const std::uint8_t* steps = s.steps.bytes(s, threads);
  [[nodiscard]] const std::uint8_t* bytes(const CampaignImpl& s, Threads threads) const;

 private:
  mutable std::mutex mutex_;
  mutable std::vector<std::uint8_t> bytes_;  // a step a cell, then kPadding
  mutable std::vector<std::uint8_t> stale_;  // a flag a block of kBlockCells cells
  mutable bool all_stale_ = false;           // a change found no room for its flags
};

}  // namespace detail
}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_SRC_CAMPAIGN_MARK_STEPS_HPP
