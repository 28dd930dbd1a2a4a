// Whole-file reads and writes for the snapshot tests (one copy for every test file).
#ifndef KEXIE_TESTS_SUPPORT_FILES_HPP
#define KEXIE_TESTS_SUPPORT_FILES_HPP

#include <cstddef>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

namespace kexie_test {

/// The bytes of the file at `path` (empty when it cannot be read).
inline std::vector<std::byte> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<char> chars((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<std::byte> out(chars.size());
  if (!chars.empty()) std::memcpy(out.data(), chars.data(), chars.size());
  return out;
}

/// Replaces the file at `path` with `bytes`.
inline void write_file(const std::filesystem::path& path, const std::vector<std::byte>& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(bytes.data()),
            static_cast<std::streamsize>(bytes.size()));
}

}  // namespace kexie_test

#endif  // KEXIE_TESTS_SUPPORT_FILES_HPP
