// The C API of issue 17's scoring calls: a thread count for kx_campaign_score and
// kx_campaign_standings_foreach, and scoring again into an existing kx_scoreboard
// (kexie::Campaign::score(Scoreboard&, Threads)), whose entry table and texts are
// overwritten in place.
#include <string>
#include <vector>

#include "capi.hpp"
#include "handles.hpp"

void kx::refresh_text(kx_scoreboard& b) {
  const kexie::EntryTable& entries = b.board.entries;
  b.entry_text.resize(entries.size());
  for (const kexie::EntryResult& r : entries) {
    kx_scoreboard::EntryText& t = b.entry_text[r.entry.value() - 1];
    t.total = r.total.to_string();
    t.judged = r.judged_part.to_string();
    t.objective = r.objective_part.to_string();
    t.bonus = r.bonus.to_string();
    if (r.prize) {
      t.prize = r.prize->to_string();
    } else {
      t.prize.reset();
    }
  }
  b.unit_text.clear();
  for (const kexie::AdvancedUnit& u : b.board.units) {
    b.unit_text.push_back(
        {u.awarded_total.to_string(), u.participation_rate.to_string(), u.tce_saved.to_string()});
  }
  b.people_credit.clear();
  for (const kexie::AdvancedIndividual& p : b.board.people) {
    b.people_credit.push_back(p.credit.to_string());
  }
}

int kx_campaign_score_with(kx_scoreboard** out, const kx_campaign* campaign, uint32_t threads) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(campaign);
    auto b = std::make_unique<kx_scoreboard>();
    KX_TRY(campaign->campaign().score(b->board, kexie::Threads{threads}));
    kx::refresh_text(*b);
    *out = b.release();
    return KX_OK;
  });
}

int kx_campaign_score_into(kx_scoreboard* board, const kx_campaign* campaign, uint32_t threads) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(board);
    KX_NEED(campaign);
    try {
      KX_TRY(campaign->campaign().score(board->board, kexie::Threads{threads}));
      kx::refresh_text(*board);
    } catch (...) {
      // Out of memory half way: leave an empty, consistent board, then report.
      board->board = kexie::Scoreboard{};
      board->entry_text.clear();
      board->unit_text.clear();
      board->people_credit.clear();
      throw;
    }
    return KX_OK;
  });
}

int kx_campaign_standings_foreach_with(const kx_campaign* campaign, uint32_t threads,
                                       kx_standing_cb cb, void* payload) {
  int stop = 0;
  const int rc = kx::guard([&]() -> kx::Rc {
    KX_NEED(campaign);
    KX_NEED(cb);
    KX_TRY_ASSIGN(const std::vector<kexie::Standing> standings,
                  campaign->campaign().standings(kexie::Threads{threads}));
    std::string total;
    for (const kexie::Standing& s : standings) {
      total = s.total.to_string();
      const kx_standing st{s.entry.value(), static_cast<int>(s.status), total.c_str(), s.rank,
                           s.position};
      if ((stop = cb(&st, payload)) != 0) break;
    }
    return KX_OK;
  });
  return rc != 0 ? rc : kx::stopped(stop);
}
