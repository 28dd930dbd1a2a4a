// The honours' view of a campaign's entries (campaign_honours.hpp): per entry its
// unit and team, per unit its entries, distinct team members and energy saved,
// appended as entries are recorded.
#include "campaign_honours.hpp"

#include <algorithm>
#include <utility>

namespace kexie {
inline namespace v1 {
namespace detail {
namespace {

template <class V>
void room(V& v, std::size_t n = 1) {
  if (v.capacity() - v.size() < n) v.reserve(std::max(v.size() + n, 2 * v.capacity()));
}

}  // namespace

// ---- FlatIndex ------------------------------------------------------------------------------

std::size_t FlatIndex::slot(std::uint64_t key) const noexcept {
  // Fibonacci hashing; the table's size is a power of two.
  const std::size_t mask = keys_.size() - 1;
  return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> 32) & mask;
}

void FlatIndex::reserve(std::size_t n) {
  if (n * 2 <= keys_.size()) return;  // at most half full
  std::size_t size = std::max<std::size_t>(16, keys_.size());
  while (size < n * 2) size *= 2;
  FlatIndex grown;
  grown.keys_.assign(size, 0);
  grown.values_.assign(size, 0);
  for (std::size_t i = 0; i < keys_.size(); ++i) {
    if (keys_[i] != 0) grown.insert(keys_[i], values_[i]);
  }
  *this = std::move(grown);
}

const std::uint32_t* FlatIndex::find(std::uint64_t key) const noexcept {
  if (keys_.empty()) return nullptr;
  const std::size_t mask = keys_.size() - 1;
  for (std::size_t i = slot(key);; i = (i + 1) & mask) {
    if (keys_[i] == key) return &values_[i];
    if (keys_[i] == 0) return nullptr;
  }
}

bool FlatIndex::insert(std::uint64_t key, std::uint32_t value) noexcept {
  const std::size_t mask = keys_.size() - 1;
  for (std::size_t i = slot(key);; i = (i + 1) & mask) {
    if (keys_[i] == key) return false;
    if (keys_[i] == 0) {
      keys_[i] = key;
      values_[i] = value;
      ++size_;
      return true;
    }
  }
}

// ---- HonoursIndex ---------------------------------------------------------------------------

void HonoursIndex::make_room(OrgId enterprise, const std::vector<TeamShare>& team) {
  const std::size_t members = team.size();
  if (team_begin.empty()) team_begin.push_back(0);
  room(unit_of);
  room(team_begin);
  room(seats, members);
  if (unit_index.find(enterprise.value()) == nullptr) {
    room(units);
    unit_index.reserve(unit_index.size() + 1);
  }
  room(people, members);
  room(first_unit, members);
  person_index.reserve(person_index.size() + members);
  other_units.reserve(other_units.size() + members);
}

void HonoursIndex::record(OrgId enterprise, const std::vector<TeamShare>& team,
                          const Decimal& tce) noexcept {
  const auto unit = static_cast<std::uint32_t>(units.size());
  if (unit_index.insert(enterprise.value(), unit)) {
    units.push_back({});
    units.back().org = enterprise.value();
  }
  const std::uint32_t u = *unit_index.find(enterprise.value());
  HonoursUnit& rec = units[u];
  ++rec.entries;
  rec.tce.add(tce);
  for (const TeamShare& t : team) {
    const auto fresh = static_cast<std::uint32_t>(people.size());
    std::uint32_t p = fresh;
    if (person_index.insert(t.person.value(), fresh)) {
      people.push_back(t.person.value());
      first_unit.push_back(u);
      ++rec.people;
    } else {
      p = *person_index.find(t.person.value());
      if (first_unit[p] != u &&
          other_units.insert((static_cast<std::uint64_t>(u) + 1) << 32 | p, 0)) {
        ++rec.people;
      }
    }
    seats.push_back({t.share.coefficient(), p, static_cast<std::uint8_t>(t.share.scale())});
  }
  unit_of.push_back(u);
  team_begin.push_back(static_cast<std::uint32_t>(seats.size()));
}

}  // namespace detail
}  // namespace v1
}  // namespace kexie
