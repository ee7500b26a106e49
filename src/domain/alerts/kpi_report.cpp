// KPI report figures (see kpi_report.hpp): a handful of COUNT/SUM queries per range on indexed date columns, and
// the turnaround mean computed here from the delivered repairs' two timestamps (portable across the three engines).
#include "domain/alerts/kpi_report.hpp"

#include <chrono>
#include <cmath>
#include <map>

#include "core/money.hpp"
#include "db/database.hpp"
#include "db/row_values.hpp"
#include "domain/insights/calendar.hpp"
#include "domain/insights/dashboard.hpp"

namespace alerts {

namespace {

// One number from a query with two bound times (:a start, :b end). Named uniquely: SOCI binds by position on
// MySQL and by name on SQLite.
std::int64_t number(soci::session& sql, const std::string& query, const std::string& from, const std::string& to) {
  std::string a = from, b = to;
  soci::rowset<soci::row> rows = (sql.prepare << query, soci::use(a, "a"), soci::use(b, "b"));
  std::int64_t value = 0;
  for (const auto& row : rows) value = db::row_int(row, 0);
  return value;
}

struct Window {
  std::string from, to;
};

std::int64_t turnaround_hours(soci::session& sql, const Window& w) {
  std::string a = w.from, b = w.to;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT COALESCE(received_at, created_at), delivered_at FROM repairs WHERE delivered_at >= :a "
                      "AND delivered_at < :b AND status = 'delivered'",
       soci::use(a, "a"), soci::use(b, "b"));
  double total = 0;
  int count = 0;
  for (const auto& row : rows) {
    core::SystemTime received, delivered;
    if (!core::parse_sql_utc(db::row_str(row, 0).substr(0, 19), received) ||
        !core::parse_sql_utc(db::row_str(row, 1).substr(0, 19), delivered))
      continue;
    total += std::chrono::duration<double, std::ratio<3600>>(delivered - received).count();
    ++count;
  }
  return count == 0 ? 0 : std::llround(total / count);
}

std::vector<std::int64_t> figures_for(soci::session& sql, const Window& w) {
  auto n = [&](const char* query) { return number(sql, query, w.from, w.to); };
  std::int64_t sales = n("SELECT COALESCE(SUM(total), 0) FROM orders WHERE status = 'entregado' AND created_at >= :a "
                         "AND created_at < :b");
  std::int64_t delivered_orders =
      n("SELECT COUNT(*) FROM orders WHERE status = 'entregado' AND created_at >= :a AND created_at < :b");
  return {
      sales,
      n("SELECT COUNT(*) FROM orders WHERE created_at >= :a AND created_at < :b"),
      delivered_orders == 0 ? 0 : std::llround(static_cast<double>(sales) / static_cast<double>(delivered_orders)),
      n("SELECT COUNT(*) FROM repairs WHERE COALESCE(received_at, created_at) >= :a "
        "AND COALESCE(received_at, created_at) < :b"),
      n("SELECT COUNT(*) FROM repairs WHERE status = 'delivered' AND delivered_at >= :a AND delivered_at < :b"),
      turnaround_hours(sql, w),
      n("SELECT COUNT(*) FROM repair_status_histories WHERE from_status = 'waiting_approval' "
        "AND to_status <> 'cancelled' AND changed_at >= :a AND changed_at < :b"),
      n("SELECT COUNT(*) FROM repair_status_histories WHERE from_status = 'waiting_approval' "
        "AND to_status = 'cancelled' AND changed_at >= :a AND changed_at < :b"),
      n("SELECT COALESCE(SUM(total), 0) FROM counter_sales WHERE status = 'completed' AND created_at >= :a "
        "AND created_at < :b"),
      n("SELECT COUNT(*) FROM counter_sales WHERE status = 'completed' AND created_at >= :a AND created_at < :b"),
  };
}

constexpr const char* kTopProducts =
    "SELECT oi.product_id, oi.product_name, SUM(oi.quantity), SUM(oi.subtotal) FROM order_items oi "
    "JOIN orders o ON o.id = oi.order_id WHERE o.status <> 'cancelado' AND o.created_at >= :a AND o.created_at < :b "
    "GROUP BY oi.product_id, oi.product_name ORDER BY SUM(oi.quantity) DESC, SUM(oi.subtotal) DESC, oi.product_id";

}  // namespace

