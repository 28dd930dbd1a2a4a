// Marks given to a campaign piece by piece, recorded all or nothing: the seam the
// streaming CSV import (src/table_marks.cpp) feeds while it reads a file, so no batch
// of the whole file is ever materialised. Internal: never included by a public header.
#ifndef KEXIE_SRC_CAMPAIGN_MARKING_HPP
#define KEXIE_SRC_CAMPAIGN_MARKING_HPP

#include <cstddef>
#include <memory>
#include <span>
#include <string_view>

#include "kexie/campaign.hpp"

namespace kexie {
inline namespace v1 {
namespace detail {

/// One batch of marks for `campaign`, given in pieces: each piece gets every check of
/// `Campaign::mark_all` (phase, scale, step, assignment, conflicts once per (judge,
/// entry), uniqueness across the pieces) as it is added; `commit` records them all.
/// A refusal, or the stream's end without a commit, leaves the campaign unchanged.
/// Positions in refusals count from the start of the piece refused. The campaign must
/// not be used otherwise while the stream lives.
///
///   detail::MarkStream stream(campaign);
///   for (auto piece : pieces)
///     if (Status st = stream.add(piece); !st) return st;   // nothing recorded
///   return stream.commit();
class MarkStream {
 public:
  explicit MarkStream(Campaign& campaign);
  ~MarkStream();
  MarkStream(const MarkStream&) = delete;
  MarkStream& operator=(const MarkStream&) = delete;

  /// Checks and holds `marks`; a refusal ends the stream (`*failed`: the position in
  /// `marks`).
  [[nodiscard]] Status add(std::span<const IndexedMark> marks, std::size_t* failed = nullptr);
  /// The entry whose application number is `code`, and its category; false when there
  /// is none (cheaper than `Campaign::find_entry` and `Campaign::entry`: no copy).
  [[nodiscard]] bool find_entry(std::string_view code, EntryId& id, Category& category) const;
  /// Records every mark added, or refuses (a repeat within the batch, the phase).
  [[nodiscard]] Status commit(std::size_t* failed = nullptr);

 private:
  struct Session;
  std::unique_ptr<Session> session_;
};

}  // namespace detail
}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_SRC_CAMPAIGN_MARKING_HPP
