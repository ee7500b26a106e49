// spdlog-backed implementation of core/log.hpp (the only translation unit that includes spdlog), and the rule
// that logging never stops the app: a log file that cannot be opened or written (root-owned day file, full disk,
// missing permission) sends the lines to stderr (journald under systemd) and is retried once a minute.
#include "core/log.hpp"

#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/daily_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/pattern_formatter.h>
#include <spdlog/spdlog.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <filesystem>
#include <memory>
#include <mutex>

namespace core::log {

namespace {
std::shared_ptr<spdlog::logger> g_logger;
std::string g_environment = "local";
std::mutex g_init_mutex;

// ISO 8601 in UTC with its "Z": every log line (this log and the ops alert log, infra/alerts.cpp) is in the same
// zone and says which, whatever the server's TZ or APP_TIMEZONE.
constexpr const char* kPattern = "[%Y-%m-%dT%H:%M:%SZ] %v";
// How long a log file that failed stays bypassed before the next attempt to open it again.
constexpr auto kReopenInterval = std::chrono::seconds(60);
// Lines kept since the file's last successful flush (replayed on stderr when the flush fails, e.g. disk full);
// past this size the file is flushed early, so the copy stays small.
constexpr std::size_t kMaxUnflushed = 64 * 1024;

std::unique_ptr<spdlog::formatter> utc_formatter() {
  return std::make_unique<spdlog::pattern_formatter>(kPattern, spdlog::pattern_time_type::utc);
}

// Files we create are group-writable (deploy/ gives the log folder the service user's group, setgid): a
// command an operator runs as root then leaves a day file the services can still append to. chmod is not
// subject to the umask, so this holds whatever umask the root shell had.
void make_group_writable(const spdlog::filename_t&, std::FILE* file) {
  struct stat info {};
  int fd = fileno(file);
  if (fd < 0 || fstat(fd, &info) != 0 || info.st_uid != geteuid()) return;
  if ((info.st_mode & S_IWGRP) == 0) fchmod(fd, (info.st_mode & 07777) | S_IRGRP | S_IWGRP);
}

// The log file, or stderr while the file cannot be used. Never throws: spdlog's own error handler would
// only print a rate-limited notice and drop the line.
class FileOrStderrSink final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  FileOrStderrSink(std::string path, bool daily, bool stderr_mirrored)
      : path_(std::move(path)), daily_(daily), stderr_mirrored_(stderr_mirrored) {
    stderr_->set_formatter(utc_formatter());
    open_file();
  }

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    if (!file_ && std::chrono::steady_clock::now() >= next_attempt_) {
      open_file();
      if (file_) notice("log file writable again, logging there", "");
    }
    if (file_) {
      try {
        file_->log(msg);
        spdlog::memory_buf_t line;
        formatter_copy_->format(msg, line);
        unflushed_.append(line.data(), line.size());
        if (unflushed_.size() > kMaxUnflushed) flush_file();
        return;
      } catch (const std::exception& e) {
        drop_file(e.what());
      }
    }
    if (!stderr_mirrored_) stderr_->log(msg);
  }

  void flush_() override {
    if (file_) {
      try {
        flush_file();
      } catch (const std::exception& e) {
        drop_file(e.what());
      }
    }
    stderr_->flush();
  }

 private:
  void open_file() {
    try {
      std::error_code ignored;
      std::filesystem::create_directories(std::filesystem::path(path_).parent_path(), ignored);
      // One attempt of our own first: spdlog retries a failed open 5 times 10 ms apart, a stall we do not want
      // once a minute on whatever thread logs while the file stays unusable.
      std::string target = daily_ ? spdlog::sinks::daily_filename_calculator::calc_filename(
                                        path_, spdlog::details::os::localtime())
                                  : path_;
      int probe = ::open(target.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0666);
      if (probe < 0) throw std::runtime_error("cannot open " + target + ": " + std::strerror(errno));
      ::close(probe);
      spdlog::file_event_handlers events;
      events.after_open = make_group_writable;
      std::shared_ptr<spdlog::sinks::sink> sink;
      if (daily_)
        sink = std::make_shared<spdlog::sinks::daily_file_sink_st>(path_, 0, 0, false, 30, events);
      else
        sink = std::make_shared<spdlog::sinks::basic_file_sink_st>(path_, false, events);
      sink->set_formatter(utc_formatter());
      file_ = std::move(sink);
    } catch (const std::exception& e) {
      drop_file(e.what());
    }
  }

  void flush_file() {
    file_->flush();
    unflushed_.clear();
  }

  void drop_file(const std::string& error) {
    file_.reset();
    next_attempt_ = std::chrono::steady_clock::now() + kReopenInterval;
    notice("log file unusable, logging to stderr", error);
    // The lines the file may not have kept (its buffer could not be written): better twice than never.
    if (!stderr_mirrored_ && !unflushed_.empty()) {
      std::fwrite(unflushed_.data(), 1, unflushed_.size(), stderr);
      std::fflush(stderr);
    }
    unflushed_.clear();
  }

  // One line straight to stderr (not through the file) saying where the log went.
  void notice(const std::string& what, const std::string& error) {
    std::string line = g_environment + ".WARNING: " + what + " {\"path\":" + json_quote(path_);
    if (!error.empty()) line += ",\"error\":" + json_quote(error);
    line += "}";
    stderr_->log(spdlog::details::log_msg("nico", spdlog::level::warn, line));
    stderr_->flush();
  }

  std::string path_;
  bool daily_;
  bool stderr_mirrored_;  // the logger already copies every line to stderr (serve in a terminal)
  std::shared_ptr<spdlog::sinks::sink> file_;  // null while bypassed
  std::unique_ptr<spdlog::formatter> formatter_copy_ = utc_formatter();  // the file's format, for unflushed_
  std::string unflushed_;
  std::shared_ptr<spdlog::sinks::stderr_sink_st> stderr_ = std::make_shared<spdlog::sinks::stderr_sink_st>();
  std::chrono::steady_clock::time_point next_attempt_{};
};

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
      g_logger->set_pattern(kPattern, spdlog::pattern_time_type::utc);
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
  {
    std::lock_guard lock(g_init_mutex);
    g_environment = options.environment;  // before the file sink's first notice names it
  }
  std::vector<spdlog::sink_ptr> sinks;
  if (options.file_path.empty()) {
    sinks.push_back(std::make_shared<spdlog::sinks::stderr_sink_mt>());
  } else {
    sinks.push_back(std::make_shared<FileOrStderrSink>(options.file_path, options.daily, options.also_stderr));
    if (options.also_stderr) sinks.push_back(std::make_shared<spdlog::sinks::stderr_sink_mt>());
  }
  auto created = std::make_shared<spdlog::logger>("nico", sinks.begin(), sinks.end());
  created->set_pattern(kPattern, spdlog::pattern_time_type::utc);
  created->set_level(to_spdlog(options.level));
  created->flush_on(spdlog::level::warn);
  std::lock_guard lock(g_init_mutex);
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
