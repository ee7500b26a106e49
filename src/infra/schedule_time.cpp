// Local wall-clock minutes (see schedule_time.hpp), on Howard Hinnant's date/tz.
#include "infra/schedule_time.hpp"

#include <date/date.h>
#include <date/tz.h>

#include <cstdio>
#include <stdexcept>

namespace infra {

namespace {
date::local_seconds to_local_seconds(const LocalMinute& m) {
  auto day = date::local_days{date::year{m.year} / m.month / m.day};
  return day + std::chrono::hours{m.hour} + std::chrono::minutes{m.minute};
}

LocalMinute from_local_seconds(date::local_seconds time) {
  auto day = std::chrono::floor<date::days>(time);
  date::year_month_day ymd{day};
  date::hh_mm_ss<std::chrono::seconds> clock{time - day};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day())), static_cast<int>(clock.hours().count()),
          static_cast<int>(clock.minutes().count())};
}
}  // namespace

std::string format_local_minute(const LocalMinute& m) {
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d %02d:%02d", m.year, m.month, m.day, m.hour, m.minute);
  return text;
}

std::string minute_key(const LocalMinute& m) {
  char text[32];
  std::snprintf(text, sizeof text, "%04d%02d%02d%02d%02d", m.year, m.month, m.day, m.hour, m.minute);
  return text;
}

std::optional<LocalMinute> parse_local_minute(std::string_view text) {
  // Fixed shape "YYYY-MM-DD HH:MM": digits where digits belong, separators where they belong.
  if (text.size() != 16) return std::nullopt;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char expected = i == 4 || i == 7 ? '-' : i == 10 ? ' ' : i == 13 ? ':' : '0';
    if (expected == '0' ? (text[i] < '0' || text[i] > '9') : text[i] != expected) return std::nullopt;
  }
  auto number = [&](std::size_t at, std::size_t length) {
    int value = 0;
    for (std::size_t i = at; i < at + length; ++i) value = value * 10 + (text[i] - '0');
    return value;
  };
  LocalMinute m{number(0, 4), number(5, 2), number(8, 2), number(11, 2), number(14, 2)};
  if (m.month < 1 || m.month > 12 || m.day < 1 || m.day > days_in_month(m.year, m.month) || m.hour > 23 ||
      m.minute > 59)
    return std::nullopt;
  return m;
}

LocalMinute local_minute_at(std::int64_t unix_seconds, std::string_view zone) {
  const date::time_zone* tz = nullptr;
  try {
    tz = date::locate_zone(std::string(zone));
  } catch (const std::exception&) {
    throw std::runtime_error("unknown time zone '" + std::string(zone) + "'");
  }
  date::sys_seconds instant{std::chrono::seconds{unix_seconds}};
  return from_local_seconds(std::chrono::floor<std::chrono::seconds>(tz->to_local(instant)));
}

LocalMinute add_minutes(const LocalMinute& minute, int count) {
  return from_local_seconds(to_local_seconds(minute) + std::chrono::minutes{count});
}

LocalMinute add_days(const LocalMinute& minute, int count) {
  return from_local_seconds(to_local_seconds(minute) + date::days{count});
}

int days_in_month(int year, int month) {
  auto last = date::year_month_day_last{date::year{year} / date::month{static_cast<unsigned>(month)} / date::last};
  return static_cast<int>(static_cast<unsigned>(last.day()));
}

}  // namespace infra
