// Orders after checkout, as admins and customers use them over HTTP: the status machine of docs/domain/orders.md (every
// pair, JSON and plain forms), stock returned exactly once on cancel (also with racing cancels), the customer's own
// pages (another user's order is the 404 of a missing id), the admin list filters and counters, WhatsApp logs,
// print sheet and ticket.
// Orders are inserted with SQL (checkout is the store's area). Runs on SQLite and MariaDB.
#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "core/clock.hpp"
#include "domain/orders/status.hpp"
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

const std::map<std::string, std::string> kJson = {{"Accept", "application/json"}};

class OrdersTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // SETTINGS_CACHE_SECONDS=0: tests write business settings straight into the table, behind the snapshot.
    server_ = new AppServer(std::map<std::string, std::string>{{"RATE_LIMIT_ADMIN_REQUESTS_PER_MINUTE", "100000"},
                                                               {"SETTINGS_CACHE_SECONDS", "0"}});
    server_->start();
    admin_ = new Browser(testing_support::signed_in_admin(*server_));
    ana_ = new Browser(testing_support::registered_customer(*server_, "ana.pedidos@example.com"));
    beto_ = new Browser(testing_support::registered_customer(*server_, "beto.pedidos@example.com"));
    ana_id_ = testing_support::user_id_of(*server_, "ana.pedidos@example.com");
    beto_id_ = testing_support::user_id_of(*server_, "beto.pedidos@example.com");
    server_->database().lease()->once << "INSERT INTO categories (name, slug, active) VALUES ('Cables', 'cables-pedidos', 1)";
    category_id_ = scalar(*server_, "SELECT MAX(id) FROM categories");
  }
  static void TearDownTestSuite() {
    delete ana_;
    delete beto_;
    delete admin_;
    delete server_;
  }

  static long long insert_product(const std::string& name, long long stock, long long price) {
    static int sequence = 0;
    std::string slug = "producto-" + std::to_string(++sequence);
    server_->database().lease()->once
        << "INSERT INTO products (category_id, name, slug, price, stock, active) VALUES (:c, :n, :s, :p, :st, 1)",
        soci::use(category_id_), soci::use(name), soci::use(slug), soci::use(price), soci::use(stock);
    return scalar(*server_, "SELECT MAX(id) FROM products");
  }

  struct Line {
    long long product_id;
    std::string name;
    long long price;
    long long quantity;
  };

  // An order as checkout leaves it (stock already taken), then moved to `status` by SQL.
  static long long insert_order(long long user_id, const std::string& status, const std::vector<Line>& lines,
                                const std::string& pickup_name = "Ana Pérez", const std::string& pickup_phone = "3415550000",
                                const std::string& created_at = core::utc_now_sql(), const std::string& notes = "") {
    long long total = 0;
    for (const auto& line : lines) total += line.price * line.quantity;
    auto sql = server_->database().lease();
    soci::indicator notes_ind = notes.empty() ? soci::i_null : soci::i_ok;
    *sql << "INSERT INTO orders (user_id, status, payment_method, total, pickup_name, pickup_phone, notes, "
            "stock_deducted_at, created_at, updated_at) VALUES (:u, :s, 'local', :t, :n, :p, :notes, :c, :c2, :c3)",
        soci::use(user_id), soci::use(status), soci::use(total), soci::use(pickup_name), soci::use(pickup_phone),
        soci::use(notes, notes_ind), soci::use(created_at), soci::use(created_at), soci::use(created_at);
    long long order_id = 0;
    *sql << "SELECT MAX(id) FROM orders", soci::into(order_id);
    for (const auto& line : lines) {
      long long subtotal = line.price * line.quantity;
      *sql << "INSERT INTO order_items (order_id, product_id, product_name, price, quantity, subtotal) "
              "VALUES (:o, :p, :n, :pr, :q, :s)",
          soci::use(order_id), soci::use(line.product_id), soci::use(line.name), soci::use(line.price),
          soci::use(line.quantity), soci::use(subtotal);
    }
    *sql << "INSERT INTO order_status_histories (order_id, from_status, to_status, changed_by, comment) "
            "VALUES (:o, NULL, 'pendiente', :u, 'Pedido creado')",
        soci::use(order_id), soci::use(user_id);
    return order_id;
  }

  static long long simple_order(const std::string& status, const std::string& pickup_name = "Ana Pérez",
                                const std::string& pickup_phone = "3415550000") {
    static long long product = 0;
    if (!product) product = insert_product("Cable USB-C", 100, 300000);
    return insert_order(ana_id_, status, {{product, "Cable USB-C", 300000, 1}}, pickup_name, pickup_phone);
  }

  static HttpResponse set_status(Browser& browser, long long order_id, const std::string& status,
                                 const std::string& comment = "", bool json = true) {
    auto page = browser.get("/admin/pedidos/" + std::to_string(order_id));
    return browser.post("/admin/pedidos/" + std::to_string(order_id) + "/estado",
                        {{"_token", csrf_token_in(page.body)}, {"status", status}, {"comment", comment}},
                        json ? kJson : std::map<std::string, std::string>{});
  }

  static std::string status_of(long long order_id) {
    std::string status;
    server_->database().lease()->once << "SELECT status FROM orders WHERE id = :id", soci::use(order_id),
        soci::into(status);
    return status;
  }

  static long long count(const std::string& query) { return scalar(*server_, query); }

  static inline AppServer* server_ = nullptr;
  static inline Browser* admin_ = nullptr;
  static inline Browser* ana_ = nullptr;
  static inline Browser* beto_ = nullptr;
  static inline long long ana_id_ = 0, beto_id_ = 0, category_id_ = 0;
};

