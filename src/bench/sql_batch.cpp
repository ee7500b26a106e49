// Multi-row INSERT builder (see sql_batch.hpp).
#include "bench/sql_batch.hpp"

#include <soci/soci.h>

#include <stdexcept>

namespace bench {

SqlBatch::SqlBatch(soci::session& sql, std::string table, std::vector<std::string> columns,
                   std::size_t rows_per_statement)
    : sql_(sql), column_count_(columns.size()), rows_per_statement_(rows_per_statement) {
  head_ = "INSERT INTO " + table + " (";
  for (std::size_t i = 0; i < columns.size(); ++i) head_ += (i ? ", " : "") + columns[i];
  head_ += ") VALUES ";
}

SqlBatch::~SqlBatch() noexcept(false) {
  if (std::uncaught_exceptions() == 0) flush();
}

SqlBatch& SqlBatch::row() {
  if (pending_rows_ > 0 && values_in_row_ != column_count_) throw std::logic_error("SqlBatch: incomplete row for " + head_);
  if (pending_rows_ == rows_per_statement_) flush();
  values_ += pending_rows_ ? "),(" : "(";
  ++pending_rows_;
  values_in_row_ = 0;
  return *this;
}

void SqlBatch::separator() {
  if (values_in_row_++ > 0) values_ += ',';
}

SqlBatch& SqlBatch::add(std::int64_t value) {
  separator();
  values_ += std::to_string(value);
  return *this;
}

SqlBatch& SqlBatch::add(const std::string& text) {
  separator();
  values_ += '\'';
  for (char c : text) {
    if (c == '\'') values_ += "''";
    else if (c == '\\') throw std::logic_error("SqlBatch: backslashes are escaped differently per engine");
    else values_ += c;
  }
  values_ += '\'';
  return *this;
}

SqlBatch& SqlBatch::add_null() {
  separator();
  values_ += "NULL";
  return *this;
}

void SqlBatch::flush() {
  if (pending_rows_ == 0) return;
  if (values_in_row_ != column_count_) throw std::logic_error("SqlBatch: incomplete row for " + head_);
  if (parent_) parent_->flush();
  try {
    sql_ << (head_ + values_ + ")");
  } catch (const std::exception& error) {
    // The engine's message quotes the whole statement (hundreds of rows): keep the start.
    std::string message = error.what();
    if (message.size() > 400) message = message.substr(0, 400) + "…";
    throw std::runtime_error(message);
  }
  written_ += static_cast<long long>(pending_rows_);
  pending_rows_ = 0;
  values_.clear();
}

}  // namespace bench
