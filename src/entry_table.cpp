// The result table's rows, made from its columns on access (entry_table.hpp).
#include "kexie/entry_table.hpp"

#include <algorithm>

#include "detail/code_text.hpp"
#include "kexie/rubric.hpp"

namespace kexie {
inline namespace v1 {

namespace {

// The value of a sparse column at `row`, or nothing.
template <class T>
std::optional<T> sparse_at(const std::vector<std::pair<std::uint32_t, T>>& column,
                           std::uint32_t row) {
  const auto it = std::lower_bound(
      column.begin(), column.end(), row,
      [](const std::pair<std::uint32_t, T>& x, std::uint32_t r) { return x.first < r; });
  if (it == column.end() || it->first != row) return std::nullopt;
  return it->second;
}

Decimal at_total_scale(std::int64_t coefficient) {
  return Decimal::unchecked(coefficient, Rubric::kTotalScale);
}

}  // namespace

EntryResult EntryTable::row(std::uint32_t row) const {
  EntryResult r;
  r.entry = EntryId{row + 1};
  r.code = std::string(code(r.entry));
  const auto& [unit, enterprise] = orgs_[org_[row]];
  r.unit = OrgId{unit};
  r.enterprise = OrgId{enterprise};
  r.category = category_[row];
  r.status = status_[row];
  const std::int64_t total = total_[row], judged = judged_[row], objective = objective_[row];
  r.total = at_total_scale(total);
  r.judged_part = at_total_scale(judged);
  r.objective_part = at_total_scale(objective);
  r.bonus = at_total_scale(total - judged - objective);
  const std::uint32_t place = place_[row];
  r.rank = rank_[place];
  if (r.status != EntryStatus::incomplete) {
    r.position = place - group_first_[static_cast<std::size_t>(r.category)] + 1;
  }
  if (tier_[row] != 0) {
    r.tier = static_cast<std::uint32_t>(tier_[row] - 1);
    r.award = tier_names_[*r.tier];
  }
  r.cites_link = sparse_at(cites_link_, row);
  r.cites_activity = sparse_at(cites_activity_, row);
  if (prize_rule_[static_cast<std::size_t>(r.category)]) {
    const std::optional<std::optional<Decimal>> prize = sparse_at(prize_, row);
    r.prize = prize ? *prize : Decimal::unchecked(0, 2);
  }
  return r;
}

EntryResult EntryTable::operator[](std::size_t place) const { return row(order_[place]); }

std::optional<EntryResult> EntryTable::find(EntryId entry) const {
  if (!entry.ok() || entry.value() > total_.size()) return std::nullopt;
  return row(entry.value() - 1);
}

std::string_view EntryTable::code(EntryId entry) const noexcept {
  if (!entry.ok() || entry.value() > code_at_.size()) return "";
  return detail::code_in(codes_, code_at_, entry.value() - 1);
}

std::optional<std::uint32_t> EntryTable::tier(EntryId entry) const noexcept {
  if (!entry.ok() || entry.value() > tier_.size() || tier_[entry.value() - 1] == 0) {
    return std::nullopt;
  }
  return static_cast<std::uint32_t>(tier_[entry.value() - 1] - 1);
}

std::string_view EntryTable::award(EntryId entry) const noexcept {
  if (!entry.ok() || entry.value() > tier_.size()) return "";
  const std::uint16_t t = tier_[entry.value() - 1];
  if (t == 0) return "";
  return tier_names_[t - 1];
}

std::size_t EntryTable::owned_bytes() const noexcept {
  const auto bytes = [](const auto& v) { return v.capacity() * sizeof(v[0]); };
  const auto heap = [](const std::string& text) {
    return text.capacity() > std::string().capacity() ? text.capacity() + 1 : 0;
  };
  std::size_t n = bytes(total_) + bytes(judged_) + bytes(objective_) + bytes(rank_) +
                  bytes(place_) + bytes(org_) + bytes(orgs_) + bytes(status_) + bytes(category_) +
                  bytes(tier_) + bytes(code_at_) + heap(codes_) + bytes(order_) +
                  bytes(tier_names_) + bytes(cites_link_) + bytes(cites_activity_) + bytes(prize_);
  for (const std::string& name : tier_names_) n += heap(name);
  return n;
}

}  // namespace v1
}  // namespace kexie
