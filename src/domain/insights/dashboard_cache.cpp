// The dashboard through the database cache (see dashboard.hpp, cached_dashboard). The key carries a hash of
// the source tables' fingerprint, so a new order, status change, stock change or WhatsApp log makes a new key
// at once (old keys simply expire); within 45 s an unchanged database is served from one cache row.
#include <nlohmann/json.hpp>

#include "core/crypto.hpp"
#include "core/log.hpp"
#include "domain/insights/dashboard.hpp"
#include "infra/cache.hpp"

namespace insights {

NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(StatusCount, key, label, count)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(LowStockProduct, id, name, stock)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(TopProduct, product_id, name, quantity, revenue)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(MonthFigures, label, delivered_sales, orders, repairs)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(OrderLine, id, status, created_at, customer, total)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(RepairLine, id, code, status, created_at, updated_at, customer, device)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(DashboardStats, range_days, stale_repair_days, low_stock_threshold, computed_at, orders_in_range,
                                   orders_previous, orders_active, orders_pending, sales_in_range, sales_previous,
                                   counter_sales_in_range, counter_sales_previous, counter_sales_count,
                                   repairs_in_range, repairs_previous, repairs_active, repairs_total, orders_wa_pending,
                                   orders_wa_sent, repairs_wa_pending, repairs_wa_sent, orders_by_status,
                                   repairs_by_status, products_total, low_stock_total, low_stock, top_products, months,
                                   recent_orders, recent_repairs, ready_pickup_total, stale_repairs_total,
                                   stale_orders_total, ready_pickup, stale_repairs, stale_orders)

DashboardStats cached_dashboard(db::Database& database, const infra::Cache& cache, int range_days,
                                int stale_repair_days, int low_stock_threshold, core::SystemTime now) {
  std::string key = "insights:dashboard:v3:" + std::to_string(range_days) + ":" + std::to_string(stale_repair_days) +
                    ":" + std::to_string(low_stock_threshold) + ":" + core::sha256_hex(source_fingerprint(database)).substr(0, 32);
  if (auto stored = cache.get(key)) {
    try {
      return nlohmann::json::parse(*stored).get<DashboardStats>();
    } catch (const std::exception& e) {
      core::log::warning("dashboard cache entry unreadable; recomputing", {{"error", e.what()}});
    }
  }
  DashboardStats stats = compute_dashboard(database, range_days, stale_repair_days, low_stock_threshold, now);
  cache.put(key, nlohmann::json(stats).dump(), kCacheSeconds);
  return stats;
}

}  // namespace insights
