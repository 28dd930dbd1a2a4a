// The C API of judge assignment (kexie/assignment.hpp): a proposal handle that
// owns a kexie::AssignmentProposal, its pairs and per-entry explanation read by
// index, and the all-or-nothing apply. Every pointer, count and index is checked
// before it is used.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "capi.hpp"
#include "handles.hpp"
#include "kexie/assignment.hpp"
#include "kexie/kexie.h"
#include "kexie/table_assignment.hpp"

struct kx_assignment {
  kexie::AssignmentProposal proposal;
};

namespace {

// The options a C caller gave, as kexie::AssignmentOptions.
kexie::Result<kexie::AssignmentOptions> options_of(const kx_assignment_options* o) {
  kexie::AssignmentOptions out;
  if (o == nullptr) return out;
  KX_TRY(kx::check_version(o->version, KX_ASSIGNMENT_OPTIONS_VERSION, "kx_assignment_options"));
  if (o->availability == nullptr && o->availability_count != 0) {
    return kx::invalid("availability is NULL but availability_count is " +
                       std::to_string(o->availability_count));
  }
  KX_TRY(
      kx::array_size(o->availability_count, sizeof(kx_judge_availability), "availability_count"));
  if (o->declare_load != 0 && o->declare_load != 1) {
    return kx::invalid("declare_load " + std::to_string(o->declare_load) + " is not 0 or 1");
  }
  if (o->spread_required != 0 && o->spread_required != 1) {
    return kx::invalid("spread_required " + std::to_string(o->spread_required) + " is not 0 or 1");
  }
  out.judges_per_entry = o->judges_per_entry;
  if (o->declare_load == 1) out.load = kexie::LoadRange{o->load_min, o->load_max};
  out.availability.reserve(o->availability_count);
  for (std::size_t i = 0; i < o->availability_count; ++i) {
    const kx_judge_availability& a = o->availability[i];
    out.availability.push_back({kexie::JudgeId{a.judge}, a.min_load, a.max_load, a.cost_per_entry});
  }
  out.expertise_cost = o->expertise_cost;
  out.spread_cost = o->spread_cost;
  out.spread_required = o->spread_required == 1;
  out.seed = o->seed;
  out.candidates_per_entry = o->candidates_per_entry;
  return out;
}

// The explanation of entry `entry` in a proposal, or not_found naming it.
kexie::Result<const kexie::EntryAssignment*> entry_of(const kx_assignment* a, std::uint32_t entry) {
  const auto& entries = a->proposal.entries;
  if (entry == 0 || entry > entries.size()) {
    return kexie::Error(kexie::ErrorCode::not_found,
                        "the proposal has no " + kexie::to_string(kexie::EntryId{entry}));
  }
  return &entries[entry - 1];
}

kexie::Status index_in(std::size_t index, std::size_t count, const char* what) {
  if (index < count) return {};
  return kx::invalid(std::string(what) + " index " + std::to_string(index) + " is past the end (" +
                     std::to_string(count) + ")");
}

}  // namespace

extern "C" {

int kx_assignment_propose(kx_assignment** out, const kx_campaign* campaign,
                          const kx_assignment_options* options) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    *out = nullptr;
    KX_NEED(campaign);
    KX_TRY_ASSIGN(const kexie::AssignmentOptions o, options_of(options));
    KX_TRY_ASSIGN(kexie::AssignmentProposal p, kexie::propose_assignment(campaign->campaign(), o));
    *out = new kx_assignment{std::move(p)};
    return KX_OK;
  });
}

void kx_assignment_free(kx_assignment* assignment) { delete assignment; }

int kx_assignment_summary(size_t* pair_count, int64_t* cost, const kx_assignment* assignment) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(pair_count);
    KX_NEED(cost);
    KX_NEED(assignment);
    *pair_count = assignment->proposal.pairs.size();
    *cost = assignment->proposal.cost;
    return KX_OK;
  });
}

int kx_assignment_pair_at(kx_assignment_pair* out, const kx_assignment* assignment, size_t index) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(assignment);
    const auto& pairs = assignment->proposal.pairs;
    KX_TRY(index_in(index, pairs.size(), "pair"));
    *out = {pairs[index].judge.value(), pairs[index].entry.value()};
    return KX_OK;
  });
}

