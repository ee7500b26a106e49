// The admin dashboard (/admin, /admin/dashboard) against a fixture with known numbers, inserted with SQL at
// dates relative to now (so each lands well inside the range it is meant for, whatever the time of day).
#include <gtest/gtest.h>

#include <chrono>
#include <regex>

#include "core/clock.hpp"
#include "support/accounts.hpp"
#include "support/app_server.hpp"
#include "support/browser.hpp"
#include "support/test_files.hpp"

using testing_support::AppServer;
using testing_support::Browser;
using testing_support::HttpResponse;

namespace {

std::string days_ago(int days, int extra_hours = 0) {
  return core::to_sql_utc(std::chrono::system_clock::now() - std::chrono::hours(24 * days + extra_hours));
}

void exec(AppServer& server, const std::string& sql) { server.database().lease()->once << sql; }

long long insert_order(AppServer& server, long long user_id, const std::string& status, long long total,
                       const std::string& created_at, const std::string& pickup_name) {
  exec(server, "INSERT INTO orders (user_id, status, payment_method, total, pickup_name, pickup_phone, created_at, "
               "updated_at) VALUES (" + std::to_string(user_id) + ", '" + status + "', 'local', " +
               std::to_string(total) + ", '" + pickup_name + "', '3415550000', '" + created_at + "', '" + created_at +
               "')");
  return testing_support::scalar(server, "SELECT MAX(id) FROM orders");
}

void insert_item(AppServer& server, long long order_id, long long product_id, const std::string& name, int quantity,
                 long long price) {
  exec(server, "INSERT INTO order_items (order_id, product_id, product_name, price, quantity, subtotal) VALUES (" +
                   std::to_string(order_id) + ", " + std::to_string(product_id) + ", '" + name + "', " +
                   std::to_string(price) + ", " + std::to_string(quantity) + ", " + std::to_string(price * quantity) + ")");
}

long long insert_product(AppServer& server, long long category_id, const std::string& name, int stock) {
  exec(server, "INSERT INTO products (category_id, name, slug, price, stock, created_at, updated_at) VALUES (" +
                   std::to_string(category_id) + ", '" + name + "', '" + name + "', 100000, " + std::to_string(stock) +
                   ", '" + days_ago(50) + "', '" + days_ago(50) + "')");
  return testing_support::scalar(server, "SELECT MAX(id) FROM products");
}

long long insert_repair(AppServer& server, const std::string& code, const std::string& status,
                        const std::string& created_at, const std::string& updated_at) {
  exec(server, "INSERT INTO repairs (code, customer_name, customer_phone, device_brand, device_model, issue_reported, "
               "status, received_at, created_at, updated_at) VALUES ('" + code + "', 'Cliente " + code +
               "', '3415550000', 'Samsung', 'A52', 'No carga', '" + status + "', '" + created_at + "', '" + created_at +
               "', '" + updated_at + "')");
  return testing_support::scalar(server, "SELECT MAX(id) FROM repairs");
}

// The text of the element carrying data-kpi="name".
std::string kpi(const HttpResponse& page, const std::string& name) {
  std::smatch match;
  std::regex pattern("data-kpi=\"" + name + "\">([^<]*)<");
  if (!std::regex_search(page.body, match, pattern)) return "(missing " + name + ")";
  return match[1];
}

class Dashboard : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new AppServer();
    server_->start();
    admin_ = new Browser(testing_support::signed_in_admin(*server_));
    AppServer& s = *server_;
    exec(s, "INSERT INTO users (name, email, password, role, created_at, updated_at) VALUES ('Compradora', "
            "'compradora@example.com', 'x', 'user', '" + days_ago(90) + "', '" + days_ago(90) + "')");
    long long buyer = testing_support::user_id_of(s, "compradora@example.com");
    exec(s, "INSERT INTO categories (name, slug, created_at, updated_at) VALUES ('Fundas', 'fundas', '" + days_ago(90) +
                "', '" + days_ago(90) + "')");
    long long category = testing_support::scalar(s, "SELECT MAX(id) FROM categories");
    long long a = insert_product(s, category, "funda-a", 2);
    long long b = insert_product(s, category, "vidrio-b", 3);
    long long c = insert_product(s, category, "cable-c", 4);
    insert_product(s, category, "cargador-d", 0);

