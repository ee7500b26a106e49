// The admin gate: what stands between a signed-in admin and /admin/*, in this order (each step says why):
//   1. email allowlist   ADMIN_ALLOWED_EMAILS, exact, case-insensitive → 403 (a stolen non-listed admin is useless)
//   2. IP allowlist      ADMIN_ALLOWED_IPS, addresses and CIDR, on the real client address → 403
//   3. re-auth window    ADMIN_REQUIRE_REAUTH_MINUTES since the last *password* sign-in → signed out, /login
//   4. 2FA               an admin with 2FA must have passed the challenge within ADMIN_2FA_SESSION_MINUTES
//   5. admin-requests    RATE_LIMIT_ADMIN_REQUESTS_PER_MINUTE per user+IP → plain-text 429
// Denials are written to the audit trail. Steps 4-5 are skipped for the 2FA challenge itself.
#pragma once

#include <optional>

#include "http/message.hpp"

namespace web {

class Context;

// nullopt lets the request through; otherwise the answer to send.
std::optional<http::Response> admin_gate(Context& context, bool challenge_route);

}  // namespace web
