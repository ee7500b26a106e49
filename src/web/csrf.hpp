// CSRF protection. Signed-in visitors (and any visitor with a session) carry a token in the session
// (`_token`). Guests get a signed double-submit token in an HttpOnly cookie instead, so showing a form to an
// anonymous visitor writes nothing to the database. A state-changing request must send the token in the
// `_token` field or the X-CSRF-TOKEN header; a mismatch is answered with the 419 page.
//
// Two rules keep a planted cookie (sibling subdomain, cookie tossing) from helping an attacker:
// - a request whose session holds a `_token` is checked against that token only; the guest token counts only
//   for a request that came without one;
// - a guest token is signed over a per-browser random id kept in its own cookie, so a token (and its cookie)
//   minted for one browser fails in another. With secure cookies both names carry the `__Host-` prefix
//   (cookie_policy), which a sibling subdomain cannot set.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace web {

inline constexpr std::string_view kGuestCsrfCookie = "nico_csrf";
inline constexpr std::string_view kBrowserIdCookie = "nico_bid";

// 32 random alphanumerics identifying one browser (its cookie jar), nothing else.
std::string issue_browser_id();
bool browser_id_is_well_formed(std::string_view browser_id);

// "nonce.signature" where signature = HMAC-SHA256(app_key, "csrf|" + nonce + "|" + browser_id), hex, truncated
// to 32 chars: always kGuestCsrfTokenLength characters (32 + "." + 32).
inline constexpr std::size_t kGuestCsrfTokenLength = 65;
std::string issue_guest_csrf_token(std::string_view app_key, std::string_view browser_id);
bool guest_csrf_token_is_authentic(std::string_view token, std::string_view app_key, std::string_view browser_id);

}  // namespace web
