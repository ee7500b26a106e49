// Signed status link: a customer opens /reparacion/estado/{id}?expires=…&signature=… (from the WhatsApp message)
// and sees what the public lookup shows, without typing the code and phone. The signature (HMAC-SHA256 under
// APP_KEY, core/signed_link.hpp) covers the path and the expiry, so the id cannot be changed and the link dies.
//
//   lifetime  30 days from the moment the link is built (the admin's WhatsApp message). Long enough for a
//             repair to go from intake to pickup, short enough that an old chat does not open the status forever;
//             after expiry the customer still has /reparacion with code + phone.
#pragma once

#include <cstdint>
#include <string>

namespace repairs {

inline constexpr std::int64_t kStatusLinkLifetimeSeconds = 30LL * 24 * 3600;

// "/reparacion/estado/12" (unsigned).
std::string status_link_path(long long repair_id);

// Absolute signed link: base_url (APP_URL, trailing "/" ignored) + path + "?expires=…&signature=…", expiring
// 30 days from now. `app_key` is the raw key (web::Services::app_key).
std::string status_link_url(const std::string& base_url, const std::string& app_key, long long repair_id);
// Same with an explicit expiry (unix seconds); tests build expired links with it.
std::string status_link_url(const std::string& base_url, const std::string& app_key, long long repair_id,
                            std::int64_t expires_unix);

}  // namespace repairs
