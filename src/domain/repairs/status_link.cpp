// Signed status links (see status_link.hpp).
#include "domain/repairs/status_link.hpp"

#include "core/clock.hpp"
#include "core/signed_link.hpp"

namespace repairs {

namespace {
std::string without_trailing_slash(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}
}  // namespace

std::string status_link_path(long long repair_id) { return "/reparacion/estado/" + std::to_string(repair_id); }

std::string status_link_url(const std::string& base_url, const std::string& app_key, long long repair_id) {
  return status_link_url(base_url, app_key, repair_id, core::unix_now() + kStatusLinkLifetimeSeconds);
}

std::string status_link_url(const std::string& base_url, const std::string& app_key, long long repair_id,
                            std::int64_t expires_unix) {
  return without_trailing_slash(base_url) + core::sign_url(status_link_path(repair_id), expires_unix, app_key);
}

}  // namespace repairs
