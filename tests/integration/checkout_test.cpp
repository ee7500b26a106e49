// Checkout (/checkout, /checkout/confirmar, /pedido/{id}) as buyers would notice it: one order per checkout
// token whatever the clicking, prices from the database, stock never oversold nor negative whatever the
// concurrency, everything rolled back when one line fails, the profile gate, and the checkout-confirm limiter.
#include <gtest/gtest.h>

#include <atomic>
#include <iostream>
#include <thread>

#include "store_support.hpp"
#include "support/accounts.hpp"

using namespace store_support;
using testing_support::checkout_token_in;
using testing_support::registered_customer;
using testing_support::scalar;
using testing_support::user_id_of;
using testing_support::visible_text;

namespace {

class Checkout : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // Many customers register and buy from 127.0.0.1 in this suite: the auth and per-IP limiters are not under
    // test here (security_limits_test.cpp tests the per-IP ones).
    server_ = new AppServer(std::map<std::string, std::string>{
        {"RATE_LIMIT_AUTH_REGISTER_PER_MINUTE", "100000"},
        {"RATE_LIMIT_AUTH_LOGIN_PER_MINUTE", "100000"},
        {"RATE_LIMIT_CART_WRITE_PER_IP_PER_MINUTE", "1000000"},
        {"RATE_LIMIT_CHECKOUT_CONFIRM_PER_IP_PER_MINUTE", "1000000"},
        // Tests write business settings straight into the table, behind the server's settings snapshot.
        {"SETTINGS_CACHE_SECONDS", "0"}});
    server_->start();
    category_ = insert_category(*server_, "Repuestos", "repuestos");
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static long long product(const std::string& name, long long price_cents, int stock) {
    static int counter = 0;
    return insert_product(*server_, category_, {name, "chk-" + std::to_string(++counter), price_cents, stock});
  }
  static Browser customer() {
    static std::atomic<int> counter{0};
    return registered_customer(*server_, "comprador" + std::to_string(++counter) + "@example.com");
  }
  // Adds (product, quantity) lines and opens /checkout; returns the checkout token of the page.
  static std::string prepare(Browser& browser, const std::vector<std::pair<long long, int>>& lines) {
    std::string token = token_for(browser);
    for (const auto& [id, quantity] : lines) add_to_cart(browser, token, id, std::to_string(quantity));
    auto page = browser.get("/checkout");
    EXPECT_EQ(page.status, 200);
    return checkout_token_in(page.body);
  }
  static HttpResponse confirm(Browser& browser, const std::string& checkout_token,
                              std::vector<std::pair<std::string, std::string>> extra = {}) {
    std::vector<std::pair<std::string, std::string>> fields = {
        {"_token", token_for(browser)}, {"payment_method", "local"}, {"checkout_token", checkout_token}};
    for (auto& field : extra) fields.push_back(std::move(field));
    return browser.post("/checkout/confirmar", fields);
  }
  static long long orders_of(const std::string& email) {
    return scalar(*server_, "SELECT COUNT(*) FROM orders WHERE user_id = " + std::to_string(user_id_of(*server_, email)));
  }
  static AppServer* server_;
  static long long category_;
};
AppServer* Checkout::server_ = nullptr;
long long Checkout::category_ = 0;

}  // namespace

