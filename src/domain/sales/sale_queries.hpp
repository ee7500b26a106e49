// Reading counter sales for the back office: one sale with its items (sale page, ticket), the history with date
// range and payment filters plus totals per payment method (voided sales listed, never counted), and the figures
// the dashboard shows beside online orders. Dates are local days (APP_TIMEZONE) turned into UTC bounds.
// Blocking SQL: worker threads only.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace db {
class Database;
}

namespace sales {

struct SaleItem {
  std::optional<long long> product_id;  // nullopt when the product was deleted since
  std::string product_name;
  long long unit_price = 0, unit_cost = 0, quantity = 0, subtotal = 0;
};

struct CounterSale {
  long long id = 0;
  std::string seller_name;     // "" when unknown
  std::string customer_name;   // "" = walk-in (kWalkInCustomer)
  std::string customer_phone;  // stored form, "" when none
  std::string payment_method;
  long long subtotal = 0, discount = 0, total = 0, cost_total = 0;
  std::string discount_reason;
  bool voided = false;
  std::string voided_at, void_reason, voided_by_name;
  std::string created_at;  // UTC "YYYY-MM-DD HH:MM:SS"
  std::vector<SaleItem> items;  // find_sale only
};

std::optional<CounterSale> find_sale(db::Database& database, long long id);

struct SaleFilters {
  std::string from, to;        // local dates "YYYY-MM-DD", "" = open
  std::string payment_method;  // "" = all
  std::string status;          // "" | "completed" | "voided"
  long long page = 1;
};

struct MethodTotal {
  std::string payment_method;
  long long count = 0, total = 0;
};

struct SalePage {
  std::vector<CounterSale> items;
  long long total_count = 0, page = 1, pages = 1;
  std::vector<MethodTotal> per_method;  // completed sales matching the filters, every method listed
  long long grand_total = 0, completed_count = 0;
};

SalePage list_sales(db::Database& database, const SaleFilters& filters, long long per_page = 30);

// Completed counter sales created in [start_utc, end_utc): count and sum of totals.
struct SalesFigure {
  long long count = 0, total = 0;
};
SalesFigure sales_between(db::Database& database, const std::string& start_utc, const std::string& end_utc);

}  // namespace sales
