// Request handlers, grouped by area. Each parses input, calls one domain use case and renders or redirects.
#pragma once

#include "http/message.hpp"

namespace web {
class Context;
}

namespace routes {

// public/health.cpp
http::Response health_up(web::Context& context);
http::Response health_live(web::Context& context);
http::Response health_ready(web::Context& context);

// public/storage.cpp
http::Response serve_storage(web::Context& context);

// account/auth.cpp
http::Response show_login(web::Context& context);
http::Response login(web::Context& context);
http::Response show_register(web::Context& context);
http::Response register_account(web::Context& context);
http::Response logout(web::Context& context);
// account/password_reset.cpp
http::Response show_forgot_password(web::Context& context);
http::Response send_reset_link(web::Context& context);
http::Response show_reset_password(web::Context& context);
http::Response reset_password(web::Context& context);

// account/profile.cpp
http::Response show_account(web::Context& context);
http::Response update_account(web::Context& context);
http::Response update_password(web::Context& context);
http::Response end_other_sessions(web::Context& context);

// admin/dashboard.cpp
http::Response admin_dashboard(web::Context& context);

// admin/two_factor.cpp
http::Response show_two_factor_challenge(web::Context& context);
http::Response verify_two_factor_challenge(web::Context& context);
http::Response show_two_factor_settings(web::Context& context);
http::Response regenerate_two_factor_secret(web::Context& context);
http::Response enable_two_factor(web::Context& context);
http::Response regenerate_recovery_codes(web::Context& context);
http::Response clear_recovery_codes(web::Context& context);
http::Response disable_two_factor(web::Context& context);
http::Response download_recovery_codes(web::Context& context);
http::Response print_recovery_codes(web::Context& context);

// public/repair_lookup.cpp
http::Response show_repair_lookup(web::Context& context);
http::Response repair_lookup(web::Context& context);

}  // namespace routes