    // Orders: four in the last 7 days, one in the 7 before, one 40 days ago.
    o1_ = insert_order(s, buyer, "pendiente", 10000, days_ago(1), "Olga Uno");
    long long o2 = insert_order(s, buyer, "entregado", 250000, days_ago(2), "Oscar Dos");
    long long o3 = insert_order(s, buyer, "cancelado", 99900, days_ago(3), "Omar Tres");
    o4_ = insert_order(s, buyer, "pendiente", 5000, days_ago(3), "Otilia Cuatro");
    insert_order(s, buyer, "entregado", 100000, days_ago(10), "Oriana Cinco");
    insert_order(s, buyer, "confirmado", 7000, days_ago(40), "Orlando Seis");
    insert_item(s, o1_, a, "Funda A", 2, 2000);
    insert_item(s, o1_, b, "Vidrio B", 1, 6000);
    insert_item(s, o2, a, "Funda A", 3, 2000);
    insert_item(s, o2, c, "Cable C", 1, 5000);
    insert_item(s, o3, c, "Cable C", 50, 5000);  // cancelled: never in the top
    insert_item(s, o4_, b, "Vidrio B", 1, 6000);

    // Repairs: three in the last 7 days, one in the 7 before, one older and stale.
    r1_ = insert_repair(s, "R-TEST-00001", "received", days_ago(1), days_ago(1));
    r2_ = insert_repair(s, "R-TEST-00002", "ready_pickup", days_ago(2), days_ago(1));
    insert_repair(s, "R-TEST-00003", "repairing", days_ago(20), days_ago(10));
    insert_repair(s, "R-TEST-00004", "delivered", days_ago(9), days_ago(8));
    insert_repair(s, "R-TEST-00005", "cancelled", days_ago(5), days_ago(5));

    // WhatsApp: o1 notified for its current status, o4 only for an older one; same for r2 / r1.
    exec(s, "INSERT INTO order_whatsapp_logs (order_id, notified_status, phone, sent_at) VALUES (" +
                std::to_string(o1_) + ", 'pendiente', '5493415550000', '" + days_ago(1) + "')");
    exec(s, "INSERT INTO order_whatsapp_logs (order_id, notified_status, phone, sent_at) VALUES (" +
                std::to_string(o4_) + ", 'confirmado', '5493415550000', '" + days_ago(2) + "')");
    exec(s, "INSERT INTO repair_whatsapp_logs (repair_id, notified_status, phone, sent_at) VALUES (" +
                std::to_string(r2_) + ", 'ready_pickup', '543415550000', '" + days_ago(1) + "')");
    exec(s, "INSERT INTO repair_whatsapp_logs (repair_id, notified_status, phone, sent_at) VALUES (" +
                std::to_string(r1_) + ", 'diagnosing', '543415550000', '" + days_ago(1) + "')");
  }
  static void TearDownTestSuite() {
    delete admin_;
    delete server_;
  }
  static AppServer* server_;
  static Browser* admin_;
  static long long o1_, o4_, r1_, r2_;
};
AppServer* Dashboard::server_ = nullptr;
Browser* Dashboard::admin_ = nullptr;
long long Dashboard::o1_ = 0, Dashboard::o4_ = 0, Dashboard::r1_ = 0, Dashboard::r2_ = 0;

}  // namespace

