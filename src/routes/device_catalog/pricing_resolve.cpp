// GET /admin/precios/resolve: the pricing rule for a catalog selection (docs/domain/pricing.md "Rule resolution") and,
// beyond the reference, the suggested quote computed on the server from the costs the form holds.
//
// Query: device_type_id, repair_type_id (required); device_brand_id, device_model_id (optional);
//        parts_cost, labor_cost, shipping (money as typed: "60000", "60.000", "60000,50"; optional);
//        add_shipping (1 = the "Sumar" box is checked).
// 200:   {ok:true, group_id, rule:null|{id, mode, multiplier, min_profit, fixed_total, shipping_default, priority},
//         label:"Regla: …", rule_url:"/admin/precios/{id}/editar" | "/admin/precios/crear?…",
//         quote:{parts_cost, labor_cost, shipping, profit, total, profit_cents, total_cents, shipping_cents,
//                profit_formatted, total_formatted}}
//        Money in `rule` and `quote` is in pesos (numbers, as the reference's form used them); *_cents are exact.
// 422:   {ok:false, message, errors:{field:[message]}} for a missing/unknown/inconsistent selection or bad money.
#include "core/money.hpp"
#include "core/strings.hpp"
#include "domain/catalog/pricing.hpp"
#include "http/form.hpp"
#include "routes/device_catalog/handlers.hpp"
#include "routes/device_catalog/support.hpp"
#include "web/context.hpp"

namespace routes::device_catalog {

namespace {

std::string optional_pesos(const std::optional<std::int64_t>& cents) { return cents ? json_pesos(*cents) : "null"; }

std::string rule_json(const catalog::PricingRule& rule) {
  JsonObject object;
  object.add("id", rule.id).add("mode", catalog::pricing_mode_key(rule.mode));
  object.add_raw("multiplier",
             rule.multiplier_hundredths ? catalog::format_multiplier(*rule.multiplier_hundredths) : std::string("null"));
  object.add_raw("min_profit", optional_pesos(rule.min_profit_cents));
  object.add_raw("fixed_total", optional_pesos(rule.fixed_total_cents));
  object.add_raw("shipping_default", json_pesos(rule.shipping_default_cents));
  object.add("priority", rule.priority);
  return object.str();
}

// Reads an optional id parameter; a present but malformed value is an error on that field.
std::optional<std::int64_t> id_param(const web::Context& context, const char* name, const char* invalid,
                                     core::FieldErrors& errors) {
  std::string text = core::trim(context.query.value(name));
  if (text.empty()) return std::nullopt;
  auto id = parse_id(text);
  if (!id) errors.add(name, invalid);
  return id;
}

std::int64_t money_param(const web::Context& context, const char* name, const char* invalid, core::FieldErrors& errors) {
  std::string text = core::trim(context.query.value(name));
  if (text.empty()) return 0;
  auto cents = core::parse_ars(text);
  if (!cents) {
    errors.add(name, invalid);
    return 0;
  }
  return *cents;
}

}  // namespace

http::Response pricing_resolve(web::Context& context) {
  core::FieldErrors errors;
  catalog::QuoteInput input;
  std::string type_text = core::trim(context.query.value("device_type_id"));
  std::string repair_text = core::trim(context.query.value("repair_type_id"));
  if (type_text.empty()) errors.add("device_type_id", "Seleccioná un tipo de dispositivo.");
  else if (auto id = parse_id(type_text)) input.scope.device_type_id = *id;
  else errors.add("device_type_id", "El tipo de dispositivo seleccionado no existe.");
  if (repair_text.empty()) errors.add("repair_type_id", "Seleccioná la reparación final.");
  else if (auto id = parse_id(repair_text)) input.scope.repair_type_id = *id;
  else errors.add("repair_type_id", "El tipo de reparación seleccionado no existe.");
  input.scope.device_brand_id = id_param(context, "device_brand_id", "La marca seleccionada no existe.", errors);
  input.scope.device_model_id = id_param(context, "device_model_id", "El modelo seleccionado no existe.", errors);
  input.figures.parts_cost_cents =
      money_param(context, "parts_cost", "El costo de repuesto debe ser un monto mayor o igual a 0.", errors);
  input.figures.labor_cost_cents =
      money_param(context, "labor_cost", "La mano de obra debe ser un monto mayor o igual a 0.", errors);
  input.figures.shipping_cents = money_param(context, "shipping", "El envío debe ser un monto mayor o igual a 0.", errors);
  std::string add = core::to_lower(core::trim(context.query.value("add_shipping")));
  input.figures.add_shipping = add == "1" || add == "on" || add == "true";
  if (!errors.empty()) return json_invalid(errors);

  auto quote = catalog::suggest_quote(context.services.database, input);
  if (!quote.ok()) return json_invalid(quote.errors);

  std::string rule_url;
  if (quote.rule) {
    rule_url = "/admin/precios/" + std::to_string(quote.rule->id) + "/editar";
  } else {
    std::vector<std::pair<std::string, std::string>> prefill = {
        {"device_type_id", std::to_string(input.scope.device_type_id)},
        {"repair_type_id", std::to_string(input.scope.repair_type_id)}};
    if (input.scope.device_brand_id) prefill.emplace_back("device_brand_id", std::to_string(*input.scope.device_brand_id));
    if (input.scope.device_model_id) prefill.emplace_back("device_model_id", std::to_string(*input.scope.device_model_id));
    rule_url = "/admin/precios/crear?" + http::build_urlencoded(prefill);
  }

  JsonObject figures;
  figures.add_raw("parts_cost", json_pesos(input.figures.parts_cost_cents))
      .add_raw("labor_cost", json_pesos(input.figures.labor_cost_cents))
      .add_raw("shipping", json_pesos(quote.shipping_cents))
      .add_raw("profit", json_pesos(quote.profit_cents))
      .add_raw("total", json_pesos(quote.total_cents))
      .add("shipping_cents", quote.shipping_cents)
      .add("profit_cents", quote.profit_cents)
      .add("total_cents", quote.total_cents)
      .add("profit_formatted", core::format_ars(quote.profit_cents))
      .add("total_formatted", core::format_ars(quote.total_cents));
  JsonObject body;
  body.add("ok", true);
  if (quote.group_id) body.add("group_id", *quote.group_id);
  else body.add_null("group_id");
  body.add_raw("rule", quote.rule ? rule_json(*quote.rule) : std::string("null"));
  body.add("label", quote.rule_label).add("rule_url", rule_url).add_raw("quote", figures.str());
  return json_ok(body);
}

}  // namespace routes::device_catalog
