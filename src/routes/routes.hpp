// The site map: every route of the application, registered in one place (src/routes/routes.cpp).
#pragma once

namespace web {
class Router;
}

namespace routes {

void register_routes(web::Router& router);

// One registration function per area, each in src/routes/<area>/routes.cpp.
void register_device_catalog_routes(web::Router& router);
void register_repairs_routes(web::Router& router);
void register_repair_public_routes(web::Router& router);
void register_whatsapp_routes(web::Router& router);
void register_store_routes(web::Router& router);
void register_orders_routes(web::Router& router);
void register_back_office_routes(web::Router& router);
void register_insights_routes(web::Router& router);
void register_counter_routes(web::Router& router);
void register_alerts_routes(web::Router& router);  // alert centre, KPI report settings
void register_warranty_routes(web::Router& router);

}  // namespace routes
