// What a restored database holds, for the restore report: migration status against this binary and row counts of
// the core tables. Read-only apart from the `migrations` table the migrator creates when it is missing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace db {
class Database;
}

namespace ops {

// The tables whose row counts a restore reports: the data a shop cannot lose.
const std::vector<std::string>& core_tables();

struct TableCount {
  std::string table;
  std::optional<std::int64_t> rows;  // nullopt: the table does not exist in the restored database
};

struct RestoredState {
  int migrations_ran = 0;      // of this binary's migrations
  int migrations_pending = 0;  // of this binary's migrations (a snapshot older than the binary)
  int migrations_unknown = 0;  // recorded in the database but not known to this binary (a newer snapshot)
  std::string schema_version;  // newest migration recorded ("" when none)
  std::vector<TableCount> tables;
};

// Throws std::runtime_error / soci::soci_error when the database cannot be queried.
RestoredState inspect_restored_database(db::Database& database);

}  // namespace ops
