// Cookie naming and flags (see cookie_policy.hpp).
#include "web/cookie_policy.hpp"

#include <cctype>

#include "core/config.hpp"

namespace web {

namespace {
bool host_prefix_applies(const core::Config& config) {
  return config.boolean("SESSION_SECURE_COOKIE") && config.str("SESSION_DOMAIN").empty() && config.str("SESSION_PATH") == "/";
}
}  // namespace

std::string cookie_name(const core::Config& config, std::string_view base_name) {
  if (!host_prefix_applies(config) || base_name.rfind("__Host-", 0) == 0) return std::string(base_name);
  return "__Host-" + std::string(base_name);
}

http::CookieOptions cookie_options(const core::Config& config, long long max_age_seconds) {
  http::CookieOptions options;
  options.path = host_prefix_applies(config) ? "/" : config.str("SESSION_PATH");
  options.domain = config.str("SESSION_DOMAIN");
  options.secure = config.boolean("SESSION_SECURE_COOKIE");
  options.http_only = config.boolean("SESSION_HTTP_ONLY");
  std::string same_site = config.str("SESSION_SAME_SITE");
  same_site[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(same_site[0])));
  options.same_site = same_site;
  options.max_age_seconds = max_age_seconds;
  return options;
}

http::CookieOptions session_cookie_options(const core::Config& config) {
  return cookie_options(config, config.boolean("SESSION_EXPIRE_ON_CLOSE") ? -1 : config.integer("SESSION_LIFETIME") * 60);
}

}  // namespace web
