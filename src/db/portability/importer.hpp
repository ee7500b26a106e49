// `nico db:import FILE [--fresh]`: loads an export (docs/data-format.md) into the live database.
//
// Guarantee: the whole file is read and checked first (header, schema version, every line parses, every table and
// column exists here, per-table row counts match the header) and the target must be empty unless --fresh; a file
// that fails any check changes nothing. Rows then go in parents first, one transaction per batch. If the database
// rejects a batch (constraint, connection lost), every business table is emptied again, so the target is never
// left half-imported; with --fresh the data it deleted is not brought back (take `nico ops:backup` first).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace db {
class Database;
}

namespace db::portability {

// A refusal or a failed import, with a message meant for the operator.
class ImportError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ImportOptions {
  bool fresh = false;             // delete the business data of the target first
  std::size_t batch_rows = 1000;  // rows per transaction
  std::function<void(const std::string&)> say;                           // one line per step
  std::function<void(std::int64_t done, std::int64_t total)> progress;  // rows inserted so far
};

struct ImportSummary {
  std::string engine;                                         // of the target
  std::string source_engine;                                  // from the header
  std::vector<std::pair<std::string, std::int64_t>> tables;  // target order, rows imported
  std::int64_t rows = 0;
};

// Throws ImportError with an operator-facing message on every refusal and failure.
ImportSummary import_database(Database& database, const std::filesystem::path& file, const ImportOptions& options);

}  // namespace db::portability
