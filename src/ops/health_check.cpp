// Health check rows (see health_check.hpp). Row order: the reference's 25, then ours.
#include "ops/health_check.hpp"

#include <arpa/inet.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <optional>

#include "core/clock.hpp"
#include "core/config.hpp"
#include "domain/alerts/kpi_delivery.hpp"
#include "core/crypto.hpp"
#include "core/ip_rules.hpp"
#include "core/log.hpp"
#include "core/strings.hpp"
#include "db/database.hpp"
#include "db/migrator.hpp"
#include "ops/backup.hpp"
#include "ops/database_probe.hpp"
#include "ops/maintenance.hpp"
#include "ops/maintenance_watch.hpp"
#include "domain/audit/audit_chain.hpp"
#include "infra/cache.hpp"
#include "infra/redis_client.hpp"
#include "infra/store_unavailable.hpp"
#include "infra/stores.hpp"

namespace ops {

namespace {

constexpr int kHeartbeatStaleSeconds = 5 * 60;
constexpr double kDiskWarnPercent = 15.0;
constexpr double kDiskFailPercent = 5.0;
constexpr std::int64_t kBackupWarnSeconds = 26 * 3600;

const std::vector<std::string> kCoreTables = {"users",      "orders",              "order_items",
                                              "repairs",    "audit_logs",          "order_whatsapp_logs",
                                              "repair_whatsapp_logs"};

// Free space of the filesystem holding `path` (or its nearest existing parent), in percent.
double free_percent(std::filesystem::path path) {
  while (!path.empty() && !std::filesystem::exists(path)) path = path.parent_path();
  struct statvfs stats {};
  if (statvfs(path.empty() ? "/" : path.c_str(), &stats) != 0) throw std::runtime_error("statvfs failed");
  if (stats.f_blocks == 0) return 100.0;
  return 100.0 * static_cast<double>(stats.f_bavail) / static_cast<double>(stats.f_blocks);
}

std::string directory_problem(const std::filesystem::path& path) {
  if (!std::filesystem::is_directory(path)) return "Directory does not exist: " + path.string();
  if (access(path.c_str(), W_OK) != 0) return "Directory is not writable: " + path.string();
  return {};
}

std::string format_age(std::int64_t seconds) {
  if (seconds < 3600) return std::to_string(seconds / 60) + " min";
  return std::to_string(seconds / 3600) + " h";
}

// Connects to host:port and waits for the SMTP "220" greeting (3 s budget).
std::string smtp_greeting(const std::string& host, int port) {
  addrinfo hints{}, *found = nullptr;
  hints.ai_socktype = SOCK_STREAM;
  if (getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found) != 0 || !found)
    throw std::runtime_error("cannot resolve " + host);
  int fd = socket(found->ai_family, SOCK_STREAM, 0);
  bool connected = fd >= 0 && connect(fd, found->ai_addr, found->ai_addrlen) == 0;
  freeaddrinfo(found);
  if (!connected) {
    if (fd >= 0) close(fd);
    throw std::runtime_error("cannot connect to " + host + ":" + std::to_string(port));
  }
  std::string greeting;
  pollfd pfd{fd, POLLIN, 0};
  if (poll(&pfd, 1, 3000) > 0) {
    char buffer[256];
    ssize_t n = read(fd, buffer, sizeof buffer);
    if (n > 0) greeting.assign(buffer, static_cast<std::size_t>(n));
  }
  const char quit[] = "QUIT\r\n";
  (void)!write(fd, quit, sizeof quit - 1);
  close(fd);
  return core::trim(greeting.substr(0, greeting.find('\r')));
}

class Checker {
 public:
  Checker(const core::Config& config, const HealthCheckOptions& options)
      : config_(config), production_(config.is_production() || options.assume_production) {}

  HealthReport run() {
    configuration_rows();
    database_rows();
    runtime_rows();
    return std::move(report_);
  }

  // The database rows against a given connection (a restored copy), without opening the configured one.
  HealthReport run_on(db::Database& database) {
    database_ = &database;
    database_rows();
    migration_row();
    audit_chain_row();
    return std::move(report_);
  }

 private:
  void add(CheckStatus status, std::string check, std::string details) {
    report_.rows.push_back({status, std::move(check), std::move(details)});
  }
  // Runs one check; an exception becomes a FAIL row for it.
  void guarded(const std::string& check, const std::function<void()>& body) {
    try {
      body();
    } catch (const std::exception& e) {
      add(CheckStatus::kFail, check, sanitise_error(e.what()));
    }
  }

