// Signed URL creation and verification (see signed_link.hpp).
#include "core/signed_link.hpp"

#include "core/crypto.hpp"

namespace core {

namespace {
std::string signature_of(std::string_view signed_part, std::string_view app_key) {
  return core::hex_encode(core::hmac_sha256(app_key, signed_part));
}
}  // namespace

std::string sign_url(std::string_view path_and_query, std::int64_t expires_unix, std::string_view app_key) {
  std::string url(path_and_query);
  url += url.find('?') == std::string::npos ? '?' : '&';
  url += "expires=" + std::to_string(expires_unix);
  return url + "&signature=" + signature_of(url, app_key);
}

SignedUrlCheck check_signed_url(std::string_view target, std::string_view app_key, std::int64_t now_unix) {
  std::size_t marker = target.rfind("&signature=");
  if (marker == std::string_view::npos) return SignedUrlCheck::kInvalid;
  std::string_view signed_part = target.substr(0, marker);
  std::string_view signature = target.substr(marker + 11);
  if (!core::constant_time_equals(signature, signature_of(signed_part, app_key))) return SignedUrlCheck::kInvalid;
  std::size_t expires_at = signed_part.rfind("expires=");
  // expires_at == 0 ("expires=…" with no path before it) must not read signed_part[-1] (found by fuzzing).
  if (expires_at == std::string_view::npos || expires_at == 0 ||
      (signed_part[expires_at - 1] != '?' && signed_part[expires_at - 1] != '&'))
    return SignedUrlCheck::kInvalid;
  std::int64_t expires = 0;
  try {
    expires = std::stoll(std::string(signed_part.substr(expires_at + 8)));
  } catch (const std::exception&) {
    return SignedUrlCheck::kInvalid;
  }
  return now_unix <= expires ? SignedUrlCheck::kValid : SignedUrlCheck::kExpired;
}

}  // namespace core
