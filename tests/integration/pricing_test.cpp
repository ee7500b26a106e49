// Pricing rules (/admin/precios) and the server-side quote (/admin/precios/resolve): the rule list and form, the
// refusals of inconsistent scopes and bad money, and the resolution table (model > group > brand > generic, then
// priority, then newest; inactive rules ignored) with the figures in centavos.
#include <gtest/gtest.h>

#include "support/accounts.hpp"
#include "support/app_server.hpp"
#include "support/browser.hpp"
#include "support/test_files.hpp"

using testing_support::AppServer;
using testing_support::Browser;
using testing_support::HttpResponse;
using testing_support::scalar;
using testing_support::visible_text;

namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;

class Pricing : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new AppServer(std::map<std::string, std::string>{{"RATE_LIMIT_ADMIN_REQUESTS_PER_MINUTE", "100000"}});
    auto seeded = server_->run({"db:seed"});
    ASSERT_EQ(seeded.exit_code, 0) << seeded.output;
    server_->start();
    admin_ = new Browser(testing_support::signed_in_admin(*server_));
    token_ = testing_support::csrf_token_in(admin_->get("/admin/dashboard").body);
    phone_ = id("SELECT id FROM device_types WHERE slug = 'celular'");
    console_ = id("SELECT id FROM device_types WHERE slug = 'consola'");
    samsung_ = id("SELECT id FROM device_brands WHERE slug = 'samsung' AND device_type_id = " + std::to_string(phone_));
    apple_ = id("SELECT id FROM device_brands WHERE slug = 'apple' AND device_type_id = " + std::to_string(phone_));
    motorola_ = id("SELECT id FROM device_brands WHERE slug = 'motorola' AND device_type_id = " + std::to_string(phone_));
    module_ = id("SELECT id FROM repair_types WHERE slug = 'modulo'");
    battery_ = id("SELECT id FROM repair_types WHERE slug = 'bateria'");
    charging_ = id("SELECT id FROM repair_types WHERE slug = 'pin-de-carga'");
  }
  static void TearDownTestSuite() {
    delete admin_;
    admin_ = nullptr;
    delete server_;
    server_ = nullptr;
  }

  static long long id(const std::string& query) { return scalar(*server_, query); }
  static std::string s(long long value) { return std::to_string(value); }
  static long long model(long long brand, const std::string& slug) {
    return id("SELECT id FROM device_models WHERE device_brand_id = " + s(brand) + " AND slug = '" + slug + "'");
  }
  static HttpResponse post(const std::string& page, const std::string& action, Fields fields,
                           const std::map<std::string, std::string>& headers = {}) {
    fields.insert(fields.begin(), {"_token", token_});
    admin_->referer = server_->base_url() + page;
    auto response = admin_->post(action, fields, headers);
    admin_->referer.clear();
    return response;
  }
  static std::string after(const HttpResponse& redirect) { return visible_text(admin_->follow(redirect).body); }
  static HttpResponse resolve(const std::string& query) {
    return admin_->get("/admin/precios/resolve?" + query, {{"Accept", "application/json"}});
  }
  // Creates a rule through the form; returns its id.
  static long long create_rule(Fields fields) {
    auto response = post("/admin/precios/crear", "/admin/precios", std::move(fields));
    EXPECT_EQ(response.status, 302);
    EXPECT_EQ(response.header("location"), "/admin/precios");
    return id("SELECT MAX(id) FROM pricing_rules");
  }
  static long long rule_count() { return id("SELECT COUNT(*) FROM pricing_rules"); }

  static AppServer* server_;
  static Browser* admin_;
  static std::string token_;
  static long long phone_, console_, samsung_, apple_, motorola_, module_, battery_, charging_;
};
AppServer* Pricing::server_ = nullptr;
Browser* Pricing::admin_ = nullptr;
std::string Pricing::token_;
long long Pricing::phone_ = 0, Pricing::console_ = 0, Pricing::samsung_ = 0, Pricing::apple_ = 0, Pricing::motorola_ = 0,
          Pricing::module_ = 0, Pricing::battery_ = 0, Pricing::charging_ = 0;

}  // namespace

