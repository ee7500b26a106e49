// Repair parts from stock (issue 21) as the technician notices them on the admin repair page: "Agregar repuesto"
// lists in-stock products usable in repairs (the ones naming the device model first), applying one takes the units
// from stock with a ledger movement referring to the repair and adds its cost to the repair's parts cost, removing it
// gives both back once, two technicians taking the last unit end with one part, and cancelling a repair asks whether
// its parts go back to stock. Runs on SQLite, MariaDB and PostgreSQL.
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

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

class RepairParts : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new AppServer(std::map<std::string, std::string>{{"RATE_LIMIT_ADMIN_REQUESTS_PER_MINUTE", "100000"}});
    server_->start();
    admin_ = new Browser(testing_support::signed_in_admin(*server_));
    token_ = csrf_token_in(admin_->get("/admin/reparaciones").body);
    server_->database().lease()->once
        << "INSERT INTO categories (name, slug, active) VALUES ('Repuestos', 'repuestos-taller', 1)";
    category_ = scalar(*server_, "SELECT MAX(id) FROM categories");
  }
  static void TearDownTestSuite() {
    delete admin_;
    delete server_;
  }

  static long long part(const std::string& name, long long stock, long long cost, bool usable = true) {
    static int sequence = 0;
    std::string slug = "taller-" + std::to_string(++sequence);
    int flag = usable ? 1 : 0;
    server_->database().lease()->once
        << "INSERT INTO products (category_id, name, slug, price, stock, active, cost_price, usable_in_repairs, "
           "sellable_in_store) VALUES (:c, :n, :s, :p, :st, 1, :cost, :u, 0)",
        soci::use(category_), soci::use(name), soci::use(slug), soci::use(cost * 2), soci::use(stock), soci::use(cost),
        soci::use(flag);
    long long id = scalar(*server_, "SELECT MAX(id) FROM products");
    // Seeded straight into the table: open its ledger like the migration does, so sums stay comparable.
    server_->database().lease()->once
        << "INSERT INTO stock_movements (product_id, delta, stock_after, reason, created_at) VALUES (:p, :d, :a, "
           "'opening_balance', '2026-01-01 00:00:00')",
        soci::use(id), soci::use(stock), soci::use(stock);
    return id;
  }
  static long long repair(const std::string& model = "A52", const std::string& status = "diagnosing") {
    static int sequence = 0;
    std::string code = "R-PARTS-" + std::to_string(++sequence);
    server_->database().lease()->once
        << "INSERT INTO repairs (code, customer_name, customer_phone, device_brand, device_model, issue_reported, "
           "parts_cost, status, received_at, created_at, updated_at) VALUES (:code, 'Cliente Taller', '+5493415550000', "
           "'Samsung', :model, 'Pantalla rota', 0, :status, '2026-01-01 12:00:00', '2026-01-01 12:00:00', "
           "'2026-01-01 12:00:00')",
        soci::use(code), soci::use(model), soci::use(status);
    return scalar(*server_, "SELECT MAX(id) FROM repairs");
  }
  static long long count(const std::string& query) { return scalar(*server_, query); }
  static long long stock(long long id) { return count("SELECT stock FROM products WHERE id = " + std::to_string(id)); }
  static long long parts_cost(long long repair_id) {
    return count("SELECT parts_cost FROM repairs WHERE id = " + std::to_string(repair_id));
  }
  static std::string id(long long value) { return std::to_string(value); }
  static HttpResponse apply(Browser& browser, const std::string& token, long long repair_id, long long product_id,
                            int quantity = 1) {
    return browser.post("/admin/reparaciones/" + id(repair_id) + "/repuestos",
                        {{"_token", token}, {"product_id", id(product_id)}, {"quantity", std::to_string(quantity)}});
  }

  static AppServer* server_;
  static Browser* admin_;
  static std::string token_;
  static long long category_;
};
AppServer* RepairParts::server_ = nullptr;
Browser* RepairParts::admin_ = nullptr;
std::string RepairParts::token_;
long long RepairParts::category_ = 0;

}  // namespace

TEST_F(RepairParts, TheRepairPageListsInStockRepairPartsWithTheDevicesModelFirst) {
  long long generic = part("Batería genérica", 3, 500000);
  long long matching = part("Módulo pantalla A52", 2, 2500000);
  long long empty = part("Flex de carga sin stock", 0, 100000);
  long long not_a_part = part("Funda de regalo", 5, 100000, false);
  long long r = repair("A52");
  auto page = admin_->get("/admin/reparaciones/" + id(r));
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(visible_text(page.body).find("Agregar repuesto"), std::string::npos);
  auto at = [&](long long product) { return page.body.find("<option value=\"" + id(product) + "\""); };
  ASSERT_NE(at(matching), std::string::npos);
  ASSERT_NE(at(generic), std::string::npos);
  EXPECT_LT(at(matching), at(generic));  // the one naming the A52 comes first
  EXPECT_EQ(at(empty), std::string::npos);
  EXPECT_EQ(at(not_a_part), std::string::npos);
}

