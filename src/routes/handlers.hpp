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

// public/home.cpp
http::Response home(web::Context& context);

// account/auth.cpp
http::Response show_login(web::Context& context);
http::Response login(web::Context& context);
http::Response show_register(web::Context& context);
http::Response register_account(web::Context& context);
http::Response logout(web::Context& context);

// account/profile.cpp
http::Response show_account(web::Context& context);
http::Response update_account(web::Context& context);
http::Response update_password(web::Context& context);

}  // namespace routes
