// Exception monitor (see exception_monitor.hpp).
#include "infra/exception_monitor.hpp"

#include <cxxabi.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <memory>

#include "core/clock.hpp"
#include "core/config.hpp"
#include "core/crypto.hpp"
#include "core/log.hpp"
#include "core/strings.hpp"
#include "core/version.hpp"
#include "infra/cache.hpp"

namespace infra {

namespace {
// Answers, not incidents (docs/domain/operations.md "Error monitoring").
bool ignored_status(int status) {
  for (int ignored : {401, 403, 404, 405, 419, 422, 429}) {
    if (status == ignored) return true;
  }
  return false;
}

std::string limit(std::string text, std::size_t max) {
  for (auto& c : text) {
    if (c == '\r' || c == '\n') c = ' ';
  }
  if (core::utf8_length(text) <= max) return text;
  std::size_t bytes = 0, chars = 0;
  while (bytes < text.size() && chars < max) {
    ++bytes;
    while (bytes < text.size() && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) ++bytes;
    ++chars;
  }
  return core::trim(text.substr(0, bytes)) + "...";
}

std::string host_name() {
  char buffer[256] = {0};
  gethostname(buffer, sizeof buffer - 1);
  return buffer;
}
}  // namespace

std::string demangle(const char* mangled) {
  int status = 0;
  std::unique_ptr<char, void (*)(void*)> name(abi::__cxa_demangle(mangled, nullptr, nullptr, &status), std::free);
  return status == 0 && name ? std::string(name.get()) : std::string(mangled);
}

ExceptionMonitor::ExceptionMonitor(const core::Config& config, db::Database* database, JobDispatcher dispatcher)
    : config_(config), database_(database), channels_(config, std::move(dispatcher)) {}

bool ExceptionMonitor::report(const ErrorReport& error) const {
  try {
    if (!config_.boolean("MONITORING_ENABLED")) return false;
    if (error.http_status && ignored_status(error.http_status)) return false;

    if (!core::trim(config_.str("SENTRY_DSN")).empty()) {
      try {
        SentryEvent event;
        event.event_id = core::hex_encode(core::random_bytes(16));
        event.exception_type = error.exception_class;
        event.message = error.message;
        event.environment = config_.str("APP_ENV");
        event.release = std::string("nicoreparaciones@") + core::kAppVersion;
        event.server_name = host_name();
        event.unix_time = core::unix_now();
        if (!error.url.empty()) event.tags.emplace_back("url", error.url);
        if (!error.method.empty()) event.tags.emplace_back("method", error.method);
        if (!error.file.empty()) event.tags.emplace_back("where", error.file);
        if (error.user_id) event.tags.emplace_back("user_id", std::to_string(*error.user_id));
        channels_.send_to_sentry(event);
      } catch (const std::exception& e) {
        core::log::warning("Sentry capture failed", {{"error", e.what()}});
      }
    }

    if (!config_.boolean("OPS_ALERTS_ENABLED")) return false;
    auto minutes = std::max<std::int64_t>(0, config_.integer("OPS_ALERTS_DEDUPE_MINUTES"));
    if (minutes > 0 && database_) {
      std::string fingerprint = error.exception_class + "|" + error.message + "|" + error.file + "|" +
                                std::to_string(error.line) + "|" + error.path;
      try {
        Cache cache(*database_, config_.str("CACHE_PREFIX"));
        if (!cache.add("monitoring:alert:" + core::sha1_hex(fingerprint), "1", minutes * 60)) return false;
      } catch (const std::exception& e) {
        // A broken cache must not silence alerts: let this one through.
        core::log::warning("alert de-duplication unavailable", {{"error", e.what()}});
      }
    }

    std::string channel = core::trim(config_.str("OPS_ALERTS_CHANNEL"));
    if (channel.empty()) return false;
    AlertRecord record;
    record.message = "Unhandled exception: " + error.exception_class;
    record.unix_time = core::unix_now();
    record.context = {{"exception_class", error.exception_class},
                      {"message", limit(error.message, 300)},
                      {"file", error.file},
                      {"line", std::to_string(error.line)},
                      {"url", error.url},
                      {"method", error.method},
                      {"ip", error.ip},
                      {"user_id", error.user_id ? std::to_string(*error.user_id) : ""},
                      {"environment", config_.str("APP_ENV")}};
    channels_.write(channel, record);
    return true;
  } catch (const std::exception& e) {
    core::log::error("ops alert could not be written", {{"error", e.what()}});
    return false;
  }
}

}  // namespace infra
