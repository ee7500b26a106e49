// The site map: every route of the application, registered in one place (src/routes/routes.cpp).
#pragma once

namespace web {
class Router;
}

namespace routes {

void register_routes(web::Router& router);

}  // namespace routes
