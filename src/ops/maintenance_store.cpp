// maintenance_mode row (see maintenance_store.hpp). Plain DELETE + INSERT in one transaction: the same SQL on
// every engine.
#include "ops/maintenance_store.hpp"

#include <soci/soci.h>

#include "db/database.hpp"

namespace ops {

DatabaseMaintenance read_database_maintenance(db::Database& database) {
  // into(long long) rather than a soci::row: SQLite reports INTEGER columns as 32-bit in a row.
  DatabaseMaintenance result;
  int is_down = 0, retry = 0;
  long long created_at = 0, changed_ms = 0;
  std::string secret, render;
  auto sql = database.lease();
  *sql << "SELECT is_down, retry_seconds, secret, render_view, created_at, changed_ms FROM maintenance_mode "
          "WHERE id = 1",
      soci::into(is_down), soci::into(retry), soci::into(secret), soci::into(render), soci::into(created_at),
      soci::into(changed_ms);
  if (!sql->got_data()) return result;
  result.down = is_down != 0;
  result.state.retry_seconds = retry;
  result.state.secret = secret;
  result.state.render = render.empty() ? "errors::503" : render;
  result.state.created_at = created_at;
  result.state.written_ms = changed_ms;
  result.changed_ms = changed_ms;
  return result;
}

void write_database_maintenance(db::Database& database, const std::optional<MaintenanceState>& state,
                                std::int64_t changed_ms) {
  int is_down = state ? 1 : 0;
  int retry = state ? state->retry_seconds : 0;
  std::string secret = state ? state->secret : "", render = state ? state->render : "errors::503";
  long long created_at = state ? state->created_at : 0, changed = changed_ms;
  auto sql = database.lease();
  db::Transaction transaction(*sql, database.dialect());
  *sql << "DELETE FROM maintenance_mode WHERE id = 1";
  *sql << "INSERT INTO maintenance_mode (id, is_down, retry_seconds, secret, render_view, created_at, changed_ms) "
          "VALUES (1, :d, :r, :s, :v, :c, :m)",
      soci::use(is_down), soci::use(retry), soci::use(secret), soci::use(render), soci::use(created_at),
      soci::use(changed);
  transaction.commit();
}

}  // namespace ops
