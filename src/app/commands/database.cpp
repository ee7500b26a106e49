// Database commands: migrate, migrate:status, migrate:rollback, migrate:fresh, db:wipe, db:seed.
#include <iostream>

#include "app/application.hpp"
#include "app/command.hpp"
#include "db/database.hpp"
#include "db/migrator.hpp"
#include "app/seeder.hpp"

namespace app {

namespace {

// In production a schema change must be asked for explicitly (the seed's deploy steps use --force).
bool production_guard(const core::Config& config, const CommandInput& input, const std::string& command) {
  if (config.is_production() && !input.flag("force")) {
    std::cerr << "APPLICATION IN PRODUCTION. Run `nico " << command << " --force` to confirm.\n";
    return false;
  }
  return true;
}

int migrate(const CommandEnvironment& environment, const CommandInput& input) {
  auto config = bootstrap(environment);
  if (!production_guard(config, input, "migrate")) return 1;
  auto database = open_database(config, 1, /*create_if_missing=*/true);
  db::Migrator migrator(*database);
  auto applied = migrator.migrate([](const std::string& name) { std::cout << "  Migrated: " << name << "\n"; });
  if (applied.empty()) std::cout << "Nothing to migrate.\n";
  else std::cout << "Applied " << applied.size() << " migration(s).\n";
  return 0;
}

int migrate_status(const CommandEnvironment& environment, const CommandInput&) {
  auto config = bootstrap(environment);
  auto database = open_database(config, 1);
  db::Migrator migrator(*database);
  int pending = 0;
  std::cout << "Migration name                                  Batch / Status\n";
  for (const auto& entry : migrator.status()) {
    std::string name = entry.name;
    name.resize(std::max<std::size_t>(name.size() + 2, 48), ' ');
    std::cout << name << (entry.ran ? "[" + std::to_string(entry.batch) + "] Ran" : "Pending") << "\n";
    if (!entry.ran) ++pending;
  }
  std::cout << (pending ? std::to_string(pending) + " pending migration(s).\n" : "Schema is up to date.\n");
  return 0;
}

int migrate_rollback(const CommandEnvironment& environment, const CommandInput& input) {
  auto config = bootstrap(environment);
  if (!production_guard(config, input, "migrate:rollback")) return 1;
  auto database = open_database(config, 1);
  db::Migrator migrator(*database);
  auto reverted = migrator.rollback([](const std::string& name) { std::cout << "  Rolled back: " << name << "\n"; });
  if (reverted.empty()) std::cout << "Nothing to roll back.\n";
  return 0;
}

int migrate_fresh(const CommandEnvironment& environment, const CommandInput& input) {
  auto config = bootstrap(environment);
  if (!production_guard(config, input, "migrate:fresh")) return 1;
  auto database = open_database(config, 1, /*create_if_missing=*/true);
  db::Migrator migrator(*database);
  migrator.wipe();
  std::cout << "Dropped all tables.\n";
  auto applied = migrator.migrate([](const std::string& name) { std::cout << "  Migrated: " << name << "\n"; });
  std::cout << "Applied " << applied.size() << " migration(s).\n";
  return 0;
}

int db_wipe(const CommandEnvironment& environment, const CommandInput& input) {
  auto config = bootstrap(environment);
  if (!production_guard(config, input, "db:wipe")) return 1;
  auto database = open_database(config, 1, /*create_if_missing=*/true);
  db::Migrator(*database).wipe();
  std::cout << "Dropped all tables.\n";
  return 0;
}

int db_seed(const CommandEnvironment& environment, const CommandInput& input) {
  auto config = bootstrap(environment);
  if (!production_guard(config, input, "db:seed")) return 1;
  auto database = open_database(config, 1);
  if (!db::Migrator(*database).pending().empty()) {
    std::cerr << "There are pending migrations: run `nico migrate` first.\n";
    return 1;
  }
  Seeder seeder(*database, config);
  auto report = seeder.run(input.flag("demo"));
  for (const auto& line : report.lines) std::cout << line << "\n";
  return 0;
}

}  // namespace

std::vector<CommandSpec> database_commands() {
  OptionSpec force{"force", "Confirm the operation when APP_ENV=production", false};
  return {
      {"migrate", "Run the pending database migrations", {force}, {}, migrate},
      {"migrate:status", "Show which migrations ran and which are pending", {}, {}, migrate_status},
      {"migrate:rollback", "Revert the last batch of migrations", {force}, {}, migrate_rollback},
      {"migrate:fresh", "Drop every table and migrate from scratch", {force}, {}, migrate_fresh},
      {"db:wipe", "Drop every table", {force}, {}, db_wipe},
      {"db:seed",
       "Seed default data (admin, settings, device catalog, pricing)",
       {{"demo", "Also add the demo store catalog", false}, force},
       {},
       db_seed},
  };
}

}  // namespace app
