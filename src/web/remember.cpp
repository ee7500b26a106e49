// Remember-me cookies (see remember.hpp).
#include "web/remember.hpp"

#include "core/config.hpp"
#include "core/crypto.hpp"
#include "db/unit_of_work.hpp"
#include "domain/accounts/account_service.hpp"
#include "http/cookies.hpp"
#include "web/context.hpp"
#include "web/cookie_policy.hpp"

namespace web {

namespace {
void expire_cookie(Context& context) {
  const auto& config = context.services.config;
  context.cookies.push_back(http::build_set_cookie(cookie_name(config, kRememberCookie), "", cookie_options(config, 0)));
}
}  // namespace

void remember_user(Context& context, const accounts::User& user) {
  std::string token = core::random_token(60);
  std::string hash = core::sha256_hex(token);
  const auto& users = context.services.accounts.users();
  db::write(users.database(), [&](db::Tx& tx) { users.set_remember_token_hash(tx, user.id, hash); });
  const auto& config = context.services.config;
  context.cookies.push_back(http::build_set_cookie(cookie_name(config, kRememberCookie), std::to_string(user.id) + "|" + token,
                                                   cookie_options(config, kRememberSeconds)));
}

void forget_remembered_user(Context& context) {
  if (context.user) {
    const auto& users = context.services.accounts.users();
    db::write(users.database(), [&](db::Tx& tx) { users.set_remember_token_hash(tx, context.user->id, ""); });
  }
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
