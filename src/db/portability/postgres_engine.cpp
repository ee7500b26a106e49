// The PostgreSQL side of the portable export/import (see engine.hpp), over the PGconn of the pooled connection:
// results come in the text format, streamed row by row (single-row mode), and each value is normalised by its
// column's type OID to what the other engines export (int2/int4/int8 digits as integers, NUMERIC "2.00" as 2,
// TIMESTAMP(0) "2026-01-31 10:00:00", booleans as 0/1, bytea as bytes); inserts are multi-row statements of
// escaped literals that PostgreSQL coerces to each destination column's type.
#include <soci/postgresql/soci-postgresql.h>

#include <charconv>
#include <memory>
#include <stdexcept>

#include "core/crypto.hpp"
#include "db/portability/engine.hpp"

namespace db::portability {

namespace {

// One statement stays small enough for the server's parser and memory (no hard limit as on MariaDB).
constexpr std::size_t kMaxStatementBytes = 1 << 20;

// Type OIDs of pg_type (stable, built into every server).
constexpr Oid kBool = 16, kBytea = 17, kInt8 = 20, kInt2 = 21, kInt4 = 23, kOid = 26, kFloat4 = 700, kFloat8 = 701,
              kTimestamp = 1114, kTimestampTz = 1184, kNumeric = 1700;

std::string quote(const std::string& identifier) { return quote_identifier(identifier, '"'); }

struct ResultClear {
  void operator()(PGresult* result) const { PQclear(result); }
};
using Result = std::unique_ptr<PGresult, ResultClear>;

bool is_text_type(const std::string& data_type) {
  return data_type.find("char") != std::string::npos || data_type == "text";
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// bytea in the text format: "\x" followed by hex digits (bytea_output = hex, the default since 9.0).
Value bytes_from_bytea_text(std::string_view text) {
  if (text.size() < 2 || text[0] != '\\' || text[1] != 'x') return Blob{std::string(text)};
  std::string bytes;
  bytes.reserve((text.size() - 2) / 2);
  for (std::size_t i = 2; i + 1 < text.size(); i += 2)
    bytes += static_cast<char>(hex_digit(text[i]) * 16 + hex_digit(text[i + 1]));
  return Blob{std::move(bytes)};
}

class PostgresEngine final : public Engine {
 public:
  explicit PostgresEngine(soci::session& sql)
      : handle_(static_cast<soci::postgresql_session_backend*>(sql.get_backend())->conn_) {
    if (!handle_) throw std::runtime_error("no PostgreSQL connection");
  }

  std::string name() override { return "postgresql"; }

  std::vector<std::string> table_names() override {
    std::vector<std::string> names;
    for (auto& row : query("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                           "AND table_type = 'BASE TABLE' ORDER BY table_name"))
      names.push_back(row[0]);
    return names;
  }

  Table describe(const std::string& table_name) override {
    Table table;
    table.name = table_name;
    const std::string name = literal(table_name);
    for (auto& row : query("SELECT column_name, data_type, COALESCE(column_default, '') FROM information_schema.columns "
                           "WHERE table_schema = current_schema() AND table_name = " + name +
                           " ORDER BY ordinal_position")) {
      Column column;
      column.name = row[0];
      column.declared_type = row[1];
      column.datetime = row[1].rfind("timestamp", 0) == 0;
      column.text = is_text_type(row[1]);
      table.columns.push_back(std::move(column));
    }
    for (auto& row : query("SELECT kcu.column_name FROM information_schema.table_constraints tc "
                           "JOIN information_schema.key_column_usage kcu ON kcu.constraint_schema = tc.constraint_schema "
                           "AND kcu.constraint_name = tc.constraint_name AND kcu.table_name = tc.table_name "
                           "WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = current_schema() "
                           "AND tc.table_name = " + name + " ORDER BY kcu.ordinal_position"))
      table.primary_key.push_back(row[0]);
    for (auto& row : query("SELECT DISTINCT parent.relname FROM pg_constraint k "
                           "JOIN pg_class child ON child.oid = k.conrelid "
                           "JOIN pg_class parent ON parent.oid = k.confrelid "
                           "JOIN pg_namespace n ON n.oid = child.relnamespace "
                           "WHERE k.contype = 'f' AND n.nspname = current_schema() AND child.relname = " + name +
                           " ORDER BY parent.relname"))
      table.parents.push_back(row[0]);
    if (table.primary_key.size() == 1) {
      // BIGSERIAL / identity: the key column owns a sequence.
      auto sequence = query("SELECT COALESCE(pg_get_serial_sequence(" + literal(quote(table_name)) + ", " +
                            literal(table.primary_key.front()) + "), '')");
      table.auto_increment = !sequence.empty() && !sequence.front().front().empty();
    }
    return table;
  }

  std::string schema_version() override {
    auto exists = query("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() "
                        "AND table_name = 'migrations'");
    if (exists.empty() || exists.front().front() == "0") return "";
    auto newest = query("SELECT COALESCE(MAX(migration), '') FROM migrations");
    return newest.empty() ? "" : newest.front().front();
  }

  void begin_snapshot() override { execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"); }
  void end_snapshot() override { execute("COMMIT"); }

  std::int64_t count_rows(const Table& table) override {
    auto rows = query("SELECT COUNT(*) FROM " + quote(table.name));
    return std::stoll(rows.front().front());
  }

  void read_rows(const Table& table, const std::function<void(const std::vector<Value>&)>& on_row) override {
    // Byte order for text keys (collation "C"), the order SQLite uses, so every engine exports the same sequence.
    const std::string sql = select_in_key_order(table, '"', " COLLATE \"C\"");
    if (!PQsendQuery(handle_, sql.c_str())) throw std::runtime_error(error_text(sql));
    if (!PQsetSingleRowMode(handle_)) throw std::runtime_error("single-row mode refused in: " + sql);
    std::string failure;
    std::vector<Value> row(table.columns.size());
    while (PGresult* raw = PQgetResult(handle_)) {
      Result result(raw);
      ExecStatusType status = PQresultStatus(raw);
      if (status == PGRES_SINGLE_TUPLE) {
        if (!failure.empty()) continue;  // drain the rest after a callback failed
        int count = PQnfields(raw);
        row.resize(static_cast<std::size_t>(count));
        for (int i = 0; i < count; ++i)
          row[static_cast<std::size_t>(i)] =
              PQgetisnull(raw, 0, i) ? Value{Null{}}
                                     : convert(PQftype(raw, i), std::string_view(PQgetvalue(raw, 0, i),
                                                                                 static_cast<std::size_t>(PQgetlength(raw, 0, i))));
        try {
          on_row(row);
        } catch (const std::exception& error) {
          failure = error.what();
        }
      } else if (status != PGRES_TUPLES_OK && failure.empty()) {
        failure = std::string(PQresultErrorMessage(raw)) + " in: " + sql;
      }
    }
    if (!failure.empty()) throw std::runtime_error(failure);
  }

  // Parents are inserted first (the importer orders tables by dependency); the foreign keys of this schema are
  // not DEFERRABLE, so SET CONSTRAINTS only matters for a deferrable key added later.
  void begin_write() override {
    execute("BEGIN");
    execute("SET CONSTRAINTS ALL DEFERRED");
  }
  void commit() override { execute("COMMIT"); }
  void rollback() override {
    if (PQtransactionStatus(handle_) != PQTRANS_IDLE) execute("ROLLBACK");
  }

  void insert_rows(const Table& table, const std::vector<std::string>& columns,
                   const std::vector<std::vector<Value>>& rows) override {
    if (columns.empty()) {
      for (std::size_t i = 0; i < rows.size(); ++i) execute("INSERT INTO " + quote(table.name) + " DEFAULT VALUES");
      return;
    }
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
    const std::string key = quote(table.primary_key.front());
    // is_called = false on an empty table: the next id is 1.
    query("SELECT setval(pg_get_serial_sequence(" + literal(quote(table.name)) + ", " +
          literal(table.primary_key.front()) + "), COALESCE(MAX(" + key + "), 1), MAX(" + key + ") IS NOT NULL) FROM " +
          quote(table.name));
  }

 private:
  static Value convert(Oid type, std::string_view text) {
    switch (type) {
      case kInt2:
      case kInt4:
      case kInt8:
      case kOid:
        return number_from_integer_text(text);
      case kNumeric:
      case kFloat4:
      case kFloat8:
        return number_from_decimal_text(text);
      case kBool:
        return static_cast<std::int64_t>(text == "t" ? 1 : 0);
      case kTimestamp:
      case kTimestampTz:
        return normalize_datetime(text);
      case kBytea:
        return bytes_from_bytea_text(text);
      default:
        return std::string(text);
    }
  }

  std::string literal(const std::string& text) {
    std::string out(text.size() * 2 + 3, '\0');
    out[0] = '\'';
    int error = 0;
    std::size_t written = PQescapeStringConn(handle_, out.data() + 1, text.data(), text.size(), &error);
    if (error) throw std::runtime_error(PQerrorMessage(handle_));
    out.resize(written + 1);
    return out + "'";
  }

  // Every value as a quoted literal (type unknown), which PostgreSQL coerces to the destination column's type.
  void append_literal(std::string& out, const Value& value) {
    if (std::holds_alternative<std::int64_t>(value)) {
      out += "'" + std::to_string(std::get<std::int64_t>(value)) + "'";
    } else if (std::holds_alternative<std::uint64_t>(value)) {
      out += "'" + std::to_string(std::get<std::uint64_t>(value)) + "'";
    } else if (std::holds_alternative<double>(value)) {
      char buffer[64];
      auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, std::get<double>(value));
      out += "'" + std::string(buffer, end) + "'";
    } else if (std::holds_alternative<std::string>(value)) {
      out += literal(std::get<std::string>(value));
    } else if (std::holds_alternative<Blob>(value)) {
      out += "'\\x" + core::hex_encode(std::get<Blob>(value).bytes) + "'";
    } else {
      out += "NULL";
    }
  }

  std::string error_text(const std::string& sql) const {
    std::string context = sql.size() > 200 ? sql.substr(0, 200) + "…" : sql;
    return std::string(PQerrorMessage(handle_)) + " in: " + context;
  }

  void execute(const std::string& sql) { query(sql); }

  // Small catalogue queries and commands: every value as text ("" for NULL).
  std::vector<std::vector<std::string>> query(const std::string& sql) {
    Result result(PQexec(handle_, sql.c_str()));
    ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      std::string context = sql.size() > 200 ? sql.substr(0, 200) + "…" : sql;
      std::string message = result ? PQresultErrorMessage(result.get()) : PQerrorMessage(handle_);
      throw std::runtime_error(message + " in: " + context);
    }
    std::vector<std::vector<std::string>> rows;
    int count = PQnfields(result.get());
    for (int r = 0; r < PQntuples(result.get()); ++r) {
      std::vector<std::string> row;
      for (int i = 0; i < count; ++i)
        row.emplace_back(PQgetisnull(result.get(), r, i) ? "" : std::string(PQgetvalue(result.get(), r, i)));
      rows.push_back(std::move(row));
    }
    return rows;
  }

  PGconn* handle_;
};

}  // namespace

std::unique_ptr<Engine> open_postgres_engine(soci::session& sql) { return std::make_unique<PostgresEngine>(sql); }

}  // namespace db::portability
