// Remember-me cookies (see remember.hpp).
#include "web/remember.hpp"

#include "core/config.hpp"
#include "core/crypto.hpp"
#include "domain/accounts/account_service.hpp"
#include "http/cookies.hpp"
#include "web/context.hpp"

namespace web {

namespace {
http::CookieOptions remember_cookie_options(const core::Config& config, long long max_age) {
  http::CookieOptions options;
  options.path = "/";
  options.domain = config.str("SESSION_DOMAIN");
  options.secure = config.boolean("SESSION_SECURE_COOKIE");
  options.http_only = true;
  options.same_site = "Lax";
  options.max_age_seconds = max_age;
  return options;
}

void expire_cookie(Context& context) {
  context.cookies.push_back(
      http::build_set_cookie(kRememberCookie, "", remember_cookie_options(context.services.config, 0)));
}
}  // namespace

void remember_user(Context& context, const accounts::User& user) {
  std::string token = core::random_token(60);
  context.services.accounts.users().set_remember_token_hash(user.id, core::sha256_hex(token));
  context.cookies.push_back(http::build_set_cookie(kRememberCookie, std::to_string(user.id) + "|" + token,
                                                   remember_cookie_options(context.services.config, kRememberSeconds)));
}

void forget_remembered_user(Context& context) {
  if (context.user) context.services.accounts.users().set_remember_token_hash(context.user->id, "");
  expire_cookie(context);
}

std::optional<accounts::User> remembered_user(Context& context, std::string_view cookie_value) {
  std::size_t bar = cookie_value.find('|');
  std::optional<accounts::User> user;
  if (bar != std::string_view::npos && bar > 0) {
    try {
      user = context.services.accounts.find(std::stoll(std::string(cookie_value.substr(0, bar))));
    } catch (const std::exception&) {
      user.reset();
    }
  }
  if (!user || user->remember_token_hash.empty() ||
      !core::constant_time_equals(core::sha256_hex(cookie_value.substr(bar + 1)), user->remember_token_hash)) {
    expire_cookie(context);
    return std::nullopt;
  }
  return user;
}

}  // namespace web
