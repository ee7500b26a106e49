// Clock and time-zone conversion (Howard Hinnant's date/tz over the system tzdata).
#include "core/clock.hpp"

#include <date/date.h>
#include <date/tz.h>

#include <atomic>
#include <optional>
#include <sstream>

namespace core {

namespace {
std::atomic<const date::time_zone*> g_zone{nullptr};

const date::time_zone* display_zone() {
  const date::time_zone* zone = g_zone.load();
  if (!zone) {
    zone = date::locate_zone("America/Argentina/Cordoba");
    g_zone.store(zone);
  }
  return zone;
}
}  // namespace

void set_display_time_zone(const std::string& name) {
  try {
    g_zone.store(date::locate_zone(name));
  } catch (const std::exception& e) {
    throw std::runtime_error("unknown time zone '" + name + "'");
  }
}

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string to_sql_utc(SystemTime time) {
  return date::format("%F %T", std::chrono::floor<std::chrono::seconds>(time));
}

std::string utc_now_sql() { return to_sql_utc(std::chrono::system_clock::now()); }

namespace {
// "YYYY-MM-DD HH:MM:SS" read by hand: list pages parse dozens per request and the stream parser below costs a
// locale-aware istringstream each. Anything else (or an impossible date or time) goes to the stream parser.
bool parse_sql_utc_fast(std::string_view text, SystemTime& out) {
  if (text.size() < 19) return false;
  auto digits = [&](std::size_t at, std::size_t count, int& value) {
    value = 0;
    for (std::size_t i = at; i < at + count; ++i) {
      if (text[i] < '0' || text[i] > '9') return false;
      value = value * 10 + (text[i] - '0');
    }
    return true;
  };
  int year, month, day, hour, minute, second;
  if (text[4] != '-' || text[7] != '-' || text[10] != ' ' || text[13] != ':' || text[16] != ':') return false;
  if (!digits(0, 4, year) || !digits(5, 2, month) || !digits(8, 2, day) || !digits(11, 2, hour) ||
      !digits(14, 2, minute) || !digits(17, 2, second))
    return false;
  if (hour > 23 || minute > 59 || second > 59) return false;
  date::year_month_day ymd{date::year(year), date::month(static_cast<unsigned>(month)),
                           date::day(static_cast<unsigned>(day))};
  if (!ymd.ok()) return false;
  out = date::sys_days(ymd) + std::chrono::hours(hour) + std::chrono::minutes(minute) + std::chrono::seconds(second);
  return true;
}
}  // namespace

bool parse_sql_utc(std::string_view text, SystemTime& out) {
  if (parse_sql_utc_fast(text, out)) return true;
  std::istringstream in{std::string(text.substr(0, 19))};
  date::sys_seconds parsed;
  in >> date::parse("%F %T", parsed);
  if (in.fail()) return false;
  out = parsed;
  return true;
}

namespace {
// The patterns pages use ("%d/%m/%Y %H:%M", "%Y-%m-%d"…) written by hand: date::format builds a locale-aware
// ostringstream per call, and the repair lookup formats a date per history row (4.5 % of its CPU in perf).
// nullopt for any other conversion (%z, %Ez, %A…), which date::format then writes.
std::optional<std::string> format_plain(date::local_seconds local, std::string_view pattern) {
  const auto days = std::chrono::floor<date::days>(local);
  const date::year_month_day ymd(days);
  const date::hh_mm_ss<std::chrono::seconds> time(local - days);
  const int year = static_cast<int>(ymd.year());
  if (year < 0 || year > 9999) return std::nullopt;
  std::string out;
  out.reserve(pattern.size() + 8);
  auto two = [&out](unsigned value) {
    out.push_back(static_cast<char>('0' + value / 10 % 10));
    out.push_back(static_cast<char>('0' + value % 10));
  };
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '%') {
      out.push_back(pattern[i]);
      continue;
    }
    if (++i == pattern.size()) return std::nullopt;
    switch (pattern[i]) {
      case 'Y': two(static_cast<unsigned>(year) / 100); two(static_cast<unsigned>(year) % 100); break;
      case 'm': two(static_cast<unsigned>(ymd.month())); break;
      case 'd': two(static_cast<unsigned>(ymd.day())); break;
      case 'H': two(static_cast<unsigned>(time.hours().count())); break;
      case 'M': two(static_cast<unsigned>(time.minutes().count())); break;
      case 'S': two(static_cast<unsigned>(time.seconds().count())); break;
      case '%': out.push_back('%'); break;
      default: return std::nullopt;
    }
  }
  return out;
}
}  // namespace

std::string format_local(std::string_view sql_utc, std::string_view pattern) {
  SystemTime time;
  if (!parse_sql_utc(sql_utc, time)) return std::string(sql_utc);
  auto local = date::make_zoned(display_zone(), std::chrono::floor<std::chrono::seconds>(time));
  if (auto plain = format_plain(local.get_local_time(), pattern)) return std::move(*plain);
  return date::format(std::string(pattern), local);
}

int current_year_local() {
  // Asked by every page (the footer's year, the key of kept pages): the zone conversion runs once a minute.
  static std::atomic<long long> cached{0};  // (unix minute << 16) | year
  const auto now = std::chrono::system_clock::now();
  const long long minute = std::chrono::duration_cast<std::chrono::minutes>(now.time_since_epoch()).count();
  long long known = cached.load(std::memory_order_relaxed);
  if (known >> 16 == minute) return static_cast<int>(known & 0xffff);
  auto local = date::make_zoned(display_zone(), std::chrono::floor<std::chrono::seconds>(now));
  auto days = std::chrono::floor<date::days>(local.get_local_time());
  int year = static_cast<int>(date::year_month_day(days).year());
  cached.store((minute << 16) | year, std::memory_order_relaxed);
  return year;
}

}  // namespace core