TEST_F(Dashboard, SevenDayKpisMatchTheFixture) {
  auto page = admin_->get("/admin/dashboard?range=7");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(page.contains("<h1 class=\"page-title\">Panel Admin</h1>"));
  EXPECT_TRUE(page.contains("Panel inteligente · rango actual: 7 días"));
  EXPECT_TRUE(page.contains("Pedidos · últimos 7 días"));
  EXPECT_EQ(kpi(page, "orders_in_range"), "4");
  EXPECT_EQ(kpi(page, "orders_delta"), "+300%");  // 4 against 1
  EXPECT_EQ(kpi(page, "orders_active"), "3");     // two pendiente + one confirmado
  EXPECT_EQ(kpi(page, "orders_pending"), "2");
  EXPECT_EQ(kpi(page, "sales_in_range"), "$ 2.500");
  EXPECT_EQ(kpi(page, "sales_delta"), "+150%");  // $ 2.500 against $ 1.000
  EXPECT_EQ(kpi(page, "repairs_in_range"), "3");
  EXPECT_EQ(kpi(page, "repairs_delta"), "+200%");
  EXPECT_EQ(kpi(page, "repairs_active"), "3");
  EXPECT_EQ(kpi(page, "repairs_total"), "5");
}

TEST_F(Dashboard, WhatsAppPendingCountsItemsWithoutALogForTheirCurrentStatus) {
  auto page = admin_->get("/admin/dashboard?range=7");
  EXPECT_EQ(kpi(page, "orders_wa_pending"), "2");
  EXPECT_EQ(kpi(page, "orders_wa_sent"), "1");
  EXPECT_EQ(kpi(page, "repairs_wa_pending"), "2");
  EXPECT_EQ(kpi(page, "repairs_wa_sent"), "1");
  EXPECT_EQ(kpi(page, "wa_pending_total"), "4");
  EXPECT_TRUE(page.contains("href=\"/admin/pedidos?wa=pending\""));
  EXPECT_TRUE(page.contains("href=\"/admin/reparaciones?wa=pending\""));
}

TEST_F(Dashboard, StockTopProductsAndStatusCounts) {
  auto page = admin_->get("/admin/dashboard?range=7");
  EXPECT_EQ(kpi(page, "products_total"), "4");
  EXPECT_EQ(kpi(page, "low_stock_total"), "3");
  // Lowest stock first: cargador-d (0), funda-a (2), vidrio-b (3); cable-c (4) is fine.
  auto d = page.body.find("cargador-d"), a = page.body.find("funda-a"), b = page.body.find("vidrio-b");
  ASSERT_NE(d, std::string::npos);
  EXPECT_LT(d, a);
  EXPECT_LT(a, b);
  EXPECT_FALSE(page.contains(">cable-c<"));
  // Top: Funda A 5 units, Vidrio B 2, Cable C 1 (the 50 of the cancelled order do not count).
  auto funda = page.body.find("<td>Funda A</td><td>5</td><td>$ 100</td>");
  auto vidrio = page.body.find("<td>Vidrio B</td><td>2</td><td>$ 120</td>");
  auto cable = page.body.find("<td>Cable C</td><td>1</td><td>$ 50</td>");
  ASSERT_NE(funda, std::string::npos) << page.body;
  ASSERT_NE(vidrio, std::string::npos);
  ASSERT_NE(cable, std::string::npos);
  EXPECT_LT(funda, vidrio);
  EXPECT_LT(vidrio, cable);
  EXPECT_FALSE(page.contains("<td>51</td>"));
  EXPECT_TRUE(page.contains("data-order-status-count=\"pendiente\">2<"));
  EXPECT_TRUE(page.contains("data-order-status-count=\"cancelado\">1<"));
  EXPECT_TRUE(page.contains("data-repair-status-count=\"ready_pickup\">1<"));
  EXPECT_TRUE(page.contains("href=\"/admin/pedidos?status=listo_retirar\""));
}

TEST_F(Dashboard, TodayPanelListsReadyStaleAndLateItems) {
  auto page = admin_->get("/admin/dashboard");
  EXPECT_EQ(kpi(page, "ready_pickup_total"), "1");
  EXPECT_EQ(kpi(page, "stale_repairs_total"), "1");  // repairing, untouched for 10 days (limit 7)
  EXPECT_EQ(kpi(page, "stale_orders_total"), "1");   // pendiente for 3 days (limit 48 h)
  EXPECT_TRUE(page.contains("Reparación R-TEST-00002"));
  EXPECT_TRUE(page.contains("Reparación R-TEST-00003"));
  EXPECT_TRUE(page.contains("Sin cambios hace más de 7 días"));
  EXPECT_TRUE(page.contains("href=\"/admin/pedidos/" + std::to_string(o4_) + "\">Pedido #" + std::to_string(o4_)));
}

