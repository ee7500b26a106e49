// The caller owns the transaction (docs/ARCHITECTURE.md, "Transactions"), as a shop owner or a buyer would notice
// it: a status change and its audit entry are one commit (when the audit entry cannot be written, the status stays
// and the admin gets an error), an order and its confirmation mail job are one commit (the job is there before any
// worker runs; a refused or failed checkout leaves none), and a burst of parallel status changes keeps the audit
// chain verifiable with one entry per change. Failures are injected with a trigger that aborts one write, on
// SQLite, MariaDB and PostgreSQL alike.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "store_support.hpp"
#include "support/accounts.hpp"

using namespace store_support;
using testing_support::csrf_token_in;
using testing_support::registered_customer;
using testing_support::scalar;

namespace {

// A trigger that makes every `event` (INSERT/UPDATE) on `table` fail until remove_failure().
void inject_failure(AppServer& server, const std::string& table, const std::string& event) {
  if (server.using_postgres()) {
    execute(server, "CREATE OR REPLACE FUNCTION inject_failure() RETURNS trigger LANGUAGE plpgsql AS "
                    "'BEGIN RAISE EXCEPTION ''injected failure''; END'");
    execute(server, "CREATE TRIGGER inject_failure BEFORE " + event + " ON " + table +
                        " FOR EACH ROW EXECUTE FUNCTION inject_failure()");
  } else if (server.using_mariadb()) {
    execute(server, "CREATE TRIGGER inject_failure BEFORE " + event + " ON " + table +
                        " FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'injected failure'");
  } else {
    execute(server, "CREATE TRIGGER inject_failure BEFORE " + event + " ON " + table +
                        " BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
  }
}

void remove_failure(AppServer& server, const std::string& table) {
  execute(server, server.using_postgres() ? "DROP TRIGGER inject_failure ON " + table
                                          : std::string("DROP TRIGGER inject_failure"));
}

std::string text_of(AppServer& server, const std::string& query) {
  std::string value;
  soci::indicator indicator = soci::i_null;
  server.database().lease()->once << query, soci::into(value, indicator);
  return indicator == soci::i_ok ? value : "NULL";
}

long long insert_repair(AppServer& server, const std::string& code, const std::string& status) {
  execute(server, "INSERT INTO repairs (code, customer_name, customer_phone, device_brand, device_model, issue_reported, "
                  "status, received_at, created_at, updated_at) VALUES ('" + code + "', 'Ana Pérez', '3415550000', "
                  "'Motorola', 'G20', 'Pantalla', '" + status + "', '2026-01-02 10:00:00', '2026-01-02 10:00:00', "
                  "'2026-01-02 10:00:00')");
  return scalar(server, "SELECT id FROM repairs WHERE code = '" + code + "'");
}

HttpResponse post_repair_status(Browser& admin, const std::string& token, long long id, const std::string& status) {
  return admin.post("/admin/reparaciones/" + std::to_string(id) + "/estado", {{"_token", token}, {"status", status}},
                    kJson);
}

class Transactions : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new AppServer(std::map<std::string, std::string>{{"RATE_LIMIT_ADMIN_REQUESTS_PER_MINUTE", "100000"},
                                                               {"RATE_LIMIT_AUTH_LOGIN_PER_MINUTE", "100000"},
                                                               {"RATE_LIMIT_AUTH_REGISTER_PER_MINUTE", "100000"}});
    server_->start();
    admin_ = new Browser(testing_support::signed_in_admin(*server_));
    token_ = csrf_token_in(admin_->get("/admin/reparaciones/crear").body);
    category_ = insert_category(*server_, "Repuestos", "repuestos-tx");
  }
  static void TearDownTestSuite() {
    delete admin_;
    delete server_;
    admin_ = nullptr;
    server_ = nullptr;
  }
  static long long product(const std::string& name, int stock) {
    static int counter = 0;
    return insert_product(*server_, category_, {name, "tx-" + std::to_string(++counter), 250000, stock});
  }
  // A buyer with `quantity` of `product_id` in the cart, on the checkout page: returns its checkout token.
  static std::string prepare_checkout(Browser& buyer, long long product_id, int quantity) {
    add_to_cart(buyer, token_for(buyer), product_id, std::to_string(quantity));
    auto page = buyer.get("/checkout");
    EXPECT_EQ(page.status, 200);
    const std::string marker = "name=\"checkout_token\" value=\"";
    auto at = page.body.find(marker);
    if (at == std::string::npos) return "";
    at += marker.size();
    return page.body.substr(at, page.body.find('"', at) - at);
  }
  static HttpResponse confirm(Browser& buyer, const std::string& checkout_token) {
    return buyer.post("/checkout/confirmar",
                      {{"_token", token_for(buyer)}, {"payment_method", "local"}, {"checkout_token", checkout_token}});
  }
  static long long mail_jobs(long long order_id) {
    return scalar(*server_, "SELECT COUNT(*) FROM jobs WHERE payload LIKE '%mail.order_confirmation%' AND "
                            "payload LIKE '%order_id%:" + std::to_string(order_id) + "}%'");
  }
  static long long all_mail_jobs() {
    return scalar(*server_, "SELECT COUNT(*) FROM jobs WHERE payload LIKE '%mail.order_confirmation%'");
  }

