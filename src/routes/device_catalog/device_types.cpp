// /admin/tipos-dispositivo: the base categories of the catalog (Celular, Tablet, Consola…). Create, rename,
// activate/deactivate; never delete (docs/domain/pricing.md "Device catalog").
#include "domain/catalog/device_catalog.hpp"
#include "routes/device_catalog/handlers.hpp"
#include "routes/device_catalog/support.hpp"
#include "web/context.hpp"
#include "web/render.hpp"

namespace routes::device_catalog {

namespace {
constexpr const char* kIndex = "/admin/tipos-dispositivo";
constexpr std::size_t kNameMax = 100;
}  // namespace

http::Response device_types_index(web::Context& context) {
  auto types = catalog::list_items(context.services.database, catalog::CatalogKind::kDeviceType, 0, false);
  web::View view("pages/device_catalog/device_types.tpl", "Admin — Tipos de dispositivo");
  auto dict = view.dict();
  dict.set("COUNT", static_cast<long long>(types.size()));
  bool refill = context.old("_form") == "create";
  dict.set("OLD_NAME", refill ? context.old("name") : "");
  if (!refill || context.old("active") == "1") dict.show("NEW_ACTIVE_CHECKED");
  for (const auto& type : types) {
    auto row = dict.add("TYPE");
    row.set("ID", type.id).set("NAME", type.name).set("SLUG", type.slug);
    row.show_if(type.active, "ACTIVE_CHECKED");
  }
  if (types.empty()) dict.show("EMPTY");
  return web::render(context, view);
}

http::Response device_types_store(web::Context& context) {
  auto saved = catalog::create_item(context.services.database, catalog::CatalogKind::kDeviceType, 0,
                                    context.input.value("name"), checkbox(context, "active"), kNameMax);
  if (!saved.ok()) return context.back_with_errors(saved.errors, {}, kIndex);
  return back_with_success(context, "Tipo de dispositivo creado.", kIndex);
}

http::Response device_types_update(web::Context& context) {
  auto id = path_id(context, "deviceType");
  if (!id) return not_found(context);
  auto saved = catalog::update_item(context.services.database, catalog::CatalogKind::kDeviceType, *id,
                                    context.input.value("name"), checkbox(context, "active"), kNameMax);
  if (!saved.item && saved.errors.empty()) return not_found(context);
  if (!saved.ok()) return context.back_with_errors(saved.errors, {}, kIndex);
  return back_with_success(context, "Tipo de dispositivo actualizado.", kIndex);
}

}  // namespace routes::device_catalog
