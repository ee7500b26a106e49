// The JSON Lines writer of `nico db:export` (see exporter.hpp and docs/data-format.md).
#include "db/portability/exporter.hpp"

#include <nlohmann/json.hpp>

#include <ostream>
#include <stdexcept>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/version.hpp"
#include "db/database.hpp"
#include "db/portability/engine.hpp"

namespace db::portability {

namespace {

constexpr std::int64_t kProgressEveryRows = 5000;

nlohmann::json to_json(const Value& value) {
  if (std::holds_alternative<std::int64_t>(value)) return std::get<std::int64_t>(value);
  if (std::holds_alternative<std::uint64_t>(value)) return std::get<std::uint64_t>(value);
  if (std::holds_alternative<double>(value)) return std::get<double>(value);
  if (std::holds_alternative<std::string>(value)) return std::get<std::string>(value);
  if (std::holds_alternative<Blob>(value))
    return nlohmann::json{{"$base64", core::base64_encode(std::get<Blob>(value).bytes)}};
  return nullptr;
}

// "2026-11-27T23:05:00Z"
std::string iso_utc_now() {
  std::string text = core::utc_now_sql();
  text[10] = 'T';
  return text + "Z";
}

std::string describe_row(const Table& table, const std::vector<Value>& row) {
  std::string where;
  for (const auto& key : table.primary_key) {
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
      if (table.columns[i].name != key) continue;
      where += (where.empty() ? "" : ", ") + key + "=" + to_json(row[i]).dump(-1, ' ', true, nlohmann::json::error_handler_t::replace);
    }
  }
  return table.name + (where.empty() ? "" : " (" + where + ")");
}

}  // namespace

ExportSummary export_database(Database& database, std::ostream& out, const ExportProgress& progress) {
  auto sql = database.lease();
  auto engine = open_engine(*sql, database.dialect());
  ExportSummary summary;
  summary.engine = engine->name();

  engine->begin_snapshot();
  try {
    Schema schema = read_schema(*engine);
    summary.schema_version = schema.version;
    std::int64_t total = 0;
    nlohmann::ordered_json counts = nlohmann::ordered_json::object();
    for (const auto& table : schema.tables) {
      std::int64_t rows = engine->count_rows(table);
      summary.tables.emplace_back(table.name, rows);
      counts[table.name] = rows;
      total += rows;
    }

    nlohmann::ordered_json header;
    header["format"] = kFormatName;
    header["format_version"] = kFormatVersion;
    header["app_version"] = core::kAppVersion;
    header["schema_version"] = schema.version;
    header["engine"] = summary.engine;
    header["exported_at"] = iso_utc_now();
    header["tables"] = counts;
    out << header.dump() << '\n';

    std::string line;
    for (std::size_t t = 0; t < schema.tables.size(); ++t) {
      const Table& table = schema.tables[t];
      // Keys of the row object in name order (nlohmann::json sorts them): the same on every engine even where
      // two engines created the columns in a different order.
      const std::string prefix = "{\"table\":" + nlohmann::json(table.name).dump() + ",\"row\":";
      std::int64_t written = 0;
      engine->read_rows(table, [&](const std::vector<Value>& row) {
        nlohmann::json object = nlohmann::json::object();
        for (std::size_t i = 0; i < table.columns.size(); ++i) object[table.columns[i].name] = to_json(row[i]);
        try {
          line = prefix + object.dump(-1, ' ', false, nlohmann::json::error_handler_t::strict) + "}\n";
        } catch (const nlohmann::json::exception&) {
          std::string column = "?";
          for (std::size_t i = 0; i < table.columns.size() && column == "?"; ++i) {
            try {
              (void)to_json(row[i]).dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
            } catch (const nlohmann::json::exception&) {
              column = table.columns[i].name;
            }
          }
          throw std::runtime_error("row " + describe_row(table, row) + ", column " + column +
                                   ", holds text that is not valid UTF-8; fix it (or store it as a BLOB) and export again");
        }
        out << line;
        ++written;
        ++summary.rows;
        if (progress && summary.rows % kProgressEveryRows == 0) progress(summary.rows, total);
      });
      if (written != summary.tables[t].second)
        throw std::runtime_error("table " + table.name + " changed while it was exported");
      if (!out) throw std::runtime_error("cannot write the export (disk full?)");
      if (progress) progress(summary.rows, total);
    }
    out.flush();
    if (!out) throw std::runtime_error("cannot write the export (disk full?)");
  } catch (...) {
    try {
      engine->end_snapshot();
    } catch (...) {
    }
    throw;
  }
  engine->end_snapshot();
  return summary;
}

}  // namespace db::portability
