// Public repair lookup (/reparacion), as a customer with the code and phone from the counter would notice it.
#include <gtest/gtest.h>

#include <cstdlib>

#include "support/app_server.hpp"
#include "support/browser.hpp"

using testing_support::AppServer;
using testing_support::Browser;
using testing_support::HttpResponse;
using testing_support::visible_text;

namespace {
constexpr const char* kNotFound =
    "No encontramos una reparación con ese código y teléfono. Verificá los datos e intentá de nuevo.";

void insert_repair(AppServer& server, const std::string& code, const std::string& phone_digits,
                   const std::string& status, const std::string& brand, const std::string& model,
                   const std::string& issue, const std::string& diagnosis = "Pin de carga sulfatado") {
  server.database().lease()->once
      << "INSERT INTO repairs (code, customer_name, customer_phone, device_brand, device_model, issue_reported, "
         "diagnosis, final_price, notes, status, received_at, created_at, updated_at) VALUES (:code, "
         "'Cliente Secreto', :phone, :brand, :model, :issue, :diagnosis, 4200000, 'nota interna privada', :status, "
         "'2026-01-01 12:00:00', '2026-01-01 12:00:00', '2026-01-02 12:30:00')",
      soci::use(code), soci::use(phone_digits), soci::use(brand), soci::use(model), soci::use(issue),
      soci::use(diagnosis), soci::use(status);
}

class RepairLookup : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // The limiter has its own suite below; here every test posts from 127.0.0.1 freely.
    server_ = new AppServer(std::map<std::string, std::string>{{"RATE_LIMIT_REPAIR_LOOKUP_PER_MINUTE", "1000"}});
    server_->start();
    insert_repair(*server_, "R-20260101-00001", "3415550000", "repairing", "Samsung", "Galaxy A52",
                  "No carga — se apaga solo");
    insert_repair(*server_, "R-20260101-00002", "3415550001", "cancelled", "Motorola", "G20", "Pantalla rota");
    insert_repair(*server_, "R-20260101-00003", "3415550002", "ready_pickup", "<script>alert(1)</script>",
                  "Moto", "<b>falla</b> & \"más\"", "<img src=x onerror=alert(2)>");
    insert_repair(*server_, "R-20260101-00004", "3415550003", "received", "Nokia", "G10", "No enciende");
    insert_repair(*server_, "R-20260101-00005", "3415550004", "delivered", "Xiaomi", "Redmi 9", "Batería");
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static HttpResponse lookup(Browser& browser, const std::string& code, const std::string& phone) {
    return browser.submit("/reparacion", "/reparacion", {{"code", code}, {"phone", phone}});
  }
  static AppServer* server_;
};
AppServer* RepairLookup::server_ = nullptr;
}  // namespace

TEST_F(RepairLookup, FormPageHasTheSpecFieldsAndTexts) {
  Browser browser(server_->base_url());
  auto page = browser.get("/reparacion");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(page.contains("<title>Consultar reparación"));
  EXPECT_TRUE(page.contains("class=\"page-title\">Consultar reparación</h1>"));
  EXPECT_TRUE(page.contains("Ingresá el código y el teléfono que dejaste en el local."));
  EXPECT_TRUE(page.contains("Tip: el teléfono puede ir con espacios o guiones, lo normalizamos automáticamente."));
  EXPECT_TRUE(page.contains("method=\"POST\" action=\"/reparacion\""));
  EXPECT_TRUE(page.contains("<label class=\"label\" for=\"code\">Código</label>"));
  EXPECT_TRUE(page.contains("id=\"code\" name=\"code\""));
  EXPECT_TRUE(page.contains("placeholder=\"Ej: NR-8F2K1\""));
  EXPECT_TRUE(page.contains("<label class=\"label\" for=\"phone\">Teléfono</label>"));
  EXPECT_TRUE(page.contains("id=\"phone\" name=\"phone\""));
  EXPECT_TRUE(page.contains("placeholder=\"Ej: 341 555-0000\""));
  EXPECT_TRUE(page.contains("inputmode=\"tel\""));
  EXPECT_TRUE(page.contains("name=\"_token\""));
  EXPECT_TRUE(page.contains(">Buscar</button>"));
  EXPECT_TRUE(page.contains("Ir a la tienda"));
  EXPECT_FALSE(page.contains("Mis reparaciones"));  // guests only
}