// ── Status machine ─────────────────────────────────────────────────────────────────────────────────────────

TEST_F(OrdersTest, EveryPairOfStatusesIsAllowedOrRefusedExactlyAsTheSpecSays) {
  using orders::OrderStatus;
  for (auto from : orders::kAllOrderStatuses) {
    for (auto to : orders::kAllOrderStatuses) {
      std::string from_key(orders::status_key(from)), to_key(orders::status_key(to));
      SCOPED_TRACE(from_key + " -> " + to_key);
      long long id = simple_order(from_key);
      std::string order = std::to_string(id);
      auto response = set_status(*admin_, id, to_key, "QA " + from_key + " a " + to_key);
      long long histories = count("SELECT COUNT(*) FROM order_status_histories WHERE order_id = " + order);
      long long audits = count("SELECT COUNT(*) FROM audit_logs WHERE event = 'admin.order.status_changed' AND subject_id = " + order);
      if (from == to) {
        EXPECT_EQ(response.status, 200);
        EXPECT_TRUE(response.contains("\"ok\":true,\"changed\":false")) << response.body;
        EXPECT_TRUE(response.contains("El pedido ya estaba en ese estado.")) << response.body;
        EXPECT_EQ(status_of(id), from_key);
        EXPECT_EQ(histories, 1);
        EXPECT_EQ(audits, 0);
      } else if (orders::can_transition(from, to)) {
        EXPECT_EQ(response.status, 200) << response.body;
        EXPECT_TRUE(response.contains("\"ok\":true,\"changed\":true")) << response.body;
        EXPECT_TRUE(response.contains("\"from_status\":\"" + from_key + "\",\"to_status\":\"" + to_key + "\""));
        EXPECT_TRUE(response.contains("\"status_label\":\"" + std::string(orders::status_label(to)) + "\""));
        EXPECT_TRUE(response.contains("\"wa\":{")) << response.body;
        EXPECT_EQ(status_of(id), to_key);
        EXPECT_EQ(histories, 2);
        EXPECT_EQ(count("SELECT COUNT(*) FROM order_status_histories WHERE order_id = " + order +
                        " AND from_status = '" + from_key + "' AND to_status = '" + to_key + "' AND comment = 'QA " +
                        from_key + " a " + to_key + "'"),
                  1);
        EXPECT_EQ(audits, 1);
      } else {
        EXPECT_EQ(response.status, 422) << response.body;
        EXPECT_TRUE(response.contains("\"ok\":false,\"changed\":false")) << response.body;
        EXPECT_TRUE(response.contains("\"status\":\"" + from_key + "\""));
        bool final_state = from == OrderStatus::kEntregado || from == OrderStatus::kCancelado;
        std::string expected = final_state ? "Un pedido en estado " + std::string(orders::status_label(from)) +
                                                 " no puede cambiar de estado."
                                           : "Cambio de estado inválido. Desde " +
                                                 std::string(orders::status_label(from)) + " solo podés pasar a:";
        EXPECT_TRUE(response.contains(expected)) << response.body;
        EXPECT_EQ(status_of(id), from_key);
        EXPECT_EQ(histories, 1);
        EXPECT_EQ(audits, 0);
      }
    }
  }
}

