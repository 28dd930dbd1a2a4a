// API-sequence fuzzing (issue 16): the input is decoded into a sequence of C API
// calls (kexie.h) over a registry, actors, an activity book, a campaign, its
// scoreboards, the weights and agreement functions and snapshots, saved to a buffer
// and loaded back in the middle of the sequence (later calls then work on the
// loaded objects). Arguments come from the input, hostile ones included: NULL where
// the API must refuse it, huge sizes with no array behind them, counts no array can
// have, invalid enumerators, bad dates, timestamps and decimals, ids of the wrong kind
// or of nothing.
//
// After every call the target checks the C API's promises:
//   - a refused call (a negative return) leaves kx_error_last() with that code and a
//     message, and changes no digest: the registry's (the bytes of a registry-only
//     snapshot), the activity book's chain head and the campaign's scoreboard digest
//     (or the code scoring refuses with), all read through the C API;
//   - KX_EINTERNAL (a bug or an exception reaching the shim) never happens.
// A broken promise aborts; ASan and UBSan (the fuzz preset) catch the rest, and
// libFuzzer's leak check every leak. The seed corpus (tests/fuzz/corpus/
// api_sequence_fuzz/) is replayed by ctest in the fuzz preset.
//
// Calls that multiply sizes given by the caller into a buffer size (kx_weights_ahp's
// n×n, kx_weights_entropy's rows×cols, kx_kendall_w's entries×judges) also get sizes
// whose product does not fit in the address space — the smallest such, one that wraps
// size_t to a small value, or a huge one — which the C API must refuse before reading
// the array (issue 16 item 9).
#include <fuzzer/FuzzedDataProvider.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <limits>
#include <string>
#include <vector>

#include "kexie/kexie.h"

namespace {

[[noreturn]] void broken(const char* what, const char* call) {
  std::fprintf(stderr, "api_sequence_fuzz: %s after %s\n", what, call);
  std::abort();
}

constexpr const char* kDates[] = {
    "2024-01-01", "2025-03-01", "1958-09-18",  "2000-01-01",  "2015-01-01",
    "1995-05-01", "1970-05-01", "2030-12-31",  "9999-12-31",  "0001-01-01",
    "2024-02-29", "2023-02-29", "2024-13-01",  "2024-00-10",  "",
    "yesterday",  "2024-1-1",   "-2024-01-01", "99999-01-01", "2024-01-01T00:00:00Z"};
constexpr const char* kTimes[] = {"2025-03-01T09:00:00Z",
                                  "2025-03-02T10:00:00+08:00",
                                  "2025-03-03T09:00:00.123456Z",
                                  "2025-04-01T00:00:00Z",
                                  "2025-06-01T12:00:00Z",
                                  "2026-01-01T00:00:00Z",
                                  "2024-12-31T23:59:59Z",
                                  "9999-12-31T23:59:59-23:59",
                                  "0000-01-01T00:00:00Z",
                                  "2025-03-01",
                                  "",
                                  "not a time",
                                  "2025-03-01T25:00:00Z",
                                  "2025-03-01T09:00:00+99:00",
                                  "1969-12-31T23:59:59.999999Z"};
constexpr const char* kDecimals[] = {"0",
                                     "1",
                                     "0.5",
                                     "0.4",
                                     "0.6",
                                     "90",
                                     "90.0",
                                     "88.3",
                                     "100",
                                     "101",
                                     "60",
                                     "-1",
                                     "0.3",
                                     "50000",
                                     "300000",
                                     "1200000",
                                     "1e400",
                                     "1E+1000000000",
                                     "NaN",
                                     "inf",
                                     "",
                                     "ninety",
                                     ".5",
                                     "1.",
                                     "--1",
                                     "0x10",
                                     "0.333333333333333333333333333333",
                                     "99999999999999999999999999999999999999"};
constexpr const char* kTexts[] = {"科协",
                                  "Steel",
                                  "E1",
                                  "E2",
                                  "E3",
                                  "A.1",
                                  "A.2",
                                  "A",
                                  "B",
                                  "veto",
                                  "K-1",
                                  "E-1",
                                  "",
                                  " ",
                                  "\xff\xfe",
                                  "\xc0\x80",
                                  "a\tb",
                                  "objective_total",
                                  "top_marks",
                                  "indicator:A.1",
                                  "figure:energy_saved_tce",
                                  "indicator:NOPE",
                                  "bogus",
                                  "一等奖"};
constexpr const char* kRubric =
    "# code|name|parent|kind|weight|min|max|step|figure|tiers|floor|per_unit|cap|bonus_cap\n"
    "A|评审指标 judged||group|0.6\n"
    "A.1|创新性 creativity|A|judged|0.5|0|100|0.5\n"
    "A.2|实用性 practicality|A|judged|0.5|0|100|0.5\n"
    "B|经济效益 benefit||objective|0.4||||annual_benefit_yuan|500000:95;100000:70|40\n"
    "C|加分 bonus||bonus||0|5|1||||||5\n"
    "veto|一票否决 veto||veto\n";

/// The objects of one run, freed in an order that respects who borrows whom.
struct World {
  kx_registry* reg = nullptr;   // owned unless `snap` lends it
  kx_snapshot* snap = nullptr;  // the last loaded snapshot, when objects come from it
  kx_book* book = nullptr;
  kx_campaign* campaign = nullptr;
  std::vector<kx_actor*> actors;
  std::vector<kx_scoreboard*> boards;
  kx_buffer saved{nullptr, 0};

  std::vector<uint32_t> orgs, people, memberships, activities, entries, judges, indicators;

  void drop_children() {
    for (kx_scoreboard* b : boards) kx_scoreboard_free(b);
    boards.clear();
    kx_campaign_free(campaign);  // does nothing for a borrowed one
    kx_book_free(book);
    campaign = nullptr;
    book = nullptr;
  }
  void drop_registry() {
    drop_children();
    kx_registry_free(reg);
    kx_snapshot_free(snap);
    reg = nullptr;
    snap = nullptr;
  }
  ~World() {
    drop_registry();
    for (kx_actor* a : actors) kx_actor_free(a);
    kx_buffer_free(&saved);
  }
};

/// What refused calls must leave unchanged. A refused transition appends its own
/// audit record (kexie.h, kx_activity_apply), so the chain head is allowed to move
/// by exactly that one record; the activities themselves must not change.
struct Digests {
  std::string registry, chain, activities, board;
  std::size_t audit_records = 0;
  int last_audit_code = 0;
};

int count_audit(const kx_audit_record* record, void* payload) {
  auto* d = static_cast<Digests*>(payload);
  ++d->audit_records;
  d->last_audit_code = record->code;
  return 0;
}

Digests digests(const World& w) {
  Digests d;
  if (w.reg != nullptr) {
    kx_buffer b{nullptr, 0};
    int rc = kx_snapshot_save_buffer(&b, w.reg, nullptr, 0, nullptr, 0);
    if (rc != 0) broken("a registry-only snapshot refused", "digests");
    d.registry.assign(static_cast<const char*>(b.data), b.size);
    kx_buffer_free(&b);
  }
  if (w.book != nullptr) {
    char* head = nullptr;
    if (kx_book_chain_head(&head, w.book) != 0) broken("chain head refused", "digests");
    d.chain = head;
    kx_string_free(head);
    if (kx_book_audit_foreach(w.book, count_audit, &d) != 0) broken("audit refused", "digests");
    std::size_t size = 0;
    if (kx_book_size(&size, w.book) != 0) broken("size refused", "digests");
    for (uint32_t id = 1; id <= size + 1; ++id) {
      kx_activity_info i;
      if (kx_activity_get(&i, w.book, id) != 0) continue;
      d.activities += std::to_string(i.id) + ":" + std::to_string(i.type) + "," +
                      std::to_string(i.state) + "," + std::to_string(i.organizer) + "," +
                      std::to_string(i.owner) + "," + std::to_string(i.responsible) + "," +
                      std::to_string(i.has_grade) + "," + std::to_string(i.grade) + "," +
                      i.score.text + "," + std::to_string(i.created) + "," +
                      std::to_string(i.last_event) + ";";
    }
  }
  if (w.campaign != nullptr) {
    kx_scoreboard* board = nullptr;
    int rc = kx_campaign_score(&board, w.campaign);
    if (rc == KX_EINTERNAL) broken("KX_EINTERNAL", "kx_campaign_score");
    if (rc == 0) {
      const char* digest = nullptr;
      if (kx_scoreboard_digest(&digest, board) != 0) broken("digest refused", "digests");
      d.board = digest;
      kx_scoreboard_free(board);
    } else {
      d.board = "refused " + std::to_string(rc) + ": " + kx_error_last()->message;
    }
  }
  return d;
}

/// Draws arguments from the input.
class Args {
 public:
  explicit Args(FuzzedDataProvider& in) : in_(in) {}

