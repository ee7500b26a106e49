// The loader of `nico db:import` (see importer.hpp for the guarantees, docs/data-format.md for the format).
#include "db/portability/importer.hpp"

#include <algorithm>
#include <fstream>
#include <map>

#include "db/database.hpp"
#include "db/portability/engine.hpp"
#include "db/portability/import_lines.hpp"

namespace db::portability {

namespace {

// A run of consecutive lines of one table: [begin, end) byte offsets in the file.
struct Segment {
  std::string table;
  std::uint64_t begin = 0;
  std::uint64_t end = 0;
  std::size_t first_line = 0;
};

bool read_line(std::istream& in, std::string& line) {
  if (!std::getline(in, line)) return false;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return true;
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
  ImportHeader header = parse_header(line, file);

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
