// Local-calendar boundaries for reports: the shop thinks in days and months of its own time zone
// (APP_TIMEZONE, America/Argentina/Cordoba), the database stores UTC "YYYY-MM-DD HH:MM:SS". These turn one into
// the other so range filters compare plain strings on indexed columns.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"

namespace insights {

// Local date ("YYYY-MM-DD") `days_back` days before the local date of `now`.
std::string local_date(core::SystemTime now, int days_back = 0);
// UTC timestamp of 00:00 local time on local date `date` ("YYYY-MM-DD", years 1970–2200); nullopt when malformed.
std::optional<std::string> local_day_start_utc(std::string_view date);
// The same for the day after `date` (an exclusive upper bound for "until `date` inclusive").
std::optional<std::string> local_day_end_utc(std::string_view date);

struct MonthSpan {
  std::string start_utc;  // 00:00 local on the 1st, as UTC
  std::string end_utc;    // start of the next month (exclusive)
  std::string label;      // "nov 2026" → short Spanish month name only: "nov"
};
// The last `count` calendar months including the current one, oldest first.
std::vector<MonthSpan> last_months(core::SystemTime now, int count);

}  // namespace insights