TEST_F(RepairLookup, RightCodeAndPhoneTypedWithSpacesAndDashesShowsTheStatus) {
  Browser browser(server_->base_url());
  // Lower-case code with surrounding spaces, phone with spaces and dashes: both normalised.
  auto result = lookup(browser, "  r-20260101-00001 ", "341 555-0000");
  ASSERT_EQ(result.status, 200);
  std::string text = visible_text(result.body);
  EXPECT_TRUE(result.contains("<title>Resultado reparación"));
  EXPECT_NE(text.find("Resultado"), std::string::npos);
  EXPECT_NE(text.find("Estado actual de tu reparación."), std::string::npos);
  EXPECT_NE(text.find("Samsung Galaxy A52"), std::string::npos);
  EXPECT_NE(text.find("R-20260101-00001"), std::string::npos);
  EXPECT_NE(text.find("En reparación"), std::string::npos);
  EXPECT_NE(text.find("Estado: Reparación en curso."), std::string::npos);
  EXPECT_NE(text.find("Falla reportada"), std::string::npos);
  EXPECT_NE(text.find("No carga — se apaga solo"), std::string::npos);
  EXPECT_NE(text.find("Pin de carga sulfatado"), std::string::npos);
  // updated_at 2026-01-02 12:30 UTC shown in Córdoba time.
  EXPECT_NE(text.find("Actualizado: 02/01/2026 09:30"), std::string::npos);
  for (const char* step : {"Recibido", "Diagnóstico", "Aprobación", "Reparando", "Listo", "Entregado"})
    EXPECT_NE(text.find(step), std::string::npos) << step;
  EXPECT_TRUE(result.contains("href=\"/reparacion\""));  // "Nueva consulta"
  // Never the customer's name, phone, prices or internal notes.
  EXPECT_EQ(text.find("Cliente Secreto"), std::string::npos);
  EXPECT_EQ(result.body.find("3415550000"), std::string::npos);
  EXPECT_EQ(text.find("42.000"), std::string::npos);
  EXPECT_EQ(text.find("nota interna privada"), std::string::npos);
  EXPECT_EQ(result.body.find("@return"), std::string::npos);
}

TEST_F(RepairLookup, TheStepperMarksTheStatusAsCurrentAndTheStepsBeforeItAsDone) {
  // Each status's items are expanded once per process: two statuses in turn must each get their own.
  Browser browser(server_->base_url());
  auto repairing = lookup(browser, "R-20260101-00001", "3415550000");
  ASSERT_EQ(repairing.status, 200);
  EXPECT_TRUE(repairing.contains("<li class=\"step is-done\">Aprobación</li>"));
  EXPECT_TRUE(repairing.contains("<li class=\"step is-current\" aria-current=\"step\">Reparando</li>"));
  EXPECT_TRUE(repairing.contains("<li class=\"step\">Listo</li>"));
  auto ready = lookup(browser, "R-20260101-00003", "3415550002");
  ASSERT_EQ(ready.status, 200);
  EXPECT_TRUE(ready.contains("<li class=\"step is-done\">Reparando</li>"));
  EXPECT_TRUE(ready.contains("<li class=\"step is-current\" aria-current=\"step\">Listo</li>"));
  EXPECT_TRUE(ready.contains("<li class=\"step\">Entregado</li>"));
  EXPECT_EQ(ready.body.find("aria-current=\"step\">Reparando"), std::string::npos);
  auto received = lookup(browser, "R-20260101-00004", "3415550003");
  EXPECT_TRUE(received.contains("<li class=\"step is-current\" aria-current=\"step\">Recibido</li>"));
  EXPECT_FALSE(received.contains("is-done"));
  auto delivered = lookup(browser, "R-20260101-00005", "3415550004");
  EXPECT_TRUE(delivered.contains("<li class=\"step is-done\">Listo</li>"));
  EXPECT_TRUE(delivered.contains("<li class=\"step is-current\" aria-current=\"step\">Entregado</li>"));
}

TEST_F(RepairLookup, CancelledRepairHidesTheStepper) {
  Browser browser(server_->base_url());
  auto result = lookup(browser, "R-20260101-00002", "(341) 555 0001");
  ASSERT_EQ(result.status, 200);
  std::string text = visible_text(result.body);
  EXPECT_NE(text.find("Cancelado"), std::string::npos);
  EXPECT_EQ(text.find("Reparando"), std::string::npos);
  EXPECT_FALSE(result.contains("class=\"stepper"));
}

TEST_F(RepairLookup, WrongPhoneAndWrongCodeGetTheSameNotFoundAnswer) {
  Browser wrong_phone_browser(server_->base_url());
  auto wrong_phone = lookup(wrong_phone_browser, "R-20260101-00001", "341 555-9999");
  Browser wrong_code_browser(server_->base_url());
  auto wrong_code = lookup(wrong_code_browser, "R-20260101-99999", "341 555-0000");
  for (auto* response : {&wrong_phone, &wrong_code}) {
    ASSERT_EQ(response->status, 302);
    EXPECT_EQ(response->header("location"), "/reparacion");
  }
  auto phone_page = wrong_phone_browser.follow(wrong_phone);
  auto code_page = wrong_code_browser.follow(wrong_code);
  ASSERT_EQ(phone_page.status, 200);
  ASSERT_EQ(code_page.status, 200);
  EXPECT_NE(visible_text(phone_page.body).find(kNotFound), std::string::npos);
  EXPECT_NE(visible_text(code_page.body).find(kNotFound), std::string::npos);
  // Same shape: one alert, the code field marked, input re-filled; nothing tells which half was wrong.
  EXPECT_TRUE(phone_page.contains("class=\"alert-error"));
  EXPECT_TRUE(code_page.contains("class=\"alert-error"));
  EXPECT_TRUE(phone_page.contains("value=\"R-20260101-00001\""));
  EXPECT_TRUE(phone_page.contains("value=\"341 555-9999\""));
  EXPECT_TRUE(code_page.contains("value=\"R-20260101-99999\""));
  EXPECT_EQ(phone_page.body.find("Galaxy"), std::string::npos);
  // A different number with the country code in front is still a different number.
  Browser prefixed(server_->base_url());
  auto with_country = lookup(prefixed, "R-20260101-00001", "+54 341 555-0009");
  EXPECT_EQ(with_country.status, 302);
}

