// The admin dashboard /admin and /admin/dashboard (docs/domain/accounts.md "Dashboard", ui-contract.md): KPIs for the
// chosen range with the change against the previous one, WhatsApp pending, six-month charts drawn as inline SVG
// (plain elements and attributes: nothing the CSP blocks), stock, top products, recent activity, the "today"
// panel and the CSV export form. Figures come from insights::cached_dashboard.
#include <algorithm>
#include <chrono>

#include "core/clock.hpp"
#include "core/config.hpp"
#include "core/money.hpp"
#include "core/plural.hpp"
#include "domain/insights/calendar.hpp"
#include "domain/insights/dashboard.hpp"
#include "domain/repairs/status.hpp"
#include "infra/cache.hpp"
#include "infra/stores.hpp"
#include "routes/handlers.hpp"
#include "web/context.hpp"
#include "web/render.hpp"

namespace routes {

namespace {

std::string order_badge(const std::string& status) {
  if (status == "pendiente") return "badge-amber";
  if (status == "confirmado") return "badge-sky";
  if (status == "preparando") return "badge-indigo";
  if (status == "listo_retirar") return "badge-emerald";
  if (status == "cancelado") return "badge-rose";
  return "badge-zinc";
}

std::string repair_badge(const std::string& status) {
  if (status == "received") return "badge-sky";
  if (status == "diagnosing" || status == "repairing") return "badge-indigo";
  if (status == "waiting_approval") return "badge-amber";
  if (status == "ready_pickup") return "badge-emerald";
  if (status == "cancelled") return "badge-rose";
  return "badge-zinc";
}

std::string repair_label(const std::string& key) {
  auto status = repairs::parse_status(key);
  return status ? std::string(repairs::status_label(*status)) : key;
}

void set_delta(web::Dict dict, const char* prefix, std::int64_t current, std::int64_t previous) {
  auto delta = insights::delta_percent(current, previous);
  std::string key = std::string(prefix) + "_DELTA";
  if (!delta) {
    dict.set(key, "sin historial");
    dict.set(key + "_CLASS", "badge-zinc");
    return;
  }
  dict.set(key, (*delta >= 0 ? "+" : "") + std::to_string(*delta) + "%");
  dict.set(key + "_CLASS", *delta > 0 ? "badge-emerald" : (*delta < 0 ? "badge-rose" : "badge-zinc"));
}

std::int64_t days_since(const std::string& utc, core::SystemTime now) {
  core::SystemTime then;
  if (!core::parse_sql_utc(utc, then)) return 0;
  return std::chrono::duration_cast<std::chrono::hours>(now - then).count() / 24;
}

void add_order_line(web::Dict section, const insights::OrderLine& order, core::SystemTime now) {
  section.set("ID", order.id);
  section.set("STATUS_LABEL", insights::order_status_label(order.status));
  section.set("BADGE", order_badge(order.status));
  section.set("DATE", core::format_local(order.created_at));
  section.set("CUSTOMER", order.customer.empty() ? "—" : order.customer);
  section.set("TOTAL", core::format_ars(order.total));
  section.set("DAYS", days_since(order.created_at, now));
  section.set("AGO", core::days_ago(days_since(order.created_at, now)));
}

void add_repair_line(web::Dict section, const insights::RepairLine& repair, core::SystemTime now) {
  section.set("ID", repair.id);
  section.set("CODE", repair.code.empty() ? "#" + std::to_string(repair.id) : repair.code);
  section.set("STATUS_LABEL", repair_label(repair.status));
  section.set("BADGE", repair_badge(repair.status));
  section.set("DATE", core::format_local(repair.created_at));
  section.set("UPDATED", core::format_local(repair.updated_at));
  section.set("DAYS", days_since(repair.updated_at, now));
  section.set("AGO", core::days_ago(days_since(repair.updated_at, now)));
  section.set("CUSTOMER", repair.customer);
  section.set("DEVICE", repair.device.empty() ? "Equipo" : repair.device);
}

// Bars of one series in a 600×220 viewBox: plot area y 20..180, labels below.
constexpr int kChartTop = 20, kChartBottom = 180, kSlot = 95, kLeft = 20;

int bar_height(std::int64_t value, std::int64_t max) {
  if (max <= 0 || value <= 0) return 0;
  return std::max<int>(2, static_cast<int>(value * (kChartBottom - kChartTop) / max));
}

void charts(web::Dict dict, const insights::DashboardStats& stats) {
  std::int64_t max_sales = 0, max_count = 0;
  for (const auto& month : stats.months) {
    max_sales = std::max(max_sales, month.delivered_sales);
    max_count = std::max({max_count, month.orders, month.repairs});
  }
  if (max_sales == 0) dict.show("SALES_EMPTY");
  else dict.show("SALES_CHART");
  if (max_count == 0) dict.show("ACTIVITY_EMPTY");
  else dict.show("ACTIVITY_CHART");
  int index = 0;
  for (const auto& month : stats.months) {
    int x = kLeft + index * kSlot;
    auto sales = dict.add("SALES_BAR");
    int h = bar_height(month.delivered_sales, max_sales);
    sales.set("X", x + 17).set("Y", kChartBottom - h).set("W", 60).set("H", h);
    sales.set("LABEL_X", x + 47).set("LABEL", month.label).set("VALUE", core::format_ars(month.delivered_sales));
    sales.set("VALUE_Y", kChartBottom - h - 6);
    auto activity = dict.add("ACTIVITY_BAR");
    int ho = bar_height(month.orders, max_count), hr = bar_height(month.repairs, max_count);
    activity.set("OX", x + 15).set("OY", kChartBottom - ho).set("OH", ho).set("ORDERS", month.orders);
    activity.set("RX", x + 49).set("RY", kChartBottom - hr).set("RH", hr).set("REPAIRS", month.repairs);
    activity.set("LABEL_X", x + 47).set("LABEL", month.label);
    ++index;
  }
}

}  // namespace

http::Response admin_dashboard(web::Context& context) {
  const auto& config = context.services.config;
  int range = insights::parse_range(context.query.value("range"));
  int stale_days = static_cast<int>(config.integer("OPS_STALE_REPAIR_DAYS"));
  auto now = std::chrono::system_clock::now();
  infra::Cache cache = infra::make_cache(config, context.services.database);
  int low_stock = static_cast<int>(config.integer("STORE_LOW_STOCK_THRESHOLD"));
  auto stats = insights::cached_dashboard(context.services.database, cache, range, stale_days, low_stock, now);

  web::View view("pages/admin/dashboard.tpl", "Admin - Panel");
  auto dict = view.dict();
  dict.set("RANGE", range);
  for (int days : {7, 30, 90}) {
    auto link = dict.add("RANGE_LINK");
    link.set("DAYS", days);
    link.show_if(days == range, "ACTIVE");
  }

  dict.set("ORDERS_IN_RANGE", stats.orders_in_range).set("ORDERS_ACTIVE", stats.orders_active);
  dict.set("ORDERS_PENDING", stats.orders_pending);
  set_delta(dict, "ORDERS", stats.orders_in_range, stats.orders_previous);
  dict.set("SALES_IN_RANGE", core::format_ars(stats.sales_in_range));
  set_delta(dict, "SALES", stats.sales_in_range, stats.sales_previous);
  dict.set("COUNTER_SALES_IN_RANGE", core::format_ars(stats.counter_sales_in_range));
  dict.set("COUNTER_SALES_COUNT", stats.counter_sales_count);
  set_delta(dict, "COUNTER_SALES", stats.counter_sales_in_range, stats.counter_sales_previous);
  dict.set("REPAIRS_IN_RANGE", stats.repairs_in_range).set("REPAIRS_ACTIVE", stats.repairs_active);
  dict.set("REPAIRS_TOTAL", stats.repairs_total);
  set_delta(dict, "REPAIRS", stats.repairs_in_range, stats.repairs_previous);
  dict.set("WA_PENDING_TOTAL", stats.orders_wa_pending + stats.repairs_wa_pending);
  dict.set("ORDERS_WA_PENDING", stats.orders_wa_pending).set("REPAIRS_WA_PENDING", stats.repairs_wa_pending);
  dict.set("ORDERS_WA_SENT", stats.orders_wa_sent).set("REPAIRS_WA_SENT", stats.repairs_wa_sent);

  // Today panel
  dict.set("READY_PICKUP_TOTAL", stats.ready_pickup_total);
  dict.set("STALE_REPAIRS_TOTAL", stats.stale_repairs_total).set("STALE_DAYS", stale_days);
  dict.set("STALE_ORDERS_TOTAL", stats.stale_orders_total).set("STALE_ORDER_HOURS", insights::kStaleOrderHours);
  for (const auto& repair : stats.ready_pickup) add_repair_line(dict.add("READY_PICKUP"), repair, now);
  for (const auto& repair : stats.stale_repairs) add_repair_line(dict.add("STALE_REPAIR"), repair, now);
  for (const auto& order : stats.stale_orders) add_order_line(dict.add("STALE_ORDER"), order, now);
  dict.show_if(stats.ready_pickup.empty(), "READY_PICKUP_EMPTY");
  dict.show_if(stats.stale_repairs.empty(), "STALE_REPAIRS_EMPTY");
  dict.show_if(stats.stale_orders.empty(), "STALE_ORDERS_EMPTY");

  charts(dict, stats);

  for (const auto& status : stats.orders_by_status) {
    auto row = dict.add("ORDER_STATUS");
    row.set("KEY", status.key).set("LABEL", status.label).set("COUNT", status.count).set("BADGE", order_badge(status.key));
  }
  for (const auto& status : stats.repairs_by_status) {
    auto row = dict.add("REPAIR_STATUS");
    row.set("KEY", status.key).set("LABEL", status.label).set("COUNT", status.count).set("BADGE", repair_badge(status.key));
  }

  dict.set("PRODUCTS_TOTAL", stats.products_total).set("LOW_STOCK_TOTAL", stats.low_stock_total);
  dict.set("LOW_STOCK_THRESHOLD", stats.low_stock_threshold);
  for (const auto& product : stats.low_stock) {
    auto row = dict.add("LOW_STOCK");
    row.set("ID", product.id).set("NAME", product.name).set("STOCK", product.stock);
  }
  dict.show_if(stats.low_stock.empty(), "LOW_STOCK_EMPTY");

  for (const auto& product : stats.top_products) {
    auto row = dict.add("TOP_PRODUCT");
    row.set("ID", product.product_id).set("NAME", product.name).set("QUANTITY", product.quantity);
    row.set("REVENUE", core::format_ars(product.revenue));
  }
  dict.show_if(stats.top_products.empty(), "TOP_EMPTY");

  for (const auto& order : stats.recent_orders) add_order_line(dict.add("RECENT_ORDER"), order, now);
  for (const auto& repair : stats.recent_repairs) add_repair_line(dict.add("RECENT_REPAIR"), repair, now);
  dict.show_if(stats.recent_orders.empty(), "RECENT_ORDERS_EMPTY");
  dict.show_if(stats.recent_repairs.empty(), "RECENT_REPAIRS_EMPTY");

  dict.set("EXPORT_FROM", insights::local_date(now, range)).set("EXPORT_TO", insights::local_date(now));
  dict.set("COMPUTED_AT", core::format_local(stats.computed_at, "%H:%M:%S"));
  return web::render(context, view);
}

}  // namespace routes
