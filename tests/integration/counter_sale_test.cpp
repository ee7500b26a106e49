// Counter sale (/admin/venta-rapida, /admin/ventas; issue 21) as the seller notices it over HTTP: a sale by barcode
// (Enter in the scan box adds the line), the contract post (product_id[], quantity[], payment_method,
// customer_name, _token → 302 /admin/ventas/{id}), two tills racing for the last unit (one sale, one clear refusal,
// nothing half-written), the void returning stock exactly once, double submits, validation, history totals, the
// ticket and the WhatsApp receipt. Runs on SQLite, MariaDB and PostgreSQL.
#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "core/money.hpp"
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

using Fields = std::vector<std::pair<std::string, std::string>>;

class CounterSale : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new AppServer(std::map<std::string, std::string>{{"RATE_LIMIT_ADMIN_REQUESTS_PER_MINUTE", "100000"}});
    server_->start();
    admin_ = new Browser(testing_support::signed_in_admin(*server_));
    token_ = csrf_token_in(admin_->get("/admin/venta-rapida").body);
    server_->database().lease()->once
        << "INSERT INTO categories (name, slug, active) VALUES ('Accesorios', 'accesorios-mostrador', 1)";
    category_ = scalar(*server_, "SELECT MAX(id) FROM categories");
  }
  static void TearDownTestSuite() {
    delete admin_;
    delete server_;
  }

  static long long product(const std::string& name, long long stock, long long price, long long cost = 0,
                           const std::string& barcode = "") {
    static int sequence = 0;
    std::string slug = "mostrador-" + std::to_string(++sequence);
    soci::indicator barcode_ind = barcode.empty() ? soci::i_null : soci::i_ok;
    server_->database().lease()->once
        << "INSERT INTO products (category_id, name, slug, price, stock, active, cost_price, barcode) "
           "VALUES (:c, :n, :s, :p, :st, 1, :cost, :b)",
        soci::use(category_), soci::use(name), soci::use(slug), soci::use(price), soci::use(stock), soci::use(cost),
        soci::use(barcode, barcode_ind);
    return scalar(*server_, "SELECT MAX(id) FROM products");
  }
  static long long count(const std::string& query) { return scalar(*server_, query); }
  static long long stock(long long id) { return count("SELECT stock FROM products WHERE id = " + std::to_string(id)); }
  static std::string id(long long value) { return std::to_string(value); }

  static HttpResponse sell(Browser& browser, const std::string& token, const std::vector<std::pair<long long, int>>& lines,
                           const std::string& payment = "efectivo", Fields extra = {}) {
    Fields fields{{"_token", token}, {"payment_method", payment}};
    for (const auto& [product_id, quantity] : lines) {
      fields.emplace_back("product_id[]", std::to_string(product_id));
      fields.emplace_back("quantity[]", std::to_string(quantity));
    }
    for (auto& field : extra) fields.push_back(std::move(field));
    return browser.post("/admin/venta-rapida", fields);
  }
  // The sale id of a successful sale's redirect (0 when it was not one).
  static long long sale_id(const HttpResponse& response) {
    const std::string prefix = "/admin/ventas/";
    std::string location = response.header("location");
    if (response.status != 302 || location.rfind(prefix, 0) != 0) return 0;
    return std::stoll(location.substr(prefix.size()));
  }

  static AppServer* server_;
  static Browser* admin_;
  static std::string token_;
  static long long category_;
};
AppServer* CounterSale::server_ = nullptr;
Browser* CounterSale::admin_ = nullptr;
std::string CounterSale::token_;
long long CounterSale::category_ = 0;

}  // namespace

