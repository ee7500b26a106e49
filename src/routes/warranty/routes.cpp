// Warranty registry (issue 21 item 5): the routes of this area (the site map in src/routes/routes.cpp calls this).
// Every route is Access::kAdmin: the full admin gate (allowlists, re-authentication, 2FA) and CSRF on writes.
#include "routes/routes.hpp"

#include "routes/warranty/handlers.hpp"
#include "web/router.hpp"

namespace routes {

void register_warranty_routes(web::Router& router) {
  using web::Access;
  namespace w = warranty_admin;

  // Literal paths before the {incident} ones.
  router.add("GET", "/admin/garantias", "admin.warranty.index", Access::kAdmin, w::index);
  router.add("GET", "/admin/garantias/exportar", "admin.warranty.export", Access::kAdmin, w::export_csv);
  router.add("GET", "/admin/garantias/crear", "admin.warranty.create", Access::kAdmin, w::create);
  router.add("POST", "/admin/garantias", "admin.warranty.store", Access::kAdmin, w::store);
  router.add("GET", "/admin/garantias/{incident}/editar", "admin.warranty.edit", Access::kAdmin, w::edit);
  router.add("PUT", "/admin/garantias/{incident}", "admin.warranty.update", Access::kAdmin, w::update);
  router.add("POST", "/admin/garantias/{incident}/cerrar", "admin.warranty.close", Access::kAdmin, w::close);
  router.add("POST", "/admin/garantias/{incident}/reabrir", "admin.warranty.reopen", Access::kAdmin, w::reopen);
}

}  // namespace routes
