// Checkout (docs/domain/orders.md "Checkout", POST /checkout/confirmar): validation of the form, and placing the order.
//
// Placing an order is part of ONE transaction, the caller's (the checkout handler also writes the confirmation
// mail job in it: docs/ARCHITECTURE.md, "Transactions"):
//   1. claim the checkout token: insert its SHA-256 into checkout_tokens (unique). A token already claimed
//      (double click, refresh, retry, parallel submits) is not claimed again: the caller gets the order that
//      token produced (a concurrent claimer on MariaDB waits for the first transaction to finish);
//   2. re-read every product of the cart (locked FOR UPDATE on MariaDB; SQLite's BEGIN IMMEDIATE already holds
//      the only write lock): missing/inactive → refused, quantity > stock → refused; unit prices are the
//      database's, never the cart's;
//   3. insert the order (pendiente, stock_deducted_at = now), its "Pedido creado" history row (changed_by =
//      buyer) and its items, and decrement each stock with a conditional
//      UPDATE … SET stock = stock - q WHERE id = … AND stock >= q AND active … — 0 rows → refused;
//   4. remember token → order. Any refusal throws CheckoutRefused, which rolls the caller's transaction back (no
//      order, no stock change, no mail job).
// Lock conflicts (SQLite busy, deadlocks, serialization failures) are retried by db::write, which runs the whole
// unit of work again.
// Blocking (SQL): worker threads only.
#pragma once

#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <string_view>

#include "core/validation.hpp"
#include "domain/store/cart.hpp"

namespace db {
class Database;
class Tx;
}

namespace store {

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

// The order cannot be placed (out of stock, product gone, empty cart, token being processed). Thrown out of the
// unit of work so everything it wrote rolls back; `message()` is Spanish, for the `cart` error key.
class CheckoutRefused final : public std::exception {
 public:
  explicit CheckoutRefused(std::string message) : message_(std::move(message)) {}
  const std::string& message() const { return message_; }
  const char* what() const noexcept override { return message_.c_str(); }

 private:
  std::string message_;
};

struct PlaceOrderResult {
  PlaceOrderStatus status = PlaceOrderStatus::kRefused;
  long long order_id = 0;
  std::string message;
};

// Places the order for `cart` in the caller's transaction (see the file comment): kCreated or kAlreadyPlaced;
// throws CheckoutRefused (never returns kRefused) and soci::soci_error on database failures.
PlaceOrderResult place_order(db::Tx& tx, const Buyer& buyer, const CheckoutForm& form, const Cart& cart);

// The order a token of this user already produced, if any.
std::optional<long long> order_for_checkout_token(db::Database& database, long long user_id, std::string_view token);

}  // namespace store