std::optional<int> parse_kpi_range(const std::string& text) {
  if (text == "7") return 7;
  if (text == "30") return 30;
  if (text == "90") return 90;
  return std::nullopt;
}

std::string change_text(std::int64_t current, std::int64_t previous) {
  auto change = insights::delta_percent(current, previous);
  if (!change) return current == 0 ? "0 %" : "sin datos previos";
  if (*change > 0) return "+" + std::to_string(*change) + " %";
  if (*change < 0) return "−" + std::to_string(-*change) + " %";
  return "0 %";
}

std::string figure_text(const KpiFigure& figure) {
  switch (figure.unit) {
    case FigureUnit::kMoney: return core::format_ars(figure.current);
    case FigureUnit::kHours: return std::to_string(figure.current) + " h";
    case FigureUnit::kCount: break;
  }
  return std::to_string(figure.current);
}

KpiReport compute_kpi_report(db::Database& database, int range_days, core::SystemTime now) {
  KpiReport report;
  report.range_days = range_days;
  std::string today = insights::local_date(now, 0);
  report.from_local = insights::local_date(now, range_days);
  report.to_local = insights::local_date(now, 1);
  report.from_utc = insights::local_day_start_utc(report.from_local).value_or("");
  report.to_utc = insights::local_day_start_utc(today).value_or("");
  report.previous_from_utc = insights::local_day_start_utc(insights::local_date(now, 2 * range_days)).value_or("");
  Window current{report.from_utc, report.to_utc}, previous{report.previous_from_utc, report.from_utc};

  auto sql = database.lease();
  auto now_figures = figures_for(*sql, current);
  auto before = figures_for(*sql, previous);
  static const std::vector<std::tuple<const char*, const char*, FigureUnit>> kFigures = {
      {"delivered_sales", "Ventas entregadas", FigureUnit::kMoney},
      {"orders", "Pedidos", FigureUnit::kCount},
      {"average_ticket", "Ticket promedio", FigureUnit::kMoney},
      {"repairs_received", "Reparaciones recibidas", FigureUnit::kCount},
      {"repairs_delivered", "Reparaciones entregadas", FigureUnit::kCount},
      {"turnaround_hours", "Tiempo promedio de reparación", FigureUnit::kHours},
      {"quotes_approved", "Presupuestos aprobados", FigureUnit::kCount},
      {"quotes_rejected", "Presupuestos rechazados", FigureUnit::kCount},
      {"counter_sales", "Ventas en mostrador", FigureUnit::kMoney},
      {"counter_sales_count", "Ventas en mostrador (cantidad)", FigureUnit::kCount},
  };
  for (std::size_t i = 0; i < kFigures.size(); ++i) {
    auto [key, label, unit] = kFigures[i];
    report.figures.push_back({key, label, unit, now_figures[i], before[i]});
  }

  std::map<std::int64_t, std::int64_t> previous_units;
  {
    std::string a = previous.from, b = previous.to;
    soci::rowset<soci::row> rows = (sql->prepare << kTopProducts, soci::use(a, "a"), soci::use(b, "b"));
    for (const auto& row : rows) previous_units[db::row_int(row, 0)] += db::row_int(row, 2);
  }
  std::string a = current.from, b = current.to;
  soci::rowset<soci::row> rows = (sql->prepare << kTopProducts, soci::use(a, "a"), soci::use(b, "b"));
  for (const auto& row : rows) {
    if (report.top_products.size() == 5) continue;  // read to the end: the connection serves the next query
    std::int64_t id = db::row_int(row, 0);
    report.top_products.push_back(
        {id, db::row_str(row, 1), db::row_int(row, 2), db::row_int(row, 3), previous_units[id]});
  }
  return report;
}

}  // namespace alerts
