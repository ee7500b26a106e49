// Device catalog admin (types, brands, model groups, models, issues, repair types), its JSON endpoints and pricing
// rules: the routes of this area (the site map in src/routes/routes.cpp calls this). Every route is admin-only.
#include "routes/routes.hpp"

#include "routes/device_catalog/handlers.hpp"
#include "web/router.hpp"

namespace routes {

void register_device_catalog_routes(web::Router& router) {
  using web::Access;
  namespace dc = device_catalog;

  // Device types
  router.add("GET", "/admin/tipos-dispositivo", "admin.deviceTypes.index", Access::kAdmin, dc::device_types_index);
  router.add("POST", "/admin/tipos-dispositivo", "admin.deviceTypes.store", Access::kAdmin, dc::device_types_store);
  router.add("PUT", "/admin/tipos-dispositivo/{deviceType}", "admin.deviceTypes.update", Access::kAdmin,
             dc::device_types_update);

  // Catalog: brands, models and issues per type (deactivate, never delete)
  router.add("GET", "/admin/catalogo-dispositivos", "admin.deviceCatalog.index", Access::kAdmin, dc::catalog_index);
  router.add("POST", "/admin/catalogo-dispositivos/marcas", "admin.deviceCatalog.brands.store", Access::kAdmin,
             dc::brands_store);
  router.add("PUT", "/admin/catalogo-dispositivos/marcas/{brand}", "admin.deviceCatalog.brands.update", Access::kAdmin,
             dc::brands_update);
  router.add("POST", "/admin/catalogo-dispositivos/marcas/{brand}/toggle", "admin.deviceCatalog.brands.toggle",
             Access::kAdmin, dc::brands_toggle);
  router.add("POST", "/admin/catalogo-dispositivos/modelos", "admin.deviceCatalog.models.store", Access::kAdmin,
             dc::models_store);
  router.add("PUT", "/admin/catalogo-dispositivos/modelos/{model}", "admin.deviceCatalog.models.update",
             Access::kAdmin, dc::models_update);
  router.add("POST", "/admin/catalogo-dispositivos/modelos/{model}/toggle", "admin.deviceCatalog.models.toggle",
             Access::kAdmin, dc::models_toggle);
  router.add("POST", "/admin/catalogo-dispositivos/fallas", "admin.deviceCatalog.issues.store", Access::kAdmin,
             dc::issues_store);
  router.add("PUT", "/admin/catalogo-dispositivos/fallas/{issue}", "admin.deviceCatalog.issues.update", Access::kAdmin,
             dc::issues_update);
  router.add("POST", "/admin/catalogo-dispositivos/fallas/{issue}/toggle", "admin.deviceCatalog.issues.toggle",
             Access::kAdmin, dc::issues_toggle);

  // Model groups
  router.add("GET", "/admin/grupos-modelos", "admin.modelGroups.index", Access::kAdmin, dc::model_groups_index);
  router.add("POST", "/admin/grupos-modelos", "admin.modelGroups.store", Access::kAdmin, dc::model_groups_store);
  router.add("PUT", "/admin/grupos-modelos/{group}", "admin.modelGroups.update", Access::kAdmin,
             dc::model_groups_update);
  router.add("POST", "/admin/grupos-modelos/modelo/{model}/asignar", "admin.modelGroups.assignModel", Access::kAdmin,
             dc::model_groups_assign);

  // Repair types
  router.add("GET", "/admin/tipos-reparacion", "admin.repairTypes.index", Access::kAdmin, dc::repair_types_index);
  router.add("POST", "/admin/tipos-reparacion", "admin.repairTypes.store", Access::kAdmin, dc::repair_types_store);
  router.add("PUT", "/admin/tipos-reparacion/{repairType}", "admin.repairTypes.update", Access::kAdmin,
             dc::repair_types_update);

  // JSON for the repair intake/edit forms
  router.add("GET", "/admin/device-catalog/brands", "admin.deviceCatalog.brands", Access::kAdmin, dc::api_brands);
  router.add("GET", "/admin/device-catalog/models", "admin.deviceCatalog.models", Access::kAdmin, dc::api_models);
  router.add("GET", "/admin/device-catalog/issues", "admin.deviceCatalog.issues", Access::kAdmin, dc::api_issues);
  router.add("POST", "/admin/device-catalog/brands", "admin.deviceCatalog.ajax.brands.store", Access::kAdmin,
             dc::api_store_brand);
  router.add("POST", "/admin/device-catalog/models", "admin.deviceCatalog.ajax.models.store", Access::kAdmin,
             dc::api_store_model);
  router.add("POST", "/admin/device-catalog/issues", "admin.deviceCatalog.ajax.issues.store", Access::kAdmin,
             dc::api_store_issue);

  // Pricing rules
  router.add("GET", "/admin/precios", "admin.pricing.index", Access::kAdmin, dc::pricing_index);
  router.add("GET", "/admin/precios/crear", "admin.pricing.create", Access::kAdmin, dc::pricing_create);
  router.add("GET", "/admin/precios/resolve", "admin.pricing.resolve", Access::kAdmin, dc::pricing_resolve);
  router.add("POST", "/admin/precios", "admin.pricing.store", Access::kAdmin, dc::pricing_store);
  router.add("GET", "/admin/precios/{rule}/editar", "admin.pricing.edit", Access::kAdmin, dc::pricing_edit);
  router.add("PUT", "/admin/precios/{rule}", "admin.pricing.update", Access::kAdmin, dc::pricing_update);
  router.add("POST", "/admin/precios/{rule}/toggle", "admin.pricing.toggle", Access::kAdmin, dc::pricing_toggle);
  router.add("DELETE", "/admin/precios/{rule}", "admin.pricing.destroy", Access::kAdmin, dc::pricing_destroy);
}

}  // namespace routes
