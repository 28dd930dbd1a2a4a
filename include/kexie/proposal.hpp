// Proposals (A8: 反映他们的建议、意见和诉求; 建言献策): what members file with their
// association, and the answer they are owed. Plain values and the fixed state
// table; `ServiceDesk` (service_desk.hpp) keeps them, checks who acts, watches the
// answer's due date and audits each step. An adopted rationalization proposal
// (合理化建议) can become an entry of a 讲比 campaign (A10) once.
//
//   filed ─acknowledge→ acknowledged ─answer→ answered ─adopt→ adopted
//                                                 └decline→ declined
#ifndef KEXIE_PROPOSAL_HPP
#define KEXIE_PROPOSAL_HPP

#include <array>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "kexie/date.hpp"
#include "kexie/enum_names.hpp"
#include "kexie/export.hpp"
#include "kexie/ids.hpp"

namespace kexie {
inline namespace v1 {

namespace detail {
struct ProposalTag {
  static constexpr std::string_view prefix = "proposal";
};
}  // namespace detail

/// A proposal kept by a `ServiceDesk`, numbered from 1.
///
///   kexie::ProposalId p{1};
///   std::cout << p;   // "proposal:1"
using ProposalId = Id<detail::ProposalTag>;

/// What a member files (A8).
///
///   kexie::ProposalSpec s{.kind = kexie::ProposalKind::rationalization, …};
enum class ProposalKind : std::uint8_t {
  suggestion,       ///< 建议: a suggestion to the association or the enterprise (建言献策)
  opinion,          ///< 意见: an opinion on the association's work
  appeal,           ///< 诉求: a request for the member's own interests
  rationalization,  ///< 合理化建议: a rationalization proposal (may become a 讲比 entry)
};

/// The names of `ProposalKind`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<ProposalKind> {
  static constexpr std::array<std::string_view, 4> names{"suggestion", "opinion", "appeal",
                                                         "rationalization"};
  static constexpr bool listed(ProposalKind v) noexcept {
    switch (v) {
      case ProposalKind::suggestion:
      case ProposalKind::opinion:
      case ProposalKind::appeal:
      case ProposalKind::rationalization:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<ProposalKind>());

/// "suggestion", "opinion", "appeal", "rationalization".
/// \param kind the value to name
/// \return its stable English name, as `EnumNames<ProposalKind>` spells it
[[nodiscard]] KEXIE_API std::string_view to_string(ProposalKind kind) noexcept;

/// Where a proposal stands.
///
///   if (desk.proposal(id)->state == kexie::ProposalState::adopted) …
enum class ProposalState : std::uint8_t {
  filed,         ///< filed by the member
  acknowledged,  ///< receipt acknowledged by the association
  answered,      ///< answered in substance
  adopted,       ///< adopted (final)
  declined,      ///< declined, with a reason (final)
};

/// The names of `ProposalState`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<ProposalState> {
  static constexpr std::array<std::string_view, 5> names{"filed", "acknowledged", "answered",
                                                         "adopted", "declined"};
  static constexpr bool listed(ProposalState v) noexcept {
    switch (v) {
      case ProposalState::filed:
      case ProposalState::acknowledged:
      case ProposalState::answered:
      case ProposalState::adopted:
      case ProposalState::declined:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<ProposalState>());

/// "filed", "acknowledged", "answered", "adopted", "declined".
/// \param state the value to name
/// \return its stable English name, as `EnumNames<ProposalState>` spells it
[[nodiscard]] KEXIE_API std::string_view to_string(ProposalState state) noexcept;
/// Streams `to_string(state)`.
/// \param os the stream
/// \param state the value to write
/// \return os
KEXIE_API std::ostream& operator<<(std::ostream& os, ProposalState state);

/// Something done to a proposal. `file` creates it; `enter_campaign` turns an
/// adopted rationalization proposal into a 讲比 entry and leaves the state as it is.
///
///   desk.acknowledge(id, staff, at);
enum class ProposalOperation : std::uint8_t {
  file,            ///< the member files it (creates it in `filed`)
  acknowledge,     ///< filed → acknowledged (staff)
  answer,          ///< acknowledged → answered (staff, with the answer)
  adopt,           ///< answered → adopted (staff)
  decline,         ///< answered → declined (staff, with a reason)
  enter_campaign,  ///< adopted → adopted: entered into a 讲比 campaign (staff, once)
};

/// The names of `ProposalOperation`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<ProposalOperation> {
  static constexpr std::array<std::string_view, 6> names{"file",  "acknowledge", "answer",
                                                         "adopt", "decline",     "enter_campaign"};
  static constexpr bool listed(ProposalOperation v) noexcept {
    switch (v) {
      case ProposalOperation::file:
      case ProposalOperation::acknowledge:
      case ProposalOperation::answer:
      case ProposalOperation::adopt:
      case ProposalOperation::decline:
      case ProposalOperation::enter_campaign:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<ProposalOperation>());

/// "file", "acknowledge", "answer", "adopt", "decline", "enter_campaign".
/// \param op the value to name
/// \return its stable English name, as `EnumNames<ProposalOperation>` spells it
[[nodiscard]] KEXIE_API std::string_view to_string(ProposalOperation op) noexcept;
/// Streams `to_string(op)`.
/// \param os the stream
/// \param op the value to write
/// \return os
KEXIE_API std::ostream& operator<<(std::ostream& os, ProposalOperation op);

/// The state `op` leads to from `from`, or nothing when the table does not allow
/// it (`file` is never a transition; `enter_campaign` keeps `adopted`).
/// \param from the proposal's current state
/// \param op the operation to perform
/// \return the state after `op`, or std::nullopt when the table does not allow it
///
///   using S = kexie::ProposalState; using Op = kexie::ProposalOperation;
///   assert(kexie::next_state(S::answered, Op::adopt) == S::adopted);
///   assert(!kexie::next_state(S::filed, Op::adopt));
[[nodiscard]] KEXIE_API std::optional<ProposalState> next_state(ProposalState from,
                                                                ProposalOperation op) noexcept;

/// What a member files.
///
///   kexie::ProposalSpec s{.proposer = li, .association = ent,
///                         .kind = kexie::ProposalKind::rationalization,
///                         .title = "转炉煤气回收率提升", .text = "…"};
struct ProposalSpec {
  /// The member filing it.
  PersonId proposer;
  /// The association it is filed with (the proposer must be a member).
  OrgId association;
  /// Suggestion, opinion, appeal or rationalization proposal.
  ProposalKind kind = ProposalKind::suggestion;
  /// A short title.
  std::string title;
  /// The text (may run over several lines).
  std::string text;
  /// Equal when every field is equal.
  friend bool operator==(const ProposalSpec&, const ProposalSpec&) = default;
};

/// Where an adopted rationalization proposal went in a 讲比 campaign: the
/// campaign's activity and the entry made from it.
///
///   if (auto e = desk.proposal(id)->entered) std::cout << e->campaign << ' ' << e->entry;
struct CampaignEntryRef {
  /// The 讲比 activity of the campaign.
  ActivityId campaign;
  /// The entry in that campaign.
  EntryId entry;
  /// The entry's application number in the campaign.
  std::string code;
  /// Equal when every field is equal.
  friend bool operator==(const CampaignEntryRef&, const CampaignEntryRef&) = default;
};

/// A proposal as the desk keeps it.
///
///   const kexie::Proposal& p = *desk.proposal(id);
///   std::cout << p.spec.title << " due " << p.due;
struct Proposal {
  /// Identifier.
  ProposalId id;
  /// As filed.
  ProposalSpec spec;
  /// Where it stands.
  ProposalState state = ProposalState::filed;
  /// When it was filed.
  Timestamp filed;
  /// The last day an answer is due (filing day + the desk's due days).
  Date due;
  /// When its last step was performed.
  Timestamp last_event;
  /// When it was answered; unset before.
  std::optional<Timestamp> answered;
  /// The answer given.
  std::string answer;
  /// The reason it was declined.
  std::string reason;
  /// The campaign entry made from it, once entered.
  std::optional<CampaignEntryRef> entered;
  /// Equal when every field is equal.
  friend bool operator==(const Proposal&, const Proposal&) = default;
};

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_PROPOSAL_HPP
