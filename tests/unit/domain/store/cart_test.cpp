#include "domain/store/cart.hpp"

#include <gtest/gtest.h>

#include <climits>

using store::Cart;
using store::CartProduct;

namespace {
CartProduct product(long long id, int stock, long long price = 100000, bool active = true, bool category_active = true) {
  CartProduct p;
  p.id = id;
  p.name = "P" + std::to_string(id);
  p.price_cents = price;
  p.stock = stock;
  p.active = active;
  p.category_active = category_active;
  return p;
}
}  // namespace

TEST(StoreCart, SessionTextRoundTripsAndDropsMalformedLines) {
  Cart cart = store::parse_cart("3:2:150000;7:1:99;junk;8:0:5;9:-1:5;10:2:-4;3:5:1;x:1:1;11:1:2:3");
  ASSERT_EQ(cart.lines.size(), 2u);
  EXPECT_EQ(cart.lines[0].product_id, 3);
  EXPECT_EQ(cart.lines[0].quantity, 2);
  EXPECT_EQ(cart.lines[1].product_id, 7);
  EXPECT_EQ(store::serialize_cart(cart), "3:2:150000;7:1:99");
  EXPECT_EQ(cart.quantity(), 3);
  EXPECT_EQ(cart.total_cents(), 300099);
  EXPECT_TRUE(store::parse_cart("").empty());
}

TEST(StoreCart, QuantitiesTypedByPeopleBecomeSafeNumbers) {
  EXPECT_EQ(store::parse_quantity("3"), 3);
  EXPECT_EQ(store::parse_quantity(" 4 "), 4);
  for (const char* text : {"0", "-2", "abc", "", "1.5", "1e3", "2x", "+3"}) EXPECT_EQ(store::parse_quantity(text), 1) << text;
  EXPECT_EQ(store::parse_quantity("99999999999999999999999"), INT_MAX);
  EXPECT_EQ(store::parse_quantity("2147483648"), INT_MAX);
}

TEST(StoreCart, AddClampsToStockAndRefusesUnavailableProducts) {
  Cart cart;
  EXPECT_EQ(store::add_to_cart(cart, product(1, 0), 1).error, "Este producto está sin stock.");
  EXPECT_EQ(store::add_to_cart(cart, product(1, 5, 1, false), 1).error, "Este producto no está disponible.");
  EXPECT_EQ(store::add_to_cart(cart, product(1, 5, 1, true, false), 1).error, "Este producto no está disponible.");
  EXPECT_TRUE(cart.empty());
  EXPECT_EQ(store::add_to_cart(cart, product(1, 5), INT_MAX).quantity, 5);
  EXPECT_EQ(store::add_to_cart(cart, product(1, 5), 3).quantity, 5);
  EXPECT_EQ(store::add_to_cart(cart, product(2, 5), 2).quantity, 2);
  EXPECT_EQ(cart.quantity(), 7);
}

TEST(StoreCart, UpdateSetsClampsOrRemoves) {
  Cart cart = store::parse_cart("1:2:100;2:1:100");
  EXPECT_EQ(store::update_cart_line(cart, product(3, 5), 1), store::UpdateResult::kNotInCart);
  EXPECT_EQ(store::update_cart_line(cart, product(1, 5), 0), store::UpdateResult::kUpdated);
  EXPECT_EQ(cart.find(1)->quantity, 1);
  EXPECT_EQ(store::update_cart_line(cart, product(1, 5), 9), store::UpdateResult::kClamped);
  EXPECT_EQ(cart.find(1)->quantity, 5);
  EXPECT_EQ(store::update_cart_line(cart, product(2, 0), 1), store::UpdateResult::kRemovedOutOfStock);
  EXPECT_EQ(cart.find(2), nullptr);
}

TEST(StoreCart, SyncRemovesClampsRepricesAndSaysSo) {
  Cart cart = store::parse_cart("1:2:100;2:3:100;3:4:100;4:1:100;5:1:100;6:1:100");
  std::map<long long, CartProduct> products = {{1, product(1, 5, 100)},        {2, product(2, 2, 100)},
                                               {3, product(3, 5, 250)},        {4, product(4, 5, 100, false)},
                                               {5, product(5, 5, 100, true, false)}, {6, product(6, 0, 100)}};
  auto sync = store::sync_cart(cart, products);
  EXPECT_EQ(sync.removed, 3);
  EXPECT_EQ(sync.adjusted, 1);
  EXPECT_EQ(sync.price_updated, 1);
  EXPECT_EQ(sync.message(),
            "Quitamos 3 producto(s) sin stock o no disponible(s). Ajustamos 1 cantidad(es) al stock disponible. "
            "Actualizamos el precio de 1 producto(s).");
  EXPECT_EQ(store::serialize_cart(cart), "1:2:100;2:2:100;3:4:250");
  EXPECT_FALSE(store::sync_cart(cart, products).important());
  EXPECT_EQ(store::CartSync{}.message(), "");
}