TEST_F(OrdersTest, RefusalMessagesListTheReachableLabels) {
  long long id = simple_order("pendiente");
  auto response = set_status(*admin_, id, "entregado");
  EXPECT_EQ(response.status, 422);
  EXPECT_TRUE(response.contains("Cambio de estado inválido. Desde Pendiente solo podés pasar a: Confirmado, "
                                "Preparando, Listo para retirar, Cancelado."))
      << response.body;
}

TEST_F(OrdersTest, PlainFormsRedirectBackWithAFlashOrTheRefusal) {
  long long id = simple_order("pendiente");
  std::string page = "/admin/pedidos/" + std::to_string(id);
  admin_->referer = server_->base_url() + page;
  auto changed = set_status(*admin_, id, "confirmado", "", /*json=*/false);
  EXPECT_EQ(changed.status, 302);
  EXPECT_NE(changed.header("location").find(page), std::string::npos);
  EXPECT_TRUE(visible_text(admin_->follow(changed).body).find("Estado actualizado.") != std::string::npos);

  auto refused = set_status(*admin_, id, "pendiente", "", false);
  EXPECT_EQ(refused.status, 302);
  auto shown = admin_->follow(refused);
  EXPECT_NE(visible_text(shown.body).find("Cambio de estado inválido. Desde Confirmado solo podés pasar a: "
                                          "Preparando, Listo para retirar, Entregado, Cancelado."),
            std::string::npos);
  EXPECT_EQ(status_of(id), "confirmado");

  auto invalid = set_status(*admin_, id, "archivado", "", false);
  EXPECT_EQ(invalid.status, 302);
  EXPECT_EQ(status_of(id), "confirmado");
  auto invalid_json = set_status(*admin_, id, "archivado");
  EXPECT_EQ(invalid_json.status, 422);
  EXPECT_TRUE(invalid_json.contains("\"errors\":{\"status\"")) << invalid_json.body;
  admin_->referer.clear();
}

TEST_F(OrdersTest, StatusChangeRecordsTheAuditTrailWithTheComment) {
  long long id = simple_order("pendiente");
  ASSERT_EQ(set_status(*admin_, id, "confirmado", "Auditoria QA").status, 200);
  std::string metadata;
  server_->database().lease()->once
      << "SELECT metadata FROM audit_logs WHERE event = 'admin.order.status_changed' AND subject_id = :id",
      soci::use(id), soci::into(metadata);
  EXPECT_NE(metadata.find("\"from_status\":\"pendiente\""), std::string::npos) << metadata;
  EXPECT_NE(metadata.find("\"to_status\":\"confirmado\""), std::string::npos);
  EXPECT_NE(metadata.find("\"comment\":\"Auditoria QA\""), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_logs WHERE event = 'admin.order.status_changed' AND subject_id = " +
                  std::to_string(id) + " AND subject_type LIKE 'App%Models%Order'"),
            1);
}

// ── Cancel returns stock once ──────────────────────────────────────────────────────────────────────────────

TEST_F(OrdersTest, CancellingTwiceReturnsTheStockOnce) {
  long long cable = insert_product("Cable reforzado", 7, 250000);
  long long charger = insert_product("Cargador 20W", 2, 650000);
  long long id = insert_order(ana_id_, "confirmado", {{cable, "Cable reforzado", 250000, 3}, {charger, "Cargador 20W", 650000, 1}});
  auto first = set_status(*admin_, id, "cancelado", "Cliente desistió");
  EXPECT_EQ(first.status, 200) << first.body;
  auto second = set_status(*admin_, id, "cancelado");
  EXPECT_EQ(second.status, 200);
  EXPECT_TRUE(second.contains("El pedido ya estaba en ese estado."));
  EXPECT_EQ(count("SELECT stock FROM products WHERE id = " + std::to_string(cable)), 10);
  EXPECT_EQ(count("SELECT stock FROM products WHERE id = " + std::to_string(charger)), 3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM orders WHERE stock_restored_at IS NOT NULL AND id = " + std::to_string(id)), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM order_status_histories WHERE to_status = 'cancelado' AND order_id = " +
                  std::to_string(id)),
            1);
}

