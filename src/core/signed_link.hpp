// Signed URLs (quote-approval links sent by WhatsApp): the path and query are signed with HMAC-SHA256 under
// APP_KEY together with an expiry, so a link cannot be altered or used after it expires.
//   /reparacion/12/presupuesto?expires=1767225600&signature=<64 hex>
// `signature` is always the last parameter and covers everything before it ("…?expires=…").
// Pure string work (no request, no cookie), so domain code can build links; checking the current request
// lives with the routes that need it (routes/repair_public/signed_request.cpp).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace core {

// Appends expires and signature to `path_and_query` (which may already carry a query string).
std::string sign_url(std::string_view path_and_query, std::int64_t expires_unix, std::string_view app_key);

enum class SignedUrlCheck { kValid, kInvalid, kExpired };
// Checks a request target ("/path?query"). Constant-time comparison of the signature.
SignedUrlCheck check_signed_url(std::string_view target, std::string_view app_key, std::int64_t now_unix);

}  // namespace core
