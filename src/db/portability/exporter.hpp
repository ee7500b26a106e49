// `nico db:export`: every business table of the live database as one JSON Lines stream (docs/data-format.md):
// a header line, then one line per row, tables parents first, rows in primary-key order, read inside one
// consistent snapshot. The same data gives the same row lines on every engine.
#pragma once

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

namespace db {
class Database;
}

namespace db::portability {

inline constexpr const char* kFormatName = "nico-export";
inline constexpr int kFormatVersion = 1;

struct ExportSummary {
  std::string engine;
  std::string schema_version;
  std::vector<std::pair<std::string, std::int64_t>> tables;  // export order, row counts
  std::int64_t rows = 0;
};

// Called after each table with rows written so far and the total.
using ExportProgress = std::function<void(std::int64_t done, std::int64_t total)>;

// Writes the export to `out`. Throws std::runtime_error (naming the table) on database errors and on text that is
// not valid UTF-8.
ExportSummary export_database(Database& database, std::ostream& out, const ExportProgress& progress = {});

}  // namespace db::portability
