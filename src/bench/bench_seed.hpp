// `nico bench:seed`: a large, realistic, deterministic data set for `make bench` (issue: benchmarks).
//
// Same counts → same rows on every run (fixed-seed generator, fixed calendar ending 2026-11-01), so numbers from
// different machines or commits compare. Rows are written with multi-row INSERTs inside one transaction per table
// batch, ids given explicitly so repair codes (R-YYYYMMDD-NNNNN, from the id) are known before the insert.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace db {
class Database;
}

namespace bench {

struct BenchCounts {
  int products = 1000;
  int repairs = 200000;
  int orders = 50000;
  int users = 10000;
};

struct BenchSeedReport {
  long long users = 0, categories = 0, products = 0, repairs = 0, repair_histories = 0, orders = 0, order_items = 0,
            order_histories = 0;
  long long counter_sales = 0, counter_sale_items = 0, stock_movements = 0;  // counter sales: half the orders count
};

// Progress while rows are generated: the step ("reparaciones"), the rows generated so far and the run's total,
// counting users, products, repairs and orders (order items and status histories ride along with their parent).
// Called at each step's start and every few hundred rows; the receiver throttles its own drawing.
using SeedProgress = std::function<void(const std::string& step, long long done, long long total)>;

// Requires the default seed (device catalog, repair types) to be present: `nico db:seed` first.
// `password_hash` is stored for every generated user (hashing 10,000 passwords would dominate the run).
BenchSeedReport seed_bench_data(db::Database& database, const BenchCounts& counts, const std::string& password_hash,
                                const SeedProgress& progress);

}  // namespace bench
