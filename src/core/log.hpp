// Application log. One line per event in the Laravel-style format the ops guide describes, the time in UTC (ISO
// 8601 with "Z", like the ops alert log):
//   [2026-11-27T21:05:00Z] production.ERROR: message {"key":"value"}
// The context is a flat list of key/value pairs rendered as a JSON object with proper escaping.
// Thread-safe; spdlog stays behind this header. Logging never stops the app: init() does not throw, and a log
// file that cannot be opened or written sends the lines to stderr (journald) until it works again.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace core::log {

enum class Level { kDebug, kInfo, kNotice, kWarning, kError, kCritical };

using Field = std::pair<std::string_view, std::string_view>;

struct Options {
  std::string environment = "local";  // channel name shown in each line
  std::string file_path;              // empty → stderr; unusable → stderr, opened again after a minute
  bool daily = false;                 // rotate per day (file-daily-YYYY-MM-DD.log)
  Level level = Level::kInfo;
  bool also_stderr = false;           // mirror to stderr (serve in a terminal)
};

void init(const Options& options);
Level parse_level(std::string_view name);  // unknown → kInfo

void write(Level level, std::string_view message, std::initializer_list<Field> context = {});
inline void debug(std::string_view m, std::initializer_list<Field> c = {}) { write(Level::kDebug, m, c); }
inline void info(std::string_view m, std::initializer_list<Field> c = {}) { write(Level::kInfo, m, c); }
inline void warning(std::string_view m, std::initializer_list<Field> c = {}) { write(Level::kWarning, m, c); }
inline void error(std::string_view m, std::initializer_list<Field> c = {}) { write(Level::kError, m, c); }
inline void critical(std::string_view m, std::initializer_list<Field> c = {}) { write(Level::kCritical, m, c); }

void flush();

}  // namespace core::log

namespace core {
// "a\"b" → "\"a\\\"b\"": a JSON string literal with control characters escaped.
std::string json_quote(std::string_view text);
}  // namespace core
