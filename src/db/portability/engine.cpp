// Engine selection and live-schema reading for the portable export (see engine.hpp).
#include "db/portability/engine.hpp"

#include <algorithm>
#include <stdexcept>

namespace db::portability {

std::unique_ptr<Engine> open_engine(soci::session& sql, Dialect dialect) {
  if (dialect == Dialect::kPostgres) return open_postgres_engine(sql);
  return dialect == Dialect::kSqlite ? open_sqlite_engine(sql) : open_mysql_engine(sql);
}

std::string quote_identifier(const std::string& identifier, char mark) {
  std::string out(1, mark);
  for (char c : identifier) {
    if (c == mark) out += mark;
    out += c;
  }
  return out + mark;
}

std::string select_in_key_order(const Table& table, char mark, const std::string& text_key_suffix) {
  std::string select = "SELECT ";
  for (std::size_t i = 0; i < table.columns.size(); ++i)
    select += (i ? ", " : "") + quote_identifier(table.columns[i].name, mark);
  select += " FROM " + quote_identifier(table.name, mark) + " ORDER BY ";
  std::vector<std::string> order = table.primary_key;
  if (order.empty()) {
    for (const auto& column : table.columns) order.push_back(column.name);
    std::sort(order.begin(), order.end());
  }
  for (std::size_t i = 0; i < order.size(); ++i) {
    const Column* column = table.column(order[i]);
    select += (i ? ", " : "") + quote_identifier(order[i], mark) + (column && column->text ? text_key_suffix : "");
  }
  return select;
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