  void configuration_rows() {
    std::string key = core::trim(config_.str("APP_KEY"));
    if (key.empty() || key == "base64:") add(CheckStatus::kFail, "APP_KEY", "APP_KEY is missing. Generate one with `nico key:generate`.");
    else add(CheckStatus::kOk, "APP_KEY", "Configured.");

    bool debug = config_.boolean("APP_DEBUG");
    if (production_ && debug) add(CheckStatus::kFail, "APP_DEBUG", "APP_DEBUG must be false in production.");
    else if (debug) add(CheckStatus::kWarn, "APP_DEBUG", "Enabled (expected in local/dev, disable in production).");
    else add(CheckStatus::kOk, "APP_DEBUG", "Safe value.");

    std::string url = core::trim(config_.str("APP_URL"));
    if (url.empty()) add(CheckStatus::kFail, "APP_URL", "APP_URL is empty.");
    else if (production_ && !core::starts_with_ci(url, "https://")) add(CheckStatus::kFail, "APP_URL", "Production APP_URL must use HTTPS.");
    else add(CheckStatus::kOk, "APP_URL", url);

    if (!config_.boolean("SECURITY_HEADERS_ENABLED"))
      add(production_ ? CheckStatus::kFail : CheckStatus::kWarn, "Security headers", "Disabled. Enable SECURITY_HEADERS_ENABLED=true.");
    else add(CheckStatus::kOk, "Security headers", "Enabled.");

    if (!config_.boolean("SECURITY_CSP_ENABLED"))
      add(CheckStatus::kWarn, "Content-Security-Policy", "Disabled. Enable SECURITY_CSP_ENABLED=true.");
    else add(CheckStatus::kOk, "Content-Security-Policy", "Enabled.");

    bool secure = config_.boolean("SESSION_SECURE_COOKIE");
    if (production_ && !secure) add(CheckStatus::kFail, "SESSION_SECURE_COOKIE", "Must be true in production.");
    else if (!secure) add(CheckStatus::kWarn, "SESSION_SECURE_COOKIE", "False (acceptable in local HTTP only).");
    else add(CheckStatus::kOk, "SESSION_SECURE_COOKIE", "Enabled.");

    auto emails = config_.list("ADMIN_ALLOWED_EMAILS");
    auto ips = config_.list("ADMIN_ALLOWED_IPS");
    std::vector<std::string> malformed;
    core::parse_ip_rules(ips, &malformed);
    if (!malformed.empty()) {
      std::string list;
      for (const auto& rule : malformed) list += (list.empty() ? "" : ", ") + rule;
      add(CheckStatus::kFail, "Admin allowlist", "Malformed ADMIN_ALLOWED_IPS entries (never match): " + list);
    } else if (emails.empty() && ips.empty()) {
      add(CheckStatus::kWarn, "Admin allowlist", "Both ADMIN_ALLOWED_EMAILS and ADMIN_ALLOWED_IPS are empty.");
    } else {
      add(CheckStatus::kOk, "Admin allowlist",
          "Emails: " + std::to_string(emails.size()) + ", IP/CIDR rules: " + std::to_string(ips.size()));
    }

    const std::pair<const char*, const char*> limits[] = {
        {"auth_login_per_minute", "RATE_LIMIT_AUTH_LOGIN_PER_MINUTE"},
        {"cart_write_per_minute", "RATE_LIMIT_CART_WRITE_PER_MINUTE"},
        {"cart_write_per_ip_per_minute", "RATE_LIMIT_CART_WRITE_PER_IP_PER_MINUTE"},
        {"checkout_confirm_per_minute", "RATE_LIMIT_CHECKOUT_CONFIRM_PER_MINUTE"},
        {"checkout_confirm_per_ip_per_minute", "RATE_LIMIT_CHECKOUT_CONFIRM_PER_IP_PER_MINUTE"},
        {"admin_requests_per_minute", "RATE_LIMIT_ADMIN_REQUESTS_PER_MINUTE"},
        {"admin_2fa_per_minute", "RATE_LIMIT_ADMIN_2FA_PER_MINUTE"}};
    for (const auto& [label, env_key] : limits) {
      auto value = config_.integer(env_key);
      if (value <= 0) add(CheckStatus::kFail, std::string("Rate limit: ") + label, "Value must be greater than 0.");
      else add(CheckStatus::kOk, std::string("Rate limit: ") + label, "Configured with value " + std::to_string(value) + ".");
    }

    auto two_factor = config_.integer("ADMIN_2FA_SESSION_MINUTES");
    if (two_factor <= 0) add(CheckStatus::kWarn, "ADMIN_2FA_SESSION_MINUTES", "Value is 0 (2FA challenge may not expire).");
    else add(CheckStatus::kOk, "ADMIN_2FA_SESSION_MINUTES", "Configured with value " + std::to_string(two_factor) + ".");

    if (!config_.boolean("MONITORING_ENABLED")) {
      add(CheckStatus::kWarn, "Monitoring", "Disabled. Enable MONITORING_ENABLED=true.");
    } else {
      add(CheckStatus::kOk, "Monitoring", "Enabled.");
      if (core::trim(config_.str("SENTRY_DSN")).empty())
        add(CheckStatus::kWarn, "Sentry DSN", "Not configured. Set SENTRY_DSN for external error tracking.");
      else add(CheckStatus::kOk, "Sentry DSN", "Configured.");
      std::string channel = core::trim(config_.str("OPS_ALERTS_CHANNEL"));
      if (!config_.boolean("OPS_ALERTS_ENABLED")) add(CheckStatus::kWarn, "Ops alerts", "Disabled. Enable OPS_ALERTS_ENABLED=true.");
      else if (channel.empty()) add(CheckStatus::kFail, "Ops alerts", "Alert channel is empty (OPS_ALERTS_CHANNEL).");
      else if (channel != "ops_alerts" && channel != "ops_daily" && channel != "ops_slack")
        add(CheckStatus::kFail, "Ops alerts", "Channel `" + channel + "` not found in logging config.");
      else if ((channel == "ops_slack" || config_.str("OPS_ALERT_STACK").find("ops_slack") != std::string::npos) &&
               config_.str("OPS_ALERT_WEBHOOK_URL").empty())
        add(CheckStatus::kFail, "Ops alerts", "ops_slack is used but OPS_ALERT_WEBHOOK_URL is empty.");
      else add(CheckStatus::kOk, "Ops alerts", "Enabled via channel `" + channel + "`.");
    }
  }

