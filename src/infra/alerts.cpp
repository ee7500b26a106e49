// Alert channels (see alerts.hpp).
#include "infra/alerts.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <stdexcept>
#include <vector>

#include "core/clock.hpp"
#include "core/config.hpp"
#include "core/log.hpp"
#include "core/strings.hpp"
#include "infra/alert_fallback.hpp"
#include "infra/http_post.hpp"

namespace infra {

namespace {
std::mutex g_daily_file_mutex;  // one writer at a time per process; lines are appended whole (O_APPEND)

int level_rank(const std::string& level) {
  static const char* kLevels[] = {"debug", "info", "notice", "warning", "error", "critical", "alert", "emergency"};
  for (int i = 0; i < 8; ++i) {
    if (level == kLevels[i]) return i;
  }
  return 5;
}

std::string context_json(const AlertRecord& record) {
  std::string out = "{";
  for (const auto& [key, value] : record.context) {
    if (out.size() > 1) out += ",";
    out += core::json_quote(key) + ":" + core::json_quote(value);
  }
  return out + "}";
}
}  // namespace

AlertChannels::AlertChannels(const core::Config& config, JobDispatcher dispatcher)
    : config_(config), dispatcher_(std::move(dispatcher)) {}

bool AlertChannels::is_known(std::string_view channel) {
  return channel == "ops_alerts" || channel == "ops_daily" || channel == "ops_slack";
}

bool AlertChannels::level_allows_critical() const { return level_rank(config_.str("OPS_ALERT_LEVEL")) <= 5; }

void AlertChannels::write(const std::string& channel, const AlertRecord& record, const AlertKey& key) const {
  if (!is_known(channel)) throw std::runtime_error("Unknown alert channel `" + channel + "`.");
  if (!level_allows_critical()) return;  // OPS_ALERT_LEVEL above critical filters every alert out
  if (channel == "ops_daily") return write_daily(record);
  if (channel == "ops_slack") return send_webhook(record, key);
  // ops_alerts: the stack. Every member is tried; the first failure is reported after the others ran.
  std::string first_error;
  for (const auto& member : config_.list("OPS_ALERT_STACK")) {
    if (member == "ops_alerts" || !is_known(member)) {
      core::log::warning("unknown channel in OPS_ALERT_STACK", {{"channel", member}});
      continue;
    }
    try {
      write(member, record, key);
    } catch (const std::exception& e) {
      if (first_error.empty()) first_error = member + ": " + e.what();
    }
  }
  if (!first_error.empty()) throw std::runtime_error(first_error);
}

void AlertChannels::write_daily(const AlertRecord& record) const {
  auto folder = config_.storage_path("logs");
  std::filesystem::create_directories(folder);
  std::string utc = core::to_sql_utc(std::chrono::system_clock::from_time_t(record.unix_time));
  // The file is named by the shop's day (APP_TIMEZONE); the line's time is UTC with its "Z", like every line of
  // the application log (core/log.cpp), so the two logs can be read side by side.
  std::string day = core::format_local(utc, "%Y-%m-%d");
  auto file = folder / ("ops-alerts-" + day + ".log");
  std::string stamp = utc;
  stamp[10] = 'T';
  stamp += 'Z';
  std::string line = "[" + stamp + "] " + config_.str("APP_ENV") + "." + record.level + ": " + record.message;
  if (!record.context.empty()) line += " " + context_json(record);
  line += "\n";

  std::lock_guard lock(g_daily_file_mutex);
  bool created = !std::filesystem::exists(file);
  std::ofstream out(file, std::ios::app);
  out << line;
  if (!out.flush()) throw std::runtime_error("cannot write " + file.string());
  if (created) {
    // Group-writable whatever the umask (a root shell's 022): the services share storage/logs by group.
    std::error_code ignored;
    std::filesystem::permissions(file, std::filesystem::perms::group_read | std::filesystem::perms::group_write,
                                 std::filesystem::perm_options::add, ignored);
  }

  // Keep the newest OPS_ALERT_DAILY_DAYS files (0 = keep all).
  auto keep = config_.integer("OPS_ALERT_DAILY_DAYS");
  if (keep <= 0) return;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    std::string name = entry.path().filename().string();
    if (name.rfind("ops-alerts-", 0) == 0 && entry.path().extension() == ".log") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());  // names sort by date
  for (std::size_t i = 0; i + static_cast<std::size_t>(keep) < files.size(); ++i) std::filesystem::remove(files[i]);
}

void AlertChannels::send_webhook(const AlertRecord& record, const AlertKey& key) const {
  if (config_.str("OPS_ALERT_WEBHOOK_URL").empty()) throw std::runtime_error("OPS_ALERT_WEBHOOK_URL is empty");
  std::string body = slack_webhook_json(record, config_.str("OPS_ALERT_USERNAME"), config_.str("OPS_ALERT_EMOJI"));
  dispatch(kWebhookJob, body, key);
}

void AlertChannels::send_to_sentry(const SentryEvent& event, const AlertKey& key) const {
  auto dsn = parse_sentry_dsn(config_.str("SENTRY_DSN"));
  dispatch(kSentryJob, sentry_envelope(dsn, event), key);
}

void AlertChannels::dispatch(const char* job_name, const std::string& payload, const AlertKey& key) const {
  if (!dispatcher_) return deliver_alert_job(config_, job_name, payload);
  try {
    dispatcher_(job_name, payload);
  } catch (const std::exception& e) {
    if (!fallback_) throw;
    fallback_->take(job_name, payload, key, e.what());
  }
}

void deliver_webhook_job(const core::Config& config, const std::string& payload) {
  const std::string& url = config.str("OPS_ALERT_WEBHOOK_URL");
  if (url.empty()) throw std::runtime_error("OPS_ALERT_WEBHOOK_URL is empty");
  auto result = http_post(url, payload, {"Content-Type: application/json"});
  if (result.status < 200 || result.status >= 300)
    throw std::runtime_error("webhook answered HTTP " + std::to_string(result.status));
}

void deliver_sentry_job(const core::Config& config, const std::string& payload) {
  auto dsn = parse_sentry_dsn(config.str("SENTRY_DSN"));
  auto result = http_post(dsn.envelope_url(), payload, {"Content-Type: application/x-sentry-envelope", dsn.auth_header()});
  if (result.status < 200 || result.status >= 300)
    throw std::runtime_error("Sentry answered HTTP " + std::to_string(result.status));
}

void deliver_alert_job(const core::Config& config, const std::string& job_name, const std::string& payload) {
  if (job_name == kWebhookJob) return deliver_webhook_job(config, payload);
  if (job_name == kSentryJob) return deliver_sentry_job(config, payload);
  throw std::invalid_argument("not an alert job: " + job_name);
}

}  // namespace infra
