// "Continuar con Google": GET /auth/google (to the provider) and GET /auth/google/callback (back from it).
#pragma once

#include "http/message.hpp"

namespace web {
class Context;
}

namespace routes {

http::Response google_redirect(web::Context& context);
http::Response google_callback(web::Context& context);
// Whether the login page offers the button (GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET set).
bool google_signin_configured(const web::Context& context);

}  // namespace routes