  void database_rows() {
    try {
      if (!database_) {
        owned_ = open_existing();
        database_ = owned_.get();
      }
      int one = 0;
      database_->lease()->once << "SELECT 1", soci::into(one);
      add(CheckStatus::kOk, "Database connection", "Connected.");
    } catch (const std::exception& e) {
      database_ = nullptr;
      add(CheckStatus::kFail, "Database connection", sanitise_error(e.what()));
    }
    // Answering SELECT 1 is not enough: a locked, full or read-only database fails every order.
    if (database_) {
      auto write = probe_database_write(*database_, std::chrono::milliseconds(1000));
      if (write.ok) add(CheckStatus::kOk, "Database write", "A test write committed within 1 s.");
      else add(CheckStatus::kFail, "Database write", "Cannot write (" + write.problem + "): " + sanitise_error(write.detail));
    }

    if (!database_) {
      add(CheckStatus::kWarn, "Core tables", "Skipped because database connection failed.");
    } else {
      guarded("Core tables", [&] {
        std::vector<std::string> missing;
        for (const auto& table : kCoreTables) {
          if (!table_exists(table)) missing.push_back(table);
        }
        if (missing.empty()) add(CheckStatus::kOk, "Core tables", "All required tables are available.");
        else {
          std::string list;
          for (const auto& table : missing) list += (list.empty() ? "" : ", ") + table;
          add(CheckStatus::kFail, "Core tables", "Missing: " + list);
        }
      });
    }

    for (const char* label : {"cache.default", "cache.admin_counters_store"}) {
      std::string store = config_.str("CACHE_STORE");
      guarded(label, [&] {
        if (store == "array") {
          add(CheckStatus::kOk, label, "Store `array` is healthy.");
          return;
        }
        if (!database_) throw std::runtime_error("Database unavailable for store `" + store + "`.");
        infra::Cache cache = infra::make_cache(config_, *database_);
        std::string key = "ops_health:" + core::random_token(16);
        cache.put(key, "ok", 30);
        bool healthy = cache.get(key).value_or("") == "ok";
        cache.forget(key);
        if (healthy) add(CheckStatus::kOk, label, "Store `" + store + "` is healthy.");
        else add(CheckStatus::kFail, label, "Write/read validation failed for store `" + store + "`.");
      });
    }

    // Only when a store is on Redis: whether it answers, and how fast (one PING).
    if (infra::uses_redis(config_)) redis_row();

    // The reference crashed here without a database; this row reports instead.
    guarded("QUEUE_CONNECTION", [&] {
      std::string driver = config_.str("QUEUE_CONNECTION");
      if (driver == "sync") add(CheckStatus::kWarn, "QUEUE_CONNECTION", "Using sync driver. Background jobs are not async.");
      else if (!database_) add(CheckStatus::kFail, "QUEUE_CONNECTION", "Database queue selected but the database is unreachable.");
      else if (!table_exists("jobs")) add(CheckStatus::kFail, "QUEUE_CONNECTION", "Database queue selected but jobs table is missing.");
      else add(CheckStatus::kOk, "QUEUE_CONNECTION", "Using `" + driver + "`.");
    });
  }

