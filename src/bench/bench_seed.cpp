// The benchmark data set (see bench_seed.hpp): users, store catalog, repairs with histories, orders with items
// and histories, counter sales with their stock movements (bench_counter.cpp). One generator per table (fixed
// seeds), so changing one count never reshuffles another table.
#include "bench/bench_seed.hpp"

#include <soci/soci.h>

#include <array>
#include <stdexcept>
#include <vector>

#include "bench/bench_counter.hpp"
#include "bench/bench_data.hpp"
#include "bench/sql_batch.hpp"
#include "core/strings.hpp"
#include "db/database.hpp"
#include "db/row_values.hpp"
#include "domain/inventory/catalog_version.hpp"

namespace bench {

namespace {

constexpr std::int64_t kDay = 86400;
const std::optional<std::string> kNoComment;

// "00042" for 42 and width 5; wider numbers are kept whole (repair codes keep growing past 99999).
std::string zero_padded(long long value, std::size_t width) {
  std::string digits = std::to_string(value);
  return digits.size() >= width ? digits : std::string(width - digits.size(), '0') + digits;
}

long long next_id(soci::session& sql, const std::string& table) {
  long long max_id = 0;
  soci::indicator indicator = soci::i_null;
  sql << "SELECT MAX(id) FROM " + table, soci::into(max_id, indicator);
  return indicator == soci::i_ok ? max_id + 1 : 1;
}

std::vector<long long> ids(soci::session& sql, const std::string& query) {
  std::vector<long long> result;
  soci::rowset<soci::row> rows = (sql.prepare << query);
  for (const auto& row : rows) result.push_back(db::row_int(row, 0));
  return result;
}

// Counts the primary rows generated over the whole run for the SeedProgress callback.
class RowTicker final {
 public:
  RowTicker(const SeedProgress& progress, long long total) : progress_(progress), total_(total) {}
  void begin(std::string step) {
    step_ = std::move(step);
    report();
  }
  void tick() {
    if (++done_ % kReportEvery == 0) report();
  }
  void report() const {
    if (progress_) progress_(step_, done_, total_);
  }