TEST_F(OrdersTest, ParallelCancelsReturnTheStockOnce) {
  constexpr int kAdmins = 4;
  std::vector<std::unique_ptr<Browser>> admins;
  std::vector<std::string> tokens;
  for (int i = 0; i < kAdmins; ++i) {
    admins.push_back(std::make_unique<Browser>(testing_support::signed_in_admin(*server_)));
    tokens.push_back(csrf_token_in(admins.back()->get("/admin/pedidos").body));
  }
  for (int round = 0; round < 3; ++round) {
    long long product = insert_product("Funda " + std::to_string(round), 5, 450000);
    long long id = insert_order(ana_id_, "preparando", {{product, "Funda", 450000, 2}});
    std::atomic<int> changed{0}, answered{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < kAdmins; ++i)
      threads.emplace_back([&, i] {
        auto response = admins[i]->post("/admin/pedidos/" + std::to_string(id) + "/estado",
                                        {{"_token", tokens[i]}, {"status", "cancelado"}}, kJson);
        if (response.status == 200 || response.status == 409) ++answered;
        if (response.contains("\"changed\":true")) ++changed;
      });
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(answered.load(), kAdmins);
    EXPECT_EQ(changed.load(), 1);
    EXPECT_EQ(count("SELECT stock FROM products WHERE id = " + std::to_string(product)), 7);
    EXPECT_EQ(count("SELECT COUNT(*) FROM order_status_histories WHERE to_status = 'cancelado' AND order_id = " +
                    std::to_string(id)),
              1);
  }
}

// ── Customer pages ─────────────────────────────────────────────────────────────────────────────────────────

TEST_F(OrdersTest, CustomersSeeOnlyTheirOwnOrders) {
  long long product = insert_product("Auriculares Bluetooth", 10, 900000);
  long long id = insert_order(ana_id_, "confirmado", {{product, "Auriculares Bluetooth", 900000, 2}}, "Ana Pérez",
                              "3415550000", core::utc_now_sql(), "Llamar antes");
  std::string path = "/mis-pedidos/" + std::to_string(id);

  auto list = ana_->get("/mis-pedidos");
  ASSERT_EQ(list.status, 200);
  EXPECT_TRUE(list.contains("href=\"" + path + "\""));
  std::string text = visible_text(list.body);
  EXPECT_NE(text.find("Pedido #" + std::to_string(id)), std::string::npos);
  EXPECT_NE(text.find("2x Auriculares Bluetooth"), std::string::npos);

  auto mine = ana_->get(path);
  ASSERT_EQ(mine.status, 200);
  std::string detail = visible_text(mine.body);
  EXPECT_NE(detail.find("Pedido confirmado. Lo estamos preparando."), std::string::npos);
  EXPECT_NE(detail.find("$ 18.000"), std::string::npos);
  EXPECT_NE(detail.find("Pago en el local"), std::string::npos);
  EXPECT_NE(detail.find("Llamar antes"), std::string::npos);

  // Someone else's order is the same 404 page as a missing id (ids are never confirmed).
  beto_->get("/mis-pedidos");  // spends any flash message, so both pages below render alike
  auto foreign = beto_->get(path);
  auto missing = beto_->get("/mis-pedidos/999999999");
  EXPECT_EQ(foreign.status, 404);
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(visible_text(foreign.body), visible_text(missing.body));
  EXPECT_FALSE(beto_->get("/mis-pedidos").contains("href=\"" + path + "\""));
  EXPECT_EQ(ana_->get("/mis-pedidos/999999999").status, 404);
  Browser guest(server_->base_url());
  auto redirected = guest.get(path);
  EXPECT_EQ(redirected.status, 302);
  EXPECT_NE(redirected.header("location").find("/login"), std::string::npos);
}

