// Rule resolution and quote arithmetic of the pricing helper (no database).
#include "domain/catalog/pricing.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "domain/catalog/pricing_rules.hpp"

using catalog::PricingMode;
using catalog::PricingRule;
using catalog::PricingScope;
using catalog::QuoteFigures;

namespace {
constexpr std::int64_t kPeso = 100;

PricingRule rule(std::int64_t id, std::optional<std::int64_t> brand = {}, std::optional<std::int64_t> group = {},
                 std::optional<std::int64_t> model = {}, int priority = 0) {
  PricingRule r;
  r.id = id;
  r.device_type_id = 1;
  r.repair_type_id = 10;
  r.device_brand_id = brand;
  r.device_model_group_id = group;
  r.device_model_id = model;
  r.priority = priority;
  r.multiplier_hundredths = 25;
  return r;
}

PricingScope scope(std::optional<std::int64_t> brand = {}, std::optional<std::int64_t> group = {},
                   std::optional<std::int64_t> model = {}) {
  return PricingScope{1, 10, brand, group, model};
}

std::int64_t picked(const std::vector<PricingRule>& rules, const PricingScope& s) {
  auto best = catalog::pick_rule(rules, s);
  return best ? best->id : 0;
}
}  // namespace

TEST(PricingResolution, SpecificityIsModelGroupBrandGeneric) {
  EXPECT_EQ(catalog::rule_specificity(rule(1)), 1);
  EXPECT_EQ(catalog::rule_specificity(rule(1, 5)), 3);
  EXPECT_EQ(catalog::rule_specificity(rule(1, 5, 7)), 7);
  EXPECT_EQ(catalog::rule_specificity(rule(1, 5, 7, 9)), 15);
  EXPECT_EQ(catalog::rule_specificity(rule(1, 5, {}, 9)), 11);
}

TEST(PricingResolution, MostSpecificApplicableRuleWinsWhateverTheOrder) {
  std::vector<PricingRule> rules = {rule(1), rule(2, 5), rule(3, 5, 7), rule(4, 5, {}, 9)};
  EXPECT_EQ(picked(rules, scope(5, 7, 9)), 4);   // model beats group
  EXPECT_EQ(picked(rules, scope(5, 7, 8)), 3);   // another model of the group: group beats brand
  EXPECT_EQ(picked(rules, scope(5, {}, 8)), 2);  // model without group: brand
  EXPECT_EQ(picked(rules, scope(6)), 1);         // another brand: generic
  EXPECT_EQ(picked(rules, scope()), 1);          // nothing selected: generic only
  std::reverse(rules.begin(), rules.end());
  EXPECT_EQ(picked(rules, scope(5, 7, 9)), 4);
  EXPECT_EQ(picked(rules, scope(5, 7, 8)), 3);
}

TEST(PricingResolution, ARuleNarrowerThanTheSelectionNeverApplies) {
  std::vector<PricingRule> rules = {rule(1, 5), rule(2, 5, {}, 9)};
  EXPECT_EQ(picked(rules, scope()), 0);        // brand rule, no brand selected
  EXPECT_EQ(picked(rules, scope(5)), 1);       // model rule, no model selected
  auto other_type = scope(5);
  other_type.device_type_id = 2;
  EXPECT_EQ(picked(rules, other_type), 0);
  auto other_repair = scope(5);
  other_repair.repair_type_id = 11;
  EXPECT_EQ(picked(rules, other_repair), 0);
}

TEST(PricingResolution, PriorityBreaksTiesThenTheNewestRule) {
  EXPECT_EQ(picked({rule(1, 5, {}, {}, 3), rule(2, 5, {}, {}, 1)}, scope(5)), 1);
  EXPECT_EQ(picked({rule(1, 5, {}, {}, 1), rule(2, 5, {}, {}, 1)}, scope(5)), 2);
  // Priority never beats specificity.
  EXPECT_EQ(picked({rule(1, {}, {}, {}, 99), rule(2, 5)}, scope(5)), 2);
}

TEST(PricingResolution, InactiveRulesAreIgnored) {
  auto model_rule = rule(2, 5, {}, 9);
  model_rule.active = false;
  EXPECT_EQ(picked({rule(1), model_rule}, scope(5, {}, 9)), 1);
}