TEST_F(Pricing, IndexListsTheSeededRulesWithTheirFigures) {
  auto page = admin_->get("/admin/precios");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(page.contains("<title>Admin — Precios"));
  std::string text = visible_text(page.body);
  for (const char* expected : {"Reglas de precios (auto)", "+ Nueva regla", "Celular", "Apple", "Módulo", "Batería",
                               "Margen", "0.25", "$ 24.000", "$ 20.000", "$ 10.000", "Editar"})
    EXPECT_NE(text.find(expected), std::string::npos) << expected;
  // Stored in centavos.
  EXPECT_EQ(id("SELECT min_profit FROM pricing_rules WHERE repair_type_id = " + s(module_)), 2400000);
}

TEST_F(Pricing, CreateFormIsPrefilledFromTheIntakeLink) {
  long long a52 = model(samsung_, "a52");
  auto page = admin_->get("/admin/precios/crear?device_type_id=" + s(phone_) + "&repair_type_id=" + s(module_) +
                          "&device_brand_id=" + s(samsung_) + "&device_model_id=" + s(a52));
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(page.contains("<option value=\"" + s(phone_) + "\" selected>Celular</option>"));
  EXPECT_TRUE(page.contains("<option value=\"" + s(module_) + "\" selected>Módulo</option>"));
  EXPECT_TRUE(page.contains("<option value=\"" + s(samsung_) + "\" data-parent-id=\"" + s(phone_) +
                            "\" selected>Samsung (Celular)</option>"));
  EXPECT_TRUE(page.contains("<option value=\"" + s(a52) + "\" data-parent-id=\"" + s(samsung_) + "\" data-group-id=\"\" "
                            "selected>A52 (Samsung · Celular)</option>"));
  EXPECT_TRUE(page.contains("name=\"shipping_default\" value=\"10000\""));
  EXPECT_TRUE(page.contains("name=\"priority\" value=\"0\""));
  EXPECT_TRUE(page.contains("data-pricing-mode-select"));
  EXPECT_TRUE(page.contains("Porcentaje de ganancia (ej 0.25 = 25%)"));
}

TEST_F(Pricing, RulesAreCreatedEditedToggledAndDeleted) {
  long long before = rule_count();
  auto created = post("/admin/precios/crear", "/admin/precios",
                      {{"device_type_id", s(console_)}, {"repair_type_id", s(module_)}, {"mode", "margin"},
                       {"multiplier", "0,5"}, {"min_profit", "15.000"}, {"fixed_total", "99999"},
                       {"shipping_default", "5000"}, {"priority", "2"}, {"active", "1"}});
  ASSERT_EQ(created.status, 302);
  EXPECT_EQ(created.header("location"), "/admin/precios");
  EXPECT_NE(after(created).find("Regla creada."), std::string::npos);
  ASSERT_EQ(rule_count(), before + 1);
  long long rule = id("SELECT MAX(id) FROM pricing_rules");
  std::string where = " FROM pricing_rules WHERE id = " + s(rule);
  EXPECT_EQ(id("SELECT min_profit" + where), 1500000);
  EXPECT_EQ(id("SELECT shipping_default" + where), 500000);
  EXPECT_EQ(id("SELECT COUNT(*)" + where + " AND fixed_total IS NULL"), 1);  // margin mode drops the fixed total
  EXPECT_EQ(id("SELECT COUNT(*)" + where + " AND multiplier > 0.49 AND multiplier < 0.51"), 1);
  EXPECT_EQ(id("SELECT priority" + where), 2);

  auto edit = admin_->get("/admin/precios/" + s(rule) + "/editar");
  ASSERT_EQ(edit.status, 200);
  EXPECT_TRUE(edit.contains("class=\"page-title\">Editar regla</h1>"));
  EXPECT_TRUE(edit.contains("name=\"multiplier\" value=\"0.5\""));
  EXPECT_TRUE(edit.contains("name=\"min_profit\" value=\"15000\""));

  // Switch to fixed: multiplier and minimum are cleared; unchecked box → inactive.
  auto updated = post("/admin/precios/" + s(rule) + "/editar", "/admin/precios/" + s(rule),
                      {{"_method", "PUT"}, {"device_type_id", s(console_)}, {"repair_type_id", s(module_)},
                       {"mode", "fixed"}, {"multiplier", "0.5"}, {"min_profit", "15000"}, {"fixed_total", "45000"},
                       {"shipping_default", "0"}, {"priority", "-1"}});
  ASSERT_EQ(updated.status, 302);
  EXPECT_NE(after(updated).find("Regla actualizada."), std::string::npos);
  EXPECT_EQ(id("SELECT COUNT(*)" + where + " AND multiplier IS NULL AND min_profit IS NULL AND active = 0"), 1);
  EXPECT_EQ(id("SELECT fixed_total" + where), 4500000);
  EXPECT_EQ(id("SELECT priority" + where), -1);

  auto toggled = post("/admin/precios", "/admin/precios/" + s(rule) + "/toggle", {});
  EXPECT_NE(after(toggled).find("Regla activada."), std::string::npos);
  EXPECT_EQ(id("SELECT active" + where), 1);
  auto toggled_json = post("/admin/precios", "/admin/precios/" + s(rule) + "/toggle", {}, {{"Accept", "application/json"}});
  EXPECT_EQ(toggled_json.body, "{\"ok\":true,\"active\":false,\"message\":\"Regla desactivada.\"}");

  auto deleted = post("/admin/precios", "/admin/precios/" + s(rule), {{"_method", "DELETE"}});
  ASSERT_EQ(deleted.status, 302);
  EXPECT_NE(after(deleted).find("Regla eliminada."), std::string::npos);
  EXPECT_EQ(rule_count(), before);

  EXPECT_EQ(admin_->get("/admin/precios/" + s(rule) + "/editar").status, 404);
  EXPECT_EQ(admin_->get("/admin/precios/abc/editar").status, 404);
  EXPECT_EQ(post("/admin/precios", "/admin/precios/" + s(rule), {{"_method", "PUT"}, {"mode", "margin"}}).status, 404);
  EXPECT_EQ(post("/admin/precios", "/admin/precios/" + s(rule) + "/toggle", {}).status, 404);
  EXPECT_EQ(post("/admin/precios", "/admin/precios/" + s(rule), {{"_method", "DELETE"}}).status, 404);
}

