// Migration runner over the embedded SQL files (see migrator.hpp for the file format and guarantees).
#include "db/migrator.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "core/strings.hpp"
#include "db/data_migrations.hpp"
#include "db/embedded_migrations.hpp"

namespace db {

namespace {

const char* dialect_folder(Dialect dialect) { return dialect_name(dialect); }

std::vector<const EmbeddedMigration*> migrations_for(Dialect dialect) {
  std::vector<const EmbeddedMigration*> found;
  for (const auto& migration : embedded_migrations()) {
    if (migration.dialect == dialect_folder(dialect)) found.push_back(&migration);
  }
  std::sort(found.begin(), found.end(), [](auto* a, auto* b) { return a->name < b->name; });
  return found;
}

// Statements end with ';' at the end of a line; comment-only chunks are dropped.
std::vector<std::string> split_statements(std::string_view text) {
  std::vector<std::string> statements;
  std::string current;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string line(text.substr(pos, end - pos));
    pos = end + 1;
    std::string trimmed = core::trim(line);
    if (trimmed.rfind("--", 0) == 0) continue;
    current += line;
    current += '\n';
    if (!trimmed.empty() && trimmed.back() == ';') {
      std::string statement = core::trim(current);
      statement.pop_back();  // the ';'
      if (!core::trim(statement).empty()) statements.push_back(core::trim(statement));
      current.clear();
    }
  }
  if (!core::trim(current).empty()) statements.push_back(core::trim(current));
  return statements;
}

// "-- @data <step>" lines: row rewrites in C++ that run inside the migration's transaction after its SQL.
std::vector<std::string> data_steps(std::string_view text) {
  std::vector<std::string> steps;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string line = core::trim(text.substr(pos, end - pos));
    pos = end + 1;
    if (line.rfind("-- @data ", 0) == 0) steps.push_back(core::trim(line.substr(9)));
  }
  return steps;
}

}  // namespace

MigrationScript parse_migration(std::string_view sql) {
  MigrationScript script;
  std::size_t marker = sql.find("-- @down");
  script.up = split_statements(sql.substr(0, marker));
  script.data = data_steps(sql.substr(0, marker));
  if (marker != std::string_view::npos) script.down = split_statements(sql.substr(marker + 8));
  return script;
}

Migrator::Migrator(Database& database) : database_(database) {}

void Migrator::ensure_table(soci::session& sql) {
  if (database_.dialect() == Dialect::kSqlite)
    sql << "CREATE TABLE IF NOT EXISTS migrations (id INTEGER PRIMARY KEY AUTOINCREMENT, migration VARCHAR(255) NOT "
           "NULL UNIQUE, batch INTEGER NOT NULL)";
  else if (database_.dialect() == Dialect::kPostgres)
    sql << "CREATE TABLE IF NOT EXISTS migrations (id SERIAL PRIMARY KEY, migration VARCHAR(255) NOT NULL UNIQUE, "
           "batch INTEGER NOT NULL)";
  else
    sql << "CREATE TABLE IF NOT EXISTS migrations (id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY, migration VARCHAR(255) "
           "NOT NULL UNIQUE, batch INT NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci";
}

std::vector<MigrationStatus> Migrator::status() {
  auto sql = database_.lease();
  ensure_table(*sql);
  std::map<std::string, int> ran;
  std::string name;
  int batch = 0;
  soci::statement query = (sql->prepare << "SELECT migration, batch FROM migrations", soci::into(name), soci::into(batch));
  query.execute();
  while (query.fetch()) ran[name] = batch;
  std::vector<MigrationStatus> result;
  for (const auto* migration : migrations_for(database_.dialect())) {
    auto it = ran.find(std::string(migration->name));
    result.push_back({std::string(migration->name), it != ran.end(), it != ran.end() ? it->second : 0});
  }
  return result;
}

std::vector<std::string> Migrator::pending() {
  std::vector<std::string> names;
  for (const auto& entry : status()) {
    if (!entry.ran) names.push_back(entry.name);
  }
  return names;
}

