// The KPI report (docs/domain/alerts.md): the shop's figures over the last N whole local days (7, 30 or 90) and the
// N days before them, for `nico reports:kpi`, the weekly mail and its CSV.
//
// Ranges (local calendar, APP_TIMEZONE): current = [00:00 N days before today, 00:00 today), previous = the N days
// before that. Today is left out: a report mailed on Monday morning covers Monday to Sunday of last week.
//
//   figure              definition (over the range)
//   ──────────────────  ──────────────────────────────────────────────────────────────────────────────────────────
//   delivered_sales     Σ total of orders "entregado" placed in the range (centavos; the dashboard's definition)
//   orders              orders placed in the range (every status)
//   average_ticket      delivered_sales / orders "entregado" placed in the range (0 when none)
//   repairs_received    repairs received (received_at, else created_at) in the range
//   repairs_delivered   repairs delivered (delivered_at) in the range
//   turnaround_hours    mean of delivered_at − received_at over those delivered repairs, rounded to whole hours
//   quotes_approved     status changes leaving "waiting_approval" towards anything but "cancelled"
//   quotes_rejected     status changes from "waiting_approval" to "cancelled"
//   counter_sales       Σ total of counter sales (/admin/venta-rapida) made in the range and not voided (centavos)
//   counter_sales_count those sales
//   top products        up to 5 products by units sold in orders not cancelled, with revenue and last range's units
// Blocking (SQL): worker threads and commands only. Throws on SQL errors.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"

namespace db {
class Database;
}

namespace alerts {

enum class FigureUnit { kCount, kMoney, kHours };

struct KpiFigure {
  std::string key;     // "delivered_sales"
  std::string label;   // "Ventas entregadas"
  FigureUnit unit = FigureUnit::kCount;
  std::int64_t current = 0;
  std::int64_t previous = 0;
};

struct KpiProduct {
  std::int64_t product_id = 0;
  std::string name;
  std::int64_t units = 0, revenue = 0;  // current range (revenue in centavos)
  std::int64_t previous_units = 0;
};

struct KpiReport {
  int range_days = 7;
  std::string from_local, to_local;  // "2026-11-30", "2026-12-06" (inclusive, for people)
  std::string from_utc, to_utc, previous_from_utc;
  std::vector<KpiFigure> figures;
  std::vector<KpiProduct> top_products;
};

// 7, 30 or 90; nullopt for anything else.
std::optional<int> parse_kpi_range(const std::string& text);

KpiReport compute_kpi_report(db::Database& database, int range_days, core::SystemTime now);

// "+25 %", "−10 %", "0 %", or "sin datos previos" when the previous value is 0.
std::string change_text(std::int64_t current, std::int64_t previous);
// A figure's value as people read it: "$ 12.345", "12", "36 h".
std::string figure_text(const KpiFigure& figure);

}  // namespace alerts
