// Engine selection and live-schema reading for the portable export (see engine.hpp).
#include "db/portability/engine.hpp"

namespace db::portability {

std::unique_ptr<Engine> open_engine(soci::session& sql, Dialect dialect) {
  return dialect == Dialect::kSqlite ? open_sqlite_engine(sql) : open_mysql_engine(sql);
}

Schema read_schema(Engine& engine) {
  Schema schema;
  std::vector<Table> tables;
  for (const auto& name : engine.table_names())
    if (!is_excluded_table(name)) tables.push_back(engine.describe(name));
  schema.tables = order_by_dependencies(std::move(tables));
  schema.version = engine.schema_version();
  return schema;
}

}  // namespace db::portability
