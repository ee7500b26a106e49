// Schema migrations: the embedded SQL files of the connection's dialect, applied in name order and recorded in
// the `migrations` table (migration name + batch number). Each migration runs in one transaction where the
// engine allows (SQLite: DDL is transactional; MySQL/MariaDB: DDL commits implicitly, so a failed migration
// is reported by name and nothing is recorded for it).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "db/database.hpp"

namespace db {

struct MigrationStatus {
  std::string name;
  bool ran = false;
  int batch = 0;  // 0 when pending
};

struct RollbackStep {
  std::string name;
  int batch = 0;
  std::vector<std::string> statements;  // the migration's -- @down part, in order
};

class Migrator final {
 public:
  explicit Migrator(Database& database);

  std::vector<MigrationStatus> status();
  std::vector<std::string> pending();
  // Applies every pending migration as one new batch. `on_applied` is called after each one.
  // Throws std::runtime_error naming the migration that failed.
  std::vector<std::string> migrate(const std::function<void(const std::string&)>& on_applied = {});
  // The last `steps` migrations that ran, newest first (highest batch, then name), each with the down statements
  // that revert it. Nothing is changed: `migrate:rollback --pretend` prints this. Throws std::runtime_error when a
  // recorded migration is not known to this binary.
  std::vector<RollbackStep> rollback_plan(int steps);
  // Reverts the last `steps` migrations (not the whole batch: one by default in `migrate:rollback`), newest first,
  // each in its own transaction where the engine allows. Returns the names reverted (empty when nothing ran).
  std::vector<std::string> rollback(int steps, const std::function<void(const std::string&)>& on_reverted = {});
  // Drops every table (db:wipe). Used by tests and by `migrate:fresh`.
  void wipe();

 private:
  void ensure_table(soci::session& sql);
  Database& database_;
};

// Splits a migration file into its up and down statement lists (exposed for unit tests).
struct MigrationScript {
  std::vector<std::string> up;
  std::vector<std::string> down;
  std::vector<std::string> data;  // "-- @data <step>" lines of the up part (db/data_migrations.hpp), run after `up`
};
MigrationScript parse_migration(std::string_view sql);

}  // namespace db
