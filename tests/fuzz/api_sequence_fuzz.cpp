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

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

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
  // Boards of campaigns no longer in the world (replaced, loaded over, freed): a
  // scoreboard is a value that outlives its campaign, and kx_campaign_score_into may
  // overwrite one with another campaign's results (the round-6 calls use them).
  std::vector<kx_scoreboard*> orphans;
  kx_buffer saved{nullptr, 0};
  // round 3 (documents, tables, assignment, guidance, evaluation, services)
  kx_registry* doc_reg = nullptr;   // read from kRegistryDocument once; never replaced
  kx_service_desk* desk = nullptr;  // over `reg` (owned, or lent by `snap`)
  kx_assignment* assignment = nullptr;
  kx_evaluation* evaluation = nullptr;
  std::vector<uint32_t> enterprises, foundings, requests, proposals;

  std::vector<uint32_t> orgs, people, memberships, activities, entries, judges, indicators;
  bool record_checked = false;  // the call just made checked its refusal's record itself

  void drop_children() {
    kx_service_desk_free(desk);  // does nothing for a borrowed one
    desk = nullptr;
    orphan_boards();
    kx_campaign_free(campaign);  // does nothing for a borrowed one
    kx_book_free(book);
    campaign = nullptr;
    book = nullptr;
  }
  /// Keeps the boards of the campaign about to go (the three newest of all).
  void orphan_boards() {
    orphans.insert(orphans.end(), boards.begin(), boards.end());
    boards.clear();
    while (orphans.size() > 3) {
      kx_scoreboard_free(orphans.front());
      orphans.erase(orphans.begin());
    }
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
    kx_registry_free(doc_reg);
    kx_assignment_free(assignment);
    kx_evaluation_free(evaluation);
    for (kx_actor* a : actors) kx_actor_free(a);
    for (kx_scoreboard* b : orphans) kx_scoreboard_free(b);
    kx_buffer_free(&saved);
  }
};

