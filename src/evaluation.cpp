// The yearly evaluation of enterprise associations (evaluation.hpp, A14): figures
// from the registry and the activity book, each with its facts; the rubric's
// objective maps and the panel's aggregation; exemplary associations named through
// Registry::award_exemplary.
#include "kexie/evaluation.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "detail/conflict.hpp"
#include "kexie/guidance.hpp"
#include "kexie/text.hpp"

namespace kexie {
inline namespace v1 {

namespace detail {

struct EvaluationImpl {
  explicit EvaluationImpl(EvaluationSpec s) : spec(std::move(s)) {}
  EvaluationSpec spec;
  Date first, last;  // the year
  std::vector<OrgId> entries;
  std::vector<PersonId> judges;
  // (association, indicator) -> marks in the order given
  std::map<std::pair<std::uint32_t, std::string>, std::vector<std::pair<PersonId, Decimal>>> marks;
};

}  // namespace detail

namespace {

bool activity_figure(EvaluationFigure f) noexcept {
  return f == EvaluationFigure::activities_held || f == EvaluationFigure::activities_completed ||
         f == EvaluationFigure::activities_evaluated;
}

Error spec_error(std::string message) {
  return Error(ErrorCode::invalid_argument, std::move(message), "evaluation.spec");
}

Decimal whole(std::size_t n) { return Decimal(static_cast<std::int64_t>(n)); }

bool decides(OfficerRole role) noexcept {
  return role == OfficerRole::chair || role == OfficerRole::vice_chair ||
         role == OfficerRole::secretary_general || role == OfficerRole::department_head;
}

/// The furthest stages each activity reached by `until`, from the audit trail, with
/// the record that shows it.
struct Reached {
  const AuditRecord* approved = nullptr;
  const AuditRecord* completed = nullptr;
  const AuditRecord* evaluated = nullptr;
};

std::map<std::uint32_t, Reached> stages(const ActivityBook& book, Timestamp until) {
  std::map<std::uint32_t, Reached> out;
  for (const AuditRecord& r : book.audit_trail()) {
    if (!r.accepted() || until < r.at) continue;
    Reached& x = out[r.activity.value()];
    if (r.to == ActivityState::approved && !x.approved) x.approved = &r;
    if (r.to == ActivityState::completed && !x.completed) x.completed = &r;
    if (r.to == ActivityState::evaluated && !x.evaluated) x.evaluated = &r;
  }
  return out;
}

std::string audit_fact(const AuditRecord& r) {
  return to_string(r.activity) + ": " + std::string(to_string(r.to)) + " on " +
         r.at.date().to_string() + " (audit #" + std::to_string(r.sequence) + ")";
}

}  // namespace

std::string_view to_string(EvaluationFigure figure) noexcept { return enum_name(figure); }

Evaluation::Evaluation(std::unique_ptr<detail::EvaluationImpl> impl) noexcept
    : impl_(std::move(impl)) {}
Evaluation::~Evaluation() = default;
Evaluation::Evaluation(Evaluation&&) noexcept = default;
Evaluation& Evaluation::operator=(Evaluation&&) noexcept = default;

const EvaluationSpec& Evaluation::spec() const noexcept { return impl_->spec; }
std::span<const OrgId> Evaluation::entries() const noexcept { return impl_->entries; }

Result<Evaluation> Evaluation::create(const Registry& reg, EvaluationSpec spec) {
  if (spec.year < 1900 || spec.year > 9999)
    return spec_error("the year " + std::to_string(spec.year) + " is outside 1900–9999");
  if (!spec.aggregation.ok()) return spec_error("the aggregation rule keeps no mark");
  const Rubric& r = spec.rubric;
  std::set<std::string> bound;
  for (const FigureBinding& b : spec.figures) {
    auto at = r.find(b.indicator);
    if (!at || r.indicators()[*at].kind != IndicatorKind::objective)
      return spec_error("the binding of " + quote_input(b.indicator) +
                        " names no objective indicator of the rubric");
    if (!EnumNames<EvaluationFigure>::listed(b.figure)) return spec_error("unknown figure");
    if (b.type && (!activity_figure(b.figure) || !EnumNames<ActivityType>::listed(*b.type)))
      return spec_error("an activity type narrows only an activity figure");
    if (!bound.insert(b.indicator).second)
      return spec_error(quote_input(b.indicator) + " is bound twice");
  }
  for (std::uint32_t i : r.objective())
    if (!bound.contains(r.indicators()[i].code))
      return spec_error("the objective indicator " + quote_input(r.indicators()[i].code) +
                        " reads no figure (bind it)");
  auto kind = reg.kind(spec.guide);
  if (!kind) return kind.error();
  const Date last = Date::from_ymd(spec.year, 12, 31).value();
  if ((*kind != OrgKind::local && *kind != OrgKind::national) || !reg.exists(spec.guide, last))
    return Error(ErrorCode::rule_violation,
                 to_string(spec.guide) +
                     " is not a local or the national association in effect on " + last.to_string(),
                 "evaluation.guide", "A14");
  auto impl = std::make_unique<detail::EvaluationImpl>(std::move(spec));
  impl->first = Date::from_ymd(impl->spec.year, 1, 1).value();
  impl->last = last;
  impl->entries = reg.subtree_ids(impl->spec.guide, last, OrgKind::enterprise);
  return Evaluation(std::move(impl));
}

Status Evaluation::add_judge(const Registry& reg, PersonId judge) {
  if (!reg.person(judge)) return Error(ErrorCode::not_found, to_string(judge) + " is unknown");
  if (std::find(impl_->judges.begin(), impl_->judges.end(), judge) != impl_->judges.end())
    return Error(ErrorCode::already_exists, to_string(judge) + " is on the panel already",
                 "evaluation.judge");
  impl_->judges.push_back(judge);
  return {};
}

Status Evaluation::mark(const Registry& reg, PersonId judge, OrgId association,
                        std::string_view indicator, Decimal value) {
  detail::EvaluationImpl& e = *impl_;
  if (std::find(e.judges.begin(), e.judges.end(), judge) == e.judges.end())
    return Error(ErrorCode::not_found, to_string(judge) + " is not on the panel");
  if (std::find(e.entries.begin(), e.entries.end(), association) == e.entries.end())
    return Error(ErrorCode::not_found, to_string(association) + " is not evaluated here");
  if (Status st = e.spec.rubric.check_mark(indicator, value); !st) return st;
  // A12's conflict rule, as campaign judging applies it, plus employment by the
  // association's enterprise.
  std::vector<OrgId> orgs = detail::affiliations(reg, judge, e.last);
  const EnterpriseId employer = employer_on(reg, judge, e.last);
  if (employer.ok()) orgs.push_back(association_of(reg, employer, e.last));
  if (auto o = detail::conflicting(reg, orgs, association, e.last))
    return Error(ErrorCode::rule_violation,
                 to_string(judge) + " belongs to " + to_string(*o) + ", within " +
                     to_string(association) + ": a conflict of interest",
                 "evaluation.conflict", "A12");
  auto& list = e.marks[{association.value(), std::string(indicator)}];
  for (const auto& [who, _] : list)
    if (who == judge)
      return Error(ErrorCode::already_exists,
                   to_string(judge) + " marked " + std::string(indicator) + " of " +
                       to_string(association) + " already",
                   "evaluation.mark");
  list.emplace_back(judge, value);
  return {};
}

Result<std::vector<FigureValue>> Evaluation::figures(
    const Registry& reg, const ActivityBook& book, OrgId association,
    std::span<const Campaign* const> campaigns) const {
  const detail::EvaluationImpl& e = *impl_;
  if (std::find(e.entries.begin(), e.entries.end(), association) == e.entries.end())
    return Error(ErrorCode::not_found, to_string(association) + " is not evaluated here");
  const Date first = e.first, last = e.last;
  const Period year{first, last};
  const Timestamp end = Timestamp::from_date_time(last, 23, 59, 59).value();
  const std::vector<OrgId> acting = acting_for(reg, association, last);
  auto ours = [&](OrgId owner) {
    return reg.within(owner, association, last) ||
           std::find(acting.begin(), acting.end(), owner) != acting.end();
  };
  const auto reached = stages(book, end);
  const EnterpriseId ent = enterprise_of(reg, association);
  const Rubric& rubric = e.spec.rubric;
  std::vector<FigureValue> out;
  for (std::uint32_t i : rubric.objective()) {
    const Indicator& ind = rubric.indicators()[i];
    const FigureBinding& b =
        *std::find_if(e.spec.figures.begin(), e.spec.figures.end(),
                      [&](const FigureBinding& x) { return x.indicator == ind.code; });
    FigureValue v{.indicator = ind.code,
                  .figure = b.figure,
                  .value = Decimal(0),
                  .indicator_value = Decimal(0),
                  .facts = {}};
    std::size_t n = 0;
    switch (b.figure) {
      case EvaluationFigure::activities_held:
      case EvaluationFigure::activities_completed:
      case EvaluationFigure::activities_evaluated:
        for (std::size_t id = 1; id <= book.size(); ++id) {
          const Activity* a = book.find(ActivityId{static_cast<std::uint32_t>(id)});
          if (a == nullptr || !ours(a->plan.owner) || !a->plan.planned.overlaps(year)) continue;
          if (b.type && a->plan.type != *b.type) continue;
          auto it = reached.find(a->id.value());
          if (it == reached.end()) continue;
          const AuditRecord* shown =
              b.figure == EvaluationFigure::activities_held        ? it->second.approved
              : b.figure == EvaluationFigure::activities_completed ? it->second.completed
                                                                   : it->second.evaluated;
          if (shown == nullptr) continue;
          ++n;
          v.facts.push_back(std::string(to_string(a->plan.type)) + " " + audit_fact(*shown));
        }
        v.value = whole(n);
        break;
      case EvaluationFigure::members_trained:
      case EvaluationFigure::training_hours: {
        std::int64_t hours = 0;
        MemberIndex idx = reg.member_index(last);
        std::set<std::uint32_t> seen;
        for (std::uint32_t row : idx.select(association)) {
          const PersonId p = idx.entry(row).person;
          if (!seen.insert(p.value()).second) continue;
          auto st = reg.continuing_education_status(p, e.spec.year);
          if (!st || st->hours == 0) continue;
          ++n;
          hours += st->hours;
          v.facts.push_back(to_string(p) + ": " + std::to_string(st->hours) + " h in " +
                            std::to_string(e.spec.year));
        }
        v.value = b.figure == EvaluationFigure::members_trained ? whole(n) : Decimal(hours);
        break;
      }
      case EvaluationFigure::jiangbi_entries:
        for (const Campaign* c : campaigns) {
          if (c == nullptr) continue;
          for (std::size_t id = 1; id <= c->entry_count(); ++id) {
            auto en = c->entry(EntryId{static_cast<std::uint32_t>(id)});
            if (!en || !reg.within(en->spec.unit, association, last)) continue;
            ++n;
            v.facts.push_back("entry " + en->spec.code + " \"" + en->spec.title + "\"");
          }
        }
        v.value = whole(n);
        break;
      case EvaluationFigure::jiangbi_awards: {
        std::vector<Honour> hs;
        for (OrgId o : reg.subtree_ids(association, last)) {
          auto more = reg.honours_of(o);
          hs.insert(hs.end(), more.begin(), more.end());
        }
        MemberIndex idx = reg.member_index(last);
        std::set<std::uint32_t> seen;
        for (std::uint32_t row : idx.select(association)) {
          const PersonId p = idx.entry(row).person;
          if (!seen.insert(p.value()).second) continue;
          auto more = reg.honours_of(p);
          hs.insert(hs.end(), more.begin(), more.end());
        }
        std::set<std::uint32_t> counted;
        for (const Honour& h : hs) {
          if (!year.contains(h.date) || !h.activity) continue;
          const Activity* a = book.find(*h.activity);
          if (a == nullptr || a->plan.type != ActivityType::jiangbi_campaign) continue;
          if (!counted.insert(h.id.value()).second) continue;
          ++n;
          v.facts.push_back(to_string(h.id) + " \"" + h.title + "\" on " + h.date.to_string() +
                            " (" + to_string(*h.activity) + ")");
        }
        v.value = whole(n);
        break;
      }
      case EvaluationFigure::secretary_general_trained: {
        auto st = sg_status(reg, association, last);
        const bool current = st && st->gap == SgGap::current;
        v.value = Decimal(current ? 1 : 0);
        if (st)
          v.facts.push_back(std::string(to_string(st->gap)) +
                            (st->secretary_general.ok()
                                 ? " (" + to_string(st->secretary_general) + ")"
                                 : std::string()) +
                            (st->last_trained ? ", last trained " + st->last_trained->to_string()
                                              : std::string()));
        break;
      }
      case EvaluationFigure::young_share_percent: {
        auto r = reg.rollup(association, last);
        if (r && r->members > 0)
          v.value = divide(whole(r->young * 100), whole(r->members), 2).value();
        if (r)
          v.facts.push_back(std::to_string(r->young) + " young of " + std::to_string(r->members) +
                            " members on " + last.to_string());
        break;
      }
      case EvaluationFigure::links_active:
        for (std::uint32_t id = 1;; ++id) {
          auto l = reg.link(LinkId{id});
          if (!l) break;
          if ((l->enterprise != association && l->other != association) ||
              !l->period.overlaps(year))
            continue;
          ++n;
          v.facts.push_back(to_string(l->id) + " " + std::string(to_string(l->kind)) + " with " +
                            to_string(l->enterprise == association ? l->other : l->enterprise));
        }
        v.value = whole(n);
        break;
      case EvaluationFigure::support_staff:
      case EvaluationFigure::support_budget_yuan:
      case EvaluationFigure::support_facilities_m2: {
        auto s = ent.ok() ? support(reg, ent, e.spec.year)
                          : Result<SupportRecord>(Error(ErrorCode::not_found, "none"));
        if (s) {
          v.value = b.figure == EvaluationFigure::support_staff
                        ? whole(std::size_t{s->full_time_staff} + s->part_time_staff)
                    : b.figure == EvaluationFigure::support_budget_yuan ? s->budget_yuan
                                                                        : s->facilities_m2;
          v.facts.push_back("support of " + to_string(ent) + " in " + std::to_string(e.spec.year) +
                            ": " + std::to_string(s->full_time_staff) + " full-time, " +
                            std::to_string(s->part_time_staff) + " part-time, " +
                            s->budget_yuan.to_string() + " yuan, " + s->facilities_m2.to_string() +
                            " m²");
        } else {
          v.facts.push_back("no support record for " + std::to_string(e.spec.year));
        }
        break;
      }
    }
    auto mapped = rubric.objective_value(ind.code, v.value);
    if (!mapped) return mapped.error();
    v.indicator_value = *mapped;
    out.push_back(std::move(v));
  }
  return out;
}

Result<std::vector<EvaluationResult>> Evaluation::score(
    const Registry& reg, const ActivityBook& book,
    std::span<const Campaign* const> campaigns) const {
  const detail::EvaluationImpl& e = *impl_;
  const Rubric& rubric = e.spec.rubric;
  std::vector<EvaluationResult> results;
  results.reserve(e.entries.size());
  for (OrgId kx : e.entries) {
    EvaluationResult r{
        .association = kx, .total = Decimal(0), .rank = 0, .figures = {}, .judged = {}};
    auto figs = figures(reg, book, kx, campaigns);
    if (!figs) return figs.error();
    r.figures = std::move(*figs);
    for (const FigureValue& f : r.figures) {
      const Indicator& ind = rubric.indicators()[rubric.find(f.indicator).value()];
      auto part = multiply(ind.global_weight, f.indicator_value);
      if (!part) return part.error();
      auto t = add(r.total, *part);
      if (!t) return t.error();
      r.total = *t;
    }
    for (std::uint32_t i : rubric.judged()) {
      const Indicator& ind = rubric.indicators()[i];
      auto it = e.marks.find({kx.value(), ind.code});
      if (it == e.marks.end() || it->second.empty())
        return Error(ErrorCode::rule_violation,
                     to_string(kx) + " has no mark on the judged indicator " + ind.code,
                     "evaluation.incomplete", "A14");
      std::vector<Decimal> values;
      for (const auto& m : it->second) values.push_back(m.second);
      auto combined = aggregate(values, e.spec.aggregation);
      if (!combined) return combined.error();
      auto part = multiply(ind.global_weight, combined->value);
      if (!part) return part.error();
      auto t = add(r.total, *part);
      if (!t) return t.error();
      r.total = *t;
      r.judged.push_back({ind.code, it->second, std::move(*combined)});
    }
    results.push_back(std::move(r));
  }
  std::stable_sort(results.begin(), results.end(),
                   [](const EvaluationResult& a, const EvaluationResult& b) {
                     if (a.total != b.total) return a.total > b.total;
                     return a.association < b.association;
                   });
  for (std::size_t i = 0; i < results.size(); ++i) results[i].rank = i + 1;
  return results;
}

Result<std::vector<OrgId>> Evaluation::name_exemplary(Registry& reg,
                                                      std::span<const EvaluationResult> results,
                                                      std::size_t count, Decimal min_total,
                                                      PersonId actor,
                                                      std::string_view basis) const {
  const detail::EvaluationImpl& e = *impl_;
  const Date from = Date::from_ymd(e.spec.year + 1, 1, 1).value();
  const Date to = Date::from_ymd(e.spec.year + 1, 12, 31).value();
  bool allowed = false;
  for (const Appointment& a : reg.appointments_of(actor, from))
    if (a.org == e.spec.guide && decides(a.role)) allowed = true;
  if (!allowed)
    return Error(ErrorCode::rule_violation,
                 to_string(actor) + " holds no deciding office at " + to_string(e.spec.guide) +
                     " on " + from.to_string(),
                 "evaluation.permission", "A14");
  std::vector<OrgId> named;
  for (const EvaluationResult& r : results) {
    if (named.size() == count) break;
    if (r.total < min_total) continue;
    if (std::find(e.entries.begin(), e.entries.end(), r.association) == e.entries.end())
      return Error(ErrorCode::not_found, to_string(r.association) + " is not evaluated here");
    named.push_back(r.association);
  }
  // All or nothing: try on a copy first, so that a refusal half-way leaves the
  // registry (and its digest) as it was.
  {
    Registry trial = reg.clone();
    for (OrgId kx : named)
      if (Status st = trial.award_exemplary(kx, {from, to}, e.spec.guide, basis); !st)
        return st.error();
  }
  for (OrgId kx : named) {
    Status st = reg.award_exemplary(kx, {from, to}, e.spec.guide, basis);
    if (!st) return st.error();  // cannot happen: the trial passed
  }
  return named;
}

}  // namespace v1
}  // namespace kexie