  bool chance(int one_in) { return in_.ConsumeIntegralInRange<int>(0, one_in - 1) == 0; }
  template <class T>
  T pick_int(T lo, T hi) {
    return in_.ConsumeIntegralInRange<T>(lo, hi);
  }

  /// A string from `table`, a string from the input, or (rarely) NULL.
  template <std::size_t N>
  const char* text(const char* const (&table)[N], bool null_ok = true) {
    switch (in_.ConsumeIntegralInRange<int>(0, 15)) {
      case 0:
        if (null_ok) return nullptr;
        [[fallthrough]];
      case 1:
        return keep(in_.ConsumeRandomLengthString(64));
      case 2:
        return keep(std::string(in_.ConsumeIntegralInRange<std::size_t>(0, 5000), 'x'));
      default:
        return table[in_.ConsumeIntegralInRange<std::size_t>(0, N - 1)];
    }
  }
  const char* date() { return text(kDates); }
  const char* time() { return text(kTimes); }
  const char* decimal() { return text(kDecimals); }
  const char* name() { return text(kTexts); }
  const char* keep(std::string s) { return strings_.emplace_back(std::move(s)).c_str(); }

  /// An id from `known`, or an id of anything, or a hostile one.
  uint32_t id(const std::vector<uint32_t>& known, const World& w) {
    int k = in_.ConsumeIntegralInRange<int>(0, 9);
    if (k < 6 && !known.empty())
      return known[in_.ConsumeIntegralInRange<std::size_t>(0, known.size() - 1)];
    if (k < 8) {  // an id of another kind
      const std::vector<uint32_t>* all[] = {&w.orgs,       &w.people,  &w.memberships,
                                            &w.activities, &w.entries, &w.judges};
      const auto& v = *all[in_.ConsumeIntegralInRange<int>(0, 5)];
      if (!v.empty()) return v[in_.ConsumeIntegralInRange<std::size_t>(0, v.size() - 1)];
    }
    constexpr uint32_t hostile[] = {0, 1, 2, 999, 0x7fffffffu, 0x80000000u, 0xffffffffu};
    return in_.PickValueInArray(hostile);
  }
  /// An enumerator in [0, count), or an invalid one.
  int enumerator(int count) {
    if (chance(12)) {
      constexpr int hostile[] = {-1, std::numeric_limits<int>::min(),
                                 std::numeric_limits<int>::max(), 77};
      return chance(2) ? count : in_.PickValueInArray(hostile);
    }
    return in_.ConsumeIntegralInRange<int>(0, count - 1);
  }
  /// A count for an array of `actual` elements: the true one, or, with no array, huge.
  std::size_t huge() {
    constexpr std::size_t sizes[] = {1,
                                     2,
                                     std::size_t{1} << 31,
                                     std::size_t{1} << 32,
                                     std::numeric_limits<std::size_t>::max(),
                                     std::numeric_limits<std::size_t>::max() / 2 + 1};
    return in_.PickValueInArray(sizes);
  }
  /// A count no array can have (it overflows the address space for elements of any
  /// size): the C API must refuse it before reading the array behind it.
  std::size_t too_many() {
    constexpr std::size_t sizes[] = {std::numeric_limits<std::size_t>::max(),
                                     std::numeric_limits<std::size_t>::max() / 2 + 1};
    return in_.PickValueInArray(sizes);
  }
  /// A count that, times `other` (≥ 1) cells of 8 bytes, does not fit in the address
  /// space: the smallest such count, one whose product wraps size_t to below `other`,
  /// or a huge one.
  std::size_t too_many(std::size_t other) {
    constexpr std::size_t kMax = std::numeric_limits<std::ptrdiff_t>::max();
    constexpr std::size_t kAll = std::numeric_limits<std::size_t>::max();
    const std::size_t sizes[] = {kMax / 8 / other + 1, other == 1 ? kAll : kAll / other + 1, kAll};
    return in_.PickValueInArray(sizes);
  }
  /// An n whose n × n cells of 8 bytes do not fit in the address space: the smallest
  /// such, one whose n × n wraps size_t (to 0, or to 2^33 + 1), or a huge one.
  std::size_t too_many_squared() {
    constexpr std::size_t sizes[] = {std::size_t{1} << 30, std::size_t{1} << 32,
                                     (std::size_t{1} << 32) + 1, std::size_t{1} << 63,
                                     std::numeric_limits<std::size_t>::max()};
    return in_.PickValueInArray(sizes);
  }
  double real() {
    constexpr double special[] = {0.0,
                                  -0.0,
                                  1.0,
                                  -1.0,
                                  1e308,
                                  -1e308,
                                  1e-320,
                                  std::numeric_limits<double>::infinity(),
                                  std::numeric_limits<double>::quiet_NaN(),
                                  9.0,
                                  1.0 / 9.0,
                                  0.5};
    if (chance(3)) return in_.PickValueInArray(special);
    return in_.ConsumeFloatingPoint<double>();
  }
  std::size_t bytes_left() const { return in_.remaining_bytes(); }
  FuzzedDataProvider& in() { return in_; }

