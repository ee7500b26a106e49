// Admin back office: categories, products, bulk actions, users, business settings, brand assets, mail templates:
// the routes of this area (the site map in src/routes/routes.cpp calls this). Every route here is Access::kAdmin.
#include "routes/routes.hpp"

#include "routes/back_office/handlers.hpp"
#include "routes/back_office/product_labels.hpp"
#include "web/router.hpp"

namespace routes {

void register_back_office_routes(web::Router& router) {
  using web::Access;
  namespace bo = back_office;

  // Categories (docs/domain/store.md)
  router.add("GET", "/admin/categorias", "admin.categories.index", Access::kAdmin, bo::categories_index);
  router.add("GET", "/admin/categorias/crear", "admin.categories.create", Access::kAdmin, bo::categories_create);
  router.add("POST", "/admin/categorias", "admin.categories.store", Access::kAdmin, bo::categories_store);
  router.add("GET", "/admin/categorias/{category}/editar", "admin.categories.edit", Access::kAdmin, bo::categories_edit);
  router.add("PUT", "/admin/categorias/{category}", "admin.categories.update", Access::kAdmin, bo::categories_update);
  router.add("DELETE", "/admin/categorias/{category}", "admin.categories.destroy", Access::kAdmin, bo::categories_destroy);
  router.add("POST", "/admin/categorias/{category}/toggle-active", "admin.categories.toggleActive", Access::kAdmin,
             bo::categories_toggle_active);

  // Products (docs/domain/store.md); literal paths before the {product} ones
  router.add("GET", "/admin/productos", "admin.products.index", Access::kAdmin, bo::products_index);
  router.add("GET", "/admin/productos/crear", "admin.products.create", Access::kAdmin, bo::products_create);
  router.add("POST", "/admin/productos", "admin.products.store", Access::kAdmin, bo::products_store);
  router.add("POST", "/admin/productos/bulk", "admin.products.bulk", Access::kAdmin, bo::products_bulk);
  router.add("GET", "/admin/productos/etiquetas", "admin.products.labels", Access::kAdmin, bo::product_labels);
  router.add("GET", "/admin/productos/{product}/etiqueta", "admin.products.label", Access::kAdmin, bo::product_label);
  router.add("GET", "/admin/productos/{product}/editar", "admin.products.edit", Access::kAdmin, bo::products_edit);
  router.add("PUT", "/admin/productos/{product}", "admin.products.update", Access::kAdmin, bo::products_update);
  router.add("DELETE", "/admin/productos/{product}", "admin.products.destroy", Access::kAdmin, bo::products_destroy);
  router.add("POST", "/admin/productos/{product}/toggle-active", "admin.products.toggleActive", Access::kAdmin,
             bo::products_toggle_active);
  router.add("POST", "/admin/productos/{product}/toggle-featured", "admin.products.toggleFeatured", Access::kAdmin,
             bo::products_toggle_featured);
  router.add("POST", "/admin/productos/{product}/stock", "admin.products.updateStock", Access::kAdmin,
             bo::products_update_stock);

  // Users (docs/domain/accounts.md)
  router.add("GET", "/admin/usuarios", "admin.users.index", Access::kAdmin, bo::users_index);
  router.add("GET", "/admin/usuarios/{user}", "admin.users.show", Access::kAdmin, bo::users_show);
  router.add("POST", "/admin/usuarios/{user}/rol", "admin.users.updateRole", Access::kAdmin, bo::users_update_role);

  // Business settings and brand assets (docs/domain/store.md)
  router.add("GET", "/admin/configuracion", "admin.settings.index", Access::kAdmin, bo::settings_index);
  router.add("POST", "/admin/configuracion", "admin.settings.update", Access::kAdmin, bo::settings_update);
  router.add("GET", "/admin/configuracion/identidad-visual", "admin.settings.assets.index", Access::kAdmin,
             bo::brand_assets_index);
  router.add("POST", "/admin/configuracion/identidad-visual/{assetKey}", "admin.settings.assets.update", Access::kAdmin,
             bo::brand_assets_update);
  router.add("DELETE", "/admin/configuracion/identidad-visual/{assetKey}", "admin.settings.assets.reset", Access::kAdmin,
             bo::brand_assets_reset);

  // Mail templates (docs/domain/mails.md); the preview posts the form as typed and saves nothing
  router.add("GET", "/admin/mails", "admin.mails.index", Access::kAdmin, bo::mails_index);
  router.add("GET", "/admin/mails/{key}", "admin.mails.edit", Access::kAdmin, bo::mails_edit);
  router.add("POST", "/admin/mails/{key}", "admin.mails.update", Access::kAdmin, bo::mails_update);
  router.add("POST", "/admin/mails/{key}/vista-previa", "admin.mails.preview", Access::kAdmin, bo::mails_preview);
  router.add("DELETE", "/admin/mails/{key}", "admin.mails.reset", Access::kAdmin, bo::mails_reset);

  // The only routes that take files: multipart bodies up to HTTP_MAX_BODY_BYTES (every other form gets
  // HTTP_FORM_BODY_LIMIT_KIB, refused with 413 before its body is read).
  for (const char* name : {"admin.products.store", "admin.products.update", "admin.settings.assets.update"})
    router.allow_uploads(name);
}

}  // namespace routes
