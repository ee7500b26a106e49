// Typed reads from a soci::row whatever the driver reports: SQLite, MariaDB and PostgreSQL disagree on the
// C++ type of INTEGER/TINYINT/BIGINT/COUNT(*) and DATETIME columns, and soci::row::get<T> throws on a
// mismatch. NULL reads as 0 / "".
#pragma once

#include <soci/soci.h>

#include <cstdio>
#include <ctime>
#include <string>

namespace db {

inline long long row_int(const soci::row& row, std::size_t i) {
  if (row.get_indicator(i) == soci::i_null) return 0;
  switch (row.get_properties(i).get_data_type()) {
    case soci::dt_integer: return row.get<int>(i);
    case soci::dt_long_long: return row.get<long long>(i);
    case soci::dt_unsigned_long_long: return static_cast<long long>(row.get<unsigned long long>(i));
    case soci::dt_double: return static_cast<long long>(row.get<double>(i));
    case soci::dt_string: return std::stoll(row.get<std::string>(i));
    default: return 0;
  }
}

inline std::string row_str(const soci::row& row, std::size_t i) {
  if (row.get_indicator(i) == soci::i_null) return "";
  switch (row.get_properties(i).get_data_type()) {
    case soci::dt_string: return row.get<std::string>(i);
    case soci::dt_date: {
      std::tm tm = row.get<std::tm>(i);
      char buffer[80];
      std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d %02d:%02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1,
                    tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
      return buffer;
    }
    default: return std::to_string(row_int(row, i));
  }
}

}  // namespace db
