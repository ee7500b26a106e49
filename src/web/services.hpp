// What request handlers may use: built once by src/app/application.cpp, immutable afterwards, shared by all
// worker threads. Handlers never build their own dependencies.
#pragma once

#include <string>
#include <vector>

#include "core/ip_rules.hpp"

namespace core {
class Config;
}
namespace db {
class Database;
}
namespace infra {
class RateLimiter;
}
namespace accounts {
class AccountService;
class TwoFactorService;
}
namespace infra {
class ExceptionMonitor;
}
namespace audit {
class AuditLog;
}
namespace settings {
class SettingsCache;
}

namespace store {
class CatalogCache;
}

namespace web {

class TemplateEngine;
class SessionStore;
class PageCache;
class Router;

struct Services {
  const core::Config& config;
  db::Database& database;
  const TemplateEngine& templates;
  const SessionStore& sessions;
  infra::RateLimiter& limiter;
  accounts::AccountService& accounts;
  const Router& router;
  std::string app_key;          // raw 32 bytes decoded from APP_KEY (signing CSRF cookies, links)
  // Fingerprinted URLs of every stylesheet in public/css and script in public/js, app.* first, then by name:
  // each area (store, repairs, admin…) keeps its own file and the layout loads them all.
  std::vector<std::string> stylesheets;
  std::vector<std::string> scripts;
  const infra::ExceptionMonitor* monitor = nullptr;  // unhandled errors → ops alerts (null in unit tests)
  std::vector<core::IpRule> trusted_proxies;           // parsed TRUSTED_PROXIES
  const audit::AuditLog* audit_log = nullptr;          // audit trail (null in unit tests)
  const accounts::TwoFactorService* two_factor = nullptr;
  const settings::SettingsCache* settings_cache = nullptr;  // business settings + brand assets (null in unit tests)
  store::CatalogCache* catalog_cache = nullptr;  // store reads by catalog version (null: no cache)
  PageCache* page_cache = nullptr;                // rendered page bodies by versioned key (null: no cache)
  std::vector<std::string> admin_emails;               // ADMIN_ALLOWED_EMAILS, lower-cased ("" list = no limit)
  std::vector<core::IpRule> admin_ips;                 // ADMIN_ALLOWED_IPS (malformed entries dropped)
};

}  // namespace web