  // A forgotten `nico down` silently skips every scheduled job (backups included): WARN once it is overdue, FAIL
  // at four times the warn minutes (ops/maintenance_watch.hpp).
  void maintenance_row() {
    guarded("Maintenance mode", [&] {
      int warn_minutes = static_cast<int>(config_.integer("OPS_MAINTENANCE_WARN_MINUTES"));
      auto age = judge_maintenance(read_maintenance(config_.base_path()), warn_minutes, core::unix_now());
      std::string on_for = "On for " + std::to_string(age.minutes) + " minutes";
      switch (age.level) {
        case MaintenanceLevel::kOff: add(CheckStatus::kOk, "Maintenance mode", "Off."); break;
        case MaintenanceLevel::kRecent: add(CheckStatus::kOk, "Maintenance mode", on_for + " (recently switched on)."); break;
        case MaintenanceLevel::kWarn:
        case MaintenanceLevel::kFail:
          add(age.level == MaintenanceLevel::kFail ? CheckStatus::kFail : CheckStatus::kWarn, "Maintenance mode",
              on_for + ", more than " + std::to_string(age.level == MaintenanceLevel::kFail ? 4 * warn_minutes : warn_minutes) +
                  " minutes (scheduled jobs are skipped). Run `nico up` when done.");
          break;
      }
    });
  }

  void runtime_rows() {
    for (const auto& [label, path] : {std::pair<std::string, std::filesystem::path>{"storage", config_.storage_path()},
                                      {"storage/framework", config_.storage_path("framework")}}) {
      guarded(label, [&] {
        std::string problem = directory_problem(path);
        add(problem.empty() ? CheckStatus::kOk : CheckStatus::kFail, label, problem.empty() ? "Writable." : problem);
      });
    }

    bool frozen = std::filesystem::exists(core::Config::frozen_path(config_.base_path()));
    if (production_ && !frozen) add(CheckStatus::kWarn, "Config cache", "Not cached. Run `nico optimize`.");
    else add(CheckStatus::kOk, "Config cache", frozen ? "Cached." : "Not cached (acceptable in non-production).");
    add(CheckStatus::kOk, "Route cache", "Compiled into the binary.");
    maintenance_row();

    migration_row();
    audit_chain_row();
    admin_two_factor_row();
    kpi_report_row();

    auto backup_root = backup_setting_path(config_, "OPS_BACKUP_PATH");
    for (const auto& [label, path] : {std::pair<std::string, std::filesystem::path>{"Disk space (storage)", config_.storage_path()},
                                      {"Disk space (backups)", backup_root}}) {
      guarded(label, [&] {
        double free = free_percent(path);
        std::string details = std::to_string(static_cast<int>(free)) + "% free at " + path.string();
        if (free < kDiskFailPercent) add(CheckStatus::kFail, label, details);
        else if (free < kDiskWarnPercent) add(CheckStatus::kWarn, label, details);
        else add(CheckStatus::kOk, label, details);
      });
    }

    // The newest snapshot that holds what OPS_BACKUP_ONLY promises (a files-only snapshot is no database backup);
    // what its backup warned about (an empty or missing uploads source) is shown here until a clean one replaces it.
    guarded("Latest backup", [&] {
      auto newest = newest_complete_snapshot(backup_root, config_.str("APP_TIMEZONE"), snapshot_needs(config_));
      if (!newest) {
        add(CheckStatus::kWarn, "Latest backup", "No complete snapshot found in " + backup_root.string() + ".");
        return;
      }
      std::int64_t age = snapshot_age_seconds(newest->entry.path);
      std::string details = "Newest complete snapshot is " + format_age(age) + " old.";
      for (const auto& warning : newest->manifest.warnings) details += " " + warning;
      bool warn = age > kBackupWarnSeconds || !newest->manifest.warnings.empty();
      add(warn ? CheckStatus::kWarn : CheckStatus::kOk, "Latest backup", details);
    });

    if (!database_) {
      for (const char* label : {"Failed jobs", "Queue worker", "Scheduler"})
        add(CheckStatus::kWarn, label, "Skipped because database connection failed.");
    } else {
      guarded("Failed jobs", [&] {
        int failed = 0;
        database_->lease()->once << "SELECT COUNT(*) FROM failed_jobs", soci::into(failed);
        if (failed > 0) add(CheckStatus::kWarn, "Failed jobs", std::to_string(failed) + " failed job(s). See `nico queue:failed`.");
        else add(CheckStatus::kOk, "Failed jobs", "None.");
      });
      heartbeat_row("Queue worker", "heartbeat:queue-worker", "nico queue:work",
                    config_.str("QUEUE_CONNECTION") == "database");
      heartbeat_row("Scheduler", "heartbeat:scheduler", "nico schedule:work", true);
    }

    if (config_.str("MAIL_MAILER") == "smtp") {
      guarded("Mail transport", [&] {
        std::string greeting = smtp_greeting(config_.str("MAIL_HOST"), static_cast<int>(config_.integer("MAIL_PORT")));
        if (greeting.rfind("220", 0) == 0) add(CheckStatus::kOk, "Mail transport", "SMTP answered: " + greeting.substr(0, 80));
        else add(CheckStatus::kFail, "Mail transport", "SMTP server did not greet (got '" + greeting.substr(0, 60) + "').");
      });
    }
  }

