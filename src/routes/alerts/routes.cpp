// Route table of the alerts area (alert centre and KPI report settings); admins only.
#include "routes/alerts/handlers.hpp"
#include "routes/routes.hpp"
#include "web/router.hpp"

namespace routes {

void register_alerts_routes(web::Router& router) {
  using web::Access;
  namespace area = alerts_area;
  router.add("GET", "/admin/alertas", "admin.alerts.index", Access::kAdmin, area::alerts_index);
  router.add("POST", "/admin/alertas/vistas", "admin.alerts.seen", Access::kAdmin, area::alerts_mark_seen);
  router.add("GET", "/admin/configuracion/reportes", "admin.reports.edit", Access::kAdmin, area::report_settings_index);
  router.add("POST", "/admin/configuracion/reportes", "admin.reports.update", Access::kAdmin,
             area::report_settings_update);
  router.add("POST", "/admin/configuracion/reportes/enviar", "admin.reports.send", Access::kAdmin,
             area::report_send_now);
}

}  // namespace routes
