// Admin repairs: list, intake, detail, edit, status changes, print and ticket: the routes of this area (the site map in src/routes/routes.cpp calls this).
#include "routes/routes.hpp"

#include "web/router.hpp"

namespace routes {

void register_repairs_routes(web::Router& router) {
  (void)router;
}

}  // namespace routes
