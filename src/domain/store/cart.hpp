// The shopping cart (docs/domain/store.md "Cart"): lines of (product, quantity, unit price snapshot) kept in the
// visitor's session, the rules of add / update / remove, and the re-sync against the database that runs on
// GET /carrito and GET /checkout. The cart is only a wish list: checkout re-reads every price and stock.
//
// Session form (one string, "cart"): "<product id>:<quantity>:<price centavos>" joined by ';', in the order
// the products were added. Anything malformed in it is dropped when read (a tampered cookie session cannot
// produce a bad line).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace db {
class Database;
}

namespace store {

struct CartLine {
  long long product_id = 0;
  int quantity = 0;               // ≥ 1
  std::int64_t price_cents = 0;   // unit price when added / last synced
};

inline constexpr std::size_t kMaxCartLines = 100;

struct Cart {
  std::vector<CartLine> lines;

  CartLine* find(long long product_id);
  void remove(long long product_id);
  int quantity() const;              // Σ quantities (the header badge)
  std::int64_t total_cents() const;  // Σ price × quantity
  bool empty() const { return lines.empty(); }
};

Cart parse_cart(std::string_view text);
std::string serialize_cart(const Cart& cart);

// A quantity typed by a person: digits only (anything else, 0 or negative → 1); absurdly large → INT_MAX
// (then clamped to stock by the caller).
int parse_quantity(std::string_view text);

// What the cart needs to know about a product, read fresh from the database.
struct CartProduct {
  long long id = 0;
  std::string name;
  std::string slug;
  std::int64_t price_cents = 0;
  int stock = 0;
  bool active = false;           // product active
  bool category_active = false;  // its category active
  bool available() const { return active && category_active; }
};

// The product with this id whatever its state (unknown → nullopt → 404).
std::optional<CartProduct> find_cart_product(db::Database& database, long long product_id);
// The products of these ids that still exist, by id.
std::map<long long, CartProduct> find_cart_products(db::Database& database, const std::vector<long long>& ids);

struct AddOutcome {
  bool added = false;
  std::string error;   // Spanish, when not added (field `stock`)
  int quantity = 0;    // quantity of the line after adding
};
// Adds `requested` units (clamped to stock; an existing line sums, still clamped).
AddOutcome add_to_cart(Cart& cart, const CartProduct& product, int requested);

enum class UpdateResult { kNotInCart, kRemovedOutOfStock, kUpdated, kClamped };
// Sets the quantity of a line (< 1 → 1, > stock → stock). A product without stock leaves the cart.
UpdateResult update_cart_line(Cart& cart, const CartProduct& product, int requested);

// Result of re-checking a cart against the database.
struct CartSync {
  int removed = 0;        // missing, inactive, inactive category or no stock
  int adjusted = 0;       // quantity lowered to the stock
  int price_updated = 0;  // price snapshot changed
  bool important() const { return removed > 0 || adjusted > 0 || price_updated > 0; }
  // "Quitamos 1 producto(s) sin stock o no disponible(s). Ajustamos … Actualizamos …" ("" when nothing).
  std::string message() const;
};
// Applies the database state to `cart` (`products` as returned by find_cart_products).
CartSync sync_cart(Cart& cart, const std::map<long long, CartProduct>& products);

}  // namespace store
