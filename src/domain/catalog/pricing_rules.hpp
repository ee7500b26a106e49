// pricing_rules rows: the admin list and form (docs/domain/pricing.md "Pricing rules") and the candidates the quote
// resolution reads (pricing.hpp). Form input arrives as the strings the admin typed; money is in pesos as the
// form shows it ("24000", "24.000", "24000,50") and is stored in centavos. Blocking (SQL).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/validation.hpp"
#include "domain/catalog/pricing.hpp"

namespace soci {
class session;
}
namespace db {
class Database;
class Tx;
}

namespace catalog {

// A rule with the names the list shows.
struct PricingRuleRow {
  PricingRule rule;
  std::string device_type_name;
  std::string repair_type_name;
  std::string brand_name;   // "" when the rule has no brand
  std::string group_name;
  std::string model_name;
};

// Every rule, ordered: active first, type, repair type, priority desc, newest first.
std::vector<PricingRuleRow> list_pricing_rules(db::Database& database);
std::optional<PricingRule> find_pricing_rule(db::Database& database, std::int64_t id);
std::optional<PricingRule> find_pricing_rule(soci::session& sql, std::int64_t id);
// Active rules for (type, repair type): the candidates of pick_rule.
std::vector<PricingRule> active_rules_for(soci::session& sql, std::int64_t device_type_id, std::int64_t repair_type_id);

// The form as typed (each value trimmed by the parser; "" = empty).
struct PricingRuleForm {
  std::string device_type_id, repair_type_id, device_brand_id, device_model_group_id, device_model_id;
  std::string mode, multiplier, min_profit, fixed_total, shipping_default, priority;
  bool active = false;  // checkbox present
};

// Validates and normalises the form (docs/domain/pricing.md messages for the scope consistency; field → message). On
// success the returned rule is ready to store: shipping/priority default to 0, fixed mode clears multiplier and
// min_profit, margin mode clears fixed_total.
struct RuleValidation {
  core::FieldErrors errors;
  PricingRule rule;
};
RuleValidation validate_pricing_rule(db::Database& database, const PricingRuleForm& form);

// Stores a validated rule: new id / true when updated (false: no such rule).
std::int64_t insert_pricing_rule(db::Tx& tx, const PricingRule& rule);
bool update_pricing_rule(db::Tx& tx, std::int64_t id, const PricingRule& rule);
// Flips `active`; the new state, or nullopt when no such rule.
std::optional<bool> toggle_pricing_rule(db::Tx& tx, std::int64_t id);
bool delete_pricing_rule(db::Tx& tx, std::int64_t id);

// "0.25", "0,25", "1" → hundredths (25, 25, 100). At most two decimals, ≥ 0, ≤ 999999.99; else nullopt.
std::optional<std::int64_t> parse_multiplier(std::string_view text);

}  // namespace catalog
