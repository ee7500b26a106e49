// spdlog-backed implementation of core/log.hpp (the only translation unit that includes spdlog).
#include "core/log.hpp"

#include <spdlog/sinks/daily_file_sink.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <filesystem>
#include <memory>
#include <mutex>

namespace core::log {

namespace {
std::shared_ptr<spdlog::logger> g_logger;
std::string g_environment = "local";
std::mutex g_init_mutex;

spdlog::level::level_enum to_spdlog(Level level) {
  switch (level) {
    case Level::kDebug: return spdlog::level::debug;
    case Level::kInfo: return spdlog::level::info;
    case Level::kNotice: return spdlog::level::info;
    case Level::kWarning: return spdlog::level::warn;
    case Level::kError: return spdlog::level::err;
    case Level::kCritical: return spdlog::level::critical;
  }
  return spdlog::level::info;
}

const char* level_name(Level level) {
  switch (level) {
    case Level::kDebug: return "DEBUG";
    case Level::kInfo: return "INFO";
    case Level::kNotice: return "NOTICE";
    case Level::kWarning: return "WARNING";
    case Level::kError: return "ERROR";
    case Level::kCritical: return "CRITICAL";
  }
  return "INFO";
}

std::shared_ptr<spdlog::logger> logger() {
  if (!g_logger) {
    std::lock_guard lock(g_init_mutex);
    if (!g_logger) {
      g_logger = std::make_shared<spdlog::logger>("nico", std::make_shared<spdlog::sinks::stderr_sink_mt>());
      g_logger->set_pattern("[%Y-%m-%d %H:%M:%S] %v", spdlog::pattern_time_type::utc);
    }
  }
  return g_logger;
}
}  // namespace

Level parse_level(std::string_view name) {
  if (name == "debug") return Level::kDebug;
  if (name == "notice") return Level::kNotice;
  if (name == "warning") return Level::kWarning;
  if (name == "error") return Level::kError;
  if (name == "critical" || name == "alert" || name == "emergency") return Level::kCritical;
  return Level::kInfo;
}

void init(const Options& options) {
  std::vector<spdlog::sink_ptr> sinks;
  if (options.file_path.empty()) {
    sinks.push_back(std::make_shared<spdlog::sinks::stderr_sink_mt>());
  } else {
    std::filesystem::create_directories(std::filesystem::path(options.file_path).parent_path());
    if (options.daily)
      sinks.push_back(std::make_shared<spdlog::sinks::daily_file_sink_mt>(options.file_path, 0, 0, false, 30));
    else
      sinks.push_back(std::make_shared<spdlog::sinks::basic_file_sink_mt>(options.file_path));
    if (options.also_stderr) sinks.push_back(std::make_shared<spdlog::sinks::stderr_sink_mt>());
  }
  auto created = std::make_shared<spdlog::logger>("nico", sinks.begin(), sinks.end());
  created->set_pattern("[%Y-%m-%d %H:%M:%S] %v", spdlog::pattern_time_type::utc);
  created->set_level(to_spdlog(options.level));
  created->flush_on(spdlog::level::warn);
  std::lock_guard lock(g_init_mutex);
  g_environment = options.environment;
  g_logger = created;
}

void write(Level level, std::string_view message, std::initializer_list<Field> context) {
  auto target = logger();
  auto spd_level = to_spdlog(level);
  if (!target->should_log(spd_level)) return;
  std::string line = g_environment;
  line += '.';
  line += level_name(level);
  line += ": ";
  line += message;
  if (context.size() > 0) {
    line += " {";
    bool first = true;
    for (const auto& [key, value] : context) {
      if (!first) line += ',';
      first = false;
      line += json_quote(key);
      line += ':';
      line += json_quote(value);
    }
    line += '}';
  }
  target->log(spd_level, line);
}

void flush() { logger()->flush(); }

}  // namespace core::log

namespace core {

std::string json_quote(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size() + 2);
  out.push_back('"');
  for (unsigned char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out.push_back(kHex[c >> 4]);
          out.push_back(kHex[c & 0xF]);
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
  out.push_back('"');
  return out;
}

}  // namespace core
