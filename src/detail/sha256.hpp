// SHA-256 through OpenSSL's libcrypto, for audit chains and snapshot frames.
// Internal: never included by a public header.
#ifndef KEXIE_SRC_DETAIL_SHA256_HPP
#define KEXIE_SRC_DETAIL_SHA256_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace kexie {
inline namespace v1 {
namespace detail {

/// A SHA-256 digest.
using Sha256Digest = std::array<std::uint8_t, 32>;

/// An incremental SHA-256 computation. Not copyable; reusable after `finish()`.
///
///   Sha256 h; h.update(a); h.update(b); Sha256Digest d = h.finish();
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  /// Feeds bytes.
  void update(std::span<const std::uint8_t> bytes);
  /// Feeds the bytes of a string.
  void update(std::string_view text);
  /// The digest of everything fed since construction or the last finish(); resets.
  Sha256Digest finish();

 private:
  void* ctx_;  // EVP_MD_CTX*, kept opaque so OpenSSL headers stay in the .cpp
};

/// One-shot digest of `bytes`.
Sha256Digest sha256(std::span<const std::uint8_t> bytes);
/// One-shot digest of a string's bytes.
Sha256Digest sha256(std::string_view text);
/// Lower-case hexadecimal, 64 characters.
std::string to_hex(const Sha256Digest& digest);

}  // namespace detail
}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_SRC_DETAIL_SHA256_HPP
