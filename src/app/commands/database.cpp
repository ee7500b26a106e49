// Database commands: migrate, migrate:status, migrate:rollback, migrate:fresh, db:wipe, db:seed.
#include <iostream>

#include "app/application.hpp"
#include "app/command.hpp"
#include "app/seeder.hpp"
#include "core/config.hpp"
#include "core/json.hpp"
#include "core/parse.hpp"
#include "db/database.hpp"
#include "db/migrator.hpp"
#include "ops/backup.hpp"
#include "ops/snapshot_catalog.hpp"

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

int migrate_status(const CommandEnvironment& environment, const CommandInput& input) {
  auto config = bootstrap(environment);
  auto database = open_database(config, 1);
  db::Migrator migrator(*database);
  auto entries = migrator.status();
  int pending = 0;
  for (const auto& entry : entries) pending += entry.ran ? 0 : 1;
  if (input.flag("json")) {
    // {"migrations":[{"name":…,"ran":true,"batch":1},…],"pending":0}; batch is null for a pending migration.
    std::string list;
    for (const auto& entry : entries) {
      core::JsonObject item;
      item.add("name", entry.name).add("ran", entry.ran);
      if (entry.ran) item.add("batch", entry.batch);
      else item.add_null("batch");
      list += (list.empty() ? "" : ",") + item.str();
    }
    std::cout << core::JsonObject().add_raw("migrations", "[" + list + "]").add("pending", pending).str() << "\n";
    return 0;
  }
  std::cout << "Migration name                                  Batch / Status\n";
  for (const auto& entry : entries) {
    std::string name = entry.name;
    name.resize(std::max<std::size_t>(name.size() + 2, 48), ' ');
    std::cout << name << (entry.ran ? "[" + std::to_string(entry.batch) + "] Ran" : "Pending") << "\n";
  }
  std::cout << (pending ? std::to_string(pending) + " pending migration(s).\n" : "Schema is up to date.\n");
  return 0;
}

// migrate:rollback [--step=N] [--pretend] [--force] [--no-backup]. Unlike `migrate` it reverts one migration by
// default, not the last batch (a first deploy's batch is every table). Order of the guards: the arguments, then
// the plan (nothing to do is not an error), --pretend (prints the SQL and touches nothing, so it needs no --force),
// production's --force, and a database snapshot before the first statement runs.
int migrate_rollback(const CommandEnvironment& environment, const CommandInput& input) {
  int steps = 1;
  if (auto text = input.option("step")) {
    auto parsed = core::parse_id(*text);
    if (!parsed || *parsed > 100000) {
      std::cerr << "nico migrate:rollback: --step must be a whole number of migrations, 1 or more (got \"" << *text
                << "\").\n";
      return 2;
    }
    steps = static_cast<int>(*parsed);
  }
  auto config = bootstrap(environment);
  auto database = open_database(config, 1);
  db::Migrator migrator(*database);
  auto plan = migrator.rollback_plan(steps);
  if (plan.empty()) {
    std::cout << "Nothing to roll back.\n";
    return 0;
  }
  std::string names;
  for (const auto& step : plan) names += (names.empty() ? "" : ", ") + step.name;

  if (input.flag("pretend")) {
    std::cout << "Would roll back " << plan.size() << " migration(s), newest first (nothing is changed):\n";
    for (const auto& step : plan) {
      std::cout << "  " << step.name << " (batch " << step.batch << ")\n";
      if (step.statements.empty()) std::cout << "    -- no down statements\n";
      for (const auto& statement : step.statements) std::cout << "    " << statement << ";\n";
    }
    return 0;
  }
  std::string again = "nico migrate:rollback" + (steps != 1 ? " --step=" + std::to_string(steps) : std::string()) +
                      (input.flag("no-backup") ? " --no-backup" : "");
  if (config.is_production() && !input.flag("force")) {
    std::cerr << "APPLICATION IN PRODUCTION. This would roll back " << plan.size() << " migration(s): " << names
              << ".\nSee the SQL with `" << again << " --pretend`; run `" << again << " --force` to confirm.\n";
    return 1;
  }
  if (!input.flag("no-backup")) {
    // The same snapshot as `nico ops:backup --only=db` (and the same retention): a down migration drops columns
    // and tables, and this is the way back.
    try {
      auto backup = ops::run_backup(config, {ops::BackupScope::kDatabase, config.integer("OPS_BACKUP_RETENTION_DAYS"),
                                             environment.terminal});
      std::cout << "Database snapshot before the rollback: " << ops::display_path(backup.snapshot, config.base_path())
                << "\n";
    } catch (const std::exception& e) {
      std::cerr << "The database snapshot before the rollback failed: " << e.what()
                << "\nNothing was rolled back. Fix the backup (see `nico ops:backup --only=db`), or run `" << again
                << " --no-backup" << (config.is_production() ? " --force" : "") << "` to go ahead without one.\n";
      return 1;
    }
  }
  std::cout << "Rolling back " << plan.size() << " migration(s): " << names << "\n";
  auto reverted = migrator.rollback(steps, [](const std::string& name) { std::cout << "  Rolled back: " << name << "\n"; });
  std::cout << "Rolled back " << reverted.size() << " migration(s).\n";
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
      {"migrate:status",
       "Show which migrations ran and which are pending",
       {{"json", "Print the list as JSON", false}},
       {},
       migrate_status},
      {"migrate:rollback",
       "Revert the last migration (--step=N: the last N), after a database snapshot",
       {{"step", "How many migrations to revert, newest first (default 1)", true},
        {"pretend", "Print the SQL that would run and change nothing", false},
        {"force", "Confirm the rollback when APP_ENV=production", false},
        {"no-backup", "Skip the database snapshot taken first (ops:backup --only=db)", false}},
       {},
       migrate_rollback},
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
