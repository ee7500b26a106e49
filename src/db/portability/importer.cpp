// The loader of `nico db:import` (see importer.hpp for the guarantees, docs/data-format.md for the format).
#include "db/portability/importer.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <limits>
#include <map>

#include "core/crypto.hpp"
#include "db/database.hpp"
#include "db/portability/engine.hpp"
#include "db/portability/exporter.hpp"

namespace db::portability {

namespace {

using nlohmann::json;

struct Header {
  std::string schema_version;
  std::string engine;
  std::vector<std::pair<std::string, std::int64_t>> tables;  // as listed in the file
};

// A run of consecutive lines of one table: [begin, end) byte offsets in the file.
struct Segment {
  std::string table;
  std::uint64_t begin = 0;
  std::uint64_t end = 0;
  std::size_t first_line = 0;
};

struct Row {
  std::vector<std::string> columns;  // name order (the order of the JSON object)
  std::vector<Value> values;
  std::size_t line = 0;
};

std::string where(std::size_t line) { return "line " + std::to_string(line) + ": "; }

bool read_line(std::istream& in, std::string& line) {
  if (!std::getline(in, line)) return false;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return true;
}

Header parse_header(const std::string& text, const std::filesystem::path& file) {
  const std::string not_export = file.string() + " is not a nico export: ";
  json header;
  try {
    header = json::parse(text);
  } catch (const json::exception&) {
    throw ImportError(not_export + "the first line must be the JSON header (docs/data-format.md)");
  }
  if (!header.is_object() || header.value("format", "") != kFormatName)
    throw ImportError(not_export + "the header's \"format\" must be \"" + kFormatName + "\"");
  if (!header.contains("format_version") || !header["format_version"].is_number_integer())
    throw ImportError(not_export + "the header has no integer \"format_version\"");
  if (header["format_version"].get<int>() > kFormatVersion)
    throw ImportError("The file has format_version " + header["format_version"].dump() +
                      "; this nico reads up to " + std::to_string(kFormatVersion) + ". Import it with a newer nico.");
  if (!header.contains("schema_version") || !header["schema_version"].is_string())
    throw ImportError(not_export + "the header has no \"schema_version\"");
  if (!header.contains("tables") || !header["tables"].is_object())
    throw ImportError(not_export + "the header has no \"tables\" object of row counts");
  Header parsed;
  parsed.schema_version = header["schema_version"].get<std::string>();
  parsed.engine = header.value("engine", "");
  for (auto& [name, count] : header["tables"].items()) {
    if (!count.is_number_integer() || count.get<std::int64_t>() < 0)
      throw ImportError(not_export + "the row count of table " + name + " in the header is not a whole number");
    parsed.tables.emplace_back(name, count.get<std::int64_t>());
  }
  return parsed;
}

Value to_value(const json& value, const Column& column, std::size_t line, const std::string& table) {
  switch (value.type()) {
    case json::value_t::null:
      return Null{};
    case json::value_t::boolean:
      return std::int64_t{value.get<bool>() ? 1 : 0};
    case json::value_t::number_integer:
      return value.get<std::int64_t>();
    case json::value_t::number_unsigned: {
      auto number = value.get<std::uint64_t>();
      if (number <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        return static_cast<std::int64_t>(number);
      return number;
    }
    case json::value_t::number_float:
      return value.get<double>();
    case json::value_t::string: {
      const auto& text = value.get_ref<const std::string&>();
      return column.datetime ? normalize_datetime(text) : text;
    }
    case json::value_t::object:
      if (value.size() == 1 && value.contains("$base64") && value["$base64"].is_string()) {
        const auto& encoded = value["$base64"].get_ref<const std::string&>();
        std::string bytes = core::base64_decode(encoded);
        if (bytes.empty() && !encoded.empty())
          throw ImportError(where(line) + table + "." + column.name + " has invalid base64");
        return Blob{std::move(bytes)};
      }
      [[fallthrough]];
    default:
      throw ImportError(where(line) + table + "." + column.name +
                        " must be null, a number, a string or {\"$base64\": ...} (JSON columns hold their JSON as a "
                        "string)");
  }
}

// Parses one row line against the target schema; throws ImportError naming the line.
Row parse_row(const std::string& text, std::size_t line, const Schema& schema, const Table*& table_out) {
  json parsed;
  try {
    parsed = json::parse(text);
  } catch (const json::exception&) {
    throw ImportError(where(line) + "not valid JSON (is the file truncated?)");
  }
  if (!parsed.is_object() || !parsed.contains("table") || !parsed["table"].is_string() || !parsed.contains("row") ||
      !parsed["row"].is_object())
    throw ImportError(where(line) + "expected {\"table\": \"...\", \"row\": {...}}");
  const auto& name = parsed["table"].get_ref<const std::string&>();
  const Table* table = schema.table(name);
  if (!table) throw ImportError(where(line) + "table " + name + " does not exist in this database");
  Row row;
  row.line = line;
  for (auto& [column_name, value] : parsed["row"].items()) {
    const Column* column = table->column(column_name);
    if (!column)
      throw ImportError(where(line) + "table " + name + " has no column " + column_name + " in this database");
    row.columns.push_back(column_name);
    row.values.push_back(to_value(value, *column, line, name));
  }
  table_out = table;
  return row;
}

std::string list_counts(const std::vector<std::pair<std::string, std::int64_t>>& tables) {
  std::string text;
  int shown = 0;
  for (const auto& [name, count] : tables) {
    if (count == 0) continue;
    if (shown++ == 5) return text + ", …";
    text += (text.empty() ? "" : ", ") + name + ": " + std::to_string(count);
  }
  return text;
}

// Deletes every business row, children first (RESTRICT keys are checked at once, even when deferred).
void empty_business_tables(Engine& engine, const Schema& schema) {
  engine.begin_write();
  try {
    for (auto it = schema.tables.rbegin(); it != schema.tables.rend(); ++it) engine.delete_all(*it);
    engine.commit();
  } catch (...) {
    engine.rollback();
    throw;
  }
  for (const auto& table : schema.tables) engine.reset_sequence(table);
}

class Loader {
 public:
  Loader(Engine& engine, const ImportOptions& options, std::int64_t total)
      : engine_(engine), options_(options), total_(total) {}

  void add(const Table& table, Row row) {
    if (current_ != &table) flush();
    current_ = &table;
    pending_.push_back(std::move(row));
    if (pending_.size() >= options_.batch_rows) flush();
  }

  // One transaction per batch; consecutive rows with the same columns share one insert call.
  void flush() {
    if (pending_.empty()) return;
    engine_.begin_write();
    try {
      std::size_t start = 0;
      while (start < pending_.size()) {
        std::size_t stop = start + 1;
        while (stop < pending_.size() && pending_[stop].columns == pending_[start].columns) ++stop;
        std::vector<std::vector<Value>> values;
        values.reserve(stop - start);
        for (std::size_t i = start; i < stop; ++i) values.push_back(std::move(pending_[i].values));
        engine_.insert_rows(*current_, pending_[start].columns, values);
        start = stop;
      }
      engine_.commit();
    } catch (const std::exception& e) {
      try {
        engine_.rollback();
      } catch (...) {
      }
      throw ImportError("the database rejected a row of table " + current_->name + " in the batch starting at line " +
                        std::to_string(pending_.front().line) + ": " + e.what());
    }
    done_ += static_cast<std::int64_t>(pending_.size());
    pending_.clear();
    if (options_.progress) options_.progress(done_, total_);
  }

  std::int64_t done() const { return done_; }

 private:
  Engine& engine_;
  const ImportOptions& options_;
  const std::int64_t total_;
  const Table* current_ = nullptr;
  std::vector<Row> pending_;
  std::int64_t done_ = 0;
};

}  // namespace

ImportSummary import_database(Database& database, const std::filesystem::path& file, const ImportOptions& options) {
  auto say = [&](const std::string& text) {
    if (options.say) options.say(text);
  };
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ImportError("Cannot open " + file.string());
  std::string line;
  if (!read_line(in, line)) throw ImportError(file.string() + " is empty");
  Header header = parse_header(line, file);

  auto sql = database.lease();
  auto engine = open_engine(*sql, database.dialect());
  Schema schema = read_schema(*engine);
  ImportSummary summary;
  summary.engine = engine->name();
  summary.source_engine = header.engine;

  if (header.schema_version != schema.version)
    throw ImportError("Schema version mismatch: the file was exported at " +
                      (header.schema_version.empty() ? std::string("(none)") : header.schema_version) +
                      ", this database is at " + (schema.version.empty() ? std::string("(no migrations)") : schema.version) +
                      ". Run the same nico version on both sides and `nico migrate` here before importing.");
  for (const auto& [name, count] : header.tables)
    if (!schema.table(name)) throw ImportError("Table " + name + " of the file does not exist in this database.");

  // The target must be empty, unless --fresh (checked first: refusing needs no pass over the file).
  std::vector<std::pair<std::string, std::int64_t>> existing;
  for (const auto& table : schema.tables) existing.emplace_back(table.name, engine->count_rows(table));
  bool has_data = std::any_of(existing.begin(), existing.end(), [](const auto& entry) { return entry.second > 0; });
  if (has_data && !options.fresh)
    throw ImportError("The database already has business data (" + list_counts(existing) +
                      "). Import into an empty database (nico migrate:fresh), or pass --fresh to delete that data first.");

  // Pass 1: every line parses and fits this schema; counts per table match the header.
  say("Checking " + file.string() + " …");
  std::map<std::string, std::int64_t> found;
  std::vector<Segment> segments;
  std::uint64_t offset = 0;
  std::size_t number = 1;
  {
    std::ifstream check(file, std::ios::binary);
    std::string skipped;
    read_line(check, skipped);
    offset = static_cast<std::uint64_t>(check.tellg());
    while (std::getline(check, line)) {
      ++number;
      std::uint64_t begin = offset;
      offset += line.size() + 1;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty()) continue;
      const Table* table = nullptr;
      parse_row(line, number, schema, table);
      ++found[table->name];
      if (segments.empty() || segments.back().table != table->name)
        segments.push_back({table->name, begin, offset, number});
      else
        segments.back().end = offset;
    }
  }
  std::int64_t total = 0;
  for (const auto& [name, expected] : header.tables) {
    std::int64_t actual = found.count(name) ? found[name] : 0;
    if (actual != expected)
      throw ImportError("Row count mismatch for table " + name + ": the header says " + std::to_string(expected) +
                        ", the file has " + std::to_string(actual) + " (truncated or edited file?). Nothing was imported.");
    total += expected;
  }
  for (const auto& [name, count] : found) {
    bool listed = std::any_of(header.tables.begin(), header.tables.end(), [&](const auto& entry) { return entry.first == name; });
    if (!listed) throw ImportError("Table " + name + " has rows in the file but no count in the header. Nothing was imported.");
  }