 private:
  static constexpr long long kReportEvery = 500;
  const SeedProgress& progress_;
  long long total_;
  long long done_ = 0;
  std::string step_;
};

// ── users ──────────────────────────────────────────────────────────────────────────────────────────────────────

std::vector<long long> seed_users(soci::session& sql, int count, const std::string& password_hash, RowTicker& ticker) {
  Random random(1);
  long long first = next_id(sql, "users");
  std::vector<long long> created;
  SqlBatch batch(sql, "users", {"id", "name", "last_name", "phone", "email", "password", "role", "created_at", "updated_at"});
  for (int i = 0; i < count; ++i) {
    long long id = first + i;
    std::string when = sql_time(kBenchEpoch - random.between(0, 730) * kDay - random.between(0, kDay - 1));
    batch.row().add(id).add(random.pick(first_names())).add(random.pick(last_names())).add(phone_number(random))
        .add("cliente" + std::to_string(id) + "@bench.nico.test").add(password_hash).add("user").add(when).add(when);
    created.push_back(id);
    ticker.tick();
  }
  batch.flush();
  return created;
}

// ── store catalog ──────────────────────────────────────────────────────────────────────────────────────────────

struct ProductRow {
  long long id;
  std::string name;
  std::int64_t price;
};

struct CategorySeed {
  const char* name;
  const char* product_noun;  // how one product of the category starts its name
  const char* description;
};

const std::array<CategorySeed, 8> kCategories = {{
    {"Fundas", "Funda", "Fundas rígidas, de silicona y tipo libro."},
    {"Vidrios templados", "Vidrio templado", "Protectores 9H y hidrogel."},
    {"Cargadores", "Cargador", "Cargadores rápidos y de auto."},
    {"Cables", "Cable", "USB-C, Lightning y micro USB."},
    {"Auriculares", "Auriculares", "Con cable, inalámbricos y gamer."},
    {"Baterías", "Batería", "Baterías de reemplazo con garantía."},
    {"Repuestos", "Módulo", "Módulos, pines de carga y flex."},
    {"Accesorios", "Soporte", "Soportes, memorias y adaptadores."},
}};

std::vector<ProductRow> seed_catalog(soci::session& sql, int product_count, BenchSeedReport& report, RowTicker& ticker) {
  Random random(2);
  long long first_category = next_id(sql, "categories");
  std::string now = sql_time(kBenchEpoch);
  {
    SqlBatch batch(sql, "categories", {"id", "name", "slug", "active", "description", "created_at", "updated_at"});
    for (std::size_t i = 0; i < kCategories.size(); ++i) {
      batch.row().add(first_category + static_cast<long long>(i)).add(kCategories[i].name)
          .add("bench-" + core::slugify(kCategories[i].name)).add(1).add(kCategories[i].description).add(now).add(now);
    }
    batch.flush();
    report.categories = batch.rows_written();
  }

  const std::vector<std::string> brands = {"Samsung", "Apple", "Xiaomi", "Motorola", "Genérico", "Sony", "JBL"};
  const std::vector<std::string> models = {"A10", "A32", "A54", "S23", "iPhone 11", "iPhone 13", "iPhone 15",
                                           "Redmi Note 12", "Moto G32", "Moto E13", "Universal"};
  const std::vector<std::string> qualities = {"original", "premium", "generico"};
  const std::vector<std::string> variants = {"Negro", "Blanco", "Azul", "Transparente", "Reforzado", "Slim", "Pro"};

  std::vector<ProductRow> products;
  long long first = next_id(sql, "products");
  SqlBatch batch(sql, "products", {"id", "category_id", "name", "slug", "brand", "quality", "price", "stock",
                                   "short_description", "description", "featured", "active", "created_at", "updated_at"});
  for (int i = 0; i < product_count; ++i) {
    long long id = first + i;
    std::size_t category = random.below(kCategories.size());
    std::string brand = random.pick(brands);
    std::string name = std::string(kCategories[category].product_noun) + " " + brand + " " + random.pick(models) + " " + random.pick(variants);
    std::int64_t price = random.between(20, 1500) * 10000;  // $2.000 … $150.000
    std::int64_t stock = random.chance(8) ? 0 : random.between(1, 60);
    bool active = !random.chance(4);
    std::string when = sql_time(kBenchEpoch - random.between(0, 365) * kDay);
    batch.row().add(id).add(first_category + static_cast<long long>(category)).add(name)
        .add(core::slugify(name) + "-" + std::to_string(id)).add(brand).add(random.pick(qualities)).add(price).add(stock)
        .add("Calidad garantizada, entrega en el local.")
        .add("Producto de prueba para benchmarks: " + name + ". Compatible y probado en el taller.")
        .add(random.chance(5) ? 1 : 0).add(active ? 1 : 0).add(when).add(when);
    if (active) products.push_back({id, name, price});
    ticker.tick();
  }
  batch.flush();
  report.products = batch.rows_written();
  return products;
}

// ── repairs ────────────────────────────────────────────────────────────────────────────────────────────────────

struct DeviceChoice {
  long long type_id, brand_id, model_id;
  std::string brand, model;
};

struct RepairCatalog {
  std::vector<DeviceChoice> devices;
  std::vector<std::pair<long long, std::string>> issues;  // (id, name), any type — close enough for load
  std::vector<long long> repair_types;
};

RepairCatalog load_repair_catalog(soci::session& sql) {
  RepairCatalog catalog;
  soci::rowset<soci::row> devices =
      (sql.prepare << "SELECT b.device_type_id, b.id, m.id, b.name, m.name FROM device_models m "
                      "JOIN device_brands b ON b.id = m.device_brand_id ORDER BY m.id");
  for (const auto& row : devices) {
    catalog.devices.push_back({db::row_int(row, 0), db::row_int(row, 1), db::row_int(row, 2),
                               row.get<std::string>(3), row.get<std::string>(4)});
  }
  soci::rowset<soci::row> issues = (sql.prepare << "SELECT id, name FROM device_issue_types ORDER BY id");
  for (const auto& row : issues) catalog.issues.emplace_back(db::row_int(row, 0), row.get<std::string>(1));
  catalog.repair_types = ids(sql, "SELECT id FROM repair_types ORDER BY id");
  if (catalog.devices.empty() || catalog.issues.empty() || catalog.repair_types.empty())
    throw std::runtime_error("the device catalog is empty: run `nico db:seed` before `nico bench:seed`");
  return catalog;
}

// Status a repair ends in, weighted like a busy shop: most work is delivered, a backlog is open.
std::vector<std::string> repair_path(Random& random) {
  int roll = static_cast<int>(random.below(100));
  std::vector<std::string> path = {"received"};
  auto walk = [&](int last_step) {
    const std::array<const char*, 5> steps = {"diagnosing", "waiting_approval", "repairing", "ready_pickup", "delivered"};
    for (int i = 0; i <= last_step; ++i) {
      bool optional = i < 2;  // diagnosing and waiting_approval may be skipped
      if (!optional || random.chance(60) || i == last_step) path.push_back(steps[static_cast<std::size_t>(i)]);
    }
  };
  if (roll < 55) walk(4);
  else if (roll < 62) walk(3);
  else if (roll < 72) walk(2);
  else if (roll < 77) walk(1);
  else if (roll < 82) walk(0);
  else if (roll < 90) {
    walk(static_cast<int>(random.below(3)) - 1);
    path.push_back("cancelled");
  }
  return path;  // else: still "received"
}

void seed_repairs(soci::session& sql, int count, const std::vector<long long>& users, long long admin_id,
                  BenchSeedReport& report, RowTicker& ticker) {
  Random random(3);
  RepairCatalog catalog = load_repair_catalog(sql);
  const std::vector<std::string> methods = {"cash", "transfer", "debit", "credit", "mp"};
  long long first = next_id(sql, "repairs");
  long long history_id = next_id(sql, "repair_status_histories");
  SqlBatch repairs(sql, "repairs", {"id", "code", "user_id", "customer_name", "customer_phone", "device_type_id",
                                    "device_brand_id", "device_model_id", "device_issue_type_id", "repair_type_id",
                                    "device_brand", "device_model", "issue_reported", "parts_cost", "labor_cost",
                                    "final_price", "paid_amount", "payment_method", "status", "warranty_days",
                                    "received_at", "delivered_at", "created_at", "updated_at"});
  SqlBatch histories(sql, "repair_status_histories",
                     {"id", "repair_id", "from_status", "to_status", "changed_by", "changed_at", "comment"});
  histories.flush_after(repairs);
  std::optional<long long> admin = admin_id ? std::optional<long long>(admin_id) : std::nullopt;
  for (int i = 0; i < count; ++i) {
    long long id = first + i;
    std::int64_t received = kBenchEpoch - random.between(0, 730) * kDay - random.between(0, kDay - 1);
    const DeviceChoice& device = random.pick(catalog.devices);
    const auto& issue = random.pick(catalog.issues);
    std::vector<std::string> path = repair_path(random);

    std::int64_t when = received;
    std::vector<std::int64_t> times;
    for (std::size_t step = 0; step < path.size(); ++step) {
      if (step > 0) when = std::min(kBenchEpoch, when + random.between(3600, 3 * kDay));
      times.push_back(when);
    }
    const std::string& status = path.back();
    std::int64_t parts = random.between(0, 80) * 100000;
    std::int64_t labor = random.between(5, 40) * 100000;
    std::int64_t final_price = parts + labor;
    bool delivered = status == "delivered";
    std::string code = "R-" + ymd(received) + "-" + zero_padded(id, 5);
    std::optional<long long> user;
    if (!users.empty() && random.chance(10)) user = random.pick(users);
    repairs.row().add(id).add(code).add(user)
        .add(random.pick(first_names()) + " " + random.pick(last_names())).add(phone_number(random))
        .add(device.type_id).add(device.brand_id).add(device.model_id).add(issue.first)
        .add(random.pick(catalog.repair_types)).add(device.brand).add(device.model).add(issue.second)
        .add(parts).add(labor).add(final_price).add(delivered ? final_price : 0)
        .add(delivered ? std::optional<std::string>(random.pick(methods)) : std::nullopt).add(status)
        .add(delivered ? 90 : 0).add(sql_time(received))
        .add(delivered ? std::optional<std::string>(sql_time(times.back())) : std::nullopt)
        .add(sql_time(received)).add(sql_time(times.back()));
    for (std::size_t step = 0; step < path.size(); ++step) {
      histories.row().add(history_id++).add(id)
          .add(step ? std::optional<std::string>(path[step - 1]) : std::nullopt).add(path[step]).add(admin)
          .add(sql_time(times[step])).add(step ? kNoComment : std::optional<std::string>("Creación de reparación"));
    }
    ticker.tick();
  }
  repairs.flush();
  histories.flush();
  report.repairs = repairs.rows_written();
  report.repair_histories = histories.rows_written();
}

// ── orders ─────────────────────────────────────────────────────────────────────────────────────────────────────

std::vector<std::string> order_path(Random& random) {
  int roll = static_cast<int>(random.below(100));
  const std::array<const char*, 5> steps = {"pendiente", "confirmado", "preparando", "listo_retirar", "entregado"};
  std::vector<std::string> path;
  int last = roll < 60 ? 4 : roll < 68 ? 3 : roll < 76 ? 2 : roll < 84 ? 1 : 0;
  for (int i = 0; i <= last; ++i) path.push_back(steps[static_cast<std::size_t>(i)]);
  if (roll >= 92) path.push_back("cancelado");
  return path;
}

void seed_orders(soci::session& sql, int count, const std::vector<long long>& users,
                 const std::vector<ProductRow>& products, long long admin_id, BenchSeedReport& report,
                 RowTicker& ticker) {
  if (count == 0) return;
  if (users.empty() || products.empty()) throw std::runtime_error("orders need users and active products");
  Random random(4);
  const std::vector<std::string> methods = {"local", "mercado_pago", "transferencia"};
  long long first = next_id(sql, "orders");
  long long item_id = next_id(sql, "order_items");
  long long history_id = next_id(sql, "order_status_histories");
  SqlBatch orders(sql, "orders", {"id", "user_id", "status", "payment_method", "total", "pickup_name", "pickup_phone",
                                  "notes", "stock_deducted_at", "stock_restored_at", "created_at", "updated_at"});
  SqlBatch items(sql, "order_items", {"id", "order_id", "product_id", "product_name", "price", "quantity", "subtotal",
                                      "created_at", "updated_at"});
  SqlBatch histories(sql, "order_status_histories",
                     {"id", "order_id", "from_status", "to_status", "changed_by", "changed_at", "comment"});
  items.flush_after(orders);
  histories.flush_after(orders);
  std::optional<long long> admin = admin_id ? std::optional<long long>(admin_id) : std::nullopt;
  for (int i = 0; i < count; ++i) {
    long long id = first + i;
    long long user = random.pick(users);
    std::int64_t created = kBenchEpoch - random.between(0, 365) * kDay - random.between(0, kDay - 1);
    std::string created_text = sql_time(created);
    // Choose the lines first: the order row (with its total) must be queued before the rows that reference it.
    std::vector<std::pair<const ProductRow*, std::int64_t>> lines;
    std::int64_t total = 0;
    for (int line = 0, count_lines = static_cast<int>(random.between(1, 3)); line < count_lines; ++line) {
      const ProductRow& product = random.pick(products);
      std::int64_t quantity = random.between(1, 2);
      total += product.price * quantity;
      lines.emplace_back(&product, quantity);
    }
    std::vector<std::string> path = order_path(random);
    std::vector<std::int64_t> times = {created};
    for (std::size_t step = 1; step < path.size(); ++step)
      times.push_back(std::min(kBenchEpoch, times.back() + random.between(1800, 2 * kDay)));
    bool cancelled = path.back() == "cancelado";
    orders.row().add(id).add(user).add(path.back()).add(random.pick(methods)).add(total)
        .add(random.pick(first_names()) + " " + random.pick(last_names())).add(phone_number(random))
        .add(random.chance(20) ? std::optional<std::string>("Retiro por la tarde") : std::nullopt)
        .add(created_text).add(cancelled ? std::optional<std::string>(sql_time(times.back())) : std::nullopt)
        .add(created_text).add(sql_time(times.back()));
    for (const auto& [product, quantity] : lines) {
      items.row().add(item_id++).add(id).add(product->id).add(product->name).add(product->price).add(quantity)
          .add(product->price * quantity).add(created_text).add(created_text);
    }
    for (std::size_t step = 0; step < path.size(); ++step) {
      histories.row().add(history_id++).add(id)
          .add(step ? std::optional<std::string>(path[step - 1]) : std::nullopt).add(path[step])
          .add(step ? admin : std::optional<long long>(user)).add(sql_time(times[step]))
          .add(step ? kNoComment : std::optional<std::string>("Pedido creado"));
    }
    ticker.tick();
  }
  orders.flush();
  items.flush();
  histories.flush();
  report.orders = orders.rows_written();
  report.order_items = items.rows_written();
  report.order_histories = histories.rows_written();
}

}  // namespace

BenchSeedReport seed_bench_data(db::Database& database, const BenchCounts& counts, const std::string& password_hash,
                                const SeedProgress& progress) {
  BenchSeedReport report;
  auto sql = database.lease();
  // A big page cache for this connection: the bulk load otherwise spills dirty pages to the WAL over and over
  // while it maintains the repairs indexes in random order.
  if (database.dialect() == db::Dialect::kSqlite) *sql << "PRAGMA cache_size = -262144";
  long long admin_id = 0;
  soci::indicator admin_indicator = soci::i_null;
  *sql << "SELECT MIN(id) FROM users WHERE role = 'admin'", soci::into(admin_id, admin_indicator);
  if (admin_indicator != soci::i_ok) admin_id = 0;

  RowTicker ticker(progress, static_cast<long long>(counts.users) + counts.products + counts.repairs + counts.orders);
  auto in_transaction = [&](const std::string& what, const std::function<void()>& work) {
    ticker.begin(what);
    db::Transaction transaction(*sql, database.dialect());
    work();
    transaction.commit();
    ticker.report();  // the step's last rows, so the final count is exact
  };

  std::vector<long long> users;
  in_transaction("usuarios", [&] { users = seed_users(*sql, counts.users, password_hash, ticker); });
  report.users = static_cast<long long>(users.size());
  std::vector<ProductRow> products;
  in_transaction("catálogo", [&] {
    products = seed_catalog(*sql, counts.products, report, ticker);
    inventory::bump_catalog_version_after_commit(*sql);  // MariaDB/PostgreSQL: a running server drops its cache
  });
  in_transaction("reparaciones", [&] { seed_repairs(*sql, counts.repairs, users, admin_id, report, ticker); });
  in_transaction("pedidos", [&] { seed_orders(*sql, counts.orders, users, products, admin_id, report, ticker); });
  // A walk-in counter sells about half as many tickets as the online store takes orders (progress: not counted).
  in_transaction("ventas en mostrador", [&] {
    auto counter = seed_counter_sales(*sql, counts.orders / 2, admin_id, {});
    report.counter_sales = counter.sales;
    report.counter_sale_items = counter.items;
    report.stock_movements = counter.movements;
  });
  return report;
}

}  // namespace bench