TEST_F(Pricing, InconsistentScopesAndBadNumbersAreRefusedWithoutARow) {
  long long before = rule_count();
  long long iphone = model(apple_, "iphone-12");
  const Fields base = {{"device_type_id", s(phone_)}, {"repair_type_id", s(module_)}, {"mode", "margin"}, {"active", "1"}};
  auto with = [&](Fields extra) {
    Fields fields = base;
    for (auto& [key, value] : extra) {
      bool replaced = false;
      for (auto& field : fields)
        if (field.first == key) field.second = value, replaced = true;
      if (!replaced) fields.emplace_back(key, value);
    }
    return fields;
  };
  struct Case {
    Fields fields;
    std::string message;
  };
  long long ps_brand = id("SELECT id FROM device_brands WHERE slug = 'playstation' AND device_type_id = " + s(console_));
  const std::vector<Case> cases = {
      {with({{"device_brand_id", s(ps_brand)}}), "La marca no corresponde al tipo de dispositivo seleccionado."},
      {with({{"device_model_id", s(iphone)}}), "Seleccioná una marca cuando definas grupo o modelo."},
      {with({{"device_brand_id", s(samsung_)}, {"device_model_id", s(iphone)}}), "El modelo no corresponde a la marca seleccionada."},
      {with({{"device_brand_id", s(apple_)}, {"device_model_id", "999999"}}), "El modelo seleccionado no existe."},
      {with({{"device_brand_id", s(apple_)}, {"device_model_group_id", "999999"}}), "El grupo de modelos seleccionado no existe."},
      {with({{"device_type_id", ""}}), "Seleccioná un tipo de dispositivo."},
      {with({{"device_type_id", "999999"}}), "El tipo de dispositivo seleccionado no existe."},
      {with({{"repair_type_id", "abc"}}), "El tipo de reparación seleccionado no existe."},
      {with({{"mode", "percent"}}), "Elegí un modo válido (margen o fijo)."},
      {with({{"multiplier", "abc"}}), "El porcentaje debe ser un número mayor o igual a 0"},
      {with({{"multiplier", "-0.25"}}), "El porcentaje debe ser un número mayor o igual a 0"},
      {with({{"min_profit", "-100"}}), "El mínimo de ganancia debe ser un monto mayor o igual a 0."},
      {with({{"min_profit", "mil"}}), "El mínimo de ganancia debe ser un monto mayor o igual a 0."},
      {with({{"shipping_default", "-1"}}), "El envío sugerido debe ser un monto mayor o igual a 0."},
      {with({{"priority", "alta"}}), "La prioridad debe ser un número entero."},
      {with({{"mode", "fixed"}}), "Ingresá el total fijo para una regla de modo fijo."},
      {with({{"mode", "fixed"}, {"fixed_total", "-5"}}), "El total fijo debe ser un monto mayor o igual a 0."},
  };
  for (const auto& c : cases) {
    auto refused = post("/admin/precios/crear", "/admin/precios", c.fields);
    ASSERT_EQ(refused.status, 302) << c.message;
    EXPECT_EQ(refused.header("location"), "/admin/precios/crear") << c.message;
    auto page = admin_->follow(refused);
    EXPECT_NE(visible_text(page.body).find(c.message), std::string::npos) << c.message;
  }
  EXPECT_EQ(rule_count(), before);

  // The form comes back with what was typed.
  auto refused = post("/admin/precios/crear", "/admin/precios", with({{"multiplier", "abc"}, {"min_profit", "31000"}}));
  auto page = admin_->follow(refused);
  EXPECT_TRUE(page.contains("name=\"min_profit\" value=\"31000\""));
  EXPECT_TRUE(page.contains("name=\"multiplier\" value=\"abc\""));
}