TEST_F(Checkout, ConfirmCreatesOnePendingOrderDecrementsStockAndShowsTheThankYouPage) {
  long long id = product("Módulo A52", 2500000, 10);
  Browser browser = customer();
  std::string token = prepare(browser, {{id, 2}});
  ASSERT_FALSE(token.empty());
  auto page = browser.get("/checkout");
  EXPECT_EQ(checkout_token_in(page.body), token);  // the same token until the cart changes
  std::string text = visible_text(page.body);
  EXPECT_NE(text.find("Último paso: confirmá tu pedido para retiro en local."), std::string::npos);
  EXPECT_TRUE(page.contains("Nombre: <span class=\"font-semibold\">Ana Pérez</span>"));
  EXPECT_NE(text.find("x2 · $ 25.000"), std::string::npos);
  EXPECT_NE(text.find("$ 50.000"), std::string::npos);

  auto confirmed = confirm(browser, token, {{"notes", "Paso a la tarde"}, {"pickup_delegate_name", "Juan Pérez"},
                                            {"pickup_delegate_phone", "341 555-1111"}});
  ASSERT_EQ(confirmed.status, 302);
  long long order = scalar(*server_, "SELECT MAX(id) FROM orders");
  EXPECT_EQ(confirmed.header("location"), "/pedido/" + std::to_string(order));
  EXPECT_EQ(stock_of(*server_, id), 8);
  std::string where = " FROM orders WHERE id = " + std::to_string(order);
  EXPECT_EQ(scalar(*server_, "SELECT total" + where), 5000000);
  EXPECT_EQ(scalar(*server_, "SELECT COUNT(*)" + where + " AND status = 'pendiente' AND payment_method = 'local' "
                             "AND pickup_name = 'Ana Pérez' AND pickup_phone = '+5493415550000' AND stock_deducted_at IS NOT NULL "
                             "AND pickup_delegate_name = 'Juan Pérez' AND pickup_delegate_phone = '+5493415551111' "
                             "AND notes = 'Paso a la tarde'"),
            1);
  EXPECT_EQ(scalar(*server_, "SELECT COUNT(*) FROM order_items WHERE order_id = " + std::to_string(order) +
                                 " AND quantity = 2 AND price = 2500000 AND subtotal = 5000000 AND product_name = 'Módulo A52'"),
            1);
  EXPECT_EQ(scalar(*server_, "SELECT COUNT(*) FROM order_status_histories WHERE order_id = " + std::to_string(order) +
                                 " AND from_status IS NULL AND to_status = 'pendiente' AND comment = 'Pedido creado' "
                                 "AND changed_by = (SELECT user_id FROM orders WHERE id = " + std::to_string(order) + ")"),
            1);

  auto thanks = browser.follow(confirmed);
  ASSERT_EQ(thanks.status, 200);
  std::string thanks_text = visible_text(thanks.body);
  EXPECT_NE(thanks_text.find("¡Pedido confirmado!"), std::string::npos);
  EXPECT_NE(thanks_text.find("Pedido recibido"), std::string::npos);
  EXPECT_NE(thanks_text.find("Pedido #" + std::to_string(order)), std::string::npos);
  EXPECT_NE(thanks_text.find("Pendiente"), std::string::npos);
  EXPECT_NE(thanks_text.find("Recibimos tu pedido. En breve lo confirmamos."), std::string::npos);
  EXPECT_NE(thanks_text.find("Pago en el local"), std::string::npos);
  EXPECT_NE(thanks_text.find("Juan Pérez (0341 15-555-1111)"), std::string::npos);
  EXPECT_NE(thanks_text.find("WhatsApp no disponible por el momento."), std::string::npos);
  EXPECT_TRUE(thanks.contains("href=\"/mis-pedidos/" + std::to_string(order) + "\""));
  EXPECT_FALSE(thanks.contains("data-cart-count"));  // the cart is spent
  EXPECT_TRUE(browser.get("/carrito").contains("Tu carrito está vacío."));
}

TEST_F(Checkout, ReplayingTheSameTokenLeadsToTheSameOrder) {
  long long id = product("Batería iPhone 12", 3000000, 10);
  const std::string email = "replay@example.com";
  Browser browser = registered_customer(*server_, email);
  std::string token = prepare(browser, {{id, 2}});
  auto first = confirm(browser, token);
  auto second = confirm(browser, token);
  auto third = confirm(browser, token);
  ASSERT_EQ(first.status, 302);
  EXPECT_EQ(second.header("location"), first.header("location"));
  EXPECT_EQ(third.header("location"), first.header("location"));
  EXPECT_TRUE(browser.follow(third).contains("El pedido ya estaba confirmado."));
  EXPECT_EQ(orders_of(email), 1);
  EXPECT_EQ(stock_of(*server_, id), 8);
}

