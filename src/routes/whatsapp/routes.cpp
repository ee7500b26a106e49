// WhatsApp templates (repairs and orders) and the send-and-log actions: the routes of this area (the site map in src/routes/routes.cpp calls this).
#include "routes/routes.hpp"

#include "web/router.hpp"

namespace routes {

void register_whatsapp_routes(web::Router& router) {
  (void)router;
}

}  // namespace routes
