// Artifact encryption with libsodium secretstream (format in backup_encryption.hpp).
#include "ops/backup_encryption.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <vector>

#include "core/config.hpp"
#include "core/strings.hpp"
#include "core/unique_fd.hpp"

namespace ops {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kMagic = "NICOENC1";
constexpr std::size_t kPlainChunk = 1 << 20;
constexpr std::size_t kCipherChunk = kPlainChunk + crypto_secretstream_xchacha20poly1305_ABYTES;

// Reads up to `size` bytes, fewer only at the end of the file.
std::size_t read_full(int fd, unsigned char* buffer, std::size_t size, const fs::path& file) {
  std::size_t got = 0;
  while (got < size) {
    ssize_t n = ::read(fd, buffer + got, size - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw std::runtime_error("cannot read " + file.string() + ": " + std::strerror(errno));
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  return got;
}

std::runtime_error cannot_decrypt(const fs::path& file) {
  return std::runtime_error("cannot decrypt " + file.filename().string() +
                            ": wrong OPS_BACKUP_ENCRYPTION_KEY or damaged file");
}

void check_key(const std::string& key) {
  if (key.size() != crypto_secretstream_xchacha20poly1305_KEYBYTES) throw std::runtime_error("backup encryption key must be 32 bytes");
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

}  // namespace

std::string backup_encryption_key(const core::Config& config) {
  std::string configured = core::trim(config.str("OPS_BACKUP_ENCRYPTION_KEY"));
  if (configured.empty()) return {};
  std::string key = core::decode_app_key(configured);
  if (key.empty())
    throw std::runtime_error("OPS_BACKUP_ENCRYPTION_KEY must be 'base64:' followed by 32 random bytes in base64, or 64 hex "
                             "characters (generate one with: nico key:generate --show)");
  return key;
}

struct StreamEncryptor::State {
  crypto_secretstream_xchacha20poly1305_state stream;
};

StreamEncryptor::StreamEncryptor(const std::string& key, ArtifactWriter& out) : state_(std::make_unique<State>()), out_(out) {
  check_key(key);
  unsigned char header[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
  crypto_secretstream_xchacha20poly1305_init_push(&state_->stream, header,
                                                  reinterpret_cast<const unsigned char*>(key.data()));
  out_.write(kMagic);
  out_.write(header, sizeof header);
  pending_.reserve(kPlainChunk);
}

StreamEncryptor::~StreamEncryptor() { sodium_memzero(&state_->stream, sizeof state_->stream); }

void StreamEncryptor::write(std::string_view plaintext) {
  while (!plaintext.empty()) {
    // A full chunk is only pushed once more data arrives, so the last chunk (full or not) can carry FINAL.
    if (pending_.size() == kPlainChunk) push(false);
    std::size_t take = std::min(plaintext.size(), kPlainChunk - pending_.size());
    pending_.append(plaintext.substr(0, take));
    plaintext.remove_prefix(take);
  }
}

void StreamEncryptor::finish() { push(true); }

void StreamEncryptor::push(bool final_chunk) {
  std::vector<unsigned char> cipher(pending_.size() + crypto_secretstream_xchacha20poly1305_ABYTES);
  unsigned long long length = 0;
  crypto_secretstream_xchacha20poly1305_push(&state_->stream, cipher.data(), &length,
                                             reinterpret_cast<const unsigned char*>(pending_.data()), pending_.size(),
                                             nullptr, 0,
                                             final_chunk ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0);
  out_.write(cipher.data(), static_cast<std::size_t>(length));
  pending_.clear();
}

FileDigest encrypt_file(const fs::path& plain, const fs::path& encrypted, const std::string& key, bool sync) {
  core::UniqueFd in(::open(plain.c_str(), O_RDONLY | O_CLOEXEC));
  if (!in.valid()) throw std::runtime_error("cannot open " + plain.string() + ": " + std::strerror(errno));
  ArtifactWriter out(encrypted, sync);
  StreamEncryptor encryptor(key, out);
  std::vector<unsigned char> buffer(kPlainChunk);
  for (;;) {
    std::size_t n = read_full(in.get(), buffer.data(), buffer.size(), plain);
    if (n == 0) break;
    encryptor.write(std::string_view(reinterpret_cast<const char*>(buffer.data()), n));
  }
  encryptor.finish();
  return out.finish();
}

namespace {

// The one decryption loop: reads `encrypted`, feeds every stored byte to `stored` and every authenticated plaintext
// chunk to `clear_sink`. Throws cannot_decrypt() on any authentication failure, trailing bytes or a missing FINAL.
template <typename StoredSink, typename ClearSink>
void decrypt_stream(const fs::path& encrypted, const std::string& key, StoredSink&& stored, ClearSink&& clear_sink) {
  check_key(key);
  core::UniqueFd in(::open(encrypted.c_str(), O_RDONLY | O_CLOEXEC));
  if (!in.valid()) throw std::runtime_error("cannot open " + encrypted.string() + ": " + std::strerror(errno));
  unsigned char preamble[8 + crypto_secretstream_xchacha20poly1305_HEADERBYTES];
  std::size_t got = read_full(in.get(), preamble, sizeof preamble, encrypted);
  stored(preamble, got);
  if (got != sizeof preamble || std::memcmp(preamble, kMagic.data(), kMagic.size()) != 0)
    throw std::runtime_error("cannot decrypt " + encrypted.filename().string() + ": not an encrypted nico artifact");
  crypto_secretstream_xchacha20poly1305_state stream;
  if (crypto_secretstream_xchacha20poly1305_init_pull(&stream, preamble + 8,
                                                      reinterpret_cast<const unsigned char*>(key.data())) != 0)
    throw cannot_decrypt(encrypted);
  std::vector<unsigned char> cipher(kCipherChunk), clear(kPlainChunk);
  bool finished = false;
  for (;;) {
    std::size_t n = read_full(in.get(), cipher.data(), cipher.size(), encrypted);
    if (n == 0) break;
    stored(cipher.data(), n);
    if (finished) throw cannot_decrypt(encrypted);  // bytes after the FINAL chunk
    unsigned long long length = 0;
    unsigned char tag = 0;
    if (crypto_secretstream_xchacha20poly1305_pull(&stream, clear.data(), &length, &tag, cipher.data(), n, nullptr, 0) != 0)
      throw cannot_decrypt(encrypted);
    clear_sink(clear.data(), static_cast<std::size_t>(length));
    finished = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
  }
  sodium_memzero(&stream, sizeof stream);
  if (!finished) throw cannot_decrypt(encrypted);  // cut short: the FINAL chunk never came
}

}  // namespace

void decrypt_file(const fs::path& encrypted, const fs::path& plain, const std::string& key, bool sync) {
  std::optional<ArtifactWriter> out;
  decrypt_stream(
      encrypted, key, [](const unsigned char*, std::size_t) {},
      [&](const unsigned char* data, std::size_t size) {
        if (!out) out.emplace(plain, sync);  // created once the key proved right on the first chunk
        out->write(data, size);
      });
  if (!out) out.emplace(plain, sync);
  out->finish();
}

FileDigest decrypt_and_digest(const fs::path& encrypted, const fs::path& plain, const std::string& key,
                              const std::function<void(std::int64_t)>& progress) {
  Sha256 hash;
  std::int64_t read = 0;
  std::optional<ArtifactWriter> out;
  if (!plain.empty()) out.emplace(plain, ArtifactWriter::Scratch{});
  decrypt_stream(
      encrypted, key,
      [&](const unsigned char* data, std::size_t size) {
        hash.update(data, size);
        read += static_cast<std::int64_t>(size);
        if (progress) progress(read);
      },
      [&](const unsigned char* data, std::size_t size) {
        if (out) out->write(data, size);
      });
  if (out) out->finish();
  return {read, hash.hex_digest()};
}

}  // namespace ops
