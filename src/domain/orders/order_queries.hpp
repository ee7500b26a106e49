// Reading orders: one order with its items (customer and admin detail, print, ticket, e-mail), the customer's
// own list (/mis-pedidos, docs/domain/orders.md "Customer view") and the admin list with its filters and counters
// (/admin/pedidos, "Admin orders"). Money fields are centavos. Timestamps are UTC "YYYY-MM-DD HH:MM:SS" as stored.
// Blocking (SQL): worker threads only; SQL errors throw.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/orders/status.hpp"

namespace db {
class Database;
}

namespace orders {

struct OrderItem {
  long long product_id = 0;
  std::string product_name;   // snapshot at checkout
  std::int64_t price = 0;     // unit price, centavos
  long long quantity = 0;
  std::int64_t subtotal = 0;  // centavos
};

struct Order {
  long long id = 0;
  long long user_id = 0;
  std::string status_key;                // as stored
  std::optional<OrderStatus> status;     // nullopt for a key this version does not know
  std::string payment_method;            // "local" | "mercado_pago" | "transferencia"
  std::int64_t total = 0;                // centavos
  std::string pickup_name, pickup_phone; // phone: digits as stored ("" when none)
  std::string pickup_delegate_name, pickup_delegate_phone;
  std::string notes;
  std::string created_at;                // UTC
  std::string stock_restored_at;         // "" while the stock is out
  std::string user_name, user_email, user_phone;
  std::vector<OrderItem> items;          // filled by find_order; lists fill it too (for previews)
  bool wa_notified_current = false;      // admin list: a WhatsApp log exists for the current status

  // pickup_name, else the buyer's name.
  std::string customer_name() const;
  // pickup_phone, else the buyer's phone (raw digits, "" when neither).
  std::string contact_phone() const;
  // Σ item quantities.
  long long items_count() const;
};

// One order with its items and buyer, or nullopt.
std::optional<Order> find_order(db::Database& database, long long order_id);

// One row of order_status_histories, newest first.
struct StatusHistoryEntry {
  std::string from_status;      // "" for the creation row
  std::string to_status;
  std::string changed_at;       // UTC
  std::string changed_by_name;  // "" when the user is gone or the change had no author
  std::string comment;
};
std::vector<StatusHistoryEntry> order_status_history(db::Database& database, long long order_id);

struct Page {
  int number = 1;      // 1-based, clamped to [1, last]
  int per_page = 20;
  long long total = 0; // rows matching the filters
  int last() const { return total == 0 ? 1 : static_cast<int>((total + per_page - 1) / per_page); }
};

// /mis-pedidos: the user's orders, newest first, 10 per page. `history` = entregado/cancelado, else the active
// ones. `q`: digits only → that order number; otherwise pickup name or phone digits contain it.
struct CustomerOrderList {
  std::vector<Order> orders;
  Page page;
};
CustomerOrderList customer_orders(db::Database& database, long long user_id, bool history, const std::string& q,
                                  int page);

// /admin/pedidos filters (already validated: status is a key or "", wa is pending|sent|no_phone or "").
struct AdminOrderFilter {
  std::string status;
  std::string q;
  std::string wa;
  int page = 1;
};

struct AdminOrderList {
  std::vector<Order> orders;                     // 20 per page; status=pendiente oldest first, else newest first
  Page page;
  std::map<std::string, long long> status_counts;  // status key → count, honouring q + wa (not status)
  long long total_count = 0;                     // Σ status_counts
  long long wa_all = 0, wa_pending = 0, wa_sent = 0, wa_no_phone = 0;  // honouring status + q (not wa)
};
AdminOrderList admin_orders(db::Database& database, const AdminOrderFilter& filter);

}  // namespace orders
