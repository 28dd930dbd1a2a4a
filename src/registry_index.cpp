// The member index: the memberships in effect on one date, laid out so that a
// subtree of the organization tree is one contiguous range of rows with birth
// dates in a parallel array. Subtree counts are precomputed per organization
// (O(1) to read); filtered queries scan one range of plain arrays.
//
// Distinct people: row i stores `prev1`, one past the previous row of the same
// person in depth-first order (0 when none). A person's first row inside any
// contiguous range [lo, hi) is the one row with prev1 <= lo, so "each person
// once" needs no hash set.
#include <algorithm>
#include <cstdint>
#include <limits>
#include <memory>
#include <vector>

#include "registry_index.hpp"
#include "registry_state.hpp"

namespace kexie {
inline namespace v1 {
namespace detail {

std::int32_t young_cutoff(Date as_of, int max_age) noexcept {
  // age_on(birth, as_of) falls as birth rises, so binary-search the first birth
  // day that is young enough; this inherits age_on's 29 February rule exactly.
  std::int32_t lo = Date::min().days(), hi = Date::max().days();
  if (age_on(Date::from_days(lo), as_of) <= max_age) return lo;
  while (hi - lo > 1) {
    const std::int32_t mid = lo + (hi - lo) / 2;
    if (age_on(Date::from_days(mid), as_of) <= max_age)
      hi = mid;
    else
      lo = mid;
  }
  return hi;
}

std::vector<OrgId> depth_first(const State& s, OrgId root, Date as_of) {
  std::vector<OrgId> out;
  if (!s.in_effect(root, as_of)) return out;
  std::vector<OrgId> stack{root};
  while (!stack.empty()) {
    const OrgId x = stack.back();
    stack.pop_back();
    out.push_back(x);
    const auto& ch = s.org(x).children;
    // Push in reverse so children come out in id order.
    for (auto it = ch.rbegin(); it != ch.rend(); ++it)
      if (s.org(*it).period.contains(as_of) && s.parent_at(*it, as_of) == x) stack.push_back(*it);
  }
  return out;
}

namespace {

/// Rows of one kind (memberships or expert listings) bucketed by organization in
/// depth-first order and deduplicated per (person, organization).
struct Rows {
  std::vector<std::uint32_t> start;  // per DFS position: first row; size = orgs in tree + 1
  std::vector<std::uint64_t> keys;   // (person << 8) | role bits, sorted within a bucket
};

}  // namespace

std::shared_ptr<const MemberIndexData> build_member_index(const State& s, Date as_of) {
  auto data = std::make_shared<MemberIndexData>();
  MemberIndexData& x = *data;
  x.as_of = as_of;
  x.young_cutoff = young_cutoff(as_of, s.policy.young_age_max);
  x.discipline_codes = s.discipline_codes;

  const std::size_t n_orgs = s.orgs.size();
  const std::vector<OrgId> order =
      s.root.ok() ? depth_first(s, s.root, as_of) : std::vector<OrgId>{};
  constexpr std::uint32_t kOut = std::numeric_limits<std::uint32_t>::max();
  std::vector<std::uint32_t> pos(n_orgs, kOut);  // org index -> DFS position
  for (std::size_t k = 0; k < order.size(); ++k)
    pos[order[k].value() - 1] = static_cast<std::uint32_t>(k);
  // Parent position and subtree end (exclusive, in DFS positions).
  std::vector<std::uint32_t> parent_pos(order.size(), kOut), end_pos(order.size());
  for (std::size_t k = 0; k < order.size(); ++k) {
    const OrgId p = s.parent_at(order[k], as_of);
    if (p.ok()) parent_pos[k] = pos[p.value() - 1];
  }
  for (std::size_t k = order.size(); k-- > 0;) {
    end_pos[k] = std::max<std::uint32_t>(end_pos[k], static_cast<std::uint32_t>(k + 1));
    if (parent_pos[k] != kOut)
      end_pos[parent_pos[k]] = std::max(end_pos[parent_pos[k]], end_pos[k]);
  }

  // Bucket the memberships in effect by the DFS position of their organization.
  const std::int32_t day = as_of.days();
  std::vector<std::uint32_t> count(order.size() + 1, 0);
  const std::size_t n_m = s.m_person.size();
  for (std::size_t i = 0; i < n_m; ++i)
    if (s.m_first[i] <= day && day <= s.m_last[i]) {
      const std::uint32_t p = pos[s.m_org[i] - 1];
      if (p != kOut) ++count[p + 1];
    }
  for (std::size_t k = 1; k < count.size(); ++k) count[k] += count[k - 1];
  std::vector<std::uint64_t> keys(count.back());
  {
    std::vector<std::uint32_t> fill(count.begin(), count.end() - 1);
    for (std::size_t i = 0; i < n_m; ++i)
      if (s.m_first[i] <= day && day <= s.m_last[i]) {
        const std::uint32_t p = pos[s.m_org[i] - 1];
        if (p != kOut)
          keys[fill[p]++] =
              (static_cast<std::uint64_t>(s.m_person[i]) << 8) | role_bit(s.m_role[i]);
      }
  }
  // Deduplicate (person, org) within each bucket, merging roles, compacting in place.
  std::vector<std::uint32_t> start(order.size() + 1, 0);
  std::size_t out = 0;
  for (std::size_t k = 0; k < order.size(); ++k) {
    start[k] = static_cast<std::uint32_t>(out);
    const auto b = keys.begin() + count[k], e = keys.begin() + count[k + 1];
    std::sort(b, e);
    for (auto it = b; it != e; ++it) {
      if (out > start[k] && (keys[out - 1] >> 8) == (*it >> 8))
        keys[out - 1] |= (*it & 0xFF);
      else
        keys[out++] = *it;
    }
  }
  start[order.size()] = static_cast<std::uint32_t>(out);
  keys.resize(out);
  keys.shrink_to_fit();

  x.person.resize(out);
  x.org.resize(out);
  x.birth.resize(out);
  x.prev1.resize(out);
  x.roles.resize(out);
  x.title.resize(out);
  x.discipline.resize(out);
  std::vector<std::uint32_t> last(s.p_birth.size(), 0);
  for (std::size_t k = 0; k < order.size(); ++k)
    for (std::uint32_t r = start[k]; r < start[k + 1]; ++r) {
      const auto person = static_cast<std::uint32_t>(keys[r] >> 8);
      x.person[r] = person;
      x.org[r] = order[k].value();
      x.birth[r] = s.p_birth[person];
      x.roles[r] = static_cast<RoleSet>(keys[r] & 0xFF);
      x.title[r] = s.p_title[person];
      x.discipline[r] = s.p_discipline[person];
      x.prev1[r] = last[person];
      last[person] = r + 1;
    }
  keys = {};

  x.org_lo.assign(n_orgs, 0);
  x.org_hi.assign(n_orgs, 0);
  x.in_tree.assign(n_orgs, 0);
  x.rollups.assign(n_orgs, Rollup{});
  for (std::size_t k = 0; k < order.size(); ++k) {
    const std::uint32_t o = order[k].value() - 1;
    x.in_tree[o] = 1;
    x.org_lo[o] = start[k];
    x.org_hi[o] = start[end_pos[k]];
  }
  // Roll each row up to every ancestor whose range does not already hold the
  // person (prev1 <= lo); ranges widen going up, so stop at the first that does.
  for (std::size_t k = 0; k < order.size(); ++k)
    for (std::uint32_t r = start[k]; r < start[k + 1]; ++r) {
      const bool young = x.birth[r] >= x.young_cutoff;
      for (std::uint32_t a = static_cast<std::uint32_t>(k); a != kOut; a = parent_pos[a]) {
        const std::uint32_t o = order[a].value() - 1;
        if (x.prev1[r] > x.org_lo[o]) break;
        ++x.rollups[o].members;
        if (young) ++x.rollups[o].young;
      }
    }

  // Experts: the same technique over the listings in effect.
  {
    std::vector<std::vector<std::uint32_t>> by_pos(order.size());
    for (const ExpertListing& e : s.experts)
      if (e.period.contains(as_of)) {
        const std::uint32_t p = pos[e.org.value() - 1];
        if (p != kOut) by_pos[p].push_back(e.person.value() - 1);
      }
    std::vector<std::uint32_t> elo(order.size());
    std::fill(last.begin(), last.end(), 0);
    std::uint32_t row = 0;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> rows;  // (person, dfs pos)
    for (std::size_t k = 0; k < order.size(); ++k) {
      elo[k] = row;
      auto& v = by_pos[k];
      std::sort(v.begin(), v.end());
      v.erase(std::unique(v.begin(), v.end()), v.end());
      for (std::uint32_t person : v) {
        rows.emplace_back(person, static_cast<std::uint32_t>(k));
        ++row;
      }
    }
    for (std::uint32_t r = 0; r < rows.size(); ++r) {
      const auto [person, k] = rows[r];
      const std::uint32_t prev1 = last[person];
      last[person] = r + 1;
      for (std::uint32_t a = k; a != kOut; a = parent_pos[a]) {
        if (prev1 > elo[a]) break;
        ++x.rollups[order[a].value() - 1].experts;
      }
    }
  }
  return data;
}

// ---- queries over the index (registry_index.hpp) ------------------------------------------

RowRange subtree_rows(const MemberIndexData& x, OrgId org) noexcept {
  if (!org.ok() || org.value() > x.in_tree.size() || !x.in_tree[org.value() - 1]) return {};
  return {x.org_lo[org.value() - 1], x.org_hi[org.value() - 1]};
}

CompiledFilter compile(const MemberIndexData& x, const MemberFilter& filter) {
  CompiledFilter f;
  if (filter.role) f.roles = role_bit(*filter.role);
  if (filter.young) f.born_on_or_after = x.young_cutoff;
  if (filter.min_title) f.min_title = *filter.min_title;
  if (!filter.discipline.empty()) {
    f.discipline = std::numeric_limits<std::uint32_t>::max();
    auto it = x.discipline_codes.find(filter.discipline);
    if (it != x.discipline_codes.end()) f.discipline = it->second;
  }
  return f;
}

bool matches(const MemberIndexData& x, std::size_t i, RowRange r,
             const CompiledFilter& f) noexcept {
  if (f.roles == 0) {
    if (x.prev1[i] > r.lo) return false;
  } else if ((x.roles[i] & f.roles) == 0) {
    return false;
  }
  return x.birth[i] >= f.born_on_or_after && x.title[i] >= f.min_title &&
         (f.discipline == 0 || x.discipline[i] == f.discipline);
}

std::vector<std::uint32_t> select(const MemberIndexData& x, RowRange r, const CompiledFilter& f) {
  std::vector<std::uint32_t> out;
  if (r.lo >= r.hi) return out;
  out.resize(r.hi - r.lo);
  std::size_t n = 0;
  if (f.roles == 0 && f.min_title == Title::none && f.discipline == 0) {
    // The common case (everyone, or the young): a branch-free pass over two arrays,
    // writing every row and advancing only past the ones that match.
    const std::int32_t* birth = x.birth.data();
    const std::uint32_t* prev1 = x.prev1.data();
    const auto lo = static_cast<std::uint32_t>(r.lo);
    const std::int32_t cut = f.born_on_or_after;
    for (std::size_t i = r.lo; i < r.hi; ++i) {
      out[n] = static_cast<std::uint32_t>(i);
      n += static_cast<std::size_t>((birth[i] >= cut) & (prev1[i] <= lo));
    }
  } else {
    for (std::size_t i = r.lo; i < r.hi; ++i)
      if (matches(x, i, r, f)) out[n++] = static_cast<std::uint32_t>(i);
  }
  out.resize(n);
  return out;
}

}  // namespace detail

// ---- MemberIndex ----------------------------------------------------------------------

MemberIndex::MemberIndex() noexcept = default;
MemberIndex::MemberIndex(std::shared_ptr<const detail::MemberIndexData> data) noexcept
    : data_(std::move(data)) {}

Date MemberIndex::as_of() const noexcept { return data_ ? data_->as_of : Date{}; }
std::size_t MemberIndex::size() const noexcept { return data_ ? data_->person.size() : 0; }

MemberEntry MemberIndex::entry(std::size_t i) const noexcept {
  const detail::MemberIndexData& x = *data_;
  return MemberEntry{PersonId{x.person[i] + 1},
                     OrgId{x.org[i]},
                     x.roles[i],
                     x.title[i],
                     Date::from_days(x.birth[i]),
                     x.birth[i] >= x.young_cutoff};
}

std::vector<std::uint32_t> MemberIndex::select(OrgId root, const MemberFilter& filter) const {
  if (!data_) return {};
  return detail::select(*data_, detail::subtree_rows(*data_, root),
                        detail::compile(*data_, filter));
}

std::size_t MemberIndex::count(OrgId org, const MemberFilter& filter) const {
  if (!data_ || !org.ok() || org.value() > data_->in_tree.size()) return 0;
  if (!filter.role && !filter.min_title && filter.discipline.empty()) {
    const Rollup& r = data_->rollups[org.value() - 1];
    return filter.young ? r.young : r.members;
  }
  const detail::RowRange r = detail::subtree_rows(*data_, org);
  const detail::CompiledFilter f = detail::compile(*data_, filter);
  std::size_t n = 0;
  for (std::size_t i = r.lo; i < r.hi; ++i) n += detail::matches(*data_, i, r, f) ? 1 : 0;
  return n;
}

Rollup MemberIndex::rollup(OrgId org) const noexcept {
  if (!data_ || !org.ok() || org.value() > data_->in_tree.size()) return {};
  return data_->rollups[org.value() - 1];
}

}  // namespace v1
}  // namespace kexie
