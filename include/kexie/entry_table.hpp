// The result table of a scored campaign (Scoreboard::entries): one row per entry,
// kept as columns and read as EntryResult values made on access.
#ifndef KEXIE_ENTRY_TABLE_HPP
#define KEXIE_ENTRY_TABLE_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kexie/decimal.hpp"
#include "kexie/entry.hpp"
#include "kexie/enum_names.hpp"
#include "kexie/export.hpp"
#include "kexie/ids.hpp"

namespace kexie {
inline namespace v1 {

class Campaign;

/// Why an entry has no rank.
enum class EntryStatus : std::uint8_t {
  ranked,      ///< scored and ranked
  incomplete,  ///< a judged indicator has fewer marks than PanelRules::min_judges
  vetoed,      ///< scored, but excluded from awards by vetoes (一票否决)
};

/// The names of `EntryStatus`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<EntryStatus> {
  static constexpr std::array<std::string_view, 3> names{"ranked", "incomplete", "vetoed"};
  static constexpr bool listed(EntryStatus v) noexcept {
    switch (v) {
      case EntryStatus::ranked:
      case EntryStatus::incomplete:
      case EntryStatus::vetoed:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<EntryStatus>());

/// "ranked", "incomplete", "vetoed".
/// \param status the enumerator to name
/// \return its name as `EnumNames<EntryStatus>` spells it, a static string;
/// "unknown" outside the enumeration
[[nodiscard]] KEXIE_API std::string_view to_string(EntryStatus status) noexcept;

/// The outcome for one entry.
struct EntryResult {
  EntryId entry;     ///< which entry
  std::string code;  ///< its application number
  OrgId unit;        ///< its submitting unit
  OrgId enterprise;  ///< the enterprise association the unit belongs to
  Category category = Category::rationalization_proposals;  ///< its category
  EntryStatus status = EntryStatus::ranked;                 ///< ranked, incomplete or vetoed
  Decimal total;                             ///< exact total, Rubric::kTotalScale places
  Decimal judged_part;                       ///< the judged indicators' share of the total
  Decimal objective_part;                    ///< the objective indicators' share of the total
  Decimal bonus;                             ///< bonus points added (capped)
  std::uint32_t rank = 0;                    ///< competition rank in its group (0 when not ranked)
  std::uint32_t position = 0;                ///< place after tie-breaks in its group, from 1
  std::optional<std::uint32_t> tier;         ///< index into AwardScheme::tiers, when awarded
  std::string award;                         ///< the tier's name, or empty
  std::optional<LinkId> cites_link;          ///< the cited 厂会协作 link, checked (A11)
  std::optional<ActivityId> cites_activity;  ///< the cited 金桥工程 activity, checked (A11)
  /// The prize the entry earns under its rubric's PrizeRule, yuan at 2 places (0.00 for
  /// an entry that earns none); empty when the rubric has no prize rule. Never part of
  /// the total, rank or tier.
  std::optional<Decimal> prize;
};

/// Every entry's result, as `Campaign::score` listed it: by ranking group, then
/// position, then the unranked entries by code. A read-only view over columns the
/// table owns (a few bytes per entry: exact totals and parts as integers, ranks,
/// organizations, one buffer of codes); each element is an `EntryResult` value made
/// when it is read, so keep the value, not a reference into the table. `find` is
/// O(1). Only `Campaign::score` fills a table; a default one is empty.
///
///   for (const kexie::EntryResult& r : board.entries) std::cout << r.code << '\n';
///   std::optional<kexie::EntryResult> first = board.entries.find(e);
class KEXIE_API EntryTable {
 public:
  /// A random-access iterator over the listing; dereferencing makes an `EntryResult`
  /// value (a C++20 random-access iterator whose reference is the value itself). Its
  /// legacy category is random access too, as std::vector<bool>'s iterator, whose
  /// reference is also a value: `std::prev`, `std::advance` and `std::distance` move
  /// it in O(1), backwards as well (with an input category `std::prev(end())` would
  /// step forwards without end).
  ///
  ///   auto it = board.entries.begin();
  ///   kexie::EntryResult second = it[1];
  class const_iterator {
   public:
    using iterator_concept = std::random_access_iterator_tag;   ///< C++20 category
    using iterator_category = std::random_access_iterator_tag;  ///< legacy category
    using value_type = EntryResult;                             ///< what it yields
    using difference_type = std::ptrdiff_t;                     ///< distance type
    using reference = EntryResult;                              ///< made on access
    /// What `->` returns: the value, held.
    struct pointer {
      EntryResult value;  ///< the element read
      /// \return the held value
      const EntryResult* operator->() const noexcept { return &value; }
    };
    /// A singular iterator.
    const_iterator() noexcept = default;
    /// \return the row at the current listing place
    EntryResult operator*() const { return (*table_)[place_]; }
    /// \return the row at the current place, for `it->field`
    pointer operator->() const { return {**this}; }
    /// \param k places forward
    /// \return the row `k` places further
    EntryResult operator[](difference_type k) const { return (*table_)[place(k)]; }
    /// \return this iterator, one place further
    const_iterator& operator++() noexcept {
      ++place_;
      return *this;
    }
    /// \return a copy before the step
    const_iterator operator++(int) noexcept {
      const_iterator t = *this;
      ++place_;
      return t;
    }
    /// \return this iterator, one place back
    const_iterator& operator--() noexcept {
      --place_;
      return *this;
    }
    /// \return a copy before the step
    const_iterator operator--(int) noexcept {
      const_iterator t = *this;
      --place_;
      return t;
    }
    /// \param k places to move
    /// \return this iterator, moved
    const_iterator& operator+=(difference_type k) noexcept {
      place_ = place(k);
      return *this;
    }
    /// \param k places to move back
    /// \return this iterator, moved
    const_iterator& operator-=(difference_type k) noexcept {
      place_ = place(-k);
      return *this;
    }
    /// \param it an iterator
    /// \param k places to move
    /// \return `it` moved `k` places
    friend const_iterator operator+(const_iterator it, difference_type k) noexcept {
      return it += k;
    }
    /// \param k places to move
    /// \param it an iterator
    /// \return `it` moved `k` places
    friend const_iterator operator+(difference_type k, const_iterator it) noexcept {
      return it += k;
    }
    /// \param it an iterator
    /// \param k places to move back
    /// \return `it` moved back `k` places
    friend const_iterator operator-(const_iterator it, difference_type k) noexcept {
      return it -= k;
    }
    /// \param a an iterator
    /// \param b an iterator over the same table
    /// \return the places from `b` to `a`
    friend difference_type operator-(const const_iterator& a, const const_iterator& b) noexcept {
      return static_cast<difference_type>(a.place_) - static_cast<difference_type>(b.place_);
    }
    /// \param a an iterator
    /// \param b an iterator over the same table
    /// \return true at the same place
    friend bool operator==(const const_iterator& a, const const_iterator& b) noexcept {
      return a.place_ == b.place_;
    }
    /// \param a an iterator
    /// \param b an iterator over the same table
    /// \return the order of their places
    friend auto operator<=>(const const_iterator& a, const const_iterator& b) noexcept {
      return a.place_ <=> b.place_;
    }

   private:
    friend class EntryTable;
    const_iterator(const EntryTable* table, std::size_t place) noexcept
        : table_(table), place_(place) {}
    [[nodiscard]] std::size_t place(difference_type k) const noexcept {
      return static_cast<std::size_t>(static_cast<difference_type>(place_) + k);
    }
    const EntryTable* table_ = nullptr;
    std::size_t place_ = 0;
  };

  /// Entries in the table.
  /// \return the number of rows
  ///
  ///   std::size_t n = board.entries.size();
  [[nodiscard]] std::size_t size() const noexcept { return order_.size(); }
  /// True for a table without rows (a default scoreboard, or a campaign without entries).
  /// \return size() == 0
  ///
  ///   if (board.entries.empty()) std::cout << "nothing scored\n";
  [[nodiscard]] bool empty() const noexcept { return order_.empty(); }
  /// The row at listing place `place` (0 is the best of the first group).
  /// \param place 0 ≤ place < size() (unchecked, like std::vector's)
  /// \return the entry's result, made from the columns
  ///
  ///   kexie::EntryResult best = board.entries[0];
  [[nodiscard]] EntryResult operator[](std::size_t place) const;
  /// The first row of the listing.
  /// \return `(*this)[0]`; the table must not be empty
  ///
  ///   kexie::EntryResult best = board.entries.front();
  [[nodiscard]] EntryResult front() const { return (*this)[0]; }
  /// The last row of the listing.
  /// \return `(*this)[size() - 1]`; the table must not be empty
  ///
  ///   kexie::EntryResult last = board.entries.back();
  [[nodiscard]] EntryResult back() const { return (*this)[size() - 1]; }
  /// The start of the listing.
  /// \return an iterator at place 0
  ///
  ///   kexie::EntryResult best = *board.entries.begin();
  [[nodiscard]] const_iterator begin() const noexcept { return {this, 0}; }
  /// The end of the listing.
  /// \return an iterator one past the last place
  ///
  ///   std::size_t n = static_cast<std::size_t>(board.entries.end() - board.entries.begin());
  [[nodiscard]] const_iterator end() const noexcept { return {this, size()}; }
  /// The result of `entry`, in O(1).
  /// \param entry an entry of the campaign that scored
  /// \return its result; empty when the entry is not in the table
  ///
  ///   if (auto r = board.entries.find(e)) std::cout << r->total << '\n';
  [[nodiscard]] std::optional<EntryResult> find(EntryId entry) const;
  /// The entry at listing place `place`, without making its row.
  /// \param place 0 ≤ place < size() (unchecked)
  /// \return the entry's id
  ///
  ///   kexie::EntryId best = board.entries.entry(0);
  [[nodiscard]] EntryId entry(std::size_t place) const noexcept {
    return EntryId{order_[place] + 1};
  }
  /// The application number of `entry`, without copying it.
  /// \param entry an entry of the campaign that scored
  /// \return the code, stored with a NUL after it (`data()` is a C string) for as long
  /// as the table is neither changed nor destroyed; an empty C string when the entry
  /// is not in the table
  ///
  ///   std::string_view code = board.entries.code(board.entries.entry(0));
  [[nodiscard]] std::string_view code(EntryId entry) const noexcept;
  /// The tier `entry` was awarded, without making its row.
  /// \param entry an entry of the campaign that scored
  /// \return its index into AwardScheme::tiers; empty when the entry got no tier or
  /// is not in the table
  ///
  ///   if (board.entries.tier(e)) std::cout << "awarded\n";
  [[nodiscard]] std::optional<std::uint32_t> tier(EntryId entry) const noexcept;
  /// The name of the tier `entry` was awarded, without copying it.
  /// \param entry an entry of the campaign that scored
  /// \return the tier's name (NUL-terminated, like `code`), or an empty string when
  /// the entry got no tier or is not in the table
  ///
  ///   std::string_view award = board.entries.award(e);
  [[nodiscard]] std::string_view award(EntryId entry) const noexcept;
  /// The heap memory the table holds (the capacity of every column), in bytes.
  /// \return the bytes owned, beyond `sizeof(EntryTable)`
  ///
  ///   double per_entry = double(board.entries.owned_bytes()) / double(board.entries.size());
  [[nodiscard]] std::size_t owned_bytes() const noexcept;

 private:
  friend class Campaign;                                 // Campaign::score fills the columns
  [[nodiscard]] EntryResult row(std::uint32_t r) const;  // row r (entry r + 1) as a value
  // Columns by row; row r is entry r + 1 (EntryId r + 1).
  std::vector<std::int64_t> total_, judged_, objective_;  // Rubric::kTotalScale places
  std::vector<std::uint32_t> place_;  // row → listing place (order_'s inverse)
  std::vector<std::uint32_t> rank_;   // by listing place
  std::vector<std::uint32_t> org_;    // index into orgs_
  std::vector<std::pair<std::uint32_t, std::uint32_t>> orgs_;  // (unit, enterprise), distinct
  std::vector<EntryStatus> status_;
  std::vector<Category> category_;
  std::vector<std::uint16_t> tier_;      // 0: none; t + 1: AwardScheme::tiers[t]
  std::vector<std::uint32_t> code_at_;   // row r's code starts at codes_[code_at_[r]]
  std::string codes_;                    // every code followed by a NUL, by row
  std::vector<std::uint32_t> order_;     // listing place → row
  std::vector<std::string> tier_names_;  // AwardScheme::tiers' names
  // Sparse, by row: rows with a citation, and the prizes of rows whose rubric has a
  // prize rule, unless the prize is 0.00 (such a row without an entry here has 0.00).
  std::vector<std::pair<std::uint32_t, LinkId>> cites_link_;
  std::vector<std::pair<std::uint32_t, ActivityId>> cites_activity_;
  std::vector<std::pair<std::uint32_t, std::optional<Decimal>>> prize_;
  std::array<bool, kCategoryCount> prize_rule_{};  // category c's rubric has a prize rule
  // The first listing place of category c's ranking group: a ranked or vetoed row's
  // position is its place − this + 1 (an incomplete row has none).
  std::array<std::uint32_t, kCategoryCount> group_first_{};
  // The campaign that filled the columns that never change once an entry is added
  // (code_at_, codes_, org_, orgs_, category_, cites_link_, cites_activity_) and for how
  // many rows: its serial (0: none) and the row count, so that campaign scoring the
  // board again copies only the rows added since.
  std::uint64_t fixed_by_ = 0;
  std::size_t fixed_rows_ = 0;
};

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_ENTRY_TABLE_HPP
