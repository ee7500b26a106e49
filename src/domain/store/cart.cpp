// Cart rules and the session encoding (see cart.hpp).
#include "domain/store/cart.hpp"

#include <soci/soci.h>

#include <algorithm>
#include <charconv>
#include <climits>

#include "db/database.hpp"

namespace store {

namespace {
constexpr std::string_view kSyncRemoved = "Quitamos {n} producto(s) sin stock o no disponible(s).";
constexpr std::string_view kSyncAdjusted = "Ajustamos {n} cantidad(es) al stock disponible.";
constexpr std::string_view kSyncPrice = "Actualizamos el precio de {n} producto(s).";

std::string with_count(std::string_view pattern, int n) {
  std::string text(pattern);
  text.replace(text.find("{n}"), 3, std::to_string(n));
  return text;
}

template <typename T>
bool parse_number(std::string_view text, T& out) {
  if (text.empty()) return false;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
  return error == std::errc() && end == text.data() + text.size();
}
}  // namespace

CartLine* Cart::find(long long product_id) {
  for (auto& line : lines)
    if (line.product_id == product_id) return &line;
  return nullptr;
}

void Cart::remove(long long product_id) {
  lines.erase(std::remove_if(lines.begin(), lines.end(), [&](const CartLine& line) { return line.product_id == product_id; }),
              lines.end());
}

int Cart::quantity() const {
  long long sum = 0;
  for (const auto& line : lines) sum += line.quantity;
  return static_cast<int>(std::min<long long>(sum, INT_MAX));
}

std::int64_t Cart::total_cents() const {
  std::int64_t total = 0;
  for (const auto& line : lines) total += line.price_cents * line.quantity;
  return total;
}

Cart parse_cart(std::string_view text) {
  Cart cart;
  while (!text.empty() && cart.lines.size() < kMaxCartLines) {
    std::size_t end = text.find(';');
    std::string_view item = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    std::size_t first = item.find(':');
    std::size_t second = first == std::string_view::npos ? first : item.find(':', first + 1);
    if (second == std::string_view::npos) continue;
    CartLine line;
    if (!parse_number(item.substr(0, first), line.product_id) ||
        !parse_number(item.substr(first + 1, second - first - 1), line.quantity) ||
        !parse_number(item.substr(second + 1), line.price_cents))
      continue;
    if (line.product_id <= 0 || line.quantity <= 0 || line.price_cents < 0 || cart.find(line.product_id)) continue;
    cart.lines.push_back(line);
  }
  return cart;
}

std::string serialize_cart(const Cart& cart) {
  std::string text;
  for (const auto& line : cart.lines) {
    if (!text.empty()) text += ';';
    text += std::to_string(line.product_id) + ':' + std::to_string(line.quantity) + ':' + std::to_string(line.price_cents);
  }
  return text;
}

int parse_quantity(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  if (text.empty() || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) return 1;
  long long value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error == std::errc::result_out_of_range || value > INT_MAX) return INT_MAX;
  if (error != std::errc() || end != text.data() + text.size() || value < 1) return 1;
  return static_cast<int>(value);
}

namespace {
constexpr const char* kSelectCartProduct =
    // A product kept off the store (sellable_in_store = 0, counter or workshop only) reads as inactive here.
    "SELECT p.id, p.name, p.slug, p.price, p.stock, CASE WHEN p.active = 1 AND p.sellable_in_store = 1 THEN 1 ELSE 0 END, c.active "
    "FROM products p JOIN categories c ON c.id = p.category_id ";
}  // namespace

std::optional<CartProduct> find_cart_product(db::Database& database, long long product_id) {
  auto sql = database.lease();
  CartProduct product;
  long long price = 0;
  int active = 0, category_active = 0;
  *sql << std::string(kSelectCartProduct) + "WHERE p.id = :id", soci::use(product_id), soci::into(product.id),
      soci::into(product.name), soci::into(product.slug), soci::into(price), soci::into(product.stock),
      soci::into(active), soci::into(category_active);
  if (!sql->got_data()) return std::nullopt;
  product.price_cents = price;
  product.active = active != 0;
  product.category_active = category_active != 0;
  return product;
}