TEST(PricingQuote, MarginUsesTheMinimumProfitFloorAndOptionalShipping) {
  // A worked example: iPhone module, ×0.25, min $ 24.000, shipping $ 10.000, parts $ 60.000.
  auto r = rule(1, 5);
  r.min_profit_cents = 24000 * kPeso;
  r.shipping_default_cents = 10000 * kPeso;
  auto quote = catalog::compute_quote(r, QuoteFigures{60000 * kPeso, 0, 0, false});
  EXPECT_EQ(quote.profit_cents, 24000 * kPeso);
  EXPECT_EQ(quote.total_cents, 84000 * kPeso);
  EXPECT_EQ(quote.shipping_cents, 10000 * kPeso);
  quote = catalog::compute_quote(r, QuoteFigures{60000 * kPeso, 0, 0, true});
  EXPECT_EQ(quote.total_cents, 94000 * kPeso);
  // Above the floor the margin counts, plus labour and a typed shipping amount.
  quote = catalog::compute_quote(r, QuoteFigures{200000 * kPeso, 5000 * kPeso, 3000 * kPeso, true});
  EXPECT_EQ(quote.profit_cents, 50000 * kPeso);
  EXPECT_EQ(quote.shipping_cents, 3000 * kPeso);
  EXPECT_EQ(quote.total_cents, (200000 + 5000 + 50000 + 3000) * kPeso);
  EXPECT_EQ(quote.rule_label, "Regla: x0.25 (min $ 24.000) (+ envío $ 10.000)");
}

TEST(PricingQuote, MarginProfitIsRoundedHalfUpToWholePesos) {
  auto r = rule(1);
  r.multiplier_hundredths = 25;
  // 1.234,50 × 0.25 = 308,625 → 309
  EXPECT_EQ(catalog::compute_quote(r, QuoteFigures{123450, 0, 0, false}).profit_cents, 309 * kPeso);
  // 1.234 × 0.25 = 308,50 → 309
  EXPECT_EQ(catalog::compute_quote(r, QuoteFigures{123400, 0, 0, false}).profit_cents, 309 * kPeso);
  // 1.233 × 0.25 = 308,25 → 308
  EXPECT_EQ(catalog::compute_quote(r, QuoteFigures{123300, 0, 0, false}).profit_cents, 308 * kPeso);
}

TEST(PricingQuote, FixedRuleIgnoresLabourAndNeverReportsNegativeProfit) {
  auto r = rule(1);
  r.mode = PricingMode::kFixed;
  r.multiplier_hundredths.reset();
  r.fixed_total_cents = 45000 * kPeso;
  r.shipping_default_cents = 10000 * kPeso;
  auto quote = catalog::compute_quote(r, QuoteFigures{20000 * kPeso, 7000 * kPeso, 0, false});
  EXPECT_EQ(quote.profit_cents, 25000 * kPeso);
  EXPECT_EQ(quote.total_cents, 45000 * kPeso);
  quote = catalog::compute_quote(r, QuoteFigures{50000 * kPeso, 0, 0, true});
  EXPECT_EQ(quote.profit_cents, 0);
  EXPECT_EQ(quote.total_cents, 55000 * kPeso);
  EXPECT_EQ(quote.rule_label, "Regla: Fijo $ 45.000 (+ envío $ 10.000)");
}

TEST(PricingQuote, WithoutARuleTheTotalIsCostsPlusShipping) {
  auto quote = catalog::compute_quote(std::nullopt, QuoteFigures{1000 * kPeso, 500 * kPeso, 200 * kPeso, true});
  EXPECT_EQ(quote.profit_cents, 0);
  EXPECT_EQ(quote.total_cents, 1700 * kPeso);
  EXPECT_EQ(quote.rule_label, "Regla: —");
  quote = catalog::compute_quote(std::nullopt, QuoteFigures{1000 * kPeso, 500 * kPeso, 200 * kPeso, false});
  EXPECT_EQ(quote.total_cents, 1500 * kPeso);
}

TEST(PricingQuote, NegativeInputsCountAsZero) {
  auto quote = catalog::compute_quote(std::nullopt, QuoteFigures{-100, -200, -300, true});
  EXPECT_EQ(quote.total_cents, 0);
}

TEST(PricingQuote, MultiplierFormatting) {
  EXPECT_EQ(catalog::format_multiplier(25), "0.25");
  EXPECT_EQ(catalog::format_multiplier(100), "1");
  EXPECT_EQ(catalog::format_multiplier(150), "1.5");
  EXPECT_EQ(catalog::format_multiplier(5), "0.05");
}

TEST(PricingRuleForm, MultiplierParsing) {
  EXPECT_EQ(catalog::parse_multiplier("0.25"), 25);
  EXPECT_EQ(catalog::parse_multiplier("0,25"), 25);
  EXPECT_EQ(catalog::parse_multiplier("1"), 100);
  EXPECT_EQ(catalog::parse_multiplier(".5"), 50);
  EXPECT_EQ(catalog::parse_multiplier(" 2.5 "), 250);
  EXPECT_EQ(catalog::parse_multiplier("999999.99"), 99999999);
  for (const char* bad : {"", "-0.25", "abc", "0.255", "1.", "1e3", "1000000", "0.2.5", "NaN"})
    EXPECT_FALSE(catalog::parse_multiplier(bad).has_value()) << bad;
}
