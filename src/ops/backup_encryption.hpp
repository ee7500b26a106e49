// Optional encryption of snapshot artifacts at rest (OPS_BACKUP_ENCRYPTION_KEY), with libsodium's
// crypto_secretstream_xchacha20poly1305: authenticated, chunked, and a file cut short is detected (the last chunk
// carries the FINAL tag).
//
// Encrypted file format (`<artifact>.enc`):
//   | offset | size            | content                                                           |
//   | 0      | 8               | magic "NICOENC1"                                                  |
//   | 8      | 24              | secretstream header                                               |
//   | 32     | 1 MiB + 17 each | chunks: 1 MiB of plaintext + 17 bytes of tag/MAC; the last one is |
//   |        |                 | shorter (possibly 17 bytes for an empty tail) and tagged FINAL    |
// The key is the raw 32 bytes of OPS_BACKUP_ENCRYPTION_KEY ("base64:…" or 64 hex characters, like APP_KEY).
// Checksums in the manifest are of the encrypted bytes, so verify can check them without the key.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "ops/backup_io.hpp"

namespace core {
class Config;
}

namespace ops {

inline constexpr const char* kEncryptionScheme = "xchacha20poly1305-secretstream";
inline constexpr std::string_view kEncryptedSuffix = ".enc";

// The raw key, or "" when OPS_BACKUP_ENCRYPTION_KEY is empty. Throws std::runtime_error naming the key when it is
// set but malformed (never a silent unencrypted backup).
std::string backup_encryption_key(const core::Config& config);

// Encrypts a stream into an ArtifactWriter: write() plaintext in any pieces, finish() once.
class StreamEncryptor final {
 public:
  StreamEncryptor(const std::string& key, ArtifactWriter& out);
  ~StreamEncryptor();
  StreamEncryptor(const StreamEncryptor&) = delete;
  StreamEncryptor& operator=(const StreamEncryptor&) = delete;
  void write(std::string_view plaintext);
  void finish();  // writes the FINAL chunk (the writer is not finished: the caller does that)

 private:
  void push(bool final_chunk);
  struct State;
  std::unique_ptr<State> state_;
  ArtifactWriter& out_;
  std::string pending_;
};

// `plain` → new file `encrypted`; returns the digest of the encrypted file. `sync`: fsync it (see ArtifactWriter).
FileDigest encrypt_file(const std::filesystem::path& plain, const std::filesystem::path& encrypted, const std::string& key,
                        bool sync = true);

// `encrypted` → new file `plain`. Throws std::runtime_error "cannot decrypt <name>: wrong OPS_BACKUP_ENCRYPTION_KEY
// or damaged file" on any authentication failure, a missing FINAL chunk or trailing data.
void decrypt_file(const std::filesystem::path& encrypted, const std::filesystem::path& plain, const std::string& key,
                  bool sync = true);

// One read of `encrypted` that authenticates every chunk and hashes the stored bytes on the way (verify: the
// checksum and the decryption in a single pass). `plain`: where the plaintext goes (a scratch copy: ArtifactWriter::Scratch),
// or empty to only authenticate. `progress(bytes read so far)` after each chunk. Returns the digest of the
// *encrypted* bytes; throws like decrypt_file.
FileDigest decrypt_and_digest(const std::filesystem::path& encrypted, const std::filesystem::path& plain,
                              const std::string& key, const std::function<void(std::int64_t)>& progress = {});

}  // namespace ops
