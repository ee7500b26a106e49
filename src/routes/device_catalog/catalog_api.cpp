// The JSON endpoints the repair intake/edit forms call (docs/domain/ui-contract.md
// "Admin repairs"): cascading lists (brands of a type, models of a brand, issues of a type) and the inline
// quick-add of a brand, model or issue. Unlike the reference, quick-add refuses an inactive parent and a duplicate
// name (422 with the existing item, so the form can select it instead).
#include "core/strings.hpp"
#include "domain/catalog/device_catalog.hpp"
#include "routes/device_catalog/handlers.hpp"
#include "routes/device_catalog/support.hpp"
#include "web/context.hpp"

namespace routes::device_catalog {

namespace {

using catalog::CatalogItem;
using catalog::CatalogKind;

// [{id,name}] or [{id,name,slug}].
std::string items_json(const std::vector<CatalogItem>& items, bool with_slug) {
  std::string out = "[";
  for (const auto& item : items) {
    if (out.size() > 1) out += ',';
    JsonObject object;
    object.add("id", item.id).add("name", item.name);
    if (with_slug) object.add("slug", item.slug);
    out += object.str();
  }
  return out + "]";
}

std::string item_json(const CatalogItem& item, bool with_slug) {
  JsonObject object;
  object.add("id", item.id).add("name", item.name);
  if (with_slug) object.add("slug", item.slug);
  return object.str();
}

bool edit_mode(const web::Context& context) { return context.query.value("mode") == "edit"; }

http::Response list_answer(const char* key, const std::vector<CatalogItem>& items, bool with_slug) {
  JsonObject body;
  body.add("ok", true).add_raw(key, items_json(items, with_slug));
  return json_ok(body);
}

// Quick-add shared by the three POSTs: checks the parent (exists, active), then creates.
http::Response quick_add(web::Context& context, CatalogKind parent_kind, const char* parent_field,
                         const char* parent_missing, const char* parent_inactive, CatalogKind kind,
                         std::size_t max_length, const char* key, bool with_slug) {
  auto& database = context.services.database;
  core::FieldErrors errors;
  std::string parent_text = context.input.value(parent_field);
  auto parent_id = parse_id(parent_text);
  std::optional<CatalogItem> parent;
  if (parent_id) parent = catalog::find_item(database, parent_kind, *parent_id);
  if (core::trim(parent_text).empty()) errors.add(parent_field, parent_missing);
  else if (!parent) errors.add(parent_field, parent_missing);
  else if (!parent->active) errors.add(parent_field, parent_inactive);
  if (!errors.empty()) return json_invalid(errors);

  auto saved = catalog::create_item(database, kind, parent->id, context.input.value("name"), true, max_length);
  if (!saved.ok()) {
    if (!saved.existing) return json_invalid(saved.errors);
    JsonObject fields;
    fields.add_raw("name", "[" + json_string(saved.errors.first("name")) + "]");
    JsonObject body;
    body.add("ok", false)
        .add("message", saved.errors.first("name"))
        .add_raw("errors", fields.str())
        .add_raw("existing", item_json(*saved.existing, with_slug))
        .add("existing_active", saved.existing->active);
    return http::Response::json(422, body.str());
  }
  JsonObject body;
  body.add("ok", true).add_raw(key, item_json(*saved.item, with_slug));
  return json_ok(body);
}

}  // namespace

http::Response api_brands(web::Context& context) {
  auto& database = context.services.database;
  auto type_id = parse_id(context.query.value("type_id"));
  auto type = type_id ? catalog::find_item(database, CatalogKind::kDeviceType, *type_id) : std::nullopt;
  if (!type) return json_refusal("Tipo inválido");
  bool edit = edit_mode(context);
  if (!type->active && !edit) return list_answer("brands", {}, false);
  auto keep = edit ? parse_id(context.query.value("selected_brand_id")) : std::nullopt;
  return list_answer("brands", catalog::list_items(database, CatalogKind::kBrand, type->id, true, keep), false);
}

http::Response api_models(web::Context& context) {
  auto& database = context.services.database;
  auto brand_id = parse_id(context.query.value("brand_id"));
  auto brand = brand_id ? catalog::find_item(database, CatalogKind::kBrand, *brand_id) : std::nullopt;
  if (!brand) return json_refusal("Marca inválida");
  bool edit = edit_mode(context);
  if (!brand->active && !edit) return list_answer("models", {}, false);
  auto keep = edit ? parse_id(context.query.value("selected_model_id")) : std::nullopt;
  return list_answer("models", catalog::list_items(database, CatalogKind::kModel, brand->id, true, keep), false);
}

http::Response api_issues(web::Context& context) {
  auto& database = context.services.database;
  auto type_id = parse_id(context.query.value("type_id"));
  if (!type_id) return list_answer("issues", {}, true);  // no type chosen yet
  auto type = catalog::find_item(database, CatalogKind::kDeviceType, *type_id);
  if (!type) return json_refusal("Tipo inválido");
  bool edit = edit_mode(context);
  if (!type->active && !edit) return list_answer("issues", {}, true);
  auto keep = edit ? parse_id(context.query.value("selected_issue_id")) : std::nullopt;
  return list_answer("issues", catalog::list_items(database, CatalogKind::kIssueType, type->id, true, keep), true);
}

http::Response api_store_brand(web::Context& context) {
  return quick_add(context, CatalogKind::kDeviceType, "device_type_id", "Tipo inválido",
                   "El tipo de dispositivo está inactivo.", CatalogKind::kBrand, 255, "brand", false);
}

http::Response api_store_model(web::Context& context) {
  return quick_add(context, CatalogKind::kBrand, "device_brand_id", "Marca inválida", "La marca está inactiva.",
                   CatalogKind::kModel, 255, "model", false);
}

http::Response api_store_issue(web::Context& context) {
  return quick_add(context, CatalogKind::kDeviceType, "type_id", "Tipo inválido",
                   "El tipo de dispositivo está inactivo.", CatalogKind::kIssueType, 80, "issue", true);
}

}  // namespace routes::device_catalog
