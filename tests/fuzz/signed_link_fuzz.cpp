// Fuzz target: core::check_signed_url. The first byte picks the mode: even = the rest is checked as-is (what an
// attacker controls); odd = the rest is signed with the key first ("…&signature=<hmac of it>"), so the code past
// the signature comparison (expiry parsing) sees arbitrary text too. A forged link must never come out valid.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/crypto.hpp"
#include "core/signed_link.hpp"

namespace {
constexpr std::string_view kKey = "base64:fuzz-key-0123456789abcdef0123456789abcdef";
constexpr std::int64_t kNow = 1767225600;
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] & 1) {
    std::string target(rest);
    target += "&signature=" + core::hex_encode(core::hmac_sha256(kKey, target));
    (void)core::check_signed_url(target, kKey, kNow);
  } else {
    (void)core::check_signed_url(rest, kKey, kNow);
  }
  // Whatever the input, what sign_url produces for it checks as valid before it expires.
  if (core::check_signed_url(core::sign_url(rest, kNow + 60, kKey), kKey, kNow) != core::SignedUrlCheck::kValid)
    std::abort();
  return 0;
}
