// Cookie parsing (RFC 6265 "Cookie: a=b; c=d") and Set-Cookie serialisation.
#include "http/cookies.hpp"

#include "core/strings.hpp"

namespace http {

std::map<std::string, std::string, std::less<>> parse_cookies(std::string_view header) {
  std::map<std::string, std::string, std::less<>> cookies;
  std::size_t pos = 0;
  while (pos < header.size()) {
    std::size_t end = header.find(';', pos);
    if (end == std::string_view::npos) end = header.size();
    std::string_view pair = header.substr(pos, end - pos);
    pos = end + 1;
    std::size_t eq = pair.find('=');
    if (eq == std::string_view::npos) continue;
    std::string name = core::trim(pair.substr(0, eq));
    std::string value = core::trim(pair.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    // The first occurrence wins: browsers send the most specific path first.
    if (!name.empty()) cookies.emplace(std::move(name), std::move(value));
  }
  return cookies;
}

std::string build_set_cookie(std::string_view name, std::string_view value, const CookieOptions& options) {
  std::string cookie = std::string(name) + "=" + std::string(value);
  cookie += "; Path=" + options.path;
  if (!options.domain.empty()) cookie += "; Domain=" + options.domain;
  if (options.max_age_seconds >= 0) {
    cookie += "; Max-Age=" + std::to_string(options.max_age_seconds);
    if (options.max_age_seconds == 0) cookie += "; Expires=Thu, 01 Jan 1970 00:00:00 GMT";
  }
  if (options.secure) cookie += "; Secure";
  if (options.http_only) cookie += "; HttpOnly";
  if (!options.same_site.empty()) cookie += "; SameSite=" + options.same_site;
  return cookie;
}

}  // namespace http
