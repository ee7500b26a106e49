// The SQLite side of the portable export/import (see engine.hpp), over the sqlite3 handle of the pooled
// connection: sqlite3_column_type gives each value's real storage class, and one prepared INSERT per column set
// is re-bound for every row.
#include <soci/sqlite3/soci-sqlite3.h>

#include <algorithm>
#include <cctype>
#include <limits>
#include <map>
#include <stdexcept>

#include "db/portability/engine.hpp"

namespace db::portability {

namespace {

using sqlite_api::sqlite3;
using sqlite_api::sqlite3_stmt;
using sqlite_api::sqlite3_destructor_type;  // SQLITE_TRANSIENT / SQLITE_STATIC name it unqualified

std::string quote(const std::string& identifier) { return quote_identifier(identifier, '"'); }

// SQLite string literals double their quote the same way.
std::string literal(const std::string& text) { return quote_identifier(text, '\''); }

struct StatementCloser {
  void operator()(sqlite3_stmt* statement) const { sqlite_api::sqlite3_finalize(statement); }
};
using Statement = std::unique_ptr<sqlite3_stmt, StatementCloser>;

class SqliteEngine final : public Engine {
 public:
  explicit SqliteEngine(soci::session& sql)
      : handle_(static_cast<soci::sqlite3_session_backend*>(sql.get_backend())->conn_) {
    if (!handle_) throw std::runtime_error("no SQLite connection");
  }

  std::string name() override { return "sqlite"; }

  std::vector<std::string> table_names() override {
    std::vector<std::string> names;
    // Ordinary tables only: a virtual table (FTS5 search index) and its shadow tables are derived data that the
    // owning table's triggers rebuild as its rows are imported.
    auto statement = prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' ORDER BY name");
    while (step(statement.get())) names.push_back(text(statement.get(), 0));
    return names;
  }

  Table describe(const std::string& table_name) override {
    Table table;
    table.name = table_name;
    std::vector<std::pair<int, std::string>> key;
    auto columns = prepare("SELECT name, type, pk FROM pragma_table_info(" + literal(table_name) + ")");
    while (step(columns.get())) {
      Column column;
      column.name = text(columns.get(), 0);
      column.declared_type = text(columns.get(), 1);
      column.datetime = is_datetime_column(column.name, column.declared_type);
      std::string type = column.declared_type;
      std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return std::tolower(c); });
      column.text = type.empty() || type.find("char") != std::string::npos || type.find("text") != std::string::npos ||
                    type.find("clob") != std::string::npos;
      int position = sqlite_api::sqlite3_column_int(columns.get(), 2);
      if (position > 0) key.emplace_back(position, column.name);
      table.columns.push_back(std::move(column));
    }
    std::sort(key.begin(), key.end());
    for (auto& [position, column] : key) table.primary_key.push_back(column);

    auto parents = prepare("SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(" + literal(table_name) + ")");
    while (step(parents.get())) table.parents.push_back(text(parents.get(), 0));

    auto ddl = prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = " + literal(table_name));
    if (step(ddl.get())) {
      std::string sql = text(ddl.get(), 0);
      std::transform(sql.begin(), sql.end(), sql.begin(), [](unsigned char c) { return std::toupper(c); });
      table.auto_increment = sql.find("AUTOINCREMENT") != std::string::npos && table.primary_key.size() == 1;
    }
    return table;
  }

  std::string schema_version() override {
    auto exists = prepare("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'migrations'");
    step(exists.get());
    if (sqlite_api::sqlite3_column_int(exists.get(), 0) == 0) return "";
    auto newest = prepare("SELECT MAX(migration) FROM migrations");
    return step(newest.get()) ? text(newest.get(), 0) : "";
  }

  void begin_snapshot() override { execute("BEGIN"); }
  void end_snapshot() override { execute("COMMIT"); }

  std::int64_t count_rows(const Table& table) override {
    auto statement = prepare("SELECT COUNT(*) FROM " + quote(table.name));
    step(statement.get());
    return sqlite_api::sqlite3_column_int64(statement.get(), 0);
  }

  void read_rows(const Table& table, const std::function<void(const std::vector<Value>&)>& on_row) override {
    auto statement = prepare(select_in_key_order(table, '"'));
    std::vector<Value> row(table.columns.size());
    while (step(statement.get())) {
      for (std::size_t i = 0; i < table.columns.size(); ++i) {
        int index = static_cast<int>(i);
        switch (sqlite_api::sqlite3_column_type(statement.get(), index)) {
          case SQLITE_INTEGER:
            row[i] = static_cast<std::int64_t>(sqlite_api::sqlite3_column_int64(statement.get(), index));
            break;
          case SQLITE_FLOAT:
            row[i] = number_from_double(sqlite_api::sqlite3_column_double(statement.get(), index));
            break;
          case SQLITE_TEXT: {
            std::string value = text(statement.get(), index);
            row[i] = table.columns[i].datetime ? normalize_datetime(value) : std::move(value);
            break;
          }
          case SQLITE_BLOB: {
            const void* bytes = sqlite_api::sqlite3_column_blob(statement.get(), index);
            int size = sqlite_api::sqlite3_column_bytes(statement.get(), index);
            row[i] = Blob{std::string(static_cast<const char*>(bytes), static_cast<std::size_t>(size))};
            break;
          }
          default:
            row[i] = Null{};
        }
      }
      on_row(row);
    }
  }

  void begin_write() override {
    execute("BEGIN IMMEDIATE");
    // Parents are inserted before children; deferring still lets rows of one batch refer to each other in any order.
    execute("PRAGMA defer_foreign_keys = ON");
  }
  void commit() override { execute("COMMIT"); }
  void rollback() override {
    if (!sqlite_api::sqlite3_get_autocommit(handle_)) execute("ROLLBACK");
  }

