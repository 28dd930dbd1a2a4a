// SHA-256 over OpenSSL's EVP interface.
#include "detail/sha256.hpp"

#include <openssl/evp.h>

#include <new>
#include <stdexcept>

namespace kexie {
inline namespace v1 {
namespace detail {
namespace {
EVP_MD_CTX* as_ctx(void* p) { return static_cast<EVP_MD_CTX*>(p); }
void must(int ok) {
  // EVP digest calls fail only on allocation failure or a broken libcrypto.
  if (ok != 1) throw std::runtime_error("kexie: OpenSSL SHA-256 failed");
}
}  // namespace

Sha256::Sha256() : ctx_(EVP_MD_CTX_new()) {
  if (ctx_ == nullptr) throw std::bad_alloc();
  must(EVP_DigestInit_ex(as_ctx(ctx_), EVP_sha256(), nullptr));
}

Sha256::~Sha256() { EVP_MD_CTX_free(as_ctx(ctx_)); }

void Sha256::update(std::span<const std::uint8_t> bytes) {
  must(EVP_DigestUpdate(as_ctx(ctx_), bytes.data(), bytes.size()));
}

void Sha256::update(std::string_view text) {
  must(EVP_DigestUpdate(as_ctx(ctx_), text.data(), text.size()));
}

Sha256Digest Sha256::finish() {
  Sha256Digest out{};
  unsigned int len = 0;
  must(EVP_DigestFinal_ex(as_ctx(ctx_), out.data(), &len));
  must(EVP_DigestInit_ex(as_ctx(ctx_), EVP_sha256(), nullptr));
  return out;
}

Sha256Digest sha256(std::span<const std::uint8_t> bytes) {
  Sha256Digest out{};
  unsigned int len = 0;
  must(EVP_Digest(bytes.data(), bytes.size(), out.data(), &len, EVP_sha256(), nullptr));
  return out;
}

Sha256Digest sha256(std::string_view text) {
  return sha256(std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(text.data()),
                                              text.size()));
}

std::string to_hex(const Sha256Digest& digest) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(64);
  for (std::uint8_t b : digest) {
    out += kHex[b >> 4];
    out += kHex[b & 15];
  }
  return out;
}

}  // namespace detail
}  // namespace v1
}  // namespace kexie
