// Cookie header parsing and Set-Cookie building.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace http {

std::map<std::string, std::string, std::less<>> parse_cookies(std::string_view cookie_header);

struct CookieOptions {
  std::string path = "/";
  std::string domain;          // empty → host-only cookie
  long long max_age_seconds = -1;  // < 0 → session cookie; 0 → delete
  bool secure = false;
  bool http_only = true;
  std::string same_site = "Lax";   // "Lax" | "Strict" | "None"
};

std::string build_set_cookie(std::string_view name, std::string_view value, const CookieOptions& options);

}  // namespace http