std::vector<std::string> Migrator::migrate(const std::function<void(const std::string&)>& on_applied) {
  auto todo = pending();
  if (todo.empty()) return {};
  auto sql = database_.lease();
  int batch = 0;
  soci::indicator indicator = soci::i_null;
  *sql << "SELECT MAX(batch) FROM migrations", soci::into(batch, indicator);
  batch = (indicator == soci::i_ok ? batch : 0) + 1;

  std::vector<std::string> applied;
  for (const auto* migration : migrations_for(database_.dialect())) {
    std::string name(migration->name);
    if (std::find(todo.begin(), todo.end(), name) == todo.end()) continue;
    auto script = parse_migration(migration->sql);
    try {
      Transaction transaction(*sql, database_.dialect());
      for (const auto& statement : script.up) *sql << statement;
      for (const auto& step : script.data) run_data_step(step, *sql);
      *sql << "INSERT INTO migrations (migration, batch) VALUES (:name, :batch)", soci::use(name), soci::use(batch);
      transaction.commit();
    } catch (const std::exception& e) {
      throw std::runtime_error("migration " + name + " failed: " + e.what());
    }
    applied.push_back(name);
    if (on_applied) on_applied(name);
  }
  return applied;
}

std::vector<RollbackStep> Migrator::rollback_plan(int steps) {
  if (steps <= 0) return {};
  auto sql = database_.lease();
  ensure_table(*sql);
  std::vector<RollbackStep> plan;
  std::string name;
  int batch = 0;
  // Newest first: the highest batch, and inside a batch the reverse of the order migrate applied them in.
  soci::statement query = (sql->prepare << "SELECT migration, batch FROM migrations ORDER BY batch DESC, migration DESC",
                           soci::into(name), soci::into(batch));
  query.execute();
  while (static_cast<int>(plan.size()) < steps && query.fetch()) plan.push_back({name, batch, {}});
  for (auto& step : plan) {
    const EmbeddedMigration* found = nullptr;
    for (const auto* migration : migrations_for(database_.dialect())) {
      if (migration->name == step.name) found = migration;
    }
    if (!found) throw std::runtime_error("migration " + step.name + " is recorded but not known to this binary");
    step.statements = parse_migration(found->sql).down;
  }
  return plan;
}

std::vector<std::string> Migrator::rollback(int steps, const std::function<void(const std::string&)>& on_reverted) {
  auto plan = rollback_plan(steps);
  auto sql = database_.lease();
  std::vector<std::string> reverted;
  for (const auto& step : plan) {
    try {
      Transaction transaction(*sql, database_.dialect());
      for (const auto& statement : step.statements) *sql << statement;
      *sql << "DELETE FROM migrations WHERE migration = :name", soci::use(step.name);
      transaction.commit();
    } catch (const std::exception& e) {
      throw std::runtime_error("rollback of " + step.name + " failed: " + e.what());
    }
    reverted.push_back(step.name);
    if (on_reverted) on_reverted(step.name);
  }
  return reverted;
}

void Migrator::wipe() {
  auto sql = database_.lease();
  std::vector<std::string> tables;
  if (database_.dialect() == Dialect::kSqlite) {
    soci::rowset<std::string> rows =
        (sql->prepare << "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
    for (const auto& name : rows) tables.push_back(name);
    *sql << "PRAGMA foreign_keys=OFF";
    for (const auto& table : tables) *sql << "DROP TABLE IF EXISTS \"" + table + "\"";
    *sql << "PRAGMA foreign_keys=ON";
  } else if (database_.dialect() == Dialect::kPostgres) {
    // Everything the migrations create lives in the current schema: tables (with their sequences) and functions.
    soci::rowset<std::string> rows = (sql->prepare << "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()");
    for (const auto& name : rows) tables.push_back(name);
    for (const auto& table : tables) *sql << "DROP TABLE IF EXISTS \"" + table + "\" CASCADE";
    std::vector<std::string> functions;
    soci::rowset<std::string> fns = (sql->prepare << "SELECT CAST(CAST(p.oid AS regprocedure) AS TEXT) FROM pg_proc p JOIN pg_namespace n ON "
                                                     "n.oid = p.pronamespace WHERE n.nspname = current_schema()");
    for (const auto& fn : fns) functions.push_back(fn);
    for (const auto& fn : functions) *sql << "DROP FUNCTION IF EXISTS " + fn + " CASCADE";
  } else {
    soci::rowset<std::string> rows =
        (sql->prepare << "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()");
    for (const auto& name : rows) tables.push_back(name);
    *sql << "SET FOREIGN_KEY_CHECKS=0";
    for (const auto& table : tables) *sql << "DROP TABLE IF EXISTS `" + table + "`";
    *sql << "SET FOREIGN_KEY_CHECKS=1";
  }
}

}  // namespace db
