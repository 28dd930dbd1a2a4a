// The C API over kexie's snapshots: saving a registry with its books and
// campaigns to a file or a buffer, loading one back, and lending out handles
// to what a loaded snapshot holds.
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <new>
#include <span>
#include <string>
#include <vector>

#include "capi.hpp"
#include "handles.hpp"
#include "kexie/snapshot.hpp"

namespace {

/// The view to save, refusing NULL elements and counts without arrays.
kexie::SnapshotView view_of(const kx_registry* registry, const kx_book* const* books,
                            size_t book_count, const kx_campaign* const* campaigns,
                            size_t campaign_count) {
  kx::need(registry, "registry");
  if (book_count > 0) kx::need(books, "books");
  if (campaign_count > 0) kx::need(campaigns, "campaigns");
  kexie::SnapshotView view(registry->registry());
  for (size_t i = 0; i < book_count; ++i)
    view.add(kx::need(books[i], ("books[" + std::to_string(i) + "]").c_str())->book());
  for (size_t i = 0; i < campaign_count; ++i)
    view.add(kx::need(campaigns[i], ("campaigns[" + std::to_string(i) + "]").c_str())->campaign());
  return view;
}

std::filesystem::path path_of(const char* path) {
  const std::string_view p = kx::str(path, "path");
  if (p.empty()) kx::refuse(kexie::ErrorCode::invalid_argument, "path is empty");
  return std::filesystem::path(p);
}

}  // namespace

extern "C" {

int kx_snapshot_save(const char* path, const kx_registry* registry, const kx_book* const* books,
                     size_t book_count, const kx_campaign* const* campaigns, size_t campaign_count,
                     const kx_snapshot_save_options* options) {
  return kx::guard([&] {
    const std::filesystem::path to = path_of(path);
    kexie::SaveOptions o;
    if (options != nullptr) {
      kx::check_version(options->version, KX_SNAPSHOT_SAVE_OPTIONS_VERSION,
                        "kx_snapshot_save_options");
      if (options->mode > 07777)
        kx::refuse(kexie::ErrorCode::invalid_argument,
                   "mode " + std::to_string(options->mode) + " is not a set of permission bits");
      o.mode = options->mode;
    }
    kx::take(kexie::save_snapshot(view_of(registry, books, book_count, campaigns, campaign_count),
                                  to, o));
  });
}

int kx_snapshot_save_buffer(kx_buffer* out, const kx_registry* registry,
                            const kx_book* const* books, size_t book_count,
                            const kx_campaign* const* campaigns, size_t campaign_count) {
  return kx::guard([&] {
    kx::need(out, "out");
    const std::vector<std::byte> bytes = kx::take(
        kexie::save_snapshot(view_of(registry, books, book_count, campaigns, campaign_count)));
    // malloc, not new[]: the caller frees with kx_buffer_free, which may be
    // reached through a foreign function interface.
    void* data = std::malloc(bytes.empty() ? 1 : bytes.size());
    if (data == nullptr) throw std::bad_alloc();
    if (!bytes.empty()) std::memcpy(data, bytes.data(), bytes.size());
    *out = {data, bytes.size()};
  });
}

void kx_buffer_free(kx_buffer* buffer) {
  if (buffer == nullptr) return;
  std::free(buffer->data);
  *buffer = {nullptr, 0};
}

int kx_snapshot_load(kx_snapshot** out, const char* path) {
  return kx::guard([&] {
    kx::need(out, "out");
    const std::filesystem::path from = path_of(path);
    *out = new kx_snapshot(kx::take(kexie::load_snapshot(from)));
  });
}

int kx_snapshot_load_buffer(kx_snapshot** out, const void* data, size_t size) {
  return kx::guard([&] {
    kx::need(out, "out");
    if (size > 0) kx::need(data, "data");
    const std::span<const std::byte> bytes(static_cast<const std::byte*>(data), size);
    *out = new kx_snapshot(kx::take(kexie::load_snapshot(bytes)));
  });
}

void kx_snapshot_free(kx_snapshot* snapshot) { delete snapshot; }

int kx_snapshot_registry(kx_registry** out, kx_snapshot* snapshot) {
  return kx::guard([&] {
    kx::need(out, "out");
    kx::need(snapshot, "snapshot");
    *out = &snapshot->registry_handle;
  });
}

int kx_snapshot_book_count(size_t* out, const kx_snapshot* snapshot) {
  return kx::guard([&] {
    kx::need(out, "out");
    kx::need(snapshot, "snapshot");
    *out = snapshot->books.size();
  });
}

int kx_snapshot_book(kx_book** out, kx_snapshot* snapshot, size_t index) {
  return kx::guard([&] {
    kx::need(out, "out");
    kx::need(snapshot, "snapshot");
    if (index >= snapshot->books.size())
      kx::refuse(kexie::ErrorCode::invalid_argument,
                 "book " + std::to_string(index) + " is out of range (the snapshot holds " +
                     std::to_string(snapshot->books.size()) + ")");
    *out = snapshot->books[index].get();
  });
}

int kx_snapshot_campaign_count(size_t* out, const kx_snapshot* snapshot) {
  return kx::guard([&] {
    kx::need(out, "out");
    kx::need(snapshot, "snapshot");
    *out = snapshot->campaigns.size();
  });
}

int kx_snapshot_campaign(kx_campaign** out, kx_snapshot* snapshot, size_t index) {
  return kx::guard([&] {
    kx::need(out, "out");
    kx::need(snapshot, "snapshot");
    if (index >= snapshot->campaigns.size())
      kx::refuse(kexie::ErrorCode::invalid_argument,
                 "campaign " + std::to_string(index) + " is out of range (the snapshot holds " +
                     std::to_string(snapshot->campaigns.size()) + ")");
    *out = snapshot->campaigns[index].get();
  });
}

}  // extern "C"
