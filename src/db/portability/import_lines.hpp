// One line of an export file (docs/data-format.md) read against the target's schema: the header line and row
// lines, each turned into values or refused with an ImportError naming the line. No database here: the importer
// (importer.cpp) calls these on every line, and the fuzz target tests/fuzz/jsonl_line_fuzz.cpp calls the same.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "db/portability/schema.hpp"
#include "db/portability/value.hpp"

namespace db::portability {

struct ImportHeader {
  std::string schema_version;
  std::string engine;                                         // "" when the file does not say
  std::vector<std::pair<std::string, std::int64_t>> tables;  // row counts, as listed in the file
};

struct Row {
  std::vector<std::string> columns;  // in name order (nlohmann keeps object members sorted)
  std::vector<Value> values;         // one per column, converted for that column (datetimes normalised)
  std::size_t line = 0;              // 1-based line in the file, for messages
};

// The first line of the file. `file` only names the file in messages. Throws ImportError when the line is not a
// nico export header or its format_version is newer than this nico reads.
ImportHeader parse_header(const std::string& text, const std::filesystem::path& file);

// One row line (without its '\n' or '\r') against the target schema; `table_out` is set to the row's table.
// Throws ImportError naming the line for bad JSON, an unknown table or column, or a value its column cannot take.
Row parse_row(const std::string& text, std::size_t line, const Schema& schema, const Table*& table_out);

}  // namespace db::portability
