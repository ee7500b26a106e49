// Cryptographic primitives used across the app: random tokens, encodings, HMAC, hashing, constant-time
// comparison and password hashing (Argon2id via libsodium). All functions are thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace core {

// Initialises libsodium once; call before any other function here (idempotent, thread-safe).
void crypto_init();

std::string random_bytes(std::size_t count);
// Random token of `length` characters from [A-Za-z0-9] (unbiased).
std::string random_token(std::size_t length);

std::string hex_encode(std::string_view bytes);
std::string hex_decode(std::string_view hex);  // empty on malformed input
std::string base64_encode(std::string_view bytes);
std::string base64_decode(std::string_view text);  // empty on malformed input

std::string hmac_sha256(std::string_view key, std::string_view message);  // raw 32 bytes
std::string hmac_sha1(std::string_view key, std::string_view message);    // raw 20 bytes
std::string sha256_hex(std::string_view data);
std::string sha1_hex(std::string_view data);

bool constant_time_equals(std::string_view a, std::string_view b);

// Authenticated encryption (XSalsa20-Poly1305 secretbox) under a key derived from `app_key` and `purpose`, so one
// APP_KEY yields independent keys per use. Output: base64(nonce || ciphertext). decrypt returns nullopt when the
// text was altered or encrypted under another key.
std::string encrypt_for(std::string_view app_key, std::string_view purpose, std::string_view plaintext);
std::optional<std::string> decrypt_for(std::string_view app_key, std::string_view purpose, std::string_view encrypted);

struct PasswordHashCost {
  std::uint64_t opslimit = 2;          // Argon2id passes
  std::uint64_t memlimit_kib = 19456;  // memory per hash, KiB (OWASP's Argon2id minimum)
};

// Argon2id hash in the PHC string format ($argon2id$v=19$m=…,t=…,p=1$…). Blocking (~100 ms at the default cost):
// never call on an IO thread. Throws std::runtime_error when memory is exhausted.
std::string hash_password(std::string_view password, const PasswordHashCost& cost);
bool verify_password(std::string_view password, std::string_view hash);

}  // namespace core
