// Admin dashboard, audit log viewer and CSV exports: the routes of this area (the site map in src/routes/routes.cpp calls this).
#include "routes/routes.hpp"

#include "web/router.hpp"

namespace routes {

void register_insights_routes(web::Router& router) {
  (void)router;
}

}  // namespace routes
