// A generated snapshot (snapshot_world.hpp) loaded through the C API, and its first
// campaign, for the tests that score C boards (score_into_threads_test,
// board_columns_hostile_test).
#ifndef KEXIE_TESTS_SUPPORT_LOADED_CAMPAIGN_HPP
#define KEXIE_TESTS_SUPPORT_LOADED_CAMPAIGN_HPP

#include <gtest/gtest.h>

#include "kexie/kexie.h"
#include "kexie/snapshot.hpp"
#include "support/snapshot_world.hpp"

namespace kexie_test {

/// A snapshot of `content` loaded through the C API, and its campaign (owned by the
/// snapshot, freed with it).
struct LoadedCampaign {
  kx_snapshot* snap = nullptr;
  kx_campaign* campaign = nullptr;
  explicit LoadedCampaign(const SnapshotContent& c) {
    const auto bytes = kexie::save_snapshot(c.view()).value();
    EXPECT_EQ(kx_snapshot_load_buffer(&snap, bytes.data(), bytes.size()), 0);
    EXPECT_EQ(kx_snapshot_campaign(&campaign, snap, 0), 0);
  }
  ~LoadedCampaign() { kx_snapshot_free(snap); }
  LoadedCampaign(const LoadedCampaign&) = delete;
  LoadedCampaign& operator=(const LoadedCampaign&) = delete;
};

}  // namespace kexie_test

#endif  // KEXIE_TESTS_SUPPORT_LOADED_CAMPAIGN_HPP
