// The stock ledger (issue 21) over HTTP: every way stock changes — checkout, order cancel, counter sale and its
// void, repair parts used and returned, the admin's product form, quick stock and bulk actions — leaves a stock_movements row with the resulting
// stock, and after a mixed concurrent burst each product's movements add up to its stock. Also the product fields
// that came with it (SKU/barcode uniqueness in Spanish, store visibility) and the /admin/stock page.
// Runs on SQLite, MariaDB and PostgreSQL.
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "support/accounts.hpp"
#include "support/app_server.hpp"
#include "support/browser.hpp"
#include "support/store_steps.hpp"
#include "support/test_files.hpp"

using testing_support::AppServer;
using testing_support::Browser;
using testing_support::csrf_token_in;
using testing_support::HttpResponse;
using testing_support::scalar;
using testing_support::visible_text;

namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;
const std::map<std::string, std::string> kJson = {{"Accept", "application/json"}};

class StockLedger : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new AppServer(std::map<std::string, std::string>{
        {"RATE_LIMIT_ADMIN_REQUESTS_PER_MINUTE", "100000"},
        {"RATE_LIMIT_AUTH_REGISTER_PER_MINUTE", "100000"},
        {"RATE_LIMIT_AUTH_LOGIN_PER_MINUTE", "100000"},
        {"RATE_LIMIT_CART_WRITE_PER_IP_PER_MINUTE", "1000000"},
        {"RATE_LIMIT_CHECKOUT_CONFIRM_PER_IP_PER_MINUTE", "1000000"}});
    server_->start();
    admin_ = new Browser(testing_support::signed_in_admin(*server_));
    token_ = csrf_token_in(admin_->get("/admin/productos").body);
    server_->database().lease()->once
        << "INSERT INTO categories (name, slug, active) VALUES ('Repuestos', 'repuestos-ledger', 1)";
    category_ = scalar(*server_, "SELECT MAX(id) FROM categories");
  }
  static void TearDownTestSuite() {
    delete admin_;
    delete server_;
  }

  static long long product(const std::string& name, long long stock, long long price = 100000) {
    static int sequence = 0;
    std::string slug = "ledger-" + std::to_string(++sequence);
    server_->database().lease()->once
        << "INSERT INTO products (category_id, name, slug, price, stock, active) VALUES (:c, :n, :s, :p, :st, 1)",
        soci::use(category_), soci::use(name), soci::use(slug), soci::use(price), soci::use(stock);
    return scalar(*server_, "SELECT MAX(id) FROM products");
  }
  static long long count(const std::string& query) { return scalar(*server_, query); }
  static long long stock(long long id) { return count("SELECT stock FROM products WHERE id = " + std::to_string(id)); }
  static std::string id(long long value) { return std::to_string(value); }
  static HttpResponse post(const std::string& path, Fields fields, const std::map<std::string, std::string>& headers = {}) {
    fields.insert(fields.begin(), {"_token", token_});
    return admin_->post(path, fields, headers);
  }
  static Browser customer() {
    static std::atomic<int> counter{0};
    return testing_support::registered_customer(*server_, "ledger" + std::to_string(++counter) + "@example.com");
  }
  // A customer's cart with `lines`, ready to confirm: the browser and its (csrf, checkout token).
  struct Buyer {
    std::unique_ptr<Browser> browser;
    std::string csrf, checkout_token;
  };
  static Buyer ready_buyer(const std::vector<std::pair<long long, int>>& lines) {
    Buyer buyer{std::make_unique<Browser>(customer()), "", ""};
    buyer.csrf = testing_support::token_for(*buyer.browser);
    for (const auto& [product_id, quantity] : lines)
      testing_support::add_to_cart(*buyer.browser, buyer.csrf, product_id, std::to_string(quantity));
    buyer.checkout_token = testing_support::checkout_token_in(buyer.browser->get("/checkout").body);
    return buyer;
  }
  static HttpResponse confirm(Buyer& buyer) {
    return buyer.browser->post("/checkout/confirmar", {{"_token", buyer.csrf}, {"payment_method", "local"},
                                                       {"checkout_token", buyer.checkout_token}});
  }

  static AppServer* server_;
  static Browser* admin_;
  static std::string token_;
  static long long category_;
};
AppServer* StockLedger::server_ = nullptr;
Browser* StockLedger::admin_ = nullptr;
std::string StockLedger::token_;
long long StockLedger::category_ = 0;

}  // namespace

