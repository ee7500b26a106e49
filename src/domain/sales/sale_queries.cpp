// Counter sale reads (see sale_queries.hpp).
#include "domain/sales/sale_queries.hpp"

#include <soci/soci.h>

#include <algorithm>

#include "db/database.hpp"
#include "db/row_values.hpp"
#include "domain/insights/calendar.hpp"
#include "domain/sales/counter_sale.hpp"

namespace sales {

using db::row_int;
using db::row_str;

namespace {

constexpr const char* kSelectSales =
    "SELECT s.id, u.name, s.customer_name, s.customer_phone, s.payment_method, s.subtotal, s.discount, s.total, "
    "s.cost_total, s.discount_reason, s.status, s.voided_at, s.void_reason, v.name, s.created_at "
    "FROM counter_sales s LEFT JOIN users u ON u.id = s.user_id LEFT JOIN users v ON v.id = s.voided_by ";

CounterSale sale_from(const soci::row& row) {
  CounterSale sale;
  sale.id = row_int(row, 0);
  sale.seller_name = row_str(row, 1);
  sale.customer_name = row_str(row, 2);
  sale.customer_phone = row_str(row, 3);
  sale.payment_method = row_str(row, 4);
  sale.subtotal = row_int(row, 5);
  sale.discount = row_int(row, 6);
  sale.total = row_int(row, 7);
  sale.cost_total = row_int(row, 8);
  sale.discount_reason = row_str(row, 9);
  sale.voided = row_str(row, 10) == "voided";
  sale.voided_at = row_str(row, 11);
  sale.void_reason = row_str(row, 12);
  sale.voided_by_name = row_str(row, 13);
  sale.created_at = row_str(row, 14);
  return sale;
}

// The WHERE for the filters; values bound by name (:from, :to, :method, :status), set only when used.
struct Where {
  std::string sql = " WHERE 1 = 1";
  std::string from, to, method, status;
};

Where where_for(const SaleFilters& filters) {
  Where where;
  if (auto from = insights::local_day_start_utc(filters.from)) {
    where.from = *from;
    where.sql += " AND s.created_at >= :from";
  }
  if (auto to = insights::local_day_end_utc(filters.to)) {
    where.to = *to;
    where.sql += " AND s.created_at < :to";
  }
  if (auto method = parse_payment_method(filters.payment_method)) {
    where.method = *method;
    where.sql += " AND s.payment_method = :method";
  }
  if (filters.status == "completed" || filters.status == "voided") {
    where.status = filters.status;
    where.sql += " AND s.status = :status";
  }
  return where;
}

// Binds the values a Where uses to a prepared statement (SOCI needs each name bound once, in any order).
template <typename Prepare>
void bind(Prepare& prepare, Where& where) {
  if (!where.from.empty()) prepare, soci::use(where.from, "from");
  if (!where.to.empty()) prepare, soci::use(where.to, "to");
  if (!where.method.empty()) prepare, soci::use(where.method, "method");
  if (!where.status.empty()) prepare, soci::use(where.status, "status");
}

}  // namespace

std::optional<CounterSale> find_sale(db::Database& database, long long id) {
  auto sql = database.lease();
  std::optional<CounterSale> sale;
  {
    soci::rowset<soci::row> rows = (sql->prepare << std::string(kSelectSales) + "WHERE s.id = :id", soci::use(id));
    for (const auto& row : rows) sale = sale_from(row);
  }
  if (!sale) return sale;
  soci::rowset<soci::row> items =
      (sql->prepare << "SELECT product_id, product_name, unit_price, unit_cost, quantity, subtotal "
                       "FROM counter_sale_items WHERE counter_sale_id = :id ORDER BY id",
       soci::use(id));
  for (const auto& row : items) {
    SaleItem item;
    if (row.get_indicator(0) != soci::i_null) item.product_id = row_int(row, 0);
    item.product_name = row_str(row, 1);
    item.unit_price = row_int(row, 2);
    item.unit_cost = row_int(row, 3);
    item.quantity = row_int(row, 4);
    item.subtotal = row_int(row, 5);
    sale->items.push_back(std::move(item));
  }
  return sale;
}

SalePage list_sales(db::Database& database, const SaleFilters& filters, long long per_page) {
  Where where = where_for(filters);
  auto sql = database.lease();
  SalePage page;
  {
    soci::details::once_temp_type count = (*sql << "SELECT COUNT(*) FROM counter_sales s" + where.sql);
    bind(count, where);
    count, soci::into(page.total_count);
  }
  page.pages = std::max<long long>(1, (page.total_count + per_page - 1) / per_page);
  page.page = std::clamp<long long>(filters.page, 1, page.pages);
  {
    std::string query = std::string(kSelectSales) + where.sql.substr(1) + " ORDER BY s.id DESC LIMIT " +
                        std::to_string(per_page) + " OFFSET " + std::to_string((page.page - 1) * per_page);
    soci::details::prepare_temp_type prepare = (sql->prepare << query);
    bind(prepare, where);
    soci::rowset<soci::row> rows = prepare;
    for (const auto& row : rows) page.items.push_back(sale_from(row));
  }
  // Totals per method: completed sales only (a voided sale returned its money and its stock).
  Where totals = where;
  std::string totals_sql = totals.sql;
  if (totals.status.empty()) totals_sql += " AND s.status = 'completed'";
  std::vector<MethodTotal> found;
  if (totals.status != "voided") {
    soci::details::prepare_temp_type prepare =
        (sql->prepare << "SELECT s.payment_method, COUNT(*), SUM(s.total) FROM counter_sales s" + totals_sql +
                             " GROUP BY s.payment_method");
    bind(prepare, totals);
    soci::rowset<soci::row> rows = prepare;
    for (const auto& row : rows) found.push_back({row_str(row, 0), row_int(row, 1), row_int(row, 2)});
  }
  for (const auto& method : counter_payment_methods()) {
    MethodTotal line{method.key, 0, 0};
    for (const auto& f : found)
      if (f.payment_method == method.key) line = f;
    page.grand_total += line.total;
    page.completed_count += line.count;
    page.per_method.push_back(line);
  }
  return page;
}

SalesFigure sales_between(db::Database& database, const std::string& start_utc, const std::string& end_utc) {
  auto sql = database.lease();
  SalesFigure figure;
  std::string start = start_utc, end = end_utc;
  soci::indicator total_ind = soci::i_null;
  *sql << "SELECT COUNT(*), SUM(total) FROM counter_sales WHERE status = 'completed' AND created_at >= :s AND "
          "created_at < :e",
      soci::use(start), soci::use(end), soci::into(figure.count), soci::into(figure.total, total_ind);
  if (total_ind != soci::i_ok) figure.total = 0;
  return figure;
}

}  // namespace sales