TEST_F(CounterSale, ScanningABarcodeAddsTheLineAndConfirmingSellsIt) {
  long long cable = product("Cable USB-C 1 m", 5, 450000, 200000, "7791234567890");
  auto page = admin_->get("/admin/venta-rapida");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(visible_text(page.body).find("Venta rápida"), std::string::npos);

  // Enter in the scan box: the form posts with intent=add and the code; the line comes back in the form.
  auto added = admin_->post("/admin/venta-rapida",
                            {{"_token", token_}, {"intent", "add"}, {"code", "7791234567890"}, {"payment_method", "efectivo"}});
  ASSERT_EQ(added.status, 200);
  EXPECT_NE(added.body.find("name=\"product_id[]\" value=\"" + id(cable) + "\""), std::string::npos);
  EXPECT_NE(visible_text(added.body).find("Cable USB-C 1 m"), std::string::npos);
  EXPECT_EQ(stock(cable), 5);  // adding a line sells nothing
  auto unknown = admin_->post("/admin/venta-rapida", {{"_token", token_}, {"intent", "add"}, {"code", "0000"}});
  EXPECT_NE(visible_text(unknown.body).find("No encontramos ningún producto con el código \"0000\"."), std::string::npos);

  auto sold = sell(*admin_, token_, {{cable, 2}}, "efectivo");
  long long sale = sale_id(sold);
  ASSERT_GT(sale, 0) << sold.status << " " << visible_text(sold.body);
  EXPECT_EQ(stock(cable), 3);
  EXPECT_EQ(count("SELECT total FROM counter_sales WHERE id = " + id(sale)), 900000);
  EXPECT_EQ(count("SELECT cost_total FROM counter_sales WHERE id = " + id(sale)), 400000);
  EXPECT_EQ(count("SELECT COUNT(*) FROM stock_movements WHERE reason = 'counter_sale' AND reference_type = "
                  "'counter_sale' AND delta = -2 AND stock_after = 3 AND reference_id = " + id(sale)),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_logs WHERE event = 'counter_sale.created'"), 1);

  auto show = admin_->follow(sold);
  ASSERT_EQ(show.status, 200);
  std::string text = visible_text(show.body);
  EXPECT_NE(text.find("Venta #" + id(sale)), std::string::npos);
  EXPECT_NE(text.find("Consumidor final"), std::string::npos);
  EXPECT_NE(text.find("Efectivo"), std::string::npos);
  EXPECT_NE(text.find("$ 9.000"), std::string::npos);

  auto ticket = admin_->get("/admin/ventas/" + id(sale) + "/ticket");
  ASSERT_EQ(ticket.status, 200);
  EXPECT_NE(ticket.body.find("ticket-page"), std::string::npos);
  EXPECT_NE(visible_text(ticket.body).find("2 × Cable USB-C 1 m"), std::string::npos);
}

TEST_F(CounterSale, TwoTillsSellingTheLastUnitMakeExactlyOneSale) {
  Browser till_a = testing_support::signed_in_admin(*server_);
  Browser till_b = testing_support::signed_in_admin(*server_);
  std::string token_a = csrf_token_in(till_a.get("/admin/venta-rapida").body);
  std::string token_b = csrf_token_in(till_b.get("/admin/venta-rapida").body);
  for (int round = 0; round < 5; ++round) {
    long long last = product("Templado última unidad " + std::to_string(round), 1, 300000);
    long long sales_before = count("SELECT COUNT(*) FROM counter_sales");
    HttpResponse answers[2];
    std::thread a([&] { answers[0] = sell(till_a, token_a, {{last, 1}}, "debito"); });
    std::thread b([&] { answers[1] = sell(till_b, token_b, {{last, 1}}, "credito"); });
    a.join();
    b.join();
    int sold = 0, refused = 0;
    for (const auto& answer : answers) {
      if (sale_id(answer) > 0) ++sold;
      else if (answer.status == 409 &&
               visible_text(answer.body).find("No se registró la venta.") != std::string::npos)
        ++refused;
    }
    EXPECT_EQ(sold, 1) << "round " << round;
    EXPECT_EQ(refused, 1) << "round " << round;
    EXPECT_EQ(stock(last), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM counter_sales") - sales_before, 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM counter_sale_items WHERE product_id = " + id(last)), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM stock_movements WHERE product_id = " + id(last)), 1);
  }
}

TEST_F(CounterSale, VoidingReturnsTheStockOnceAndASecondVoidIsRefused) {
  long long funda = product("Funda silicona", 4, 250000);
  long long sale = sale_id(sell(*admin_, token_, {{funda, 3}}, "transferencia", {{"customer_name", "Lucía"}}));
  ASSERT_GT(sale, 0);
  EXPECT_EQ(stock(funda), 1);

  auto missing_reason = admin_->post("/admin/ventas/" + id(sale) + "/anular", {{"_token", token_}, {"reason", " "}});
  EXPECT_EQ(missing_reason.status, 302);
  EXPECT_EQ(stock(funda), 1);

  auto voided = admin_->post("/admin/ventas/" + id(sale) + "/anular", {{"_token", token_}, {"reason", "Devolvió la funda"}});
  ASSERT_EQ(voided.status, 302);
  EXPECT_EQ(stock(funda), 4);
  auto page = visible_text(admin_->follow(voided).body);
  EXPECT_NE(page.find("Venta anulada"), std::string::npos);
  EXPECT_NE(page.find("Devolvió la funda"), std::string::npos);

  auto again = admin_->post("/admin/ventas/" + id(sale) + "/anular", {{"_token", token_}, {"reason", "Otra vez"}});
  EXPECT_EQ(again.status, 409);
  EXPECT_NE(visible_text(again.body).find("Esta venta ya estaba anulada"), std::string::npos);
  EXPECT_EQ(stock(funda), 4);
  EXPECT_EQ(count("SELECT COUNT(*) FROM stock_movements WHERE reason = 'sale_void' AND reference_id = " + id(sale)), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_logs WHERE event = 'counter_sale.voided' AND subject_id = " + id(sale)), 1);
}

TEST_F(CounterSale, ParallelVoidsOfOneSaleReturnTheStockOnce) {
  long long cargador = product("Cargador 20 W", 6, 1200000);
  long long sale = sale_id(sell(*admin_, token_, {{cargador, 2}}));
  ASSERT_GT(sale, 0);
  std::vector<std::unique_ptr<Browser>> admins;
  std::vector<std::string> tokens;
  for (int i = 0; i < 4; ++i) {
    admins.push_back(std::make_unique<Browser>(testing_support::signed_in_admin(*server_)));
    tokens.push_back(csrf_token_in(admins.back()->get("/admin/ventas").body));
  }
  std::atomic<int> voided{0}, refused{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&, i] {
      auto answer = admins[i]->post("/admin/ventas/" + id(sale) + "/anular", {{"_token", tokens[i]}, {"reason", "Error de carga"}});
      if (answer.status == 302) ++voided;
      else if (answer.status == 409) ++refused;
    });
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(voided.load(), 1);
  EXPECT_EQ(refused.load(), 3);
  EXPECT_EQ(stock(cargador), 6);
}

TEST_F(CounterSale, ADoubleSubmitOfTheSameFormRecordsOneSale) {
  long long auricular = product("Auriculares con cable", 10, 800000);
  Fields token{{"sale_token", "token-de-una-sola-venta-123"}};
  auto first = sell(*admin_, token_, {{auricular, 1}}, "efectivo", token);
  auto second = sell(*admin_, token_, {{auricular, 1}}, "efectivo", token);
  ASSERT_GT(sale_id(first), 0);
  EXPECT_EQ(sale_id(second), sale_id(first));
  EXPECT_EQ(stock(auricular), 9);
  EXPECT_EQ(count("SELECT COUNT(*) FROM counter_sale_items WHERE product_id = " + id(auricular)), 1);
}

TEST_F(CounterSale, ASaleWithMistakesIsRefusedInSpanishAndWritesNothing) {
  long long pila = product("Pila AA", 3, 50000);
  long long sales_before = count("SELECT COUNT(*) FROM counter_sales");
  auto empty = sell(*admin_, token_, {});
  EXPECT_EQ(empty.status, 422);
  EXPECT_NE(visible_text(empty.body).find("Agregá al menos un producto a la venta."), std::string::npos);
  auto method = sell(*admin_, token_, {{pila, 1}}, "bitcoin");
  EXPECT_EQ(method.status, 422);
  EXPECT_NE(visible_text(method.body).find("El medio de pago elegido no es válido."), std::string::npos);
  auto discount = sell(*admin_, token_, {{pila, 1}}, "efectivo", {{"discount", "100"}});
  EXPECT_EQ(discount.status, 422);
  EXPECT_NE(visible_text(discount.body).find("Contá el motivo del descuento."), std::string::npos);
  auto too_many = sell(*admin_, token_, {{pila, 4}});
  EXPECT_EQ(too_many.status, 409);
  EXPECT_NE(visible_text(too_many.body).find("Stock insuficiente para \"Pila AA\". Disponible: 3."), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM counter_sales"), sales_before);
  EXPECT_EQ(stock(pila), 3);
}

TEST_F(CounterSale, DiscountBelowCostWarnsAndTheWhatsAppReceiptGoesToTheCustomer) {
  long long modulo = product("Módulo cámara", 2, 1000000, 900000);
  auto preview = admin_->post("/admin/venta-rapida",
                              {{"_token", token_}, {"intent", "update"}, {"product_id[]", id(modulo)}, {"quantity[]", "1"},
                               {"discount", "2000"}, {"discount_reason", "Cliente frecuente"}});
  ASSERT_EQ(preview.status, 200);
  EXPECT_NE(visible_text(preview.body).find("esta venta queda por debajo del costo"), std::string::npos);

  auto sold = sell(*admin_, token_, {{modulo, 1}}, "efectivo",
                   {{"discount", "2000"}, {"discount_reason", "Cliente frecuente"}, {"customer_name", "Marta"},
                    {"customer_phone", "341 155 557788"}});
  long long sale = sale_id(sold);
  ASSERT_GT(sale, 0) << visible_text(sold.body);
  EXPECT_EQ(count("SELECT total FROM counter_sales WHERE id = " + id(sale)), 800000);
  auto page = admin_->get("/admin/ventas/" + id(sale));
  EXPECT_NE(page.body.find("https://wa.me/5493415557788?text="), std::string::npos);
  EXPECT_NE(visible_text(page.body).find("se perdieron"), std::string::npos);
}

TEST_F(CounterSale, HistoryFiltersByPaymentAndTotalsLeaveVoidedSalesOut) {
  long long vidrio = product("Vidrio templado", 20, 100000);
  long long a = sale_id(sell(*admin_, token_, {{vidrio, 1}}, "credito"));
  long long b = sale_id(sell(*admin_, token_, {{vidrio, 2}}, "credito"));
  ASSERT_GT(a, 0);
  ASSERT_GT(b, 0);
  admin_->post("/admin/ventas/" + id(b) + "/anular", {{"_token", token_}, {"reason", "Prueba"}});
  long long credit_total = count("SELECT COALESCE(SUM(total), 0) FROM counter_sales WHERE status = 'completed' AND "
                                 "payment_method = 'credito'");
  auto page = admin_->get("/admin/ventas?payment_method=credito");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("data-sale-row=\"" + id(a) + "\""), std::string::npos);
  EXPECT_NE(page.body.find("data-sale-row=\"" + id(b) + "\""), std::string::npos);
  // The crédito line of the totals: completed sales only (the voided two-unit sale does not count).
  auto line = page.body.find("data-method-total=\"credito\"");
  ASSERT_NE(line, std::string::npos);
  EXPECT_NE(page.body.substr(line, 200).find(core::format_ars(credit_total)), std::string::npos);
  auto dashboard = admin_->get("/admin/ventas?status=voided");
  EXPECT_NE(dashboard.body.find("data-sale-row=\"" + id(b) + "\""), std::string::npos);
  EXPECT_EQ(dashboard.body.find("data-sale-row=\"" + id(a) + "\""), std::string::npos);
}

TEST_F(CounterSale, TheDashboardShowsCounterSalesBesideOnlineOrdersAndAVoidTakesItsSaleOut) {
  long long funda = product("Funda silicona", 10, 300000);
  long long sale = sale_id(sell(*admin_, token_, {{funda, 1}}, "transferencia"));
  ASSERT_GT(sale, 0);
  auto figure = [&] {
    return count("SELECT COALESCE(SUM(total), 0) FROM counter_sales WHERE status = 'completed'");
  };
  auto kpi = [&](const std::string& body) {
    auto at = body.find("data-kpi=\"counter_sales_in_range\">");
    return at == std::string::npos ? std::string() : body.substr(at, 80);
  };
  auto before = admin_->get("/admin");
  ASSERT_EQ(before.status, 200);
  EXPECT_NE(kpi(before.body).find(core::format_ars(figure())), std::string::npos) << kpi(before.body);
  EXPECT_NE(visible_text(before.body).find("Mostrador:"), std::string::npos);

  admin_->post("/admin/ventas/" + id(sale) + "/anular", {{"_token", token_}, {"reason", "Cliente se arrepintió"}});
  auto after = admin_->get("/admin");
  EXPECT_NE(kpi(after.body).find(core::format_ars(figure())), std::string::npos) << kpi(after.body);
}