TEST_F(StockLedger, ProductFormStockIsLedgeredAndCodesAreUnique) {
  auto created = post("/admin/productos", {{"name", "Batería Moto G8"}, {"category_id", id(category_)}, {"price", "25000"},
                                           {"stock", "7"}, {"sku", "BAT-G8"}, {"barcode", "7790000000017"},
                                           {"cost_price", "15000"}, {"inventory_flags", "1"}, {"usable_in_repairs", "1"}});
  ASSERT_EQ(created.status, 302);
  long long battery = count("SELECT id FROM products WHERE sku = 'BAT-G8'");
  ASSERT_GT(battery, 0);
  EXPECT_EQ(count("SELECT cost_price FROM products WHERE id = " + id(battery)), 1500000);
  EXPECT_EQ(count("SELECT sellable_in_store FROM products WHERE id = " + id(battery)), 0);  // box not ticked
  EXPECT_EQ(count("SELECT usable_in_repairs FROM products WHERE id = " + id(battery)), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM stock_movements WHERE reason = 'product_created' AND delta = 7 AND "
                  "stock_after = 7 AND product_id = " + id(battery)),
            1);

  // An edit that changes the stock is an adjustment with the typed reason.
  auto edited = post("/admin/productos/" + id(battery),
                     {{"_method", "PUT"}, {"name", "Batería Moto G8"}, {"category_id", id(category_)}, {"price", "25000"},
                      {"stock", "4"}, {"sku", "BAT-G8"}, {"barcode", "7790000000017"}, {"stock_note", "Conteo físico"}});
  ASSERT_EQ(edited.status, 302);
  EXPECT_EQ(stock(battery), 4);
  EXPECT_EQ(count("SELECT COUNT(*) FROM stock_movements WHERE reason = 'adjustment' AND delta = -3 AND stock_after = 4 "
                  "AND note = 'Conteo físico' AND product_id = " + id(battery)),
            1);
  EXPECT_EQ(count("SELECT usable_in_repairs FROM products WHERE id = " + id(battery)), 1);  // no boxes posted: kept

  // The same SKU or barcode on another product: a Spanish message on the form, nothing written.
  admin_->referer = server_->base_url() + "/admin/productos/crear";
  auto duplicate = post("/admin/productos", {{"name", "Otra batería"}, {"category_id", id(category_)}, {"price", "1"},
                                             {"stock", "1"}, {"sku", "BAT-G8"}, {"barcode", "7790000000017"}});
  admin_->referer.clear();
  ASSERT_EQ(duplicate.status, 302);
  std::string form = visible_text(admin_->follow(duplicate).body);
  EXPECT_NE(form.find("Ya existe otro producto con ese SKU: \"Batería Moto G8\"."), std::string::npos);
  EXPECT_NE(form.find("Ya existe otro producto con ese código de barras: \"Batería Moto G8\"."), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM products WHERE name = 'Otra batería'"), 0);

  // Products without codes store NULL, so any number of them can exist.
  for (const char* name : {"Sin código A", "Sin código B"})
    ASSERT_EQ(post("/admin/productos", {{"name", name}, {"category_id", id(category_)}, {"price", "1"}, {"stock", "0"},
                                        {"sku", " "}, {"barcode", ""}})
                  .status,
              302);
  EXPECT_EQ(count("SELECT COUNT(*) FROM products WHERE name LIKE 'Sin c%' AND sku IS NULL AND barcode IS NULL"), 2);
}

TEST_F(StockLedger, AProductKeptOffTheStoreIsNotShownNorSoldOnline) {
  long long hidden = product("Flex de carga interno", 5);
  server_->database().lease()->once << "UPDATE products SET sellable_in_store = 0 WHERE id = " + id(hidden);
  Browser guest(server_->base_url());
  EXPECT_EQ(visible_text(guest.get("/tienda").body).find("Flex de carga interno"), std::string::npos);
  auto buyer = ready_buyer({{hidden, 1}});
  auto answer = confirm(buyer);
  EXPECT_NE(answer.header("location").rfind("/pedido/", 0), 0u);
  EXPECT_EQ(stock(hidden), 5);
  // The back office still lists it, marked.
  auto list = admin_->get("/admin/productos?channel=counter_only");
  EXPECT_NE(visible_text(list.body).find("Flex de carga interno"), std::string::npos);
  EXPECT_NE(visible_text(list.body).find("Solo mostrador"), std::string::npos);
}

