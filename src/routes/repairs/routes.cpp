// Admin repairs: list, intake, detail, edit, status changes, print and ticket: the routes of this area (the site
// map in src/routes/routes.cpp calls this). Paths: docs/domain/ui-contract.md "Admin repairs"; every route is
// admin-only. (POST …/whatsapp and …/whatsapp-ajax belong to the WhatsApp area, src/routes/whatsapp.)
#include "routes/repairs/handlers.hpp"
#include "routes/routes.hpp"
#include "web/router.hpp"

namespace routes {

using web::Access;

void register_repairs_routes(web::Router& router) {
  router.add("GET", "/admin/reparaciones", "admin.repairs.index", Access::kAdmin, admin_repairs_index);
  router.add("GET", "/admin/reparaciones/crear", "admin.repairs.create", Access::kAdmin, admin_repairs_create);
  router.add("POST", "/admin/reparaciones", "admin.repairs.store", Access::kAdmin, admin_repairs_store);
  router.add("GET", "/admin/reparaciones/{repair}", "admin.repairs.show", Access::kAdmin, admin_repairs_show);
  router.add("PUT", "/admin/reparaciones/{repair}", "admin.repairs.update", Access::kAdmin, admin_repairs_update);
  router.add("POST", "/admin/reparaciones/{repair}/estado", "admin.repairs.updateStatus", Access::kAdmin,
             admin_repairs_update_status);
  router.add("POST", "/admin/reparaciones/{repair}/cobrar-y-entregar", "admin.repairs.collectAndDeliver",
             Access::kAdmin, admin_repairs_collect_and_deliver);
  router.add("POST", "/admin/reparaciones/{repair}/repuestos", "admin.repairs.parts.store", Access::kAdmin,
             admin_repairs_parts_add);
  router.add("POST", "/admin/reparaciones/{repair}/repuestos/{part}/quitar", "admin.repairs.parts.destroy",
             Access::kAdmin, admin_repairs_parts_remove);
  router.add("GET", "/admin/reparaciones/{repair}/imprimir", "admin.repairs.print", Access::kAdmin,
             admin_repairs_print);
  router.add("GET", "/admin/reparaciones/{repair}/ticket", "admin.repairs.ticket", Access::kAdmin,
             admin_repairs_ticket);
}

}  // namespace routes
