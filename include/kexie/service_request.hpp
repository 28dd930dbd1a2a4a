// Service requests (A9: 积极参与组织科技立项、专利申请、专业技术职务评定等工作): a member
// asks their association for support with a project application (科技立项), a
// patent application (专利申请) or a professional-title evaluation (专业技术职务评定).
// This header holds the plain values and the fixed state table; `ServiceDesk`
// (service_desk.hpp) keeps the requests, applies the rules and audits each step.
//
//   submitted ─accept→ accepted ─start→ in_progress ─forward→ forwarded ─grant→ granted
//       └decline→ declined                                         └not_grant→ not_granted
//   submitted, accepted, in_progress, forwarded ─withdraw→ withdrawn
#ifndef KEXIE_SERVICE_REQUEST_HPP
#define KEXIE_SERVICE_REQUEST_HPP

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
#include "kexie/patent_number.hpp"
#include "kexie/person.hpp"

namespace kexie {
inline namespace v1 {

namespace detail {
struct ServiceRequestTag {
  static constexpr std::string_view prefix = "request";
};
}  // namespace detail

/// A service request kept by a `ServiceDesk`, numbered from 1.
///
///   kexie::ServiceRequestId r{3};
///   std::cout << r;   // "request:3"
using ServiceRequestId = Id<detail::ServiceRequestTag>;

/// What the member asks support for (A9).
///
///   kexie::RequestSpec s{.kind = kexie::ServiceKind::patent_application, …};
enum class ServiceKind : std::uint8_t {
  project_application,  ///< 科技立项: applying for an S&T project
  patent_application,   ///< 专利申请: applying for a patent (invention, utility model, design)
  title_evaluation,     ///< 专业技术职务评定: evaluation for the next professional title
};

/// The names of `ServiceKind`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<ServiceKind> {
  static constexpr std::array<std::string_view, 3> names{"project_application",
                                                         "patent_application", "title_evaluation"};
  static constexpr bool listed(ServiceKind v) noexcept {
    switch (v) {
      case ServiceKind::project_application:
      case ServiceKind::patent_application:
      case ServiceKind::title_evaluation:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<ServiceKind>());

/// "project_application", "patent_application", "title_evaluation".
/// \param kind the value to name
/// \return its stable English name, as `EnumNames<ServiceKind>` spells it
[[nodiscard]] KEXIE_API std::string_view to_string(ServiceKind kind) noexcept;

/// Where a service request stands.
///
///   if (desk.request(id)->state == kexie::RequestState::forwarded) …
enum class RequestState : std::uint8_t {
  submitted,    ///< asked by the member, waiting for the association
  accepted,     ///< the association takes it on
  declined,     ///< the association declined it, with a reason (final)
  in_progress,  ///< the association is preparing it with the member
  forwarded,    ///< sent to the outside body (the project office, CNIPA, the title committee)
  granted,      ///< the outside body granted it (final)
  not_granted,  ///< the outside body did not grant it (final)
  withdrawn,    ///< withdrawn by the member or the association, with a reason (final)
};

/// The names of `RequestState`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<RequestState> {
  static constexpr std::array<std::string_view, 8> names{"submitted",   "accepted",  "declined",
                                                         "in_progress", "forwarded", "granted",
                                                         "not_granted", "withdrawn"};
  static constexpr bool listed(RequestState v) noexcept {
    switch (v) {
      case RequestState::submitted:
      case RequestState::accepted:
      case RequestState::declined:
      case RequestState::in_progress:
      case RequestState::forwarded:
      case RequestState::granted:
      case RequestState::not_granted:
      case RequestState::withdrawn:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<RequestState>());

/// "submitted", "accepted", …, "withdrawn".
/// \param state the value to name
/// \return its stable English name, as `EnumNames<RequestState>` spells it
[[nodiscard]] KEXIE_API std::string_view to_string(RequestState state) noexcept;
/// Streams `to_string(state)`.
/// \param os the stream
/// \param state the value to write
/// \return os
KEXIE_API std::ostream& operator<<(std::ostream& os, RequestState state);

/// True for the states nothing leaves: declined, granted, not_granted, withdrawn.
/// \param state the state to test
/// \return true when no operation leaves `state`
///
///   assert(kexie::is_final(kexie::RequestState::granted));
[[nodiscard]] KEXIE_API bool is_final(RequestState state) noexcept;

/// Something done to a service request. `submit` creates it; the others are the
/// transitions of the table at the top of this header.
///
///   desk.apply(id, staff, at, kexie::RequestOperation::accept, "");
enum class RequestOperation : std::uint8_t {
  submit,     ///< the member asks (creates the request in `submitted`)
  accept,     ///< submitted → accepted (staff)
  decline,    ///< submitted → declined (staff, with a reason)
  start,      ///< accepted → in_progress (staff)
  forward,    ///< in_progress → forwarded (staff; a patent needs its CNIPA number)
  grant,      ///< forwarded → granted (staff; a title needs its certificate)
  not_grant,  ///< forwarded → not_granted (staff, with a reason)
  withdraw,   ///< submitted, accepted, in_progress, forwarded → withdrawn (member or staff)
};

/// The names of `RequestOperation`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<RequestOperation> {
  static constexpr std::array<std::string_view, 8> names{
      "submit", "accept", "decline", "start", "forward", "grant", "not_grant", "withdraw"};
  static constexpr bool listed(RequestOperation v) noexcept {
    switch (v) {
      case RequestOperation::submit:
      case RequestOperation::accept:
      case RequestOperation::decline:
      case RequestOperation::start:
      case RequestOperation::forward:
      case RequestOperation::grant:
      case RequestOperation::not_grant:
      case RequestOperation::withdraw:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<RequestOperation>());

/// "submit", "accept", …, "withdraw".
/// \param op the value to name
/// \return its stable English name, as `EnumNames<RequestOperation>` spells it
[[nodiscard]] KEXIE_API std::string_view to_string(RequestOperation op) noexcept;
/// Streams `to_string(op)`.
/// \param os the stream
/// \param op the value to write
/// \return os
KEXIE_API std::ostream& operator<<(std::ostream& os, RequestOperation op);

/// The state `op` leads to from `from`, or nothing when the table does not allow
/// it (`submit` is never a transition).
/// \param from the request's current state
/// \param op the operation to perform
/// \return the state after `op`, or std::nullopt when the table does not allow it
///
///   using S = kexie::RequestState; using Op = kexie::RequestOperation;
///   assert(kexie::next_state(S::forwarded, Op::grant) == S::granted);
///   assert(!kexie::next_state(S::submitted, Op::forward));
[[nodiscard]] KEXIE_API std::optional<RequestState> next_state(RequestState from,
                                                               RequestOperation op) noexcept;

/// What a member asks for. `patent_type` is needed for a patent application
/// and only there; `target_title` for a title evaluation and only there.
///
///   kexie::RequestSpec s{.applicant = li, .association = ent,
///                        .kind = kexie::ServiceKind::title_evaluation,
///                        .title = "申报高级工程师", .target_title =
///                        kexie::Title::associate_senior};
struct RequestSpec {
  /// The member asking.
  PersonId applicant;
  /// The association asked: an enterprise association (or a branch, study group or
  /// society) the applicant is a member of.
  OrgId association;
  /// What the support is for.
  ServiceKind kind = ServiceKind::project_application;
  /// A short title ("一种高炉煤气余压发电装置").
  std::string title;
  /// For a patent application: invention, utility model or design.
  std::optional<PatentType> patent_type;
  /// For a title evaluation: the title asked for (the next level only).
  std::optional<Title> target_title;
  /// Equal when every field is equal.
  friend bool operator==(const RequestSpec&, const RequestSpec&) = default;
};

/// A service request as the desk keeps it.
///
///   const kexie::ServiceRequest& r = *desk.request(id);
///   std::cout << r.spec.title << ": " << r.state;
struct ServiceRequest {
  /// Identifier.
  ServiceRequestId id;
  /// As asked.
  RequestSpec spec;
  /// Where it stands.
  RequestState state = RequestState::submitted;
  /// When it was submitted.
  Timestamp submitted;
  /// When its last step was performed.
  Timestamp last_event;
  /// The outside body it was forwarded to ("国家知识产权局"), empty before.
  std::string outside_body;
  /// The outside reference: the CNIPA application number (canonical spelling)
  /// for a patent, the certificate number for a title, the project number for a
  /// project; empty until known.
  std::string reference;
  /// The reason given for a decline, a withdrawal or a refusal by the outside body.
  std::string reason;
  /// Equal when every field is equal.
  friend bool operator==(const ServiceRequest&, const ServiceRequest&) = default;
};

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_SERVICE_REQUEST_HPP