TEST_F(OrdersTest, CustomerTabsSplitActiveAndFinishedOrdersAndSearchFindsTheNumber) {
  long long active = simple_order("preparando");
  long long delivered = simple_order("entregado");
  std::string active_link = "href=\"/mis-pedidos/" + std::to_string(active) + "\"";
  std::string delivered_link = "href=\"/mis-pedidos/" + std::to_string(delivered) + "\"";
  auto tab_active = ana_->get("/mis-pedidos?tab=activos&q=" + std::to_string(active));
  EXPECT_TRUE(tab_active.contains(active_link));
  EXPECT_FALSE(tab_active.contains(delivered_link));
  auto history = ana_->get("/mis-pedidos?tab=historial&q=" + std::to_string(delivered));
  EXPECT_TRUE(history.contains(delivered_link));
  EXPECT_FALSE(history.contains(active_link));
  // The name search ignores case on every engine (ILIKE on PostgreSQL).
  EXPECT_TRUE(ana_->get("/mis-pedidos?tab=activos&q=ANA+P").contains(active_link));
  auto nothing = ana_->get("/mis-pedidos?tab=activos&q=zzz-no-existe");
  EXPECT_NE(visible_text(nothing.body).find("Todavía no tenés pedidos."), std::string::npos);
}

// ── Admin list ─────────────────────────────────────────────────────────────────────────────────────────────

TEST_F(OrdersTest, AdminListCountsAndFiltersByStatusSearchAndWhatsApp) {
  // A unique name scopes every count to this test's orders.
  const std::string tag = "Zulema Filtro";
  long long with_log = simple_order("confirmado", tag, "3415551111");
  long long without_log = simple_order("confirmado", tag, "3415552222");
  long long no_phone = insert_order(beto_id_, "confirmado", {}, tag, "");
  server_->database().lease()->once << "UPDATE users SET phone = NULL WHERE id = :id", soci::use(beto_id_);
  long long pending = simple_order("pendiente", tag, "3415553333");
  std::string now = core::utc_now_sql();
  server_->database().lease()->once
      << "INSERT INTO order_whatsapp_logs (order_id, notified_status, phone, message, sent_at) "
         "VALUES (:id, 'confirmado', '5493415551111', 'hola', :at)",
      soci::use(with_log), soci::use(now);

  std::string q = "&q=Zulema+Filtro";
  auto confirmed = admin_->get("/admin/pedidos?status=confirmado" + q);
  ASSERT_EQ(confirmed.status, 200);
  EXPECT_TRUE(confirmed.contains("data-admin-orders-wa-count=\"all\">3<"));
  EXPECT_TRUE(confirmed.contains("data-admin-orders-wa-count=\"pending\">1<"));
  EXPECT_TRUE(confirmed.contains("data-admin-orders-wa-count=\"sent\">1<"));
  EXPECT_TRUE(confirmed.contains("data-admin-orders-wa-count=\"no_phone\">1<"));
  EXPECT_TRUE(confirmed.contains("data-admin-orders-count=\"all\">4<"));
  EXPECT_TRUE(confirmed.contains("data-admin-orders-count=\"confirmado\">3<"));
  EXPECT_TRUE(confirmed.contains("data-admin-orders-count=\"pendiente\">1<"));
  EXPECT_TRUE(confirmed.contains("data-order-id=\"" + std::to_string(with_log) + "\" data-status=\"confirmado\" data-wa-notified=\"1\""));
  EXPECT_TRUE(confirmed.contains("data-order-id=\"" + std::to_string(without_log) + "\" data-status=\"confirmado\" data-wa-notified=\"0\""));
  EXPECT_FALSE(confirmed.contains("data-order-id=\"" + std::to_string(pending) + "\""));

  auto sent = admin_->get("/admin/pedidos?wa=sent" + q);
  EXPECT_TRUE(sent.contains("<option value=\"sent\" selected>WA enviado</option>"));
  EXPECT_TRUE(sent.contains("data-admin-orders-count=\"all\">1<"));
  EXPECT_TRUE(sent.contains("data-admin-orders-count=\"confirmado\">1<"));
  EXPECT_TRUE(sent.contains("data-order-id=\"" + std::to_string(with_log) + "\""));
  EXPECT_FALSE(sent.contains("data-order-id=\"" + std::to_string(without_log) + "\""));

  auto missing_phone = admin_->get("/admin/pedidos?wa=no_phone" + q);
  EXPECT_TRUE(missing_phone.contains("data-order-id=\"" + std::to_string(no_phone) + "\""));
  EXPECT_TRUE(missing_phone.contains("data-wa-state=\"no_phone\">Sin tel<"));
  EXPECT_FALSE(missing_phone.contains("data-order-id=\"" + std::to_string(with_log) + "\""));

  auto by_number = admin_->get("/admin/pedidos?q=" + std::to_string(pending));
  EXPECT_TRUE(by_number.contains("data-order-id=\"" + std::to_string(pending) + "\""));
  auto by_phone = admin_->get("/admin/pedidos?q=341-555-2222");
  EXPECT_TRUE(by_phone.contains("data-order-id=\"" + std::to_string(without_log) + "\""));
  EXPECT_FALSE(by_phone.contains("data-order-id=\"" + std::to_string(with_log) + "\""));
  auto by_email = admin_->get("/admin/pedidos?q=beto.pedidos%40example.com");
  EXPECT_TRUE(by_email.contains("data-order-id=\"" + std::to_string(no_phone) + "\""));

  auto none = admin_->get("/admin/pedidos?q=nadie-se-llama-asi");
  EXPECT_NE(visible_text(none.body).find("No hay pedidos"), std::string::npos);
  EXPECT_TRUE(none.contains("<h1 class=\"page-title\">Pedidos (Admin)</h1>"));

  // A WhatsApp link carries the AR-normalised phone.
  EXPECT_TRUE(confirmed.contains("https://wa.me/5493415552222?text="));
  auto pending_list = admin_->get("/admin/pedidos?status=pendiente");
  EXPECT_EQ(pending_list.status, 200);
}