TEST_F(RepairParts, ApplyingAPartTakesItFromStockAddsItsCostAndRemovingItGivesBothBackOnce) {
  long long screen = part("Módulo pantalla Moto G", 4, 1800000);
  long long r = repair("Moto G");
  auto applied = apply(*admin_, token_, r, screen, 2);
  ASSERT_EQ(applied.status, 303) << visible_text(applied.body);
  EXPECT_EQ(stock(screen), 2);
  EXPECT_EQ(parts_cost(r), 3600000);
  EXPECT_EQ(count("SELECT COUNT(*) FROM stock_movements WHERE reason = 'repair_part_used' AND reference_type = 'repair' "
                  "AND reference_id = " + id(r) + " AND delta = -2 AND stock_after = 2"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_logs WHERE event = 'admin.repair.part_applied'"), 1);
  auto page = admin_->follow(applied);
  std::string text = visible_text(page.body);
  EXPECT_NE(text.find("Repuesto agregado"), std::string::npos);
  EXPECT_NE(text.find("2 × Módulo pantalla Moto G"), std::string::npos);

  long long part_id = count("SELECT id FROM repair_parts WHERE repair_id = " + id(r));
  std::string remove = "/admin/reparaciones/" + id(r) + "/repuestos/" + id(part_id) + "/quitar";
  EXPECT_NE(page.body.find("action=\"" + remove + "\""), std::string::npos);  // the card's "Quitar" posts here
  auto removed = admin_->post(remove, {{"_token", token_}});
  EXPECT_EQ(removed.status, 303);
  EXPECT_EQ(stock(screen), 4);
  EXPECT_EQ(parts_cost(r), 0);
  auto again = admin_->post(remove, {{"_token", token_}});  // a double click returns nothing more
  EXPECT_EQ(again.status, 303);
  EXPECT_NE(visible_text(admin_->follow(again).body).find("ya se había quitado"), std::string::npos);
  EXPECT_EQ(stock(screen), 4);
  EXPECT_EQ(count("SELECT COUNT(*) FROM stock_movements WHERE reason = 'repair_part_returned' AND reference_id = " + id(r)),
            1);
  EXPECT_EQ(count("SELECT COALESCE(SUM(delta), 0) FROM stock_movements WHERE product_id = " + id(screen)), stock(screen));
}

TEST_F(RepairParts, APartWithoutEnoughStockOrNotMarkedForRepairsIsRefusedInSpanish) {
  long long pin = part("Pin de carga", 1, 50000);
  long long gift = part("Llavero", 5, 10000, false);
  long long r = repair();
  auto refused = apply(*admin_, token_, r, pin, 3);
  ASSERT_EQ(refused.status, 302);
  EXPECT_NE(visible_text(admin_->follow(refused).body).find("No hay stock suficiente de \"Pin de carga\""),
            std::string::npos);
  auto not_part = apply(*admin_, token_, r, gift);
  EXPECT_NE(visible_text(admin_->follow(not_part).body).find("no está marcado como repuesto"), std::string::npos);
  EXPECT_EQ(stock(pin), 1);
  EXPECT_EQ(parts_cost(r), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM repair_parts WHERE repair_id = " + id(r)), 0);
}

TEST_F(RepairParts, TwoTechniciansTakingTheLastUnitEndWithOnePart) {
  long long last = part("Cámara trasera última", 1, 900000);
  long long first_repair = repair(), second_repair = repair();
  Browser other = testing_support::signed_in_admin(*server_);
  std::string other_token = csrf_token_in(other.get("/admin/reparaciones").body);
  std::atomic<int> ok{0};
  std::thread a([&] { if (apply(*admin_, token_, first_repair, last).status == 303) ++ok; });
  std::thread b([&] { if (apply(other, other_token, second_repair, last).status == 303) ++ok; });
  a.join();
  b.join();
  EXPECT_EQ(ok.load(), 1);
  EXPECT_EQ(stock(last), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM repair_parts WHERE product_id = " + id(last)), 1);
  EXPECT_EQ(parts_cost(first_repair) + parts_cost(second_repair), 900000);
}

TEST_F(RepairParts, CancellingARepairReturnsItsPartsOnlyWhenAsked) {
  long long battery = part("Batería iPhone 11", 5, 1200000);
  long long kept = repair(), returned = repair();
  ASSERT_EQ(apply(*admin_, token_, kept, battery).status, 303);
  ASSERT_EQ(apply(*admin_, token_, returned, battery).status, 303);
  EXPECT_EQ(stock(battery), 3);
  auto page = admin_->get("/admin/reparaciones/" + id(returned));
  EXPECT_NE(page.body.find("name=\"return_parts\""), std::string::npos);  // the cancel forms ask

  auto cancel = [&](long long r, bool give_back) {
    std::vector<std::pair<std::string, std::string>> fields{
        {"_token", token_}, {"status", "cancelled"}, {"current_status", "diagnosing"}, {"comment", "Cliente no aceptó"}};
    if (give_back) fields.emplace_back("return_parts", "1");
    return admin_->post("/admin/reparaciones/" + id(r) + "/estado", fields);
  };
  EXPECT_EQ(cancel(kept, false).status, 303);
  EXPECT_EQ(stock(battery), 3);  // not asked: the part stays used (it may have been fitted)
  auto done = cancel(returned, true);
  EXPECT_EQ(done.status, 303);
  EXPECT_EQ(stock(battery), 4);
  EXPECT_EQ(parts_cost(returned), 0);
  EXPECT_NE(visible_text(admin_->follow(done).body).find("Los repuestos volvieron al stock."), std::string::npos);
  // A closed repair takes no more parts.
  auto closed = apply(*admin_, token_, returned, battery);
  EXPECT_NE(visible_text(admin_->follow(closed).body).find("ya está entregada o cancelada"), std::string::npos);
  EXPECT_EQ(stock(battery), 4);
}
