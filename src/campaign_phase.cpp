// A campaign as the 讲比 activity of its organizer (A12): the binding to an
// activity of an ActivityBook (Campaign::open), the phases that follow the
// activity's state, conclude (the scoreboard digest into the activity's audit
// record) and commend (the honours into the registry, the award-list digest into
// the audit record), and the cooperation citations of entries (A11), which read
// the book. The mutators of campaign.cpp ask `CampaignImpl::phase` before anything.
#include <algorithm>
#include <string>
#include <variant>
#include <vector>

#include "campaign_state.hpp"
#include "detail/sha256.hpp"
#include "kexie/activity.hpp"
#include "kexie/actor.hpp"
#include "kexie/campaign.hpp"
#include "kexie/membership.hpp"
#include "kexie/registry.hpp"

namespace kexie {
inline namespace v1 {

using detail::CampaignImpl;

std::string_view to_string(CampaignPhase phase) noexcept { return enum_name(phase); }
std::string_view to_string(ExpertRule rule) noexcept { return enum_name(rule); }

namespace detail {

CampaignPhase CampaignImpl::phase() const noexcept {
  if (book == nullptr) return CampaignPhase::unbound;
  if (!award_digest.empty()) return CampaignPhase::commended;
  if (!concluded_digest.empty()) return CampaignPhase::concluded;
  const Activity* a = book->find(activity);
  if (a == nullptr) return CampaignPhase::closed;
  switch (a->state) {
    case ActivityState::approved:
      return CampaignPhase::approved;
    case ActivityState::in_progress:
      return CampaignPhase::entries;
    case ActivityState::under_evaluation:
      return CampaignPhase::evaluation;
    default:
      return CampaignPhase::closed;
  }
}

namespace {

Error citation_error(const EntrySpec& spec, const std::string& what) {
  return Error(ErrorCode::rule_violation, "entry \"" + spec.code + "\": " + what, "entry.citation",
               "A11");
}

}  // namespace

Status check_citations(const CampaignImpl& s, const EntrySpec& spec, OrgId enterprise) {
  const Registry& reg = *s.registry;
  const Date on = s.spec.as_of;
  if (spec.cites_link) {
    auto link = reg.link(*spec.cites_link);
    if (!link) return citation_error(spec, "cites " + link.error().message());
    if (link->kind != LinkKind::factory_society) {
      return citation_error(spec, "cites " + to_string(*spec.cites_link) +
                                      ", which is not a 厂会协作 (factory_society) link");
    }
    if (link->enterprise != enterprise && link->other != enterprise) {
      return citation_error(spec, "cites " + to_string(*spec.cites_link) +
                                      ", which does not involve its enterprise association " +
                                      to_string(enterprise));
    }
    if (!link->period.contains(on)) {
      return citation_error(spec, "cites " + to_string(*spec.cites_link) +
                                      ", which is not in effect on " + on.to_string());
    }
  }
  if (spec.cites_activity) {
    const std::string name = to_string(*spec.cites_activity);
    if (s.book == nullptr) {
      return citation_error(
          spec, "cites " + name + ", but an unbound campaign has no activity book to check it");
    }
    const Activity* a = s.book->find(*spec.cites_activity);
    if (a == nullptr)
      return citation_error(spec, "cites " + name + ", which the book does not hold");
    if (a->plan.type != ActivityType::golden_bridge) {
      return citation_error(spec,
                            "cites " + name + ", which is not a 金桥工程 (golden_bridge) activity");
    }
    const auto* coop = std::get_if<CooperationDetails>(&a->plan.details);
    const bool involves = reg.within(a->plan.owner, enterprise, on) ||
                          (coop != nullptr && coop->partner == enterprise);
    if (!involves) {
      return citation_error(spec, "cites " + name +
                                      ", which does not involve its enterprise association " +
                                      to_string(enterprise));
    }
    switch (a->state) {
      case ActivityState::draft:
      case ActivityState::submitted:
      case ActivityState::withdrawn:
      case ActivityState::rejected:
      case ActivityState::terminated:
        return citation_error(spec, "cites " + name + ", which is " +
                                        std::string(to_string(a->state)) + ", not carried out");
      default:
        break;
    }
    if (!a->plan.planned.contains(on)) {
      return citation_error(spec,
                            "cites " + name + ", which is not planned over " + on.to_string());
    }
  }
  return {};
}

}  // namespace detail

namespace {

Error phase_error(std::string rule, std::string what) {
  return Error(ErrorCode::rule_violation, std::move(what), std::move(rule), "A12");
}

}  // namespace

Result<Campaign> Campaign::open(const Registry& registry, const ActivityBook& book,
                                ActivityId activity, CampaignSpec spec) {
  const Activity* a = book.find(activity);
  if (a == nullptr) {
    return Error(ErrorCode::not_found, "no " + to_string(activity) + " in the activity book",
                 "campaign.open", "A12");
  }
  if (a->plan.type != ActivityType::jiangbi_campaign) {
    return phase_error("campaign.open", to_string(activity) + " is a " +
                                            std::string(to_string(a->plan.type)) +
                                            " activity, not a 讲比 (jiangbi_campaign)");
  }
  if (a->state != ActivityState::approved && a->state != ActivityState::in_progress) {
    return phase_error("campaign.open",
                       to_string(activity) + " is " + std::string(to_string(a->state)) +
                           ": a campaign opens after 立项 (approved) and before 实施 ends");
  }
  if (spec.organizer.ok() && spec.organizer != a->plan.organizer) {
    return phase_error("campaign.open",
                       "the spec names the organizer " + to_string(spec.organizer) +
                           ", the activity's organizer is " + to_string(a->plan.organizer));
  }
  spec.organizer = a->plan.organizer;
  auto c = create(registry, std::move(spec));
  if (!c) return c.error();
  CampaignImpl& s = CampaignImpl::of(*c);
  s.book = &book;
  s.activity = activity;
  return c;
}

bool Campaign::bound() const noexcept { return impl_->book != nullptr; }
ActivityId Campaign::activity() const noexcept { return impl_->activity; }
CampaignPhase Campaign::phase() const noexcept { return impl_->phase(); }
const std::string& Campaign::concluded_digest() const noexcept { return impl_->concluded_digest; }
const std::string& Campaign::award_digest() const noexcept { return impl_->award_digest; }

namespace {

// The checks conclude and commend share: bound, the same book, the actor backed.
Status check_binding(const CampaignImpl& s, const ActivityBook& book, const char* what) {
  if (s.book == nullptr) {
    return phase_error("campaign.unbound", std::string("an unbound campaign cannot be ") + what +
                                               " (open it for a 讲比 activity)");
  }
  if (s.book != &book) {
    return Error(
        ErrorCode::invalid_argument,
        std::string("the campaign was opened on another activity book; cannot be ") + what);
  }
  return {};
}

}  // namespace

Result<std::string> Campaign::conclude(ActivityBook& book, const Actor& actor, Timestamp at,
                                       const Decimal& evaluation_score) {
  CampaignImpl& s = *impl_;
  if (Status st = check_binding(s, book, "concluded"); !st) return st.error();
  const CampaignPhase now = s.phase();
  if (now == CampaignPhase::concluded || now == CampaignPhase::commended) {
    return phase_error("campaign.frozen", "the campaign is already " + std::string(to_string(now)));
  }
  if (now != CampaignPhase::evaluation) {
    return phase_error("campaign.conclude_phase",
                       "a campaign concludes only in phase evaluation; it is in phase " +
                           std::string(to_string(now)));
  }
  // The actor's roles must be facts of the registry (A14) unless the book opts in.
  if (!book.policy().allow_asserted_roles) {
    if (Status backed = backed_by_registry(*s.registry, actor, at.date()); !backed) {
      (void)book.conclude(s.activity, actor, at, evaluation_score, "讲比 conclude");  // recorded
      return backed.error();
    }
  }
  auto board = score();
  if (!board) return board.error();
  const std::string digest = board->digest();
  auto grade = book.conclude(s.activity, actor, at, evaluation_score,
                             "讲比 concluded; scoreboard digest " + digest);
  if (!grade) return grade.error();
  s.concluded_digest = digest;
  return digest;
}

namespace detail {

std::vector<AwardLine> award_list(const CampaignImpl& s, const Scoreboard& board) {
  std::vector<AwardLine> out;
  for (const EntryResult& r : board.entries) {
    if (!r.tier) continue;
    out.push_back({AwardLine::Kind::entry, r.code, r.unit, std::nullopt, r.award});
  }
  for (const AdvancedUnit& u : board.units) {
    out.push_back({AwardLine::Kind::unit, {}, u.unit, std::nullopt, "先进单位"});
  }
  for (const AdvancedIndividual& p : board.people) {
    std::optional<OrgId> employer;
    if (auto person = s.registry->person(p.person)) employer = person->employer;
    out.push_back({AwardLine::Kind::person, {}, employer.value_or(OrgId{}), p.person, "先进个人"});
  }
  return out;
}

std::string award_digest(const CampaignImpl& s, const std::vector<AwardLine>& lines) {
  Sha256 h;
  h.update("kexie award list 1\n" + s.spec.name + '\n');
  for (const AwardLine& l : lines) {
    switch (l.kind) {
      case AwardLine::Kind::entry:
        h.update("entry|" + l.code + '|' + to_string(l.org) + '|' + l.title + '\n');
        break;
      case AwardLine::Kind::unit:
        h.update("unit|" + to_string(l.org) + '|' + l.title + '\n');
        break;
      case AwardLine::Kind::person:
        h.update("person|" + to_string(*l.person) + '|' + l.title + '\n');
        break;
    }
  }
  return to_hex(h.finish());
}

Status record_awards(const CampaignImpl& s, Registry& registry, const std::vector<AwardLine>& lines,
                     Date on) {
  std::vector<HonourSpec> honours;
  honours.reserve(lines.size());
  for (const AwardLine& l : lines) {
    HonourSpec h;
    h.grantor = s.spec.organizer;
    h.title = l.title;
    h.activity = s.activity;
    h.date = on;
    switch (l.kind) {
      case AwardLine::Kind::entry:
        h.kind = HonourKind::awarded_entry;
        h.organization = l.org;
        h.basis = l.code + " · " + s.spec.name;
        break;
      case AwardLine::Kind::unit:
        h.kind = HonourKind::advanced_unit;
        h.organization = l.org;
        h.basis = s.spec.name;
        break;
      case AwardLine::Kind::person:
        h.kind = HonourKind::advanced_individual;
        h.person = l.person;
        if (l.org.ok()) h.organization = l.org;
        h.basis = s.spec.name;
        break;
    }
    honours.push_back(std::move(h));
  }
  return registry.record_honours(honours);
}

}  // namespace detail

Result<std::string> Campaign::commend(Registry& registry, ActivityBook& book, const Actor& actor,
                                      Timestamp at) {
  CampaignImpl& s = *impl_;
  if (Status st = check_binding(s, book, "commended"); !st) return st.error();
  if (s.registry != &registry) {
    return Error(ErrorCode::invalid_argument,
                 "the campaign reads another registry; its honours cannot be recorded here");
  }
  if (!s.award_digest.empty()) {
    return phase_error("campaign.commended", "the campaign is already commended");
  }
  if (s.concluded_digest.empty()) {
    return phase_error("campaign.not_concluded",
                       "a campaign is commended only after conclude; it is in phase " +
                           std::string(to_string(s.phase())));
  }
  auto board = score();
  if (!board) return board.error();
  const std::vector<detail::AwardLine> lines = detail::award_list(s, *board);
  const std::string digest = detail::award_digest(s, lines);
  const std::string reason = "讲比 commended; award list digest " + digest;
  // The actor's roles must be facts of the registry (A14) unless the book opts in; then
  // the book's own checks, so a refusal changes nothing but its trail.
  if (!book.policy().allow_asserted_roles) {
    if (Status backed = backed_by_registry(registry, actor, at.date()); !backed) {
      (void)book.commend(s.activity, actor, at, reason);  // records the refused attempt
      return backed.error();
    }
  }
  auto checks = book.allowed_transitions(s.activity, actor, at);
  if (!checks) return checks.error();
  for (const TransitionCheck& c : *checks) {
    if (c.operation == ActivityOperation::commend && !c.allowed()) {
      Status st = book.commend(s.activity, actor, at, reason);  // records the refusal
      if (!st) return st.error();
      return *c.refusal;
    }
  }
  if (Status st = detail::record_awards(s, registry, lines, at.date()); !st) return st.error();
  if (Status st = book.commend(s.activity, actor, at, reason); !st) return st.error();
  s.award_digest = digest;
  return digest;
}

}  // namespace v1
}  // namespace kexie