  static AppServer* server_;
  static Browser* admin_;
  static std::string token_;
  static long long category_;
};
AppServer* Transactions::server_ = nullptr;
Browser* Transactions::admin_ = nullptr;
std::string Transactions::token_;
long long Transactions::category_ = 0;

}  // namespace

TEST_F(Transactions, ARepairStatusChangeWhoseAuditEntryCannotBeWrittenChangesNothing) {
  long long id = insert_repair(*server_, "R-20260102-90001", "received");
  const std::string audited = "SELECT COUNT(*) FROM audit_logs WHERE event = 'admin.repair.status_changed' AND "
                              "subject_id = " + std::to_string(id);
  const std::string history = "SELECT COUNT(*) FROM repair_status_histories WHERE repair_id = " + std::to_string(id);

  inject_failure(*server_, "audit_logs", "INSERT");
  auto failed = post_repair_status(*admin_, token_, id, "diagnosing");
  remove_failure(*server_, "audit_logs");
  EXPECT_EQ(failed.status, 500);
  EXPECT_EQ(text_of(*server_, "SELECT status FROM repairs WHERE id = " + std::to_string(id)), "received");
  EXPECT_EQ(scalar(*server_, history), 0);
  EXPECT_EQ(scalar(*server_, audited), 0);

  // Once the audit trail can be written again, the same change goes through with its entry.
  auto changed = post_repair_status(*admin_, token_, id, "diagnosing");
  EXPECT_EQ(changed.status, 200) << changed.body;
  EXPECT_TRUE(changed.contains("\"changed\":true"));
  EXPECT_EQ(text_of(*server_, "SELECT status FROM repairs WHERE id = " + std::to_string(id)), "diagnosing");
  EXPECT_EQ(scalar(*server_, history), 1);
  EXPECT_EQ(scalar(*server_, audited), 1);
  EXPECT_EQ(server_->run({"audit:verify"}).exit_code, 0);
}

TEST_F(Transactions, ACancelWhoseAuditEntryCannotBeWrittenKeepsTheOrderAndItsStock) {
  long long cable = product("Cable reforzado", 7);
  long long buyer = testing_support::user_id_of(*server_, testing_support::kTestAdminEmail);
  execute(*server_, "INSERT INTO orders (user_id, status, payment_method, total, pickup_name, pickup_phone, "
                    "stock_deducted_at, created_at, updated_at) VALUES (" + std::to_string(buyer) + ", 'pendiente', "
                    "'local', 500000, 'Ana Pérez', '3415550000', '2026-01-02 10:00:00', '2026-01-02 10:00:00', "
                    "'2026-01-02 10:00:00')");
  long long order = scalar(*server_, "SELECT MAX(id) FROM orders");
  execute(*server_, "INSERT INTO order_items (order_id, product_id, product_name, price, quantity, subtotal) VALUES (" +
                        std::to_string(order) + ", " + std::to_string(cable) + ", 'Cable reforzado', 250000, 2, 500000)");
  auto cancel = [&] {
    auto page = admin_->get("/admin/pedidos/" + std::to_string(order));
    return admin_->post("/admin/pedidos/" + std::to_string(order) + "/estado",
                        {{"_token", csrf_token_in(page.body)}, {"status", "cancelado"}}, kJson);
  };

  inject_failure(*server_, "audit_logs", "INSERT");
  auto failed = cancel();
  remove_failure(*server_, "audit_logs");
  EXPECT_EQ(failed.status, 500);
  EXPECT_EQ(text_of(*server_, "SELECT status FROM orders WHERE id = " + std::to_string(order)), "pendiente");
  EXPECT_EQ(text_of(*server_, "SELECT stock_restored_at FROM orders WHERE id = " + std::to_string(order)), "NULL");
  EXPECT_EQ(stock_of(*server_, cable), 7);  // the stock came back only with a committed cancel

  auto cancelled = cancel();
  EXPECT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_EQ(text_of(*server_, "SELECT status FROM orders WHERE id = " + std::to_string(order)), "cancelado");
  EXPECT_EQ(stock_of(*server_, cable), 9);
  EXPECT_EQ(scalar(*server_, "SELECT COUNT(*) FROM audit_logs WHERE event = 'admin.order.status_changed' AND "
                             "subject_id = " + std::to_string(order)),
            1);
}

