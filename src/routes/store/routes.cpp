// Public store: catalog pages, search, product page, manifest, cart and checkout: the routes of this area (the site map in src/routes/routes.cpp calls this).
#include "routes/routes.hpp"

#include "web/router.hpp"

namespace routes {

void register_store_routes(web::Router& router) {
  (void)router;
}

}  // namespace routes
