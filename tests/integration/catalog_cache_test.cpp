// The store keeps catalog reads in memory per catalog version: a write made anywhere (another node, the admin,
// a checkout; here plain SQL on the shared database) must show on the very next page view.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include "support/app_server.hpp"
#include "support/browser.hpp"
#include "support/catalog_fixtures.hpp"

using testing_support::AppServer;
using testing_support::Browser;

namespace {

void execute(AppServer& server, const std::string& statement) { server.database().lease()->once << statement; }

}  // namespace

TEST(CatalogCache, WritesFromOutsideTheProcessShowAtOnce) {
  AppServer server;
  server.start();
  long long category = testing_support::insert_category(server, "Parlantes", "parlantes");
  long long id = testing_support::insert_product(server, category, "Parlante Bluetooth", "parlante-bluetooth", 900000, 4);
  Browser browser(server.base_url());

  // Warm every cached read twice.
  for (int i = 0; i < 2; ++i) {
    EXPECT_TRUE(browser.get("/tienda").contains("Parlante Bluetooth"));
    EXPECT_TRUE(browser.get("/tienda/categoria/parlantes").contains("Parlante Bluetooth"));
    EXPECT_TRUE(browser.get("/producto/parlante-bluetooth").contains("$ 9.000"));
  }

  execute(server, "UPDATE products SET price = 1250000 WHERE id = " + std::to_string(id));
  EXPECT_TRUE(browser.get("/producto/parlante-bluetooth").contains("$ 12.500"));
  EXPECT_TRUE(browser.get("/tienda").contains("$ 12.500"));

  execute(server, "UPDATE categories SET name = 'Audio' WHERE id = " + std::to_string(category));
  EXPECT_TRUE(browser.get("/tienda").contains("Audio"));

  execute(server, "UPDATE products SET active = 0 WHERE id = " + std::to_string(id));
  EXPECT_EQ(browser.get("/producto/parlante-bluetooth").status, 404);
  EXPECT_FALSE(browser.get("/tienda").contains("Parlante Bluetooth"));

  execute(server, "UPDATE products SET active = 1 WHERE id = " + std::to_string(id));
  EXPECT_TRUE(browser.get("/tienda").contains("Parlante Bluetooth"));
  execute(server, "UPDATE categories SET active = 0 WHERE id = " + std::to_string(category));
  EXPECT_EQ(browser.get("/tienda/categoria/parlantes").status, 404);
  EXPECT_FALSE(browser.get("/tienda").contains("Parlante Bluetooth"));
}
