// pricing_rules queries and the rule form's validation (see pricing_rules.hpp).
#include "domain/catalog/pricing_rules.hpp"

#include <cmath>

#include "core/clock.hpp"
#include "core/money.hpp"
#include "core/strings.hpp"
#include "db/database.hpp"
#include "db/unit_of_work.hpp"
#include "domain/catalog/device_catalog.hpp"

namespace catalog {

namespace {

constexpr const char* kSelectRule =
    "SELECT r.id, r.device_type_id, r.repair_type_id, r.device_brand_id, r.device_model_group_id, r.device_model_id, "
    "r.mode, r.multiplier, r.min_profit, r.fixed_total, r.shipping_default, r.priority, r.active, "
    "dt.name, rt.name, b.name, g.name, m.name "
    "FROM pricing_rules r "
    "JOIN device_types dt ON dt.id = r.device_type_id "
    "JOIN repair_types rt ON rt.id = r.repair_type_id "
    "LEFT JOIN device_brands b ON b.id = r.device_brand_id "
    "LEFT JOIN device_model_groups g ON g.id = r.device_model_group_id "
    "LEFT JOIN device_models m ON m.id = r.device_model_id ";

std::optional<std::int64_t> optional_id(long long value, soci::indicator indicator) {
  if (indicator != soci::i_ok) return std::nullopt;
  return value;
}

// Runs kSelectRule + `where` (integers only, formatted by the caller).
std::vector<PricingRuleRow> fetch_rules(soci::session& sql, const std::string& where) {
  long long id = 0, type = 0, repair = 0, brand = 0, group = 0, model = 0, min_profit = 0, fixed_total = 0, shipping = 0;
  double multiplier = 0;
  int priority = 0, active = 0;
  std::string mode, type_name, repair_name, brand_name, group_name, model_name;
  soci::indicator brand_ind, group_ind, model_ind, multiplier_ind, min_ind, fixed_ind, brand_name_ind, group_name_ind,
      model_name_ind;
  soci::statement statement =
      (sql.prepare << std::string(kSelectRule) + where, soci::into(id), soci::into(type), soci::into(repair),
       soci::into(brand, brand_ind), soci::into(group, group_ind), soci::into(model, model_ind), soci::into(mode),
       soci::into(multiplier, multiplier_ind), soci::into(min_profit, min_ind), soci::into(fixed_total, fixed_ind),
       soci::into(shipping), soci::into(priority), soci::into(active), soci::into(type_name), soci::into(repair_name),
       soci::into(brand_name, brand_name_ind), soci::into(group_name, group_name_ind),
       soci::into(model_name, model_name_ind));
  statement.execute();
  std::vector<PricingRuleRow> rows;
  while (statement.fetch()) {
    PricingRuleRow row;
    auto& rule = row.rule;
    rule.id = id;
    rule.device_type_id = type;
    rule.repair_type_id = repair;
    rule.device_brand_id = optional_id(brand, brand_ind);
    rule.device_model_group_id = optional_id(group, group_ind);
    rule.device_model_id = optional_id(model, model_ind);
    rule.mode = parse_pricing_mode(mode).value_or(PricingMode::kMargin);
    if (multiplier_ind == soci::i_ok) rule.multiplier_hundredths = std::llround(multiplier * 100.0);
    rule.min_profit_cents = optional_id(min_profit, min_ind);
    rule.fixed_total_cents = optional_id(fixed_total, fixed_ind);
    rule.shipping_default_cents = shipping;
    rule.priority = priority;
    rule.active = active != 0;
    row.device_type_name = type_name;
    row.repair_type_name = repair_name;
    row.brand_name = brand_name_ind == soci::i_ok ? brand_name : "";
    row.group_name = group_name_ind == soci::i_ok ? group_name : "";
    row.model_name = model_name_ind == soci::i_ok ? model_name : "";
    rows.push_back(std::move(row));
  }
  return rows;
}

// An optional id field: "" → nullopt (ok); digits > 0 → the id; anything else → invalid (returns false).
bool parse_optional_id(const std::string& text, std::optional<std::int64_t>& out) {
  out.reset();
  if (text.empty()) return true;
  if (text.size() > 18 || core::digits_only(text) != text) return false;
  long long value = std::stoll(text);
  if (value <= 0) return false;
  out = value;
  return true;
}

// Whole pesos or pesos with centavos as the form takes them; "" → nullopt; else false when malformed.
bool parse_optional_money(const std::string& text, std::optional<std::int64_t>& out) {
  out.reset();
  if (text.empty()) return true;
  auto cents = core::parse_ars(text);
  if (!cents) return false;
  out = *cents;
  return true;
}

// Bind helpers: soci wants an lvalue and an indicator for nullable columns.
struct NullableId {
  long long value = 0;
  soci::indicator indicator = soci::i_null;
  explicit NullableId(const std::optional<std::int64_t>& id) {
    if (id) {
      value = *id;
      indicator = soci::i_ok;
    }
  }
};

}  // namespace

std::optional<std::int64_t> parse_multiplier(std::string_view text) {
  std::string clean = core::trim(text);
  for (char& c : clean)
    if (c == ',') c = '.';
  if (clean.empty() || clean.size() > 12) return std::nullopt;
  auto dot = clean.find('.');
  std::string whole = clean.substr(0, dot);
  std::string fraction = dot == std::string::npos ? "" : clean.substr(dot + 1);
  if (whole.empty()) whole = "0";
  if (core::digits_only(whole) != whole || core::digits_only(fraction) != fraction || fraction.size() > 2)
    return std::nullopt;
  if (dot != std::string::npos && fraction.empty()) return std::nullopt;  // "1."
  if (whole.size() > 6) return std::nullopt;                              // DECIMAL(8,2): at most 999999.99
  while (fraction.size() < 2) fraction += '0';
  return std::stoll(whole) * 100 + std::stoll(fraction);
}

std::vector<PricingRuleRow> list_pricing_rules(db::Database& database) {
  auto sql = database.lease();
  return fetch_rules(*sql, "ORDER BY r.active DESC, r.device_type_id, r.repair_type_id, r.priority DESC, r.id DESC");
}

std::optional<PricingRule> find_pricing_rule(db::Database& database, std::int64_t id) {
  return db::read(database, [&](soci::session& sql) { return find_pricing_rule(sql, id); });
}

std::optional<PricingRule> find_pricing_rule(soci::session& sql, std::int64_t id) {
  if (id <= 0) return std::nullopt;
  auto rows = fetch_rules(sql, "WHERE r.id = " + std::to_string(id));
  if (rows.empty()) return std::nullopt;
  return rows.front().rule;
}

std::vector<PricingRule> active_rules_for(soci::session& sql, std::int64_t device_type_id, std::int64_t repair_type_id) {
  std::vector<PricingRule> rules;
  for (auto& row : fetch_rules(sql, "WHERE r.device_type_id = " + std::to_string(device_type_id) +
                                        " AND r.repair_type_id = " + std::to_string(repair_type_id) + " AND r.active = 1"))
    rules.push_back(row.rule);
  return rules;
}

RuleValidation validate_pricing_rule(db::Database& database, const PricingRuleForm& form) {
  RuleValidation result;
  auto& errors = result.errors;
  auto& rule = result.rule;

  std::optional<std::int64_t> type_id, repair_id, brand_id, group_id, model_id;
  if (form.device_type_id.empty()) errors.add("device_type_id", "Seleccioná un tipo de dispositivo.");
  else if (!parse_optional_id(form.device_type_id, type_id) || !find_item(database, CatalogKind::kDeviceType, *type_id))
    errors.add("device_type_id", "El tipo de dispositivo seleccionado no existe.");
  if (form.repair_type_id.empty()) errors.add("repair_type_id", "Seleccioná la reparación final.");
  else if (!parse_optional_id(form.repair_type_id, repair_id) || !find_item(database, CatalogKind::kRepairType, *repair_id))
    errors.add("repair_type_id", "El tipo de reparación seleccionado no existe.");

  bool ids_ok = true;
  if (!parse_optional_id(form.device_brand_id, brand_id)) {
    errors.add("device_brand_id", "La marca seleccionada no existe.");
    ids_ok = false;
  }
  if (!parse_optional_id(form.device_model_group_id, group_id)) {
    errors.add("device_model_group_id", "El grupo de modelos seleccionado no existe.");
    ids_ok = false;
  }
  if (!parse_optional_id(form.device_model_id, model_id)) {
    errors.add("device_model_id", "El modelo seleccionado no existe.");
    ids_ok = false;
  }

  // Scope consistency, in the reference's order and wording.
  if (ids_ok) {
    if ((group_id || model_id) && !brand_id) {
      errors.add("device_brand_id", "Seleccioná una marca cuando definas grupo o modelo.");
    } else if (brand_id) {
      auto brand = find_item(database, CatalogKind::kBrand, *brand_id);
      if (!brand) errors.add("device_brand_id", "La marca seleccionada no existe.");
      else if (type_id && brand->parent_id != *type_id)
        errors.add("device_brand_id", "La marca no corresponde al tipo de dispositivo seleccionado.");
      else {
        if (group_id) {
          auto group = find_item(database, CatalogKind::kModelGroup, *group_id);
          if (!group) errors.add("device_model_group_id", "El grupo de modelos seleccionado no existe.");
          else if (group->parent_id != *brand_id)
            errors.add("device_model_group_id", "El grupo de modelos no corresponde a la marca seleccionada.");
        }
        if (model_id) {
          auto model = find_item(database, CatalogKind::kModel, *model_id);
          if (!model) errors.add("device_model_id", "El modelo seleccionado no existe.");
          else if (model->parent_id != *brand_id)
            errors.add("device_model_id", "El modelo no corresponde a la marca seleccionada.");
          else if (group_id && model->group_id != group_id)
            errors.add("device_model_id", "El modelo no corresponde al grupo seleccionado.");
        }
      }
    }
  }

  auto mode = parse_pricing_mode(form.mode);
  if (!mode) errors.add("mode", "Elegí un modo válido (margen o fijo).");

  std::optional<std::int64_t> multiplier;
  if (!form.multiplier.empty()) {
    multiplier = parse_multiplier(form.multiplier);
    if (!multiplier)
      errors.add("multiplier", "El porcentaje debe ser un número mayor o igual a 0, con hasta 2 decimales (ej 0.25).");
  }
  std::optional<std::int64_t> min_profit, fixed_total, shipping;
  if (!parse_optional_money(form.min_profit, min_profit))
    errors.add("min_profit", "El mínimo de ganancia debe ser un monto mayor o igual a 0.");
  if (!parse_optional_money(form.fixed_total, fixed_total))
    errors.add("fixed_total", "El total fijo debe ser un monto mayor o igual a 0.");
  if (!parse_optional_money(form.shipping_default, shipping))
    errors.add("shipping_default", "El envío sugerido debe ser un monto mayor o igual a 0.");
  int priority = 0;
  if (!form.priority.empty()) {
    std::string digits = form.priority.front() == '-' ? form.priority.substr(1) : form.priority;
    if (digits.empty() || digits.size() > 9 || core::digits_only(digits) != digits)
      errors.add("priority", "La prioridad debe ser un número entero.");
    else
      priority = std::stoi(form.priority);
  }
  if (mode == PricingMode::kFixed && !fixed_total && !errors.has("fixed_total"))
    errors.add("fixed_total", "Ingresá el total fijo para una regla de modo fijo.");
  if (!errors.empty()) return result;

  rule.device_type_id = *type_id;
  rule.repair_type_id = *repair_id;
  rule.device_brand_id = brand_id;
  rule.device_model_group_id = group_id;
  rule.device_model_id = model_id;
  rule.mode = *mode;
  if (rule.mode == PricingMode::kFixed) {
    rule.fixed_total_cents = fixed_total;
  } else {
    rule.multiplier_hundredths = multiplier;
    rule.min_profit_cents = min_profit;
  }
  rule.shipping_default_cents = shipping.value_or(0);
  rule.priority = priority;
  rule.active = form.active;
  return result;
}

std::int64_t insert_pricing_rule(db::Tx& tx, const PricingRule& rule) {
  soci::session* sql = &tx.sql();
  std::string now = core::utc_now_sql();
  long long type = rule.device_type_id, repair = rule.repair_type_id, shipping = rule.shipping_default_cents;
  NullableId brand(rule.device_brand_id), group(rule.device_model_group_id), model(rule.device_model_id),
      min_profit(rule.min_profit_cents), fixed_total(rule.fixed_total_cents);
  double multiplier = rule.multiplier_hundredths ? static_cast<double>(*rule.multiplier_hundredths) / 100.0 : 0.0;
  soci::indicator multiplier_ind = rule.multiplier_hundredths ? soci::i_ok : soci::i_null;
  std::string mode = pricing_mode_key(rule.mode);
  int priority = rule.priority, active = rule.active ? 1 : 0;
  *sql << "INSERT INTO pricing_rules (device_type_id, repair_type_id, device_brand_id, device_model_group_id, "
          "device_model_id, mode, multiplier, min_profit, fixed_total, shipping_default, priority, active, created_at, "
          "updated_at) VALUES (:t, :r, :b, :g, :m, :mode, :mult, :min, :fixed, :ship, :prio, :active, :c, :u)",
      soci::use(type), soci::use(repair), soci::use(brand.value, brand.indicator),
      soci::use(group.value, group.indicator), soci::use(model.value, model.indicator), soci::use(mode),
      soci::use(multiplier, multiplier_ind), soci::use(min_profit.value, min_profit.indicator),
      soci::use(fixed_total.value, fixed_total.indicator), soci::use(shipping), soci::use(priority), soci::use(active),
      soci::use(now), soci::use(now);
  return tx.last_insert_id("pricing_rules");
}

bool update_pricing_rule(db::Tx& tx, std::int64_t id, const PricingRule& rule) {
  if (!find_pricing_rule(tx.sql(), id)) return false;
  soci::session* sql = &tx.sql();
  std::string now = core::utc_now_sql();
  long long key = id, type = rule.device_type_id, repair = rule.repair_type_id, shipping = rule.shipping_default_cents;
  NullableId brand(rule.device_brand_id), group(rule.device_model_group_id), model(rule.device_model_id),
      min_profit(rule.min_profit_cents), fixed_total(rule.fixed_total_cents);
  double multiplier = rule.multiplier_hundredths ? static_cast<double>(*rule.multiplier_hundredths) / 100.0 : 0.0;
  soci::indicator multiplier_ind = rule.multiplier_hundredths ? soci::i_ok : soci::i_null;
  std::string mode = pricing_mode_key(rule.mode);
  int priority = rule.priority, active = rule.active ? 1 : 0;
  *sql << "UPDATE pricing_rules SET device_type_id = :t, repair_type_id = :r, device_brand_id = :b, "
          "device_model_group_id = :g, device_model_id = :m, mode = :mode, multiplier = :mult, min_profit = :min, "
          "fixed_total = :fixed, shipping_default = :ship, priority = :prio, active = :active, updated_at = :u "
          "WHERE id = :id",
      soci::use(type), soci::use(repair), soci::use(brand.value, brand.indicator),
      soci::use(group.value, group.indicator), soci::use(model.value, model.indicator), soci::use(mode),
      soci::use(multiplier, multiplier_ind), soci::use(min_profit.value, min_profit.indicator),
      soci::use(fixed_total.value, fixed_total.indicator), soci::use(shipping), soci::use(priority), soci::use(active),
      soci::use(now), soci::use(key);
  return true;
}

std::optional<bool> toggle_pricing_rule(db::Tx& tx, std::int64_t id) {
  if (!find_pricing_rule(tx.sql(), id)) return std::nullopt;
  std::string now = core::utc_now_sql();
  long long key = id;
  tx.sql()
      << "UPDATE pricing_rules SET active = CASE WHEN active = 1 THEN 0 ELSE 1 END, updated_at = :u WHERE id = :id",
      soci::use(now), soci::use(key);
  auto rule = find_pricing_rule(tx.sql(), id);
  if (!rule) return std::nullopt;
  return rule->active;
}

bool delete_pricing_rule(db::Tx& tx, std::int64_t id) {
  if (!find_pricing_rule(tx.sql(), id)) return false;
  long long key = id;
  tx.sql() << "DELETE FROM pricing_rules WHERE id = :id", soci::use(key);
  return true;
}

}  // namespace catalog
