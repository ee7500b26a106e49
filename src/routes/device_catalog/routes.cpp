// Device catalog admin (types, brands, model groups, models, issues, repair types), its JSON endpoints and pricing rules: the routes of this area (the site map in src/routes/routes.cpp calls this).
#include "routes/routes.hpp"

#include "web/router.hpp"

namespace routes {

void register_device_catalog_routes(web::Router& router) {
  (void)router;
}

}  // namespace routes
