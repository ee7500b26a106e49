// /admin/precios: the pricing rules the repair quote is computed from (docs/domain/pricing.md "Pricing rules").
// List, create (prefilled from the intake form's "Crear regla" link), edit, and — beyond the reference —
// activate/deactivate and delete (repairs keep the figures they were quoted with, never a rule id).
#include <functional>
#include <map>

#include "core/errors.hpp"
#include "core/money.hpp"
#include "core/strings.hpp"
#include "db/unit_of_work.hpp"
#include "domain/catalog/device_catalog.hpp"
#include "domain/catalog/pricing_rules.hpp"
#include "routes/device_catalog/handlers.hpp"
#include "routes/device_catalog/support.hpp"
#include "web/context.hpp"
#include "web/render.hpp"

namespace routes::device_catalog {

namespace {

using catalog::CatalogItem;
using catalog::CatalogKind;
using catalog::PricingMode;
using catalog::PricingRule;

constexpr const char* kIndex = "/admin/precios";

std::string money_or_dash(const std::optional<std::int64_t>& cents) {
  return cents ? core::format_ars(*cents) : "—";
}

std::string id_text(const std::optional<std::int64_t>& id) { return id ? std::to_string(*id) : ""; }

std::map<std::int64_t, CatalogItem> by_id(const std::vector<CatalogItem>& items) {
  std::map<std::int64_t, CatalogItem> map;
  for (const auto& item : items) map.emplace(item.id, item);
  return map;
}

std::string name_of(const std::map<std::int64_t, CatalogItem>& map, std::int64_t id) {
  auto it = map.find(id);
  return it == map.end() ? "?" : it->second.name;
}

// Values the form starts from (a stored rule, or the create defaults/prefill), as the strings the inputs show.
struct FormValues {
  std::string device_type_id, repair_type_id, device_brand_id, device_model_group_id, device_model_id;
  std::string mode = "margin", multiplier, min_profit, fixed_total, shipping_default = "10000", priority = "0";
  bool active = true;
};

FormValues values_of(const PricingRule& rule) {
  FormValues values;
  values.device_type_id = std::to_string(rule.device_type_id);
  values.repair_type_id = std::to_string(rule.repair_type_id);
  values.device_brand_id = id_text(rule.device_brand_id);
  values.device_model_group_id = id_text(rule.device_model_group_id);
  values.device_model_id = id_text(rule.device_model_id);
  values.mode = catalog::pricing_mode_key(rule.mode);
  values.multiplier = rule.multiplier_hundredths ? catalog::format_multiplier(*rule.multiplier_hundredths) : "";
  values.min_profit = rule.min_profit_cents ? core::centavos_to_input(*rule.min_profit_cents) : "";
  values.fixed_total = rule.fixed_total_cents ? core::centavos_to_input(*rule.fixed_total_cents) : "";
  values.shipping_default = core::centavos_to_input(rule.shipping_default_cents);
  values.priority = std::to_string(rule.priority);
  values.active = rule.active;
  return values;
}

// After a refused submit, the typed input wins over the starting values.
void apply_old_input(const web::Context& context, FormValues& values) {
  if (!context.old_input.has("mode")) return;
  values.device_type_id = context.old("device_type_id");
  values.repair_type_id = context.old("repair_type_id");
  values.device_brand_id = context.old("device_brand_id");
  values.device_model_group_id = context.old("device_model_group_id");
  values.device_model_id = context.old("device_model_id");
  values.mode = context.old("mode");
  values.multiplier = context.old("multiplier");
  values.min_profit = context.old("min_profit");
  values.fixed_total = context.old("fixed_total");
  values.shipping_default = context.old("shipping_default");
  values.priority = context.old("priority");
  values.active = context.old("active") == "1";
}

void add_options(web::Dict& dict, const char* section, const std::vector<CatalogItem>& items,
                 const std::string& selected, const std::function<std::string(const CatalogItem&)>& label) {
  for (const auto& item : items) {
    auto option = dict.add(section);
    option.set("ID", item.id).set("NAME", label(item)).set("PARENT_ID", item.parent_id);
    option.set("GROUP_ID", item.group_id ? std::to_string(*item.group_id) : std::string());
    option.show_if(std::to_string(item.id) == selected, "SELECTED");
  }
}

std::optional<std::int64_t> selected_id(const std::string& text) { return parse_id(text); }

http::Response render_form(web::Context& context, const FormValues& values, std::optional<std::int64_t> rule_id) {
  auto& database = context.services.database;
  auto all_types = catalog::list_items(database, CatalogKind::kDeviceType, 0, false);
  auto all_brands = catalog::list_items(database, CatalogKind::kBrand, 0, false);
  auto type_names = by_id(all_types);
  auto brand_map = by_id(all_brands);
  // Active items, plus whatever the rule already points at.
  auto types = catalog::list_items(database, CatalogKind::kDeviceType, 0, true, selected_id(values.device_type_id));
  auto repair_types =
      catalog::list_items(database, CatalogKind::kRepairType, 0, true, selected_id(values.repair_type_id));
  auto brands = catalog::list_items(database, CatalogKind::kBrand, 0, true, selected_id(values.device_brand_id));
  auto groups =
      catalog::list_items(database, CatalogKind::kModelGroup, 0, true, selected_id(values.device_model_group_id));
  auto models = catalog::list_items(database, CatalogKind::kModel, 0, true, selected_id(values.device_model_id));

  bool editing = rule_id.has_value();
  web::View view("pages/device_catalog/pricing_form.tpl", editing ? "Admin — Editar regla" : "Admin — Crear regla");
  auto dict = view.dict();
  if (editing) {
    dict.set("PAGE_TITLE", "Editar regla").set("SUBTITLE", "Ajustá porcentaje, mínimos, fijo, envío y prioridad.");
    dict.set("ACTION", std::string(kIndex) + "/" + std::to_string(*rule_id)).show("EDITING");
    dict.set("TYPE_LABEL", "Tipo dispositivo *").set("MULTIPLIER_LABEL", "Multiplier (ej 0.25)");
    dict.set("MIN_PROFIT_LABEL", "Mínimo ganancia").set("FIXED_LABEL", "Total fijo").set("PRIORITY_LABEL", "Prioridad");
    dict.set("SUBMIT_LABEL", "Guardar cambios");
  } else {
    dict.set("PAGE_TITLE", "Crear regla")
        .set("SUBTITLE", "Más específico = más prioridad (Modelo > Grupo > Marca > Genérico).");
    dict.set("ACTION", kIndex).show("CREATING");
    dict.set("TYPE_LABEL", "Tipo de dispositivo *").set("MULTIPLIER_LABEL", "Porcentaje de ganancia (ej 0.25 = 25%)");
    dict.set("MIN_PROFIT_LABEL", "Mínimo de ganancia").set("FIXED_LABEL", "Total fijo (incluye mano de obra)");
    dict.set("PRIORITY_LABEL", "Prioridad (avanzado)").set("SUBMIT_LABEL", "Guardar");
  }
  add_options(dict, "TYPE_OPTION", types, values.device_type_id,
              [](const CatalogItem& t) { return t.active ? t.name : t.name + " (inactivo)"; });
  add_options(dict, "REPAIR_OPTION", repair_types, values.repair_type_id,
              [](const CatalogItem& t) { return t.active ? t.name : t.name + " (inactivo)"; });
  add_options(dict, "BRAND_OPTION", brands, values.device_brand_id, [&](const CatalogItem& b) {
    return b.name + " (" + name_of(type_names, b.parent_id) + ")" + (b.active ? "" : " (inactiva)");
  });
  add_options(dict, "GROUP_OPTION", groups, values.device_model_group_id, [&](const CatalogItem& g) {
    auto brand = brand_map.find(g.parent_id);
    std::string owner = brand == brand_map.end() ? "?" : brand->second.name + " · " + name_of(type_names, brand->second.parent_id);
    return g.name + " (" + owner + ")" + (g.active ? "" : " (inactivo)");
  });
  add_options(dict, "MODEL_OPTION", models, values.device_model_id, [&](const CatalogItem& m) {
    auto brand = brand_map.find(m.parent_id);
    std::string owner = brand == brand_map.end() ? "?" : brand->second.name + " · " + name_of(type_names, brand->second.parent_id);
    return m.name + " (" + owner + ")" + (m.active ? "" : " (inactivo)");
  });
  if (values.device_type_id.empty()) dict.show("TYPE_NONE_SELECTED");
  if (values.repair_type_id.empty()) dict.show("REPAIR_NONE_SELECTED");
  dict.show(values.mode == "fixed" ? "MODE_FIXED" : "MODE_MARGIN");
  dict.set("MODE", values.mode == "fixed" ? "fixed" : "margin");
  dict.set("MULTIPLIER", values.multiplier).set("MIN_PROFIT", values.min_profit).set("FIXED_TOTAL", values.fixed_total);
  dict.set("SHIPPING_DEFAULT", values.shipping_default).set("PRIORITY", values.priority);
  dict.show_if(values.active, "ACTIVE_CHECKED");
  for (const auto& [field, message] : context.errors.items()) dict.add("ERROR_" + core::to_upper(field)).set("MESSAGE", message);
  return web::render(context, view);
}

catalog::PricingRuleForm read_form(const web::Context& context) {
  catalog::PricingRuleForm form;
  auto field = [&](const char* name) { return core::trim(context.input.value(name)); };
  form.device_type_id = field("device_type_id");
  form.repair_type_id = field("repair_type_id");
  form.device_brand_id = field("device_brand_id");
  form.device_model_group_id = field("device_model_group_id");
  form.device_model_id = field("device_model_id");
  form.mode = field("mode");
  form.multiplier = field("multiplier");
  form.min_profit = field("min_profit");
  form.fixed_total = field("fixed_total");
  form.shipping_default = field("shipping_default");
  form.priority = field("priority");
  form.active = checkbox(context, "active");
  return form;
}

}  // namespace

http::Response pricing_index(web::Context& context) {
  auto rows = catalog::list_pricing_rules(context.services.database);
  web::View view("pages/device_catalog/pricing_index.tpl", "Admin — Precios");
  auto dict = view.dict();
  dict.set("COUNT", static_cast<long long>(rows.size()));
  for (const auto& row : rows) {
    const auto& rule = row.rule;
    auto item = dict.add("RULE");
    item.set("ID", rule.id);
    item.show(rule.active ? "IS_ACTIVE" : "IS_INACTIVE");
    item.set("TYPE", row.device_type_name).set("REPAIR", row.repair_type_name);
    item.set("BRAND", row.brand_name.empty() ? "—" : row.brand_name);
    item.set("GROUP", row.group_name.empty() ? "—" : row.group_name);
    item.set("MODEL", row.model_name.empty() ? "—" : row.model_name);
    item.set("BRAND_OR_DASH", row.brand_name.empty() ? "Marca —" : row.brand_name);
    item.set("NARROWEST", !row.model_name.empty() ? row.model_name
                          : !row.group_name.empty() ? row.group_name
                                                    : "Sin modelo/grupo");
    item.set("MODE", rule.mode == PricingMode::kFixed ? "Fijo" : "Margen");
    item.set("MULTIPLIER", rule.multiplier_hundredths ? catalog::format_multiplier(*rule.multiplier_hundredths) : "—");
    item.set("MIN_PROFIT", money_or_dash(rule.min_profit_cents));
    item.set("FIXED_TOTAL", money_or_dash(rule.fixed_total_cents));
    item.set("SHIPPING", core::format_ars(rule.shipping_default_cents));
    item.set("PRIORITY", rule.priority);
  }
  if (rows.empty()) dict.show("EMPTY");
  return web::render(context, view);
}

http::Response pricing_create(web::Context& context) {
  FormValues values;
  // Prefill from the intake form's "Crear regla" link.
  for (auto [field, target] : {std::pair{"device_type_id", &values.device_type_id},
                               std::pair{"repair_type_id", &values.repair_type_id},
                               std::pair{"device_brand_id", &values.device_brand_id},
                               std::pair{"device_model_group_id", &values.device_model_group_id},
                               std::pair{"device_model_id", &values.device_model_id}}) {
    if (auto id = parse_id(context.query.value(field))) *target = std::to_string(*id);
  }
  apply_old_input(context, values);
  return render_form(context, values, std::nullopt);
}

http::Response pricing_store(web::Context& context) {
  auto& database = context.services.database;
  auto checked = catalog::validate_pricing_rule(database, read_form(context));
  if (!checked.errors.empty()) return context.back_with_errors(checked.errors, {}, "/admin/precios/crear");
  db::write(database, [&](db::Tx& tx) { return catalog::insert_pricing_rule(tx, checked.rule); });
  context.flash_next("success", "Regla creada.");
  return http::Response::redirect(kIndex, 302);
}

http::Response pricing_edit(web::Context& context) {
  auto id = path_id(context, "rule");
  auto rule = id ? catalog::find_pricing_rule(context.services.database, *id) : std::nullopt;
  if (!rule) return not_found(context);
  FormValues values = values_of(*rule);
  apply_old_input(context, values);
  return render_form(context, values, rule->id);
}

http::Response pricing_update(web::Context& context) {
  auto& database = context.services.database;
  auto id = path_id(context, "rule");
  if (!id || !catalog::find_pricing_rule(database, *id)) return not_found(context);
  auto checked = catalog::validate_pricing_rule(database, read_form(context));
  std::string edit_url = std::string(kIndex) + "/" + std::to_string(*id) + "/editar";
  if (!checked.errors.empty()) return context.back_with_errors(checked.errors, {}, edit_url);
  if (!db::write(database, [&](db::Tx& tx) { return catalog::update_pricing_rule(tx, *id, checked.rule); }))
    return not_found(context);
  context.flash_next("success", "Regla actualizada.");
  return http::Response::redirect(kIndex, 302);
}

http::Response pricing_toggle(web::Context& context) {
  auto id = path_id(context, "rule");
  auto active =
      id ? db::write(context.services.database, [&](db::Tx& tx) { return catalog::toggle_pricing_rule(tx, *id); })
         : std::nullopt;
  if (!active) throw core::not_found("Regla no encontrada.", "unknown pricing rule");
  std::string message = *active ? "Regla activada." : "Regla desactivada.";
  if (context.wants_json()) {
    JsonObject body;
    body.add("ok", true).add("active", *active).add("message", message);
    return json_ok(body);
  }
  return back_with_success(context, message, kIndex);
}

http::Response pricing_destroy(web::Context& context) {
  auto id = path_id(context, "rule");
  if (!id || !db::write(context.services.database, [&](db::Tx& tx) { return catalog::delete_pricing_rule(tx, *id); }))
    return not_found(context);
  context.flash_next("success", "Regla eliminada.");
  return http::Response::redirect(kIndex, 302);
}

}  // namespace routes::device_catalog
