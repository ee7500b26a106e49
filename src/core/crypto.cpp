// Wrappers over libsodium (randomness, Argon2id, constant-time compare, base64) and OpenSSL (HMAC-SHA256, HMAC-SHA1,
// SHA digests).
#include "core/crypto.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <sodium.h>

#include <algorithm>
#include <cstring>
#include <mutex>
#include <stdexcept>

namespace core {

void crypto_init() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
  });
}

std::string random_bytes(std::size_t count) {
  crypto_init();
  std::string out(count, '\0');
  randombytes_buf(out.data(), count);
  return out;
}

namespace {
// Random bytes from a per-thread batch of 512 refilled with one randombytes_buf (getrandom) call: a page answer
// draws three tokens (nonce and request id, browser id, CSRF nonce), and a syscall each showed in profiles. Bytes
// are wiped as they are handed out. Safe because no child draws from it: children are
// started with posix_spawn, or fork followed at once by execv (infra/schedule_process.cpp).
void fill_from_batch(unsigned char* out, std::size_t count) {
  constexpr std::size_t kBatch = 512;
  thread_local unsigned char batch[kBatch];
  thread_local std::size_t used = kBatch;
  while (count > 0) {
    if (used == kBatch) {
      randombytes_buf(batch, kBatch);
      used = 0;
    }
    std::size_t take = std::min(count, kBatch - used);
    std::memcpy(out, batch + used, take);
    sodium_memzero(batch + used, take);
    used += take;
    out += take;
    count -= take;
  }
}
}  // namespace

std::string random_token(std::size_t length) {
  static constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  // Rejection sampling: bytes >= 248 (= 4 * 62) are dropped so every character stays uniform.
  constexpr unsigned kLimit = 4 * kAlphabet.size();
  crypto_init();
  std::string out;
  out.reserve(length);
  unsigned char batch[96];
  while (out.size() < length) {
    std::size_t want = std::min(sizeof batch, length - out.size() + 8);
    fill_from_batch(batch, want);
    for (std::size_t i = 0; i < want && out.size() < length; ++i) {
      if (batch[i] < kLimit) out.push_back(kAlphabet[batch[i] % kAlphabet.size()]);
    }
  }
  sodium_memzero(batch, sizeof batch);
  return out;
}

std::string hex_encode(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 0x0F]);
  }
  return out;
}

std::string hex_decode(std::string_view hex) {
  if (hex.size() % 2 != 0) return {};
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  out.reserve(hex.size() / 2);
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    int hi = nibble(hex[i]), lo = nibble(hex[i + 1]);
    if (hi < 0 || lo < 0) return {};
    out.push_back(static_cast<char>((hi << 4) | lo));
  }
  return out;
}

std::string base64_encode(std::string_view bytes) {
  crypto_init();
  std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // drop the terminating NUL sodium writes
  return out;
}

std::string base64_decode(std::string_view text) {
  crypto_init();
  std::string out(text.size(), '\0');
  std::size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr,
                        &length, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
    return {};
  out.resize(length);
  return out;
}

namespace {
std::string hmac(const EVP_MD* digest, std::string_view key, std::string_view message) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (!HMAC(digest, key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(message.data()),
            message.size(), out, &length))
    throw std::runtime_error("HMAC failed");
  return std::string(reinterpret_cast<char*>(out), length);
}

std::string digest_hex(const EVP_MD* digest, std::string_view data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (!EVP_Digest(data.data(), data.size(), out, &length, digest, nullptr)) throw std::runtime_error("digest failed");
  return hex_encode(std::string_view(reinterpret_cast<char*>(out), length));
}

// The HMAC state right after taking the key (its inner and outer pads hashed), kept per thread for the last key
// used: nearly every HMAC here is keyed with APP_KEY, and those two SHA-256 blocks were ~40 % of signing a guest
// CSRF token, which every guest form post checks. OpenSSL's SHA-256 rather than libsodium's: it uses the CPU's SHA
// instructions where there are some (an HMAC of a CSRF message: 370 ns against 800 ns on the bench machine), and
// copying a prepared EVP_MD_CTX skips the algorithm lookup that made OpenSSL 3's one-shot HMAC() slow.
class KeyedHmacSha256 final {
 public:
  KeyedHmacSha256() : inner_(EVP_MD_CTX_new()), outer_(EVP_MD_CTX_new()), scratch_(EVP_MD_CTX_new()) {}
  ~KeyedHmacSha256() {
    sodium_memzero(key_.data(), key_.size());
    EVP_MD_CTX_free(inner_);  // each free cleanses the digest state it held
    EVP_MD_CTX_free(outer_);
    EVP_MD_CTX_free(scratch_);
  }
  KeyedHmacSha256(const KeyedHmacSha256&) = delete;
  KeyedHmacSha256& operator=(const KeyedHmacSha256&) = delete;

  // RFC 2104 with the prepared pads. Throws std::runtime_error when OpenSSL fails.
  std::string mac(std::string_view key, std::string_view message) {
    prepare_for(key);
    unsigned char inner_hash[EVP_MAX_MD_SIZE], out[EVP_MAX_MD_SIZE];
    unsigned int inner_length = 0, length = 0;
    bool ok = EVP_MD_CTX_copy_ex(scratch_, inner_) && EVP_DigestUpdate(scratch_, message.data(), message.size()) &&
              EVP_DigestFinal_ex(scratch_, inner_hash, &inner_length) && EVP_MD_CTX_copy_ex(scratch_, outer_) &&
              EVP_DigestUpdate(scratch_, inner_hash, inner_length) && EVP_DigestFinal_ex(scratch_, out, &length);
    sodium_memzero(inner_hash, sizeof inner_hash);
    if (!ok) throw std::runtime_error("HMAC-SHA256 failed");
    return std::string(reinterpret_cast<char*>(out), length);
  }

