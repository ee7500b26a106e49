// Benchmark support: `nico bench:seed` fills the database with the deterministic benchmark data set.
#include <chrono>
#include <iostream>
#include <optional>

#include "app/application.hpp"
#include "app/command.hpp"
#include "app/commands/row_progress.hpp"
#include "bench/bench_seed.hpp"
#include "core/config.hpp"
#include "core/crypto.hpp"
#include "db/database.hpp"
#include "db/migrator.hpp"

namespace app {

namespace {

// A count option: a whole number from 0 to 10,000,000, else nullopt.
std::optional<int> parse_count(const std::optional<std::string>& text, int fallback) {
  if (!text) return fallback;
  if (text->empty() || text->size() > 8 || text->find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  int value = std::stoi(*text);
  return value <= 10000000 ? std::optional<int>(value) : std::nullopt;
}

int bench_seed(const CommandEnvironment& environment, const CommandInput& input) {
  bench::BenchCounts counts;
  for (auto [name, target] : {std::pair{"products", &counts.products}, std::pair{"repairs", &counts.repairs},
                              std::pair{"orders", &counts.orders}, std::pair{"users", &counts.users}}) {
    auto value = parse_count(input.option(name), *target);
    if (!value) {
      std::cerr << "--" << name << " must be a whole number between 0 and 10000000.\n";
      return 2;
    }
    *target = *value;
  }

  auto config = bootstrap(environment);
  if (config.is_production()) {
    std::cerr << "bench:seed refuses to run with APP_ENV=production: it writes thousands of fake customers.\n";
    return 1;
  }
  auto database = open_database(config, 1);
  if (!db::Migrator(*database).pending().empty()) {
    std::cerr << "There are pending migrations: run `nico migrate` first.\n";
    return 1;
  }

  auto started = std::chrono::steady_clock::now();
  core::PasswordHashCost cost{static_cast<std::uint64_t>(config.integer("PASSWORD_HASH_OPSLIMIT")),
                              static_cast<std::uint64_t>(config.integer("PASSWORD_HASH_MEMLIMIT_KIB"))};
  std::string password_hash = core::hash_password("bench-password", cost);
  // A terminal gets one bar over the whole run; otherwise a line per step (a big seed takes minutes: the log shows
  // where it is) unless -q, and the summary below either way.
  RowProgress progress(environment.terminal, "Seeding");
  std::string current_step;
  auto show = [&](const std::string& step, long long done, long long total) {
    if (environment.terminal) {
      progress.update(done, total, step + ": ");
    } else if (step != current_step && !environment.quiet) {
      std::cout << "  " << step << "…\n" << std::flush;
    }
    current_step = step;
  };
  auto report = bench::seed_bench_data(*database, counts, password_hash, show);
  progress.finish();
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << "Datos de benchmark: " << report.users << " usuarios, " << report.categories << " categorías, "
            << report.products << " productos, " << report.repairs << " reparaciones (" << report.repair_histories
            << " cambios de estado), " << report.orders << " pedidos (" << report.order_items << " ítems, "
            << report.order_histories << " cambios de estado), " << report.counter_sales << " ventas en mostrador ("
            << report.stock_movements << " movimientos de stock) en " << static_cast<int>(seconds * 10) / 10.0
            << " s. Contraseña de los usuarios: bench-password\n";
  return 0;
}

}  // namespace

std::vector<CommandSpec> bench_commands() {
  return {
      {"bench:seed",
       "Fill the database with the deterministic benchmark data set (not for production)",
       {{"products", "Products to create (default 1000)", true},
        {"repairs", "Repairs to create (default 200000)", true},
        {"orders", "Orders to create (default 50000)", true},
        {"users", "Customer accounts to create (default 10000)", true}},
       {},
       bench_seed},
  };
}

}  // namespace app
