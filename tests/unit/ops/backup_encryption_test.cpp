// Artifact encryption: round trips at chunk boundaries, and every way a file can be wrong is refused.
#include "ops/backup_encryption.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "core/config.hpp"
#include "core/crypto.hpp"

namespace {

namespace fs = std::filesystem;

class BackupEncryption : public ::testing::Test {
 protected:
  void SetUp() override {
    core::crypto_init();
    folder_ = fs::temp_directory_path() / ("nico-enc-" + core::random_token(8));
    fs::create_directories(folder_);
    key_ = core::random_bytes(32);
  }
  void TearDown() override { fs::remove_all(folder_); }

  std::string read(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }
  void write(const fs::path& file, const std::string& bytes) { std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes; }

  fs::path folder_;
  std::string key_;
};

TEST_F(BackupEncryption, RoundTripsAtEveryChunkBoundary) {
  const std::size_t mib = 1 << 20;
  for (std::size_t size : {std::size_t{0}, std::size_t{1}, mib - 1, mib, mib + 1, 3 * mib + 17}) {
    std::string plain = core::random_bytes(size);
    write(folder_ / "plain", plain);
    auto digest = ops::encrypt_file(folder_ / "plain", folder_ / "plain.enc", key_);
    EXPECT_EQ(digest.size_bytes, static_cast<std::int64_t>(fs::file_size(folder_ / "plain.enc")));
    if (size >= 64) EXPECT_EQ(read(folder_ / "plain.enc").find(plain.substr(0, 64)), std::string::npos) << "plaintext visible";
    ops::decrypt_file(folder_ / "plain.enc", folder_ / "back", key_);
    EXPECT_EQ(read(folder_ / "back"), plain) << size;
    fs::remove(folder_ / "plain.enc");
    fs::remove(folder_ / "back");
  }
}

TEST_F(BackupEncryption, StreamedPiecesGiveAFileThatDecrypts) {
  std::string plain = core::random_bytes(2 * (1 << 20) + 5);
  {
    ops::ArtifactWriter out(folder_ / "stream.enc");
    ops::StreamEncryptor encryptor(key_, out);
    for (std::size_t at = 0; at < plain.size(); at += 70000) encryptor.write(std::string_view(plain).substr(at, 70000));
    encryptor.finish();
    out.finish();
  }
  ops::decrypt_file(folder_ / "stream.enc", folder_ / "back", key_);
  EXPECT_EQ(read(folder_ / "back"), plain);
}

TEST_F(BackupEncryption, WrongKeyTruncationAndTrailingBytesAreRefused) {
  write(folder_ / "plain", core::random_bytes(1500000));
  ops::encrypt_file(folder_ / "plain", folder_ / "good.enc", key_);
  std::string good = read(folder_ / "good.enc");
  auto refused = [&](const std::string& bytes, const std::string& key, const std::string& reason) {
    write(folder_ / "bad.enc", bytes);
    fs::remove(folder_ / "out");
    try {
      ops::decrypt_file(folder_ / "bad.enc", folder_ / "out", key);
      ADD_FAILURE() << "accepted: " << reason;
    } catch (const std::runtime_error& e) {
      EXPECT_NE(std::string(e.what()).find("bad.enc"), std::string::npos) << e.what();
    }
  };
  refused(good, core::random_bytes(32), "wrong key");
  refused(good.substr(0, (1 << 20) + 17 + 32), key_, "cut after the first chunk (no FINAL)");
  refused(good.substr(0, good.size() - 1), key_, "last byte missing");
  refused(good + "x", key_, "trailing byte");
  std::string flipped = good;
  flipped[flipped.size() / 2] ^= 0x01;
  refused(flipped, key_, "flipped byte");
  refused("not encrypted at all", key_, "no magic");
}

TEST(BackupEncryptionKey, AcceptsTheAppKeyFormatsAndRejectsAnythingElse) {
  auto key_for = [](const std::string& value) {
    return ops::backup_encryption_key(core::Config::from_values({{"OPS_BACKUP_ENCRYPTION_KEY", value}}, "/tmp"));
  };
  EXPECT_EQ(key_for(""), "");
  std::string raw(32, '\x07');
  EXPECT_EQ(key_for("base64:" + core::base64_encode(raw)), raw);
  EXPECT_EQ(key_for(core::hex_encode(raw)), raw);
  EXPECT_THROW(key_for("base64:c2hvcnQ="), std::runtime_error);
  EXPECT_THROW(key_for("correct horse battery staple"), std::runtime_error);
}

TEST_F(BackupEncryption, DecryptAndDigestHashesTheStoredBytesAndDecryptsInOneRead) {
  std::string plain = core::random_bytes(2 * (1 << 20) + 123);
  write(folder_ / "plain", plain);
  auto stored = ops::encrypt_file(folder_ / "plain", folder_ / "plain.enc", key_);
  std::int64_t last_progress = 0;
  auto digest = ops::decrypt_and_digest(folder_ / "plain.enc", folder_ / "back", key_,
                                        [&](std::int64_t done) { last_progress = done; });
  EXPECT_EQ(digest.sha256, stored.sha256) << "the digest is of the encrypted file, like the manifest's";
  EXPECT_EQ(digest.size_bytes, stored.size_bytes);
  EXPECT_EQ(last_progress, stored.size_bytes);
  EXPECT_EQ(read(folder_ / "back"), plain);

  // Authenticate only: nothing written.
  EXPECT_EQ(ops::decrypt_and_digest(folder_ / "plain.enc", {}, key_).sha256, stored.sha256);
  EXPECT_THROW(ops::decrypt_and_digest(folder_ / "plain.enc", {}, core::random_bytes(32)), std::runtime_error);
}

}  // namespace
