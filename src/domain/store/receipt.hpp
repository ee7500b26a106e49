// The order as the buyer's thank-you page shows it right after checkout (GET /pedido/{id}): header fields and
// item snapshots. Read-only; the orders area owns everything that changes an order afterwards.
// Blocking (SQL): worker threads only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace db {
class Database;
}

namespace store {

struct ReceiptItem {
  std::string product_name;
  std::int64_t price_cents = 0;
  int quantity = 0;
  std::int64_t subtotal_cents = 0;
};

struct OrderReceipt {
  long long id = 0;
  long long user_id = 0;
  std::string status;          // order status key ("pendiente", …)
  std::string payment_method;  // "local" | "mercado_pago" | "transferencia"
  std::int64_t total_cents = 0;
  std::string pickup_name;
  std::string pickup_phone;           // digits
  std::string pickup_delegate_name;   // "" when nobody else picks up
  std::string pickup_delegate_phone;  // digits, "" when none
  std::string notes;
  std::string created_at;             // UTC "YYYY-MM-DD HH:MM:SS"
  std::vector<ReceiptItem> items;
};

// The order with its items, or nullopt when it does not exist.
std::optional<OrderReceipt> load_order_receipt(db::Database& database, long long order_id);

// Customer → shop WhatsApp text (docs/domain/orders.md "Customer view"):
// "¡Hola! Soy {pickup_name}.\nHice el pedido #{id}.\n¿Me confirmás cuando esté listo para retirar?\n\nÍtems:\n- 2x …\nTotal: $12.345\n¡Gracias!"
std::string customer_whatsapp_text(const OrderReceipt& order);

}  // namespace store