int kx_assignment_entry(size_t* judge_count, size_t* excluded_count,
                        const kx_assignment* assignment, uint32_t entry) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(judge_count);
    KX_NEED(excluded_count);
    KX_NEED(assignment);
    KX_TRY_ASSIGN(const kexie::EntryAssignment* e, entry_of(assignment, entry));
    *judge_count = e->judges.size();
    *excluded_count = e->excluded.size();
    return KX_OK;
  });
}

int kx_assignment_choice(kx_judge_choice* out, const kx_assignment* assignment, uint32_t entry,
                         size_t index) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(assignment);
    KX_TRY_ASSIGN(const kexie::EntryAssignment* e, entry_of(assignment, entry));
    KX_TRY(index_in(index, e->judges.size(), "judge"));
    const kexie::JudgeChoice& c = e->judges[index];
    *out = {c.judge.value(),
            c.kept ? 1 : 0,
            c.expertise ? 1 : 0,
            c.organization.value(),
            c.shares_organization ? 1 : 0,
            c.cost};
    return KX_OK;
  });
}

int kx_assignment_exclusion(uint32_t* judge, char** rule, char** reason,
                            const kx_assignment* assignment, uint32_t entry, size_t index) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(judge);
    if (rule != nullptr) *rule = nullptr;
    if (reason != nullptr) *reason = nullptr;
    KX_NEED(assignment);
    KX_TRY_ASSIGN(const kexie::EntryAssignment* e, entry_of(assignment, entry));
    KX_TRY(index_in(index, e->excluded.size(), "exclusion"));
    const kexie::Exclusion& x = e->excluded[index];
    char* rule_copy = nullptr;
    char* reason_copy = nullptr;
    if (rule != nullptr) {
      if (kx::Rc rc = kx::give(&rule_copy, x.rule); rc.code() != KX_OK) return rc;
    }
    if (reason != nullptr) {
      if (kx::Rc rc = kx::give(&reason_copy, x.reason); rc.code() != KX_OK) {
        kx_string_free(rule_copy);
        return rc;
      }
    }
    if (rule != nullptr) *rule = rule_copy;
    if (reason != nullptr) *reason = reason_copy;
    *judge = x.judge.value();
    return KX_OK;
  });
}

int kx_assignment_apply(kx_campaign* campaign, const kx_assignment* assignment, size_t* failed) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(campaign);
    KX_NEED(assignment);
    std::size_t at = 0;
    kexie::Status st = kexie::apply(campaign->campaign(), assignment->proposal, &at);
    if (!st && failed != nullptr) *failed = at;
    return st;
  });
}

int kx_campaign_assign_all(kx_campaign* campaign, const kx_assignment_pair* pairs, size_t count,
                           size_t* failed) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(campaign);
    if (count != 0) KX_NEED(pairs);
    KX_TRY(kx::array_size(count, sizeof(kx_assignment_pair), "count"));
    std::vector<kexie::AssignmentInput> batch;
    batch.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
      batch.push_back({kexie::JudgeId{pairs[i].judge}, kexie::EntryId{pairs[i].entry}});
    }
    std::size_t at = 0;
    kexie::Status st = campaign->campaign().assign_all(batch, &at);
    if (!st && failed != nullptr) *failed = at;
    return st;
  });
}

int kx_assignment_csv(char** out, size_t* length, const kx_assignment* assignment,
                      const kx_campaign* campaign, const kx_registry* registry, int encoding,
                      int chinese, int explain) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    *out = nullptr;
    KX_NEED(length);
    KX_NEED(assignment);
    KX_NEED(campaign);
    KX_NEED(registry);
    KX_TRY_ASSIGN(const kexie::TextEncoding e,
                  kx::enum_arg<kexie::TextEncoding>(encoding, "encoding"));
    KX_TRY_ASSIGN(
        const kexie::ResultSheet sheet,
        kexie::assignment_sheet(campaign->campaign(), registry->registry(), assignment->proposal,
                                {.chinese = chinese != 0, .explain = explain != 0}));
    KX_TRY_ASSIGN(const std::string csv, kexie::to_csv(sheet, e));
    if (kx::Rc rc = kx::give(out, csv); rc.code() != KX_OK) return rc;
    *length = csv.size();
    return KX_OK;
  });
}

}  // extern "C"
