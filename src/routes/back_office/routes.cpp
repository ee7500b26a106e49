// Admin back office: categories, products, bulk actions, users, business settings, brand assets: the routes of this area (the site map in src/routes/routes.cpp calls this).
#include "routes/routes.hpp"

#include "web/router.hpp"

namespace routes {

void register_back_office_routes(web::Router& router) {
  (void)router;
}

}  // namespace routes
