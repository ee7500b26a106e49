// Checking a signed public link on the current request (core/signed_link.hpp) and parsing its {repair} id.
#pragma once

#include <cstdint>
#include <optional>

#include "http/message.hpp"

namespace web {
class Context;
}

namespace routes {

// The numeric {repair} route parameter, or nullopt.
std::optional<long long> repair_param(const web::Context& context);

// Returns when the request target carries a valid, unexpired signature; otherwise throws core::forbidden, which
// the kernel renders as the 403 page ("tampered" and "expired" get different Spanish explanations).
void require_signed(const web::Context& context);

// The `expires` of the (already verified) request, or `fallback`.
std::int64_t signed_expiry(const web::Context& context, std::int64_t fallback);

}  // namespace routes
