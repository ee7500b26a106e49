// Guest CSRF tokens (see csrf.hpp).
#include "web/csrf.hpp"

#include "core/crypto.hpp"

namespace web {

namespace {
std::string signature(std::string_view nonce, std::string_view app_key) {
  return core::hex_encode(core::hmac_sha256(app_key, "csrf|" + std::string(nonce))).substr(0, 32);
}
}  // namespace

std::string issue_guest_csrf_token(std::string_view app_key) {
  std::string nonce = core::random_token(32);
  return nonce + "." + signature(nonce, app_key);
}

bool guest_csrf_token_is_authentic(std::string_view token, std::string_view app_key) {
  std::size_t dot = token.find('.');
  if (dot != 32 || token.size() != 65) return false;
  return core::constant_time_equals(token.substr(dot + 1), signature(token.substr(0, dot), app_key));
}

}  // namespace web
