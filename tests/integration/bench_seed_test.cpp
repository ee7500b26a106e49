// `nico bench:seed`: the benchmark data set is complete, consistent and the same on every run.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <regex>

#include "support/app_server.hpp"
#include "support/test_files.hpp"

using testing_support::AppServer;
using testing_support::scalar;

namespace {

const std::vector<std::string> kSmallSet = {"bench:seed", "--products=40", "--repairs=300", "--orders=60", "--users=25"};

// A fingerprint of generated rows a person would notice: codes, names, phones, statuses, totals.
std::string sample_rows(AppServer& server) {
  std::string text;
  auto sql = server.database().lease();
  std::string code, name, phone, status;
  soci::statement repairs = (sql->prepare << "SELECT code, customer_name, customer_phone, status FROM repairs "
                                             "ORDER BY id",
                             soci::into(code), soci::into(name), soci::into(phone), soci::into(status));
  repairs.execute();
  while (repairs.fetch()) text += code + "|" + name + "|" + phone + "|" + status + "\n";
  long long total = 0;
  soci::statement orders = (sql->prepare << "SELECT status, total FROM orders ORDER BY id", soci::into(status),
                            soci::into(total));
  orders.execute();
  while (orders.fetch()) text += status + "|" + std::to_string(total) + "\n";
  return text;
}

std::string seeded_sample() {
  AppServer server;
  EXPECT_EQ(server.run({"db:seed"}).exit_code, 0);
  auto result = server.run(kSmallSet);
  EXPECT_EQ(result.exit_code, 0) << result.output;
  return sample_rows(server);
}

}  // namespace

TEST(BenchSeed, FillsEveryTableConsistently) {
  AppServer server;
  ASSERT_EQ(server.run({"db:seed"}).exit_code, 0);
  auto result = server.run(kSmallSet);
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("300 reparaciones"), std::string::npos) << result.output;

  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM repairs"), 300);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM orders"), 60);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM products WHERE slug LIKE '%-%'"), 40);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM users WHERE email LIKE '%@bench.nico.test'"), 25);
  // Every repair has its creation history row and ends in the status of its last history row.
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM repair_status_histories WHERE from_status IS NULL "
                           "AND comment = 'Creación de reparación'"), 300);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM repairs r WHERE r.status <> (SELECT h.to_status FROM "
                           "repair_status_histories h WHERE h.repair_id = r.id ORDER BY h.id DESC LIMIT 1)"), 0);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM repairs WHERE status = 'delivered' AND delivered_at IS NULL"), 0);
  // Order totals are the sum of their items; every order has at least one item.
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM orders o WHERE o.total <> (SELECT SUM(i.subtotal) FROM order_items i "
                           "WHERE i.order_id = o.id)"), 0);
  // Counter sales (half the orders) and the stock ledger: every product's movements add up to its stock.
  EXPECT_GT(scalar(server, "SELECT COUNT(*) FROM counter_sales"), 20);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM counter_sales s WHERE s.subtotal <> (SELECT SUM(i.subtotal) FROM "
                           "counter_sale_items i WHERE i.counter_sale_id = s.id)"), 0);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM products p WHERE p.stock <> (SELECT COALESCE(SUM(m.delta), 0) FROM "
                           "stock_movements m WHERE m.product_id = p.id)"), 0);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM stock_movements WHERE stock_after < 0"), 0);

  std::string code;
  server.database().lease()->once << "SELECT code FROM repairs ORDER BY id LIMIT 1", soci::into(code);
  EXPECT_TRUE(std::regex_match(code, std::regex(R"(R-20\d{6}-\d{5})"))) << code;
}

TEST(BenchSeed, SameCountsGiveTheSameRows) {
  std::string first = seeded_sample();
  std::string second = seeded_sample();
  EXPECT_FALSE(first.empty());
  EXPECT_EQ(first, second);
}

TEST(BenchSeed, RefusesBadCountsAndProduction) {
  AppServer server;
  auto bad = server.run({"bench:seed", "--repairs=-5"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.output.find("--repairs"), std::string::npos) << bad.output;
  auto production = server.run({"bench:seed", "--repairs=1"}, {{"APP_ENV", "production"}});
  EXPECT_NE(production.exit_code, 0);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM repairs"), 0);
}
