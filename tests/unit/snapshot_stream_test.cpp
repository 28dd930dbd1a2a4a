// The file form of load_snapshot reads a file in one pass (issue 17, item 5): the
// bytes go straight from the file into the registry's columns and are hashed as
// they are read, so they are decoded before the hash is known. Whatever it finds,
// its verdict must be the buffer form's, which hashes first: a damaged file is
// refused as damaged, a file whose hashes are right but whose content is wrong
// with the same message (payload offsets included), and a good file loads to the
// same registry, on one thread and with the hash computed on a second thread
// (load_snapshot(path, Threads)). Checked file against buffer, on a small
// snapshot (read through the small buffer) and on one of about a megabyte (its
// columns, some tens of kilobytes each, read straight into place).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstddef>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "kexie/kexie.hpp"
#include "kexie/snapshot.hpp"
#include "support/files.hpp"
#include "support/snapshot_frame.hpp"
#include "support/snapshot_world.hpp"

namespace fs = std::filesystem;
using kexie_test::Bytes;
using kexie_test::kSnapshotHeaderSize;

using kexie_test::verdict;

namespace {

/// Expects the file form, on one thread and with the hash on a second thread, to
/// judge `bytes` exactly as the buffer form does.
void expect_same_verdict(const kexie_test::TempDir& dir, const Bytes& bytes,
                         const std::string& what) {
  const fs::path file = dir.path / "s.kxs";
  kexie_test::write_file(file, bytes);
  const std::string from_buffer = verdict(kexie::load_snapshot(std::span<const std::byte>(bytes)));
  EXPECT_EQ(verdict(kexie::load_snapshot(file)), from_buffer) << what;
  EXPECT_EQ(verdict(kexie::load_snapshot(file, kexie::Threads{2})), from_buffer)
      << what << ", two threads";
}

const Bytes& small_snapshot() {
  static const Bytes bytes =
      kexie::save_snapshot(kexie_test::make_content(7, 8, 3, 3).view()).value();
  return bytes;
}

const Bytes& large_snapshot() {
  static const auto content = kexie_test::make_content(11, 12'000, 20, 12);
  static const Bytes bytes = kexie::save_snapshot(content.view()).value();
  return bytes;
}

TEST(SnapshotStream, AGoodFileLoadsAsFromABuffer) {
  const kexie_test::TempDir dir("snapshot-stream");
  ASSERT_GT(large_snapshot().size(), std::size_t{1} << 20) << "meant to need several pieces";
  expect_same_verdict(dir, small_snapshot(), "small");
  expect_same_verdict(dir, large_snapshot(), "large");
  kexie_test::write_file(dir.path / "s.kxs", large_snapshot());
  EXPECT_TRUE(kexie::load_snapshot(dir.path / "s.kxs").ok());
  // Any count above one starts one hashing thread; zero is refused.
  EXPECT_TRUE(kexie::load_snapshot(dir.path / "s.kxs", kexie::Threads{4'000'000'000U}).ok());
  EXPECT_EQ(kexie::load_snapshot(dir.path / "s.kxs", kexie::Threads{0}).code(),
            kexie::ErrorCode::invalid_argument);
}

TEST(SnapshotStream, AMissingFileIsAnIoErrorOnTwoThreadsToo) {
  const kexie_test::TempDir dir("snapshot-stream");
  EXPECT_EQ(kexie::load_snapshot(dir.path / "none.kxs", kexie::Threads{2}).code(),
            kexie::ErrorCode::io_error);
}

TEST(SnapshotStream, TruncationsAndTrailingBytesGetTheBufferFormsVerdict) {
  const kexie_test::TempDir dir("snapshot-stream");
  const Bytes& b = small_snapshot();
  for (std::size_t n = 0; n < b.size(); n += n < kSnapshotHeaderSize + 8 ? 1 : 101)
    expect_same_verdict(dir, Bytes(b.begin(), b.begin() + static_cast<std::ptrdiff_t>(n)),
                        "the first " + std::to_string(n) + " bytes");
  Bytes longer = b;
  longer.push_back(std::byte{0});
  expect_same_verdict(dir, longer, "a byte more");
  kexie_test::reseal(longer);  // the hashes cover it: the decoder finds it left over
  expect_same_verdict(dir, longer, "a byte more, resealed");
}

TEST(SnapshotStream, DamageIsReportedAsDamageWhateverTheDecoderFinds) {
  const kexie_test::TempDir dir("snapshot-stream");
  std::mt19937_64 rng(17);
  for (const Bytes* file : {&small_snapshot(), &large_snapshot()}) {
    for (int k = 0; k < 24; ++k) {
      Bytes b = *file;
      const std::size_t at = rng() % b.size();
      b[at] ^= std::byte{static_cast<unsigned char>(1u << (rng() % 8))};
      expect_same_verdict(dir, b, "a bit flipped at byte " + std::to_string(at));
    }
  }
}

TEST(SnapshotStream, WrongContentWithRightHashesGetsTheSameMessage) {
  // Resealed, so only the decoder refuses: the messages (with their payload
  // offsets) must be the buffer form's, in the small buffer and in the pieces
  // read straight into the columns.
  const kexie_test::TempDir dir("snapshot-stream");
  std::mt19937_64 rng(5);
  for (const Bytes* file : {&small_snapshot(), &large_snapshot()}) {
    for (int k = 0; k < 12; ++k) {
      Bytes b = *file;
      const std::size_t at = kSnapshotHeaderSize + rng() % (b.size() - kSnapshotHeaderSize);
      b[at] = std::byte{static_cast<unsigned char>(rng() & 0xff)};
      kexie_test::reseal(b);
      expect_same_verdict(dir, b, "byte " + std::to_string(at) + " replaced, resealed");
    }
    const Bytes payload(file->begin() + kSnapshotHeaderSize, file->end());
    for (std::size_t n : {std::size_t{0}, std::size_t{9}, payload.size() / 3, payload.size() - 1}) {
      Bytes b(file->begin(), file->begin() + kSnapshotHeaderSize);
      b.insert(b.end(), payload.begin(), payload.begin() + static_cast<std::ptrdiff_t>(n));
      kexie_test::reseal(b);
      expect_same_verdict(dir, b, "the payload cut to " + std::to_string(n) + " bytes, resealed");
    }
  }
}

}  // namespace
