// The session cart (/carrito and its four writes): quantities always clamped to stock, bad input turned into the
// documented messages (never a 500), prices and availability re-synced from the database on every visit, JSON
// answers for AJAX, and the cart-write limiter.
#include <gtest/gtest.h>

#include "store_support.hpp"

using namespace store_support;
using testing_support::visible_text;

namespace {

class Cart : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new AppServer();
    server_->start();
    category_ = insert_category(*server_, "Accesorios", "accesorios");
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  // A product of its own per test, so tests never share stock.
  static long long product(const std::string& name, long long price_cents, int stock, bool active = true,
                           long long category = 0) {
    static int counter = 0;
    std::string slug = "prod-" + std::to_string(++counter);
    return insert_product(*server_, category ? category : category_, {name, slug, price_cents, stock, false, active});
  }
  static std::string cart_page(Browser& browser) { return browser.get("/carrito").body; }
  static AppServer* server_;
  static long long category_;
};
AppServer* Cart::server_ = nullptr;
long long Cart::category_ = 0;

}  // namespace

TEST_F(Cart, GuestAddsAProductAndSeesItInTheCartAndTheHeaderBadge) {
  long long id = product("Cable USB-C", 300000, 10);
  Browser browser(server_->base_url());
  std::string token = token_for(browser);
  browser.referer = server_->base_url() + "/tienda";
  auto added = add_to_cart(browser, token, id, "2");
  ASSERT_EQ(added.status, 302);
  EXPECT_EQ(added.header("location"), "/tienda");
  auto back = browser.get("/tienda");
  EXPECT_TRUE(back.contains("Producto agregado al carrito."));
  EXPECT_TRUE(back.contains("id=\"cartAddedSheet\""));
  EXPECT_TRUE(back.contains("Agregado al carrito"));
  EXPECT_TRUE(back.contains("<span class=\"cart-badge\" data-cart-count>2</span>"));

  auto page = cart_page(browser);
  EXPECT_TRUE(page.find("data-cart-item data-item-id=\"" + std::to_string(id) + "\"") != std::string::npos);
  std::string text = visible_text(page);
  EXPECT_NE(text.find("Cable USB-C"), std::string::npos);
  EXPECT_NE(text.find("Precio unitario: $ 3.000"), std::string::npos);
  EXPECT_NE(text.find("$ 6.000"), std::string::npos);
  EXPECT_NE(page.find("value=\"2\" data-qty-input max=\"10\""), std::string::npos);
  EXPECT_NE(page.find("aria-disabled=\"false\""), std::string::npos);

  // Adding again sums, clamped to stock.
  add_to_cart(browser, token, id, "50");
  EXPECT_NE(cart_page(browser).find("value=\"10\" data-qty-input"), std::string::npos);
}

TEST_F(Cart, BadQuantitiesBecomeOneOrTheStockNeverAnError) {
  long long id = product("Vidrio templado", 250000, 4);
  for (const char* quantity : {"0", "-3", "abc", "", "1.5", "1e3", " 2x"}) {
    Browser browser(server_->base_url());
    std::string token = token_for(browser);
    auto response = add_to_cart(browser, token, id, quantity);
    ASSERT_EQ(response.status, 302) << quantity;
    EXPECT_NE(cart_page(browser).find("value=\"1\" data-qty-input"), std::string::npos) << quantity;
  }
  Browser huge(server_->base_url());
  std::string token = token_for(huge);
  ASSERT_EQ(add_to_cart(huge, token, id, "99999999999999999999999").status, 302);
  EXPECT_NE(cart_page(huge).find("value=\"4\" data-qty-input"), std::string::npos);
  for (const char* quantity : {"0", "-1", "zzz", "99999999999999999999"}) {
    auto response = update_cart(huge, token, id, quantity);
    ASSERT_EQ(response.status, 302) << quantity;
  }
  EXPECT_NE(cart_page(huge).find("value=\"4\" data-qty-input"), std::string::npos);
}

