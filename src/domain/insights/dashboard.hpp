// The admin dashboard's figures (docs/domain/accounts.md "Dashboard", with the "today" panel): one value computed from
// orders, order_items, products, repairs and the two WhatsApp log tables. Money in centavos.
//
// Ranges: the current range is [00:00 local N days ago, now]; the previous one is the N days before it,
// [00:00 local 2N days ago, 00:00 local N days ago). (The reference's previous range overlapped the current one
// by a day; ours does not.) Dates are compared as UTC strings on indexed columns (calendar.hpp).
// Blocking (SQL): worker threads only. Throws on SQL errors.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/clock.hpp"

namespace db {
class Database;
}
namespace infra {
class Cache;
}

namespace insights {

struct StatusCount {
  std::string key;    // "pendiente", "ready_pickup"
  std::string label;  // "Pendiente", "Listo para retirar"
  std::int64_t count = 0;
};

struct LowStockProduct {
  std::int64_t id = 0;
  std::string name;
  std::int64_t stock = 0;
};

struct TopProduct {
  std::int64_t product_id = 0;
  std::string name;            // the name on the order items (snapshot)
  std::int64_t quantity = 0;   // units sold in the range
  std::int64_t revenue = 0;    // centavos (Σ subtotal)
};

struct MonthFigures {
  std::string label;           // "nov"
  std::int64_t delivered_sales = 0;  // centavos, orders entregado created that month
  std::int64_t orders = 0;
  std::int64_t repairs = 0;
};

struct OrderLine {
  std::int64_t id = 0;
  std::string status;          // key
  std::string created_at;      // UTC SQL
  std::string customer;        // pickup name, else the account's name
  std::int64_t total = 0;      // centavos
};

struct RepairLine {
  std::int64_t id = 0;
  std::string code;
  std::string status;          // key
  std::string created_at;      // UTC SQL
  std::string updated_at;      // UTC SQL (last change)
  std::string customer;
  std::string device;          // "Samsung Galaxy A52"
};

struct DashboardStats {
  int range_days = 30;
  int stale_repair_days = 7;
  int low_stock_threshold = 3;  // STORE_LOW_STOCK_THRESHOLD
  std::string computed_at;     // UTC SQL

  std::int64_t orders_in_range = 0, orders_previous = 0, orders_active = 0, orders_pending = 0;
  std::int64_t sales_in_range = 0, sales_previous = 0;  // centavos
  // Counter sales (/admin/ventas) beside online orders: completed (not voided) ones created in the range.
  std::int64_t counter_sales_in_range = 0, counter_sales_previous = 0, counter_sales_count = 0;  // centavos, count
  std::int64_t repairs_in_range = 0, repairs_previous = 0, repairs_active = 0, repairs_total = 0;
  std::int64_t orders_wa_pending = 0, orders_wa_sent = 0, repairs_wa_pending = 0, repairs_wa_sent = 0;

  std::vector<StatusCount> orders_by_status, repairs_by_status;  // every status, workflow order
  std::int64_t products_total = 0, low_stock_total = 0;
  std::vector<LowStockProduct> low_stock;   // stock ≤ low_stock_threshold, lowest first, up to 10
  std::vector<TopProduct> top_products;     // up to 8, most units first, cancelled orders excluded
  std::vector<MonthFigures> months;         // last 6 calendar months, oldest first
  std::vector<OrderLine> recent_orders;     // last 8
  std::vector<RepairLine> recent_repairs;   // last 8

  // Today panel
  std::int64_t ready_pickup_total = 0, stale_repairs_total = 0, stale_orders_total = 0;
  std::vector<RepairLine> ready_pickup;     // oldest first, up to 8
  std::vector<RepairLine> stale_repairs;    // active, no change for more than stale_repair_days, oldest first
  std::vector<OrderLine> stale_orders;      // pendiente for more than 48 h, oldest first
};

inline constexpr int kStaleOrderHours = 48;
inline constexpr int kCacheSeconds = 45;

// 7, 30 or 90 from the `range` query value; anything else → 30.
int parse_range(std::string_view value);

// Percent change rounded to the nearest whole number; nullopt when there is no history (previous == 0).
std::optional<std::int64_t> delta_percent(std::int64_t current, std::int64_t previous);

// Computes everything now (no cache).
// `low_stock_threshold` is STORE_LOW_STOCK_THRESHOLD: a product with stock ≤ it counts as low (out of stock included).
DashboardStats compute_dashboard(db::Database& database, int range_days, int stale_repair_days, int low_stock_threshold,
                                 core::SystemTime now);

// Cheap fingerprint of the source tables (counts, max ids, max updated_at, per-status counts): any insert,
// update or delete of an order, order item, repair, product, counter sale or WhatsApp log changes it.
std::string source_fingerprint(db::Database& database);

// compute_dashboard through the database cache: kept kCacheSeconds under a key that includes the fingerprint,
// so a write shows on the next page view without anyone having to invalidate anything.
DashboardStats cached_dashboard(db::Database& database, const infra::Cache& cache, int range_days,
                                int stale_repair_days, int low_stock_threshold, core::SystemTime now);

// Order status keys and labels (orders/status.hpp) as strings, workflow order.
const std::vector<std::pair<std::string, std::string>>& order_statuses();
std::string order_status_label(const std::string& key);

}  // namespace insights
