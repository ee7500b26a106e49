// Admin dashboard, audit log viewer and CSV exports: the routes of this area (the site map in src/routes/routes.cpp
// calls this; /admin and /admin/dashboard themselves are in that table).
#include "routes/routes.hpp"

#include "routes/insights/handlers.hpp"
#include "web/router.hpp"

namespace routes {

using web::Access;

void register_insights_routes(web::Router& router) {
  router.add("GET", "/admin/auditoria", "admin.audit.index", Access::kAdmin, show_audit_log);
  router.add("GET", "/admin/exportar/{type}", "admin.export", Access::kAdmin, export_csv);
}

}  // namespace routes
