// Reading integer columns out of a soci::row portably: SQLite's INTEGER and MariaDB's INT/BIGINT arrive as
// different C++ types (int, long long, unsigned long long), and row.get<T> only accepts the exact one.
#pragma once

#include <soci/soci.h>

#include <cstdint>

namespace db {

inline std::int64_t int64_at(const soci::row& row, std::size_t column) {
  switch (row.get_properties(column).get_data_type()) {
    case soci::dt_integer: return row.get<int>(column);
    case soci::dt_long_long: return row.get<long long>(column);
    case soci::dt_unsigned_long_long: return static_cast<std::int64_t>(row.get<unsigned long long>(column));
    case soci::dt_double: return static_cast<std::int64_t>(row.get<double>(column));
    default: return std::stoll(row.get<std::string>(column));
  }
}

}  // namespace db
