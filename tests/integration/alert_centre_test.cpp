// The alert centre /admin/alertas (docs/domain/alerts.md): the digest's items live, "Nuevo" per admin until that
// admin marks them seen, the header badge counting what this admin has not seen, and a new item showing as new
// after everything else was marked. Runs on SQLite, MariaDB and PostgreSQL.
#include <gtest/gtest.h>

#include <string>

#include "alerts_support.hpp"
#include "support/accounts.hpp"
#include "support/app_server.hpp"
#include "support/browser.hpp"
#include "support/test_files.hpp"

using namespace alerts_support;
using testing_support::Browser;

namespace {

Browser second_admin(AppServer& server) {
  auto made = server.run({"user:create-admin", "--email=socia@taller.example.com", "--password=clave-socia-123",
                          "--name=Socia"});
  EXPECT_EQ(made.exit_code, 0) << made.output;
  Browser browser(server.base_url());
  auto login = browser.submit("/login", "/login",
                              {{"email", "socia@taller.example.com"}, {"password", "clave-socia-123"}});
  EXPECT_EQ(login.status, 302);
  return browser;
}

std::string item_marker(const std::string& key, const std::string& state) {
  return "data-alert-item=\"" + key + "\" data-alert-state=\"" + state + "\"";
}

}  // namespace

TEST(AlertCentre, SeenStateIsPerAdminAndANewItemStaysNew) {
  AppServer server;
  server.start();
  long long stale = add_repair(server, "R-20261120-00001", "Ana Pérez", "repairing", 9 * 24);
  long long low = add_product(server, "Funda sin stock", 0);
  auto jefe = testing_support::signed_in_admin(server);
  auto socia = second_admin(server);
  std::string stale_key = "stale_repair:" + std::to_string(stale), low_key = "low_stock:" + std::to_string(low);

  auto page = jefe.get("/admin/alertas");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(page.contains(item_marker(stale_key, "new"))) << page.body;
  EXPECT_TRUE(page.contains(item_marker(low_key, "new")));
  EXPECT_TRUE(page.contains("href=\"/admin/reparaciones/" + std::to_string(stale) + "\""));
  EXPECT_TRUE(page.contains("data-alerts-count>2<")) << page.body;  // header badge

  // The boss marks everything that was on the page; meanwhile a new order went late.
  std::string token = testing_support::csrf_token_in(page.body);
  long long late = add_order(server, "pendiente", "Fede Luna", 72);
  std::string late_key = "pending_order:" + std::to_string(late);
  auto marked = jefe.post("/admin/alertas/vistas", {{"_token", token}, {"keys", stale_key}, {"keys", low_key}});
  ASSERT_EQ(marked.status, 302);
  auto after = jefe.follow(marked);
  EXPECT_TRUE(after.contains("Marcaste 2 alertas como vistas.")) << after.body;
  EXPECT_TRUE(after.contains(item_marker(stale_key, "seen")));  // still listed while it lasts
  EXPECT_TRUE(after.contains(item_marker(low_key, "seen")));
  EXPECT_TRUE(after.contains(item_marker(late_key, "new"))) << after.body;  // not hidden by the mark
  EXPECT_TRUE(after.contains("data-alerts-count>1<")) << after.body;

  // The partner has seen nothing.
  auto theirs = socia.get("/admin/alertas");
  EXPECT_TRUE(theirs.contains(item_marker(stale_key, "new")));
  EXPECT_TRUE(theirs.contains(item_marker(low_key, "new")));
  EXPECT_TRUE(theirs.contains("data-alerts-count>3<")) << theirs.body;
  EXPECT_EQ(testing_support::scalar(server, "SELECT COUNT(*) FROM admin_alert_seen"), 2);

  // A key that is not on the list (or is not a key at all) marks nothing.
  auto forged = socia.post("/admin/alertas/vistas", {{"_token", testing_support::csrf_token_in(theirs.body)},
                                                     {"keys", "x'); DELETE FROM users; --"}});
  EXPECT_EQ(forged.status, 302);
  EXPECT_EQ(testing_support::scalar(server, "SELECT COUNT(*) FROM admin_alert_seen"), 2);

  // Restocked, then low again later: new again.
  {
    auto sql = server.database().lease();
    *sql << "UPDATE products SET stock = 20 WHERE id = :i", soci::use(low);
  }
  EXPECT_FALSE(jefe.get("/admin/alertas").contains("data-alert-item=\"" + low_key + "\""));
  {
    auto sql = server.database().lease();
    *sql << "UPDATE products SET stock = 0 WHERE id = :i", soci::use(low);
  }
  EXPECT_TRUE(jefe.get("/admin/alertas").contains(item_marker(low_key, "new")));
}

TEST(AlertCentre, AnEmptyListSaysSoAndCustomersCannotSeeIt) {
  AppServer server;
  server.start();
  auto admin = testing_support::signed_in_admin(server);
  auto page = admin.get("/admin/alertas");
  EXPECT_TRUE(page.contains("Todo en orden ✅ No hay nada pendiente.")) << page.body;
  EXPECT_FALSE(page.contains("data-alerts-badge"));
  auto customer = testing_support::registered_customer_without_mail(server, "cliente@example.com");
  EXPECT_NE(customer.get("/admin/alertas").status, 200);
}
