// The C API's opaque handles: each wraps the C++ object it stands for.
#ifndef KEXIE_SRC_C_HANDLES_HPP
#define KEXIE_SRC_C_HANDLES_HPP

#include <string>
#include <vector>

#include "kexie/activity.hpp"
#include "kexie/actor.hpp"
#include "kexie/campaign.hpp"
#include "kexie/registry.hpp"

struct kx_registry {
  kexie::Registry registry;
};

struct kx_actor {
  kexie::Actor actor;
};

struct kx_book {
  kexie::ActivityBook book;
};

struct kx_campaign {
  kexie::Campaign campaign;
};

/// A scoreboard with the text of every decimal kept alive for borrowed pointers.
struct kx_scoreboard {
  kexie::Scoreboard board;
  struct EntryText {
    std::string total, judged, objective, bonus;
  };
  std::vector<EntryText> entry_text;  // parallel to board.entries
  struct UnitText {
    std::string awarded_total, participation_rate, tce_saved;
  };
  std::vector<UnitText> unit_text;      // parallel to board.units
  std::vector<std::string> people_credit;  // parallel to board.people
};

#endif  // KEXIE_SRC_C_HANDLES_HPP