std::map<long long, CartProduct> find_cart_products(db::Database& database, const std::vector<long long>& ids) {
  std::map<long long, CartProduct> products;
  if (ids.empty()) return products;
  // Ids are integers we parsed ourselves, so they can be inlined safely.
  std::string list;
  for (long long id : ids) list += (list.empty() ? "" : ",") + std::to_string(id);
  auto sql = database.lease();
  CartProduct row;
  long long price = 0;
  int active = 0, category_active = 0;
  soci::statement statement = (sql->prepare << std::string(kSelectCartProduct) + "WHERE p.id IN (" + list + ")",
                               soci::into(row.id), soci::into(row.name), soci::into(row.slug), soci::into(price),
                               soci::into(row.stock), soci::into(active), soci::into(category_active));
  statement.execute();
  while (statement.fetch()) {
    CartProduct product = row;
    product.price_cents = price;
    product.active = active != 0;
    product.category_active = category_active != 0;
    products[product.id] = product;
  }
  return products;
}

AddOutcome add_to_cart(Cart& cart, const CartProduct& product, int requested) {
  AddOutcome outcome;
  if (product.stock <= 0) {
    outcome.error = "Este producto está sin stock.";
    return outcome;
  }
  if (!product.available()) {
    outcome.error = "Este producto no está disponible.";
    return outcome;
  }
  int quantity = std::clamp(requested, 1, product.stock);
  if (CartLine* line = cart.find(product.id)) {
    line->quantity = static_cast<int>(std::min<long long>(static_cast<long long>(line->quantity) + quantity, product.stock));
    outcome.quantity = line->quantity;
  } else {
    if (cart.lines.size() >= kMaxCartLines) {
      outcome.error = "Tu carrito ya tiene demasiados productos.";
      return outcome;
    }
    cart.lines.push_back({product.id, quantity, product.price_cents});
    outcome.quantity = quantity;
  }
  outcome.added = true;
  return outcome;
}

UpdateResult update_cart_line(Cart& cart, const CartProduct& product, int requested) {
  CartLine* line = cart.find(product.id);
  if (!line) return UpdateResult::kNotInCart;
  if (product.stock <= 0) {
    cart.remove(product.id);
    return UpdateResult::kRemovedOutOfStock;
  }
  int quantity = std::max(requested, 1);
  bool clamped = quantity > product.stock;
  line->quantity = std::min(quantity, product.stock);
  return clamped ? UpdateResult::kClamped : UpdateResult::kUpdated;
}

std::string CartSync::message() const {
  std::string text;
  auto append = [&](std::string part) { text += (text.empty() ? "" : " ") + part; };
  if (removed > 0) append(with_count(kSyncRemoved, removed));
  if (adjusted > 0) append(with_count(kSyncAdjusted, adjusted));
  if (price_updated > 0) append(with_count(kSyncPrice, price_updated));
  return text;
}

CartSync sync_cart(Cart& cart, const std::map<long long, CartProduct>& products) {
  CartSync sync;
  std::vector<CartLine> kept;
  for (const auto& line : cart.lines) {
    auto found = products.find(line.product_id);
    if (found == products.end() || !found->second.available() || found->second.stock <= 0) {
      ++sync.removed;
      continue;
    }
    CartLine updated = line;
    if (updated.quantity > found->second.stock) {
      updated.quantity = found->second.stock;
      ++sync.adjusted;
    }
    if (updated.price_cents != found->second.price_cents) {
      updated.price_cents = found->second.price_cents;
      ++sync.price_updated;
    }
    kept.push_back(updated);
  }
  cart.lines = std::move(kept);
  return sync;
}

}  // namespace store
