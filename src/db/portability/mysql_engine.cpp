// The MariaDB/MySQL side of the portable export/import (see engine.hpp), over the MYSQL handle of the pooled
// connection: the text protocol hands every value over exactly as the server formats it (BIGINT digits, DECIMAL
// "0.25", DATETIME "2026-01-31 10:00:00"), streamed row by row; inserts are multi-row statements of escaped
// literals, the fastest plain way to load InnoDB.
#include <soci/mysql/soci-mysql.h>

#include <algorithm>
#include <charconv>
#include <memory>
#include <stdexcept>

#include "core/crypto.hpp"
#include "db/portability/engine.hpp"

namespace db::portability {

namespace {

// One statement stays well below MariaDB's default max_allowed_packet (16 MiB).
constexpr std::size_t kMaxStatementBytes = 1 << 20;

std::string quote(const std::string& identifier) { return quote_identifier(identifier, '`'); }

struct ResultFree {
  void operator()(MYSQL_RES* result) const { mysql_free_result(result); }
};
using Result = std::unique_ptr<MYSQL_RES, ResultFree>;

bool is_text_type(const std::string& data_type) {
  return data_type.find("char") != std::string::npos || data_type.find("text") != std::string::npos ||
         data_type == "enum" || data_type == "set";
}

class MysqlEngine final : public Engine {
 public:
  explicit MysqlEngine(soci::session& sql) : handle_(static_cast<soci::mysql_session_backend*>(sql.get_backend())->conn_) {
    if (!handle_) throw std::runtime_error("no MariaDB connection");
  }

  std::string name() override {
    auto rows = query("SELECT VERSION()");
    std::string version = rows.empty() ? "" : rows.front().front();
    return version.find("MariaDB") != std::string::npos ? "mariadb" : "mysql";
  }

  std::vector<std::string> table_names() override {
    std::vector<std::string> names;
    for (auto& row : query("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() "
                           "AND table_type = 'BASE TABLE' ORDER BY table_name"))
      names.push_back(row[0]);
    return names;
  }

  Table describe(const std::string& table_name) override {
    Table table;
    table.name = table_name;
    const std::string where = " WHERE table_schema = DATABASE() AND table_name = " + literal(table_name);
    for (auto& row : query("SELECT column_name, column_type, data_type, extra FROM information_schema.columns" + where +
                           " ORDER BY ordinal_position")) {
      Column column;
      column.name = row[0];
      column.declared_type = row[1];
      column.datetime = row[2] == "datetime" || row[2] == "timestamp";
      column.text = is_text_type(row[2]);
      if (row[3].find("auto_increment") != std::string::npos) table.auto_increment = true;
      table.columns.push_back(std::move(column));
    }
    for (auto& row : query("SELECT column_name FROM information_schema.key_column_usage" + where +
                           " AND constraint_name = 'PRIMARY' ORDER BY ordinal_position"))
      table.primary_key.push_back(row[0]);
    for (auto& row : query("SELECT DISTINCT referenced_table_name FROM information_schema.key_column_usage" + where +
                           " AND referenced_table_name IS NOT NULL ORDER BY referenced_table_name"))
      table.parents.push_back(row[0]);
    if (table.primary_key.size() != 1) table.auto_increment = false;
    return table;
  }

  std::string schema_version() override {
    auto exists = query("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() "
                        "AND table_name = 'migrations'");
    if (exists.empty() || exists.front().front() == "0") return "";
    auto newest = query("SELECT COALESCE(MAX(migration), '') FROM migrations");
    return newest.empty() ? "" : newest.front().front();
  }

  void begin_snapshot() override { execute("START TRANSACTION WITH CONSISTENT SNAPSHOT"); }
  void end_snapshot() override { execute("COMMIT"); }

  std::int64_t count_rows(const Table& table) override {
    auto rows = query("SELECT COUNT(*) FROM " + quote(table.name));
    return std::stoll(rows.front().front());
  }

  void read_rows(const Table& table, const std::function<void(const std::vector<Value>&)>& on_row) override {
    // Byte order for text keys, the order SQLite uses, so both engines export the same sequence.
    execute(select_in_key_order(table, '`', " COLLATE utf8mb4_bin"));
    Result result(mysql_use_result(handle_));
    if (!result) throw std::runtime_error(mysql_error(handle_));
    unsigned int count = mysql_num_fields(result.get());
    MYSQL_FIELD* fields = mysql_fetch_fields(result.get());
    std::vector<Value> row(count);
    while (MYSQL_ROW values = mysql_fetch_row(result.get())) {
      unsigned long* lengths = mysql_fetch_lengths(result.get());
      for (unsigned int i = 0; i < count; ++i)
        row[i] = values[i] ? convert(fields[i], std::string_view(values[i], lengths[i])) : Value{Null{}};
      on_row(row);
    }
    if (mysql_errno(handle_) != 0) throw std::runtime_error(mysql_error(handle_));
  }

  void begin_write() override { execute("START TRANSACTION"); }
  void commit() override { execute("COMMIT"); }
  void rollback() override { execute("ROLLBACK"); }

