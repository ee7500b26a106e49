// Value normalisation for the portable export (see value.hpp).
#include "db/portability/value.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <ctime>
#include <limits>

namespace db::portability {

namespace {

bool digits_at(std::string_view text, std::size_t at, std::size_t count, int& out) {
  if (at + count > text.size()) return false;
  int value = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
    value = value * 10 + (text[i] - '0');
  }
  out = value;
  return true;
}

bool is_canonical(std::string_view text) {
  // YYYY-MM-DD HH:MM:SS
  if (text.size() != 19) return false;
  for (std::size_t i = 0; i < 19; ++i) {
    char c = text[i];
    bool ok = (i == 4 || i == 7) ? c == '-' : i == 10 ? c == ' ' : (i == 13 || i == 16) ? c == ':'
                                                                                           : std::isdigit(static_cast<unsigned char>(c)) != 0;
    if (!ok) return false;
  }
  return true;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

Value number_from_double(double value) {
  if (std::isfinite(value) && std::trunc(value) == value && std::fabs(value) < 9.0e15)
    return static_cast<std::int64_t>(value);
  return value;
}

Value number_from_integer_text(std::string_view text) {
  std::int64_t signed_value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), signed_value);
  if (error == std::errc() && end == text.data() + text.size()) return signed_value;
  std::uint64_t unsigned_value = 0;
  auto [uend, uerror] = std::from_chars(text.data(), text.data() + text.size(), unsigned_value);
  if (uerror == std::errc() && uend == text.data() + text.size()) return unsigned_value;
  return std::string(text);
}

Value number_from_decimal_text(std::string_view text) {
  // Plain decimal: optional sign, digits, optional '.' and digits.
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
  std::size_t int_start = i;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
  std::size_t int_end = i;
  bool fractional = false;
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
      if (text[i] != '0') fractional = true;
      ++i;
    }
  }
  if (i != text.size() || int_end == int_start) {
    // Not a plain decimal (exponent, NaN, text): let strtod decide, else keep the text.
    std::string copy(text);
    char* parsed_end = nullptr;
    double value = std::strtod(copy.c_str(), &parsed_end);
    if (!copy.empty() && parsed_end == copy.c_str() + copy.size() && std::isfinite(value))
      return number_from_double(value);
    return std::string(text);
  }
  if (!fractional) {
    std::string integral(text.substr(0, int_end));
    if (!integral.empty() && integral[0] == '+') integral.erase(0, 1);
    Value whole = number_from_integer_text(integral);
    if (integral == "-0") return std::int64_t{0};
    if (!std::holds_alternative<std::string>(whole)) return whole;
  }
  std::string copy(text);
  return number_from_double(std::strtod(copy.c_str(), nullptr));
}

std::string normalize_datetime(std::string_view text) {
  if (is_canonical(text)) return std::string(text);
  int year, month, day, hour, minute, second = 0;
  if (!digits_at(text, 0, 4, year) || text.size() < 16 || text[4] != '-' || !digits_at(text, 5, 2, month) ||
      text[7] != '-' || !digits_at(text, 8, 2, day) || (text[10] != ' ' && text[10] != 'T') ||
      !digits_at(text, 11, 2, hour) || text[13] != ':' || !digits_at(text, 14, 2, minute))
    return std::string(text);
  std::size_t at = 16;
  if (at < text.size() && text[at] == ':') {
    if (!digits_at(text, at + 1, 2, second)) return std::string(text);
    at += 3;
    if (at < text.size() && text[at] == '.') {
      ++at;
      std::size_t digits = 0;
      while (at < text.size() && std::isdigit(static_cast<unsigned char>(text[at]))) ++at, ++digits;
      if (digits == 0) return std::string(text);
    }
  }
  long offset_seconds = 0;
  if (at < text.size()) {
    std::string_view zone = text.substr(at);
    if (zone == "Z" || zone == "z") {
      // UTC
    } else if ((zone[0] == '+' || zone[0] == '-') && (zone.size() == 6 || zone.size() == 5 || zone.size() == 3)) {
      int zone_hours = 0, zone_minutes = 0;
      if (!digits_at(zone, 1, 2, zone_hours)) return std::string(text);
      if (zone.size() == 6 && (zone[3] != ':' || !digits_at(zone, 4, 2, zone_minutes))) return std::string(text);
      if (zone.size() == 5 && !digits_at(zone, 3, 2, zone_minutes)) return std::string(text);
      offset_seconds = (zone_hours * 3600L + zone_minutes * 60L) * (zone[0] == '-' ? -1 : 1);
    } else {
      return std::string(text);
    }
  }
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return std::string(text);
  std::tm parts{};
  parts.tm_year = year - 1900;
  parts.tm_mon = month - 1;
  parts.tm_mday = day;
  parts.tm_hour = hour;
  parts.tm_min = minute;
  parts.tm_sec = second;
  std::time_t utc = timegm(&parts) - offset_seconds;
  std::tm out{};
  gmtime_r(&utc, &out);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M:%S", &out);
  return buffer;
}

bool is_datetime_column(std::string_view column_name, std::string_view declared_type) {
  std::string type = lower(declared_type);
  if (type.find("date") != std::string::npos || type.find("time") != std::string::npos) return true;
  bool textual = type.empty() || type.find("text") != std::string::npos || type.find("char") != std::string::npos;
  return textual && column_name.size() > 3 && column_name.substr(column_name.size() - 3) == "_at";
}

}  // namespace db::portability