TEST_F(Dashboard, RangeParameterOtherValuesMeanThirtyDays) {
  auto thirty = admin_->get("/admin/dashboard?range=30");
  EXPECT_EQ(kpi(thirty, "orders_in_range"), "5");
  EXPECT_EQ(kpi(thirty, "orders_delta"), "+400%");  // 5 against the order of 40 days ago
  auto odd = admin_->get("/admin?range=45");
  ASSERT_EQ(odd.status, 200);
  EXPECT_TRUE(odd.contains("Panel inteligente · rango actual: 30 días"));
  EXPECT_TRUE(odd.contains("aria-current=\"page\" data-range-link=\"30\""));
  auto ninety = admin_->get("/admin/dashboard?range=90");
  EXPECT_EQ(kpi(ninety, "orders_in_range"), "6");
  EXPECT_EQ(kpi(ninety, "orders_delta"), "sin historial");
}

TEST_F(Dashboard, ChartsAreInlineSvgWithoutInlineStylesOrScripts) {
  auto page = admin_->get("/admin/dashboard");
  EXPECT_TRUE(page.contains("<svg class=\"dash-svg\""));
  EXPECT_TRUE(page.contains("class=\"dash-bar-sales\""));
  EXPECT_TRUE(page.contains("class=\"dash-bar-orders\""));
  EXPECT_TRUE(page.contains("data-collapse=\"dash_charts\""));
  EXPECT_TRUE(page.contains("Ventas (entregado) · últimos 6 meses"));
  EXPECT_EQ(page.body.find(" style="), std::string::npos);
  EXPECT_EQ(page.body.find("<script>"), std::string::npos);
  EXPECT_TRUE(page.contains("formaction=\"/admin/exportar/pedidos\""));
}

TEST_F(Dashboard, CountersAreCachedButANewWhatsAppLogShowsAtOnce) {
  auto before = admin_->get("/admin/dashboard?range=7");
  EXPECT_EQ(kpi(before, "repairs_wa_pending"), "2");
  EXPECT_GE(testing_support::scalar(*server_, "SELECT COUNT(*) FROM cache WHERE \"key\" LIKE '%insights:dashboard%'"), 1);
  exec(*server_, "INSERT INTO repair_whatsapp_logs (repair_id, notified_status, phone, sent_at) VALUES (" +
                     std::to_string(r1_) + ", 'received', '543415550000', '" + days_ago(0) + "')");
  auto after = admin_->get("/admin/dashboard?range=7");
  EXPECT_EQ(kpi(after, "repairs_wa_pending"), "1");
  EXPECT_EQ(kpi(after, "repairs_wa_sent"), "2");
  EXPECT_EQ(kpi(after, "wa_pending_total"), "3");
  // A status change shows at once too.
  exec(*server_, "UPDATE orders SET status = 'confirmado' WHERE id = " + std::to_string(o1_));
  auto changed = admin_->get("/admin/dashboard?range=7");
  EXPECT_EQ(kpi(changed, "orders_pending"), "1");
  EXPECT_EQ(kpi(changed, "orders_wa_sent"), "0");  // its log was for pendiente
  exec(*server_, "UPDATE orders SET status = 'pendiente' WHERE id = " + std::to_string(o1_));
  exec(*server_, "DELETE FROM repair_whatsapp_logs WHERE notified_status = 'received'");
}

TEST(DashboardAccess, CustomersAreRefused) {
  AppServer server;
  server.start();
  auto customer = testing_support::registered_customer(server, "cliente@example.com");
  EXPECT_EQ(customer.get("/admin/dashboard").status, 403);
  EXPECT_EQ(customer.get("/admin/auditoria").status, 403);
  EXPECT_EQ(customer.get("/admin/exportar/pedidos").status, 403);
  Browser guest(server.base_url());
  EXPECT_EQ(guest.get("/admin/exportar/pedidos").status, 302);
}
