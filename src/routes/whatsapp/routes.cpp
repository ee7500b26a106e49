// WhatsApp templates (repairs and orders) and the repair send-and-log actions: the routes of this area (the site
// map in src/routes/routes.cpp calls this). Every route is admin-only.
#include "routes/routes.hpp"

#include "routes/whatsapp/handlers.hpp"
#include "web/router.hpp"

namespace routes {

using web::Access;

void register_whatsapp_routes(web::Router& router) {
  router.add("GET", "/admin/whatsapp", "admin.whatsapp_templates.index", Access::kAdmin,
             show_repair_whatsapp_templates);
  router.add("POST", "/admin/whatsapp", "admin.whatsapp_templates.update", Access::kAdmin,
             save_repair_whatsapp_templates);
  router.add("GET", "/admin/whatsapp-pedidos", "admin.orders_whatsapp_templates.index", Access::kAdmin,
             show_order_whatsapp_templates);
  router.add("POST", "/admin/whatsapp-pedidos", "admin.orders_whatsapp_templates.update", Access::kAdmin,
             save_order_whatsapp_templates);
  router.add("POST", "/admin/reparaciones/{repair}/whatsapp", "admin.repairs.whatsappLog", Access::kAdmin,
             log_repair_whatsapp);
  router.add("POST", "/admin/reparaciones/{repair}/whatsapp-ajax", "admin.repairs.whatsappLogAjax", Access::kAdmin,
             log_repair_whatsapp_ajax);
}

}  // namespace routes