  void insert_rows(const Table& table, const std::vector<std::string>& columns,
                   const std::vector<std::vector<Value>>& rows) override {
    std::string head = "INSERT INTO " + quote(table.name) + " (";
    for (std::size_t i = 0; i < columns.size(); ++i) head += (i ? ", " : "") + quote(columns[i]);
    head += ") VALUES ";
    std::string statement;
    for (const auto& row : rows) {
      std::string tuple = "(";
      for (std::size_t i = 0; i < row.size(); ++i) {
        if (i) tuple += ", ";
        append_literal(tuple, row[i]);
      }
      tuple += ")";
      if (!statement.empty() && statement.size() + tuple.size() > kMaxStatementBytes) {
        execute(statement);
        statement.clear();
      }
      statement += statement.empty() ? head : ", ";
      statement += tuple;
    }
    if (!statement.empty()) execute(statement);
  }

  void delete_all(const Table& table) override { execute("DELETE FROM " + quote(table.name)); }

  void reset_sequence(const Table& table) override {
    if (!table.auto_increment) return;
    auto rows = query("SELECT COALESCE(MAX(" + quote(table.primary_key.front()) + "), 0) + 1 FROM " + quote(table.name));
    // DDL: commits implicitly, which is why this runs after the last batch.
    execute("ALTER TABLE " + quote(table.name) + " AUTO_INCREMENT = " + rows.front().front());
  }

 private:
  static Value convert(const MYSQL_FIELD& field, std::string_view text) {
    switch (field.type) {
      case MYSQL_TYPE_TINY:
      case MYSQL_TYPE_SHORT:
      case MYSQL_TYPE_LONG:
      case MYSQL_TYPE_LONGLONG:
      case MYSQL_TYPE_INT24:
      case MYSQL_TYPE_YEAR:
        return number_from_integer_text(text);
      case MYSQL_TYPE_DECIMAL:
      case MYSQL_TYPE_NEWDECIMAL:
      case MYSQL_TYPE_FLOAT:
      case MYSQL_TYPE_DOUBLE:
        return number_from_decimal_text(text);
      case MYSQL_TYPE_DATETIME:
      case MYSQL_TYPE_TIMESTAMP:
      case MYSQL_TYPE_DATETIME2:
      case MYSQL_TYPE_TIMESTAMP2:
        return normalize_datetime(text);
      case MYSQL_TYPE_BIT:
        return Blob{std::string(text)};
      case MYSQL_TYPE_TINY_BLOB:
      case MYSQL_TYPE_MEDIUM_BLOB:
      case MYSQL_TYPE_LONG_BLOB:
      case MYSQL_TYPE_BLOB:
      case MYSQL_TYPE_STRING:
      case MYSQL_TYPE_VAR_STRING:
      case MYSQL_TYPE_VARCHAR:
        if (field.charsetnr == 63) return Blob{std::string(text)};  // binary collation: bytes, not text
        return std::string(text);
      default:
        return std::string(text);
    }
  }

  std::string literal(const std::string& text) {
    std::string out(text.size() * 2 + 3, '\0');
    out[0] = '\'';
    unsigned long written = mysql_real_escape_string(handle_, out.data() + 1, text.data(), text.size());
    out.resize(written + 1);
    return out + "'";
  }

  void append_literal(std::string& out, const Value& value) {
    if (std::holds_alternative<std::int64_t>(value)) {
      out += std::to_string(std::get<std::int64_t>(value));
    } else if (std::holds_alternative<std::uint64_t>(value)) {
      out += std::to_string(std::get<std::uint64_t>(value));
    } else if (std::holds_alternative<double>(value)) {
      char buffer[64];
      auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, std::get<double>(value));
      out.append(buffer, end);
    } else if (std::holds_alternative<std::string>(value)) {
      out += literal(std::get<std::string>(value));
    } else if (std::holds_alternative<Blob>(value)) {
      out += "X'" + core::hex_encode(std::get<Blob>(value).bytes) + "'";
    } else {
      out += "NULL";
    }
  }

  void execute(const std::string& sql) {
    if (mysql_real_query(handle_, sql.data(), sql.size()) != 0) {
      std::string context = sql.size() > 200 ? sql.substr(0, 200) + "…" : sql;
      throw std::runtime_error(std::string(mysql_error(handle_)) + " in: " + context);
    }
  }

  // Small catalogue queries: every value as text ("" for NULL).
  std::vector<std::vector<std::string>> query(const std::string& sql) {
    execute(sql);
    Result result(mysql_store_result(handle_));
    if (!result) throw std::runtime_error(mysql_error(handle_));
    std::vector<std::vector<std::string>> rows;
    unsigned int count = mysql_num_fields(result.get());
    while (MYSQL_ROW values = mysql_fetch_row(result.get())) {
      unsigned long* lengths = mysql_fetch_lengths(result.get());
      std::vector<std::string> row;
      for (unsigned int i = 0; i < count; ++i) row.emplace_back(values[i] ? std::string(values[i], lengths[i]) : "");
      rows.push_back(std::move(row));
    }
    return rows;
  }

  MYSQL* handle_;
};

}  // namespace

std::unique_ptr<Engine> open_mysql_engine(soci::session& sql) { return std::make_unique<MysqlEngine>(sql); }

}  // namespace db::portability
