// The registry's internal state, shared by registry.cpp (facts and rules),
// registry_index.cpp (the member index) and snapshot_registry.cpp, which reaches
// a Registry's state only through the functions at the end of this file.
// Internal: never included by a public header.
//
// Layout: organizations are few (tens of thousands) and rich, so they are
// plain structs; people and memberships number in the millions, so they live
// in struct-of-arrays storage with intrusive singly linked lists (per person,
// per organization) instead of per-entity vectors, and names live in one
// string pool. That keeps a national registry near 100 bytes a person.
#ifndef KEXIE_SRC_REGISTRY_STATE_HPP
#define KEXIE_SRC_REGISTRY_STATE_HPP

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "kexie/enterprise.hpp"
#include "kexie/guidance.hpp"
#include "kexie/registry.hpp"

namespace kexie {
inline namespace v1 {
namespace detail {

/// Strings appended to one buffer, each prefixed by its 16-bit length; a
/// reference is the offset of the prefix.
class StringPool {
 public:
  std::uint32_t add(std::string_view text);
  /// The string at `ref` (inline: a load reads millions of them in a loop).
  [[nodiscard]] std::string_view get(std::uint32_t ref) const noexcept {
    const auto lo = static_cast<unsigned char>(chars_[ref]);
    const auto hi = static_cast<unsigned char>(chars_[ref + 1]);
    return {chars_.data() + ref + 2,
            static_cast<std::size_t>(lo) | (static_cast<std::size_t>(hi) << 8)};
  }
  void reserve(std::size_t bytes) { chars_.reserve(bytes); }
  /// Makes room for `bytes` more (growing geometrically), so that adds of that
  /// many bytes in all cannot fail.
  void make_room(std::size_t bytes) {
    if (chars_.capacity() - chars_.size() < bytes)
      chars_.reserve(std::max(chars_.size() + bytes, 2 * chars_.capacity()));
  }
  [[nodiscard]] std::size_t size() const noexcept { return chars_.size(); }
  /// Drops everything added after `size` bytes (rolls back a refused add).
  void truncate(std::size_t size) { chars_.resize(size); }
  /// The buffer, for snapshots.
  [[nodiscard]] const std::vector<char>& bytes() const noexcept { return chars_; }
  /// Replaces the buffer with one read from a snapshot.
  void assign(std::vector<char> chars) noexcept { chars_ = std::move(chars); }
  /// True when `ref` is the start of a whole string inside the buffer.
  [[nodiscard]] bool valid(std::uint32_t ref) const noexcept {
    if (std::size_t{ref} + 2 > chars_.size()) return false;
    return std::size_t{ref} + 2 + get(ref).size() <= chars_.size();
  }

 private:
  std::vector<char> chars_;
};

/// One organization: its public facts (id, kind, level, name, period, parents,
/// enterprise attributes) plus what only the registry keeps.
struct OrgRec : Organization {
  std::vector<Period> exemplary;
  std::vector<OrgId> children;         // everyone that ever had this parent, sorted by id
  std::uint32_t member_head = 0;       // membership index + 1, newest first
  std::vector<std::uint32_t> experts;  // expert listing indices
  std::vector<std::uint32_t> links;    // link indices (either side)
};

/// The facts of DOMAIN.md §6 (guidance.hpp), kept by the registry so that its
/// digest, clone and snapshots cover them. Defined behaviour in registry_guidance.cpp.
struct GuidanceFacts {
  GuidancePolicy policy;
  std::vector<Enterprise> enterprises;  // index = id - 1
  std::unordered_map<std::string, std::uint32_t> by_code;  // credit code -> id (derived)
  std::vector<Employment> employments;
  std::vector<SupportRecord> support;
  std::vector<FoundingApplication> foundings;  // index = id - 1
  std::vector<FoundingRecord> trail;
  std::vector<Handover> handovers;
  std::vector<SgTraining> sg_trainings;

  /// True when there is anything to hash or save (format 3).
  [[nodiscard]] bool empty() const noexcept {
    return policy == GuidancePolicy{} && enterprises.empty() && employments.empty() &&
           support.empty() && foundings.empty() && trail.empty() && handovers.empty() &&
           sg_trainings.empty();
  }
};

/// Everything a registry knows, copyable (clone) and without caches.
struct State {
  Policy policy;
  OrgId root;
  std::vector<OrgRec> orgs;  // index = id - 1

  // people, struct of arrays, index = id - 1
  std::vector<std::uint32_t> p_name, p_key;  // StringPool refs
  std::vector<std::int32_t> p_birth;
  std::vector<std::uint32_t> p_employer;
  std::vector<Title> p_title;
  std::vector<std::uint32_t> p_discipline;  // code, 1-based into disciplines
  std::vector<std::uint32_t> p_mhead;       // membership index + 1, newest first
  std::vector<std::uint32_t> p_thead;       // training index + 1, newest first
  StringPool strings;
  std::vector<std::string> disciplines;  // code - 1 -> text
  std::unordered_map<std::string, std::uint32_t> discipline_codes;
  std::vector<std::uint32_t> key_slots;  // open addressing: person index + 1, 0 = empty
  std::size_t keyed = 0;

  // memberships, struct of arrays, index = id - 1
  std::vector<std::uint32_t> m_person, m_org;
  std::vector<Role> m_role;
  std::vector<std::int32_t> m_first, m_last;
  std::vector<std::uint32_t> m_next_p, m_next_o;  // next index + 1 in person / org list

  std::vector<ExpertListing> experts;
  std::vector<Link> links;
  std::vector<TrainingRecord> trainings;
  std::vector<std::uint32_t> t_next;

  std::vector<Appointment> appointments;  // index = id - 1 (few: officers)
  std::vector<Honour> honours;            // index = id - 1, never erased
  GuidanceFacts guidance;                 // format 3 (registry_guidance.cpp)

  /// True when the state holds facts format 1 could not (appointments, honours,
  /// a non-default employer tie): the digest and snapshots add them only then.
  [[nodiscard]] bool has_v2_facts() const noexcept {
    return !appointments.empty() || !honours.empty() || !policy.employer_tied_membership;
  }

  [[nodiscard]] bool known(OrgId id) const noexcept { return id.ok() && id.value() <= orgs.size(); }
  [[nodiscard]] const OrgRec& org(OrgId id) const { return orgs[id.value() - 1]; }
  [[nodiscard]] OrgRec& org(OrgId id) { return orgs[id.value() - 1]; }
  [[nodiscard]] bool known(PersonId id) const noexcept {
    return id.ok() && id.value() <= p_birth.size();
  }
  /// The parent on `d`, or an empty id.
  [[nodiscard]] OrgId parent_at(OrgId id, Date d) const noexcept;
  [[nodiscard]] bool in_effect(OrgId id, Date d) const noexcept {
    return known(id) && org(id).period.contains(d);
  }
};

/// The member index of one date (see MemberIndex in registry.hpp).
struct MemberIndexData {
  Date as_of;
  std::int32_t young_cutoff = 0;              // young iff birth >= cutoff
  std::vector<std::uint32_t> org_lo, org_hi;  // per org (id - 1): subtree rows
  std::vector<std::uint8_t> in_tree;
  std::vector<Rollup> rollups;             // per org (id - 1)
  std::vector<std::uint32_t> person, org;  // per row
  std::vector<std::int32_t> birth;
  std::vector<std::uint32_t> prev1;  // previous row of the same person + 1, 0 = none
  std::vector<RoleSet> roles;
  std::vector<Title> title;
  std::vector<std::uint32_t> discipline;
  std::unordered_map<std::string, std::uint32_t> discipline_codes;
};

/// Builds the index of `as_of`.
std::shared_ptr<const MemberIndexData> build_member_index(const State& state, Date as_of);
/// Smallest birth day whose age on `as_of` is at most `max_age`.
std::int32_t young_cutoff(Date as_of, int max_age) noexcept;
/// `root`'s subtree on `as_of` in depth-first pre-order (children by id).
std::vector<OrgId> depth_first(const State& state, OrgId root, Date as_of);

/// SHA-256 (hex) of the guidance facts, mixed into `Registry::digest` only when
/// `!g.empty()`, so registries without them keep their digests.
std::string guidance_digest(const GuidanceFacts& g);
/// Rebuilds the derived index of `g` and checks its facts against `s` (ids known,
/// kinds, one association per enterprise, the trail's hashes); the first problem.
std::optional<std::string> rebuild_guidance(const State& s, GuidanceFacts& g);
/// The association of enterprise `e` on `on`, or an empty id.
OrgId association_on(const State& s, const Enterprise& e, Date on) noexcept;
/// Why `association` cannot become enterprise `e`'s from `from`, if it cannot
/// (rules enterprise.active, enterprise.association_kind, enterprise.association_unique,
/// enterprise.single_association).
std::optional<Error> tie_refusal(const State& s, const Enterprise& e, OrgId association,
                                 Date from);

// ---- the seam to the snapshot layer (defined in registry.cpp) ----------------------

/// The facts behind `r`, for snapshot code to save or fill.
///
///   const State& s = detail::state_of(reg);  // snapshot_registry.cpp
State& state_of(Registry& r) noexcept;
/// The facts behind `r`, read-only.
const State& state_of(const Registry& r) noexcept;
/// Drops `r`'s caches after its state was replaced.
void state_changed(Registry& r) noexcept;
/// Rebuilds everything derived from the facts in `s` (lists, children,
/// discipline codes), checks the saved external-key index, and checks every
/// membership against the same rules add_membership applies; the message of the
/// first inconsistency, naming the rule, if any.
std::optional<std::string> rebuild(State& s);

}  // namespace detail
}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_SRC_REGISTRY_STATE_HPP
