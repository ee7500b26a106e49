// Names and flags of every cookie the site sets, from the SESSION_* settings in one place.
// With SESSION_SECURE_COOKIE=true, no SESSION_DOMAIN and path "/", names get the `__Host-` prefix: browsers then
// refuse the cookie unless it is Secure, host-only and site-wide, so a sibling subdomain cannot plant one.
#pragma once

#include <string>
#include <string_view>

#include "http/cookies.hpp"

namespace core {
class Config;
}

namespace web {

std::string cookie_name(const core::Config& config, std::string_view base_name);
http::CookieOptions cookie_options(const core::Config& config, long long max_age_seconds);
// Options of the session cookie (Max-Age from SESSION_LIFETIME unless SESSION_EXPIRE_ON_CLOSE).
http::CookieOptions session_cookie_options(const core::Config& config);

}  // namespace web
