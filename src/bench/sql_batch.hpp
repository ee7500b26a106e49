// Multi-row INSERT builder for bulk loads: collects literal rows and flushes them N at a time.
// Only for data this program generates itself (values are quoted, but this is not a general escaping layer for
// untrusted input — request handlers always bind parameters).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace soci {
class session;
}

namespace bench {

class SqlBatch final {
 public:
  SqlBatch(soci::session& sql, std::string table, std::vector<std::string> columns, std::size_t rows_per_statement = 500);
  ~SqlBatch() noexcept(false);  // flushes what is left

  SqlBatch& row();  // starts the next row; then add exactly one value per column
  SqlBatch& add(std::int64_t value);
  SqlBatch& add(const std::string& text);
  SqlBatch& add(const char* text) { return add(std::string(text)); }
  SqlBatch& add_null();
  template <typename T>
  SqlBatch& add(const std::optional<T>& value) {
    return value ? add(*value) : add_null();
  }

  // Rows of this batch reference rows of `parent` (foreign keys): the parent is flushed first, always.
  void flush_after(SqlBatch& parent) { parent_ = &parent; }

  void flush();
  long long rows_written() const { return written_; }

 private:
  void separator();
  soci::session& sql_;
  SqlBatch* parent_ = nullptr;
  std::string head_;
  std::string values_;
  std::size_t column_count_;
  std::size_t rows_per_statement_;
  std::size_t pending_rows_ = 0;
  std::size_t values_in_row_ = 0;
  long long written_ = 0;
};

}  // namespace bench