TEST_F(OrdersTest, AdminListPagesByTwentyAndShowsPendingOrdersOldestFirst) {
  static long long product = insert_product("Pila", 1000, 100000);
  std::vector<long long> ids;
  for (int i = 0; i < 21; ++i) {
    // Created one minute apart, oldest first.
    std::string created = "2026-01-01 10:" + std::string(i < 10 ? "0" : "") + std::to_string(i) + ":00";
    ids.push_back(insert_order(ana_id_, "pendiente", {{product, "Pila", 100000, 1}}, "Paginado Pérez", "3415557777", created));
  }
  auto first = admin_->get("/admin/pedidos?status=pendiente&q=Paginado");
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(testing_support::count_of(first.body, "data-admin-order-card data-order-id="), 20u);
  EXPECT_LT(first.body.find("data-order-id=\"" + std::to_string(ids[0]) + "\""),
            first.body.find("data-order-id=\"" + std::to_string(ids[1]) + "\""));
  EXPECT_FALSE(first.contains("data-order-id=\"" + std::to_string(ids[20]) + "\""));
  EXPECT_NE(visible_text(first.body).find("Página 1 de 2"), std::string::npos);
  auto second = admin_->get("/admin/pedidos?status=pendiente&q=Paginado&page=2");
  EXPECT_EQ(testing_support::count_of(second.body, "data-admin-order-card data-order-id="), 1u);
  EXPECT_TRUE(second.contains("data-order-id=\"" + std::to_string(ids[20]) + "\""));
  // Without the status filter the newest come first.
  auto newest = admin_->get("/admin/pedidos?q=Paginado");
  EXPECT_LT(newest.body.find("data-order-id=\"" + std::to_string(ids[20]) + "\""),
            newest.body.find("data-order-id=\"" + std::to_string(ids[19]) + "\""));
  // Customers get 10 per page.
  auto mine = ana_->get("/mis-pedidos?q=Paginado");
  EXPECT_EQ(testing_support::count_of(mine.body, "class=\"card group order-card\""), 10u);
  auto mine_last = ana_->get("/mis-pedidos?q=Paginado&page=3");
  EXPECT_EQ(testing_support::count_of(mine_last.body, "class=\"card group order-card\""), 1u);
}

TEST_F(OrdersTest, EnteringANewStatusMakesTheWhatsAppStatePendingAgain) {
  const std::string tag = "Walter Estado";
  long long id = simple_order("pendiente", tag, "3415554444");
  std::string now = core::utc_now_sql();
  server_->database().lease()->once
      << "INSERT INTO order_whatsapp_logs (order_id, notified_status, phone, message, sent_at) "
         "VALUES (:id, 'pendiente', '5493415554444', 'hola', :at)",
      soci::use(id), soci::use(now);
  auto before = admin_->get("/admin/pedidos?status=pendiente&q=Walter+Estado");
  EXPECT_TRUE(before.contains("data-admin-orders-wa-count=\"sent\">1<"));
  EXPECT_TRUE(before.contains("data-admin-orders-wa-count=\"pending\">0<"));
  auto changed = set_status(*admin_, id, "confirmado");
  EXPECT_TRUE(changed.contains("\"state\":\"pending\"")) << changed.body;
  auto after = admin_->get("/admin/pedidos?status=confirmado&q=Walter+Estado");
  EXPECT_TRUE(after.contains("data-admin-orders-wa-count=\"sent\">0<"));
  EXPECT_TRUE(after.contains("data-admin-orders-wa-count=\"pending\">1<"));
  EXPECT_EQ(set_status(*admin_, id, "pendiente").status, 422);
  EXPECT_EQ(count("SELECT COUNT(*) FROM order_whatsapp_logs WHERE order_id = " + std::to_string(id)), 1);
}

