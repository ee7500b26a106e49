// Anonymous visitors' catalog pages answered whole, without the worker pool (web/guest_pages.hpp, issue #20), must
// look exactly like the pages the pool renders: each visitor's own working token and nonce, a returning visitor
// keeping theirs, maintenance mode, shoppers with a cart, HEAD, and catalog changes shown at once after this server's
// own writes and, for another node's or command's writes, at once on SQLite and within CATALOG_VERSION_REUSE_MS on
// MariaDB/PostgreSQL. One server for the suite, with a reuse time of 1 s.
#include <gtest/gtest.h>

#include <chrono>
#include <regex>
#include <set>
#include <thread>

#include "store_support.hpp"
#include "support/accounts.hpp"

using namespace store_support;

namespace {

class GuestPages : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new AppServer(std::map<std::string, std::string>{{"CATALOG_VERSION_REUSE_MS", "1000"}});
    server_->start();
    category_ = insert_category(*server_, "Repuestos", "repuestos");
    insert_category(*server_, "Auriculares", "auriculares");
    product_ = insert_product(*server_, category_, {.name = "Pin de carga", .slug = "pin-de-carga",
                                                    .price_cents = 250000, .stock = 4});
    // The admin signs in before anything is kept: the suite then starts from the same empty shelf every time.
    admin_ = new Browser(testing_support::signed_in_admin(*server_));
  }
  static void TearDownTestSuite() {
    delete admin_;
    delete server_;
    server_ = nullptr;
  }
  // A page answered twice to new visitors: the second is the kept one.
  static HttpResponse kept(const std::string& path) {
    Browser(server_->base_url()).get(path);
    return Browser(server_->base_url()).get(path);
  }
  // A page kept a second time, which compresses it (guest_pages.hpp): kept, then again once the trust in the
  // version read ran out (the suite's bound, and SQLite's, is 1 s).
  static void kept_twice(const std::string& path) {
    kept(path);
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    kept(path);
  }
  static AppServer* server_;
  static Browser* admin_;
  static long long category_;
  static long long product_;
};
AppServer* GuestPages::server_ = nullptr;
Browser* GuestPages::admin_ = nullptr;
long long GuestPages::category_ = 0;
long long GuestPages::product_ = 0;

}  // namespace

TEST_F(GuestPages, AKeptPageCarriesTheVisitorsOwnTokenNonceAndCookies) {
  kept("/tienda");
  Browser visitor(server_->base_url());
  auto page = visitor.get("/tienda");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.header("x-page-cache"), "hit");
  auto tokens = tokens_in(page.body);
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(*tokens.begin(), visitor.cookie("nico_csrf"));  // the signed cookie this answer set
  EXPECT_FALSE(visitor.cookie("nico_bid").empty());
  // A nonce of its own in the Content-Security-Policy, as every answer has.
  std::string csp = page.header("content-security-policy");
  EXPECT_NE(csp.find("'nonce-"), std::string::npos);
  EXPECT_NE(csp, Browser(server_->base_url()).get("/tienda").header("content-security-policy"));
  for (const char* slot : {"csrfslot", "contentslot", "nonceslot"}) EXPECT_FALSE(page.contains(slot));
  EXPECT_EQ(page.header("cache-control"), "no-cache, private");
  EXPECT_FALSE(page.header("x-request-id").empty());

  // Coming back: the same token, no new cookies; and the token works for a POST.
  auto again = visitor.get("/tienda");
  EXPECT_EQ(again.header("x-page-cache"), "hit");
  EXPECT_TRUE(again.header_values("set-cookie").empty());
  EXPECT_EQ(tokens_in(again.body), tokens);
  EXPECT_EQ(add_to_cart(visitor, *tokens.begin(), product_).status, 302);
  // Another visitor's token is refused, as on any page.
  Browser stranger(server_->base_url());
  EXPECT_EQ(add_to_cart(stranger, *tokens.begin(), product_).status, 419);
}

