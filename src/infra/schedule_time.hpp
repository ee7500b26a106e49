// Wall-clock minutes in the shop's time zone (APP_TIMEZONE), the unit the scheduler thinks in.
// Cron semantics follow from that: a local minute skipped by a DST jump never comes, and a minute repeated by
// one is claimed once (the once-per-minute lock is keyed by local time). date/tz stays in schedule_time.cpp.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace infra {

struct LocalMinute {
  int year = 1970;
  int month = 1;   // 1-12
  int day = 1;     // 1-31
  int hour = 0;    // 0-23
  int minute = 0;  // 0-59
  auto operator<=>(const LocalMinute&) const = default;
};

// "2026-03-01 04:00". Also the format `--now` takes.
std::string format_local_minute(const LocalMinute& minute);
// Parses "YYYY-MM-DD HH:MM" (a real calendar date); nullopt otherwise.
std::optional<LocalMinute> parse_local_minute(std::string_view text);
// "202603010400": the minute's part of a lock name.
std::string minute_key(const LocalMinute& minute);

// The local minute containing `unix_seconds` in time zone `zone` (IANA name). Throws std::runtime_error for an
// unknown zone.
LocalMinute local_minute_at(std::int64_t unix_seconds, std::string_view zone);

// Calendar arithmetic on wall-clock values (no time zone involved).
LocalMinute add_minutes(const LocalMinute& minute, int count);
LocalMinute add_days(const LocalMinute& minute, int count);
int days_in_month(int year, int month);

}  // namespace infra