TEST_F(Checkout, SameTokenFiveTimesInParallelMakesOneOrder) {
  long long id = product("Pin de carga", 800000, 10);
  const std::string email = "parallel@example.com";
  Browser browser = registered_customer(*server_, email);
  std::string token = prepare(browser, {{id, 1}});
  std::string csrf = token_for(browser);
  std::vector<std::thread> threads;
  std::vector<HttpResponse> answers(5);
  for (int i = 0; i < 5; ++i) {
    threads.emplace_back([&, i] {
      Browser copy = browser;  // same cookies: the same session, like five clicks in one tab
      answers[i] = copy.post("/checkout/confirmar", {{"_token", csrf}, {"payment_method", "local"}, {"checkout_token", token}});
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(orders_of(email), 1);
  EXPECT_EQ(stock_of(*server_, id), 9);
  long long order = scalar(*server_, "SELECT MAX(id) FROM orders WHERE user_id = " + std::to_string(user_id_of(*server_, email)));
  for (const auto& answer : answers) {
    EXPECT_EQ(answer.status, 302);
    EXPECT_EQ(answer.header("location"), "/pedido/" + std::to_string(order));
  }
  EXPECT_EQ(scalar(*server_, "SELECT COUNT(*) FROM order_items WHERE order_id = " + std::to_string(order)), 1);
}

TEST_F(Checkout, FiftyBuyersForTheLastTenUnitsMakeExactlyTenOrders) {
  long long id = product("Display OLED", 9000000, 100);
  std::vector<Browser> buyers;
  std::vector<std::string> tokens;
  for (int i = 0; i < 50; ++i) {
    buyers.push_back(customer());
    tokens.push_back(prepare(buyers.back(), {{id, 1}}));
    ASSERT_FALSE(tokens.back().empty());
  }
  std::vector<std::string> csrf;
  for (auto& buyer : buyers) csrf.push_back(token_for(buyer));
  execute(*server_, "UPDATE products SET stock = 10 WHERE id = " + std::to_string(id));
  long long orders_before = scalar(*server_, "SELECT COUNT(*) FROM orders");

  std::atomic<int> placed{0}, refused{0}, other{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 50; ++i) {
    threads.emplace_back([&, i] {
      auto answer = buyers[i].post("/checkout/confirmar",
                                   {{"_token", csrf[i]}, {"payment_method", "local"}, {"checkout_token", tokens[i]}});
      std::string location = answer.header("location");
      if (answer.status == 302 && location.rfind("/pedido/", 0) == 0) ++placed;
      else if (answer.status == 302 && location == "/carrito") ++refused;
      else ++other;
    });
  }
  for (auto& thread : threads) thread.join();
  std::cout << "[concurrency] 50 buyers, 10 units: placed=" << placed << " refused=" << refused << " other=" << other
            << " stock=" << stock_of(*server_, id) << std::endl;
  EXPECT_EQ(placed, 10);
  EXPECT_EQ(refused, 40);
  EXPECT_EQ(other, 0);
  EXPECT_EQ(stock_of(*server_, id), 0);
  EXPECT_EQ(scalar(*server_, "SELECT COUNT(*) FROM orders") - orders_before, 10);
  EXPECT_EQ(scalar(*server_, "SELECT COALESCE(SUM(quantity), 0) FROM order_items WHERE product_id = " + std::to_string(id)), 10);
  // A refused buyer keeps the cart and reads why.
  for (auto& buyer : buyers) {
    auto cart = buyer.get("/carrito");
    if (cart.contains("Stock insuficiente para") || cart.contains("No se pudo confirmar: el stock de")) {
      SUCCEED();
      return;
    }
  }
  ADD_FAILURE() << "no refused buyer saw the stock message";
}

TEST_F(Checkout, PricesComeFromTheDatabaseAtConfirmTime) {
  long long id = product("Cámara trasera", 1000000, 5);
  Browser browser = customer();
  std::string token = prepare(browser, {{id, 2}});
  execute(*server_, "UPDATE products SET price = 1250000 WHERE id = " + std::to_string(id));
  auto confirmed = confirm(browser, token, {{"price", "1"}, {"total", "1"}});
  ASSERT_EQ(confirmed.status, 302);
  long long order = scalar(*server_, "SELECT MAX(id) FROM orders");
  EXPECT_EQ(scalar(*server_, "SELECT total FROM orders WHERE id = " + std::to_string(order)), 2500000);
  EXPECT_EQ(scalar(*server_, "SELECT price FROM order_items WHERE order_id = " + std::to_string(order)), 1250000);
}

TEST_F(Checkout, OneFailingLineRollsEverythingBackAndKeepsTheCart) {
  long long first = product("Tapa trasera", 500000, 5);
  long long second = product("Flex de carga", 400000, 5);
  Browser browser = customer();
  std::string token = prepare(browser, {{first, 2}, {second, 3}});
  execute(*server_, "UPDATE products SET stock = 1 WHERE id = " + std::to_string(second));
  long long before = scalar(*server_, "SELECT COUNT(*) FROM orders");
  auto refused = confirm(browser, token);
  ASSERT_EQ(refused.status, 302);
  EXPECT_EQ(refused.header("location"), "/carrito");
  EXPECT_EQ(scalar(*server_, "SELECT COUNT(*) FROM orders"), before);
  EXPECT_EQ(stock_of(*server_, first), 5);
  EXPECT_EQ(stock_of(*server_, second), 1);
  auto cart = browser.get("/carrito");
  EXPECT_TRUE(cart.contains("Stock insuficiente para &quot;Flex de carga&quot;. Disponible: 1."));
  EXPECT_TRUE(cart.contains("Tapa trasera"));  // the cart is kept (re-synced to the stock)

  // The token was spent on the refusal: the old page cannot confirm any more.
  auto stale = confirm(browser, token);
  EXPECT_EQ(stale.header("location"), "/checkout");

  // A product that disappears between the page and the confirm.
  std::string again = checkout_token_in(browser.get("/checkout").body);
  execute(*server_, "UPDATE products SET active = 0 WHERE id = " + std::to_string(first));
  auto gone = confirm(browser, again);
  EXPECT_EQ(gone.header("location"), "/carrito");
  EXPECT_TRUE(browser.get("/carrito").contains("Uno o más productos ya no existen o fueron eliminados."));
  EXPECT_EQ(scalar(*server_, "SELECT COUNT(*) FROM orders"), before);
  EXPECT_EQ(stock_of(*server_, second), 1);
}

TEST_F(Checkout, TokenOfAnotherSessionOrAStaleOneIsRefusedCleanly) {
  long long id = product("Parlante", 1200000, 10);
  const std::string email = "stale@example.com";
  Browser mine = registered_customer(*server_, email);
  Browser theirs = customer();
  std::string my_token = prepare(mine, {{id, 1}});
  std::string their_token = prepare(theirs, {{id, 1}});

  auto foreign = confirm(mine, their_token);
  ASSERT_EQ(foreign.status, 302);
  EXPECT_EQ(foreign.header("location"), "/checkout");
  EXPECT_TRUE(mine.get("/checkout").contains("La confirmación de la compra venció. Revisá y confirmá de nuevo."));
  EXPECT_EQ(confirm(mine, "").header("location").empty(), false);
  EXPECT_EQ(confirm(mine, std::string(200, 'x')).status, 302);
  EXPECT_EQ(orders_of(email), 0);

  // Changing the cart invalidates the page on screen.
  add_to_cart(mine, token_for(mine), id, "1");
  EXPECT_EQ(confirm(mine, my_token).header("location"), "/checkout");
  EXPECT_EQ(orders_of(email), 0);
  EXPECT_EQ(stock_of(*server_, id), 10);
}

TEST_F(Checkout, FormValidationKeepsTheBuyerOnTheCheckout) {
  long long id = product("Lector SIM", 300000, 10);
  const std::string email = "validation@example.com";
  Browser browser = registered_customer(*server_, email);
  std::string token = prepare(browser, {{id, 1}});
  browser.referer = server_->base_url() + "/checkout";
  auto bad_payment = browser.post("/checkout/confirmar", {{"_token", token_for(browser)}, {"payment_method", "bitcoin"},
                                                          {"checkout_token", token}});
  EXPECT_EQ(bad_payment.header("location"), "/checkout");
  EXPECT_TRUE(browser.get("/checkout").contains("El método de pago elegido no es válido."));
  confirm(browser, token, {{"pickup_delegate_name", "Juan"}});
  EXPECT_TRUE(browser.get("/checkout").contains("Ingresá el teléfono de quien retira."));
  confirm(browser, token, {{"pickup_delegate_name", "Juan"}, {"pickup_delegate_phone", "----++++"}});
  auto page = browser.get("/checkout");
  EXPECT_TRUE(page.contains("Revisá el teléfono: no parece un número válido."));
  EXPECT_TRUE(page.contains("value=\"Juan\""));  // old input kept
  EXPECT_EQ(orders_of(email), 0);
  // The page's token still works after fixing the form.
  auto ok = confirm(browser, checkout_token_in(page.body), {{"payment_method", "transferencia"}});
  EXPECT_EQ(ok.header("location").rfind("/pedido/", 0), 0u);
  EXPECT_EQ(orders_of(email), 1);
}

TEST_F(Checkout, GuestsProfileGapsAndEmptyCartsAreSentWhereTheSpecSays) {
  Browser guest(server_->base_url());
  EXPECT_EQ(guest.get("/checkout").header("location"), "/login");
  EXPECT_EQ(guest.post("/checkout/confirmar", {{"_token", token_for(guest)}, {"payment_method", "local"}}).header("location"),
            "/login");

  Browser empty = customer();
  auto no_cart = empty.get("/checkout");
  EXPECT_EQ(no_cart.header("location"), "/tienda");
  EXPECT_TRUE(empty.follow(no_cart).contains("Tu carrito está vacío. Agregá algunos productos antes de finalizar el pedido."));

  long long id = product("Batería Moto G20", 2000000, 5);
  const std::string email = "sin-telefono@example.com";
  Browser incomplete = registered_customer(*server_, email);
  add_to_cart(incomplete, token_for(incomplete), id, "1");
  execute(*server_, "UPDATE users SET phone = NULL WHERE email = '" + email + "'");
  auto gate = incomplete.get("/checkout");
  EXPECT_EQ(gate.header("location"), "/mi-cuenta");
  EXPECT_TRUE(incomplete.follow(gate).contains("Completá tu apellido y teléfono para poder finalizar la compra."));
  auto posted = confirm(incomplete, "whatever");
  EXPECT_EQ(posted.header("location"), "/mi-cuenta");
  EXPECT_EQ(orders_of(email), 0);
}

TEST_F(Checkout, ThankYouPageIsOnlyForItsOwner) {
  long long id = product("Joystick", 4000000, 5);
  Browser owner = customer();
  std::string token = prepare(owner, {{id, 1}});
  auto confirmed = confirm(owner, token);
  std::string location = confirmed.header("location");
  ASSERT_EQ(location.rfind("/pedido/", 0), 0u);
  Browser stranger = customer();
  stranger.get("/mis-pedidos");  // spends the "Cuenta creada" flash, so both pages below render alike
  auto foreign = stranger.get(location);
  auto missing = stranger.get("/pedido/99999999");
  EXPECT_EQ(foreign.status, 404);  // the same page as a missing id: the order's existence is not confirmed
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(visible_text(foreign.body), visible_text(missing.body));
  EXPECT_EQ(owner.get(location).status, 200);
  EXPECT_EQ(owner.get("/pedido/99999999").status, 404);

  // With the shop's phone configured, the page offers the customer → shop WhatsApp message.
  execute(*server_, "INSERT INTO business_settings (\"key\", value, created_at, updated_at) "
                    "VALUES ('shop_phone', '+54 9 341 600-0000', '2026-01-01 00:00:00', '2026-01-01 00:00:00')");
  auto with_phone = owner.get(location);
  EXPECT_TRUE(with_phone.contains("href=\"https://wa.me/5493416000000?text=%C2%A1Hola%21%20Soy%20Ana%20P%C3%A9rez."));
  EXPECT_TRUE(with_phone.contains("Consultar por WhatsApp"));
  EXPECT_TRUE(with_phone.contains("- 1x Joystick\nTotal: $40.000\n¡Gracias!"));
  execute(*server_, "DELETE FROM business_settings WHERE \"key\" = 'shop_phone'");
  EXPECT_EQ(owner.get("/pedido/abc").status, 404);
}

TEST_F(Checkout, CheckoutConfirmLimiterRefusesPastItsLimit) {
  Browser browser = customer();
  long long id = product("Limitado checkout", 100000, 50);
  add_to_cart(browser, token_for(browser), id, "1");
  browser.referer = server_->base_url() + "/checkout";
  for (int i = 0; i < 10; ++i) {
    auto answer = confirm(browser, "no-es-el-token");
    ASSERT_EQ(answer.status, 302) << i;
    EXPECT_EQ(answer.header("location"), "/checkout");
  }
  auto refused = confirm(browser, "no-es-el-token");
  ASSERT_EQ(refused.status, 302);
  EXPECT_EQ(refused.header("location"), "/checkout");
  EXPECT_TRUE(browser.get("/checkout").contains("Demasiados intentos de confirmación. Probá de nuevo en "));
}

TEST_F(Checkout, AFailureAtAnyWriteLeavesNothingHalfDone) {
  long long id = product("Inyección de fallas", 700000, 5);
  Browser browser = customer();
  std::string token = prepare(browser, {{id, 2}});
  const bool mariadb = server_->using_mariadb();
  // Each step of the transaction fails once, through a trigger that aborts that write.
  const std::vector<std::pair<std::string, std::string>> steps = {
      {"order_status_histories", "INSERT"}, {"order_items", "INSERT"}, {"products", "UPDATE"}, {"checkout_tokens", "UPDATE"}};
  for (const auto& [table, event] : steps) {
    long long orders = scalar(*server_, "SELECT COUNT(*) FROM orders");
    long long claimed = scalar(*server_, "SELECT COUNT(*) FROM checkout_tokens");
    if (server_->using_postgres()) {
      // PostgreSQL triggers call a function; the function (created once per step) raises.
      execute(*server_, "CREATE OR REPLACE FUNCTION inject_failure() RETURNS trigger LANGUAGE plpgsql AS "
                        "'BEGIN RAISE EXCEPTION ''injected failure''; END'");
      execute(*server_, "CREATE TRIGGER inject_failure BEFORE " + event + " ON " + table +
                            " FOR EACH ROW EXECUTE FUNCTION inject_failure()");
    } else {
      execute(*server_, mariadb ? "CREATE TRIGGER inject_failure BEFORE " + event + " ON " + table +
                                      " FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'injected failure'"
                                : "CREATE TRIGGER inject_failure BEFORE " + event + " ON " + table +
                                      " BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
    }
    auto failed = confirm(browser, token);
    execute(*server_, server_->using_postgres() ? "DROP TRIGGER inject_failure ON " + table : std::string("DROP TRIGGER inject_failure"));
    EXPECT_EQ(failed.status, 500) << table;
    EXPECT_EQ(scalar(*server_, "SELECT COUNT(*) FROM orders"), orders) << table;
    EXPECT_EQ(scalar(*server_, "SELECT COUNT(*) FROM checkout_tokens"), claimed) << table;
    EXPECT_EQ(stock_of(*server_, id), 5) << table;
  }
  // Nothing was consumed: the same page confirms once the database behaves.
  auto placed = confirm(browser, token);
  EXPECT_EQ(placed.header("location").rfind("/pedido/", 0), 0u);
  EXPECT_EQ(stock_of(*server_, id), 3);
}