TEST_F(Cart, OutOfStockAndUnavailableProductsAreRefusedWithTheSpecMessages) {
  long long none = product("Sin stock", 100000, 0);
  long long inactive = product("Inactivo", 100000, 5, false);
  long long hidden_category = insert_category(*server_, "Oculta", "oculta-cart", false);
  long long in_hidden = product("En categoría oculta", 100000, 5, true, hidden_category);
  Browser browser(server_->base_url());
  std::string token = token_for(browser);
  browser.referer = server_->base_url() + "/tienda";

  auto refused = add_to_cart(browser, token, none);
  ASSERT_EQ(refused.status, 302);
  EXPECT_TRUE(browser.get("/tienda").contains("Este producto está sin stock."));
  add_to_cart(browser, token, inactive);
  EXPECT_TRUE(browser.get("/tienda").contains("Este producto no está disponible."));
  add_to_cart(browser, token, in_hidden);
  EXPECT_TRUE(browser.get("/tienda").contains("Este producto no está disponible."));
  EXPECT_TRUE(cart_page(browser).find("Tu carrito está vacío.") != std::string::npos);

  auto json = add_to_cart(browser, token, none, "1", kJson);
  EXPECT_EQ(json.status, 422);
  EXPECT_TRUE(json.contains("\"ok\":false"));
  EXPECT_TRUE(json.contains("\"message\":\"Este producto está sin stock.\""));

  EXPECT_EQ(add_to_cart(browser, token, 987654).status, 404);
  EXPECT_EQ(browser.post("/carrito/agregar/abc", {{"_token", token}}).status, 404);
  EXPECT_EQ(browser.post("/carrito/agregar/-1", {{"_token", token}}).status, 404);
  EXPECT_EQ(update_cart(browser, token, 987654, "1").status, 404);
}

TEST_F(Cart, TamperedPriceFieldsAreIgnored) {
  long long id = product("Cargador 20W", 650000, 8);
  Browser browser(server_->base_url());
  std::string token = token_for(browser);
  auto response = browser.post("/carrito/agregar/" + std::to_string(id),
                               {{"_token", token}, {"quantity", "1"}, {"price", "1"}, {"subtotal", "1"}, {"total", "1"}});
  ASSERT_EQ(response.status, 302);
  std::string text = visible_text(cart_page(browser));
  EXPECT_NE(text.find("Precio unitario: $ 6.500"), std::string::npos);
  EXPECT_EQ(text.find("$ 0,01"), std::string::npos);
}

TEST_F(Cart, UpdateRemoveAndClearAnswerFormsAndJson) {
  long long a = product("Funda A", 100000, 5);
  long long b = product("Funda B", 200000, 3);
  long long c = product("Funda C", 300000, 3);
  Browser browser(server_->base_url());
  std::string token = token_for(browser);
  add_to_cart(browser, token, a);
  add_to_cart(browser, token, b);

  auto updated = update_cart(browser, token, a, "3");
  ASSERT_EQ(updated.status, 302);
  EXPECT_EQ(updated.header("location"), "/carrito");
  EXPECT_TRUE(browser.get("/carrito").contains("Cantidad actualizada."));

  auto json = update_cart(browser, token, b, "9", kJson);
  ASSERT_EQ(json.status, 200);
  EXPECT_TRUE(json.contains("\"quantity\":3"));
  EXPECT_TRUE(json.contains("\"maxStock\":3"));
  EXPECT_TRUE(json.contains("\"message\":\"Ajustamos la cantidad al stock disponible.\""));
  EXPECT_TRUE(json.contains("\"cartCount\":6"));
  EXPECT_TRUE(json.contains("\"total\":900000"));

  auto missing = update_cart(browser, token, c, "1", kJson);
  EXPECT_EQ(missing.status, 404);
  EXPECT_TRUE(missing.contains("\"message\":\"El producto ya no está en el carrito.\""));
  EXPECT_EQ(update_cart(browser, token, c, "1").header("location"), "/carrito");

  // Stock gone meanwhile: the update removes the line.
  execute(*server_, "UPDATE products SET stock = 0 WHERE id = " + std::to_string(b));
  auto gone = update_cart(browser, token, b, "1", kJson);
  EXPECT_TRUE(gone.contains("\"removed\":true"));
  EXPECT_TRUE(gone.contains("Un producto del carrito se quedó sin stock y fue eliminado."));

  auto removed = browser.post("/carrito/eliminar/" + std::to_string(a), {{"_token", token}});
  EXPECT_EQ(removed.header("location"), "/carrito");
  auto empty_page = browser.get("/carrito");
  EXPECT_TRUE(empty_page.contains("Producto eliminado del carrito."));
  EXPECT_TRUE(empty_page.contains("Tu carrito está vacío."));
  EXPECT_FALSE(empty_page.contains("data-cart-count"));

  add_to_cart(browser, token, a);
  auto cleared = browser.post("/carrito/vaciar", {{"_token", token}}, kJson);
  EXPECT_TRUE(cleared.contains("\"empty\":true"));
  EXPECT_TRUE(cleared.contains("\"message\":\"Carrito vaciado.\""));
  EXPECT_TRUE(browser.get("/carrito").contains("Tu carrito está vacío."));
  EXPECT_EQ(browser.post("/carrito/vaciar", {{"_token", token}}).header("location"), "/carrito");
  EXPECT_EQ(browser.post("/carrito/vaciar", {}).status, 419);
}

