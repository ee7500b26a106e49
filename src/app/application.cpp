// Object graph construction (see application.hpp).
#include "app/application.hpp"


#include <algorithm>
#include <iostream>

#include "app/command.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/log.hpp"
#include "core/strings.hpp"
#include "db/database.hpp"
#include "db/wal_checkpointer.hpp"
#include "ops/maintenance_monitor.hpp"
#include "domain/accounts/account_service.hpp"
#include "domain/accounts/two_factor.hpp"
#include "domain/accounts/user_repository.hpp"
#include "domain/audit/audit_log.hpp"
#include "domain/settings/brand_assets.hpp"
#include "domain/store/catalog_cache.hpp"
#include "web/page_cache.hpp"
#include "http/server.hpp"
#include "infra/alert_dispatch.hpp"
#include "infra/exception_monitor.hpp"
#include "infra/queue.hpp"
#include "infra/rate_limiter.hpp"
#include "infra/stores.hpp"
#include "routes/public/metrics.hpp"
#include "routes/routes.hpp"
#include "web/kernel.hpp"
#include "web/metrics.hpp"
#include "web/render.hpp"
#include "web/router.hpp"
#include "web/services.hpp"
#include "web/session.hpp"
#include "web/static_files.hpp"
#include "web/views.hpp"