TEST_F(Transactions, TheConfirmationMailJobIsWrittenWithTheOrderAndOnlyWithIt) {
  long long screen = product("Pantalla táctil", 3);
  Browser buyer = registered_customer(*server_, "outbox@example.com");

  // A refused checkout (the stock went below the cart meanwhile) writes neither an order nor a mail job.
  std::string token = prepare_checkout(buyer, screen, 2);
  execute(*server_, "UPDATE products SET stock = 1 WHERE id = " + std::to_string(screen));
  long long orders_before = scalar(*server_, "SELECT COUNT(*) FROM orders");
  long long jobs_before = all_mail_jobs();
  auto refused = confirm(buyer, token);
  EXPECT_EQ(refused.header("location"), "/carrito");
  EXPECT_EQ(scalar(*server_, "SELECT COUNT(*) FROM orders"), orders_before);
  EXPECT_EQ(all_mail_jobs(), jobs_before);

  // A checkout whose mail job cannot be written places no order either (and takes no stock).
  execute(*server_, "UPDATE products SET stock = 3 WHERE id = " + std::to_string(screen));
  token = prepare_checkout(buyer, screen, 2);
  inject_failure(*server_, "jobs", "INSERT");
  auto failed = confirm(buyer, token);
  remove_failure(*server_, "jobs");
  EXPECT_EQ(failed.status, 500);
  EXPECT_EQ(scalar(*server_, "SELECT COUNT(*) FROM orders"), orders_before);
  EXPECT_EQ(stock_of(*server_, screen), 3);
  EXPECT_EQ(all_mail_jobs(), jobs_before);

  // The same page then confirms, and its mail job is already there when the order is: no worker has run.
  auto placed = confirm(buyer, token);
  ASSERT_EQ(placed.status, 302);
  ASSERT_EQ(placed.header("location").rfind("/pedido/", 0), 0u) << placed.header("location");
  long long order = scalar(*server_, "SELECT MAX(id) FROM orders");
  EXPECT_EQ(mail_jobs(order), 1);
  EXPECT_EQ(all_mail_jobs(), jobs_before + 1);
  EXPECT_EQ(stock_of(*server_, screen),
            3 - scalar(*server_, "SELECT SUM(quantity) FROM order_items WHERE order_id = " + std::to_string(order)));
}

TEST_F(Transactions, ABurstOfParallelStatusChangesKeepsTheAuditChainVerifiable) {
  constexpr int kAdmins = 4, kRepairsEach = 3;
  const std::vector<std::string> path = {"diagnosing", "repairing", "ready_pickup", "delivered"};
  std::vector<std::vector<long long>> repairs(kAdmins);
  for (int a = 0; a < kAdmins; ++a)
    for (int r = 0; r < kRepairsEach; ++r)
      repairs[a].push_back(insert_repair(*server_, "R-20260102-8" + std::to_string(a) + std::to_string(r) + "00",
                                         "received"));
  long long entries_before =
      scalar(*server_, "SELECT COUNT(*) FROM audit_logs WHERE event = 'admin.repair.status_changed'");

  std::vector<Browser> admins;
  std::vector<std::string> tokens;
  for (int a = 0; a < kAdmins; ++a) {
    admins.push_back(testing_support::signed_in_admin(*server_));
    tokens.push_back(csrf_token_in(admins.back().get("/admin/reparaciones/crear").body));
  }
  std::atomic<int> changed{0}, failures{0};
  std::vector<std::thread> threads;
  for (int a = 0; a < kAdmins; ++a)
    threads.emplace_back([&, a] {
      for (const auto& status : path)
        for (long long id : repairs[a]) {
          auto response = post_repair_status(admins[a], tokens[a], id, status);
          if (response.status == 200 && response.contains("\"changed\":true")) ++changed;
          else ++failures;
        }
    });
  for (auto& thread : threads) thread.join();

  const int expected = kAdmins * kRepairsEach * static_cast<int>(path.size());
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(changed.load(), expected);
  // One audit entry per committed change, and the chain verifies end to end.
  EXPECT_EQ(scalar(*server_, "SELECT COUNT(*) FROM audit_logs WHERE event = 'admin.repair.status_changed'"),
            entries_before + expected);
  auto verify = server_->run({"audit:verify"});
  EXPECT_EQ(verify.exit_code, 0) << verify.output;
}
