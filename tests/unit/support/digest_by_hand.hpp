// The scoreboard digest made by hand from a board's public rows, for the tests that
// check score()'s digest against its definition (digest_codes_test,
// board_columns_hostile_test): per entry in listing order its code, status byte, total
// (coefficient at 14 places), rank, position and tier + 1 (0: none), the numbers as
// the machine stores them; then a line per advanced unit, individual and cusp; then,
// where a rubric has a prize rule, a line per prize in listing order.
#ifndef KEXIE_TESTS_SUPPORT_DIGEST_BY_HAND_HPP
#define KEXIE_TESTS_SUPPORT_DIGEST_BY_HAND_HPP

#include <openssl/evp.h>

#include <cstdint>
#include <cstring>
#include <string>

#include "kexie/campaign.hpp"

namespace kexie_test {

/// SHA-256 of `bytes`, as 64 lower-case hex digits.
inline std::string sha256_hex(const std::string& bytes) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(bytes.data(), bytes.size(), out, &size, EVP_sha256(), nullptr);
  static const char digits[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int k = 0; k < size; ++k) {
    hex += digits[out[k] >> 4];
    hex += digits[out[k] & 15];
  }
  return hex;
}

/// Appends `value`'s bytes as the machine stores them.
template <class T>
void append_bytes(std::string& out, T value) {
  char bytes[sizeof(T)];
  std::memcpy(bytes, &value, sizeof(T));
  out.append(bytes, sizeof(T));
}

/// The digest `board` should carry, from its public rows, units, people and cusps.
inline std::string digest_by_hand(const kexie::Scoreboard& board) {
  std::string bytes;
  for (const kexie::EntryResult& r : board.entries) {
    bytes += r.code;
    append_bytes(bytes, static_cast<std::uint8_t>(r.status));
    append_bytes(bytes, r.total.coefficient());
    append_bytes(bytes, r.rank);
    append_bytes(bytes, r.position);
    append_bytes(bytes, static_cast<std::uint32_t>(r.tier ? *r.tier + 1 : 0));
  }
  for (const kexie::AdvancedUnit& u : board.units) {
    bytes += "unit|" + kexie::to_string(u.unit) + "|" + std::to_string(u.awarded) + "|" +
             u.awarded_total.to_string() + "\n";
  }
  for (const kexie::AdvancedIndividual& p : board.people) {
    bytes += "person|" + kexie::to_string(p.person) + "|" + p.credit.to_string() + "\n";
  }
  for (const kexie::Cusp& c : board.cusps) {
    bytes += "cusp|" + std::string(board.entries.code(c.entry)) + "|" + std::to_string(c.tier) +
             "|" + c.distance.to_string() + "\n";
  }
  for (const kexie::EntryResult& r : board.entries) {
    if (r.prize) bytes += "prize|" + r.code + "|" + r.prize->to_string() + "\n";
  }
  return sha256_hex(bytes);
}

}  // namespace kexie_test

#endif  // KEXIE_TESTS_SUPPORT_DIGEST_BY_HAND_HPP