  void migration_row() {
    if (!database_) {
      add(CheckStatus::kWarn, "Migrations", "Skipped because database connection failed.");
      return;
    }
    guarded("Migrations", [&] {
      auto pending = db::Migrator(*database_).pending();
      if (pending.empty()) add(CheckStatus::kOk, "Migrations", "Up to date.");
      else add(CheckStatus::kWarn, "Migrations", std::to_string(pending.size()) + " pending. Run `nico migrate --force`.");
    });
  }

  // A broken audit chain is a FAIL: an edited, deleted or inserted audit entry is an integrity incident, not a
  // configuration to improve (`nico audit:verify` names the entry).
  void audit_chain_row() {
    if (!database_) {
      add(CheckStatus::kWarn, "Audit chain", "Skipped because database connection failed.");
      return;
    }
    guarded("Audit chain", [&] {
      if (!audit::chain_installed(*database_)) {
        add(CheckStatus::kWarn, "Audit chain", "Not installed yet. Run `nico migrate --force`.");
        return;
      }
      auto result = audit::verify_chain(*database_);
      if (!result.intact) add(CheckStatus::kFail, "Audit chain", result.problem + " Run `nico audit:verify`.");
      else add(CheckStatus::kOk, "Audit chain", "Intact (" + std::to_string(result.sealed) + " sealed entries).");
    });
  }

  // Admins without 2FA: a WARN naming them when 2FA is required (ADMIN_2FA_REQUIRED) or in production, where one
  // stolen password would otherwise open the panel.
  void admin_two_factor_row() {
    const std::string label = "Admin 2FA";
    if (!database_) {
      add(CheckStatus::kWarn, label, "Skipped because database connection failed.");
      return;
    }
    guarded(label, [&] {
      std::string without;
      std::size_t count = 0;
      {
        auto sql = database_->lease();
        soci::rowset<std::string> rows = (sql->prepare << "SELECT email FROM users WHERE role = 'admin' AND "
                                                           "(admin_two_factor_enabled_at IS NULL OR admin_two_factor_secret IS NULL "
                                                           "OR admin_two_factor_secret = '') ORDER BY email");
        for (const auto& email : rows) {
          without += (count++ ? std::string(", ") : std::string()) + email;
        }
      }
      bool required = config_.boolean("ADMIN_2FA_REQUIRED");
      if (without.empty()) add(CheckStatus::kOk, label, "Every admin has 2FA on.");
      else if (required || production_)
        add(CheckStatus::kWarn, label,
            "Admins without 2FA: " + without +
                (required ? " (they must enrol at /admin/seguridad/2fa before using the panel)."
                          : ". Set ADMIN_2FA_REQUIRED=true."));
      else add(CheckStatus::kOk, label, std::to_string(count) + " admin(s) without 2FA (not required here).");
    });
  }