TEST_F(StockLedger, QuickStockAndBulkActionsWriteAdjustments) {
  long long a = product("Pin de carga A", 10), b = product("Pin de carga B", 2);
  ASSERT_EQ(post("/admin/productos/" + id(a) + "/stock", {{"stock", "12"}}, kJson).status, 200);
  EXPECT_EQ(count("SELECT COUNT(*) FROM stock_movements WHERE reason = 'adjustment' AND delta = 2 AND stock_after = 12 "
                  "AND product_id = " + id(a)),
            1);
  auto refused = post("/admin/productos/bulk", {{"action", "stock_adjust"}, {"ids[]", id(a)}, {"ids[]", id(b)}, {"stock", "-3"}},
                      kJson);
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(count("SELECT COUNT(*) FROM stock_movements WHERE product_id = " + id(b)), 0);
  ASSERT_EQ(post("/admin/productos/bulk", {{"action", "stock_adjust"}, {"ids[]", id(a)}, {"ids[]", id(b)}, {"stock", "-2"}},
                 kJson)
                .status,
            200);
  ASSERT_EQ(post("/admin/productos/bulk", {{"action", "stock_zero"}, {"ids[]", id(a)}}, kJson).status, 200);
  EXPECT_EQ(stock(a), 0);
  EXPECT_EQ(stock(b), 0);
  EXPECT_EQ(count("SELECT SUM(delta) FROM stock_movements WHERE product_id = " + id(a)), 0 - 10);
  EXPECT_EQ(count("SELECT COUNT(*) FROM stock_movements WHERE product_id = " + id(a) + " AND user_id IS NOT NULL"), 3);

  auto page = admin_->get("/admin/stock?reason=adjustment&product=Pin+de+carga");
  ASSERT_EQ(page.status, 200);
  std::string text = visible_text(page.body);
  EXPECT_NE(text.find("Pin de carga A"), std::string::npos);
  EXPECT_NE(text.find("Ajuste manual"), std::string::npos);
  EXPECT_NE(text.find("Ajuste masivo"), std::string::npos);
  auto none = admin_->get("/admin/stock?reason=counter_sale&product=Pin+de+carga");
  EXPECT_NE(visible_text(none.body).find("No hay movimientos con estos filtros."), std::string::npos);
}

TEST_F(StockLedger, CheckoutAndCancelWriteMovementsThatReferToTheOrder) {
  long long display = product("Display iPhone 11", 3);
  auto buyer = ready_buyer({{display, 2}});
  auto placed = confirm(buyer);
  ASSERT_EQ(placed.header("location").rfind("/pedido/", 0), 0u) << placed.header("location");
  long long order = std::stoll(placed.header("location").substr(8));
  EXPECT_EQ(count("SELECT COUNT(*) FROM stock_movements WHERE reason = 'checkout' AND reference_type = 'order' AND "
                  "delta = -2 AND stock_after = 1 AND reference_id = " + id(order)),
            1);
  auto cancelled = post("/admin/pedidos/" + id(order) + "/estado", {{"status", "cancelado"}}, kJson);
  ASSERT_EQ(cancelled.status, 200);
  EXPECT_EQ(stock(display), 3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM stock_movements WHERE reason = 'order_cancel' AND delta = 2 AND stock_after = 3 "
                  "AND reference_id = " + id(order)),
            1);
  auto page = visible_text(admin_->get("/admin/stock?product_id=" + id(display)).body);
  EXPECT_NE(page.find("Pedido #" + id(order)), std::string::npos);
  EXPECT_NE(page.find("Pedido cancelado (devolución)"), std::string::npos);
}

