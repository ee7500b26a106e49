// /admin/tipos-reparacion: the "reparación final" list (Módulo, Batería, Mantenimiento…) pricing rules key on.
// Create, rename, activate/deactivate; never delete (docs/domain/pricing.md "Device catalog"). Unlike the
// reference, an unchecked "Activo" box creates an inactive type.
#include "domain/catalog/device_catalog.hpp"
#include "routes/device_catalog/handlers.hpp"
#include "routes/device_catalog/support.hpp"
#include "web/context.hpp"
#include "web/render.hpp"

namespace routes::device_catalog {

namespace {
constexpr const char* kIndex = "/admin/tipos-reparacion";
constexpr std::size_t kNameMax = 100;
}  // namespace

http::Response repair_types_index(web::Context& context) {
  auto types = catalog::list_items(context.services.database, catalog::CatalogKind::kRepairType, 0, false);
  web::View view("pages/device_catalog/repair_types.tpl", "Admin — Tipos de reparación");
  auto dict = view.dict();
  dict.set("COUNT", static_cast<long long>(types.size()));
  bool refill = context.old("_form") == "create";
  dict.set("OLD_NAME", refill ? context.old("name") : "");
  if (!refill || context.old("active") == "1") dict.show("NEW_ACTIVE_CHECKED");
  for (const auto& type : types) {
    auto row = dict.add("TYPE");
    row.set("ID", type.id).set("NAME", type.name).set("SLUG", type.slug).show_if(type.active, "ACTIVE_CHECKED");
  }
  if (types.empty()) dict.show("EMPTY");
  return web::render(context, view);
}

http::Response repair_types_store(web::Context& context) {
  auto saved = catalog::create_item(context.services.database, catalog::CatalogKind::kRepairType, 0,
                                    context.input.value("name"), checkbox(context, "active"), kNameMax);
  if (!saved.ok()) return context.back_with_errors(saved.errors, {}, kIndex);
  return back_with_success(context, "Tipo de reparación creado.", kIndex);
}

http::Response repair_types_update(web::Context& context) {
  auto id = path_id(context, "repairType");
  if (!id) return not_found(context);
  auto saved = catalog::update_item(context.services.database, catalog::CatalogKind::kRepairType, *id,
                                    context.input.value("name"), checkbox(context, "active"), kNameMax);
  if (!saved.item && saved.errors.empty()) return not_found(context);
  if (!saved.ok()) return context.back_with_errors(saved.errors, {}, kIndex);
  return back_with_success(context, "Tipo de reparación actualizado.", kIndex);
}

}  // namespace routes::device_catalog