TEST_F(GuestPages, AShopperWithACartOrASessionNeverGetsTheKeptPage) {
  kept("/producto/pin-de-carga");
  Browser shopper(server_->base_url());
  auto token = *tokens_in(shopper.get("/producto/pin-de-carga").body).begin();
  ASSERT_EQ(add_to_cart(shopper, token, product_).status, 302);
  EXPECT_TRUE(shopper.get("/producto/pin-de-carga").contains("data-cart-count>1<"));
  EXPECT_TRUE(shopper.get("/tienda").contains("data-cart-count>1<"));
  // And the kept page never shows that cart to anyone else.
  EXPECT_FALSE(kept("/producto/pin-de-carga").contains("data-cart-count"));
  update_cart(shopper, token, product_, "0");
}

TEST_F(GuestPages, AnAdminsChangeShowsToTheNextVisitorAtOnce) {
  ASSERT_TRUE(kept("/tienda").contains(">Auriculares<"));
  long long hidden = testing_support::scalar(*server_, "SELECT id FROM categories WHERE slug = 'auriculares'");
  auto admin_token = testing_support::csrf_token_in(admin_->get("/admin/categorias").body);
  auto toggled = admin_->post("/admin/categorias/" + std::to_string(hidden) + "/toggle-active",
                              {{"_token", admin_token}}, kJson);
  ASSERT_EQ(toggled.status, 200) << toggled.body;
  EXPECT_FALSE(Browser(server_->base_url()).get("/tienda").contains(">Auriculares<"));
  ASSERT_EQ(admin_->post("/admin/categorias/" + std::to_string(hidden) + "/toggle-active", {{"_token", admin_token}},
                         kJson)
                .status,
            200);
  EXPECT_TRUE(Browser(server_->base_url()).get("/tienda").contains(">Auriculares<"));
}

TEST_F(GuestPages, AnotherProcesssWriteShowsAtOnceOnSqliteAndWithinTheBoundElsewhere) {
  ASSERT_TRUE(kept("/producto/pin-de-carga").contains("$ 2.500"));
  auto started = std::chrono::steady_clock::now();
  execute(*server_, "UPDATE products SET price = 310000 WHERE id = " + std::to_string(product_));
  // MariaDB/PostgreSQL keep the version by the application: another node bumps it after its commit.
  if (server_->using_server_database())
    execute(*server_, "UPDATE catalog_versions SET version = version + 1 WHERE id = 1");
  if (!server_->using_server_database()) {
    EXPECT_TRUE(Browser(server_->base_url()).get("/producto/pin-de-carga").contains("$ 3.100"));
  } else {
    bool shown = false;
    while (!shown && std::chrono::steady_clock::now() - started < std::chrono::seconds(5)) {
      shown = Browser(server_->base_url()).get("/producto/pin-de-carga").contains("$ 3.100");
      if (!shown) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    EXPECT_TRUE(shown);
  }
  execute(*server_, "UPDATE products SET price = 250000 WHERE id = " + std::to_string(product_));
}

TEST_F(GuestPages, MaintenanceModeIsNotSkippedByAKeptPage) {
  ASSERT_EQ(kept("/tienda").status, 200);
  ASSERT_EQ(server_->run({"down"}).exit_code, 0);
  auto during = Browser(server_->base_url()).get("/tienda");
  ASSERT_EQ(server_->run({"up"}).exit_code, 0);
  EXPECT_EQ(during.status, 503);
  EXPECT_EQ(Browser(server_->base_url()).get("/tienda").status, 200);
}

TEST_F(GuestPages, AHeadRequestGetsTheHeadersOfTheKeptPage) {
  kept("/tienda");
  Browser visitor(server_->base_url());
  auto head = visitor.raw("HEAD", "/tienda", "", {});
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());
  EXPECT_EQ(head.header("x-page-cache"), "hit");
}