TEST_F(Cart, JsonAddReportsTheLineAndTheCount) {
  long long id = product("Auriculares", 900000, 8);
  Browser browser(server_->base_url());
  std::string token = token_for(browser);
  auto json = add_to_cart(browser, token, id, "2", kJson);
  ASSERT_EQ(json.status, 200);
  EXPECT_TRUE(json.contains("\"ok\":true"));
  EXPECT_TRUE(json.contains("\"added\":{\"id\":" + std::to_string(id) + ",\"name\":\"Auriculares\",\"quantity\":2,\"subtotal\":1800000"));
  EXPECT_TRUE(json.contains("\"cartCount\":2"));
}

TEST_F(Cart, VisitingTheCartResyncsWithTheDatabase) {
  long long category = insert_category(*server_, "Temporales", "temporales-cart");
  long long deactivated = product("Se desactiva", 100000, 5);
  long long in_category = product("Su categoría se desactiva", 100000, 5, true, category);
  long long dropped = product("Baja el stock", 100000, 5);
  long long repriced = product("Cambia el precio", 100000, 5);
  Browser browser(server_->base_url());
  std::string token = token_for(browser);
  for (long long id : {deactivated, in_category, dropped, repriced}) add_to_cart(browser, token, id, "4");

  execute(*server_, "UPDATE products SET active = 0 WHERE id = " + std::to_string(deactivated));
  execute(*server_, "UPDATE categories SET active = 0 WHERE id = " + std::to_string(category));
  execute(*server_, "UPDATE products SET stock = 2 WHERE id = " + std::to_string(dropped));
  execute(*server_, "UPDATE products SET price = 175000 WHERE id = " + std::to_string(repriced));

  auto page = browser.get("/carrito");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(page.contains("Quitamos 2 producto(s) sin stock o no disponible(s). Ajustamos 1 cantidad(es) al stock "
                            "disponible. Actualizamos el precio de 1 producto(s)."));
  std::string text = visible_text(page.body);
  EXPECT_EQ(text.find("Se desactiva"), std::string::npos);
  EXPECT_EQ(text.find("Su categoría se desactiva"), std::string::npos);
  EXPECT_NE(page.body.find("value=\"2\" data-qty-input max=\"2\""), std::string::npos);
  EXPECT_NE(text.find("Precio unitario: $ 1.750"), std::string::npos);
  EXPECT_NE(page.body.find("data-cart-count>6<"), std::string::npos);
  // Once synced, the next visit has nothing to report.
  EXPECT_FALSE(browser.get("/carrito").contains("Quitamos"));
}

TEST_F(Cart, CartWriteLimiterRefusesPastItsLimit) {
  long long id = product("Limitado", 100000, 1000);
  Browser browser(server_->base_url());
  std::string token = token_for(browser);
  ASSERT_EQ(add_to_cart(browser, token, id).status, 302);  // creates the session (its own bucket from now on)
  for (int i = 0; i < 80; ++i) ASSERT_EQ(add_to_cart(browser, token, id, "1", kJson).status, 200) << i;
  auto refused = add_to_cart(browser, token, id, "1", kJson);
  EXPECT_EQ(refused.status, 429);
  EXPECT_TRUE(refused.contains("Demasiadas acciones en carrito. Esperá "));
  EXPECT_FALSE(refused.header("retry-after").empty());
  browser.referer = server_->base_url() + "/carrito";
  auto form = browser.post("/carrito/vaciar", {{"_token", token}});
  EXPECT_EQ(form.status, 302);
  EXPECT_EQ(form.header("location"), "/carrito");
  auto page = browser.get("/carrito");
  EXPECT_TRUE(page.contains("Demasiadas acciones en carrito. Esperá "));
  EXPECT_FALSE(page.contains("Tu carrito está vacío."));  // the clear was refused
}

TEST_F(Cart, AnExpiredSessionCookieMeansAnEmptyCartNotAnError) {
  long long id = product("Caduca", 100000, 5);
  Browser browser(server_->base_url());
  std::string token = token_for(browser);
  ASSERT_EQ(add_to_cart(browser, token, id, "2").status, 302);
  execute(*server_, "UPDATE sessions SET last_activity = 0");  // every session idle for decades
  auto page = browser.get("/carrito");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(page.contains("Tu carrito está vacío."));
  EXPECT_FALSE(page.contains("data-cart-count"));
  EXPECT_EQ(update_cart(browser, token, id, "3").header("location"), "/carrito");  // not in this (new) cart
  EXPECT_EQ(add_to_cart(browser, token, id, "1").status, 302);
  EXPECT_NE(browser.get("/carrito").body.find("value=\"1\" data-qty-input"), std::string::npos);
}
