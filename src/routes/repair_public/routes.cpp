// Customer-facing repairs: signed status link, quote approval, /mis-reparaciones: the routes of this area (the
// site map in src/routes/routes.cpp calls this; the public lookup /reparacion is listed there).
// The signed routes are kAnyone: the signature, checked by the handler against the raw request target, is the
// credential (a tampered or expired link gets the 403 page).
#include "routes/routes.hpp"

#include "routes/repair_public/handlers.hpp"
#include "web/router.hpp"

namespace routes {

using web::Access;

void register_repair_public_routes(web::Router& router) {
  router.add("GET", "/reparacion/estado/{repair}", "repairs.status_link", Access::kAnyone, show_repair_status_link);
  router.add("GET", "/reparacion/{repair}/presupuesto", "repairs.quote.show", Access::kAnyone, show_repair_quote);
  router.add("POST", "/reparacion/{repair}/presupuesto/aprobar", "repairs.quote.approve", Access::kAnyone,
             approve_repair_quote);
  router.add("POST", "/reparacion/{repair}/presupuesto/rechazar", "repairs.quote.reject", Access::kAnyone,
             reject_repair_quote);
  router.add("GET", "/mis-reparaciones", "repairs.my.index", Access::kAuth, my_repairs);
  router.add("GET", "/mis-reparaciones/{repair}", "repairs.my.show", Access::kAuth, my_repair);
}

}  // namespace routes
