// /admin/catalogo-dispositivos: brands and issues of a device type, models of a brand; add, rename, activate or
// deactivate (never delete: repairs keep pointing at these rows). docs/domain/pricing.md "Device catalog".
#include "domain/catalog/device_catalog.hpp"
#include "db/unit_of_work.hpp"
#include "routes/device_catalog/handlers.hpp"
#include "routes/device_catalog/support.hpp"
#include "web/context.hpp"
#include "web/render.hpp"

namespace routes::device_catalog {

namespace {

using catalog::CatalogItem;
using catalog::CatalogKind;

constexpr const char* kIndex = "/admin/catalogo-dispositivos";
constexpr std::size_t kBrandMax = 50;
constexpr std::size_t kModelMax = 70;
constexpr std::size_t kIssueMax = 70;

void add_rows(web::Dict& dict, const char* section, const std::vector<CatalogItem>& items) {
  for (const auto& item : items) {
    auto row = dict.add(section);
    row.set("ID", item.id).set("NAME", item.name).set("SLUG", item.slug);
    row.set("GROUP", item.group_name.empty() ? "—" : item.group_name);
    row.show(item.active ? "IS_ACTIVE" : "IS_INACTIVE");
  }
}

// Create under a parent given by `parent_field` (which must exist).
http::Response store(web::Context& context, CatalogKind parent_kind, const char* parent_field,
                     const char* parent_missing, CatalogKind kind, std::size_t max_length, const char* created) {
  auto& database = context.services.database;
  auto parent_id = parse_id(context.input.value(parent_field));
  auto parent = parent_id ? catalog::find_item(database, parent_kind, *parent_id) : std::nullopt;
  if (!parent) {
    core::FieldErrors errors;
    errors.add(parent_field, parent_missing);
    return context.back_with_errors(errors, {}, kIndex);
  }
  auto saved = catalog::create_item(database, kind, parent->id, context.input.value("name"), true, max_length);
  if (!saved.ok()) return context.back_with_errors(saved.errors, {}, kIndex);
  return back_with_success(context, created, kIndex);
}

http::Response update(web::Context& context, const char* param, CatalogKind kind, std::size_t max_length,
                      const char* updated) {
  auto id = path_id(context, param);
  if (!id) return not_found(context);
  auto saved = catalog::update_item(context.services.database, kind, *id, context.input.value("name"), std::nullopt,
                                    max_length);
  if (!saved.item && saved.errors.empty()) return not_found(context);
  if (!saved.ok()) return context.back_with_errors(saved.errors, {}, kIndex);
  return back_with_success(context, updated, kIndex);
}

http::Response toggle(web::Context& context, const char* param, CatalogKind kind, const char* activated,
                      const char* deactivated) {
  auto id = path_id(context, param);
  if (!id) return not_found(context);
  auto item = db::write(context.services.database, [&](db::Tx& tx) { return catalog::toggle_item(tx, kind, *id); });
  if (!item) return not_found(context);
  return back_with_success(context, item->active ? activated : deactivated, kIndex);
}

}  // namespace

http::Response catalog_index(web::Context& context) {
  auto& database = context.services.database;
  auto types = catalog::list_items(database, CatalogKind::kDeviceType, 0, false);

  // Type: the one asked for, else the first active type by name, else the first one.
  std::optional<CatalogItem> type;
  if (auto asked = parse_id(context.query.value("type_id"))) {
    for (const auto& t : types)
      if (t.id == *asked) type = t;
  }
  if (!type && !context.query.has("type_id")) {
    for (const auto& t : types)
      if (t.active && !type) type = t;
    if (!type && !types.empty()) type = types.front();
  }
  std::vector<CatalogItem> brands, models, issues;
  std::optional<CatalogItem> brand;
  if (type) {
    brands = catalog::list_items(database, CatalogKind::kBrand, type->id, false);
    issues = catalog::list_items(database, CatalogKind::kIssueType, type->id, false);
    if (auto asked = parse_id(context.query.value("brand_id"))) {
      for (const auto& b : brands)
        if (b.id == *asked) brand = b;  // a brand of another type resets to the default
    }
    if (!brand && !brands.empty()) brand = brands.front();
    if (brand) models = catalog::list_items(database, CatalogKind::kModel, brand->id, false);
  }

  web::View view("pages/device_catalog/catalog.tpl", "Admin — Catálogo de dispositivos");
  auto dict = view.dict();
  for (const auto& t : types) {
    auto option = dict.add("TYPE_OPTION");
    option.set("ID", t.id).set("NAME", t.active ? t.name : t.name + " (inactivo)");
    option.show_if(type && type->id == t.id, "SELECTED");
  }
  for (const auto& b : brands) {
    auto option = dict.add("BRAND_OPTION");
    option.set("ID", b.id).set("NAME", b.active ? b.name : b.name + " (inactiva)");
    option.show_if(brand && brand->id == b.id, "SELECTED");
  }
  if (!type) {
    dict.show("BRAND_SELECT_DISABLED");
    dict.show("NO_TYPE");
  } else {
    auto selected = dict.add("HAS_TYPE");
    selected.set("TYPE_ID", type->id).set("TYPE_NAME", type->name);
    selected.set("BRAND_COUNT", static_cast<long long>(brands.size()));
    selected.set("ISSUE_COUNT", static_cast<long long>(issues.size()));
    add_rows(selected, "BRAND", brands);
    add_rows(selected, "ISSUE", issues);
    if (brands.empty()) selected.show("NO_BRANDS");
    if (issues.empty()) selected.show("NO_ISSUES");
    if (!brand) {
      selected.show("NO_BRAND");
    } else {
      auto models_block = selected.add("HAS_BRAND");
      models_block.set("BRAND_ID", brand->id).set("BRAND_NAME", brand->name);
      models_block.set("MODEL_COUNT", static_cast<long long>(models.size()));
      add_rows(models_block, "MODEL", models);
      if (models.empty()) models_block.show("NO_MODELS");
    }
  }
  return web::render(context, view);
}

http::Response brands_store(web::Context& context) {
  return store(context, CatalogKind::kDeviceType, "device_type_id", "Elegí un tipo de dispositivo válido.",
               CatalogKind::kBrand, kBrandMax, "Marca creada.");
}
http::Response brands_update(web::Context& context) {
  return update(context, "brand", CatalogKind::kBrand, kBrandMax, "Marca actualizada.");
}
http::Response brands_toggle(web::Context& context) {
  return toggle(context, "brand", CatalogKind::kBrand, "Marca activada.", "Marca desactivada.");
}

http::Response models_store(web::Context& context) {
  return store(context, CatalogKind::kBrand, "device_brand_id", "Elegí una marca válida.", CatalogKind::kModel,
               kModelMax, "Modelo creado.");
}
http::Response models_update(web::Context& context) {
  return update(context, "model", CatalogKind::kModel, kModelMax, "Modelo actualizado.");
}
http::Response models_toggle(web::Context& context) {
  return toggle(context, "model", CatalogKind::kModel, "Modelo activado.", "Modelo desactivado.");
}

http::Response issues_store(web::Context& context) {
  return store(context, CatalogKind::kDeviceType, "device_type_id", "Elegí un tipo de dispositivo válido.",
               CatalogKind::kIssueType, kIssueMax, "Falla creada.");
}
http::Response issues_update(web::Context& context) {
  return update(context, "issue", CatalogKind::kIssueType, kIssueMax, "Falla actualizada.");
}
http::Response issues_toggle(web::Context& context) {
  return toggle(context, "issue", CatalogKind::kIssueType, "Falla activada.", "Falla desactivada.");
}

}  // namespace routes::device_catalog
