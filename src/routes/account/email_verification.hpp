// E-mail verification pages: the notice (GET /verificar-email), "Reenviar" (POST /verificar-email/reenviar) and the
// mailed link (GET /verificar-email/{id}/{hash}); plus the pieces other account and store routes call: sending the
// mail after a sign-up or an e-mail change, and the AUTH_EMAIL_VERIFICATION=required gate of the checkout.
#pragma once

#include <cstdint>
#include <optional>

#include "http/message.hpp"

namespace web {
class Context;
}

namespace routes {

http::Response show_email_verification_notice(web::Context& context);
http::Response resend_email_verification(web::Context& context);
http::Response verify_email(web::Context& context);

// Queues the verification mail for `user_id` (its own small transaction; with QUEUE_CONNECTION=sync, sends now).
void send_email_verification(web::Context& context, std::int64_t user_id);

// Whether the signed-in user's e-mail is verified (one query).
bool signed_in_email_verified(web::Context& context);

// With AUTH_EMAIL_VERIFICATION=required and an unverified signed-in user: the redirect to the notice page, which
// explains why and offers "Reenviar"; after the link the customer comes back to `return_to`. Otherwise nullopt.
std::optional<http::Response> require_verified_email(web::Context& context, const char* return_to);

}  // namespace routes
