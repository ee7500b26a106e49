// Handlers of the device catalog, model groups, repair types, pricing rules and the intake form's JSON endpoints
// (registered in routes.cpp of this folder; every one is Access::kAdmin).
#pragma once

#include "http/message.hpp"

namespace web {
class Context;
}

namespace routes::device_catalog {

// device_types.cpp — /admin/tipos-dispositivo
http::Response device_types_index(web::Context& context);
http::Response device_types_store(web::Context& context);
http::Response device_types_update(web::Context& context);

// catalog_page.cpp — /admin/catalogo-dispositivos (brands, models, issues)
http::Response catalog_index(web::Context& context);
http::Response brands_store(web::Context& context);
http::Response brands_update(web::Context& context);
http::Response brands_toggle(web::Context& context);
http::Response models_store(web::Context& context);
http::Response models_update(web::Context& context);
http::Response models_toggle(web::Context& context);
http::Response issues_store(web::Context& context);
http::Response issues_update(web::Context& context);
http::Response issues_toggle(web::Context& context);

// model_groups.cpp — /admin/grupos-modelos
http::Response model_groups_index(web::Context& context);
http::Response model_groups_store(web::Context& context);
http::Response model_groups_update(web::Context& context);
http::Response model_groups_assign(web::Context& context);

// repair_types.cpp — /admin/tipos-reparacion
http::Response repair_types_index(web::Context& context);
http::Response repair_types_store(web::Context& context);
http::Response repair_types_update(web::Context& context);

// catalog_api.cpp — /admin/device-catalog/* (JSON)
http::Response api_brands(web::Context& context);
http::Response api_models(web::Context& context);
http::Response api_issues(web::Context& context);
http::Response api_store_brand(web::Context& context);
http::Response api_store_model(web::Context& context);
http::Response api_store_issue(web::Context& context);

// pricing_pages.cpp — /admin/precios
http::Response pricing_index(web::Context& context);
http::Response pricing_create(web::Context& context);
http::Response pricing_store(web::Context& context);
http::Response pricing_edit(web::Context& context);
http::Response pricing_update(web::Context& context);
http::Response pricing_toggle(web::Context& context);
http::Response pricing_destroy(web::Context& context);

// pricing_resolve.cpp — /admin/precios/resolve (JSON: rule + suggested quote)
http::Response pricing_resolve(web::Context& context);

}  // namespace routes::device_catalog
