// Pricing rules and the suggested quote of a repair (docs/domain/pricing.md "Rule resolution" and
// "Suggested quote"). The reference computed the quote only in the browser; here the same figures are computed
// on the server, in integer centavos, so the intake form, the JSON endpoint and a saved repair agree.
//
// Rule resolution, for a selection (device type, repair type, optional brand / model; the group is the model's):
//   candidates  = active rules with the same type and repair type whose brand / group / model is either NULL or
//                 the selected one (a rule naming a brand never applies when no brand is selected, …)
//   specificity = 8·[model set] + 4·[group set] + 2·[brand set] + 1     (model > group > brand > generic)
//   best        = highest specificity, then highest priority, then the newest rule (highest id)
//
// Quote (money in centavos; the multiplier in hundredths, 25 = ×0.25):
//   margin rule : profit = max(parts × multiplier, min_profit)   total = parts + labor + profit (+ shipping)
//   fixed rule  : profit = max(0, fixed_total − parts)            total = fixed_total (+ shipping); labor ignored
//   no rule     : profit = 0                                      total = parts + labor (+ shipping)
//   parts × multiplier is rounded half up to whole pesos (the shop quotes whole pesos, as the reference did).
//   shipping    = the amount typed when > 0, else the rule's shipping_default (else 0); added only when asked.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/validation.hpp"

namespace db {
class Database;
}

namespace catalog {

enum class PricingMode { kMargin, kFixed };

// "margin" / "fixed" (the column values) and back; nullopt for anything else.
const char* pricing_mode_key(PricingMode mode);
std::optional<PricingMode> parse_pricing_mode(std::string_view key);

// One row of pricing_rules.
struct PricingRule {
  std::int64_t id = 0;
  std::int64_t device_type_id = 0;
  std::int64_t repair_type_id = 0;
  std::optional<std::int64_t> device_brand_id;
  std::optional<std::int64_t> device_model_group_id;
  std::optional<std::int64_t> device_model_id;
  PricingMode mode = PricingMode::kMargin;
  std::optional<std::int64_t> multiplier_hundredths;  // margin only: 25 = ×0.25 (DECIMAL(8,2) in the table)
  std::optional<std::int64_t> min_profit_cents;       // margin only: profit floor
  std::optional<std::int64_t> fixed_total_cents;      // fixed only: total to the customer (labour included)
  std::int64_t shipping_default_cents = 0;            // suggested shipping
  int priority = 0;                                   // tie-breaker within the same specificity
  bool active = true;
};

// What a quote is for. Ids ≤ 0 or nullopt mean "not selected".
struct PricingScope {
  std::int64_t device_type_id = 0;
  std::int64_t repair_type_id = 0;
  std::optional<std::int64_t> device_brand_id;
  std::optional<std::int64_t> device_model_group_id;  // the selected model's group (set by the lookup)
  std::optional<std::int64_t> device_model_id;
};

// 8·model + 4·group + 2·brand + 1.
int rule_specificity(const PricingRule& rule);
// The rule is active and every scope column it sets equals the scope's (type and repair type always).
bool rule_applies(const PricingRule& rule, const PricingScope& scope);
// The best applicable rule of `candidates` (order-independent), or nullopt.
std::optional<PricingRule> pick_rule(const std::vector<PricingRule>& candidates, const PricingScope& scope);

// The money a quote starts from.
struct QuoteFigures {
  std::int64_t parts_cost_cents = 0;
  std::int64_t labor_cost_cents = 0;
  std::int64_t shipping_cents = 0;  // amount typed; 0 → the rule's shipping_default
  bool add_shipping = false;        // the form's "Sumar" checkbox
};

// The suggestion shown next to "Precio final al cliente".
struct Quote {
  core::FieldErrors errors;                   // non-empty: the selection was refused (field → Spanish message)
  std::optional<std::int64_t> group_id;       // group of the selected model, if any
  std::optional<PricingRule> rule;            // the rule applied, if any
  std::int64_t shipping_cents = 0;            // shipping amount (typed, or the rule's default)
  std::int64_t profit_cents = 0;              // "Ganancia sugerida"
  std::int64_t total_cents = 0;               // "Total sugerido" (what final_price becomes in Auto mode)
  std::string rule_label;                     // "Regla: x0.25 (min $ 24.000) (+ envío $ 10.000)", "Regla: —"
  bool ok() const { return errors.empty(); }
};

// Pure arithmetic of the table above (no database). Negative inputs are treated as 0.
Quote compute_quote(const std::optional<PricingRule>& rule, const QuoteFigures& figures);
// "Regla: Fijo $ 45.000 (+ envío $ 10.000)", "Regla: x0.25 (min $ 24.000) (+ envío $ 10.000)", "Regla: —".
std::string rule_label(const std::optional<PricingRule>& rule);
// 25 → "0.25", 100 → "1", 150 → "1.5".
std::string format_multiplier(std::int64_t hundredths);

struct QuoteInput {
  PricingScope scope;   // device_model_group_id is ignored: the model's own group is used
  QuoteFigures figures;
};

// Checks the selection against the catalog, resolves the rule and computes the quote. Blocking (SQL).
// Refusals (in `errors`, field → message; the other fields then stay empty):
//   device_type_id  "Seleccioná un tipo de dispositivo." / "El tipo de dispositivo seleccionado no existe."
//   repair_type_id  "Seleccioná la reparación final." / "El tipo de reparación seleccionado no existe."
//   device_brand_id "La marca seleccionada no existe." / "La marca no corresponde al tipo de dispositivo seleccionado."
//   device_model_id "El modelo seleccionado no existe." / "El modelo no corresponde al tipo de dispositivo
//                   seleccionado." / "El modelo no corresponde a la marca seleccionada."
// Inactive catalog items are accepted (an existing repair may keep them); inactive rules never apply.
Quote suggest_quote(db::Database& database, const QuoteInput& input);

// The same rule resolution without figures (the reference's /admin/precios/resolve). `scope.device_model_group_id`
// is replaced by the model's group. Blocking.
struct Resolution {
  core::FieldErrors errors;
  std::optional<std::int64_t> group_id;
  std::optional<PricingRule> rule;
};
Resolution resolve_rule(db::Database& database, const PricingScope& scope);

}  // namespace catalog