TEST_F(Pricing, ResolveReturnsTheSeededAppleModuleRuleAndTheSuggestedQuote) {
  long long iphone = model(apple_, "iphone-12");
  std::string scope = "device_type_id=" + s(phone_) + "&repair_type_id=" + s(module_) + "&device_brand_id=" + s(apple_) +
                      "&device_model_id=" + s(iphone);
  auto response = resolve(scope + "&parts_cost=60000");
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(response.body.rfind("{\"ok\":true,\"group_id\":null,\"rule\":{\"id\":", 0), 0u) << response.body;
  EXPECT_NE(response.body.find("\"mode\":\"margin\",\"multiplier\":0.25,\"min_profit\":24000,\"fixed_total\":null,"
                               "\"shipping_default\":10000,\"priority\":0}"),
            std::string::npos)
      << response.body;
  EXPECT_NE(response.body.find("\"label\":\"Regla: x0.25 (min $ 24.000) (+ envío $ 10.000)\""), std::string::npos);
  EXPECT_NE(response.body.find("\"profit\":24000,\"total\":84000"), std::string::npos) << response.body;
  EXPECT_NE(response.body.find("\"total_cents\":8400000"), std::string::npos);
  EXPECT_NE(response.body.find("\"total_formatted\":\"$ 84.000\""), std::string::npos);
  EXPECT_NE(response.body.find("\"rule_url\":\"/admin/precios/"), std::string::npos);

  // "Sumar" adds the rule's shipping; a typed amount wins; labour adds; costs may be typed es-AR style.
  EXPECT_NE(resolve(scope + "&parts_cost=60000&add_shipping=1").body.find("\"total\":94000"), std::string::npos);
  EXPECT_NE(resolve(scope + "&parts_cost=60000&add_shipping=1&shipping=2500").body.find("\"shipping\":2500,\"profit\":24000,\"total\":86500"),
            std::string::npos);
  auto big = resolve(scope + "&parts_cost=%24%20200.000&labor_cost=5000,50");
  EXPECT_NE(big.body.find("\"profit\":50000,\"total\":255000.5"), std::string::npos) << big.body;

  // Another brand has no rule: costs only, and the link offers to create one prefilled.
  auto none = resolve("device_type_id=" + s(phone_) + "&repair_type_id=" + s(module_) + "&device_brand_id=" + s(motorola_) +
                      "&parts_cost=1000&labor_cost=500");
  ASSERT_EQ(none.status, 200);
  EXPECT_NE(none.body.find("\"rule\":null,\"label\":\"Regla: —\""), std::string::npos) << none.body;
  EXPECT_NE(none.body.find("\"profit\":0,\"total\":1500"), std::string::npos);
  EXPECT_NE(none.body.find("\"rule_url\":\"/admin/precios/crear?device_type_id=" + s(phone_) + "&repair_type_id=" + s(module_) +
                           "&device_brand_id=" + s(motorola_) + "\""),
            std::string::npos)
      << none.body;
}

