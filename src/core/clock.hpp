// Time: the database stores UTC as "YYYY-MM-DD HH:MM:SS"; people see America/Argentina/Cordoba.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace core {

using SystemTime = std::chrono::system_clock::time_point;

std::int64_t unix_now();
std::string utc_now_sql();  // "2026-11-27 21:05:00"
std::string to_sql_utc(SystemTime time);
// Parses "YYYY-MM-DD HH:MM:SS" (UTC); returns false on malformed text.
bool parse_sql_utc(std::string_view text, SystemTime& out);
// Formats a UTC SQL timestamp in the shop's time zone with a strftime-like pattern ("%d/%m/%Y %H:%M").
std::string format_local(std::string_view sql_utc, std::string_view pattern = "%d/%m/%Y %H:%M");
int current_year_local();

// Sets the display time zone (APP_TIMEZONE). Throws std::runtime_error for an unknown zone.
void set_display_time_zone(const std::string& name);

}  // namespace core
