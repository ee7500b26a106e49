// When a scheduled task is due, on the local wall clock (schedule_time.hpp):
//
//   | kind           | due at the local minutes where                        | cron equivalent    |
//   | daily at H:M   | hour == H and minute == M                             | M H * * *          |
//   | monthly D, H:M | day == D and hour == H and minute == M (months with   | M H D * *          |
//   |                | fewer than D days are skipped)                        |                    |
//   | weekly D, H:M  | ISO weekday == D (1 Monday … 7 Sunday), hour and minute | M H * * D%7        |
//   | every N min    | (hour * 60 + minute) % N == 0, N divides 1440         | */N for N | 60     |
#pragma once

#include <string>
#include <string_view>

#include "infra/schedule_time.hpp"

namespace infra {

enum class CadenceKind { kDaily, kMonthly, kEveryMinutes, kWeekly };

struct Cadence {
  CadenceKind kind = CadenceKind::kDaily;
  int hour = 0;
  int minute = 0;
  int day_of_month = 1;      // kMonthly: 1-31
  int weekday = 1;           // kWeekly: 1 Monday … 7 Sunday
  int interval_minutes = 0;  // kEveryMinutes: 1-1440, divides 1440

  // Factories validate and throw std::invalid_argument naming the problem.
  static Cadence daily_at(std::string_view hh_mm);              // "03:15"
  static Cadence monthly_on(int day, std::string_view hh_mm);  // day 1-31
  static Cadence every_minutes(int interval);                   // 60 = hourly
  static Cadence weekly_on(int weekday, std::string_view hh_mm);  // weekday 1 (Monday) - 7 (Sunday)
};

bool is_due(const Cadence& cadence, const LocalMinute& minute);
// ISO weekday of the minute's date: 1 Monday … 7 Sunday.
int iso_weekday(const LocalMinute& minute);
// The first due minute strictly after `after`.
LocalMinute next_due_after(const Cadence& cadence, const LocalMinute& after);
// "daily at 03:15", "monthly on day 1 at 04:00", "hourly", "every 5 minutes".
std::string describe(const Cadence& cadence);

// "03:15" + 30 → "03:45" (wraps past midnight). Throws std::invalid_argument for a malformed time.
std::string shift_time_of_day(std::string_view hh_mm, int minutes);

}  // namespace infra
