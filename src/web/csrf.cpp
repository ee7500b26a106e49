// Guest CSRF tokens and the per-browser id they are bound to (see csrf.hpp).
#include "web/csrf.hpp"

#include <algorithm>
#include <cctype>

#include "core/crypto.hpp"

namespace web {

namespace {
constexpr std::size_t kBrowserIdLength = 32;

std::string signature(std::string_view nonce, std::string_view app_key, std::string_view browser_id) {
  std::string message = "csrf|" + std::string(nonce) + "|" + std::string(browser_id);
  return core::hex_encode(core::hmac_sha256(app_key, message)).substr(0, 32);
}
}  // namespace

std::string issue_browser_id() { return core::random_token(kBrowserIdLength); }

bool browser_id_is_well_formed(std::string_view browser_id) {
  return browser_id.size() == kBrowserIdLength &&
         std::all_of(browser_id.begin(), browser_id.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
}

std::string issue_guest_csrf_token(std::string_view app_key, std::string_view browser_id) {
  std::string nonce = core::random_token(32);
  return nonce + "." + signature(nonce, app_key, browser_id);
}

bool guest_csrf_token_is_authentic(std::string_view token, std::string_view app_key, std::string_view browser_id) {
  if (!browser_id_is_well_formed(browser_id)) return false;
  std::size_t dot = token.find('.');
  if (dot != 32 || token.size() != kGuestCsrfTokenLength) return false;
  return core::constant_time_equals(token.substr(dot + 1), signature(token.substr(0, dot), app_key, browser_id));
}

}  // namespace web