TEST_F(StockLedger, AfterAMixedConcurrentBurstEachProductsMovementsAddUpToItsStock) {
  std::vector<long long> products;
  for (int i = 0; i < 4; ++i) products.push_back(product("Ráfaga " + std::to_string(i), 40));
  for (long long p : products)  // also taken as repair parts during the burst
    server_->database().lease()->once << "UPDATE products SET usable_in_repairs = 1, cost_price = 1000 WHERE id = " + id(p);
  std::vector<long long> repairs;
  for (int i = 0; i < 2; ++i) {
    std::string code = "R-BURST-" + std::to_string(i);
    server_->database().lease()->once
        << "INSERT INTO repairs (code, customer_name, customer_phone, issue_reported, status, received_at, created_at, "
           "updated_at) VALUES (:code, 'Ráfaga', '+5493415550001', 'Pantalla', 'repairing', '2026-01-01 12:00:00', "
           "'2026-01-01 12:00:00', '2026-01-01 12:00:00')",
        soci::use(code);
    repairs.push_back(count("SELECT MAX(id) FROM repairs"));
  }

  // Before the burst: orders to cancel during it, and ready carts to confirm during it.
  std::vector<long long> orders;
  for (int i = 0; i < 4; ++i) {
    auto buyer = ready_buyer({{products[i % 4], 1}, {products[(i + 1) % 4], 1}});
    auto placed = confirm(buyer);
    ASSERT_EQ(placed.header("location").rfind("/pedido/", 0), 0u);
    orders.push_back(std::stoll(placed.header("location").substr(8)));
  }
  std::vector<Buyer> buyers;
  for (int i = 0; i < 8; ++i) buyers.push_back(ready_buyer({{products[i % 4], 2}, {products[(i + 2) % 4], 1}}));
  std::vector<std::unique_ptr<Browser>> tills;
  std::vector<std::string> till_tokens;
  for (int i = 0; i < 3; ++i) {
    tills.push_back(std::make_unique<Browser>(testing_support::signed_in_admin(*server_)));
    till_tokens.push_back(csrf_token_in(tills.back()->get("/admin/venta-rapida").body));
  }

  std::map<long long, long long> initial;
  for (long long p : products) initial[p] = stock(p);
  long long last_movement = count("SELECT COALESCE(MAX(id), 0) FROM stock_movements");

  std::atomic<int> placed{0}, sold{0}, cancelled{0}, voided{0}, parts{0}, parts_removed{0}, failed{0};
  std::vector<std::thread> threads;
  for (auto& buyer : buyers)
    threads.emplace_back([&] {
      auto answer = confirm(buyer);
      if (answer.header("location").rfind("/pedido/", 0) == 0) ++placed;
      else if (answer.status != 302) ++failed;
    });
  for (int t = 0; t < 3; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 5; ++i) {
        Fields fields{{"_token", till_tokens[t]}, {"payment_method", "efectivo"},
                      {"product_id[]", id(products[(t + i) % 4])}, {"quantity[]", "2"},
                      {"product_id[]", id(products[(t + i + 1) % 4])}, {"quantity[]", "1"}};
        auto answer = tills[t]->post("/admin/venta-rapida", fields);
        std::string location = answer.header("location");
        if (answer.status == 302 && location.rfind("/admin/ventas/", 0) == 0) {
          ++sold;
          if (i == 2) {  // one sale per till is voided right away
            auto undo = tills[t]->post(location + "/anular", {{"_token", till_tokens[t]}, {"reason", "Ráfaga"}});
            if (undo.status == 302) ++voided;
          }
        } else if (answer.status != 409) {
          ++failed;
        }
      }
    });
  for (int r = 0; r < 2; ++r)
    threads.emplace_back([&, r] {  // a technician applies four parts to a repair and takes the last one back
      Browser tech = testing_support::signed_in_admin(*server_);
      std::string csrf = csrf_token_in(tech.get("/admin/reparaciones").body);
      std::string base = "/admin/reparaciones/" + id(repairs[r]) + "/repuestos";
      for (int i = 0; i < 4; ++i) {
        auto answer = tech.post(base, {{"_token", csrf}, {"product_id", id(products[(r + i) % 4])}, {"quantity", "1"}});
        if (answer.status == 303) ++parts;
        else ++failed;
      }
      long long last_part = count("SELECT MAX(id) FROM repair_parts WHERE repair_id = " + id(repairs[r]));
      if (tech.post(base + "/" + id(last_part) + "/quitar", {{"_token", csrf}}).status == 303) ++parts_removed;
      else ++failed;
    });
  for (long long order : orders)
    threads.emplace_back([&, order] {
      Browser canceller = testing_support::signed_in_admin(*server_);
      std::string csrf = csrf_token_in(canceller.get("/admin/pedidos").body);
      auto answer = canceller.post("/admin/pedidos/" + id(order) + "/estado", {{"_token", csrf}, {"status", "cancelado"}},
                                   kJson);
      if (answer.status == 200) ++cancelled;
      else ++failed;
    });
  for (auto& thread : threads) thread.join();

  std::cout << "[ledger burst] checkouts=" << placed << " counter sales=" << sold << " voids=" << voided
            << " cancels=" << cancelled << " repair parts=" << parts << " removed=" << parts_removed << " failed=" << failed << std::endl;
  EXPECT_EQ(failed.load(), 0);
  EXPECT_EQ(cancelled.load(), 4);
  EXPECT_GT(placed.load(), 0);
  EXPECT_EQ(sold.load(), 15);  // enough stock for every sale: the burst mixes writers, it does not run out
  EXPECT_EQ(voided.load(), 3);
  EXPECT_EQ(parts.load(), 8);
  EXPECT_EQ(parts_removed.load(), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM repair_parts WHERE repair_id IN (" + id(repairs[0]) + ", " + id(repairs[1]) + ")"),
            6);
  for (long long p : products) {
    long long moved = count("SELECT COALESCE(SUM(delta), 0) FROM stock_movements WHERE product_id = " + id(p) +
                            " AND id > " + id(last_movement));
    EXPECT_EQ(initial[p] + moved, stock(p)) << "product " << p;
    EXPECT_GE(stock(p), 0);
    // Each movement's stock_after is the running balance.
    EXPECT_EQ(count("SELECT stock_after FROM stock_movements WHERE id = (SELECT MAX(id) FROM stock_movements WHERE "
                    "product_id = " + id(p) + ")"),
              stock(p));
  }
  for (const char* reason : {"checkout", "order_cancel", "counter_sale", "sale_void", "repair_part_used",
                             "repair_part_returned"})
    EXPECT_GT(count(std::string("SELECT COUNT(*) FROM stock_movements WHERE reason = '") + reason + "' AND id > " +
                    id(last_movement)),
              0)
        << reason;
}
