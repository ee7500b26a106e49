// Fuzz target: lines of a JSON Lines export as `nico db:import` reads them (src/db/portability/importer.cpp), through
// the importer's own line parsers (src/db/portability/import_lines.cpp): each line of the input, without its '\r',
// goes to parse_header and to parse_row against a fixed schema shaped like ours (integer, text, decimal, datetime
// and BLOB columns). An ImportError is a refusal the operator reads; any other exception, crash or UB is a finding.
// After a row parses: one value per column, and a datetime column's value reads the same when normalised again
// (an export of the imported row gives the same file).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "db/portability/import_lines.hpp"
#include "db/portability/importer.hpp"

namespace port = db::portability;

namespace {

port::Table table(std::string name, std::vector<std::pair<std::string, std::string>> columns) {
  port::Table t;
  t.name = std::move(name);
  for (auto& [column, type] : columns) {
    port::Column c;
    c.name = column;
    c.declared_type = type;
    c.datetime = port::is_datetime_column(column, type);
    c.text = type == "TEXT" || type.starts_with("varchar");
    t.columns.push_back(std::move(c));
  }
  t.primary_key = {"id"};
  return t;
}

const port::Schema& schema() {
  static const port::Schema kSchema = [] {
    port::Schema s;
    s.version = "0042_fuzz";
    s.tables.push_back(table("users", {{"id", "INTEGER"}, {"name", "TEXT"}, {"email", "varchar(255)"},
                                       {"created_at", "TEXT"}, {"is_admin", "INTEGER"}}));
    s.tables.push_back(table("products", {{"id", "bigint(20) unsigned"}, {"price", "decimal(12,2)"},
                                          {"updated_at", "datetime"}, {"published_at", "TIMESTAMP"}}));
    s.tables.push_back(table("media", {{"id", "INTEGER"}, {"data", "BLOB"}, {"n", "INTEGER"}, {"d", "REAL"},
                                       {"x", "TEXT"}}));
    return s;
  }();
  return kSchema;
}

void check(bool holds) {
  if (!holds) __builtin_trap();
}

void one_line(std::string line, std::size_t number) {
  if (!line.empty() && line.back() == '\r') line.pop_back();  // as importer.cpp's read_line
  if (line.empty()) return;                                   // the importer skips blank lines
  try {
    port::ImportHeader header = port::parse_header(line, "fuzz.jsonl");
    for (const auto& [name, count] : header.tables) check(count >= 0);
  } catch (const port::ImportError&) {
  }
  try {
    const port::Table* table = nullptr;
    port::Row row = port::parse_row(line, number, schema(), table);
    check(table != nullptr);
    check(row.columns.size() == row.values.size());
    for (std::size_t i = 0; i < row.columns.size(); ++i) {
      const port::Column* column = table->column(row.columns[i]);
      check(column != nullptr);
      if (column->datetime) {
        if (const auto* text = std::get_if<std::string>(&row.values[i]))
          check(port::normalize_datetime(*text) == *text);
      }
    }
  } catch (const port::ImportError&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::size_t number = 1;
  while (!input.empty()) {
    std::size_t newline = input.find('\n');
    one_line(std::string(input.substr(0, newline)), number++);
    if (newline == std::string_view::npos) break;
    input.remove_prefix(newline + 1);
  }
  return 0;
}
