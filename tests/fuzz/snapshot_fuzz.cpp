// Fuzzes load_snapshot, which must treat every file as hostile. Built twice:
//  * snapshot_fuzz: the input is a whole file, frame and payload;
//  * snapshot_payload_fuzz (KEXIE_FUZZ_PAYLOAD): the input is a payload, wrapped
//    here in a valid 72-byte header with both SHA-256s computed, so that every
//    input reaches the archive decoder and the checks of what it decodes (a
//    fuzzer would almost never get past the hashes on its own).
// Any input must load or be refused with corrupt_data or unsupported_version —
// never a crash, an exception, a sanitizer report or a huge allocation — and a
// snapshot that loads must be usable: its audit trails verify, its campaigns
// score, and it saves and loads back to the same registry digest.
#include <openssl/sha.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <span>
#include <vector>

#include "kexie/snapshot.hpp"

namespace {

using Bytes = std::vector<std::byte>;

#ifdef KEXIE_FUZZ_PAYLOAD
/// The header fields that do not depend on the payload (magic, version, flags,
/// byte order and widths), as this build writes them.
const Bytes& fixed_header() {
  static const Bytes prefix = [] {
    const Bytes b = kexie::save_snapshot(kexie::Registry{}).value();
    return Bytes(b.begin(), b.begin() + 24);
  }();
  return prefix;
}

Bytes frame(const std::uint8_t* data, std::size_t size) {
  Bytes b = fixed_header();
  b.resize(72 + size);
  for (int i = 0; i < 8; ++i) b[24 + std::size_t(i)] = std::byte(std::uint64_t{size} >> (8 * i));
  if (size) std::memcpy(b.data() + 72, data, size);
  SHA256(reinterpret_cast<const unsigned char*>(b.data() + 72), size,
         reinterpret_cast<unsigned char*>(b.data() + 32));
  unsigned char check[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(b.data()), 64, check);
  std::memcpy(b.data() + 64, check, 8);
  return b;
}
#endif

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
#ifdef KEXIE_FUZZ_PAYLOAD
  const Bytes input = frame(data, size);
  auto snap = kexie::load_snapshot(std::span<const std::byte>(input));
#else
  auto snap = kexie::load_snapshot(
      std::span<const std::byte>(reinterpret_cast<const std::byte*>(data), size));
#endif
  if (!snap) {
    if (snap.code() != kexie::ErrorCode::corrupt_data &&
        snap.code() != kexie::ErrorCode::unsupported_version)
      std::abort();
    return 0;
  }
  for (const kexie::ActivityBook& book : snap->activity_books())
    if (!book.verify_audit().ok()) std::abort();
  for (const kexie::Campaign& campaign : snap->campaigns()) (void)campaign.score();
  const kexie::Registry& reg = snap->registry();
  if (reg.root().ok())
    (void)reg.count_members(reg.root(), kexie::Date::parse("2025-06-30").value());
  auto again = kexie::save_snapshot(*snap);
  if (!again) std::abort();
  auto back = kexie::load_snapshot(std::span<const std::byte>(*again));
  if (!back || back->registry().digest() != reg.digest()) std::abort();
  return 0;
}
