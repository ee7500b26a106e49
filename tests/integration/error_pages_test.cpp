// The one error path (src/web/kernel.cpp step 7): typed domain errors become their own status and Spanish page,
// or {"ok":false,"message":…} for the app's fetch() calls. 409 and 422 have pages of their own (not "Error 500").
#include <gtest/gtest.h>

#include <string>

#include "support/accounts.hpp"
#include "support/app_server.hpp"
#include "support/browser.hpp"
#include "support/test_files.hpp"

using testing_support::AppServer;
using testing_support::Browser;
using testing_support::csrf_token_in;
using testing_support::HttpResponse;
using testing_support::scalar;
using testing_support::visible_text;

namespace {

class ErrorPages : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new AppServer(std::map<std::string, std::string>{{"RATE_LIMIT_ADMIN_REQUESTS_PER_MINUTE", "100000"}});
    server_->start();
    admin_ = new Browser(testing_support::signed_in_admin(*server_));
  }
  static void TearDownTestSuite() {
    delete admin_;
    delete server_;
  }

  // An order in `status`, as checkout would leave it (no items needed for a status change).
  static long long insert_order(const std::string& status) {
    long long user_id = scalar(*server_, "SELECT MIN(id) FROM users");
    server_->database().lease()->once
        << "INSERT INTO orders (user_id, status, payment_method, total, pickup_name, pickup_phone, created_at, "
           "updated_at) VALUES (:u, :s, 'local', 100000, 'Ana Pérez', '3415550000', '2026-01-01 12:00:00', "
           "'2026-01-01 12:00:00')",
        soci::use(user_id), soci::use(status);
    return scalar(*server_, "SELECT MAX(id) FROM orders");
  }

  static std::string token() { return csrf_token_in(admin_->get("/admin/pedidos").body); }

  static inline AppServer* server_ = nullptr;
  static inline Browser* admin_ = nullptr;
};

TEST_F(ErrorPages, AnOrderFormPostedAfterSomeoneElseChangedTheOrderGetsThe409Page) {
  long long id = insert_order("confirmado");  // the admin's form was rendered while it was still "pendiente"
  auto answer = admin_->post("/admin/pedidos/" + std::to_string(id) + "/estado",
                             {{"_token", token()}, {"status", "cancelado"}, {"current_status", "pendiente"}});
  EXPECT_EQ(answer.status, 409);
  std::string text = visible_text(answer.body);
  EXPECT_NE(text.find("Estos datos cambiaron"), std::string::npos) << text;
  EXPECT_NE(text.find("Recargá la página"), std::string::npos) << text;
  EXPECT_EQ(text.find("Error 500"), std::string::npos) << text;
  EXPECT_EQ(scalar(*server_, "SELECT COUNT(*) FROM orders WHERE status = 'confirmado' AND id = " + std::to_string(id)),
            1);
}

TEST_F(ErrorPages, TheSameStaleChangeFromTheScriptIsA409WithTheCurrentStatus) {
  long long id = insert_order("confirmado");
  auto answer = admin_->post("/admin/pedidos/" + std::to_string(id) + "/estado",
                             {{"_token", token()}, {"status", "cancelado"}, {"current_status", "pendiente"}},
                             {{"Accept", "application/json"}, {"X-Requested-With", "XMLHttpRequest"}});
  EXPECT_EQ(answer.status, 409);
  EXPECT_NE(answer.body.find("\"status\":\"confirmado\""), std::string::npos) << answer.body;
}

TEST_F(ErrorPages, ARefusedBulkActionPostedWithoutTheScriptGetsThe422PageWithTheReason) {
  auto answer = admin_->post("/admin/productos/bulk",
                             {{"_token", token()}, {"action", "set_stock"}, {"ids[]", "999999"}, {"stock", ""}});
  EXPECT_EQ(answer.status, 422);
  std::string text = visible_text(answer.body);
  EXPECT_NE(text.find("No pudimos aceptar los datos"), std::string::npos) << text;
  EXPECT_NE(text.find("Error 422"), std::string::npos) << text;
  EXPECT_NE(text.find("Volver y corregir"), std::string::npos) << text;
  EXPECT_EQ(text.find("Error 500"), std::string::npos) << text;
}

TEST_F(ErrorPages, ANotFoundForAFetchCallIsJsonWithTheSpanishMessage) {
  auto answer = admin_->post("/admin/pedidos/999999/estado", {{"_token", token()}, {"status", "cancelado"}},
                             {{"X-Requested-With", "XMLHttpRequest"}});
  EXPECT_EQ(answer.status, 404);
  EXPECT_EQ(answer.body, "{\"ok\":false,\"message\":\"Pedido no encontrado.\"}");
  auto page = admin_->post("/admin/pedidos/999999/estado", {{"_token", token()}, {"status", "cancelado"}});
  EXPECT_EQ(page.status, 404);
  EXPECT_NE(visible_text(page.body).find("No encontramos esa página"), std::string::npos);
}

TEST_F(ErrorPages, AMalformedExportDateIsA400ThatSaysWhichDate) {
  auto answer = admin_->get("/admin/exportar/pedidos?desde=31-12-2026");
  EXPECT_EQ(answer.status, 400);
  EXPECT_NE(visible_text(answer.body).find("La fecha \"desde\" no es válida."), std::string::npos)
      << visible_text(answer.body);
}

TEST_F(ErrorPages, ADomainErrorIsAnAnswerNotAnIncident) {
  EXPECT_EQ(admin_->get("/admin/pedidos/999998").status, 404);
  // Errors are flushed to the log at once; an info line may still be buffered, so only its absence is checked.
  EXPECT_EQ(server_->log_contents().find("Unhandled exception"), std::string::npos);
}

}  // namespace
