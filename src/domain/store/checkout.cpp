// Checkout validation and placing an order in the caller's transaction (see checkout.hpp).
#include "domain/store/checkout.hpp"

#include <soci/soci.h>

#include <algorithm>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/phone.hpp"
#include "core/strings.hpp"
#include "db/unit_of_work.hpp"
#include "domain/inventory/stock_ledger.hpp"
#include "domain/payments/payment_methods.hpp"

namespace store {

namespace {

constexpr std::size_t kMaxNotesCharacters = 2000;

constexpr const char* kProductGone = "Uno o más productos ya no existen o fueron eliminados. Volvé a armar el carrito.";

struct PricedLine {
  long long product_id = 0;
  std::string name;
  std::int64_t price_cents = 0;
  int quantity = 0;
};

using Refusal = CheckoutRefused;

// NULL for "" (optional fields are stored as NULL, not as empty text).
soci::indicator null_if_empty(const std::string& text) { return text.empty() ? soci::i_null : soci::i_ok; }

}  // namespace

PlaceOrderResult place_order(db::Tx& tx, const Buyer& buyer, const CheckoutForm& form, const Cart& cart) {
  const bool sqlite = tx.dialect() == db::Dialect::kSqlite;
  const std::string token_hash = core::sha256_hex(form.checkout_token);
  const std::string now = core::utc_now_sql();
  long long user_id = buyer.user_id;

  soci::session* sql = &tx.sql();

  // 1. Claim the token.
  {
    soci::statement claim =
        (sql->prepare << db::insert_ignore(
             tx.dialect(), "INTO checkout_tokens (token_hash, user_id, created_at) VALUES (:hash, :user, :created)"),
         soci::use(token_hash), soci::use(user_id), soci::use(now));
    claim.execute(true);
    if (claim.get_affected_rows() == 0) {
      long long order_id = 0;
      soci::indicator order_ind = soci::i_null;
      *sql << "SELECT order_id FROM checkout_tokens WHERE token_hash = :hash AND user_id = :user", soci::use(token_hash),
          soci::use(user_id), soci::into(order_id, order_ind);
      if (sql->got_data() && order_ind == soci::i_ok) return {PlaceOrderStatus::kAlreadyPlaced, order_id, ""};
      throw Refusal("Ya estamos procesando este pedido. Esperá unos segundos.");
    }
  }

  // 2. Current products, in id order (a fixed lock order: two checkouts never wait on each other in a cycle).
  std::vector<CartLine> lines = cart.lines;
  std::sort(lines.begin(), lines.end(), [](const CartLine& a, const CartLine& b) { return a.product_id < b.product_id; });
  std::vector<PricedLine> priced;
  std::int64_t total = 0;
  for (const auto& line : lines) {
    PricedLine row;
    row.product_id = line.product_id;
    row.quantity = std::max(line.quantity, 1);
    long long price = 0, category_id = 0;
    int stock = 0;
    *sql << std::string("SELECT name, price, stock, category_id FROM products WHERE id = :id AND active = 1 AND sellable_in_store = 1") +
                (sqlite ? "" : " FOR UPDATE"),
        soci::use(row.product_id), soci::into(row.name), soci::into(price), soci::into(stock), soci::into(category_id);
    if (!sql->got_data()) throw Refusal(kProductGone);
    int category_active = 0;
    *sql << "SELECT active FROM categories WHERE id = :id", soci::use(category_id), soci::into(category_active);
    if (!sql->got_data() || category_active != 1) throw Refusal(kProductGone);
    if (row.quantity > stock)
      throw Refusal("Stock insuficiente para \"" + row.name + "\". Disponible: " + std::to_string(std::max(stock, 0)) + ".");
    row.price_cents = price;
    total += row.price_cents * row.quantity;
    priced.push_back(std::move(row));
  }
  if (priced.empty()) throw Refusal("Tu carrito está vacío.");

  // 3. The order, its first history row, its items, and the guarded stock decrements.
  std::string pickup_name = core::trim(buyer.name + " " + buyer.last_name);
  std::string pickup_phone = core::phone::stored_form(buyer.phone);
  std::string delegate_name = form.pickup_delegate_name;
  std::string delegate_phone = core::phone::stored_form(form.pickup_delegate_phone);
  std::string notes = form.notes;
  soci::indicator delegate_name_ind = null_if_empty(delegate_name), delegate_phone_ind = null_if_empty(delegate_phone),
                  notes_ind = null_if_empty(notes);
  long long total_cents = total;
  *sql << "INSERT INTO orders (user_id, status, payment_method, total, pickup_name, pickup_phone, pickup_delegate_name, "
          "pickup_delegate_phone, notes, stock_deducted_at, created_at, updated_at) "
          "VALUES (:user, 'pendiente', :payment, :total, :pickup_name, :pickup_phone, :delegate_name, :delegate_phone, "
          ":notes, :deducted, :created, :updated)",
      soci::use(user_id), soci::use(form.payment_method), soci::use(total_cents), soci::use(pickup_name),
      soci::use(pickup_phone), soci::use(delegate_name, delegate_name_ind), soci::use(delegate_phone, delegate_phone_ind),
      soci::use(notes, notes_ind), soci::use(now),
      soci::use(now), soci::use(now);
  long long order_id = tx.last_insert_id("orders");

  *sql << "INSERT INTO order_status_histories (order_id, from_status, to_status, changed_by, changed_at, comment) "
          "VALUES (:order, NULL, 'pendiente', :user, :at, 'Pedido creado')",
      soci::use(order_id), soci::use(user_id), soci::use(now);

  for (const auto& line : priced) {
    long long price = line.price_cents, subtotal = line.price_cents * line.quantity, product_id = line.product_id;
    int quantity = line.quantity;
    *sql << "INSERT INTO order_items (order_id, product_id, product_name, price, quantity, subtotal, created_at, updated_at) "
            "VALUES (:order, :product, :name, :price, :quantity, :subtotal, :created, :updated)",
        soci::use(order_id), soci::use(product_id), soci::use(line.name), soci::use(price), soci::use(quantity),
        soci::use(subtotal), soci::use(now), soci::use(now);
    // Through the ledger: the same guarded decrement as always (stock ≥ q, still on sale) plus its movement row.
    inventory::StockMove move;
    move.product_id = product_id;
    move.delta = -static_cast<long long>(quantity);
    move.reason = inventory::MoveReason::kCheckout;
    move.reference_type = "order";
    move.reference_id = order_id;
    if (user_id > 0) move.user_id = user_id;
    move.require_on_sale = true;
    if (!inventory::move_stock(*sql, move))
      throw Refusal("No se pudo confirmar: el stock de \"" + line.name + "\" cambió. Volvé a intentar.");
  }

  // 4. The token remembers its order; the caller commits.
  *sql << "UPDATE checkout_tokens SET order_id = :order WHERE token_hash = :hash", soci::use(order_id),
      soci::use(token_hash);
  return {PlaceOrderStatus::kCreated, order_id, ""};
}

core::FieldErrors validate_checkout_form(const CheckoutForm& form) {
  core::FieldErrors errors;
  if (form.payment_method.empty())
    errors.add("payment_method", "Elegí un método de pago.");
  else if (!payments::is_order_payment_method(form.payment_method))
    errors.add("payment_method", "El método de pago elegido no es válido.");

  if (core::exceeds_length(form.notes, kMaxNotesCharacters))
    errors.add("notes", "Las notas no pueden superar " + std::to_string(kMaxNotesCharacters) + " caracteres.");

  const bool has_name = !form.pickup_delegate_name.empty();
  const bool has_phone = !form.pickup_delegate_phone.empty();
  if (has_phone && !has_name) errors.add("pickup_delegate_name", "Ingresá el nombre de quien retira.");
  if (has_name && core::exceeds_length(form.pickup_delegate_name, 255))
    errors.add("pickup_delegate_name", "El nombre de quien retira no puede superar 255 caracteres.");
  if (has_name && !has_phone) errors.add("pickup_delegate_phone", "Ingresá el teléfono de quien retira.");
  if (has_phone && core::exceeds_length(form.pickup_delegate_phone, 30))
    errors.add("pickup_delegate_phone", "El teléfono de quien retira no puede superar 30 caracteres.");
  else if (has_phone && (!core::is_valid_phone(form.pickup_delegate_phone) ||
                         !core::phone::is_valid(form.pickup_delegate_phone)))
    errors.add("pickup_delegate_phone", core::phone::kInvalidMessage);

  if (form.checkout_token.empty() || form.checkout_token.size() > 64)
    errors.add("checkout_token", "La confirmación de la compra venció. Revisá y confirmá de nuevo.");
  return errors;
}

std::string new_checkout_token() { return core::random_token(43); }

std::optional<long long> order_for_checkout_token(db::Database& database, long long user_id, std::string_view token) {
  if (token.empty()) return std::nullopt;
  std::string hash = core::sha256_hex(token);
  auto sql = database.lease();
  long long order_id = 0;
  soci::indicator order_ind = soci::i_null;
  *sql << "SELECT order_id FROM checkout_tokens WHERE token_hash = :hash AND user_id = :user", soci::use(hash),
      soci::use(user_id), soci::into(order_id, order_ind);
  if (!sql->got_data() || order_ind != soci::i_ok) return std::nullopt;
  return order_id;
}

}  // namespace store
