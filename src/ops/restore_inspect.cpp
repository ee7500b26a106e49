// Migration status and row counts of a restored database (see restore_inspect.hpp).
#include "ops/restore_inspect.hpp"

#include <soci/soci.h>

#include "db/database.hpp"
#include "db/migrator.hpp"

namespace ops {

const std::vector<std::string>& core_tables() {
  static const std::vector<std::string> kTables = {
      "users",   "categories", "products",          "orders",         "order_items", "repairs",
      "repair_status_histories", "business_settings", "audit_logs", "device_models", "pricing_rules", "jobs",
      "failed_jobs"};
  return kTables;
}

RestoredState inspect_restored_database(db::Database& database) {
  RestoredState state;
  for (const auto& migration : db::Migrator(database).status()) {
    if (migration.ran) ++state.migrations_ran;
    else ++state.migrations_pending;
  }
  auto sql = database.lease();
  long long recorded = 0;
  *sql << "SELECT COUNT(*) FROM migrations", soci::into(recorded);
  state.migrations_unknown = static_cast<int>(recorded) - state.migrations_ran;
  soci::indicator indicator = soci::i_null;
  std::string newest;
  *sql << "SELECT MAX(migration) FROM migrations", soci::into(newest, indicator);
  if (indicator == soci::i_ok) state.schema_version = newest;

  for (const auto& table : core_tables()) {
    TableCount count{table, std::nullopt};
    if (db::table_exists(*sql, database.dialect(), table)) {
      long long rows = 0;
      // Table names come from the constant list above, never from input.
      *sql << "SELECT COUNT(*) FROM " + table, soci::into(rows);
      count.rows = rows;
    }
    state.tables.push_back(count);
  }
  return state;
}

}  // namespace ops
