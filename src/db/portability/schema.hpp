// The business tables of a live database as the portable export sees them: read from the engine's own catalogue
// (sqlite_master + PRAGMA on SQLite, information_schema on MariaDB/MySQL), never from a hard-coded list, so a
// table or column added by a later migration is exported without touching this code.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace db::portability {

struct Column {
  std::string name;
  std::string declared_type;  // as the engine reports it: "INTEGER", "TEXT", "bigint(20) unsigned", "datetime"
  bool datetime = false;      // values are normalised to "YYYY-MM-DD HH:MM:SS" (value.hpp)
  bool text = false;          // a character column (decides the collation used to order text keys)
};

struct Table {
  std::string name;
  std::vector<Column> columns;           // in the table's own column order
  std::vector<std::string> primary_key;  // key columns in key order; empty when the table has no primary key
  std::vector<std::string> parents;      // other tables this one references through foreign keys
  bool auto_increment = false;           // has an engine sequence that must follow the imported ids

  const Column* column(std::string_view column_name) const;
};

struct Schema {
  std::vector<Table> tables;  // business tables, parents before children (ties in name order)
  std::string version;        // newest migration recorded in `migrations` ("" when none)

  const Table* table(std::string_view table_name) const;
};

// Framework tables that are not business data and never travel: sessions, cache, locks, queue, migrations.
const std::vector<std::string>& excluded_tables();
bool is_excluded_table(std::string_view table_name);

// Parents before children (Kahn's algorithm, ready tables taken in name order so the result is the same on every
// engine). Tables caught in a foreign-key cycle follow at the end in name order.
std::vector<Table> order_by_dependencies(std::vector<Table> tables);

}  // namespace db::portability
