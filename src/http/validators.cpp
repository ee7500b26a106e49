// File validators and conditional GET (see validators.hpp).
#include "http/validators.hpp"

#include <time.h>

#include <array>
#include <cstdio>

#include "core/strings.hpp"

namespace http {

namespace {

std::string hex(std::uint64_t value) {
  char text[17];
  std::snprintf(text, sizeof text, "%llx", static_cast<unsigned long long>(value));
  return text;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// The opaque tag of one entity-tag ("W/" dropped: If-None-Match compares weakly), or "" when malformed.
std::string_view opaque_tag(std::string_view tag) {
  tag = trim(tag);
  if (tag.substr(0, 2) == "W/") tag.remove_prefix(2);
  if (tag.size() < 2 || tag.front() != '"' || tag.back() != '"') return {};
  return tag;
}

bool none_match_hits(std::string_view header, std::string_view etag) {
  if (trim(header) == "*") return true;
  std::string_view mine = opaque_tag(etag);
  while (!header.empty()) {
    std::size_t comma = header.find(',');
    std::string_view tag = opaque_tag(header.substr(0, comma));
    if (!tag.empty() && tag == mine) return true;
    if (comma == std::string_view::npos) break;
    header.remove_prefix(comma + 1);
  }
  return false;
}

}  // namespace

FileValidators file_validators(std::uintmax_t size, std::int64_t modified_ns) {
  FileValidators validators;
  validators.etag = '"' + hex(static_cast<std::uint64_t>(modified_ns)) + '-' + hex(size) + '"';
  validators.modified_seconds = modified_ns / 1'000'000'000;
  validators.last_modified = http_date(validators.modified_seconds);
  return validators;
}

std::string http_date(std::int64_t unix_seconds) {
  static constexpr std::array<const char*, 7> kDays{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  time_t seconds = static_cast<time_t>(unix_seconds);
  struct tm utc {};
  gmtime_r(&seconds, &utc);
  char text[40];
  std::snprintf(text, sizeof text, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[utc.tm_wday], utc.tm_mday,
                kMonths[utc.tm_mon], utc.tm_year + 1900, utc.tm_hour, utc.tm_min, utc.tm_sec);
  return text;
}

std::string_view http_date_now() {
  thread_local std::int64_t formatted_second = -1;
  thread_local std::string formatted;
  const std::int64_t now = static_cast<std::int64_t>(::time(nullptr));
  if (now != formatted_second) {
    formatted = http_date(now);
    formatted_second = now;
  }
  return formatted;
}

std::optional<std::int64_t> parse_http_date(std::string_view text) {
  std::string value(trim(text));
  // RFC 9110 §5.6.7: IMF-fixdate, then the obsolete RFC 850 and asctime forms a recipient must still accept.
  // strptime reads English names here: the server never calls setlocale, so LC_TIME stays "C".
  for (const char* format : {"%a, %d %b %Y %H:%M:%S GMT", "%A, %d-%b-%y %H:%M:%S GMT", "%a %b %e %H:%M:%S %Y"}) {
    struct tm parsed {};
    const char* end = strptime(value.c_str(), format, &parsed);
    if (end && *end == '\0') return static_cast<std::int64_t>(timegm(&parsed));
  }
  return std::nullopt;
}

bool is_not_modified(const Request& request, const FileValidators& validators) {
  if (request.method != "GET" && request.method != "HEAD") return false;
  // Every field line counts (RFC 9110 §5.3: a list may be split over several): If-None-Match, when present in any
  // of them, decides alone; If-Modified-Since is used only as a single date (§13.1.3: more than one is ignored).
  bool none_match_present = false;
  int dates = 0;
  std::string_view since;
  for (const auto& header : request.headers) {
    if (core::equals_ci(header.name, "if-none-match")) {
      none_match_present = true;
      if (none_match_hits(header.value, validators.etag)) return true;
    } else if (core::equals_ci(header.name, "if-modified-since")) {
      ++dates;
      since = header.value;
    }
  }
  if (none_match_present || dates != 1) return false;
  auto date = parse_http_date(since);
  return date && validators.modified_seconds <= *date;
}

}  // namespace http
