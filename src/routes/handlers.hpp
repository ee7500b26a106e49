// Request handlers, grouped by area. Each parses input, calls one domain use case and renders or redirects.
#pragma once

#include "http/message.hpp"

namespace web {
class Context;
}

namespace routes {

// public/
http::Response health_up(web::Context& context);
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