  // The weekly KPI report's last run (/admin/configuracion/reportes): a failed or undeliverable run is a WARN, so
  // the operator hears of it even if nobody opens the settings page.
  void kpi_report_row() {
    const std::string label = "KPI report";
    if (!database_) {
      add(CheckStatus::kWarn, label, "Skipped because database connection failed.");
      return;
    }
    guarded(label, [&] {
      if (!table_exists("kpi_report_runs")) {
        add(CheckStatus::kWarn, label, "Not installed yet. Run `nico migrate --force`.");
        return;
      }
      auto schedule = alerts::load_kpi_schedule(*database_);
      std::string when = schedule.enabled ? "weekly, day " + std::to_string(schedule.weekday) + " at " + schedule.time
                                          : "scheduled sending off";
      auto run = alerts::last_kpi_run(*database_);
      if (!run) add(CheckStatus::kOk, label, "Not sent yet (" + when + ").");
      else if (run->outcome == "queued")
        add(CheckStatus::kOk, label, "Last sent " + run->created_at + " UTC (" + run->source + "; " + when + ").");
      else
        add(CheckStatus::kWarn, label, "Last run " + run->created_at + " UTC did not send: " + run->detail +
                                           " See /admin/configuracion/reportes.");
    });
  }

  // Redis down is a FAIL but not an outage of the app (docs/ARCHITECTURE.md, "Stores"): the row says what the
  // nodes do meanwhile. /health/ready does not look at Redis, so a Redis outage never takes every node out of rotation.
  void redis_row() {
    guarded("Redis", [&] {
      bool limits = infra::rate_limit_store(config_) == "redis", cache = infra::cache_store(config_) == "redis";
      std::string used_by = limits && cache ? "rate limits, cache and scheduler locks"
                            : limits        ? "rate limits"
                                            : "cache and scheduler locks";
      std::string meanwhile = std::string(limits ? " each node counts rate limits on its own;" : "") +
                              (cache ? " cache reads miss and scheduled tasks are skipped;" : "");
      meanwhile.pop_back();
      auto endpoint = infra::redis_endpoint(config_);
      try {
        auto round_trip = infra::RedisClient(endpoint).ping();
        char ms[32];
        std::snprintf(ms, sizeof ms, "%.2f", static_cast<double>(round_trip.count()) / 1000.0);
        add(CheckStatus::kOk, "Redis", "PING answered in " + std::string(ms) + " ms by " + endpoint.describe() +
                                           " (" + used_by + ").");
      } catch (const infra::StoreUnavailable& e) {
        add(CheckStatus::kFail, "Redis",
            std::string(e.what()) + ". Used for " + used_by + "; meanwhile" + meanwhile + ".");
      }
    });
  }

  void heartbeat_row(const std::string& label, const std::string& key, const std::string& command, bool expected) {
    guarded(label, [&] {
      if (!expected) {
        add(CheckStatus::kOk, label, "Not used with the current configuration.");
        return;
      }
      infra::Cache cache = infra::make_cache(config_, *database_);
      auto beat = cache.get(key);
      if (!beat) {
        add(CheckStatus::kWarn, label, "No heartbeat yet. Is `" + command + "` running?");
        return;
      }
      std::int64_t age = core::unix_now() - std::stoll(*beat);
      if (age > kHeartbeatStaleSeconds)
        add(CheckStatus::kWarn, label, "Last heartbeat " + format_age(age) + " ago. Is `" + command + "` running?");
      else add(CheckStatus::kOk, label, "Alive (heartbeat " + std::to_string(age) + " s ago).");
    });
  }

  // The configured database, never created by looking at it (a missing SQLite file is a FAIL, not a new file).
  std::unique_ptr<db::Database> open_existing() const {
    auto settings = db::settings_from_config(config_, 1);
    settings.create_if_missing = false;
    return std::make_unique<db::Database>(settings);
  }

  bool table_exists(const std::string& table) {
    auto sql = database_->lease();
    return db::table_exists(*sql, database_->dialect(), table);
  }

