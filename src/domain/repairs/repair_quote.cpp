// Server-side intake quote (see repair_quote.hpp): catalog::suggest_quote for the form's selection and costs.
#include "domain/repairs/repair_quote.hpp"

#include "domain/catalog/pricing.hpp"

namespace repairs {

QuoteSnapshot quote_for_intake(db::Database& database, const RepairFormValues& values) {
  catalog::QuoteInput input;
  input.scope.device_type_id = values.device_type_id;
  input.scope.repair_type_id = values.repair_type_id;
  if (values.device_brand_id > 0) input.scope.device_brand_id = values.device_brand_id;
  if (values.device_model_id > 0) input.scope.device_model_id = values.device_model_id;
  input.figures.parts_cost_cents = values.parts_cost;
  input.figures.labor_cost_cents = values.labor_cost;
  input.figures.shipping_cents = values.shipping.value_or(0);
  input.figures.add_shipping = values.shipping.has_value();
  auto quote = catalog::suggest_quote(database, input);
  QuoteSnapshot snapshot;
  if (!quote.ok()) return snapshot;
  if (quote.rule) snapshot.rule_id = quote.rule->id;
  snapshot.rule_label = quote.rule_label;
  snapshot.profit = quote.profit_cents;
  if (values.shipping) snapshot.shipping = quote.shipping_cents;  // only when "Sumar" added it
  snapshot.total = quote.total_cents;
  return snapshot;
}

bool auto_price_without_rule(const RepairFormValues& values, const QuoteSnapshot& quote, bool final_auto) {
  if (!final_auto || quote.rule_id) return false;
  std::int64_t bare_cost = quote.total.value_or(values.parts_cost + values.labor_cost);
  if (bare_cost <= 0) return false;  // nothing to price yet: the repair stays "A confirmar"
  return !values.final_price || *values.final_price == bare_cost;
}

}  // namespace repairs