TEST_F(Pricing, ResolveRefusesMissingUnknownAndInconsistentSelectionsAndBadMoney) {
  long long iphone = model(apple_, "iphone-12");
  long long ps_brand = id("SELECT id FROM device_brands WHERE slug = 'playstation' AND device_type_id = " + s(console_));
  std::string base = "device_type_id=" + s(phone_) + "&repair_type_id=" + s(module_);
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"repair_type_id=" + s(module_), "\"device_type_id\":[\"Seleccioná un tipo de dispositivo.\"]"},
      {"device_type_id=999999&repair_type_id=" + s(module_), "\"device_type_id\":[\"El tipo de dispositivo seleccionado no existe.\"]"},
      {"device_type_id=" + s(phone_), "\"repair_type_id\":[\"Seleccioná la reparación final.\"]"},
      {"device_type_id=" + s(phone_) + "&repair_type_id=x", "\"repair_type_id\":[\"El tipo de reparación seleccionado no existe.\"]"},
      {base + "&device_brand_id=" + s(ps_brand), "\"device_brand_id\":[\"La marca no corresponde al tipo de dispositivo seleccionado.\"]"},
      {base + "&device_brand_id=" + s(samsung_) + "&device_model_id=" + s(iphone),
       "\"device_model_id\":[\"El modelo no corresponde a la marca seleccionada.\"]"},
      {base + "&device_model_id=" + s(iphone), "\"device_model_id\":[\"El modelo no corresponde a la marca seleccionada.\"]"},
      {base + "&device_brand_id=" + s(apple_) + "&device_model_id=999999", "\"device_model_id\":[\"El modelo seleccionado no existe.\"]"},
      {"device_type_id=" + s(console_) + "&repair_type_id=" + s(module_) + "&device_model_id=" + s(iphone),
       "\"device_model_id\":[\"El modelo no corresponde al tipo de dispositivo seleccionado.\"]"},
      {base + "&parts_cost=abc", "\"parts_cost\":[\"El costo de repuesto debe ser un monto mayor o igual a 0.\"]"},
      {base + "&parts_cost=-100", "\"parts_cost\":[\"El costo de repuesto debe ser un monto mayor o igual a 0.\"]"},
      {base + "&labor_cost=1e5", "\"labor_cost\":[\"La mano de obra debe ser un monto mayor o igual a 0.\"]"},
      {base + "&shipping=-1", "\"shipping\":[\"El envío debe ser un monto mayor o igual a 0.\"]"},
  };
  for (const auto& [query, error] : cases) {
    auto response = resolve(query);
    EXPECT_EQ(response.status, 422) << query;
    EXPECT_EQ(response.body.rfind("{\"ok\":false,\"message\":", 0), 0u) << query;
    EXPECT_NE(response.body.find(error), std::string::npos) << query << " → " << response.body;
  }
}

