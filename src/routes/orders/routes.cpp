// Orders: the customer's pages and the admin orders workflow (the site map in src/routes/routes.cpp calls this).
#include "routes/routes.hpp"

#include "routes/orders/handlers.hpp"
#include "web/router.hpp"

namespace routes {

using web::Access;

void register_orders_routes(web::Router& router) {
  // Customer area (owner only: another user's order is 403)
  router.add("GET", "/mis-pedidos", "orders.index", Access::kAuth, my_orders);
  router.add("GET", "/mis-pedidos/{order}", "orders.show", Access::kAuth, my_order);

  // Admin orders
  router.add("GET", "/admin/pedidos", "admin.orders.index", Access::kAdmin, admin_orders_index);
  router.add("GET", "/admin/pedidos/{order}", "admin.orders.show", Access::kAdmin, admin_order_show);
  router.add("POST", "/admin/pedidos/{order}/estado", "admin.orders.updateStatus", Access::kAdmin,
             admin_order_update_status);
  router.add("POST", "/admin/pedidos/{order}/whatsapp", "admin.orders.whatsappLog", Access::kAdmin,
             admin_order_whatsapp_log);
  router.add("POST", "/admin/pedidos/{order}/whatsapp-ajax", "admin.orders.whatsappLogAjax", Access::kAdmin,
             admin_order_whatsapp_log_ajax);
  router.add("GET", "/admin/pedidos/{order}/imprimir", "admin.orders.print", Access::kAdmin, admin_order_print);
  router.add("GET", "/admin/pedidos/{order}/ticket", "admin.orders.ticket", Access::kAdmin, admin_order_ticket);
}

}  // namespace routes
