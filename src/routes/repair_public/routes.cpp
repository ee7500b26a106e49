// Customer-facing repairs: public lookup, signed status link, quote approval, /mis-reparaciones: the routes of this area (the site map in src/routes/routes.cpp calls this).
#include "routes/routes.hpp"

#include "web/router.hpp"

namespace routes {

void register_repair_public_routes(web::Router& router) {
  (void)router;
}

}  // namespace routes
