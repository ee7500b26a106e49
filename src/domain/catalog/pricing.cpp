// Rule resolution and quote arithmetic (see pricing.hpp for the table this implements).
#include "domain/catalog/pricing.hpp"

#include <algorithm>
#include <limits>
#include <tuple>

#include "core/money.hpp"
#include "db/database.hpp"
#include "domain/catalog/device_catalog.hpp"
#include "domain/catalog/pricing_rules.hpp"

namespace catalog {

namespace {

std::int64_t non_negative(std::int64_t value) { return std::max<std::int64_t>(0, value); }

// Saturating addition: figures are bounded by the form parsers, but a sum must never wrap.
std::int64_t add(std::int64_t a, std::int64_t b) {
  if (b > 0 && a > std::numeric_limits<std::int64_t>::max() - b) return std::numeric_limits<std::int64_t>::max();
  return a + b;
}

// parts × multiplier, rounded half up to whole pesos, in centavos. 128-bit so a large multiplier cannot overflow.
std::int64_t margin_profit(std::int64_t parts_cents, std::int64_t multiplier_hundredths) {
  __int128 product = static_cast<__int128>(parts_cents) * multiplier_hundredths;  // centavos × 100
  __int128 pesos = (product + 5000) / 10000;                                        // half up, whole pesos
  __int128 cents = pesos * 100;
  if (cents > std::numeric_limits<std::int64_t>::max()) return std::numeric_limits<std::int64_t>::max();
  return static_cast<std::int64_t>(cents);
}

bool selected(const std::optional<std::int64_t>& id) { return id.has_value() && *id > 0; }

bool matches(const std::optional<std::int64_t>& rule_value, const std::optional<std::int64_t>& scope_value) {
  if (!rule_value.has_value()) return true;  // the rule does not narrow on this column
  return selected(scope_value) && *rule_value == *scope_value;
}

}  // namespace

const char* pricing_mode_key(PricingMode mode) { return mode == PricingMode::kFixed ? "fixed" : "margin"; }

std::optional<PricingMode> parse_pricing_mode(std::string_view key) {
  if (key == "margin") return PricingMode::kMargin;
  if (key == "fixed") return PricingMode::kFixed;
  return std::nullopt;
}

int rule_specificity(const PricingRule& rule) {
  return 8 * rule.device_model_id.has_value() + 4 * rule.device_model_group_id.has_value() +
         2 * rule.device_brand_id.has_value() + 1;
}

bool rule_applies(const PricingRule& rule, const PricingScope& scope) {
  return rule.active && rule.device_type_id == scope.device_type_id && rule.repair_type_id == scope.repair_type_id &&
         matches(rule.device_brand_id, scope.device_brand_id) &&
         matches(rule.device_model_group_id, scope.device_model_group_id) &&
         matches(rule.device_model_id, scope.device_model_id);
}

std::optional<PricingRule> pick_rule(const std::vector<PricingRule>& candidates, const PricingScope& scope) {
  const PricingRule* best = nullptr;
  for (const auto& rule : candidates) {
    if (!rule_applies(rule, scope)) continue;
    if (!best) {
      best = &rule;
      continue;
    }
    auto key = [](const PricingRule& r) { return std::make_tuple(rule_specificity(r), r.priority, r.id); };
    if (key(rule) > key(*best)) best = &rule;
  }
  if (!best) return std::nullopt;
  return *best;
}

std::string format_multiplier(std::int64_t hundredths) {
  std::string text = std::to_string(hundredths / 100);
  std::int64_t fraction = hundredths % 100;
  if (fraction != 0) {
    text += '.';
    text += static_cast<char>('0' + fraction / 10);
    if (fraction % 10 != 0) text += static_cast<char>('0' + fraction % 10);
  }
  return text;
}

std::string rule_label(const std::optional<PricingRule>& rule) {
  if (!rule) return "Regla: —";
  std::string label = "Regla: ";
  if (rule->mode == PricingMode::kFixed) {
    label += "Fijo " + core::format_ars(rule->fixed_total_cents.value_or(0));
  } else {
    label += "x" + format_multiplier(rule->multiplier_hundredths.value_or(0));
    label += " (min " + core::format_ars(rule->min_profit_cents.value_or(0)) + ")";
  }
  if (rule->shipping_default_cents > 0) label += " (+ envío " + core::format_ars(rule->shipping_default_cents) + ")";
  return label;
}

Quote compute_quote(const std::optional<PricingRule>& rule, const QuoteFigures& figures) {
  Quote quote;
  quote.rule = rule;
  quote.rule_label = rule_label(rule);
  std::int64_t parts = non_negative(figures.parts_cost_cents);
  std::int64_t labor = non_negative(figures.labor_cost_cents);
  std::int64_t typed_shipping = non_negative(figures.shipping_cents);
  quote.shipping_cents = typed_shipping > 0 ? typed_shipping : (rule ? non_negative(rule->shipping_default_cents) : 0);
  std::int64_t shipping = figures.add_shipping ? quote.shipping_cents : 0;

  if (!rule) {
    quote.profit_cents = 0;
    quote.total_cents = add(add(parts, labor), shipping);
  } else if (rule->mode == PricingMode::kFixed) {
    std::int64_t fixed_total = non_negative(rule->fixed_total_cents.value_or(0));
    quote.profit_cents = non_negative(fixed_total - parts);
    quote.total_cents = add(fixed_total, shipping);
  } else {
    std::int64_t by_margin = margin_profit(parts, non_negative(rule->multiplier_hundredths.value_or(0)));
    quote.profit_cents = std::max(by_margin, non_negative(rule->min_profit_cents.value_or(0)));
    quote.total_cents = add(add(add(parts, labor), quote.profit_cents), shipping);
  }
  return quote;
}

Resolution resolve_rule(db::Database& database, const PricingScope& scope) {
  Resolution result;
  auto& errors = result.errors;
  if (scope.device_type_id <= 0) errors.add("device_type_id", "Seleccioná un tipo de dispositivo.");
  else if (!find_item(database, CatalogKind::kDeviceType, scope.device_type_id))
    errors.add("device_type_id", "El tipo de dispositivo seleccionado no existe.");
  if (scope.repair_type_id <= 0) errors.add("repair_type_id", "Seleccioná la reparación final.");
  else if (!find_item(database, CatalogKind::kRepairType, scope.repair_type_id))
    errors.add("repair_type_id", "El tipo de reparación seleccionado no existe.");

  std::optional<CatalogItem> brand;
  if (selected(scope.device_brand_id)) {
    brand = find_item(database, CatalogKind::kBrand, *scope.device_brand_id);
    if (!brand) errors.add("device_brand_id", "La marca seleccionada no existe.");
    else if (brand->parent_id != scope.device_type_id)
      errors.add("device_brand_id", "La marca no corresponde al tipo de dispositivo seleccionado.");
  }
  std::optional<CatalogItem> model;
  if (selected(scope.device_model_id)) {
    model = find_item(database, CatalogKind::kModel, *scope.device_model_id);
    if (!model) {
      errors.add("device_model_id", "El modelo seleccionado no existe.");
    } else {
      auto model_brand = find_item(database, CatalogKind::kBrand, model->parent_id);
      if (!model_brand || model_brand->parent_id != scope.device_type_id)
        errors.add("device_model_id", "El modelo no corresponde al tipo de dispositivo seleccionado.");
      else if (!selected(scope.device_brand_id) || model->parent_id != *scope.device_brand_id)
        errors.add("device_model_id", "El modelo no corresponde a la marca seleccionada.");
    }
  }
  if (!errors.empty()) return result;

  PricingScope effective = scope;
  effective.device_model_group_id.reset();
  if (!selected(effective.device_brand_id)) effective.device_brand_id.reset();
  if (!selected(effective.device_model_id)) effective.device_model_id.reset();
  if (model && model->group_id) {
    effective.device_model_group_id = model->group_id;
    result.group_id = model->group_id;
  }
  auto sql = database.lease();
  result.rule = pick_rule(active_rules_for(*sql, scope.device_type_id, scope.repair_type_id), effective);
  return result;
}

Quote suggest_quote(db::Database& database, const QuoteInput& input) {
  auto resolution = resolve_rule(database, input.scope);
  if (!resolution.errors.empty()) {
    Quote refused;
    refused.errors = std::move(resolution.errors);
    return refused;
  }
  Quote quote = compute_quote(resolution.rule, input.figures);
  quote.group_id = resolution.group_id;
  return quote;
}

}  // namespace catalog