TEST_F(OrdersTest, AdminDetailShowsCustomerItemsAndOnlyReachableStatuses) {
  long long product = insert_product("Vidrio templado", 10, 250000);
  long long id = insert_order(ana_id_, "listo_retirar", {{product, "Vidrio templado", 250000, 2}}, "Ana Pérez",
                              "3415550000", core::utc_now_sql(), "Retira a la tarde");
  auto page = admin_->get("/admin/pedidos/" + std::to_string(id));
  ASSERT_EQ(page.status, 200);
  std::string text = visible_text(page.body);
  EXPECT_NE(text.find("Pedido #" + std::to_string(id)), std::string::npos);
  EXPECT_NE(text.find("Usuario: ana.pedidos@example.com"), std::string::npos);
  EXPECT_NE(text.find("Vidrio templado"), std::string::npos);
  EXPECT_NE(text.find("$ 5.000"), std::string::npos);
  EXPECT_NE(text.find("Retira a la tarde"), std::string::npos);
  EXPECT_TRUE(page.contains("<option value=\"entregado\">Entregado</option>"));
  EXPECT_TRUE(page.contains("<option value=\"pendiente\" disabled>Pendiente</option>"));
  EXPECT_TRUE(page.contains("<option value=\"listo_retirar\" selected>Listo para retirar</option>"));
  ASSERT_EQ(set_status(*admin_, id, "entregado", "Retiró la hermana").status, 200);
  std::string history = visible_text(admin_->get("/admin/pedidos/" + std::to_string(id)).body);
  EXPECT_NE(history.find("Historial de estados"), std::string::npos);
  EXPECT_NE(history.find("Listo para retirar → Entregado"), std::string::npos) << history;
  EXPECT_NE(history.find("Retiró la hermana"), std::string::npos);
  EXPECT_NE(history.find("Pedido creado"), std::string::npos);
  EXPECT_EQ(admin_->get("/admin/pedidos/999999999").status, 404);
  EXPECT_EQ(ana_->get("/admin/pedidos/" + std::to_string(id)).status, 403);
  EXPECT_EQ(ana_->get("/admin/pedidos").status, 403);
}

// ── WhatsApp ───────────────────────────────────────────────────────────────────────────────────────────────

TEST_F(OrdersTest, WhatsAppLogIsDeduplicatedAndNeedsAPhone) {
  long long id = simple_order("confirmado", "Nora WhatsApp", "11 4444 5555");
  std::string base = "/admin/pedidos/" + std::to_string(id);
  std::string token = csrf_token_in(admin_->get(base).body);
  auto first = admin_->post(base + "/whatsapp-ajax", {{"_token", token}}, kJson);
  EXPECT_EQ(first.status, 200);
  EXPECT_TRUE(first.contains("\"ok\":true,\"created\":true")) << first.body;
  EXPECT_TRUE(first.contains("Log registrado."));
  auto again = admin_->post(base + "/whatsapp-ajax", {{"_token", token}}, kJson);
  EXPECT_TRUE(again.contains("\"created\":false")) << again.body;
  EXPECT_TRUE(again.contains("Ya estaba registrado recientemente."));
  auto classic = admin_->post(base + "/whatsapp", {{"_token", token}});
  EXPECT_EQ(classic.status, 302);
  EXPECT_NE(visible_text(admin_->follow(classic).body).find("Ya estaba registrado recientemente."), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM order_whatsapp_logs WHERE order_id = " + std::to_string(id) +
                  " AND notified_status = 'confirmado' AND phone = '5491144445555'"),
            1);
  auto detail = admin_->get(base);
  EXPECT_NE(visible_text(detail.body).find("Tel: 011 15-4444-5555"), std::string::npos);  // logged 5491144445555, shown national
  EXPECT_TRUE(detail.contains("👋\nTu pedido")) << "the message keeps its line breaks";

  long long no_phone = insert_order(beto_id_, "confirmado", {}, "Sin Telefono", "");
  server_->database().lease()->once << "UPDATE users SET phone = '' WHERE id = :id", soci::use(beto_id_);
  std::string other = "/admin/pedidos/" + std::to_string(no_phone);
  auto refused = admin_->post(other + "/whatsapp-ajax", {{"_token", token}}, kJson);
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(refused.contains("\"error\":\"invalid_phone\"")) << refused.body;
  EXPECT_TRUE(refused.contains("No hay un teléfono válido para enviar WhatsApp."));
  auto refused_classic = admin_->post(other + "/whatsapp", {{"_token", token}});
  EXPECT_EQ(refused_classic.status, 302);
  EXPECT_NE(visible_text(admin_->follow(refused_classic).body).find("No hay un teléfono válido para enviar WhatsApp."),
            std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM order_whatsapp_logs WHERE order_id = " + std::to_string(no_phone)), 0);
}

