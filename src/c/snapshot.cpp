// The C API over kexie's snapshots: saving a registry with its books and
// campaigns to a file or a buffer, loading one back, and lending out handles
// to what a loaded snapshot holds.
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "capi.hpp"
#include "handles.hpp"
#include "kexie/snapshot.hpp"

namespace {

/// The view to save, refusing NULL elements and counts without arrays.
kexie::Result<kexie::SnapshotView> view_of(const kx_registry* registry, const kx_book* const* books,
                                           size_t book_count, const kx_campaign* const* campaigns,
                                           size_t campaign_count,
                                           const kx_service_desk* const* desks = nullptr,
                                           size_t desk_count = 0) {
  KX_NEED(registry);
  if (desk_count > 0) KX_NEED(desks);
  if (book_count > 0) KX_NEED(books);
  if (campaign_count > 0) KX_NEED(campaigns);
  KX_TRY(kx::array_size(book_count, sizeof(const kx_book*), "book_count"));
  KX_TRY(kx::array_size(campaign_count, sizeof(const kx_campaign*), "campaign_count"));
  KX_TRY(kx::array_size(desk_count, sizeof(const kx_service_desk*), "desk_count"));
  kexie::SnapshotView view(registry->registry());
  for (size_t i = 0; i < book_count; ++i) {
    if (books[i] == nullptr) return kx::null_arg(("books[" + std::to_string(i) + "]").c_str());
    view.add(books[i]->book());
  }
  for (size_t i = 0; i < campaign_count; ++i) {
    if (campaigns[i] == nullptr) {
      return kx::null_arg(("campaigns[" + std::to_string(i) + "]").c_str());
    }
    view.add(campaigns[i]->campaign());
  }
  for (size_t i = 0; i < desk_count; ++i) {
    if (desks[i] == nullptr) return kx::null_arg(("desks[" + std::to_string(i) + "]").c_str());
    view.add(desks[i]->desk());
  }
  return view;
}

kexie::Result<std::filesystem::path> path_of(const char* path) {
  KX_NEED(path);
  if (*path == '\0') return kx::invalid("path is empty");
  return std::filesystem::path(path);
}

}  // namespace

extern "C" {

int kx_snapshot_save(const char* path, const kx_registry* registry, const kx_book* const* books,
                     size_t book_count, const kx_campaign* const* campaigns, size_t campaign_count,
                     const kx_snapshot_save_options* options) {
  return kx::guard([&]() -> kx::Rc {
    KX_TRY_ASSIGN(const std::filesystem::path to, path_of(path));
    kexie::SaveOptions o;
    if (options != nullptr) {
      KX_TRY(kx::check_version(options->version, KX_SNAPSHOT_SAVE_OPTIONS_VERSION,
                               "kx_snapshot_save_options"));
      if (options->mode > 07777) {
        return kx::invalid("mode " + std::to_string(options->mode) +
                           " is not a set of permission bits");
      }
      o.mode = options->mode;
    }
    KX_TRY_ASSIGN(const kexie::SnapshotView view,
                  view_of(registry, books, book_count, campaigns, campaign_count));
    return kexie::save_snapshot(view, to, o);
  });
}

int kx_snapshot_save_buffer(kx_buffer* out, const kx_registry* registry,
                            const kx_book* const* books, size_t book_count,
                            const kx_campaign* const* campaigns, size_t campaign_count) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_TRY_ASSIGN(const kexie::SnapshotView view,
                  view_of(registry, books, book_count, campaigns, campaign_count));
    KX_TRY_ASSIGN(const std::vector<std::byte> bytes, kexie::save_snapshot(view));
    // malloc, not new[]: the caller frees with kx_buffer_free, which may be
    // reached through a foreign function interface.
    void* data = std::malloc(bytes.empty() ? 1 : bytes.size());
    if (data == nullptr) return kx::fail_nomem();
    if (!bytes.empty()) std::memcpy(data, bytes.data(), bytes.size());
    *out = {data, bytes.size()};
    return KX_OK;
  });
}