TEST_F(RepairLookup, InvalidInputGetsSpanishValidationMessages) {
  Browser browser(server_->base_url());
  auto letters = lookup(browser, "R-20260101-00001", "llamame al fijo");
  ASSERT_EQ(letters.status, 302);
  EXPECT_EQ(letters.header("location"), "/reparacion");
  auto page = browser.follow(letters);
  std::string text = visible_text(page.body);
  EXPECT_NE(text.find("Revisá el teléfono: no parece un número válido."), std::string::npos);
  EXPECT_EQ(text.find(kNotFound), std::string::npos);
  EXPECT_TRUE(page.contains("value=\"R-20260101-00001\""));

  auto empty = lookup(browser, "   ", "");
  ASSERT_EQ(empty.status, 302);
  std::string empty_text = visible_text(browser.follow(empty).body);
  EXPECT_NE(empty_text.find("Ingresá el código de la reparación."), std::string::npos);
  EXPECT_NE(empty_text.find("Ingresá el teléfono."), std::string::npos);

  auto long_code = lookup(browser, std::string(51, 'R'), "341 555-0000");
  ASSERT_EQ(long_code.status, 302);
  EXPECT_NE(visible_text(browser.follow(long_code).body).find("El código no puede superar 50 caracteres."),
            std::string::npos);
}

TEST_F(RepairLookup, StoredMarkupIsShownEscaped) {
  Browser browser(server_->base_url());
  auto result = lookup(browser, "R-20260101-00003", "3415550002");
  ASSERT_EQ(result.status, 200);
  EXPECT_FALSE(result.contains("<script>alert(1)</script>"));
  EXPECT_FALSE(result.contains("<img src=x"));
  EXPECT_FALSE(result.contains("<b>falla</b>"));
  EXPECT_TRUE(result.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_TRUE(result.contains("&lt;img src=x onerror=alert(2)&gt;"));
  EXPECT_TRUE(result.contains("&lt;b&gt;falla&lt;/b&gt; &amp; &quot;más&quot;"));
  EXPECT_NE(visible_text(result.body).find("Listo para retirar"), std::string::npos);
}

TEST(RepairLookupLimiter, FourthLookupInAMinuteGets429WithRetryAfter) {
  AppServer server(std::map<std::string, std::string>{{"RATE_LIMIT_REPAIR_LOOKUP_PER_MINUTE", "3"}});
  server.start();
  insert_repair(server, "R-20260101-00001", "3415550000", "received", "Apple", "iPhone 12", "Batería");
  Browser browser(server.base_url());
  // Found, not found and invalid all count: the limit guards guessing, whatever the answer.
  EXPECT_EQ(browser.submit("/reparacion", "/reparacion", {{"code", "R-20260101-00001"}, {"phone", "3415550000"}}).status,
            200);
  EXPECT_EQ(browser.submit("/reparacion", "/reparacion", {{"code", "R-20260101-00009"}, {"phone", "3415550000"}}).status,
            302);
  EXPECT_EQ(browser.submit("/reparacion", "/reparacion", {{"code", "R-20260101-00001"}, {"phone", "abc"}}).status,
            302);
  auto limited =
      browser.submit("/reparacion", "/reparacion", {{"code", "R-20260101-00001"}, {"phone", "3415550000"}});
  ASSERT_EQ(limited.status, 429);
  std::string retry_after = limited.header("retry-after");
  ASSERT_FALSE(retry_after.empty());
  int seconds = std::atoi(retry_after.c_str());
  EXPECT_GT(seconds, 0);
  EXPECT_LE(seconds, 60);
  EXPECT_TRUE(limited.contains("<title>Demasiadas solicitudes"));
  std::string text = visible_text(limited.body);
  EXPECT_NE(text.find("Error 429"), std::string::npos);
  EXPECT_NE(text.find("Estás haciendo muchas solicitudes en poco tiempo. Esperá unos segundos y volvé a intentar."),
            std::string::npos);
  EXPECT_EQ(text.find("iPhone 12"), std::string::npos);
  // The form itself (GET) is not throttled.
  EXPECT_EQ(browser.get("/reparacion").status, 200);
}