// ── Print and ticket ───────────────────────────────────────────────────────────────────────────────────────

TEST_F(OrdersTest, PrintSheetAndTicketCarryTheShopAndTheOrder) {
  {
    auto sql = server_->database().lease();
    for (auto [key, value] : std::vector<std::pair<std::string, std::string>>{
             {"company_name", "Nico Service Test"}, {"shop_address", "Av. Siempreviva 742"}, {"shop_phone", "341 555 9999"}}) {
      *sql << "DELETE FROM business_settings WHERE \"key\" = :k", soci::use(key);
      *sql << "INSERT INTO business_settings (\"key\", value) VALUES (:k, :v)", soci::use(key), soci::use(value);
    }
  }
  long long cable = insert_product("Cable USB-C", 10, 300000);
  long long charger = insert_product("Cargador 20W", 10, 634500);
  long long id = insert_order(ana_id_, "confirmado",
                              {{cable, "Cable USB-C", 300000, 2}, {charger, "Cargador 20W", 634500, 1}}, "Juan Perez",
                              "1176543210", core::utc_now_sql(), "Llamar antes de entregar");
  std::string base = "/admin/pedidos/" + std::to_string(id);
  auto print = admin_->get(base + "/imprimir");
  ASSERT_EQ(print.status, 200);
  EXPECT_TRUE(print.contains("<title>Pedido #" + std::to_string(id) + " — Imprimir</title>"));
  EXPECT_FALSE(print.contains("site-header"));  // standalone page
  std::string text = visible_text(print.body);
  for (const std::string& expected : {std::string("Nico Service Test"), std::string("Av. Siempreviva 742"),
                                     std::string("Tel: 0341 15-555-9999"), std::string("Estado: Confirmado"),
                                     std::string("Pago: local"), std::string("Juan Perez"), std::string("011 15-7654-3210"),
                                     std::string("ana.pedidos@example.com"), std::string("Llamar antes de entregar"),
                                     std::string("Cable USB-C"), std::string("$ 6.000"), std::string("$ 12.345"),
                                     std::string("Generado desde Admin")})
    EXPECT_NE(text.find(expected), std::string::npos) << expected;

  auto ticket = admin_->get(base + "/ticket?autoprint=1");
  ASSERT_EQ(ticket.status, 200);
  EXPECT_TRUE(ticket.contains("<title>Ticket Pedido #" + std::to_string(id) + "</title>"));
  EXPECT_TRUE(ticket.contains("data-autoprint=\"1\""));
  std::string ticket_text = visible_text(ticket.body);
  for (const std::string& expected : {std::string("Nico Service Test"), std::string("#" + std::to_string(id)),
                                     std::string("2 × Cable USB-C"), std::string("Unit: $ 3.000"),
                                     std::string("$ 12.345"), std::string("Gracias por tu compra 🙌")})
    EXPECT_NE(ticket_text.find(expected), std::string::npos) << expected;
  EXPECT_FALSE(admin_->get(base + "/ticket").contains("data-autoprint"));
  EXPECT_EQ(ana_->get(base + "/imprimir").status, 403);
}

}  // namespace