  if (has_data) {
    say("Deleting the existing business data (--fresh) …");
    empty_business_tables(*engine, schema);
  }

  // Pass 2: segments in the target's dependency order (stable, so a table's rows keep their file order).
  std::map<std::string, std::size_t> rank;
  for (std::size_t i = 0; i < schema.tables.size(); ++i) rank[schema.tables[i].name] = i;
  std::stable_sort(segments.begin(), segments.end(),
                   [&](const Segment& a, const Segment& b) { return rank[a.table] < rank[b.table]; });
  say("Importing " + std::to_string(total) + " rows …");
  Loader loader(*engine, options, total);
  try {
    std::ifstream rows(file, std::ios::binary);
    for (const auto& segment : segments) {
      rows.clear();
      rows.seekg(static_cast<std::streamoff>(segment.begin));
      std::uint64_t position = segment.begin;
      std::size_t at = segment.first_line;
      while (position < segment.end && std::getline(rows, line)) {
        position += line.size() + 1;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!line.empty()) {
          const Table* table = nullptr;
          Row row = parse_row(line, at, schema, table);
          loader.add(*table, std::move(row));
        }
        ++at;
      }
    }
    loader.flush();

    say("Setting the id sequences …");
    for (const auto& table : schema.tables) engine->reset_sequence(table);

    for (const auto& [name, expected] : header.tables) {
      std::int64_t actual = engine->count_rows(*schema.table(name));
      if (actual != expected)
        throw ImportError("Row count mismatch after the import for table " + name + ": expected " +
                          std::to_string(expected) + ", the database has " + std::to_string(actual));
    }
  } catch (const std::exception& e) {
    std::string reason = e.what();
    try {
      empty_business_tables(*engine, schema);
    } catch (const std::exception& cleanup) {
      throw ImportError("Import failed: " + reason + ". Emptying the business tables again also failed (" +
                        cleanup.what() + "): the database is half-imported; run `nico db:import FILE --fresh` again.");
    }
    throw ImportError("Import failed: " + reason + ". The business tables were emptied again: nothing was kept" +
                      (options.fresh ? " (the data deleted by --fresh is gone: restore your backup or import again)." : "."));
  }

  for (const auto& table : schema.tables) {
    auto it = std::find_if(header.tables.begin(), header.tables.end(), [&](const auto& e) { return e.first == table.name; });
    summary.tables.emplace_back(table.name, it == header.tables.end() ? 0 : it->second);
  }
  summary.rows = total;
  return summary;
}

}  // namespace db::portability
