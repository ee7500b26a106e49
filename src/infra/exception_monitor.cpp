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
#include "infra/alert_fallback.hpp"
#include "infra/alert_spool.hpp"
#include "infra/cache.hpp"
#include "infra/stores.hpp"

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

std::string fingerprint_message(const std::string& message) {
  std::string text = message.substr(0, message.find("\" with :"));
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    bool digit = c >= '0' && c <= '9';
    if (digit && !out.empty() && out.back() == '#') continue;
    out.push_back(digit ? '#' : c);
  }
  return out;
}

std::string demangle(const char* mangled) {
  int status = 0;
  std::unique_ptr<char, void (*)(void*)> name(abi::__cxa_demangle(mangled, nullptr, nullptr, &status), std::free);
  return status == 0 && name ? std::string(name.get()) : std::string(mangled);
}

ExceptionMonitor::ExceptionMonitor(const core::Config& config, db::Database* database, JobDispatcher dispatcher)
    : config_(config),
      database_(database),
      node_dedupe_(alert_dedupe_folder(config)),
      channels_(config, dispatcher) {
  if (dispatcher) {
    fallback_ = std::make_unique<AlertFallback>(config, dedupe_, node_dedupe_, AlertSpool(alert_spool_folder(config)));
    channels_.set_fallback(fallback_.get());
  }
}

ExceptionMonitor::~ExceptionMonitor() = default;

bool ExceptionMonitor::report(const ErrorReport& error) const {
  try {
    if (!config_.boolean("MONITORING_ENABLED")) return false;
    if (error.http_status && ignored_status(error.http_status)) return false;

    // Keyed like the cache entry of the reference (monitoring:alert:<sha1>), with its window; the message without
    // what varies per request.
    std::string fingerprint = error.exception_class + "|" + fingerprint_message(error.message) + "|" + error.file +
                              "|" + std::to_string(error.line) + "|" + error.path;
    auto minutes = std::max<std::int64_t>(0, config_.integer("OPS_ALERTS_DEDUPE_MINUTES"));
    AlertKey key{core::sha1_hex(fingerprint), std::chrono::seconds(minutes * 60)};

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
        channels_.send_to_sentry(event, key);  // de-duplicated only on the fallback path
      } catch (const std::exception& e) {
        core::log::warning("Sentry capture failed", {{"error", e.what()}});
      }
    }

    if (!config_.boolean("OPS_ALERTS_ENABLED")) return false;
    if (minutes > 0) {
      // This process first: it is what still works with the database down, and it keeps an alert sent during
      // an outage from being sent again by the database path inside the same window.
      std::string claim = "alert:" + key.hash;
      if (!dedupe_.claim(claim, key.window)) return false;
      bool decided_by_database = false;
      if (database_) {
        try {
          Cache cache = make_cache(config_, *database_);
          if (!cache.add("monitoring:alert:" + key.hash, "1", minutes * 60)) {
            dedupe_.release(claim);  // another process alerted: its window, not ours, decides the next one
            return false;
          }
          decided_by_database = true;
        } catch (const std::exception& e) {
          core::log::warning("alert de-duplication in the database unavailable, de-duplicated on this server",
                             {{"error", std::string(e.what()).substr(0, 300)}});
        }
      }
      // Without the database, the other processes of this server (commands restarted every minute or seconds
      // during an outage) must not alert again either.
      if (!decided_by_database && !node_dedupe_.claim(claim, key.window)) return false;
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
    channels_.write(channel, record, key);
    return true;
  } catch (const std::exception& e) {
    core::log::error("ops alert could not be written", {{"error", e.what()}});
    return false;
  }
}

}  // namespace infra
