// Dashboard figures (see dashboard.hpp). Every query is a COUNT/SUM over indexed columns with bound dates; the
// whole set runs in well under a second on a shop-sized database and is cached 45 s (dashboard_cache.cpp).
#include "domain/insights/dashboard.hpp"

#include <array>
#include <cmath>
#include <map>

#include "core/strings.hpp"
#include "db/database.hpp"
#include "domain/insights/calendar.hpp"
#include "domain/orders/status.hpp"
#include "domain/repairs/status.hpp"

namespace insights {

namespace {

// Placeholders are named uniquely per occurrence: SOCI binds by position on MySQL but by name on SQLite.
std::int64_t number(soci::session& sql, const std::string& query, std::vector<std::string> params = {}) {
  long long result = 0;
  soci::indicator indicator = soci::i_ok;
  soci::statement statement(sql);
  statement.exchange(soci::into(result, indicator));
  for (auto& value : params) statement.exchange(soci::use(value));
  statement.alloc();
  statement.prepare(query);
  statement.define_and_bind();
  statement.execute(true);
  return indicator == soci::i_null ? 0 : result;
}

// Runs `query` and calls `row` with each row's columns as text ("" for NULL).
template <std::size_t N, typename RowFn>
void each_row(soci::session& sql, const std::string& query, std::vector<std::string> params, RowFn row) {
  std::array<std::string, N> values;
  std::array<soci::indicator, N> indicators{};
  soci::statement statement(sql);
  for (std::size_t i = 0; i < N; ++i) statement.exchange(soci::into(values[i], indicators[i]));
  for (auto& value : params) statement.exchange(soci::use(value));
  statement.alloc();
  statement.prepare(query);
  statement.define_and_bind();
  statement.execute(false);
  while (statement.fetch()) {
    std::array<std::string, N> columns;
    for (std::size_t i = 0; i < N; ++i) columns[i] = indicators[i] == soci::i_null ? std::string() : values[i];
    row(columns);
  }
}

std::int64_t to_int(const std::string& text) {
  if (text.empty()) return 0;
  try {
    return std::llround(std::stod(text));  // MySQL renders SUM() as DECIMAL text
  } catch (const std::exception&) {
    return 0;
  }
}

std::map<std::string, std::int64_t> counts_by_status(soci::session& sql, const char* table) {
  std::map<std::string, std::int64_t> counts;
  each_row<2>(sql, std::string("SELECT status, COUNT(*) FROM ") + table + " GROUP BY status", {},
              [&](const auto& c) { counts[c[0]] = to_int(c[1]); });
  return counts;
}

constexpr const char* kOrderLineSelect =
    "SELECT o.id, o.status, o.created_at, COALESCE(NULLIF(o.pickup_name, ''), u.name), o.total "
    "FROM orders o LEFT JOIN users u ON u.id = o.user_id";
constexpr const char* kRepairLineSelect =
    "SELECT r.id, r.code, r.status, r.created_at, COALESCE(r.updated_at, r.created_at), r.customer_name, "
    "r.device_brand, r.device_model FROM repairs r";

std::vector<OrderLine> order_lines(soci::session& sql, const std::string& tail, std::vector<std::string> params) {
  std::vector<OrderLine> lines;
  each_row<5>(sql, std::string(kOrderLineSelect) + " " + tail, std::move(params), [&](const auto& c) {
    lines.push_back({to_int(c[0]), c[1], c[2].substr(0, 19), c[3], to_int(c[4])});
  });
  return lines;
}

std::vector<RepairLine> repair_lines(soci::session& sql, const std::string& tail, std::vector<std::string> params) {
  std::vector<RepairLine> lines;
  each_row<8>(sql, std::string(kRepairLineSelect) + " " + tail, std::move(params), [&](const auto& c) {
    lines.push_back({to_int(c[0]), c[1], c[2], c[3].substr(0, 19), c[4].substr(0, 19), c[5],
                     core::trim(c[6] + " " + c[7])});
  });
  return lines;
}

constexpr const char* kRepairFinal = "('delivered', 'cancelled')";
constexpr const char* kOrderFinal = "('entregado', 'cancelado')";

}  // namespace

const std::vector<std::pair<std::string, std::string>>& order_statuses() {
  static const std::vector<std::pair<std::string, std::string>> kStatuses = [] {
    std::vector<std::pair<std::string, std::string>> all;
    for (auto status : orders::kAllOrderStatuses)
      all.emplace_back(std::string(orders::status_key(status)), std::string(orders::status_label(status)));
    return all;
  }();
  return kStatuses;
}

std::string order_status_label(const std::string& key) {
  auto status = orders::parse_status(key);
  return status ? std::string(orders::status_label(*status)) : key;
}

int parse_range(std::string_view value) {
  if (value == "7") return 7;
  if (value == "90") return 90;
  return 30;
}

std::optional<std::int64_t> delta_percent(std::int64_t current, std::int64_t previous) {
  if (previous == 0) return std::nullopt;
  double change = (static_cast<double>(current) - static_cast<double>(previous)) * 100.0 / static_cast<double>(previous);
  return static_cast<std::int64_t>(std::llround(change));
}

DashboardStats compute_dashboard(db::Database& database, int range_days, int stale_repair_days, int low_stock_threshold,
                                 core::SystemTime now) {
  DashboardStats stats;
  stats.range_days = range_days;
  stats.stale_repair_days = stale_repair_days;
  stats.low_stock_threshold = low_stock_threshold;
  const std::string now_sql = core::to_sql_utc(now);
  stats.computed_at = now_sql;
  const std::string start = *local_day_start_utc(local_date(now, range_days));
  const std::string previous_start = *local_day_start_utc(local_date(now, 2 * range_days));
  auto sql = database.lease();

  // Orders
  stats.orders_in_range = number(*sql, "SELECT COUNT(*) FROM orders WHERE created_at >= :a AND created_at <= :b",
                                 {start, now_sql});
  stats.orders_previous = number(*sql, "SELECT COUNT(*) FROM orders WHERE created_at >= :a AND created_at < :b",
                                 {previous_start, start});
  auto order_counts = counts_by_status(*sql, "orders");
  for (const auto& [key, label] : order_statuses()) {
    std::int64_t count = order_counts.count(key) ? order_counts[key] : 0;
    stats.orders_by_status.push_back({key, label, count});
    if (key != "entregado" && key != "cancelado") stats.orders_active += count;
  }
  stats.orders_pending = order_counts.count("pendiente") ? order_counts["pendiente"] : 0;
  stats.sales_in_range = number(*sql,
                                "SELECT COALESCE(SUM(total), 0) FROM orders WHERE status = 'entregado' "
                                "AND created_at >= :a AND created_at <= :b",
                                {start, now_sql});
  stats.sales_previous = number(*sql,
                                "SELECT COALESCE(SUM(total), 0) FROM orders WHERE status = 'entregado' "
                                "AND created_at >= :a AND created_at < :b",
                                {previous_start, start});
  stats.counter_sales_in_range = number(*sql,
                                        "SELECT COALESCE(SUM(total), 0) FROM counter_sales WHERE status = 'completed' "
                                        "AND created_at >= :a AND created_at <= :b",
                                        {start, now_sql});
  stats.counter_sales_count = number(*sql,
                                     "SELECT COUNT(*) FROM counter_sales WHERE status = 'completed' "
                                     "AND created_at >= :a AND created_at <= :b",
                                     {start, now_sql});
  stats.counter_sales_previous = number(*sql,
                                        "SELECT COALESCE(SUM(total), 0) FROM counter_sales WHERE status = 'completed' "
                                        "AND created_at >= :a AND created_at < :b",
                                        {previous_start, start});

  // Repairs
  stats.repairs_in_range = number(*sql, "SELECT COUNT(*) FROM repairs WHERE created_at >= :a AND created_at <= :b",
                                  {start, now_sql});
  stats.repairs_previous = number(*sql, "SELECT COUNT(*) FROM repairs WHERE created_at >= :a AND created_at < :b",
                                  {previous_start, start});
  auto repair_counts = counts_by_status(*sql, "repairs");
  for (auto status : repairs::kAllRepairStatuses) {
    std::string key(repairs::status_key(status));
    std::int64_t count = repair_counts.count(key) ? repair_counts[key] : 0;
    stats.repairs_by_status.push_back({key, std::string(repairs::status_label(status)), count});
    stats.repairs_total += count;
    if (!repairs::is_final(status)) stats.repairs_active += count;
  }
  // Statuses the code does not know (should not exist) still count in the total.
  for (const auto& [key, count] : repair_counts)
    if (!repairs::parse_status(key)) stats.repairs_total += count;

  // WhatsApp: an active item is "sent" when a log exists for its current status.
  stats.orders_wa_sent = number(*sql, std::string("SELECT COUNT(*) FROM orders o WHERE o.status NOT IN ") + kOrderFinal +
                                          " AND EXISTS (SELECT 1 FROM order_whatsapp_logs l WHERE l.order_id = o.id "
                                          "AND l.notified_status = o.status)");
  stats.orders_wa_pending = stats.orders_active - stats.orders_wa_sent;
  stats.repairs_wa_sent = number(*sql, std::string("SELECT COUNT(*) FROM repairs r WHERE r.status NOT IN ") +
                                           kRepairFinal +
                                           " AND EXISTS (SELECT 1 FROM repair_whatsapp_logs l WHERE l.repair_id = r.id "
                                           "AND l.notified_status = r.status)");
  stats.repairs_wa_pending = stats.repairs_active - stats.repairs_wa_sent;

  // Six months of activity
  for (const auto& month : last_months(now, 6)) {
    MonthFigures figures;
    figures.label = month.label;
    figures.delivered_sales = number(*sql,
                                     "SELECT COALESCE(SUM(total), 0) FROM orders WHERE status = 'entregado' "
                                     "AND created_at >= :a AND created_at < :b",
                                     {month.start_utc, month.end_utc});
    figures.orders = number(*sql, "SELECT COUNT(*) FROM orders WHERE created_at >= :a AND created_at < :b",
                            {month.start_utc, month.end_utc});
    figures.repairs = number(*sql, "SELECT COUNT(*) FROM repairs WHERE created_at >= :a AND created_at < :b",
                             {month.start_utc, month.end_utc});
    stats.months.push_back(std::move(figures));
  }

  // Stock
  stats.products_total = number(*sql, "SELECT COUNT(*) FROM products");
  const std::string threshold = std::to_string(low_stock_threshold);
  stats.low_stock_total = number(*sql, "SELECT COUNT(*) FROM products WHERE stock <= " + threshold);
  each_row<3>(*sql, "SELECT id, name, stock FROM products WHERE stock <= " + threshold + " ORDER BY stock, id LIMIT 10",
              {}, [&](const auto& c) { stats.low_stock.push_back({to_int(c[0]), c[1], to_int(c[2])}); });

  // Top products of the range
  each_row<4>(*sql,
              "SELECT oi.product_id, oi.product_name, SUM(oi.quantity), SUM(oi.subtotal) FROM order_items oi "
              "JOIN orders o ON o.id = oi.order_id WHERE o.status <> 'cancelado' AND o.created_at >= :a "
              "AND o.created_at <= :b GROUP BY oi.product_id, oi.product_name "
              "ORDER BY SUM(oi.quantity) DESC, SUM(oi.subtotal) DESC, oi.product_id LIMIT 8",
              {start, now_sql}, [&](const auto& c) {
                stats.top_products.push_back({to_int(c[0]), c[1], to_int(c[2]), to_int(c[3])});
              });

  // Recent activity
  stats.recent_orders = order_lines(*sql, "ORDER BY o.created_at DESC, o.id DESC LIMIT 8", {});
  stats.recent_repairs = repair_lines(*sql, "ORDER BY r.created_at DESC, r.id DESC LIMIT 8", {});

  // Today panel
  stats.ready_pickup_total = repair_counts.count("ready_pickup") ? repair_counts["ready_pickup"] : 0;
  stats.ready_pickup = repair_lines(
      *sql, "WHERE r.status = 'ready_pickup' ORDER BY COALESCE(r.updated_at, r.created_at), r.id LIMIT 8", {});
  const std::string stale_before = core::to_sql_utc(now - std::chrono::hours(24) * stale_repair_days);
  stats.stale_repairs_total = number(*sql,
                                     std::string("SELECT COUNT(*) FROM repairs WHERE status NOT IN ") + kRepairFinal +
                                         " AND COALESCE(updated_at, created_at) < :a",
                                     {stale_before});
  stats.stale_repairs = repair_lines(*sql,
                                     std::string("WHERE r.status NOT IN ") + kRepairFinal +
                                         " AND COALESCE(r.updated_at, r.created_at) < :a "
                                         "ORDER BY COALESCE(r.updated_at, r.created_at), r.id LIMIT 8",
                                     {stale_before});
  const std::string pending_before = core::to_sql_utc(now - std::chrono::hours(kStaleOrderHours));
  stats.stale_orders_total = number(
      *sql, "SELECT COUNT(*) FROM orders WHERE status = 'pendiente' AND created_at < :a", {pending_before});
  stats.stale_orders = order_lines(
      *sql, "WHERE o.status = 'pendiente' AND o.created_at < :a ORDER BY o.created_at, o.id LIMIT 8", {pending_before});
  return stats;
}

std::string source_fingerprint(db::Database& database) {
  auto sql = database.lease();
  std::string print;
  each_row<15>(*sql,
               "SELECT (SELECT COUNT(*) FROM orders), (SELECT MAX(id) FROM orders), (SELECT MAX(updated_at) FROM orders), "
               "(SELECT COUNT(*) FROM order_items), (SELECT MAX(id) FROM order_items), "
               "(SELECT COUNT(*) FROM repairs), (SELECT MAX(id) FROM repairs), (SELECT MAX(updated_at) FROM repairs), "
               "(SELECT COUNT(*) FROM order_whatsapp_logs), (SELECT MAX(id) FROM order_whatsapp_logs), "
               "(SELECT COUNT(*) FROM repair_whatsapp_logs), (SELECT MAX(id) FROM repair_whatsapp_logs), "
               "(SELECT COUNT(*) FROM products), (SELECT MAX(updated_at) FROM products), "
               "(SELECT COALESCE(SUM(stock), 0) FROM products)",
               {}, [&](const auto& c) {
                 for (const auto& value : c) print += value + "|";
               });
  // Two status changes within the same second leave MAX(updated_at) alone but move the per-status counts.
  // A void sets updated_at too, but two within one second would not move it: the status counts below do.
  each_row<3>(*sql, "SELECT COUNT(*), MAX(id), MAX(updated_at) FROM counter_sales", {},
              [&](const auto& c) { print += c[0] + "|" + c[1] + "|" + c[2] + "|"; });
  for (const char* table : {"orders", "repairs", "counter_sales"}) {
    each_row<2>(*sql, std::string("SELECT status, COUNT(*) FROM ") + table + " GROUP BY status ORDER BY status", {},
                [&](const auto& c) { print += c[0] + "=" + c[1] + ","; });
    print += "|";
  }
  return print;
}

}  // namespace insights
