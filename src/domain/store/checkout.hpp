// Checkout (spec/domain.md §2.3, POST /checkout/confirmar): validation of the form, and placing the order.
//
// Placing an order is ONE transaction:
//   1. claim the checkout token: insert its SHA-256 into checkout_tokens (unique). A token already claimed
//      (double click, refresh, retry, parallel submits) is not claimed again: the caller gets the order that
//      token produced (a concurrent claimer on MariaDB waits for the first transaction to finish);
//   2. re-read every product of the cart (locked FOR UPDATE on MariaDB; SQLite's BEGIN IMMEDIATE already holds
//      the only write lock): missing/inactive → refused, quantity > stock → refused; unit prices are the
//      database's, never the cart's;
//   3. insert the order (pendiente, stock_deducted_at = now), its "Pedido creado" history row (changed_by =
//      buyer) and its items, and decrement each stock with a conditional
//      UPDATE … SET stock = stock - q WHERE id = … AND stock >= q AND active … — 0 rows → refused;
//   4. remember token → order, commit. Any refusal rolls everything back (no order, no stock change).
// Transient lock errors (SQLite busy, MariaDB deadlock / lock wait timeout) retry the whole transaction.
// After a kCreated result (committed), the checkout handler queues the confirmation e-mail (domain/mail).
// Blocking (SQL): worker threads only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/validation.hpp"
#include "domain/store/cart.hpp"

namespace db {
class Database;
}

namespace store {

// Payment methods: local → "Pago en el local", mercado_pago → "Mercado Pago", transferencia → "Transferencia".
// "" for an unknown key.
std::string payment_method_label(std::string_view key);

struct CheckoutForm {
  std::string payment_method;         // local | mercado_pago | transferencia
  std::string notes;                  // optional
  std::string pickup_delegate_name;   // optional, required with the phone
  std::string pickup_delegate_phone;  // optional, required with the name, phone rule
  std::string checkout_token;         // the token the checkout page carried
};

// Field → Spanish message (fields: payment_method, notes, pickup_delegate_name, pickup_delegate_phone,
// checkout_token). Values are expected trimmed.
core::FieldErrors validate_checkout_form(const CheckoutForm& form);

// A fresh random checkout token (43 URL-safe characters).
std::string new_checkout_token();

struct Buyer {
  long long user_id = 0;
  std::string name;
  std::string last_name;
  std::string phone;  // as typed; stored as digits on the order
};

enum class PlaceOrderStatus {
  kCreated,        // a new order (order_id)
  kAlreadyPlaced,  // this token already produced order_id: nothing new was written
  kRefused,        // nothing written; `message` says why (Spanish, error key `cart`)
};

struct PlaceOrderResult {
  PlaceOrderStatus status = PlaceOrderStatus::kRefused;
  long long order_id = 0;
  std::string message;
};

// Places the order for `cart` (see the file comment). Throws soci::soci_error on database failures other than
// the transient ones it retries.
PlaceOrderResult place_order(db::Database& database, const Buyer& buyer, const CheckoutForm& form, const Cart& cart);

// The order a token of this user already produced, if any.
std::optional<long long> order_for_checkout_token(db::Database& database, long long user_id, std::string_view token);

}  // namespace store