namespace app {

core::Config bootstrap(const CommandEnvironment& environment, bool log_to_stderr_too) {
  core::Config config = core::Config::load({environment.base_path, true, true});
  // The runtime folders every command and the server expect (git keeps storage/ empty).
  for (const char* folder : {"framework", "logs", "app/public"}) {
    std::error_code ignored;
    std::filesystem::create_directories(config.storage_path(folder), ignored);
  }
  core::log::Options options;
  options.environment = config.str("APP_ENV");
  options.level = core::log::parse_level(config.str("LOG_LEVEL"));
  const std::string& channel = config.str("LOG_CHANNEL");
  if (channel != "stderr") {
    options.file_path = config.resolve_path(config.str("APP_LOG_PATH")).string();
    options.daily = channel == "daily";
    options.also_stderr = log_to_stderr_too;
  }
  core::log::init(options);
  for (const auto& key : config.unknown_keys()) core::log::warning("unknown configuration key in .env", {{"key", key}});
  core::set_display_time_zone(config.str("APP_TIMEZONE"));
  core::crypto_init();
  return config;
}

std::unique_ptr<db::Database> open_database(const core::Config& config, std::size_t pool_size, bool create_if_missing) {
  auto settings = db::settings_from_config(config, pool_size);
  settings.create_if_missing = create_if_missing;
  return std::make_unique<db::Database>(settings);
}

struct WebApplication::Parts {
  const core::Config& config;
  std::filesystem::path resource_path;
  std::unique_ptr<db::Database> database;
  std::unique_ptr<db::WalCheckpointer> checkpointer;  // SQLite only
  std::unique_ptr<ops::MaintenanceMonitor> maintenance;  // destroyed before the database it reads
  std::unique_ptr<web::TemplateEngine> templates;
  std::unique_ptr<web::SessionStore> sessions;
  std::unique_ptr<infra::RateLimiter> limiter;
  std::unique_ptr<accounts::UserRepository> users;
  std::unique_ptr<accounts::AccountService> accounts;
  web::Router router;
  std::unique_ptr<infra::ExceptionMonitor> monitor;
  std::unique_ptr<audit::AuditLog> audit_log;
  std::unique_ptr<accounts::TwoFactorService> two_factor;
  std::unique_ptr<settings::SettingsCache> settings_cache;
  std::unique_ptr<store::CatalogCache> catalog_cache;
  std::unique_ptr<web::PageCache> page_cache;
  std::unique_ptr<web::Services> services;
  std::unique_ptr<web::Metrics> metrics;  // METRICS_ENABLED only
  std::unique_ptr<web::Kernel> kernel;
};

WebApplication::WebApplication(const core::Config& config, const std::filesystem::path& resource_path)
    : parts_(std::make_unique<Parts>(Parts{config, resource_path})) {}

WebApplication::~WebApplication() = default;

void WebApplication::serve(const std::string& host, int port, int workers) {
  auto& p = *parts_;
  const auto& config = p.config;
  std::string app_key = core::decode_app_key(config.str("APP_KEY"));
  if (app_key.empty()) throw core::ConfigError("APP_KEY", "is not set (run: nico key:generate)");

  // One connection per worker plus two for the background readers (maintenance monitor, settings refresh).
  // A request waits for SQLite's write lock at most DB_REQUEST_LOCK_WAIT_MS, then gets the 503 "mucha demanda"
  // page: a lock held elsewhere (a long import, a stuck process) must not tie up every worker.
  auto database_settings = db::settings_from_config(config, static_cast<std::size_t>(workers) + 2);
  database_settings.busy_timeout_ms =
      std::min(database_settings.busy_timeout_ms, static_cast<int>(config.integer("DB_REQUEST_LOCK_WAIT_MS")));
  // At most half the workers wait for it at once, so readers always find a free worker.
  database_settings.max_lock_waiters = std::max(1, workers / 2);
  // MariaDB/PostgreSQL: a row lock held elsewhere fails a request after 5 s (503) instead of InnoDB's 50 s or
  // PostgreSQL's for ever, and a server that stopped answering mid-query is given up after 30 s.
  database_settings.lock_wait_timeout_seconds = 5;
  database_settings.read_timeout_seconds = 30;
  p.database = std::make_unique<db::Database>(database_settings);
  if (p.database->dialect() == db::Dialect::kSqlite)
    p.checkpointer = std::make_unique<db::WalCheckpointer>(database_settings.sqlite_path);
  // The cluster-wide `nico down` flag, re-read in the background about once per second (never per request).
  p.maintenance = std::make_unique<ops::MaintenanceMonitor>(*p.database);
  p.maintenance->install();
  p.templates = std::make_unique<web::TemplateEngine>(p.resource_path / "templates");
  p.sessions = std::make_unique<web::SessionStore>(*p.database, static_cast<int>(config.integer("SESSION_LIFETIME")),
                                                   static_cast<int>(config.integer("SESSION_ABSOLUTE_LIFETIME")));
  p.limiter = infra::make_rate_limiter(config, *p.database);  // RATE_LIMIT_STORE (infra/stores.hpp)
  p.users = std::make_unique<accounts::UserRepository>(*p.database);
  core::PasswordHashCost cost{static_cast<std::uint64_t>(config.integer("PASSWORD_HASH_OPSLIMIT")),
                              static_cast<std::uint64_t>(config.integer("PASSWORD_HASH_MEMLIMIT_KIB"))};
  p.accounts = std::make_unique<accounts::AccountService>(*p.users, cost);
  routes::register_routes(p.router);

  auto public_root = p.resource_path / "public";
  p.services = std::make_unique<web::Services>(web::Services{
      config, *p.database, *p.templates, *p.sessions, *p.limiter, *p.accounts, p.router, app_key,
      web::fingerprinted_urls(public_root, "css", ".css"), web::fingerprinted_urls(public_root, "js", ".js")});
  p.monitor = std::make_unique<infra::ExceptionMonitor>(config, p.database.get(),
                                                       infra::alert_dispatcher(config, p.database.get()));
  p.services->monitor = p.monitor.get();
  p.audit_log = std::make_unique<audit::AuditLog>(*p.database);
  p.services->audit_log = p.audit_log.get();
  p.two_factor = std::make_unique<accounts::TwoFactorService>(
      *p.database, app_key, static_cast<int>(config.integer("ADMIN_2FA_RECOVERY_CODES_COUNT")));
  p.services->two_factor = p.two_factor.get();
  p.settings_cache = std::make_unique<settings::SettingsCache>(*p.database, config.storage_path("app/public"), public_root,
                                                               static_cast<int>(config.integer("SETTINGS_CACHE_SECONDS")));
  p.services->settings_cache = p.settings_cache.get();
  p.catalog_cache = std::make_unique<store::CatalogCache>();
  p.services->catalog_cache = p.catalog_cache.get();
  p.page_cache = std::make_unique<web::PageCache>();
  p.services->page_cache = p.page_cache.get();
  for (const auto& email : config.list("ADMIN_ALLOWED_EMAILS")) p.services->admin_emails.push_back(core::to_lower(email));
  p.services->admin_ips = core::parse_ip_rules(config.list("ADMIN_ALLOWED_IPS"), nullptr);
  std::vector<std::string> malformed_proxies;
  p.services->trusted_proxies = core::parse_ip_rules(config.list("TRUSTED_PROXIES"), &malformed_proxies);
  for (const auto& entry : malformed_proxies)
    core::log::warning("TRUSTED_PROXIES entry ignored (not an IP or CIDR)", {{"entry", entry}});
  if (config.boolean("METRICS_ENABLED")) {
    std::vector<std::string> malformed_metrics_ips;
    p.metrics = std::make_unique<web::Metrics>(p.router, web::metrics_gate_from_config(config, &malformed_metrics_ips));
    for (const auto& entry : malformed_metrics_ips)
      core::log::warning("METRICS_ALLOWED_IPS entry ignored (not an IP or CIDR)", {{"entry", entry}});
    if (p.metrics->gate().allowed_ips.empty() && p.metrics->gate().token.empty())
      core::log::warning("METRICS_ENABLED without METRICS_ALLOWED_IPS or METRICS_TOKEN: every scrape gets 403");
  }
  routes::register_metrics_route(p.router, p.metrics.get());
  p.kernel = std::make_unique<web::Kernel>(*p.services, public_root, p.metrics.get());

  http::ServerOptions options;
  options.host = host;
  options.port = static_cast<std::uint16_t>(port);
  options.worker_threads = workers;
  options.io_threads = static_cast<int>(config.integer("SERVER_IO_THREADS"));
  options.max_body_bytes = static_cast<std::size_t>(config.integer("HTTP_MAX_BODY_BYTES"));
  options.body_limit_for = [&kernel = *p.kernel](std::string_view method, std::string_view path,
                                                 std::string_view content_type) {
    return kernel.body_limit(method, path, content_type);
  };
  options.answer_inline = [&kernel = *p.kernel](const http::Request& request) {
    return kernel.answer_without_blocking(request);
  };
  options.max_header_bytes = static_cast<std::size_t>(config.integer("HTTP_MAX_HEADER_BYTES"));
  options.read_timeout_seconds = static_cast<int>(config.integer("HTTP_READ_TIMEOUT_SECONDS"));
  options.keepalive_seconds = static_cast<int>(config.integer("HTTP_KEEPALIVE_SECONDS"));
  options.shutdown_grace_seconds = static_cast<int>(config.integer("HTTP_SHUTDOWN_GRACE_SECONDS"));

  const web::Kernel& kernel = *p.kernel;
  http::Server server(
      options, [&kernel](const http::Request& request) { return kernel.handle(request); },
      [&kernel](int status) { return kernel.rejection(status); });
  server.listen();
  std::string url = "http://" + host + ":" + std::to_string(server.port());
  core::log::info("Server running on [" + url + "]", {{"workers", std::to_string(workers)}});
  std::cout << "NicoReparaciones escuchando en " << url << " (Ctrl+C para detener)" << std::endl;
  server.run();
  core::log::info("Server stopped");
  core::log::flush();
}

}  // namespace app