  const core::Config& config_;
  bool production_;
  std::unique_ptr<db::Database> owned_;  // the configured database, when run() opened it
  db::Database* database_ = nullptr;     // what the checks use: owned_, or the copy given to run_on()
  HealthReport report_;
};

const char* status_name(CheckStatus status) {
  switch (status) {
    case CheckStatus::kOk: return "OK";
    case CheckStatus::kWarn: return "WARN";
    case CheckStatus::kFail: return "FAIL";
  }
  return "FAIL";
}

}  // namespace

int HealthReport::count(CheckStatus status) const {
  return static_cast<int>(std::count_if(rows.begin(), rows.end(), [&](const CheckRow& row) { return row.status == status; }));
}

int HealthReport::exit_code(bool strict) const {
  if (count(CheckStatus::kFail) > 0) return 1;
  if (strict && count(CheckStatus::kWarn) > 0) return 1;
  return 0;
}

HealthReport run_health_check(const core::Config& config, const HealthCheckOptions& options) {
  try {
    return Checker(config, options).run();
  } catch (const std::exception& e) {
    HealthReport report;
    report.rows.push_back({CheckStatus::kFail, "Health check", sanitise_error(e.what())});
    return report;
  }
}

HealthReport run_database_health_check(const core::Config& config, db::Database& database) {
  try {
    return Checker(config, {}).run_on(database);
  } catch (const std::exception& e) {
    HealthReport report;
    report.rows.push_back({CheckStatus::kFail, "Health check", sanitise_error(e.what())});
    return report;
  }
}

std::string sanitise_error(const std::string& message) {
  std::string text = core::trim(message);
  std::replace(text.begin(), text.end(), '\r', ' ');
  std::replace(text.begin(), text.end(), '\n', ' ');
  if (text.empty()) return "Unexpected error.";
  if (core::utf8_length(text) > 220) {
    std::size_t bytes = 0, chars = 0;
    while (bytes < text.size() && chars < 220) {
      ++bytes;
      while (bytes < text.size() && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) ++bytes;
      ++chars;
    }
    text = core::trim(text.substr(0, bytes)) + "...";
  }
  return text;
}

std::string render_table(const HealthReport& report) {
  std::size_t widths[3] = {6, 5, 7};  // "Status", "Check", "Details"
  for (const auto& row : report.rows) {
    widths[0] = std::max(widths[0], std::string(status_name(row.status)).size());
    widths[1] = std::max(widths[1], core::utf8_length(row.check));
    widths[2] = std::max(widths[2], core::utf8_length(row.details));
  }
  auto border = [&] {
    std::string line = "+";
    for (auto width : widths) line += std::string(width + 2, '-') + "+";
    return line + "\n";
  };
  auto cells = [&](const std::string& a, const std::string& b, const std::string& c) {
    std::string line = "|";
    const std::string* values[3] = {&a, &b, &c};
    for (int i = 0; i < 3; ++i)
      line += " " + *values[i] + std::string(widths[i] - core::utf8_length(*values[i]), ' ') + " |";
    return line + "\n";
  };
  std::string out = "\nHealth Check Report\n" + border() + cells("Status", "Check", "Details") + border();
  for (const auto& row : report.rows) out += cells(status_name(row.status), row.check, row.details);
  out += border();
  out += "Summary: " + std::to_string(report.count(CheckStatus::kOk)) + " OK, " +
         std::to_string(report.count(CheckStatus::kWarn)) + " WARN, " + std::to_string(report.count(CheckStatus::kFail)) +
         " FAIL\n";
  return out;
}

std::string render_json(const HealthReport& report) {
  std::string out = "{\"rows\":[";
  for (std::size_t i = 0; i < report.rows.size(); ++i) {
    const auto& row = report.rows[i];
    if (i) out += ",";
    out += "{\"status\":" + core::json_quote(status_name(row.status)) + ",\"check\":" + core::json_quote(row.check) +
           ",\"details\":" + core::json_quote(row.details) + "}";
  }
  out += "],\"summary\":{\"ok\":" + std::to_string(report.count(CheckStatus::kOk)) +
         ",\"warn\":" + std::to_string(report.count(CheckStatus::kWarn)) +
         ",\"fail\":" + std::to_string(report.count(CheckStatus::kFail)) + "}}\n";
  return out;
}

}  // namespace ops
