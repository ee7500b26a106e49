// Orders: customer pages and the admin orders workflow: the routes of this area (the site map in src/routes/routes.cpp calls this).
#include "routes/routes.hpp"

#include "web/router.hpp"

namespace routes {

void register_orders_routes(web::Router& router) {
  (void)router;
}

}  // namespace routes
