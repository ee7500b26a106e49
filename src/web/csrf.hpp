// CSRF protection. Signed-in visitors (and any visitor with a session) carry a token in the session
// (`_token`). Guests get a signed double-submit token in an HttpOnly cookie instead, so showing a form to an
// anonymous visitor writes nothing to the database. A state-changing request must send the token in the
// `_token` field or the X-CSRF-TOKEN header; a mismatch is answered with the 419 page.
#pragma once

#include <string>
#include <string_view>

namespace web {

inline constexpr std::string_view kGuestCsrfCookie = "nico_csrf";

// "nonce.signature" where signature = HMAC-SHA256(app_key, "csrf|" + nonce), hex, truncated to 32 chars.
std::string issue_guest_csrf_token(std::string_view app_key);
bool guest_csrf_token_is_authentic(std::string_view token, std::string_view app_key);

}  // namespace web