  void insert_rows(const Table& table, const std::vector<std::string>& columns,
                   const std::vector<std::vector<Value>>& rows) override {
    sqlite3_stmt* statement = insert_statement(table, columns);
    for (const auto& row : rows) {
      sqlite_api::sqlite3_reset(statement);
      sqlite_api::sqlite3_clear_bindings(statement);
      for (std::size_t i = 0; i < row.size(); ++i) bind(statement, static_cast<int>(i) + 1, row[i]);
      int rc = sqlite_api::sqlite3_step(statement);
      if (rc != SQLITE_DONE) {
        std::string message = sqlite_api::sqlite3_errmsg(handle_);
        sqlite_api::sqlite3_reset(statement);
        throw std::runtime_error(message);
      }
    }
    sqlite_api::sqlite3_reset(statement);
  }

  void delete_all(const Table& table) override { execute("DELETE FROM " + quote(table.name)); }

  void reset_sequence(const Table& table) override {
    if (!table.auto_increment) return;  // a plain INTEGER PRIMARY KEY already continues from MAX(rowid)
    const std::string key = quote(table.primary_key.front());
    const std::string newest = "(SELECT COALESCE(MAX(" + key + "), 0) FROM " + quote(table.name) + ")";
    execute("UPDATE sqlite_sequence SET seq = " + newest + " WHERE name = " + literal(table.name));
    if (sqlite_api::sqlite3_changes(handle_) == 0)
      execute("INSERT INTO sqlite_sequence (name, seq) VALUES (" + literal(table.name) + ", " + newest + ")");
  }

 private:
  Statement prepare(const std::string& sql) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite_api::sqlite3_prepare_v2(handle_, sql.c_str(), static_cast<int>(sql.size()), &raw, nullptr) != SQLITE_OK)
      throw std::runtime_error(std::string(sqlite_api::sqlite3_errmsg(handle_)) + " in: " + sql);
    return Statement(raw);
  }

  // True while a row is available; throws on errors.
  bool step(sqlite3_stmt* statement) {
    int rc = sqlite_api::sqlite3_step(statement);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw std::runtime_error(sqlite_api::sqlite3_errmsg(handle_));
  }

  static std::string text(sqlite3_stmt* statement, int index) {
    const unsigned char* value = sqlite_api::sqlite3_column_text(statement, index);
    int size = sqlite_api::sqlite3_column_bytes(statement, index);
    return value ? std::string(reinterpret_cast<const char*>(value), static_cast<std::size_t>(size)) : std::string();
  }

  void execute(const std::string& sql) {
    char* message = nullptr;
    if (sqlite_api::sqlite3_exec(handle_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      std::string text = message ? message : sqlite_api::sqlite3_errmsg(handle_);
      sqlite_api::sqlite3_free(message);
      throw std::runtime_error(text);
    }
  }

  sqlite3_stmt* insert_statement(const Table& table, const std::vector<std::string>& columns) {
    std::string key = table.name;
    for (const auto& column : columns) key += '\x1f' + column;
    auto found = inserts_.find(key);
    if (found != inserts_.end()) return found->second.get();
    std::string sql = "INSERT INTO " + quote(table.name) + " (";
    std::string marks;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      sql += (i ? ", " : "") + quote(columns[i]);
      marks += i ? ", ?" : "?";
    }
    sql += ") VALUES (" + marks + ")";
    if (columns.empty()) sql = "INSERT INTO " + quote(table.name) + " DEFAULT VALUES";
    auto statement = prepare(sql);
    sqlite3_stmt* raw = statement.get();
    inserts_.emplace(key, std::move(statement));
    return raw;
  }

  void bind(sqlite3_stmt* statement, int index, const Value& value) {
    int rc = SQLITE_OK;
    if (std::holds_alternative<std::int64_t>(value)) {
      rc = sqlite_api::sqlite3_bind_int64(statement, index, std::get<std::int64_t>(value));
    } else if (std::holds_alternative<std::uint64_t>(value)) {
      auto number = std::get<std::uint64_t>(value);
      if (number <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
        rc = sqlite_api::sqlite3_bind_int64(statement, index, static_cast<std::int64_t>(number));
      } else {
        std::string digits = std::to_string(number);  // beyond SQLite's integers: keep the exact digits
        rc = sqlite_api::sqlite3_bind_text(statement, index, digits.c_str(), static_cast<int>(digits.size()),
                                           SQLITE_TRANSIENT);
      }
    } else if (std::holds_alternative<double>(value)) {
      rc = sqlite_api::sqlite3_bind_double(statement, index, std::get<double>(value));
    } else if (std::holds_alternative<std::string>(value)) {
      const auto& text = std::get<std::string>(value);
      rc = sqlite_api::sqlite3_bind_text(statement, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
    } else if (std::holds_alternative<Blob>(value)) {
      const auto& bytes = std::get<Blob>(value).bytes;
      rc = sqlite_api::sqlite3_bind_blob(statement, index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_STATIC);
    } else {
      rc = sqlite_api::sqlite3_bind_null(statement, index);
    }
    if (rc != SQLITE_OK) throw std::runtime_error(sqlite_api::sqlite3_errmsg(handle_));
  }

  sqlite3* handle_;
  std::map<std::string, Statement> inserts_;
};

}  // namespace

std::unique_ptr<Engine> open_sqlite_engine(soci::session& sql) { return std::make_unique<SqliteEngine>(sql); }

}  // namespace db::portability
