// What the exporter and importer need from a database engine, implemented once per dialect over the native
// client library of the pooled SOCI connection (sqlite3 / libmariadb / libpq): exact value types on read, prepared or
// multi-row inserts on write. Identifiers reaching these functions come from the live schema, never from input.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "db/portability/schema.hpp"
#include "db/portability/value.hpp"

namespace db::portability {

class Engine {
 public:
  virtual ~Engine() = default;

  virtual std::string name() = 0;  // "sqlite", "mariadb", "mysql" or "postgresql"
  virtual std::vector<std::string> table_names() = 0;
  // Columns, primary key, referenced tables and whether an auto-increment sequence exists.
  virtual Table describe(const std::string& table) = 0;
  virtual std::string schema_version() = 0;  // newest migration recorded, "" when none

  // A read transaction that sees one consistent snapshot of every table (export).
  virtual void begin_snapshot() = 0;
  virtual void end_snapshot() = 0;
  virtual std::int64_t count_rows(const Table& table) = 0;
  // Calls `on_row` with the values of `table.columns`, in primary-key order (all columns when there is no key).
  virtual void read_rows(const Table& table, const std::function<void(const std::vector<Value>&)>& on_row) = 0;

  // A write transaction (import batches, --fresh wipe).
  virtual void begin_write() = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;
  virtual void insert_rows(const Table& table, const std::vector<std::string>& columns,
                           const std::vector<std::vector<Value>>& rows) = 0;
  virtual void delete_all(const Table& table) = 0;
  // Makes the next generated id MAX(id) + 1 (1 for an empty table). Outside any write transaction.
  virtual void reset_sequence(const Table& table) = 0;
};

// `sql` must outlive the engine and stay unused by anything else meanwhile.
std::unique_ptr<Engine> open_engine(soci::session& sql, Dialect dialect);
std::unique_ptr<Engine> open_sqlite_engine(soci::session& sql);
std::unique_ptr<Engine> open_mysql_engine(soci::session& sql);
std::unique_ptr<Engine> open_postgres_engine(soci::session& sql);

// Helpers shared by the dialects: an identifier in `mark` quotes (" or `) with the mark doubled inside, and the
// SELECT of every column of `table` in primary-key order (every column, by name, when there is no key), with
// `text_key_suffix` (a collation) after each text key column.
std::string quote_identifier(const std::string& identifier, char mark);
std::string select_in_key_order(const Table& table, char mark, const std::string& text_key_suffix = "");

// The business tables of the engine's database, parents first (schema.hpp), with the schema version.
Schema read_schema(Engine& engine);

}  // namespace db::portability