 private:
  static constexpr std::size_t kBlockBytes = 64;  // SHA-256's block, the pads' length

  // A plain comparison: both sides are the server's own key, never a visitor's input, so its timing tells nothing.
  void prepare_for(std::string_view key) {
    if (ready_ && key == key_) return;
    ready_ = false;  // first: were anything below to throw, a half-prepared state must not be used for any key
    if (!inner_ || !outer_ || !scratch_) throw std::runtime_error("HMAC-SHA256: out of memory");
    sodium_memzero(key_.data(), key_.size());
    key_.assign(key);
    static EVP_MD* const sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    const EVP_MD* digest = sha256 ? sha256 : EVP_sha256();
    unsigned char block[kBlockBytes] = {};
    if (key.size() > kBlockBytes) {  // a long key is hashed first
      unsigned int hashed = 0;
      if (!EVP_Digest(key.data(), key.size(), block, &hashed, digest, nullptr)) throw std::runtime_error("HMAC-SHA256 failed");
    } else if (!key.empty()) {
      std::memcpy(block, key.data(), key.size());
    }
    unsigned char inner_pad[kBlockBytes], outer_pad[kBlockBytes];
    for (std::size_t i = 0; i < kBlockBytes; ++i) {
      inner_pad[i] = block[i] ^ 0x36;
      outer_pad[i] = block[i] ^ 0x5c;
    }
    bool ok = EVP_DigestInit_ex(inner_, digest, nullptr) && EVP_DigestUpdate(inner_, inner_pad, kBlockBytes) &&
              EVP_DigestInit_ex(outer_, digest, nullptr) && EVP_DigestUpdate(outer_, outer_pad, kBlockBytes);
    sodium_memzero(block, sizeof block);
    sodium_memzero(inner_pad, sizeof inner_pad);
    sodium_memzero(outer_pad, sizeof outer_pad);
    if (!ok) throw std::runtime_error("HMAC-SHA256 failed");
    ready_ = true;
  }

  std::string key_;
  EVP_MD_CTX* inner_;
  EVP_MD_CTX* outer_;
  EVP_MD_CTX* scratch_;
  bool ready_ = false;
};
}  // namespace

std::string hmac_sha256(std::string_view key, std::string_view message) {
  thread_local KeyedHmacSha256 keyed;
  return keyed.mac(key, message);
}
std::string hmac_sha1(std::string_view key, std::string_view message) { return hmac(EVP_sha1(), key, message); }
// Fetched once: EVP_sha1()/EVP_sha256() make OpenSSL 3 look the algorithm up in its provider on every
// EVP_Digest (the SHA-1 of each limiter key was 3.6 % of a repair lookup's CPU in perf, mostly that lookup).
std::string sha256_hex(std::string_view data) {
  static EVP_MD* const sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  return digest_hex(sha256 ? sha256 : EVP_sha256(), data);
}
std::string sha1_hex(std::string_view data) {
  static EVP_MD* const sha1 = EVP_MD_fetch(nullptr, "SHA1", nullptr);
  return digest_hex(sha1 ? sha1 : EVP_sha1(), data);
}

bool constant_time_equals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  crypto_init();
  return a.empty() || sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string hash_password(std::string_view password, const PasswordHashCost& cost) {
  crypto_init();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), cost.opslimit, cost.memlimit_kib * 1024,
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("password hashing ran out of memory");
  return out;
}

bool verify_password(std::string_view password, std::string_view hash) {
  crypto_init();
  std::string stored(hash);  // libsodium needs a NUL-terminated string
  return crypto_pwhash_str_verify(stored.c_str(), password.data(), password.size()) == 0;
}

}  // namespace core

namespace core {

namespace {
std::string derive_key(std::string_view app_key, std::string_view purpose) {
  crypto_init();
  std::string key(crypto_secretbox_KEYBYTES, '\0');
  crypto_generichash(reinterpret_cast<unsigned char*>(key.data()), key.size(),
                     reinterpret_cast<const unsigned char*>(purpose.data()), purpose.size(),
                     reinterpret_cast<const unsigned char*>(app_key.data()), app_key.size());
  return key;
}
}  // namespace

std::string encrypt_for(std::string_view app_key, std::string_view purpose, std::string_view plaintext) {
  std::string key = derive_key(app_key, purpose);
  std::string out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plaintext.size(), '\0');
  auto* bytes = reinterpret_cast<unsigned char*>(out.data());
  randombytes_buf(bytes, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(bytes + crypto_secretbox_NONCEBYTES, reinterpret_cast<const unsigned char*>(plaintext.data()),
                        plaintext.size(), bytes, reinterpret_cast<const unsigned char*>(key.data()));
  sodium_memzero(key.data(), key.size());
  return base64_encode(out);
}

std::optional<std::string> decrypt_for(std::string_view app_key, std::string_view purpose, std::string_view encrypted) {
  std::string raw = base64_decode(encrypted);
  if (raw.size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) return std::nullopt;
  std::string key = derive_key(app_key, purpose);
  std::string plain(raw.size() - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
  const auto* bytes = reinterpret_cast<const unsigned char*>(raw.data());
  int failed = crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()), bytes + crypto_secretbox_NONCEBYTES,
                                          raw.size() - crypto_secretbox_NONCEBYTES, bytes,
                                          reinterpret_cast<const unsigned char*>(key.data()));
  sodium_memzero(key.data(), key.size());
  if (failed) return std::nullopt;
  return plain;
}

}  // namespace core
