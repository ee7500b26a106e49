// Local-calendar boundaries (see calendar.hpp). The zone offset comes from core::format_local ("%z"), so this
// file follows APP_TIMEZONE without knowing the zone database; it is asked twice per boundary so a zone whose
// offset changes (daylight saving) still gets local midnight right.
#include "domain/insights/calendar.hpp"

#include <date/date.h>

#include <array>
#include <chrono>

namespace insights {

namespace {

// Offset of local time from UTC at `utc`, in seconds ("-0300" → -10800).
long offset_seconds(core::SystemTime utc) {
  std::string z = core::format_local(core::to_sql_utc(utc), "%z");
  if (z.size() < 5) return 0;
  long hours = (z[1] - '0') * 10 + (z[2] - '0'), minutes = (z[3] - '0') * 10 + (z[4] - '0');
  long seconds = hours * 3600 + minutes * 60;
  return z[0] == '-' ? -seconds : seconds;
}

std::optional<date::year_month_day> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  int y = std::stoi(std::string(text.substr(0, 4)));
  if (y < 1970 || y > 2200) return std::nullopt;  // system_clock (nanoseconds) ends in 2262
  unsigned m = static_cast<unsigned>(std::stoi(std::string(text.substr(5, 2))));
  unsigned d = static_cast<unsigned>(std::stoi(std::string(text.substr(8, 2))));
  date::year_month_day ymd{date::year{y}, date::month{m}, date::day{d}};
  if (!ymd.ok()) return std::nullopt;
  return ymd;
}

// 00:00 local on `day`, as a UTC time point.
core::SystemTime local_midnight(date::sys_days day) {
  core::SystemTime naive = day;  // the local wall clock read as if it were UTC
  core::SystemTime guess = naive - std::chrono::seconds(offset_seconds(naive));
  return naive - std::chrono::seconds(offset_seconds(guess));
}

date::sys_days local_today(core::SystemTime now) {
  return date::floor<date::days>(now + std::chrono::seconds(offset_seconds(now)));
}

constexpr std::array<const char*, 12> kMonths = {"ene", "feb", "mar", "abr", "may", "jun",
                                                 "jul", "ago", "sep", "oct", "nov", "dic"};

}  // namespace

std::string local_date(core::SystemTime now, int days_back) {
  return date::format("%F", local_today(now) - date::days{days_back});
}

std::optional<std::string> local_day_start_utc(std::string_view text) {
  auto day = parse_date(text);
  if (!day) return std::nullopt;
  return core::to_sql_utc(local_midnight(date::sys_days{*day}));
}

std::optional<std::string> local_day_end_utc(std::string_view text) {
  auto day = parse_date(text);
  if (!day) return std::nullopt;
  return core::to_sql_utc(local_midnight(date::sys_days{*day} + date::days{1}));
}

std::vector<MonthSpan> last_months(core::SystemTime now, int count) {
  date::year_month_day today{local_today(now)};
  date::year_month current{today.year(), today.month()};
  std::vector<MonthSpan> months;
  for (int back = count - 1; back >= 0; --back) {
    date::year_month month = current - date::months{back};
    date::year_month next = month + date::months{1};
    MonthSpan span;
    span.start_utc = core::to_sql_utc(local_midnight(date::sys_days{month / date::day{1}}));
    span.end_utc = core::to_sql_utc(local_midnight(date::sys_days{next / date::day{1}}));
    span.label = kMonths[static_cast<unsigned>(month.month()) - 1];
    months.push_back(std::move(span));
  }
  return months;
}

}  // namespace insights
