// Counter sales and stock movements for `nico bench:seed` (see bench_counter.hpp).
#include "bench/bench_counter.hpp"

#include <soci/soci.h>

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "bench/bench_data.hpp"
#include "bench/sql_batch.hpp"
#include "db/row_values.hpp"
#include "domain/inventory/catalog_version.hpp"

namespace bench {

namespace {

constexpr std::int64_t kDay = 86400;

struct Product {
  long long id = 0;
  std::string name;
  std::int64_t price = 0, cost = 0, stock = 0;
};

struct Line {
  const Product* product = nullptr;
  std::int64_t quantity = 0;
};

struct Sale {
  std::int64_t created = 0;
  std::vector<Line> lines;
  std::string method;
  std::optional<std::string> customer;
  bool voided = false;
};

long long next_id(soci::session& sql, const std::string& table) {
  long long max_id = 0;
  soci::indicator indicator = soci::i_null;
  sql << "SELECT MAX(id) FROM " + table, soci::into(max_id, indicator);
  return indicator == soci::i_ok ? max_id + 1 : 1;
}

// A shop's mix: mostly cash, then transfers and cards.
std::string payment_method(Random& random) {
  auto roll = random.below(100);
  return roll < 45 ? "efectivo" : roll < 70 ? "transferencia" : roll < 90 ? "debito" : "credito";
}

}  // namespace

CounterSeedReport seed_counter_sales(soci::session& sql, int count, long long admin_id,
                                     const std::function<void()>& tick) {
  CounterSeedReport report;
  sql << "UPDATE products SET cost_price = (price * 6) / 10 WHERE cost_price = 0";
  inventory::bump_catalog_version_after_commit(sql);  // and the stock below: one bump after the caller's commit
  std::vector<Product> products;
  {
    soci::rowset<soci::row> rows = (sql.prepare << "SELECT id, name, price, cost_price, stock, active FROM products "
                                                   "ORDER BY id");
    for (const auto& row : rows)
      products.push_back({db::row_int(row, 0), db::row_str(row, 1), db::row_int(row, 2), db::row_int(row, 3),
                          db::row_int(row, 4)});
  }
  if (products.empty()) return report;

  // 1. The sales, oldest first; units sold per product (voided sales give theirs back).
  Random random(5);
  std::vector<Sale> sales(static_cast<std::size_t>(std::max(count, 0)));
  std::map<long long, std::int64_t> sold;
  for (auto& sale : sales) {
    sale.created = kBenchEpoch - random.between(0, 365) * kDay - random.between(0, kDay - 1);
    for (int i = 0, lines = static_cast<int>(random.between(1, 2)); i < lines; ++i)
      sale.lines.push_back({&random.pick(products), random.between(1, 3)});
    sale.method = payment_method(random);
    if (random.chance(30)) sale.customer = random.pick(first_names()) + " " + random.pick(last_names());
    sale.voided = random.chance(3);
    if (!sale.voided)
      for (const auto& line : sale.lines) sold[line.product->id] += line.quantity;
  }
  std::sort(sales.begin(), sales.end(), [](const Sale& a, const Sale& b) { return a.created < b.created; });

  // 2. Each product's ledger opens with its stock plus what the counter will sell, a year and a day back.
  std::map<long long, std::int64_t> running;
  long long movement_id = next_id(sql, "stock_movements");
  SqlBatch movements(sql, "stock_movements", {"id", "product_id", "delta", "stock_after", "reason", "reference_type",
                                              "reference_id", "user_id", "note", "created_at"});
  const std::string opening_time = sql_time(kBenchEpoch - 366 * kDay);
  std::optional<long long> seller = admin_id ? std::optional<long long>(admin_id) : std::nullopt;
  const std::optional<std::string> none;
  for (const auto& product : products) {
    std::int64_t opening = product.stock + sold[product.id];
    running[product.id] = opening;
    if (opening == 0) continue;
    movements.row().add(movement_id++).add(product.id).add(opening).add(opening).add("opening_balance").add(none)
        .add(std::optional<long long>()).add(std::optional<long long>()).add(none).add(opening_time);
  }

  // 3. The sales with their items and movements.
  long long sale_id = next_id(sql, "counter_sales"), item_id = next_id(sql, "counter_sale_items");
  SqlBatch sale_rows(sql, "counter_sales", {"id", "user_id", "customer_name", "payment_method", "subtotal", "discount",
                                            "discount_reason", "total", "cost_total", "status", "voided_at", "voided_by",
                                            "void_reason", "created_at", "updated_at"});
  SqlBatch items(sql, "counter_sale_items", {"id", "counter_sale_id", "product_id", "product_name", "unit_price",
                                             "unit_cost", "quantity", "subtotal"});
  items.flush_after(sale_rows);
  movements.flush_after(sale_rows);
  for (auto& sale : sales) {
    if (sale.voided) {
      // A voided sale still took its units for a while: only what was on the shelf then (never below zero).
      std::map<long long, std::int64_t> taken;
      std::vector<Line> lines;
      for (auto line : sale.lines) {
        line.quantity = std::min(line.quantity, running[line.product->id] - taken[line.product->id]);
        if (line.quantity <= 0) continue;
        taken[line.product->id] += line.quantity;
        lines.push_back(line);
      }
      if (lines.empty()) continue;
      sale.lines = std::move(lines);
    }
    std::int64_t subtotal = 0, cost = 0;
    for (const auto& line : sale.lines) {
      subtotal += line.product->price * line.quantity;
      cost += line.product->cost * line.quantity;
    }
    // One sale in ten gets a small rounding discount, as counters do.
    std::int64_t discount = random.chance(10) ? (subtotal % 100000) : 0;
    std::string created = sql_time(sale.created);
    std::string voided_at = sql_time(std::min(kBenchEpoch, sale.created + 3600));
    sale_rows.row().add(sale_id).add(seller).add(sale.customer).add(sale.method).add(subtotal).add(discount)
        .add(discount ? std::optional<std::string>("Redondeo") : none).add(subtotal - discount).add(cost)
        .add(sale.voided ? "voided" : "completed").add(sale.voided ? std::optional<std::string>(voided_at) : none)
        .add(sale.voided ? seller : std::optional<long long>())
        .add(sale.voided ? std::optional<std::string>("Devolución en el día") : none).add(created)
        .add(sale.voided ? voided_at : created);
    for (const auto& line : sale.lines) {
      items.row().add(item_id++).add(sale_id).add(line.product->id).add(line.product->name).add(line.product->price)
          .add(line.product->cost).add(line.quantity).add(line.product->price * line.quantity);
      std::int64_t& stock = running[line.product->id];
      stock -= line.quantity;
      movements.row().add(movement_id++).add(line.product->id).add(-line.quantity).add(stock).add("counter_sale")
          .add("counter_sale").add(sale_id).add(seller).add(none).add(created);
      if (sale.voided) {
        stock += line.quantity;
        movements.row().add(movement_id++).add(line.product->id).add(line.quantity).add(stock).add("sale_void")
            .add("counter_sale").add(sale_id).add(seller).add("Devolución en el día").add(voided_at);
      }
    }
    ++sale_id;
    if (tick) tick();
  }
  sale_rows.flush();
  items.flush();
  movements.flush();
  report.sales = sale_rows.rows_written();
  report.items = items.rows_written();
  report.movements = movements.rows_written();
  return report;
}

}  // namespace bench
