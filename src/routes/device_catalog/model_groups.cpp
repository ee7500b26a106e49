// /admin/grupos-modelos: groups of models within a brand (PS4 vs PS5, Serie A vs Serie S), used by pricing rules;
// and the JSON endpoint that moves a model in or out of a group (docs/domain/pricing.md "Device catalog").
// Unlike the reference, the "Activo" checkbox means what it shows on create too (unchecked → inactive).
#include "core/strings.hpp"
#include "db/unit_of_work.hpp"
#include "domain/catalog/device_catalog.hpp"
#include "routes/device_catalog/handlers.hpp"
#include "routes/device_catalog/support.hpp"
#include "web/context.hpp"
#include "web/render.hpp"

namespace routes::device_catalog {

namespace {
using catalog::CatalogItem;
using catalog::CatalogKind;

constexpr const char* kIndex = "/admin/grupos-modelos";
constexpr std::size_t kNameMax = 100;
}  // namespace

http::Response model_groups_index(web::Context& context) {
  auto& database = context.services.database;
  auto types = catalog::list_items(database, CatalogKind::kDeviceType, 0, true);
  std::optional<CatalogItem> type, brand;
  if (auto asked = parse_id(context.query.value("device_type_id")))
    for (const auto& t : types)
      if (t.id == *asked) type = t;
  std::vector<CatalogItem> brands, groups, models;
  if (type) {
    brands = catalog::list_items(database, CatalogKind::kBrand, type->id, true);
    if (auto asked = parse_id(context.query.value("device_brand_id")))
      for (const auto& b : brands)
        if (b.id == *asked) brand = b;
  }
  if (brand) {
    groups = catalog::list_items(database, CatalogKind::kModelGroup, brand->id, false);
    models = catalog::list_items(database, CatalogKind::kModel, brand->id, false);
  }

  web::View view("pages/device_catalog/model_groups.tpl", "Admin — Grupos de modelos");
  auto dict = view.dict();
  for (const auto& t : types) {
    auto option = dict.add("TYPE_OPTION");
    option.set("ID", t.id).set("NAME", t.name).show_if(type && type->id == t.id, "SELECTED");
  }
  for (const auto& b : brands) {
    auto option = dict.add("BRAND_OPTION");
    option.set("ID", b.id).set("NAME", b.name).show_if(brand && brand->id == b.id, "SELECTED");
  }
  if (type || brand) dict.show("FILTERED");
  if (!brand) {
    dict.show("NO_BRAND");
    return web::render(context, view);
  }
  auto block = dict.add("HAS_BRAND");
  block.set("BRAND_ID", brand->id).set("BRAND_NAME", brand->name);
  block.set("GROUP_COUNT", static_cast<long long>(groups.size()));
  block.set("MODEL_COUNT", static_cast<long long>(models.size()));
  bool refill = context.old("_form") == "create";
  block.set("OLD_NAME", refill ? context.old("name") : "");
  if (!refill || context.old("active") == "1") block.show("NEW_ACTIVE_CHECKED");
  for (const auto& group : groups) {
    auto row = block.add("GROUP");
    row.set("ID", group.id).set("NAME", group.name).show_if(group.active, "ACTIVE_CHECKED");
  }
  if (groups.empty()) block.show("NO_GROUPS");
  for (const auto& model : models) {
    auto row = block.add("MODEL");
    row.set("ID", model.id).set("NAME", model.name);
    row.show_if(!model.active, "INACTIVE");
    row.show_if(!model.group_id, "NONE_SELECTED");
    for (const auto& group : groups) {
      auto option = row.add("GROUP_OPTION");
      option.set("ID", group.id).set("NAME", group.active ? group.name : group.name + " (inactivo)");
      option.show_if(model.group_id && *model.group_id == group.id, "SELECTED");
    }
  }
  if (models.empty()) block.show("NO_MODELS");
  return web::render(context, view);
}

http::Response model_groups_store(web::Context& context) {
  auto& database = context.services.database;
  auto brand_id = parse_id(context.input.value("device_brand_id"));
  auto brand = brand_id ? catalog::find_item(database, CatalogKind::kBrand, *brand_id) : std::nullopt;
  if (!brand) {
    core::FieldErrors errors;
    errors.add("device_brand_id", "Elegí una marca válida.");
    return context.back_with_errors(errors, {}, kIndex);
  }
  auto saved = catalog::create_item(database, CatalogKind::kModelGroup, brand->id, context.input.value("name"),
                                    checkbox(context, "active"), kNameMax);
  if (!saved.ok()) return context.back_with_errors(saved.errors, {}, kIndex);
  return back_with_success(context, "Grupo creado.", kIndex);
}

http::Response model_groups_update(web::Context& context) {
  auto id = path_id(context, "group");
  if (!id) return not_found(context);
  auto saved = catalog::update_item(context.services.database, CatalogKind::kModelGroup, *id,
                                    context.input.value("name"), checkbox(context, "active"), kNameMax);
  if (!saved.item && saved.errors.empty()) return not_found(context);
  if (!saved.ok()) return context.back_with_errors(saved.errors, {}, kIndex);
  return back_with_success(context, "Grupo actualizado.", kIndex);
}

http::Response model_groups_assign(web::Context& context) {
  // The page's script posts with Accept: application/json; without JavaScript the form posts normally and gets
  // the page back with a flash.
  bool json = context.wants_json();
  auto refuse = [&](const std::string& field, const std::string& message, int status) {
    if (json) {
      if (field.empty()) return json_refusal(message, status);
      core::FieldErrors errors;
      errors.add(field, message);
      return json_invalid(errors);
    }
    if (status == 404) return not_found(context);
    core::FieldErrors errors;
    errors.add(field.empty() ? "device_model_group_id" : field, message);
    return context.back_with_errors(errors, {}, kIndex);
  };
  auto model_id = path_id(context, "model");
  if (!model_id) return refuse("", "Modelo no encontrado.", 404);
  std::string group_text = core::trim(context.input.value("device_model_group_id"));
  std::optional<std::int64_t> group_id;
  if (!group_text.empty()) {
    group_id = parse_id(group_text);
    if (!group_id) return refuse("device_model_group_id", "El grupo seleccionado no existe.", 422);
  }
  switch (db::write(context.services.database,
                    [&](db::Tx& tx) { return catalog::assign_model_group(tx, *model_id, group_id); })) {
    case catalog::AssignOutcome::kModelNotFound:
      return refuse("", "Modelo no encontrado.", 404);
    case catalog::AssignOutcome::kGroupNotFound:
      return refuse("device_model_group_id", "El grupo seleccionado no existe.", 422);
    case catalog::AssignOutcome::kGroupOfOtherBrand:
      return refuse("", "Grupo inválido para esta marca", 422);
    case catalog::AssignOutcome::kAssigned:
      break;
  }
  if (!json) return back_with_success(context, "Grupo del modelo actualizado.", kIndex);
  JsonObject body;
  body.add("ok", true);
  return json_ok(body);
}

}  // namespace routes::device_catalog
