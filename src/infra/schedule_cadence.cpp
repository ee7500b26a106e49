// Cadence evaluation (see schedule_cadence.hpp).
#include "infra/schedule_cadence.hpp"

#include <cstdio>
#include <stdexcept>

namespace infra {

namespace {
constexpr int kMinutesPerDay = 1440;

// Minutes since midnight of "HH:MM".
int parse_time_of_day(std::string_view text) {
  auto digit = [&](std::size_t i) { return text[i] >= '0' && text[i] <= '9'; };
  if (text.size() != 5 || text[2] != ':' || !digit(0) || !digit(1) || !digit(3) || !digit(4))
    throw std::invalid_argument("time of day must look like HH:MM, got '" + std::string(text) + "'");
  int hour = (text[0] - '0') * 10 + (text[1] - '0'), minute = (text[3] - '0') * 10 + (text[4] - '0');
  if (hour > 23 || minute > 59) throw std::invalid_argument("time of day out of range: '" + std::string(text) + "'");
  return hour * 60 + minute;
}

std::string two_digits(int value) {
  char text[8];
  std::snprintf(text, sizeof text, "%02d", value);
  return text;
}
}  // namespace

Cadence Cadence::daily_at(std::string_view hh_mm) {
  int at = parse_time_of_day(hh_mm);
  Cadence cadence;
  cadence.kind = CadenceKind::kDaily;
  cadence.hour = at / 60;
  cadence.minute = at % 60;
  return cadence;
}

Cadence Cadence::monthly_on(int day, std::string_view hh_mm) {
  if (day < 1 || day > 31) throw std::invalid_argument("day of month must be 1-31");
  Cadence cadence = daily_at(hh_mm);
  cadence.kind = CadenceKind::kMonthly;
  cadence.day_of_month = day;
  return cadence;
}

Cadence Cadence::every_minutes(int interval) {
  // Dividing the day evenly keeps the due minutes the same every day (as cron's */N within an hour).
  if (interval < 1 || interval > kMinutesPerDay || kMinutesPerDay % interval != 0)
    throw std::invalid_argument("interval must divide 1440 minutes (1, 5, 15, 60, 120, …)");
  Cadence cadence;
  cadence.kind = CadenceKind::kEveryMinutes;
  cadence.interval_minutes = interval;
  return cadence;
}

Cadence Cadence::weekly_on(int weekday, std::string_view hh_mm) {
  if (weekday < 1 || weekday > 7) throw std::invalid_argument("weekday must be 1 (Monday) - 7 (Sunday)");
  Cadence cadence = daily_at(hh_mm);
  cadence.kind = CadenceKind::kWeekly;
  cadence.weekday = weekday;
  return cadence;
}

int iso_weekday(const LocalMinute& m) {
  // Days since 1970-01-01 (a Thursday), proleptic Gregorian (H. Hinnant's days_from_civil).
  int y = m.year - (m.month <= 2 ? 1 : 0);
  int era = (y >= 0 ? y : y - 399) / 400;
  int yoe = y - era * 400;
  int doy = (153 * (m.month + (m.month > 2 ? -3 : 9)) + 2) / 5 + m.day - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  long long days = static_cast<long long>(era) * 146097 + doe - 719468;
  return static_cast<int>(((days + 3) % 7 + 7) % 7) + 1;  // day 0 was a Thursday (ISO 4)
}

bool is_due(const Cadence& cadence, const LocalMinute& m) {
  switch (cadence.kind) {
    case CadenceKind::kDaily:
      return m.hour == cadence.hour && m.minute == cadence.minute;
    case CadenceKind::kMonthly:
      return m.day == cadence.day_of_month && m.hour == cadence.hour && m.minute == cadence.minute;
    case CadenceKind::kEveryMinutes:
      return (m.hour * 60 + m.minute) % cadence.interval_minutes == 0;
    case CadenceKind::kWeekly:
      return iso_weekday(m) == cadence.weekday && m.hour == cadence.hour && m.minute == cadence.minute;
  }
  return false;
}

LocalMinute next_due_after(const Cadence& cadence, const LocalMinute& after) {
  if (cadence.kind == CadenceKind::kEveryMinutes) {
    LocalMinute candidate = add_minutes(after, 1);
    while (!is_due(cadence, candidate)) candidate = add_minutes(candidate, 1);  // at most one interval
    return candidate;
  }
  // Daily and monthly fire at one time of day: try that time on each following day. Day 31 recurs within
  // 62 days; four years of days is a generous bound that never loops forever.
  LocalMinute candidate{after.year, after.month, after.day, cadence.hour, cadence.minute};
  for (int i = 0; i < 4 * 366; ++i, candidate = add_days(candidate, 1)) {
    if (candidate > after && is_due(cadence, candidate)) return candidate;
  }
  throw std::logic_error("cadence never due");
}

std::string describe(const Cadence& cadence) {
  std::string at = two_digits(cadence.hour) + ":" + two_digits(cadence.minute);
  switch (cadence.kind) {
    case CadenceKind::kDaily:
      return "daily at " + at;
    case CadenceKind::kMonthly:
      return "monthly on day " + std::to_string(cadence.day_of_month) + " at " + at;
    case CadenceKind::kEveryMinutes:
      if (cadence.interval_minutes == 1) return "every minute";
      if (cadence.interval_minutes == 60) return "hourly";
      return "every " + std::to_string(cadence.interval_minutes) + " minutes";
    case CadenceKind::kWeekly: {
      static const char* kDays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
      return std::string("weekly on ") + kDays[cadence.weekday - 1] + " at " + at;
    }
  }
  return "?";
}

std::string shift_time_of_day(std::string_view hh_mm, int minutes) {
  int at = ((parse_time_of_day(hh_mm) + minutes) % kMinutesPerDay + kMinutesPerDay) % kMinutesPerDay;
  return two_digits(at / 60) + ":" + two_digits(at % 60);
}

}  // namespace infra