TEST_F(Pricing, ResolutionTablePrefersModelThenGroupThenBrandThenGenericThenPriorityThenNewest) {
  // A "Serie A" group with the A52 and A51; the S21 stays out of any group.
  auto group = post("/admin/grupos-modelos", "/admin/grupos-modelos",
                    {{"device_brand_id", s(samsung_)}, {"name", "Galaxy A"}, {"active", "1"}});
  ASSERT_EQ(group.status, 302);
  long long galaxy_a = id("SELECT id FROM device_model_groups WHERE slug = 'galaxy-a' AND device_brand_id = " + s(samsung_));
  long long a52 = model(samsung_, "a52"), a51 = model(samsung_, "a51"), s21 = model(samsung_, "s21");
  for (long long m : {a52, a51})
    ASSERT_EQ(post("/admin/grupos-modelos", "/admin/grupos-modelos/modelo/" + s(m) + "/asignar",
                   {{"device_model_group_id", s(galaxy_a)}}, {{"Accept", "application/json"}})
                  .status,
              200);

  // All on "Pin de carga" (no seeded rules there); margin with different multipliers to tell them apart.
  auto margin = [&](std::string multiplier, Fields scope, std::string priority = "0") {
    Fields fields = {{"device_type_id", s(phone_)}, {"repair_type_id", s(charging_)}, {"mode", "margin"},
                     {"multiplier", multiplier}, {"min_profit", "0"}, {"shipping_default", "0"},
                     {"priority", priority}, {"active", "1"}};
    for (auto& field : scope) fields.push_back(field);
    return create_rule(fields);
  };
  long long generic = margin("0.10", {});
  long long brand = margin("0.20", {{"device_brand_id", s(samsung_)}});
  long long grouped = margin("0.30", {{"device_brand_id", s(samsung_)}, {"device_model_group_id", s(galaxy_a)}});
  long long model_rule = margin("0.40", {{"device_brand_id", s(samsung_)}, {"device_model_id", s(a52)}});

  auto rule_for = [&](std::optional<long long> brand_id, std::optional<long long> model_id) {
    std::string query = "device_type_id=" + s(phone_) + "&repair_type_id=" + s(charging_) + "&parts_cost=10000";
    if (brand_id) query += "&device_brand_id=" + s(*brand_id);
    if (model_id) query += "&device_model_id=" + s(*model_id);
    auto response = resolve(query);
    EXPECT_EQ(response.status, 200) << response.body;
    auto at = response.body.find("\"rule\":{\"id\":");
    if (at == std::string::npos) return 0LL;
    return std::stoll(response.body.substr(at + 13));
  };
  EXPECT_EQ(rule_for(samsung_, a52), model_rule);  // model beats group
  EXPECT_EQ(rule_for(samsung_, a51), grouped);     // group beats brand
  EXPECT_EQ(rule_for(samsung_, s21), brand);       // brand beats generic
  EXPECT_EQ(rule_for(samsung_, std::nullopt), brand);
  EXPECT_EQ(rule_for(motorola_, std::nullopt), generic);
  EXPECT_EQ(rule_for(std::nullopt, std::nullopt), generic);

  // The group comes from the model and the figures follow the chosen rule: 10.000 × 0.40.
  auto a52_quote = resolve("device_type_id=" + s(phone_) + "&repair_type_id=" + s(charging_) + "&device_brand_id=" +
                           s(samsung_) + "&device_model_id=" + s(a52) + "&parts_cost=10000");
  EXPECT_NE(a52_quote.body.find("\"group_id\":" + s(galaxy_a)), std::string::npos);
  EXPECT_NE(a52_quote.body.find("\"profit\":4000,\"total\":14000"), std::string::npos) << a52_quote.body;

  // Priority breaks a tie of specificity; with equal priority the newest rule wins; never over specificity.
  long long brand_high = margin("0.25", {{"device_brand_id", s(samsung_)}}, "5");
  EXPECT_EQ(rule_for(samsung_, s21), brand_high);
  long long brand_newest = margin("0.26", {{"device_brand_id", s(samsung_)}}, "5");
  EXPECT_EQ(rule_for(samsung_, s21), brand_newest);
  margin("0.99", {}, "100");
  EXPECT_EQ(rule_for(samsung_, s21), brand_newest);

  // Inactive rules are ignored: the A52 falls back to its group.
  post("/admin/precios", "/admin/precios/" + s(model_rule) + "/toggle", {});
  EXPECT_EQ(rule_for(samsung_, a52), grouped);

  // A fixed rule for the A52 with shipping: labour ignored, never a negative profit.
  create_rule({{"device_type_id", s(phone_)}, {"repair_type_id", s(charging_)}, {"device_brand_id", s(samsung_)},
               {"device_model_id", s(a52)}, {"mode", "fixed"}, {"fixed_total", "45000"}, {"shipping_default", "3000"},
               {"priority", "0"}, {"active", "1"}});
  std::string fixed_scope = "device_type_id=" + s(phone_) + "&repair_type_id=" + s(charging_) + "&device_brand_id=" +
                            s(samsung_) + "&device_model_id=" + s(a52);
  auto fixed = resolve(fixed_scope + "&parts_cost=20000&labor_cost=9000&add_shipping=1");
  EXPECT_NE(fixed.body.find("\"label\":\"Regla: Fijo $ 45.000 (+ envío $ 3.000)\""), std::string::npos) << fixed.body;
  EXPECT_NE(fixed.body.find("\"shipping\":3000,\"profit\":25000,\"total\":48000"), std::string::npos) << fixed.body;
  auto expensive = resolve(fixed_scope + "&parts_cost=50000");
  EXPECT_NE(expensive.body.find("\"profit\":0,\"total\":45000"), std::string::npos) << expensive.body;

  // Margin with a minimum: below the floor the minimum counts.
  margin("0.10", {{"device_brand_id", s(motorola_)}}, "0");
  long long motorola_min = id("SELECT MAX(id) FROM pricing_rules");
  post("/admin/precios/" + s(motorola_min) + "/editar", "/admin/precios/" + s(motorola_min),
       {{"_method", "PUT"}, {"device_type_id", s(phone_)}, {"repair_type_id", s(charging_)},
        {"device_brand_id", s(motorola_)}, {"mode", "margin"}, {"multiplier", "0.10"}, {"min_profit", "8000"},
        {"shipping_default", "0"}, {"priority", "0"}, {"active", "1"}});
  auto floor = resolve("device_type_id=" + s(phone_) + "&repair_type_id=" + s(charging_) + "&device_brand_id=" +
                       s(motorola_) + "&parts_cost=10000&labor_cost=2000");
  EXPECT_NE(floor.body.find("\"profit\":8000,\"total\":20000"), std::string::npos) << floor.body;
}