int kx_snapshot_save_with_desks(const char* path, const kx_registry* registry,
                                const kx_book* const* books, size_t book_count,
                                const kx_campaign* const* campaigns, size_t campaign_count,
                                const kx_service_desk* const* desks, size_t desk_count,
                                const kx_snapshot_save_options* options) {
  return kx::guard([&]() -> kx::Rc {
    KX_TRY_ASSIGN(const std::filesystem::path to, path_of(path));
    kexie::SaveOptions o;
    if (options != nullptr) {
      KX_TRY(kx::check_version(options->version, KX_SNAPSHOT_SAVE_OPTIONS_VERSION,
                               "kx_snapshot_save_options"));
      if (options->mode > 07777) {
        return kx::invalid("mode " + std::to_string(options->mode) +
                           " is not a set of permission bits");
      }
      o.mode = options->mode;
    }
    KX_TRY_ASSIGN(const kexie::SnapshotView view, view_of(registry, books, book_count, campaigns,
                                                          campaign_count, desks, desk_count));
    return kexie::save_snapshot(view, to, o);
  });
}

int kx_snapshot_save_buffer_with_desks(kx_buffer* out, const kx_registry* registry,
                                       const kx_book* const* books, size_t book_count,
                                       const kx_campaign* const* campaigns, size_t campaign_count,
                                       const kx_service_desk* const* desks, size_t desk_count) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_TRY_ASSIGN(const kexie::SnapshotView view, view_of(registry, books, book_count, campaigns,
                                                          campaign_count, desks, desk_count));
    KX_TRY_ASSIGN(const std::vector<std::byte> bytes, kexie::save_snapshot(view));
    void* data = std::malloc(bytes.empty() ? 1 : bytes.size());
    if (data == nullptr) return kx::fail_nomem();
    if (!bytes.empty()) std::memcpy(data, bytes.data(), bytes.size());
    *out = {data, bytes.size()};
    return KX_OK;
  });
}

void kx_buffer_free(kx_buffer* buffer) {
  if (buffer == nullptr) return;
  std::free(buffer->data);
  *buffer = {nullptr, 0};
}

int kx_snapshot_load(kx_snapshot** out, const char* path) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_TRY_ASSIGN(const std::filesystem::path from, path_of(path));
    KX_TRY_ASSIGN(kexie::Snapshot s, kexie::load_snapshot(from));
    *out = new kx_snapshot(std::move(s));
    return KX_OK;
  });
}

int kx_snapshot_load_buffer(kx_snapshot** out, const void* data, size_t size) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    if (size > 0) KX_NEED(data);
    const std::span<const std::byte> bytes(static_cast<const std::byte*>(data), size);
    KX_TRY_ASSIGN(kexie::Snapshot s, kexie::load_snapshot(bytes));
    *out = new kx_snapshot(std::move(s));
    return KX_OK;
  });
}

void kx_snapshot_free(kx_snapshot* snapshot) { delete snapshot; }

int kx_snapshot_registry(kx_registry** out, kx_snapshot* snapshot) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(snapshot);
    *out = &snapshot->registry_handle;
    return KX_OK;
  });
}

int kx_snapshot_book_count(size_t* out, const kx_snapshot* snapshot) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(snapshot);
    *out = snapshot->books.size();
    return KX_OK;
  });
}

int kx_snapshot_book(kx_book** out, kx_snapshot* snapshot, size_t index) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(snapshot);
    if (index >= snapshot->books.size()) {
      return kx::invalid("book " + std::to_string(index) + " is out of range (the snapshot holds " +
                         std::to_string(snapshot->books.size()) + ")");
    }
    *out = snapshot->books[index].get();
    return KX_OK;
  });
}

int kx_snapshot_campaign_count(size_t* out, const kx_snapshot* snapshot) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(snapshot);
    *out = snapshot->campaigns.size();
    return KX_OK;
  });
}

int kx_snapshot_campaign(kx_campaign** out, kx_snapshot* snapshot, size_t index) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(snapshot);
    if (index >= snapshot->campaigns.size()) {
      return kx::invalid("campaign " + std::to_string(index) +
                         " is out of range (the snapshot holds " +
                         std::to_string(snapshot->campaigns.size()) + ")");
    }
    *out = snapshot->campaigns[index].get();
    return KX_OK;
  });
}

int kx_snapshot_service_desk_count(size_t* out, const kx_snapshot* snapshot) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(snapshot);
    *out = snapshot->desks.size();
    return KX_OK;
  });
}

int kx_snapshot_service_desk(kx_service_desk** out, kx_snapshot* snapshot, size_t index) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(snapshot);
    if (index >= snapshot->desks.size()) {
      return kx::invalid("service desk " + std::to_string(index) +
                         " is out of range (the snapshot holds " +
                         std::to_string(snapshot->desks.size()) + ")");
    }
    *out = snapshot->desks[index].get();
    return KX_OK;
  });
}

}  // extern "C"
