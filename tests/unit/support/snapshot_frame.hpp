// The snapshot frame rewritten by hand, for tests that patch a payload and
// reseal it so its hashes are right again: little-endian fields, the payload
// length and SHA-256 (header bytes 24 and 32) and the header check (byte 64).
// Hashes with libcrypto, since the library keeps its SHA-256 hidden; a test
// including this links OpenSSL::Crypto.
#ifndef KEXIE_TESTS_SNAPSHOT_FRAME_HPP
#define KEXIE_TESTS_SNAPSHOT_FRAME_HPP

#include <openssl/sha.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

namespace kexie_test {

using Bytes = std::vector<std::byte>;

inline constexpr std::size_t kSnapshotHeaderSize = 72;

/// The `width`-byte little-endian value at `at`.
inline std::uint64_t get_le(const Bytes& b, std::size_t at, int width) {
  std::uint64_t v = 0;
  for (int i = width - 1; i >= 0; --i)
    v = v << 8 | std::to_integer<std::uint64_t>(b[at + static_cast<std::size_t>(i)]);
  return v;
}
/// Writes `v` as `width` little-endian bytes at `at`.
inline void put_le(Bytes& b, std::size_t at, std::uint64_t v, int width) {
  for (int i = 0; i < width; ++i)
    b[at + static_cast<std::size_t>(i)] = std::byte(v >> (8 * i) & 0xff);
}
/// Appends `v` as `width` little-endian bytes.
inline void append_le(Bytes& b, std::uint64_t v, int width) {
  b.resize(b.size() + static_cast<std::size_t>(width));
  put_le(b, b.size() - static_cast<std::size_t>(width), v, width);
}

/// Recomputes the payload length and hash, then the header check.
inline void reseal(Bytes& b) {
  put_le(b, 24, b.size() - kSnapshotHeaderSize, 8);
  SHA256(reinterpret_cast<const unsigned char*>(b.data() + kSnapshotHeaderSize),
         b.size() - kSnapshotHeaderSize, reinterpret_cast<unsigned char*>(b.data() + 32));
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(b.data()), 64, digest);
  std::memcpy(b.data() + 64, digest, 8);
}

/// `file` with the `width`-byte field at `at` set to `value`, resealed.
inline Bytes patched(Bytes file, std::size_t at, std::uint64_t value, int width) {
  put_le(file, at, value, width);
  reseal(file);
  return file;
}

/// Every offset in the payload where `needle` occurs.
inline std::vector<std::size_t> find_all(const Bytes& file, const Bytes& needle) {
  std::vector<std::size_t> out;
  auto from = file.begin() + static_cast<std::ptrdiff_t>(kSnapshotHeaderSize);
  while (true) {
    const auto at = std::search(from, file.end(), needle.begin(), needle.end());
    if (at == file.end()) return out;
    out.push_back(static_cast<std::size_t>(at - file.begin()));
    from = at + 1;
  }
}

}  // namespace kexie_test

#endif  // KEXIE_TESTS_SNAPSHOT_FRAME_HPP