/// What refused calls must leave unchanged. A refused transition appends its own
/// audit record (kexie.h, kx_activity_apply), so the chain head is allowed to move
/// by exactly that one record; the activities themselves must not change.
struct Digests {
  std::string registry, chain, activities, board, desk;
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
  if (w.desk != nullptr) {
    char* digest = nullptr;
    if (kx_service_desk_digest(&digest, w.desk) != 0) broken("desk digest refused", "digests");
    d.desk = digest;
    kx_string_free(digest);
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

// Round-3 documents (tests/data/documents/valid, shortened): a registry with codes,
// a campaign over it and entries naming its codes.
constexpr const char* kRegistryDocument =
    R"({"format":"kexie.registry/1","organizations":[)"
    R"({"code":"CAST","kind":"national","name":"中国科协","effective":"1958-09-18"},)"
    R"({"code":"ZJ","kind":"local","name":"浙江省科协","parent":"CAST","effective":"1958-09-18",)"
    R"("level":"provincial"},)"
    R"({"code":"HG","kind":"enterprise","name":"杭钢科协","parent":"ZJ","effective":"2001-01-01",)"
    R"("enterprise":{"enterprise_name":"杭钢集团"}}],)"
    R"("people":[{"code":"P1","name":"李娜","birth":"1990-01-01","employer":"HG"},)"
    R"({"code":"P2","name":"王工","birth":"1970-01-01","employer":"HG"}],)"
    R"("memberships":[{"person":"P1","org":"HG","role":"member","first":"2015-01-01"}]})";
constexpr const char* kCampaignDocument =
    R"({"format":"kexie.campaign/1","name":"minimal","organizer":"ZJ","as_of":"2025-11-30",)"
    R"("year":2024,"awards":{"tiers":[{"name":"一等奖","quota":"count","count":1,"min_score":"60"}]},)"
    R"("categories":[{"category":"rationalization_proposals","rubric":{"name":"r","indicators":[)"
    R"({"code":"A","name":"创新性","kind":"judged","weight":"0.7","scale":{"min":"0","max":"100","step":"1"}},)"
    R"({"code":"B","name":"经济效益","kind":"objective","weight":"0.3","objective":{"figure":)"
    R"("annual_benefit_yuan","unit":"yuan","tiers":[{"at_least":"100000","points":"90"}],"floor":"50"}},)"
    R"({"code":"veto","name":"一票否决","kind":"veto"}]}}]})";
constexpr const char* kEntriesDocument =
    R"({"format":"kexie.entries/1","entries":[{"code":"E1","title":"余热回收","unit":"HG",)"
    R"("category":"rationalization_proposals","team":[{"person":"P1","share":"1"}],)"
    R"("in_use_since":"2024-01-01","claims":{"annual_benefit_yuan":"120000"}}],)"
    R"("judges":[{"code":"J1","person":"P2"}],"assignments":[["J1","E1"]],"marks":[["J1","E1","A","88"]]})";
constexpr const char* kCreditCodes[] = {"91330000142941287T",
                                        "91110000100000000X",
                                        "911100001000000000",
                                        "",
                                        "91330000142941287",
                                        "9133000014294128７T",
                                        "\xff\xfe"};
constexpr const char* kPatents[] = {
    "ZL202310123456.7", "CN202310123456.7",    "ZL 2023 1 0123456.7", "ZL202310123456.X", "", "ZL",
    "201310123456X",    "ZL9999999999999999.9"};
constexpr const char* kCsv[] = {"judge,entry\n",
                                "judge,entry,indicator,mark\n",
                                "entry,judge,reason\n",
                                "judge,entry,indicator,mark\nP2,E1,A,88\n",
                                "\"unclosed\n",
                                "\xef\xbb\xbf"
                                "a,b\n1,2,3\n",
                                ""};

/// A JSON text from `base`: as it is, damaged, nested deep, one huge array, or input bytes.
std::string hostile_json(Args& a, const char* base) {
  std::string s = base;
  switch (a.pick_int(0, 7)) {
    case 0:
      if (!s.empty())
        s[a.pick_int<std::size_t>(0, s.size() - 1)] ^= static_cast<char>(a.pick_int(1, 255));
      break;
    case 1:
      s.resize(a.pick_int<std::size_t>(0, s.size()));
      break;
    case 2: {  // nested past any limit
      const std::size_t depth = a.pick_int<std::size_t>(60, 20000);
      s = std::string(depth, '[') + std::string(depth, ']');
      break;
    }
    case 3: {  // a long array of zeros (past the 2 000 000 limit: tests/c/hostile_test.c; here
      // within -malloc_limit_mb=128 of scripts/fuzz.sh)
      const std::size_t n = a.chance(16) ? 100'000 : a.pick_int<std::size_t>(1, 5000);
      s = R"({"format":"kexie.registry/1","organizations":[)";
      s.reserve(s.size() + 2 * n + 4);
      for (std::size_t i = 0; i < n; ++i) s += i == 0 ? "0" : ",0";
      s += "]}";
      break;
    }
    case 4:
      s = a.in().ConsumeRandomLengthString(512);
      break;
    case 5:  // a NUL byte inside
      if (!s.empty()) s.insert(a.pick_int<std::size_t>(0, s.size() - 1), 1, '\0');
      break;
    default:
      break;
  }
  return s;
}

int coverage_cb(int, const char* value, const kx_coverage_counts* counts, void* payload) {
  if (value == nullptr || counts == nullptr) broken("NULL coverage group", "kx_coverage");
  return stop_after(0, payload);
}
int sg_cb(uint32_t, uint32_t, int, void* payload) { return stop_after(0, payload); }
int evaluation_cb(uint32_t, size_t, const char* total, void* payload) {
  if (total == nullptr) broken("NULL total", "kx_evaluation_score_foreach");
  return stop_after(0, payload);
}
int queue_cb(const kx_queue_place* place, void* payload) {
  if (place == nullptr || place->explanation == nullptr) broken("NULL place", "queue");
  return stop_after(0, payload);
}
int overdue_cb(uint32_t, int, int, void* payload) { return stop_after(0, payload); }
int candidate_cb(const kx_candidate_decision* d, void* payload) {
  if (d == nullptr || d->failed_rules == nullptr || d->explanation == nullptr)
    broken("NULL decision", "kx_recommend_foreach");
  return stop_after(0, payload);
}

/// The fuzzer's private directory for the file functions (made once, removed at exit):
/// a CSV file, a directory, a FIFO, a symlink loop and a path under no directory.
const std::string& scratch() {
  static const std::string dir = [] {
    char tmpl[] = "/tmp/kx_api_fuzz_XXXXXX";
    if (::mkdtemp(tmpl) == nullptr) broken("mkdtemp", "scratch");
    const std::string d = tmpl;
    ::mkdir((d + "/dir").c_str(), 0700);
    ::mkfifo((d + "/fifo").c_str(), 0600);
    ::symlink((d + "/loop").c_str(), (d + "/loop").c_str());
    static std::string at_exit = d;
    std::atexit([] {
      for (const char* f : {"/in.csv", "/out.xlsx", "/fifo", "/loop"})
        ::unlink((at_exit + f).c_str());
      ::rmdir((at_exit + "/dir").c_str());
      ::rmdir(at_exit.c_str());
    });
    return d;
  }();
  return dir;
}

/// A path for a file function: the real file, or a hostile one.
std::string hostile_path(Args& a, const char* file) {
  const std::string& d = scratch();
  switch (a.pick_int(0, 7)) {
    case 0:
      return d + "/dir";
    case 1:
      return d + "/fifo";
    case 2:
      return d + "/loop";
    case 3:
      return d + "/no/such/dir/" + file;
    case 4:
      return "";
    default:
      return d + "/" + file;
  }
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

constexpr int kOps = 62;
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
    case 49:  // replaces the campaign
    case 51:
    case 52:
    case 53:
    case 54:
    case 55:
    case 56:
    case 57:
    case 58:
    case 59:
    case kOps + 4:  // kx_campaign_mark_columns_threads
      return true;
    default:
      return false;
  }
}

/// Runs call `op` with arguments decoded from `a`. Returns its name (for messages)
/// and sets `rc`.
/// A batch of marks as columns (kx_campaign_mark_columns*): up to `most` (at most 8)
/// marks of ids the world has, coefficients mostly on a 0–200 scale, then the scale.
struct MarkColumns {
  uint32_t judges[8], entries[8], indicators[8];
  int64_t coefficients[8];
  std::size_t count = 0;
  int scale = 0;
};

MarkColumns mark_columns(Args& a, World& w, std::size_t most) {
  FuzzedDataProvider& in = a.in();
  MarkColumns m;
  m.count = a.pick_int<std::size_t>(0, most);
  for (std::size_t i = 0; i < m.count; ++i) {
    m.judges[i] = a.id(w.judges, w);
    m.entries[i] = a.id(w.entries, w);
    m.indicators[i] = a.id(w.indicators, w);
    m.coefficients[i] = a.chance(4) ? in.ConsumeIntegral<int64_t>() : a.pick_int<int64_t>(0, 200);
  }
  m.scale = a.chance(4) ? in.ConsumeIntegral<int>() : a.pick_int(0, 3);
  return m;
}

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
        w.orphan_boards();
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
      const MarkColumns m = mark_columns(a, w, 6);
      std::size_t count = m.count;
      const int scale = m.scale;
      const uint32_t* j = m.judges;
      const uint32_t* e = m.entries;
      const uint32_t* ix = m.indicators;
      const int64_t* c = m.coefficients;
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
      std::size_t desks = 0;
      if (kx_snapshot_service_desk_count(&desks, snap) != 0)
        broken("a loaded snapshot refused its desk count", "kx_snapshot_load_buffer");
      if (desks > 0 && kx_snapshot_service_desk(&w.desk, snap, 0) != 0) broken("desk 0", "load");
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
    // ------------------------------------------------- documents (round 3)
    case 48: {  // a registry written and read back, or a hostile text; the problems read
      std::string text;
      if (reg != nullptr && a.chance(2)) {
        char* doc = nullptr;
        rc = kx_registry_to_document(null_out ? nullptr : &doc, reg);
        if (rc != 0) return "kx_registry_to_document";
        text = doc;
        kx_string_free(doc);
      } else {
        text = kRegistryDocument;
      }
      std::string json = a.chance(3) ? text : hostile_json(a, text.c_str());
      const char* data = json.data();
      std::size_t length = json.size();
      if (a.chance(15)) {
        data = nullptr;
        length = a.chance(2) ? 0 : a.huge();
      } else if (a.chance(15)) {
        length = a.too_many();
      }
      kx_registry* loaded = nullptr;
      rc = kx_registry_from_document(null_out ? nullptr : &loaded, data, length);
      const std::size_t problems = kx_error_problem_count();
      if (rc == 0 && problems != 0) broken("problems after success", "kx_registry_from_document");
      for (std::size_t i = 0; i <= problems && i < 4; ++i) {
        const kx_document_problem* p = kx_error_problem(i);
        if (i < problems && (p == nullptr || p->pointer == nullptr || p->message == nullptr ||
                             p->rule == nullptr || p->article == nullptr))
          broken("a NULL problem or field", "kx_error_problem");
        if (i == problems && p != nullptr) broken("a problem past the end", "kx_error_problem");
      }
      if (kx_error_problem(a.too_many()) != nullptr) broken("problem at a huge index", "problem");
      if (w.doc_reg == nullptr && loaded != nullptr && json == kRegistryDocument) {
        w.doc_reg = loaded;
      } else {
        kx_registry_free(loaded);
      }
      return "kx_registry_from_document";
    }
    case 49: {  // a campaign from documents (over the document registry, or another one)
      if (w.doc_reg == nullptr && kx_registry_from_document(&w.doc_reg, kRegistryDocument,
                                                            std::strlen(kRegistryDocument)) != 0)
        broken(kx_error_last()->message, "kx_registry_from_document");
      const kx_registry* over = a.chance(5) ? reg : w.doc_reg;
      std::string rules = a.chance(2) ? kCampaignDocument : hostile_json(a, kCampaignDocument);
      std::string entries = a.chance(2) ? kEntriesDocument : hostile_json(a, kEntriesDocument);
      const char* rules_data = a.chance(20) ? nullptr : rules.data();
      const char* entries_data = a.chance(5) ? nullptr : entries.data();
      std::size_t rules_length = a.chance(20) ? a.too_many() : rules.size();
      std::size_t entries_length = a.chance(20) ? a.too_many() : entries.size();
      kx_campaign* c = nullptr;
      rc = kx_campaign_from_documents(null_out ? nullptr : &c, a.chance(30) ? nullptr : over,
                                      rules_data, rules_length, entries_data, entries_length);
      if (rc == 0 && c == nullptr)
        broken("success without a campaign", "kx_campaign_from_documents");
      if (c != nullptr && over == w.doc_reg) {
        w.orphan_boards();
        kx_campaign_free(w.campaign);
        w.campaign = c;
      } else {
        kx_campaign_free(c);
      }
      return "kx_campaign_from_documents";
    }
    case 50: {  // results as a document, a CSV sheet, or their count: boards of any campaign
      const kx_scoreboard* board = w.boards.empty() || a.chance(20)
                                       ? nullptr
                                       : w.boards[a.pick_int<std::size_t>(0, w.boards.size() - 1)];
      const kx_registry* r = a.chance(3) && w.doc_reg != nullptr ? w.doc_reg : reg;
      switch (a.pick_int(0, 2)) {
        case 0: {
          char* doc = nullptr;
          rc = kx_scoreboard_to_document(null_out ? nullptr : &doc, board, camp, r);
          kx_string_free(doc);
          return "kx_scoreboard_to_document";
        }
        case 1: {
          std::size_t n = 0;
          rc = kx_scoreboard_sheet_count(null_out ? nullptr : &n, board, camp, r);
          return "kx_scoreboard_sheet_count";
        }
        default: {
          char* csv = nullptr;
          char* name = nullptr;
          std::size_t length = 0;
          const std::size_t index = a.chance(4) ? a.huge() : a.pick_int<std::size_t>(0, 5);
          rc = kx_scoreboard_sheet_csv(null_out ? nullptr : &csv, a.chance(30) ? nullptr : &length,
                                       a.chance(3) ? nullptr : &name, board, camp, r, index,
                                       a.enumerator(3));
          if (rc == 0 && (csv == nullptr || std::strlen(csv) > length))
            broken("a sheet without its text", "kx_scoreboard_sheet_csv");
          kx_string_free(csv);
          kx_string_free(name);
          return "kx_scoreboard_sheet_csv";
        }
      }
    }
    case 51: {  // CSV imports from a file the input writes, or a hostile path
      std::string content = a.chance(2) ? a.in().ConsumeRandomLengthString(256)
                                        : std::string(kCsv[a.pick_int<std::size_t>(0, 6)]);
      const std::string path = hostile_path(a, "in.csv");
      if (path == scratch() + "/in.csv") {
        if (std::FILE* f = std::fopen(path.c_str(), "wb")) {
          std::fwrite(content.data(), 1, content.size(), f);
          std::fclose(f);
        }
      }
      const kx_registry* r = a.chance(3) && w.doc_reg != nullptr ? w.doc_reg : reg;
      const char* p = a.chance(30) ? nullptr : path.c_str();
      const int encoding = a.enumerator(3);
      switch (a.pick_int(0, 2)) {
        case 0:
          rc = kx_campaign_import_assignments_csv(camp, r, p, encoding);
          return "kx_campaign_import_assignments_csv";
        case 1:
          rc = kx_campaign_import_marks_csv(camp, r, p, encoding);
          return "kx_campaign_import_marks_csv";
        default:
          rc = kx_campaign_import_vetoes_csv(camp, r, p, encoding);
          return "kx_campaign_import_vetoes_csv";
      }
    }
    case 52: {  // judge assignment: a proposal, its reading, and its all-or-nothing apply
      switch (a.pick_int(0, 5)) {
        case 0: {
          kx_assignment_options o = KX_ASSIGNMENT_OPTIONS_INIT;
          if (a.chance(20)) o.version = a.pick_int<unsigned>(0, 3);
          o.judges_per_entry = a.pick_int<uint32_t>(0, 4);
          // × 7 with wrap-around (C++20), as before: INT_MIN × 7 overflowed int (UBSan)
          o.declare_load = a.chance(10)
                               ? static_cast<int>(static_cast<unsigned>(a.enumerator(2)) * 7u)
                               : a.pick_int(0, 1);
          o.load_min = a.pick_int<uint32_t>(0, 3);
          o.load_max = a.chance(10) ? 0xffffffffu : a.pick_int<uint32_t>(0, 5);
          std::vector<kx_judge_availability> av(a.pick_int<std::size_t>(0, 3));
          for (auto& x : av)
            x = {a.id(w.judges, w), a.pick_int<uint32_t>(0, 3), a.pick_int<uint32_t>(0, 3),
                 a.chance(5) ? 0xffffffffu : a.pick_int<uint32_t>(0, 10)};
          o.availability = av.empty() ? nullptr : av.data();
          o.availability_count = av.size();
          if (a.chance(15)) {
            o.availability = a.chance(2) ? nullptr : o.availability;
            o.availability_count = a.chance(2) ? a.too_many() : a.huge();
            if (o.availability != nullptr) o.availability_count = a.too_many();
          }
          o.expertise_cost = a.chance(5) ? 0xffffffffu : 100;
          o.spread_cost = a.chance(5) ? 0xffffffffu : 50;
          // + 2 with wrap-around (C++20), as before: INT_MAX + 2 overflowed int (UBSan)
          o.spread_required = a.chance(10)
                                  ? static_cast<int>(static_cast<unsigned>(a.enumerator(2)) + 2u)
                                  : a.pick_int(0, 1);
          o.seed = in.ConsumeIntegral<uint64_t>();
          o.candidates_per_entry = a.pick_int<uint32_t>(0, 3);
          kx_assignment* p = nullptr;
          rc = kx_assignment_propose(null_out ? nullptr : &p, camp, a.chance(5) ? nullptr : &o);
          if (rc == 0) {
            kx_assignment_free(w.assignment);
            w.assignment = p;
          }
          return "kx_assignment_propose";
        }
        case 1: {
          std::size_t pairs = 0;
          int64_t cost = 0;
          rc = kx_assignment_summary(null_out ? nullptr : &pairs, &cost,
                                     a.chance(10) ? nullptr : w.assignment);
          return "kx_assignment_summary";
        }
        case 2: {
          kx_assignment_pair pair;
          rc = kx_assignment_pair_at(null_out ? nullptr : &pair, w.assignment,
                                     a.chance(3) ? a.huge() : a.pick_int<std::size_t>(0, 6));
          return "kx_assignment_pair_at";
        }
        case 3: {
          const uint32_t entry = a.id(w.entries, w);
          const std::size_t index = a.chance(3) ? a.huge() : a.pick_int<std::size_t>(0, 3);
          switch (a.pick_int(0, 2)) {
            case 0: {
              std::size_t judges = 0, excluded = 0;
              rc =
                  kx_assignment_entry(null_out ? nullptr : &judges, &excluded, w.assignment, entry);
              return "kx_assignment_entry";
            }
            case 1: {
              kx_judge_choice c;
              rc = kx_assignment_choice(null_out ? nullptr : &c, w.assignment, entry, index);
              return "kx_assignment_choice";
            }
            default: {
              uint32_t judge = 0;
              char* rule = nullptr;
              char* reason = nullptr;
              rc = kx_assignment_exclusion(
                  null_out ? nullptr : &judge, a.chance(2) ? &rule : nullptr,
                  a.chance(2) ? &reason : nullptr, w.assignment, entry, index);
              kx_string_free(rule);
              kx_string_free(reason);
              return "kx_assignment_exclusion";
            }
          }
        }
        case 4: {
          std::size_t failed = 0;
          rc = kx_assignment_apply(camp, a.chance(10) ? nullptr : w.assignment,
                                   a.chance(3) ? nullptr : &failed);
          return "kx_assignment_apply";
        }
        default: {
          char* csv = nullptr;
          std::size_t length = 0;
          const kx_registry* r = a.chance(3) && w.doc_reg != nullptr ? w.doc_reg : reg;
          rc = kx_assignment_csv(null_out ? nullptr : &csv, &length, w.assignment, camp, r,
                                 a.enumerator(3), a.chance(10) ? 7 : a.pick_int(0, 1),
                                 a.chance(10) ? -1 : a.pick_int(0, 1));
          kx_string_free(csv);
          return "kx_assignment_csv";
        }
      }
    }
    case 53: {  // a batch of pairs, all or nothing
      std::vector<kx_assignment_pair> pairs(a.pick_int<std::size_t>(0, 6));
      for (auto& p : pairs) p = {a.id(w.judges, w), a.id(w.entries, w)};
      const kx_assignment_pair* data = pairs.empty() ? nullptr : pairs.data();
      std::size_t count = pairs.size();
      if (a.chance(15)) {
        data = a.chance(2) ? nullptr : data;
        count = data == nullptr ? a.huge() : a.too_many();
      }
      std::size_t failed = 0;
      rc = kx_campaign_assign_all(camp, data, count, a.chance(3) ? nullptr : &failed);
      return "kx_campaign_assign_all";
    }
    // ---------------------------------------------------------- guidance
    case 54: {
      switch (a.pick_int(0, 4)) {
        case 0: {
          kx_enterprise_spec s = KX_ENTERPRISE_SPEC_INIT;
          if (a.chance(20)) s.version = a.pick_int<unsigned>(0, 3);
          s.name = a.name();
          s.credit_code = a.text(kCreditCodes);
          s.ownership = a.enumerator(5);
          s.industry = a.name();
          s.region = a.name();
          s.high_tech_zone = a.chance(10) ? 2 : a.pick_int(0, 1);
          s.development_zone = a.chance(10) ? -1 : a.pick_int(0, 1);
          s.new_economy = a.pick_int(0, 1);
          s.local = a.id(w.orgs, w);
          s.registered = a.date();
          uint32_t id = 0;
          rc = kx_enterprise_add(null_out ? nullptr : &id, reg, a.chance(30) ? nullptr : &s);
          if (rc == 0) w.enterprises.push_back(id);
          return "kx_enterprise_add";
        }
        case 1:
          rc = kx_enterprise_attach(reg, a.id(w.enterprises, w), a.id(w.orgs, w), a.date());
          return "kx_enterprise_attach";
        case 2: {
          uint32_t out = 0;
          rc = kx_enterprise_association(null_out ? nullptr : &out, reg, a.id(w.enterprises, w),
                                         a.date());
          return "kx_enterprise_association";
        }
        case 3:
          rc = kx_enterprise_employ(reg, a.id(w.people, w), a.id(w.enterprises, w), a.date(),
                                    a.date());
          return "kx_enterprise_employ";
        default:
          rc = kx_enterprise_support(
              reg, a.id(w.enterprises, w),
              a.chance(3) ? in.ConsumeIntegral<int>() : a.pick_int(2020, 2026),
              in.ConsumeIntegral<uint32_t>(), in.ConsumeIntegral<uint32_t>(), a.decimal(),
              a.decimal());
          return "kx_enterprise_support";
      }
    }
    case 55: {
      switch (a.pick_int(0, 4)) {
        case 0: {
          uint32_t id = 0;
          rc = kx_founding_apply(null_out ? nullptr : &id, reg, a.id(w.enterprises, w),
                                 a.id(w.orgs, w), a.name(), a.id(w.people, w),
                                 a.chance(2) ? 0 : a.id(w.orgs, w), a.time());
          if (rc == 0) w.foundings.push_back(id);
          return "kx_founding_apply";
        }
        case 1: {
          uint32_t org = 0;
          rc = kx_founding_approve(null_out ? nullptr : &org, reg, a.id(w.foundings, w),
                                   a.id(w.people, w), a.time(), a.date(), a.name());
          if (rc == 0) w.orgs.push_back(org);
          return "kx_founding_approve";
        }
        case 2:
          rc = kx_founding_refuse(reg, a.id(w.foundings, w), a.id(w.people, w), a.time(), a.name());
          return "kx_founding_refuse";
        case 3: {
          int state = 0;
          rc = kx_founding_get_state(null_out ? nullptr : &state, reg, a.id(w.foundings, w));
          return "kx_founding_get_state";
        }
        default: {
          kx_audit_verification v;
          rc = kx_founding_verify(null_out ? nullptr : &v, reg, a.chance(2) ? nullptr : a.name());
          return "kx_founding_verify";
        }
      }
    }
    case 56: {
      switch (a.pick_int(0, 4)) {
        case 0: {
          kx_coverage_counts c;
          int left = a.pick_int(1, 4);
          rc = kx_coverage(a.chance(3) ? nullptr : &c, reg, a.id(w.orgs, w), a.date(),
                           a.chance(3) ? nullptr : coverage_cb, &left);
          return "kx_coverage";
        }
        case 1: {
          char* doc = nullptr;
          rc = kx_coverage_to_document(null_out ? nullptr : &doc, reg, a.id(w.orgs, w), a.date(),
                                       a.chance(2) ? nullptr : a.date());
          kx_string_free(doc);
          return "kx_coverage_to_document";
        }
        case 2:
          rc = kx_sg_training_add(reg, a.id(w.people, w), a.date(),
                                  a.chance(3) ? in.ConsumeIntegral<int>() : a.pick_int(0, 40),
                                  a.id(w.orgs, w));
          return "kx_sg_training_add";
        case 3:
          rc = kx_sg_training_interval(reg,
                                       a.chance(3) ? in.ConsumeIntegral<int>() : a.pick_int(0, 60));
          return "kx_sg_training_interval";
        default: {
          int left = a.pick_int(1, 4);
          rc = kx_sg_out_of_date_foreach(reg, a.id(w.orgs, w), a.date(),
                                         a.chance(20) ? nullptr : sg_cb, &left);
          return "kx_sg_out_of_date_foreach";
        }
      }
    }
    // -------------------------------------------------------- evaluation
    case 57: {
      const kx_registry* r = a.chance(4) && w.doc_reg != nullptr ? w.doc_reg : reg;
      switch (a.pick_int(0, 5)) {
        case 0: {
          static constexpr const char* kLines =
              "A|组织建设||objective|0.5|||||associations_founded|1:60;3:100|0\n"
              "B|活动||judged|0.5|0|100|1\n";
          kx_figure_binding b[2] = {{"A", "associations_founded", nullptr},
                                    {a.name(), a.name(), a.chance(2) ? nullptr : a.name()}};
          const kx_figure_binding* bp = b;
          std::size_t n = a.pick_int<std::size_t>(0, 2);
          if (a.chance(15)) {
            bp = a.chance(2) ? nullptr : bp;
            n = bp == nullptr ? a.huge() : a.too_many();
          }
          kx_evaluation* e = nullptr;
          rc = kx_evaluation_new(null_out ? nullptr : &e, r, a.id(w.orgs, w),
                                 a.chance(3) ? in.ConsumeIntegral<int>() : 2025, a.name(),
                                 a.chance(3) ? a.name() : kLines, bp, n);
          if (rc == 0) {
            kx_evaluation_free(w.evaluation);
            w.evaluation = e;
          }
          return "kx_evaluation_new";
        }
        case 1:
          rc = kx_evaluation_add_judge(w.evaluation, r, a.id(w.people, w));
          return "kx_evaluation_add_judge";
        case 2:
          rc = kx_evaluation_mark(w.evaluation, r, a.id(w.people, w), a.id(w.orgs, w), a.name(),
                                  a.decimal());
          return "kx_evaluation_mark";
        case 3: {
          int left = a.pick_int(1, 4);
          rc = kx_evaluation_score_foreach(w.evaluation, r, book,
                                           a.chance(20) ? nullptr : evaluation_cb, &left);
          return "kx_evaluation_score_foreach";
        }
        case 4: {
          char* doc = nullptr;
          rc = kx_evaluation_to_document(null_out ? nullptr : &doc, w.evaluation, r, book);
          kx_string_free(doc);
          return "kx_evaluation_to_document";
        }
        default: {
          std::size_t named = 0;
          rc = kx_evaluation_name_exemplary(
              w.evaluation, reg, book, a.chance(3) ? a.huge() : a.pick_int<std::size_t>(0, 3),
              a.decimal(), a.id(w.people, w), a.name(), a.chance(2) ? nullptr : &named);
          return "kx_evaluation_name_exemplary";
        }
      }
    }
    // ---------------------------------------------------------- services
    case 58: {
      kx_service_desk* desk = a.chance(40) ? nullptr : w.desk;
      switch (a.pick_int(0, 5)) {
        case 0: {
          kx_service_policy p = KX_SERVICE_POLICY_INIT;
          if (a.chance(20)) p.version = a.pick_int<unsigned>(0, 3);
          p.education_years = a.chance(5) ? in.ConsumeIntegral<int>() : 3;
          p.young_priority = in.ConsumeIntegral<int>();
          p.answer_due_days = a.chance(5) ? in.ConsumeIntegral<int>() : 30;
          kx_service_desk* d = nullptr;
          rc = kx_service_desk_new(null_out ? nullptr : &d, reg, a.chance(3) ? nullptr : &p);
          if (rc == 0) {
            kx_service_desk_free(w.desk);
            w.desk = d;
            w.requests.clear();
            w.proposals.clear();
          }
          return "kx_service_desk_new";
        }
        case 1: {
          uint32_t id = 0;
          rc = kx_service_request_submit(null_out ? nullptr : &id, desk, a.id(w.people, w),
                                         a.id(w.orgs, w), a.enumerator(6), a.name(),
                                         a.chance(2) ? -1 : a.enumerator(3),
                                         a.chance(2) ? -1 : a.enumerator(5), a.time());
          if (rc == 0) w.requests.push_back(id);
          return "kx_service_request_submit";
        }
        case 2:
          rc = kx_service_request_apply(desk, a.id(w.requests, w), a.enumerator(8),
                                        a.id(w.people, w), a.time(), a.name());
          return "kx_service_request_apply";
        case 3:
          rc = kx_service_request_forward(desk, a.id(w.requests, w), a.id(w.people, w), a.time(),
                                          a.name(), a.name());
          return "kx_service_request_forward";
        case 4: {
          kx_service_request_info info;
          rc = kx_service_request_get(null_out ? nullptr : &info, desk, a.id(w.requests, w));
          return "kx_service_request_get";
        }
        default: {
          int left = a.pick_int(1, 4);
          rc = kx_service_queue_foreach(desk, a.id(w.orgs, w), a.date(),
                                        a.chance(20) ? nullptr : queue_cb, &left);
          return "kx_service_queue_foreach";
        }
      }
    }
    case 59: {
      kx_service_desk* desk = a.chance(40) ? nullptr : w.desk;
      switch (a.pick_int(0, 4)) {
        case 0: {
          uint32_t id = 0;
          rc = kx_proposal_file(null_out ? nullptr : &id, desk, a.id(w.people, w), a.id(w.orgs, w),
                                a.enumerator(4), a.name(), a.name(), a.time());
          if (rc == 0) w.proposals.push_back(id);
          return "kx_proposal_file";
        }
        case 1:
          rc = kx_proposal_apply(desk, a.id(w.proposals, w), a.enumerator(6), a.id(w.people, w),
                                 a.time(), a.name());
          return "kx_proposal_apply";
        case 2: {
          uint32_t entry = 0;
          rc = kx_proposal_enter_campaign(null_out ? nullptr : &entry, desk, a.id(w.proposals, w),
                                          camp, a.id(w.people, w), a.time(),
                                          a.chance(2) ? nullptr : a.date());
          if (rc == 0) w.entries.push_back(entry);
          return "kx_proposal_enter_campaign";
        }
        case 3: {
          kx_proposal_info info;
          rc = kx_proposal_get(null_out ? nullptr : &info, desk, a.id(w.proposals, w));
          return "kx_proposal_get";
        }
        default: {
          int left = a.pick_int(1, 4);
          rc = kx_service_overdue_foreach(desk, a.id(w.orgs, w), a.date(),
                                          a.chance(20) ? nullptr : overdue_cb, &left);
          return "kx_service_overdue_foreach";
        }
      }
    }
    case 60: {  // the desk's trail and documents, patents, credit codes, recommendations
      const kx_service_desk* desk = a.chance(40) ? nullptr : w.desk;
      switch (a.pick_int(0, 8)) {
        case 0: {
          std::size_t n = 0;
          rc = kx_service_desk_trail_size(null_out ? nullptr : &n, desk);
          return "kx_service_desk_trail_size";
        }
        case 1: {
          char* head = nullptr;
          rc = kx_service_desk_chain_head(null_out ? nullptr : &head, desk);
          kx_string_free(head);
          return "kx_service_desk_chain_head";
        }
        case 2: {
          kx_audit_verification v;
          rc = kx_service_desk_verify_audit(null_out ? nullptr : &v, desk,
                                            a.chance(2) ? nullptr : a.name());
          return "kx_service_desk_verify_audit";
        }
        case 3: {
          char* n = nullptr;
          rc = kx_patent_number_check(null_out ? nullptr : &n, a.text(kPatents));
          kx_string_free(n);
          return "kx_patent_number_check";
        }
        case 4:
          rc = kx_credit_code_check(a.text(kCreditCodes));
          return "kx_credit_code_check";
        case 5:
        case 6: {
          kx_programme p = KX_PROGRAMME_INIT;
          if (a.chance(20)) p.version = a.pick_int<unsigned>(0, 3);
          p.name = a.name();
          p.age_max = a.chance(4) ? in.ConsumeIntegral<int>() : 35;
          p.age_on = a.chance(2) ? nullptr : a.date();
          p.min_title = a.enumerator(5);
          p.min_honours = a.chance(4) ? a.huge() : 0;
          p.honour_kind = a.chance(2) ? -1 : a.enumerator(5);
          p.education_years = a.chance(4) ? in.ConsumeIntegral<int>() : 3;
          p.quota_per_association = a.chance(4) ? a.huge() : 1;
          std::vector<uint32_t> nominees(a.pick_int<std::size_t>(0, 4));
          for (uint32_t& n : nominees) n = a.id(w.people, w);
          const uint32_t* np = nominees.empty() ? nullptr : nominees.data();
          std::size_t count = nominees.size();
          if (a.chance(15)) {
            np = a.chance(2) ? nullptr : np;
            count = np == nullptr ? a.huge() : a.too_many();
          }
          const kx_programme* pp = a.chance(30) ? nullptr : &p;
          if (a.pick_int(0, 1) == 0) {
            int left = a.pick_int(1, 4);
            rc = kx_recommend_foreach(reg, pp, np, count, a.date(),
                                      a.chance(20) ? nullptr : candidate_cb, &left);
            return "kx_recommend_foreach";
          }
          kx_recommendation_request req{pp, np, count, a.date()};
          char* doc = nullptr;
          rc = kx_service_desk_to_document(null_out ? nullptr : &doc, desk,
                                           a.chance(4) && w.doc_reg ? w.doc_reg : reg, &req,
                                           a.chance(10) ? a.huge() : a.pick_int<std::size_t>(0, 1));
          if (rc == 0 && desk != nullptr && reg != nullptr && a.chance(2)) {
            kx_service_desk* back = nullptr;
            std::string text = a.chance(2) ? std::string(doc) : hostile_json(a, doc);
            rc = kx_service_desk_from_document(&back, reg, text.data(),
                                               a.chance(15) ? a.too_many() : text.size());
            kx_service_desk_free(back);
            kx_string_free(doc);
            return "kx_service_desk_from_document";
          }
          kx_string_free(doc);
          return "kx_service_desk_to_document";
        }
        case 7: {
          const kx_service_desk* desks[1] = {desk};
          const kx_book* books[1] = {w.book};
          const kx_campaign* campaigns[1] = {w.campaign};
          std::size_t desk_count = desk == nullptr ? 0 : a.pick_int<std::size_t>(0, 1);
          const kx_service_desk* const* dp = desks;
          if (a.chance(10)) {  // NULL with any count, or a count no array has
            dp = a.chance(2) ? nullptr : dp;
            desk_count = dp == nullptr ? a.huge() : a.too_many();
          }
          kx_buffer out{nullptr, 0};
          rc = kx_snapshot_save_buffer_with_desks(
              null_out ? nullptr : &out, reg, books, w.book == nullptr ? 0 : 1, campaigns,
              w.campaign == nullptr || a.chance(3) ? 0 : 1, dp, desk_count);
          if (rc == 0) {
            kx_buffer_free(&w.saved);
            w.saved = out;
          }
          return "kx_snapshot_save_buffer_with_desks";
        }
        default: {
          kx_service_desk* d = nullptr;
          std::size_t n = 0;
          if (w.snap == nullptr) {
            rc = kx_snapshot_service_desk_count(null_out ? nullptr : &n, nullptr);
            return "kx_snapshot_service_desk_count";
          }
          rc = kx_snapshot_service_desk(null_out ? nullptr : &d, w.snap,
                                        a.chance(2) ? a.huge() : a.pick_int<std::size_t>(0, 1));
          return "kx_snapshot_service_desk";
        }
      }
    }
    case 61: {  // a results file written as XLSX to a real or hostile path
      const kx_scoreboard* board =
          w.boards.empty() ? nullptr : w.boards[a.pick_int<std::size_t>(0, w.boards.size() - 1)];
      const std::string path = hostile_path(a, "out.xlsx");
      rc = kx_scoreboard_write_xlsx(board, camp, reg, a.chance(30) ? nullptr : path.c_str());
      return "kx_scoreboard_write_xlsx";
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

// ------------------------------------------------------------------ round 6
// The calls issue 17's rounds 4 and 5 added or changed: scoring on several threads
// (kx_campaign_score_with) and again into a board scored before, by this campaign or
// another one, before or after entries were added (kx_campaign_score_into); standings
// on several threads and as columns; marks on several threads; the compact entry
// table read back through every accessor, at listing places and ids past its ends;
// boards of campaigns that are gone, handed to the calls that take a campaign too.
// Op bytes 248–255 select them (see LLVMFuzzerTestOneInput).
constexpr int kScoringOps = 7;

/// A thread count: mostly 1–3, sometimes 0 (refused) or more than the work has parts.
uint32_t thread_count(Args& a) {
  constexpr uint32_t counts[] = {0, 1, 2, 3, 1, 2, 3, 7, 64, 65, 0xffffffffu};
  return a.in().PickValueInArray(counts);
}

/// What the main loop checks of a refusal: kx_error_last() holds it, with a message.
void check_record(int rc, const char* call) {
  if (rc == KX_EINTERNAL) broken(kx_error_last()->message, call);
  if (rc >= 0) return;
  const kx_error* e = kx_error_last();
  if (e == nullptr) broken("kx_error_last() is NULL", call);
  if (e->code != rc) broken("kx_error_last()->code is not the returned code", call);
  if (e->message == nullptr || e->message[0] == '\0') broken("a refusal with no message", call);
  if (e->rule == nullptr || e->article == nullptr) broken("NULL rule or article", call);
}

/// A row of kx_scoreboard_entry/find, its strings copied.
struct Row {
  uint32_t entry = 0, unit = 0, enterprise = 0, rank = 0, position = 0;
  int category = 0, status = 0, tier = 0;
  std::string code, total, judged, objective, bonus, award, prize;
  bool has_prize = false;
  bool operator==(const Row&) const = default;
};

Row row_of(const kx_entry_result& r, const char* call) {
  if (r.code == nullptr || r.total == nullptr || r.judged_part == nullptr ||
      r.objective_part == nullptr || r.bonus == nullptr || r.award == nullptr)
    broken("a NULL string in a result", call);
  if (r.tier < 0 && r.award[0] != '\0') broken("an award without a tier", call);
  return {r.entry,  r.unit,  r.enterprise, r.rank,  r.position,    r.category,
          r.status, r.tier,  r.code,       r.total, r.judged_part, r.objective_part,
          r.bonus,  r.award, "",           false};
}

/// Everything a board tells through the C API, its promises checked on the way: every
/// listing place reads, the ids are 1..size once each, find and prize agree with the
/// listing, and places and ids past the ends (size, size + 1, SIZE_MAX; 0, size + 1,
/// UINT32_MAX) are refused with KX_EINVALID or KX_ENOTFOUND and leave the output alone.
/// Its refusals are deliberate: the caller has checked its own call's record before.
struct BoardView {
  std::string digest;
  std::vector<Row> rows;
  std::size_t units = 0, people = 0, cusps = 0;
  std::vector<std::string> unit_texts, credits;
  bool operator==(const BoardView&) const = default;
};

BoardView read_board(const kx_scoreboard* board, const char* call) {
  BoardView v;
  const char* digest = nullptr;
  if (kx_scoreboard_digest(&digest, board) != 0 || digest == nullptr)
    broken("a board's digest refused", call);
  v.digest = digest;
  std::size_t n = 0;
  if (kx_scoreboard_size(&n, board) != 0) broken("a board's size refused", call);
  std::vector<bool> seen(n + 1, false);
  for (std::size_t i = 0; i < n; ++i) {
    kx_entry_result r;
    if (kx_scoreboard_entry(&r, board, i) != 0) broken("a listing place refused", call);
    Row row = row_of(r, call);
    if (row.entry == 0 || row.entry > n || seen[row.entry])
      broken("the listing's ids are not 1..size once each", call);
    seen[row.entry] = true;
    kx_entry_result f;
    if (kx_scoreboard_find(&f, board, row.entry) != 0) broken("find refused a listed id", call);
    if (!(row_of(f, call) == row) || f.code != r.code || f.total != r.total)
      broken("find and the listing disagree", call);
    const char* prize = nullptr;
    if (kx_scoreboard_prize(&prize, board, row.entry) != 0) broken("prize refused an id", call);
    if (prize != nullptr) {
      row.has_prize = true;
      row.prize = prize;
    }
    v.rows.push_back(std::move(row));
  }
  kx_entry_result untouched;
  std::memset(&untouched, 0xab, sizeof untouched);
  const kx_entry_result sentinel = untouched;
  for (std::size_t place : {n, n + 1, std::numeric_limits<std::size_t>::max()}) {
    if (kx_scoreboard_entry(&untouched, board, place) != KX_EINVALID)
      broken("a place past the end not refused with KX_EINVALID", call);
  }
  const uint32_t past = static_cast<uint32_t>(std::min<std::size_t>(n + 1, 0xffffffffu));
  for (uint32_t id : {0u, past, 0xffffffffu}) {
    if (kx_scoreboard_find(&untouched, board, id) != KX_ENOTFOUND)
      broken("an id not on the board not refused with KX_ENOTFOUND", call);
    const char* prize = "unchanged";
    if (kx_scoreboard_prize(&prize, board, id) != KX_ENOTFOUND ||
        std::strcmp(prize, "unchanged") != 0)
      broken("a prize of an id not on the board", call);
  }
  if (std::memcmp(&untouched, &sentinel, sizeof untouched) != 0)
    broken("a refused read wrote its output", call);
  kx_scoreboard_counts c;
  if (kx_scoreboard_count(&c, board) != 0) broken("a board's counts refused", call);
  v.units = c.units;
  v.people = c.people;
  v.cusps = c.cusps;
  for (std::size_t i = 0; i < c.units; ++i) {
    kx_advanced_unit u;
    if (kx_scoreboard_unit(&u, board, i) != 0) broken("a unit refused", call);
    v.unit_texts.push_back(std::to_string(u.unit) + "," + std::to_string(u.entries) + "," +
                           std::to_string(u.awarded) + "," + u.awarded_total + "," +
                           u.participation_rate + "," + u.tce_saved);
  }
  for (std::size_t i = 0; i < c.people; ++i) {
    kx_advanced_person p;
    if (kx_scoreboard_person(&p, board, i) != 0) broken("a person refused", call);
    v.credits.push_back(std::to_string(p.person) + "," + std::to_string(p.best_tier) + "," +
                        p.credit + "," + std::to_string(p.entry_count));
  }
  kx_advanced_unit u;
  kx_advanced_person p;
  if (kx_scoreboard_unit(&u, board, c.units) != KX_EINVALID)
    broken("a unit past the end accepted", call);
  if (kx_scoreboard_person(&p, board, c.people) != KX_EINVALID)
    broken("a person past the end accepted", call);
  return v;
}

/// What `campaign` scored afresh on one thread reads as, or empty when it refuses.
std::optional<BoardView> fresh_view(const kx_campaign* campaign, const char* call) {
  kx_scoreboard* board = nullptr;
  const int rc = kx_campaign_score_with(&board, campaign, 1);
  if (rc == KX_EINTERNAL) broken(kx_error_last()->message, call);
  if (rc != 0) return std::nullopt;
  BoardView v = read_board(board, call);
  kx_scoreboard_free(board);
  return v;
}

/// A board of the world's campaign or of a campaign that is gone, or NULL (rarely).
kx_scoreboard* any_board(World& w, Args& a) {
  const std::size_t n = w.boards.size() + w.orphans.size();
  if (n == 0 || a.chance(20)) return nullptr;
  const std::size_t k = a.pick_int<std::size_t>(0, n - 1);
  return k < w.boards.size() ? w.boards[k] : w.orphans[k - w.boards.size()];
}

void keep_board(World& w, kx_scoreboard* board) {
  if (w.boards.size() >= 3) {
    kx_scoreboard_free(w.boards.front());
    w.boards.erase(w.boards.begin());
  }
  w.boards.push_back(board);
}

/// A standing with its total copied.
struct StandingRow {
  uint32_t entry = 0, rank = 0, position = 0;
  int status = 0;
  std::string total;
  bool operator==(const StandingRow&) const = default;
};
struct StandingRows {
  std::vector<StandingRow> rows;
  int stop_after = 0;  // 0: every row; k > 0: stop after k rows, returning stop_value
  int stop_value = 0;
};
int standing_cb(const kx_standing* s, void* payload) {
  auto* p = static_cast<StandingRows*>(payload);
  if (s->total == nullptr) broken("a standing without its total", "standings");
  p->rows.push_back({s->entry, s->rank, s->position, s->status, s->total});
  if (p->stop_after > 0 && static_cast<int>(p->rows.size()) == p->stop_after) return p->stop_value;
  return 0;
}

/// `text` (a decimal string) as a coefficient at 14 places, when it has one.
std::optional<int64_t> at_14_places(const std::string& text) {
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && text[i] == '-') {
    negative = true;
    ++i;
  }
  __int128 value = 0;
  int places = -1;
  for (; i < text.size(); ++i) {
    if (text[i] == '.' && places < 0) {
      places = 0;
      continue;
    }
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
    if (places >= 0) ++places;
    if (value > (static_cast<__int128>(1) << 100)) return std::nullopt;
  }
  if (places < 0) places = 0;
  if (places > 14) return std::nullopt;
  for (; places < 14; ++places) value *= 10;
  if (negative) value = -value;
  if (value > std::numeric_limits<int64_t>::max() || value < std::numeric_limits<int64_t>::min())
    return std::nullopt;
  return static_cast<int64_t>(value);
}

const char* step_scoring(int k, World& w, Args& a, int& rc) {
  FuzzedDataProvider& in = a.in();
  kx_campaign* camp = a.chance(40) ? nullptr : w.campaign;
  w.record_checked = true;
  switch (k) {
    case 0: {  // a new board on `threads` threads: the same board as on one
      const uint32_t threads = thread_count(a);
      kx_scoreboard* board = nullptr;
      rc = kx_campaign_score_with(a.chance(40) ? nullptr : &board, camp, threads);
      check_record(rc, "kx_campaign_score_with");
      if (threads == 0 && rc == 0) broken("0 threads accepted", "kx_campaign_score_with");
      if (rc != 0) {
        if (board != nullptr) broken("a refusal set its output", "kx_campaign_score_with");
        return "kx_campaign_score_with";
      }
      const BoardView got = read_board(board, "kx_campaign_score_with");
      const std::optional<BoardView> one = fresh_view(camp, "kx_campaign_score_with");
      if (!one || !(*one == got))
        broken("a thread count changed the board", "kx_campaign_score_with");
      keep_board(w, board);
      return "kx_campaign_score_with";
    }
    case 1: {  // again into a board: as scored afresh on success; the board and its
               // borrowed strings kept on every refusal (overflow too); empty after no memory
      kx_scoreboard* board = any_board(w, a);
      const uint32_t threads = thread_count(a);
      std::optional<BoardView> before;
      std::vector<std::pair<const char*, std::string>> borrowed;
      if (board != nullptr) {
        before = read_board(board, "kx_campaign_score_into");
        const std::size_t n = before->rows.size();
        for (std::size_t i : {std::size_t{0}, n / 2, n == 0 ? 0 : n - 1}) {
          kx_entry_result r;
          if (i >= n || kx_scoreboard_entry(&r, board, i) != 0) continue;
          for (const char* s : {r.code, r.total, r.judged_part, r.objective_part, r.bonus, r.award})
            borrowed.emplace_back(s, s);
          const char* prize = nullptr;
          if (kx_scoreboard_prize(&prize, board, r.entry) == 0 && prize != nullptr)
            borrowed.emplace_back(prize, prize);
        }
        const char* digest = nullptr;
        if (kx_scoreboard_digest(&digest, board) == 0) borrowed.emplace_back(digest, digest);
        kx_advanced_unit u;
        if (kx_scoreboard_unit(&u, board, 0) == 0)
          for (const char* s : {u.awarded_total, u.participation_rate, u.tce_saved})
            borrowed.emplace_back(s, s);
        kx_advanced_person p;
        if (kx_scoreboard_person(&p, board, 0) == 0) borrowed.emplace_back(p.credit, p.credit);
      }
      kx_error_clear();
      rc = kx_campaign_score_into(board, camp, threads);
      check_record(rc, "kx_campaign_score_into");
      if (threads == 0 && rc == 0) broken("0 threads accepted", "kx_campaign_score_into");
      if (board == nullptr) return "kx_campaign_score_into";
      if (rc == KX_ENOMEM) {  // out of memory half way: an empty board
        std::size_t n = 1;
        if (kx_scoreboard_size(&n, board) != 0 || n != 0)
          broken("a board not left empty after running out of memory", "kx_campaign_score_into");
        return "kx_campaign_score_into";
      }
      if (rc < 0) {
        for (const auto& [pointer, copy] : borrowed)
          if (copy != pointer)
            broken("a refusal changed a borrowed string", "kx_campaign_score_into");
        if (!(read_board(board, "kx_campaign_score_into") == *before))
          broken("a refusal changed the board", "kx_campaign_score_into");
        return "kx_campaign_score_into";
      }
      const BoardView got = read_board(board, "kx_campaign_score_into");
      const std::optional<BoardView> fresh = fresh_view(camp, "kx_campaign_score_into");
      if (!fresh || !(*fresh == got))
        broken("scoring into a board differs from a fresh board", "kx_campaign_score_into");
      return "kx_campaign_score_into";
    }
    case 2: {  // standings on `threads` threads: one's, the board's order, the columns'
      const uint32_t threads = thread_count(a);
      StandingRows got;
      if (a.chance(4)) {
        got.stop_after = a.pick_int(1, 3);
        got.stop_value = a.chance(2) ? -a.pick_int(1, 5) : a.pick_int(1, 5);
      }
      rc = kx_campaign_standings_foreach_with(camp, threads, a.chance(30) ? nullptr : standing_cb,
                                              &got);
      check_record(rc, "kx_campaign_standings_foreach_with");
      if (threads == 0 && rc == 0)
        broken("0 threads accepted", "kx_campaign_standings_foreach_with");
      if (camp == nullptr || threads == 0 || got.stop_after > 0 || rc == KX_EINVALID) {
        if (got.stop_after > 0 && static_cast<int>(got.rows.size()) == got.stop_after &&
            rc != (got.stop_value > 0 ? got.stop_value : KX_ECALLBACK))
          broken("a callback's stop not returned", "kx_campaign_standings_foreach_with");
        return "kx_campaign_standings_foreach_with";
      }
      StandingRows one;
      const int rc1 = kx_campaign_standings_foreach(camp, standing_cb, &one);
      if (rc1 != rc || !(one.rows == got.rows))
        broken("a thread count changed the standings", "kx_campaign_standings_foreach_with");
      if (rc != 0) return "kx_campaign_standings_foreach_with";
      const std::optional<BoardView> fresh = fresh_view(camp, "kx_campaign_standings_foreach_with");
      if (fresh) {
        if (fresh->rows.size() != got.rows.size())
          broken("standings and the board differ in size", "kx_campaign_standings_foreach_with");
        for (std::size_t i = 0; i < got.rows.size(); ++i) {
          const Row& r = fresh->rows[i];
          const StandingRow& s = got.rows[i];
          if (r.entry != s.entry || r.rank != s.rank || r.position != s.position ||
              r.status != s.status || r.total != s.total)
            broken("standings and the board's listing differ",
                   "kx_campaign_standings_foreach_with");
        }
      }
      // The columns: the same rows, totals at 14 places, a short capacity refused
      // with every column untouched.
      const std::size_t n = got.rows.size();
      std::vector<uint32_t> ids(n + 2, 0xabababab), ranks(n + 2, 0xabababab),
          positions(n + 2, 0xabababab);
      std::vector<int32_t> statuses(n + 2, -77);
      std::vector<int64_t> totals(n + 2, -77);
      const std::size_t capacity =
          n == 0 || a.chance(2) ? n + a.pick_int<std::size_t>(0, 2) : n - 1;
      std::size_t count = 12345;
      int crc =
          kx_campaign_standings_columns(camp, capacity, ids.data(), statuses.data(), totals.data(),
                                        ranks.data(), positions.data(), &count);
      check_record(crc, "kx_campaign_standings_columns");
      if (capacity < n) {
        if (crc != KX_EINVALID || count != 12345 || ids[0] != 0xabababab || statuses[0] != -77 ||
            totals[0] != -77 || ranks[0] != 0xabababab || positions[0] != 0xabababab)
          broken("a short capacity not refused cleanly", "kx_campaign_standings_columns");
        rc = crc;
        return "kx_campaign_standings_columns";
      }
      if (crc == KX_EOVERFLOW) return "kx_campaign_standings_columns";
      if (crc != 0 || count != n)
        broken("the columns refused the standings", "kx_campaign_standings_columns");
      for (std::size_t i = 0; i < n; ++i) {
        const StandingRow& s = got.rows[i];
        const std::optional<int64_t> t = at_14_places(s.total);
        if (ids[i] != s.entry || statuses[i] != s.status || ranks[i] != s.rank ||
            positions[i] != s.position || (t && totals[i] != *t))
          broken("the columns differ from the standings", "kx_campaign_standings_columns");
      }
      if (ids[n] != 0xabababab || totals[n] != -77)
        broken("the columns wrote past the rows", "kx_campaign_standings_columns");
      return "kx_campaign_standings_columns";
    }
    case 3: {  // the columns with hostile capacities: NULL columns with counts no array has
      std::size_t count = 0;
      const std::size_t capacity = a.chance(2) ? a.too_many() : a.huge();
      rc = kx_campaign_standings_columns(camp, capacity, nullptr, nullptr, nullptr, nullptr,
                                         nullptr, a.chance(10) ? nullptr : &count);
      check_record(rc, "kx_campaign_standings_columns");
      if (rc == 0 && capacity > (std::numeric_limits<std::size_t>::max() >> 4))
        broken("a capacity no array has accepted", "kx_campaign_standings_columns");
      return "kx_campaign_standings_columns";
    }
    case 4: {  // marks on `threads` threads: a refusal is the same on one
      const MarkColumns m = mark_columns(a, w, 8);
      std::size_t count = m.count;
      const uint32_t threads = thread_count(a);
      const bool null_arrays = a.chance(12);
      if (null_arrays) count = a.chance(2) ? a.huge() : count;
      if (!null_arrays && a.chance(15)) count = a.too_many();
      const uint32_t* j = null_arrays ? nullptr : m.judges;
      std::size_t failed = 999;
      const bool want_failed = !a.chance(3);
      rc = kx_campaign_mark_columns_threads(camp, count, j, m.entries, m.indicators, m.coefficients,
                                            m.scale, threads, want_failed ? &failed : nullptr);
      check_record(rc, "kx_campaign_mark_columns_threads");
      if (threads == 0 && rc == 0) broken("0 threads accepted", "kx_campaign_mark_columns_threads");
      if (rc >= 0 || threads == 0 || rc == KX_ENOMEM) return "kx_campaign_mark_columns_threads";
      const std::string message = kx_error_last()->message;
      std::size_t failed1 = 999;
      const int rc1 = kx_campaign_mark_columns_threads(
          camp, count, j, m.entries, m.indicators, m.coefficients, m.scale, threads == 1 ? 2 : 1,
          want_failed ? &failed1 : nullptr);
      if (rc1 != rc || failed1 != failed || message != kx_error_last()->message)
        broken("a thread count changed the refusal", "kx_campaign_mark_columns_threads");
      return "kx_campaign_mark_columns_threads";
    }
    case 5: {  // every accessor over any board, its ends and past them
      const kx_scoreboard* board = any_board(w, a);
      if (board == nullptr) {
        kx_entry_result r;
        rc = kx_scoreboard_entry(&r, nullptr, 0);
        check_record(rc, "kx_scoreboard_entry");
        if (rc != KX_EINVALID) broken("a NULL board accepted", "kx_scoreboard_entry");
        return "kx_scoreboard_entry";
      }
      (void)read_board(board, "kx_scoreboard_entry");
      rc = 0;
      return "kx_scoreboard_entry";
    }
    default: {  // a board of a campaign that is gone, with today's campaign and registry
      const kx_scoreboard* board =
          w.orphans.empty() ? any_board(w, a)
                            : w.orphans[a.pick_int<std::size_t>(0, w.orphans.size() - 1)];
      const kx_registry* r = a.chance(3) && w.doc_reg != nullptr ? w.doc_reg : w.reg;
      uint32_t entry = a.id(w.entries, w);
      if (board != nullptr && a.chance(2)) {
        std::size_t n = 0;
        kx_entry_result row;
        if (kx_scoreboard_size(&n, board) == 0 && n > 0 &&
            kx_scoreboard_entry(&row, board, a.pick_int<std::size_t>(0, n - 1)) == 0)
          entry = row.entry;
      }
      char* text = nullptr;
      switch (a.pick_int(0, 3)) {
        case 0:
          rc = kx_explain_text(&text, camp, board, entry, a.enumerator(2));
          break;
        case 1:
          rc = kx_explain_json(&text, camp, board, entry);
          break;
        case 2:
          rc = kx_scoreboard_to_document_with(&text, board, camp, r, a.enumerator(2));
          break;
        default: {
          std::size_t n = 0;
          rc = kx_scoreboard_sheet_count(&n, board, camp, r);
          break;
        }
      }
      check_record(rc, "a board of another campaign");
      kx_string_free(text);
      return "a board of another campaign";
    }
  }
}

/// The next call: an op byte below 248 selects call `byte % kOps`, as the byte of
/// ConsumeIntegralInRange(0, kOps - 1) always did (inputs written before round 6 decode
/// to the same calls unless they hold op bytes 248–255, which used to repeat calls
/// 0–7); 248–255 select a round-6 call, kOps + the next byte % kScoringOps.
int next_op(FuzzedDataProvider& in) {
  const auto b = in.ConsumeIntegral<uint8_t>();
  if (b < 248) return b % kOps;
  return kOps + in.ConsumeIntegralInRange<int>(0, kScoringOps - 1);
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
    const int op = next_op(in);
    if (mutates(op) && stale) {
      before = digests(w);
      stale = false;
    }
    kx_error_clear();
    int rc = 0;
    w.record_checked = false;
    const char* call = op < kOps ? step(op, w, a, rc) : step_scoring(op - kOps, w, a, rc);
    const bool audited = std::strcmp(call, "kx_activity_apply") == 0 ||
                         std::strcmp(call, "kx_activity_conclude") == 0 ||
                         std::strcmp(call, "kx_activity_report_progress") == 0 ||
                         std::strcmp(call, "kx_activity_create") == 0;
    if (!w.record_checked) check_record(rc, call);  // a round-6 call checks it itself
    if (!mutates(op)) continue;
    if (rc >= 0) {
      stale = true;
      continue;
    }
    Digests after = digests(w);
    if (after.registry != before.registry) broken("a refused call changed the registry", call);
    if (after.board != before.board) broken("a refused call changed the scoreboard", call);
    if (after.desk != before.desk) broken("a refused call changed the service desk", call);
    if (after.activities != before.activities) broken("a refused call changed an activity", call);
    if (after.chain != before.chain &&
        (!audited || after.audit_records != before.audit_records + 1 ||
         after.last_audit_code != rc))
      broken("a refused call changed the audit chain other than by its own record", call);
    before = std::move(after);
  }
  return 0;
}