TEST_F(GuestPages, ABrowserGetsTheKeptPageGzipCompressedWithItsOwnTokenLeftOutOfTheCompression) {
  kept_twice("/tienda");
  Browser plain(server_->base_url());
  auto uncompressed = plain.get("/tienda");
  ASSERT_EQ(uncompressed.header("x-page-cache"), "hit");
  EXPECT_EQ(uncompressed.header("content-encoding"), "");
  EXPECT_EQ(uncompressed.header("vary"), "Accept-Encoding");

  Browser visitor(server_->base_url());
  visitor.accept_encoding = "gzip, deflate, br, zstd";
  auto page = visitor.get("/tienda");  // decoded by libcurl, which checks the CRC-32 and the length
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.header("x-page-cache"), "hit");
  EXPECT_EQ(page.header("content-encoding"), "gzip");
  EXPECT_EQ(page.header("vary"), "Accept-Encoding");
  EXPECT_LT(std::stoul(page.header("content-length")) * 2, page.body.size()) << "half the bytes or less";
  // The same page a plain client gets, with this visitor's own token in every form.
  auto tokens = tokens_in(page.body);
  ASSERT_EQ(tokens, std::set<std::string>{visitor.cookie("nico_csrf")});
  const std::string other_token = *tokens_in(uncompressed.body).begin();
  std::string same = page.body;
  for (std::size_t at = same.find(*tokens.begin()); at != std::string::npos; at = same.find(*tokens.begin(), at))
    same.replace(at, tokens.begin()->size(), other_token);
  EXPECT_EQ(same, uncompressed.body);
  EXPECT_EQ(add_to_cart(visitor, *tokens.begin(), product_).status, 302);

  // On the wire the token is written as it is (a stored block), never compressed next to text a visitor chose.
  kept_twice("/tienda?q=pin");
  Browser returning(server_->base_url());
  returning.get("/tienda");
  auto wire = returning.get("/tienda?q=pin", {{"Accept-Encoding", "gzip"}});
  ASSERT_EQ(wire.header("content-encoding"), "gzip");
  const std::string token = returning.cookie("nico_csrf");
  ASSERT_FALSE(token.empty());
  EXPECT_NE(wire.body.find(token), std::string::npos);

  // A client that refuses gzip, or names none, gets the plain page.
  for (const char* refusing : {"gzip;q=0", "identity", "br"}) {
    auto answer = Browser(server_->base_url()).get("/tienda", {{"Accept-Encoding", refusing}});
    EXPECT_EQ(answer.header("content-encoding"), "") << refusing;
    EXPECT_TRUE(answer.contains("</html>")) << refusing;
  }
  // A search kept once (a one-off ?q=, as a flood of them would be) is not worth compressing: it goes out plain.
  kept("/tienda?q=una-sola-vez");
  auto once = Browser(server_->base_url()).get("/tienda?q=una-sola-vez", {{"Accept-Encoding", "gzip"}});
  EXPECT_EQ(once.header("x-page-cache"), "hit");
  EXPECT_EQ(once.header("content-encoding"), "");
  // HEAD: the headers of the compressed answer, no body.
  auto head = Browser(server_->base_url()).raw("HEAD", "/tienda", "", {{"Accept-Encoding", "gzip"}});
  EXPECT_EQ(head.header("content-encoding"), "gzip");
  EXPECT_TRUE(head.body.empty());
}

TEST_F(GuestPages, TheRepairLookupFormIsKeptButAVisitorsTypedCodeComesBack) {
  auto form = kept("/reparacion");
  ASSERT_EQ(form.status, 200);
  EXPECT_EQ(form.header("x-page-cache"), "hit");
  Browser customer(server_->base_url());
  auto missed = customer.submit("/reparacion", "/reparacion", {{"code", "NR-NOEXISTE"}, {"phone", "341 555-0000"}});
  ASSERT_EQ(missed.status, 302);
  auto again = customer.follow(missed);  // their session holds the error and what they typed
  EXPECT_TRUE(again.contains("value=\"NR-NOEXISTE\""));
  EXPECT_NE(again.header("x-page-cache"), "hit");
  EXPECT_FALSE(kept("/reparacion").contains("NR-NOEXISTE"));
}
