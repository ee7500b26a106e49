// Clock and time-zone conversion (Howard Hinnant's date/tz over the system tzdata).
#include "core/clock.hpp"

#include <date/date.h>
#include <date/tz.h>

#include <atomic>
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

bool parse_sql_utc(std::string_view text, SystemTime& out) {
  std::istringstream in{std::string(text.substr(0, 19))};
  date::sys_seconds parsed;
  in >> date::parse("%F %T", parsed);
  if (in.fail()) return false;
  out = parsed;
  return true;
}

std::string format_local(std::string_view sql_utc, std::string_view pattern) {
  SystemTime time;
  if (!parse_sql_utc(sql_utc, time)) return std::string(sql_utc);
  auto local = date::make_zoned(display_zone(), std::chrono::floor<std::chrono::seconds>(time));
  return date::format(std::string(pattern), local);
}

int current_year_local() {
  auto local = date::make_zoned(display_zone(), std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
  auto days = std::chrono::floor<date::days>(local.get_local_time());
  return static_cast<int>(date::year_month_day(days).year());
}

}  // namespace core