 private:
  FuzzedDataProvider& in_;
  std::deque<std::string> strings_;
};

int stop_after(uint32_t, void* payload) {
  int* left = static_cast<int*>(payload);
  return --*left == 0 ? 1 : 0;
}
template <class T>
int stop_after_row(const T*, void* payload) {
  int* left = static_cast<int*>(payload);
  return --*left == 0 ? 2 : 0;
}

/// Creates the small world most sequences start from: CAST, a province, an
/// enterprise association with a branch, a second enterprise, six people and a
/// campaign with a rubric, three judges and two entries. Every call must succeed.
void build_world(World& w) {
  auto must = [](int rc, const char* what) {
    if (rc != 0) broken(kx_error_last()->message, what);
  };
  must(kx_registry_new(&w.reg, nullptr), "kx_registry_new");
  auto org = [&](int kind, const char* name, uint32_t parent, int level) {
    kx_org_spec s = KX_ORG_SPEC_INIT;
    s.kind = kind;
    s.name = name;
    s.parent = parent;
    s.effective = "2000-01-01";
    s.level = level;
    if (kind == KX_ORG_ENTERPRISE) s.enterprise_name = name;
    uint32_t id = 0;
    must(kx_registry_add_org(&id, w.reg, &s), "world org");
    w.orgs.push_back(id);
    return id;
  };
  uint32_t cast = org(KX_ORG_NATIONAL, "中国科协", 0, KX_LEVEL_NONE);
  uint32_t province = org(KX_ORG_LOCAL, "浙江省科协", cast, KX_LEVEL_PROVINCIAL);
  uint32_t steel = org(KX_ORG_ENTERPRISE, "杭钢科协", province, KX_LEVEL_NONE);
  org(KX_ORG_BRANCH, "轧钢分会", steel, KX_LEVEL_NONE);
  uint32_t other = org(KX_ORG_ENTERPRISE, "other 科协", province, KX_LEVEL_NONE);
  const char* keys[] = {"E-1", "E-2", "E-3"};
  for (int i = 0; i < 6; ++i) {
    kx_person_spec p = KX_PERSON_SPEC_INIT;
    p.name = i < 3 ? "王工" : "专家";
    p.birth = i < 2 ? "1995-05-01" : "1965-01-01";
    p.employer = i < 3 ? steel : other;
    p.external_key = keys[i % 3];
    p.title = KX_TITLE_SENIOR;
    uint32_t id = 0, m = 0;
    must(kx_registry_add_person(&id, w.reg, &p), "world person");
    must(kx_registry_add_membership(&m, w.reg, id, p.employer,
                                    i == 0 ? KX_ROLE_CHAIR : KX_ROLE_MEMBER, "2015-01-01", nullptr),
         "world membership");
    w.people.push_back(id);
    w.memberships.push_back(m);
  }
  must(kx_book_new(&w.book, w.reg), "kx_book_new");
  kx_campaign_options o = KX_CAMPAIGN_OPTIONS_INIT;
  o.name = "2025 五小";
  o.organizer = province;
  o.as_of = "2025-03-01";
  o.year = 2024;
  o.min_judges = 2;
  must(kx_campaign_new(&w.campaign, w.reg, &o), "kx_campaign_new");
  must(kx_campaign_set_rubric_text(w.campaign, KX_CATEGORY_RATIONALIZATION_PROPOSALS, "合理化建议",
                                   kRubric),
       "rubric");
  uint32_t index = 0;
  for (const char* code : {"A.1", "A.2", "B", "C", "veto"})
    if (kx_campaign_indicator_index(&index, w.campaign, KX_CATEGORY_RATIONALIZATION_PROPOSALS,
                                    code) == 0)
      w.indicators.push_back(index);
  for (int i = 0; i < 2; ++i) {
    kx_team_share team[1] = {{w.people[static_cast<std::size_t>(i)], "1"}};
    kx_entry_spec e = KX_ENTRY_SPEC_INIT;
    e.code = i == 0 ? "E1" : "E2";
    e.title = "节能改造";
    e.unit = steel;
    e.team = team;
    e.team_count = 1;
    e.in_use_since = "2024-06-01";
    e.annual_benefit_yuan = i == 0 ? "300000" : "50000";
    uint32_t id = 0;
    must(kx_campaign_add_entry(&id, w.campaign, &e), "world entry");
    w.entries.push_back(id);
  }
  for (int i = 3; i < 6; ++i) {
    uint32_t j = 0;
    must(kx_campaign_add_judge(&j, w.campaign, w.people[static_cast<std::size_t>(i)]),
         "world judge");
    w.judges.push_back(j);
  }
  kx_actor* a = nullptr;
  must(kx_actor_from_registry(&a, w.reg, w.people[0], "2025-03-01"), "world actor");
  w.actors.push_back(a);
}

constexpr int kOps = 48;
/// The operations that take a non-const registry, book or campaign (or replace
/// them): digests are compared around these. The others take const handles or
/// none, and are checked for their error record only.
constexpr bool mutates(int op) {
  switch (op) {
    case 0:
    case 1:
    case 2:
    case 3:
    case 4:
    case 10:
    case 11:
    case 12:
    case 13:
    case 14:
    case 15:
    case 18:
    case 19:
    case 20:
    case 22:
    case 23:
    case 25:
    case 26:
    case 27:
    case 28:
    case 29:
    case 30:
    case 31:
    case 32:
    case 33:
    case 39:
      return true;
    default:
      return false;
  }
}

/// Runs call `op` with arguments decoded from `a`. Returns its name (for messages)
/// and sets `rc`.
const char* step(int op, World& w, Args& a, int& rc) {
  FuzzedDataProvider& in = a.in();
  kx_registry* reg = a.chance(40) ? nullptr : w.reg;
  kx_book* book = a.chance(40) ? nullptr : w.book;
  kx_campaign* camp = a.chance(40) ? nullptr : w.campaign;
  const kx_actor* actor =
      w.actors.empty() || a.chance(30)
          ? nullptr
          : w.actors[in.ConsumeIntegralInRange<std::size_t>(0, w.actors.size() - 1)];
  bool null_out = a.chance(40);
  rc = 0;
  switch (op) {
    // ------------------------------------------------------------- registry
    case 0: {
      kx_org_spec s = KX_ORG_SPEC_INIT;
      if (a.chance(30)) s.version = a.pick_int<unsigned>(0, 3);
      s.kind = a.enumerator(9);
      s.name = a.name();
      s.parent = a.id(w.orgs, w);
      s.effective = a.date();
      s.level = a.enumerator(5);
      s.enterprise_name = a.chance(2) ? s.name : a.name();
      s.ownership = a.enumerator(5);
      s.industry = a.name();
      s.region = a.name();
      uint32_t id = 0;
      rc = kx_registry_add_org(null_out ? nullptr : &id, reg, a.chance(40) ? nullptr : &s);
      if (rc == 0) w.orgs.push_back(id);
      return "kx_registry_add_org";
    }
    case 1: {
      kx_person_spec s = KX_PERSON_SPEC_INIT;
      if (a.chance(30)) s.version = a.pick_int<unsigned>(0, 3);
      s.name = a.name();
      s.birth = a.date();
      s.employer = a.id(w.orgs, w);
      s.external_key = a.name();
      s.title = a.enumerator(5);
      s.discipline = a.name();
      uint32_t id = 0;
      rc = kx_registry_add_person(null_out ? nullptr : &id, reg, a.chance(40) ? nullptr : &s);
      if (rc == 0) w.people.push_back(id);
      return "kx_registry_add_person";
    }
    case 2: {
      uint32_t id = 0;
      uint32_t person = a.id(w.people, w), org = a.id(w.orgs, w);
      int role = a.enumerator(6);
      const char* first = a.date();
      rc = kx_registry_add_membership(null_out ? nullptr : &id, reg, person, org, role, first,
                                      a.date());
      if (rc == 0) w.memberships.push_back(id);
      return "kx_registry_add_membership";
    }
    case 3: {
      uint32_t m = a.id(w.memberships, w);
      rc = kx_registry_end_membership(reg, m, a.date());
      return "kx_registry_end_membership";
    }
    case 4: {
      uint32_t org = a.id(w.orgs, w);
      rc = kx_registry_dissolve(reg, org, a.date());
      return "kx_registry_dissolve";
    }
    case 5: {
      uint32_t org = a.id(w.orgs, w);
      switch (in.ConsumeIntegralInRange<int>(0, 3)) {
        case 0: {
          kx_org_info info;
          rc = kx_registry_org(null_out ? nullptr : &info, reg, org);
          return "kx_registry_org";
        }
        case 1: {
          char* name = nullptr;
          rc = kx_registry_org_name(null_out ? nullptr : &name, reg, org);
          kx_string_free(name);
          return "kx_registry_org_name";
        }
        case 2: {
          uint32_t parent = 0;
          rc = kx_registry_parent(null_out ? nullptr : &parent, reg, org, a.date());
          return "kx_registry_parent";
        }
        default: {
          int left = a.pick_int(1, 4);
          const char* as_of = a.date();
          rc = kx_registry_subtree_foreach(reg, org, as_of, a.chance(2) ? -1 : a.enumerator(9),
                                           a.chance(20) ? nullptr : stop_after, &left);
          return "kx_registry_subtree_foreach";
        }
      }
    }
    case 6: {
      uint32_t person = a.id(w.people, w);
      switch (in.ConsumeIntegralInRange<int>(0, 4)) {
        case 0: {
          kx_person_info info;
          rc = kx_registry_person(null_out ? nullptr : &info, reg, person);
          return "kx_registry_person";
        }
        case 1: {
          char* name = nullptr;
          rc = kx_registry_person_name(null_out ? nullptr : &name, reg, person);
          kx_string_free(name);
          return "kx_registry_person_name";
        }
        case 2: {
          uint32_t found = 0;
          rc = kx_registry_find_person(null_out ? nullptr : &found, reg, a.id(w.orgs, w), a.name());
          return "kx_registry_find_person";
        }
        case 3: {
          int young = 0;
          rc = kx_registry_is_young(null_out ? nullptr : &young, reg, person, a.date());
          return "kx_registry_is_young";
        }
        default: {
          int left = a.pick_int(1, 4);
          rc = kx_registry_memberships_foreach(
              reg, person, a.chance(20) ? nullptr : stop_after_row<kx_membership_info>, &left);
          return "kx_registry_memberships_foreach";
        }
      }
    }
    case 7: {
      kx_member_filter f = KX_MEMBER_FILTER_INIT;
      if (a.chance(30)) f.version = a.pick_int<unsigned>(0, 3);
      f.role = a.chance(2) ? -1 : a.enumerator(6);
      f.young = a.pick_int(0, 1);
      f.min_title = a.chance(2) ? -1 : a.enumerator(5);
      f.discipline = a.chance(2) ? nullptr : a.name();
      uint32_t root = a.id(w.orgs, w);
      const char* as_of = a.date();
      const kx_member_filter* filter = a.chance(3) ? nullptr : &f;
      switch (in.ConsumeIntegralInRange<int>(0, 2)) {
        case 0: {
          int left = a.pick_int(1, 6);
          rc = kx_registry_members_foreach(reg, root, as_of, filter,
                                           a.chance(20) ? nullptr : stop_after_row<kx_member_row>,
                                           &left);
          return "kx_registry_members_foreach";
        }
        case 1: {
          kx_member_row* rows = nullptr;
          std::size_t count = 0;
          rc = kx_registry_members(null_out ? nullptr : &rows, a.chance(30) ? nullptr : &count, reg,
                                   root, as_of, filter);
          for (std::size_t i = 0; rc == 0 && i < count; ++i)
            (void)rows[i].person;  // ASan reads them
          kx_member_rows_free(rows);
          return "kx_registry_members";
        }
        default: {
          kx_rollup r;
          rc = kx_registry_rollup(null_out ? nullptr : &r, reg, root, as_of);
          return "kx_registry_rollup";
        }
      }
    }
    // --------------------------------------------------------------- actors
    case 8: {
      kx_actor* actor_out = nullptr;
      uint32_t person = a.id(w.people, w);
      if (a.chance(2))
        rc = kx_actor_new(null_out ? nullptr : &actor_out, person);
      else
        rc = kx_actor_from_registry(null_out ? nullptr : &actor_out, reg, person, a.date());
      if (rc == 0 && actor_out != nullptr) {
        if (w.actors.size() >= 6) {
          kx_actor_free(w.actors.front());
          w.actors.erase(w.actors.begin());
        }
        w.actors.push_back(actor_out);
      }
      return "kx_actor_new";
    }
    case 9: {
      kx_actor* target = w.actors.empty() || a.chance(20) ? nullptr : w.actors.back();
      if (a.chance(2))
        rc = kx_actor_add_role(target, a.enumerator(6), a.id(w.orgs, w));
      else
        rc = kx_actor_add_expert_pool(target, a.id(w.orgs, w));
      return "kx_actor_add_role";
    }
    // ----------------------------------------------------------------- book
    case 10: {
      if (a.chance(4)) {  // a new book over the current registry
        kx_book* fresh = nullptr;
        rc = kx_book_new(null_out ? nullptr : &fresh, reg);
        if (rc == 0) {
          kx_book_free(w.book);
          w.book = fresh;
          w.activities.clear();
        }
        return "kx_book_new";
      }
      [[fallthrough]];
    }
    case 11: {
      kx_activity_plan p = KX_ACTIVITY_PLAN_INIT;
      if (a.chance(30)) p.version = a.pick_int<unsigned>(0, 3);
      p.type = a.enumerator(16);
      p.title = a.name();
      p.organizer = a.id(w.orgs, w);
      p.owner = a.id(w.orgs, w);
      p.responsible = a.id(w.people, w);
      uint32_t team[4];
      std::size_t team_count = a.pick_int<std::size_t>(0, 4);
      for (std::size_t i = 0; i < team_count; ++i) team[i] = a.id(w.people, w);
      p.team = team;
      p.team_count = team_count;
      if (a.chance(15)) {  // a count with no array behind it
        p.team = nullptr;
        p.team_count = a.huge();
      }
      p.planned_first = a.date();
      p.planned_last = a.date();
      p.details = a.enumerator(5);
      p.detail_value = a.chance(2) ? a.id(w.orgs, w) : a.pick_int<uint32_t>(0, 2000);
      p.detail_kind2 = a.enumerator(2);
      uint32_t id = 0;
      const char* at = a.time();
      rc = kx_activity_create(null_out ? nullptr : &id, book, actor, at,
                              a.chance(40) ? nullptr : &p, a.name());
      if (rc == 0) w.activities.push_back(id);
      return "kx_activity_create";
    }
    case 12:
    case 13: {
      uint32_t activity = a.id(w.activities, w);
      int operation = a.enumerator(15);
      const char* at = a.time();
      rc = kx_activity_apply(book, activity, operation, actor, at, a.name());
      return "kx_activity_apply";
    }
    case 14: {
      int grade = 0;
      uint32_t activity = a.id(w.activities, w);
      const char* at = a.time();
      const char* score = a.decimal();
      rc = kx_activity_conclude(null_out ? nullptr : &grade, book, activity, actor, at, score,
                                a.name());
      return "kx_activity_conclude";
    }
    case 15: {
      uint32_t activity = a.id(w.activities, w);
      const char* at = a.time();
      int percent = a.chance(3) ? in.ConsumeIntegral<int>() : a.pick_int(0, 100);
      rc = kx_activity_report_progress(book, activity, actor, at, percent, a.name());
      return "kx_activity_report_progress";
    }
    case 16: {
      uint32_t activity = a.id(w.activities, w);
      switch (in.ConsumeIntegralInRange<int>(0, 3)) {
        case 0: {
          kx_activity_info info;
          rc = kx_activity_get(null_out ? nullptr : &info, book, activity);
          return "kx_activity_get";
        }
        case 1: {
          int state = 0;
          rc = kx_activity_state_at(null_out ? nullptr : &state, book, activity, a.time());
          return "kx_activity_state_at";
        }
        case 2: {
          std::size_t size = 0;
          rc = kx_book_size(null_out ? nullptr : &size, book);
          return "kx_book_size";
        }
        default: {
          int left = a.pick_int(1, 8);
          rc = kx_book_audit_foreach(book, a.chance(20) ? nullptr : stop_after_row<kx_audit_record>,
                                     &left);
          return "kx_book_audit_foreach";
        }
      }
    }
    case 17: {
      kx_audit_verification v;
      char* head = nullptr;
      const char* expected = nullptr;
      if (w.book != nullptr && a.chance(2) && kx_book_chain_head(&head, w.book) == 0) {
        std::string h = head;
        kx_string_free(head);
        if (a.chance(2) && !h.empty()) h[a.pick_int<std::size_t>(0, h.size() - 1)] ^= 1;
        expected = a.keep(h);
      } else if (a.chance(2)) {
        expected = a.name();
      }
      rc = kx_book_verify_audit(null_out ? nullptr : &v, book, expected);
      return "kx_book_verify_audit";
    }
    // ------------------------------------------------------------- campaign
    case 18: {
      if (!a.chance(3)) return "nothing";  // a new campaign is rare: it drops all marks
      kx_award_tier tiers[3];
      std::size_t tier_count = a.pick_int<std::size_t>(0, 3);
      for (std::size_t i = 0; i < tier_count; ++i) {
        tiers[i].name = a.chance(10) ? nullptr : a.name();
        tiers[i].by_count = a.pick_int(0, 1);
        tiers[i].share = a.decimal();
        tiers[i].count = a.pick_int<uint32_t>(0, 5);
        tiers[i].rounding = a.enumerator(7);
        tiers[i].min_score = a.decimal();
      }
      kx_campaign_options o = KX_CAMPAIGN_OPTIONS_INIT;
      if (a.chance(30)) o.version = a.pick_int<unsigned>(0, 3);
      o.name = a.name();
      o.organizer = a.id(w.orgs, w);
      o.as_of = a.date();
      o.year = a.chance(4) ? in.ConsumeIntegral<int>() : a.pick_int(2018, 2026);
      o.aggregation = a.enumerator(3);
      o.drop_low = a.pick_int<unsigned>(0, 3);
      o.drop_high = a.pick_int<unsigned>(0, 3);
      o.trim_from = a.pick_int<unsigned>(0, 8);
      o.normalize = a.pick_int(0, 1);
      o.min_judges = a.pick_int<uint32_t>(0, 4);
      o.veto_threshold = a.pick_int<uint32_t>(0, 3);
      o.max_judges_per_entry =
          a.chance(8) ? in.ConsumeIntegral<uint32_t>() : a.pick_int<uint32_t>(0, 9);
      o.rank_per_category = a.pick_int(0, 1);
      o.tie_breaks = a.name();
      o.tiers = tier_count == 0 && a.chance(2) ? nullptr : tiers;
      o.tier_count = tier_count;
      if (a.chance(15)) {
        o.tiers = nullptr;
        o.tier_count = a.huge();
      }
      o.boundary_ties = a.enumerator(3);
      o.cusp_margin = a.decimal();
      o.unit_min_awarded = a.pick_int<uint32_t>(0, 3);
      o.unit_max = a.pick_int<uint32_t>(0, 3);
      o.people_top_tiers = a.pick_int<uint32_t>(0, 3);
      o.people_min_share = a.decimal();
      o.people_max = a.pick_int<uint32_t>(0, 3);
      o.max_team_size = a.pick_int<uint32_t>(0, 3);
      kx_campaign* fresh = nullptr;
      rc = kx_campaign_new(null_out ? nullptr : &fresh, reg, a.chance(40) ? nullptr : &o);
      if (rc == 0) {
        for (kx_scoreboard* b : w.boards) kx_scoreboard_free(b);
        w.boards.clear();
        kx_campaign_free(w.campaign);
        w.campaign = fresh;
        w.entries.clear();
        w.judges.clear();
        w.indicators.clear();
      }
      return "kx_campaign_new";
    }
    case 19: {
      int category = a.enumerator(6);
      const char* name = a.name();
      const char* text = kRubric;
      if (a.chance(2)) {
        std::string t = kRubric;
        int edits = a.pick_int(1, 4);
        for (int i = 0; i < edits && !t.empty(); ++i) {
          std::size_t at = a.pick_int<std::size_t>(0, t.size() - 1);
          switch (a.pick_int(0, 2)) {
            case 0:
              t[at] = static_cast<char>(in.ConsumeIntegral<uint8_t>() | 1);
              break;
            case 1:
              t.erase(at, a.pick_int<std::size_t>(1, 8));
              break;
            default:
              t.insert(at, a.name() == nullptr ? "|" : "|x");
              break;
          }
        }
        text = a.keep(t);
      } else if (a.chance(4)) {
        text = a.name();
      }
      rc = kx_campaign_set_rubric_text(camp, category, name, text);
      return "kx_campaign_set_rubric_text";
    }
    case 20: {
      kx_indicator ind[6] = {
          {"A", "judged", nullptr, KX_INDICATOR_GROUP, "0.6", nullptr, nullptr, nullptr, 0, nullptr,
           nullptr, nullptr, nullptr, nullptr},
          {"A.1", "a1", "A", KX_INDICATOR_JUDGED, "0.5", "0", "100", "0.5", 0, nullptr, nullptr,
           nullptr, nullptr, nullptr},
          {"A.2", "a2", "A", KX_INDICATOR_JUDGED, "0.5", "0", "100", "0.5", 0, nullptr, nullptr,
           nullptr, nullptr, nullptr},
          {"B", "b", "", KX_INDICATOR_OBJECTIVE, "0.4", nullptr, nullptr, nullptr,
           KX_FIGURE_ENERGY_SAVED_TCE, "100:90;10:60", "20", nullptr, nullptr, nullptr},
          {"C", "c", nullptr, KX_INDICATOR_BONUS, nullptr, "0", "5", "1", 0, nullptr, nullptr,
           nullptr, nullptr, "5"},
          {"veto", "v", nullptr, KX_INDICATOR_VETO, nullptr, nullptr, nullptr, nullptr, 0, nullptr,
           nullptr, nullptr, nullptr, nullptr}};
      int edits = a.pick_int(0, 4);
      for (int i = 0; i < edits; ++i) {
        kx_indicator& x = ind[a.pick_int(0, 5)];
        switch (a.pick_int(0, 7)) {
          case 0:
            x.code = a.name();
            break;
          case 1:
            x.parent = a.name();
            break;
          case 2:
            x.kind = a.enumerator(5);
            break;
          case 3:
            x.weight = a.decimal();
            break;
          case 4:
            x.min = a.decimal();
            x.max = a.decimal();
            break;
          case 5:
            x.step = a.decimal();
            break;
          case 6:
            x.figure = a.enumerator(10);
            x.tiers = a.name();
            break;
          default:
            x.floor = a.decimal();
            x.per_unit = a.decimal();
            x.cap = a.decimal();
            x.bonus_cap = a.decimal();
            break;
        }
      }
      std::size_t count = a.pick_int<std::size_t>(0, 6);
      const kx_indicator* p = ind;
      if (a.chance(15)) {
        p = nullptr;
        count = a.huge();
      }
      int category = a.enumerator(6);
      rc = kx_campaign_set_rubric(camp, category, a.name(), p, count);
      return "kx_campaign_set_rubric";
    }
    case 21: {
      uint32_t index = 0;
      int category = a.enumerator(6);
      rc = kx_campaign_indicator_index(null_out ? nullptr : &index, camp, category, a.name());
      if (rc == 0) w.indicators.push_back(index);
      return "kx_campaign_indicator_index";
    }
    case 22:
    case 23: {
      kx_team_share team[3];
      std::size_t team_count = a.pick_int<std::size_t>(0, 3);
      for (std::size_t i = 0; i < team_count; ++i) {
        team[i].person = a.id(w.people, w);
        team[i].share = team_count == 1 && a.chance(2) ? "1" : a.decimal();
      }
      kx_energy_claim energy[2];
      std::size_t energy_count = a.pick_int<std::size_t>(0, 2);
      for (std::size_t i = 0; i < energy_count; ++i) {
        energy[i].carrier = a.enumerator(15);
        energy[i].quantity = a.decimal();
        energy[i].unit = a.enumerator(12);
      }
      kx_patent patents[2];
      std::size_t patent_count = a.pick_int<std::size_t>(0, 2);
      for (std::size_t i = 0; i < patent_count; ++i) {
        patents[i].type = a.enumerator(3);
        patents[i].status = a.enumerator(2);
        patents[i].number = a.name();
      }
      kx_entry_spec e = KX_ENTRY_SPEC_INIT;
      if (a.chance(30)) e.version = a.pick_int<unsigned>(0, 3);
      e.code = a.chance(2) ? a.keep("E" + std::to_string(a.pick_int(0, 40))) : a.name();
      e.title = a.name();
      e.unit = a.id(w.orgs, w);
      e.category = a.chance(2) ? KX_CATEGORY_RATIONALIZATION_PROPOSALS : a.enumerator(6);
      e.focus = a.chance(4) ? in.ConsumeIntegral<unsigned>() : a.pick_int<unsigned>(0, 15);
      e.team = team;
      e.team_count = team_count;
      e.in_use_since = a.date();
      e.energy = energy_count == 0 && a.chance(2) ? nullptr : energy;
      e.energy_count = energy_count;
      e.patents = patents;
      e.patent_count = patent_count;
      switch (a.pick_int(0, 5)) {  // one pointer, NULL with a huge count
        case 0:
          e.team = nullptr;
          e.team_count = a.huge();
          break;
        case 1:
          e.energy = nullptr;
          e.energy_count = a.huge();
          break;
        case 2:
          e.patents = nullptr;
          e.patent_count = a.huge();
          break;
        default:
          break;
      }
      e.material_saved_t = a.chance(2) ? nullptr : a.decimal();
      e.co2_avoided_t = a.chance(2) ? nullptr : a.decimal();
      e.hours_saved = a.chance(2) ? nullptr : a.decimal();
      e.efficiency_gain_percent = a.chance(2) ? nullptr : a.decimal();
      e.annual_benefit_yuan = a.chance(2) ? nullptr : a.decimal();
      e.achievements_transformed =
          a.chance(4) ? in.ConsumeIntegral<uint32_t>() : a.pick_int<uint32_t>(0, 3);
      uint32_t id = 0;
      rc = kx_campaign_add_entry(null_out ? nullptr : &id, camp, a.chance(40) ? nullptr : &e);
      if (rc == 0) w.entries.push_back(id);
      return "kx_campaign_add_entry";
    }
    case 24: {
      uint32_t id = 0;
      rc = kx_campaign_find_entry(null_out ? nullptr : &id, camp, a.name());
      return "kx_campaign_find_entry";
    }
    case 25: {
      uint32_t id = 0;
      rc = kx_campaign_add_judge(null_out ? nullptr : &id, camp, a.id(w.people, w));
      if (rc == 0) w.judges.push_back(id);
      return "kx_campaign_add_judge";
    }
    case 26:
    case 27: {
      uint32_t judge = a.id(w.judges, w);
      rc = kx_campaign_assign(camp, judge, a.id(w.entries, w));
      return "kx_campaign_assign";
    }
    case 28:
    case 29:
    case 30: {
      uint32_t judge = a.id(w.judges, w), entry = a.id(w.entries, w);
      const char* code = a.chance(3) ? a.name() : (a.chance(2) ? "A.1" : "A.2");
      const char* mark =
          a.chance(2) ? a.keep(std::to_string(a.pick_int(0, 200) / 2.0).substr(0, 5)) : a.decimal();
      rc = kx_campaign_mark(camp, judge, entry, code, mark);
      return "kx_campaign_mark";
    }
    case 31: {
      kx_mark marks[6];
      std::size_t count = a.pick_int<std::size_t>(0, 6);
      for (std::size_t i = 0; i < count; ++i) {
        marks[i].judge = a.id(w.judges, w);
        marks[i].entry = a.id(w.entries, w);
        marks[i].indicator = a.id(w.indicators, w);
        marks[i].mark = a.chance(2) ? a.keep(std::to_string(a.pick_int(0, 100))) : a.decimal();
      }
      const kx_mark* p = marks;
      if (a.chance(15)) {
        p = nullptr;
        count = a.huge();
      } else if (a.chance(15)) {
        count = a.too_many();
      }
      std::size_t failed = 0;
      rc = kx_campaign_mark_batch(camp, p, count, a.chance(2) ? nullptr : &failed);
      return "kx_campaign_mark_batch";
    }
    case 32: {
      uint32_t judges[6], entries[6], indicators[6];
      int64_t coefficients[6];
      std::size_t count = a.pick_int<std::size_t>(0, 6);
      for (std::size_t i = 0; i < count; ++i) {
        judges[i] = a.id(w.judges, w);
        entries[i] = a.id(w.entries, w);
        indicators[i] = a.id(w.indicators, w);
        coefficients[i] = a.chance(4) ? in.ConsumeIntegral<int64_t>() : a.pick_int<int64_t>(0, 200);
      }
      int scale = a.chance(4) ? in.ConsumeIntegral<int>() : a.pick_int(0, 3);
      const uint32_t* j = judges;
      const uint32_t* e = entries;
      const uint32_t* ix = indicators;
      const int64_t* c = coefficients;
      if (a.chance(10)) {
        switch (a.pick_int(0, 3)) {
          case 0:
            j = nullptr;
            break;
          case 1:
            e = nullptr;
            break;
          case 2:
            ix = nullptr;
            break;
          default:
            c = nullptr;
            break;
        }
        if (a.chance(2)) count = a.huge();
      } else if (a.chance(15)) {
        count = a.too_many();
      }
      std::size_t failed = 0;
      rc = kx_campaign_mark_columns(camp, count, j, e, ix, c, scale,
                                    a.chance(2) ? nullptr : &failed);
      return "kx_campaign_mark_columns";
    }
    case 33: {
      uint32_t judge = a.id(w.judges, w), entry = a.id(w.entries, w);
      const char* code = a.chance(2) ? "veto" : a.name();
      rc = kx_campaign_veto(camp, judge, entry, code, a.name());
      return "kx_campaign_veto";
    }
    case 34: {
      if (a.chance(2)) {
        kx_campaign_counts counts;
        rc = kx_campaign_count(null_out ? nullptr : &counts, camp);
        return "kx_campaign_count";
      }
      int left = a.pick_int(1, 5);
      rc = kx_campaign_standings_foreach(camp, a.chance(20) ? nullptr : stop_after_row<kx_standing>,
                                         &left);
      return "kx_campaign_standings_foreach";
    }
    case 35:
    case 36: {
      kx_scoreboard* board = nullptr;
      rc = kx_campaign_score(null_out ? nullptr : &board, camp);
      if (rc == 0 && board != nullptr) {
        if (w.boards.size() >= 3) {
          kx_scoreboard_free(w.boards.front());
          w.boards.erase(w.boards.begin());
        }
        w.boards.push_back(board);
      }
      return "kx_campaign_score";
    }
    case 37: {
      const kx_scoreboard* board = w.boards.empty() || a.chance(20)
                                       ? nullptr
                                       : w.boards[a.pick_int<std::size_t>(0, w.boards.size() - 1)];
      std::size_t index = a.chance(3) ? a.huge() : a.pick_int<std::size_t>(0, 6);
      switch (a.pick_int(0, 8)) {
        case 0: {
          std::size_t size = 0;
          rc = kx_scoreboard_size(null_out ? nullptr : &size, board);
          return "kx_scoreboard_size";
        }
        case 1: {
          kx_entry_result r;
          rc = kx_scoreboard_entry(null_out ? nullptr : &r, board, index);
          if (rc == 0 && r.total != nullptr) (void)std::strlen(r.total);
          return "kx_scoreboard_entry";
        }
        case 2: {
          kx_entry_result r;
          rc = kx_scoreboard_find(null_out ? nullptr : &r, board, a.id(w.entries, w));
          if (rc == 0) (void)std::strlen(r.award);
          return "kx_scoreboard_find";
        }
        case 3: {
          int left = a.pick_int(1, 4);
          rc = kx_scoreboard_awards_foreach(
              board, a.chance(20) ? nullptr : stop_after_row<kx_entry_result>, &left);
          return "kx_scoreboard_awards_foreach";
        }
        case 4: {
          kx_scoreboard_counts c;
          rc = kx_scoreboard_count(null_out ? nullptr : &c, board);
          return "kx_scoreboard_count";
        }
        case 5: {
          kx_advanced_unit u;
          rc = kx_scoreboard_unit(null_out ? nullptr : &u, board, index);
          if (rc == 0) (void)std::strlen(u.tce_saved);
          return "kx_scoreboard_unit";
        }
        case 6: {
          kx_advanced_person p;
          rc = kx_scoreboard_person(null_out ? nullptr : &p, board, index);
          if (rc == 0) (void)std::strlen(p.credit);
          return "kx_scoreboard_person";
        }
        case 7: {
          const char* digest = nullptr;
          rc = kx_scoreboard_digest(null_out ? nullptr : &digest, board);
          return "kx_scoreboard_digest";
        }
        default: {
          char* text = nullptr;
          uint32_t entry = a.id(w.entries, w);
          if (a.chance(2))
            rc = kx_explain_text(null_out ? nullptr : &text, camp, board, entry, a.enumerator(2));
          else
            rc = kx_explain_json(null_out ? nullptr : &text, camp, board, entry);
          kx_string_free(text);
          return "kx_explain";
        }
      }
    }
    // ------------------------------------------------------------- snapshots
    case 38: {
      const kx_book* books[2] = {book, w.book};
      const kx_campaign* campaigns[2] = {camp, w.campaign};
      std::size_t book_count = w.book == nullptr ? 0 : a.pick_int<std::size_t>(0, 1);
      std::size_t campaign_count = w.campaign == nullptr ? 0 : a.pick_int<std::size_t>(0, 1);
      const kx_book* const* bp = books;
      const kx_campaign* const* cp = campaigns;
      if (a.chance(15)) {
        bp = nullptr;
        book_count = a.huge();
      }
      if (a.chance(15)) {
        cp = nullptr;
        campaign_count = a.huge();
      }
      kx_buffer out{nullptr, 0};
      rc = kx_snapshot_save_buffer(null_out ? nullptr : &out, reg, bp, book_count, cp,
                                   campaign_count);
      if (rc == 0) {
        kx_buffer_free(&w.saved);
        w.saved = out;
      }
      return "kx_snapshot_save_buffer";
    }
    case 39: {  // load the saved bytes, perhaps damaged, and carry on with the loaded objects
      std::string bytes;
      if (w.saved.data != nullptr)
        bytes.assign(static_cast<const char*>(w.saved.data), w.saved.size);
      if (a.chance(4) && !bytes.empty()) {
        switch (a.pick_int(0, 2)) {
          case 0:
            bytes[a.pick_int<std::size_t>(0, bytes.size() - 1)] ^=
                static_cast<char>(a.pick_int(1, 255));
            break;
          case 1:
            bytes.resize(a.pick_int<std::size_t>(0, bytes.size() - 1));
            break;
          default:
            bytes += a.in().ConsumeBytesAsString(a.pick_int<std::size_t>(1, 16));
            break;
        }
      } else if (a.chance(8)) {
        bytes = a.in().ConsumeRandomLengthString(256);
      }
      kx_snapshot* snap = nullptr;
      std::size_t size = bytes.size();
      const void* data = bytes.data();
      if (a.chance(30)) {
        data = nullptr;
        size = a.chance(2) ? 0 : a.huge();
      }
      rc = kx_snapshot_load_buffer(null_out ? nullptr : &snap, data, size);
      if (rc != 0 || snap == nullptr) return "kx_snapshot_load_buffer";
      kx_registry* loaded = nullptr;
      kx_book* loaded_book = nullptr;
      kx_campaign* loaded_campaign = nullptr;
      std::size_t books = 0, campaigns = 0;
      if (kx_snapshot_registry(&loaded, snap) != 0 || kx_snapshot_book_count(&books, snap) != 0 ||
          kx_snapshot_campaign_count(&campaigns, snap) != 0)
        broken("a loaded snapshot refused its parts", "kx_snapshot_load_buffer");
      if (books > 0 && kx_snapshot_book(&loaded_book, snap, 0) != 0) broken("book 0", "load");
      if (campaigns > 0 && kx_snapshot_campaign(&loaded_campaign, snap, 0) != 0)
        broken("campaign 0", "load");
      if (kx_snapshot_book(&loaded_book, snap, books) == 0 ||
          kx_snapshot_campaign(&loaded_campaign, snap, a.huge()) == 0)
        broken("an index past the end accepted", "kx_snapshot_book");
      w.drop_registry();
      w.snap = snap;
      w.reg = loaded;
      w.book = loaded_book;
      w.campaign = loaded_campaign;
      w.activities.clear();
      for (uint32_t i = 1; i <= 4; ++i) w.activities.push_back(i);
      return "kx_snapshot_load_buffer";
    }
    case 40: {
      kx_snapshot* snap = nullptr;
      std::string bytes = a.in().ConsumeRandomLengthString(512);
      rc = kx_snapshot_load_buffer(&snap, bytes.data(), bytes.size());
      kx_snapshot_free(snap);
      return "kx_snapshot_load_buffer (bytes)";
    }
    // ------------------------------------------------- values, weights, energy
    case 41: {
      const char* text = a.chance(2) ? a.date() : a.time();
      switch (a.pick_int(0, 2)) {
        case 0: {
          int32_t day = 0;
          rc = kx_date_parse(null_out ? nullptr : &day, text);
          return "kx_date_parse";
        }
        case 1: {
          char out[11];
          rc = kx_date_format(null_out ? nullptr : out, in.ConsumeIntegral<int32_t>());
          return "kx_date_format";
        }
        default: {
          int64_t t = 0;
          rc = kx_timestamp_parse(null_out ? nullptr : &t, text);
          return "kx_timestamp_parse";
        }
      }
    }
    case 42: {
      int carrier = a.enumerator(15), unit = a.enumerator(12), coal = a.enumerator(2);
      const char* quantity = a.decimal();
      switch (a.pick_int(0, 4)) {
        case 0: {
          int out = 0;
          rc = kx_energy_carrier_parse(null_out ? nullptr : &out, a.name());
          return "kx_energy_carrier_parse";
        }
        case 1: {
          int out = 0;
          rc = kx_energy_unit_parse(null_out ? nullptr : &out, a.name());
          return "kx_energy_unit_parse";
        }
        case 2: {
          kx_decimal out;
          rc = kx_energy_to_standard_coal(null_out ? nullptr : &out, carrier, quantity, unit, coal);
          return "kx_energy_to_standard_coal";
        }
        case 3: {
          char* text = nullptr;
          rc = kx_energy_citation(null_out ? nullptr : &text, carrier, quantity, unit, coal);
          kx_string_free(text);
          return "kx_energy_citation";
        }
        default: {
          kx_decimal out;
          int year = a.chance(3) ? in.ConsumeIntegral<int>() : a.pick_int(2015, 2026);
          rc = kx_energy_grid_emissions(null_out ? nullptr : &out, quantity, unit, year,
                                        a.enumerator(3));
          return "kx_energy_grid_emissions";
        }
      }
    }
    case 43: {
      std::size_t n = a.pick_int<std::size_t>(0, 6);
      std::vector<double> m(n * n), weights(n == 0 ? 1 : n);
      for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j)
          m[i * n + j] = i == j ? 1.0 : (j > i && a.chance(2) ? 1.0 / m[j * n + i] : a.real());
      kx_ahp_options o = KX_AHP_OPTIONS_INIT;
      if (a.chance(30)) o.version = a.pick_int<unsigned>(0, 3);
      o.method = a.enumerator(3);
      o.ri_table = a.enumerator(3);
      o.threshold = a.chance(3) ? a.real() : 0.1;
      o.pass_at_most = a.pick_int(0, 1);
      o.saaty_scale = a.pick_int(0, 1);
      o.require_consistency = a.pick_int(0, 1);
      kx_ahp_result r;
      const double* matrix = a.chance(30) ? nullptr : m.data();
      if (a.chance(20)) n = a.too_many_squared();
      rc = kx_weights_ahp(null_out ? nullptr : weights.data(), a.chance(3) ? nullptr : &r, matrix,
                          n, a.chance(4) ? nullptr : &o);
      return "kx_weights_ahp";
    }
    case 44: {
      std::size_t rows = a.pick_int<std::size_t>(0, 5), cols = a.pick_int<std::size_t>(0, 4);
      std::vector<double> data(rows * cols), weights(cols == 0 ? 1 : cols);
      for (double& x : data) x = a.real();
      std::vector<int> kinds(cols == 0 ? 1 : cols);
      for (int& k : kinds) k = a.enumerator(2);
      int normalization = a.enumerator(2);
      if (a.chance(20)) {  // with no column, any row count is a true size (and refused)
        rows = cols == 0 ? a.huge() : a.too_many(cols);
      }
      rc = kx_weights_entropy(null_out ? nullptr : weights.data(), data.data(), rows, cols,
                              a.chance(10) ? nullptr : kinds.data(), normalization);
      return "kx_weights_entropy";
    }
    case 45: {
      std::size_t n = a.pick_int<std::size_t>(0, 5);
      std::vector<double> weights(n == 0 ? 1 : n);
      for (double& x : weights) x = a.chance(2) ? a.pick_int(0, 10) / 10.0 : a.real();
      std::vector<kx_decimal> out(weights.size());
      int places = a.chance(3) ? in.ConsumeIntegral<int>() : a.pick_int(0, 6);
      rc = kx_weights_quantize(null_out ? nullptr : out.data(), weights.data(), n, places);
      return "kx_weights_quantize";
    }
    case 46: {
      std::size_t entries = a.pick_int<std::size_t>(0, 5), judges = a.pick_int<std::size_t>(0, 4);
      std::vector<double> marks(entries * judges);
      for (double& x : marks) x = a.chance(2) ? a.pick_int(0, 10) : a.real();
      kx_kendall_options o = KX_KENDALL_OPTIONS_INIT;
      if (a.chance(30)) o.version = a.pick_int<unsigned>(0, 3);
      o.missing = a.enumerator(3);
      o.tie_correction = a.pick_int(0, 1);
      kx_kendall_result r;
      if (a.chance(20)) {  // a table of no cell may have any size (and is refused)
        switch (a.pick_int(0, 2)) {
          case 0:
            entries = judges = a.too_many_squared();
            break;
          case 1:
            entries = judges == 0 ? a.huge() : a.too_many(judges);
            break;
          default:
            judges = entries == 0 ? a.huge() : a.too_many(entries);
            break;
        }
      }
      rc = kx_kendall_w(null_out ? nullptr : &r, marks.data(), entries, judges,
                        a.chance(4) ? nullptr : &o);
      return "kx_kendall_w";
    }
    default: {
      const char* name = kx_error_name(in.ConsumeIntegral<int>());
      if (name == nullptr) broken("kx_error_name returned NULL", "kx_error_name");
      if (kx_version_string() == nullptr || kx_version_number() != KX_VERSION)
        broken("version", "kx_version_string");
      kx_registry_free(nullptr);
      kx_book_free(nullptr);
      kx_campaign_free(nullptr);
      kx_actor_free(nullptr);
      kx_scoreboard_free(nullptr);
      kx_snapshot_free(nullptr);
      kx_string_free(nullptr);
      kx_member_rows_free(nullptr);
      kx_buffer_free(nullptr);
      return "kx_error_name";
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  Args a(in);
  World w;
  if (in.ConsumeBool()) {
    build_world(w);
  } else if (kx_registry_new(&w.reg, nullptr) != 0) {
    broken("kx_registry_new refused", "start");
  }
  // The digests before the next call, computed only when that call may mutate and
  // the last mutating call succeeded (a refused one left them as they were).
  Digests before;
  bool stale = true;
  for (int calls = 0; calls < 64 && in.remaining_bytes() > 0; ++calls) {
    const int op = in.ConsumeIntegralInRange<int>(0, kOps - 1);
    if (mutates(op) && stale) {
      before = digests(w);
      stale = false;
    }
    kx_error_clear();
    int rc = 0;
    const char* call = step(op, w, a, rc);
    const bool audited = std::strcmp(call, "kx_activity_apply") == 0 ||
                         std::strcmp(call, "kx_activity_conclude") == 0 ||
                         std::strcmp(call, "kx_activity_report_progress") == 0 ||
                         std::strcmp(call, "kx_activity_create") == 0;
    if (rc == KX_EINTERNAL) broken(kx_error_last()->message, call);
    if (rc < 0) {
      const kx_error* e = kx_error_last();
      if (e == nullptr) broken("kx_error_last() is NULL", call);
      if (e->code != rc) broken("kx_error_last()->code is not the returned code", call);
      if (e->message == nullptr || e->message[0] == '\0') broken("a refusal with no message", call);
      if (e->rule == nullptr || e->article == nullptr) broken("NULL rule or article", call);
    }
    if (!mutates(op)) continue;
    if (rc >= 0) {
      stale = true;
      continue;
    }
    Digests after = digests(w);
    if (after.registry != before.registry) broken("a refused call changed the registry", call);
    if (after.board != before.board) broken("a refused call changed the scoreboard", call);
    if (after.activities != before.activities) broken("a refused call changed an activity", call);
    if (after.chain != before.chain &&
        (!audited || after.audit_records != before.audit_records + 1 ||
         after.last_audit_code != rc))
      broken("a refused call changed the audit chain other than by its own record", call);
    before = std::move(after);
  }
  return 0;
}
