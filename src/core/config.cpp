// Configuration loading and validation. The key table below is the single list of settings; `.env.example`
// and `.env.production.example` document the same keys for people.
#include "core/config.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/crypto.hpp"
#include "core/env_file.hpp"
#include "core/file_access.hpp"
#include "core/strings.hpp"


namespace core {

namespace {
using T = ConfigType;

const std::vector<ConfigKey> kKeys = {
    // name, type, default, allowed, secret, section
    {"APP_NAME", T::kString, "NicoReparaciones", "", false, "app"},
    {"APP_ENV", T::kEnum, "local", "local|development|testing|staging|production", false, "app"},
    {"APP_KEY", T::kString, "", "", true, "app"},
    {"APP_DEBUG", T::kBool, "false", "", false, "app"},
    {"APP_URL", T::kUrl, "http://127.0.0.1:8000", "", false, "app"},
    {"APP_TIMEZONE", T::kString, "America/Argentina/Cordoba", "", false, "app"},
    {"APP_ALLOW_STORAGE_LOCAL_ROUTE", T::kBool, "false", "", false, "app"},
    {"EXPORT_CSV_DELIMITER", T::kEnum, ";", ";|,|tab", false, "app"},
    {"SETTINGS_CACHE_SECONDS", T::kInt, "15", "0..3600", false, "app"},
    {"CATALOG_VERSION_REUSE_MS", T::kInt, "250", "0..60000", false, "app"},
    {"REPAIR_COUNTS_REUSE_MS", T::kInt, "2000", "0..60000", false, "app"},
    {"LOG_LEVEL", T::kEnum, "info", "debug|info|notice|warning|error|critical", false, "log"},
    {"LOG_CHANNEL", T::kEnum, "single", "single|daily|stderr|stack", false, "log"},
    {"APP_LOG_PATH", T::kString, "storage/logs/nico.log", "", false, "log"},

    {"SERVER_HOST", T::kString, "127.0.0.1", "", false, "server"},
    {"SERVER_PORT", T::kInt, "8000", "0..65535", false, "server"},
    {"SERVER_IO_THREADS", T::kInt, "1", "1..64", false, "server"},
    {"SERVER_WORKERS", T::kInt, "0", "0..256", false, "server"},
    {"HTTP_MAX_BODY_BYTES", T::kInt, "10485760", "1024..", false, "server"},
    {"HTTP_FORM_BODY_LIMIT_KIB", T::kInt, "64", "1..1048576", false, "server"},
    {"HTTP_MAX_HEADER_BYTES", T::kInt, "16384", "1024..1048576", false, "server"},
    {"HTTP_READ_TIMEOUT_SECONDS", T::kInt, "15", "1..3600", false, "server"},
    {"HTTP_KEEPALIVE_SECONDS", T::kInt, "30", "1..3600", false, "server"},
    {"HTTP_SHUTDOWN_GRACE_SECONDS", T::kInt, "15", "0..600", false, "server"},
    {"TRUSTED_PROXIES", T::kCsv, "", "", false, "server"},
    {"NODE_NAME", T::kString, "", "", false, "server"},

    {"DB_CONNECTION", T::kEnum, "sqlite", "sqlite|mysql|mariadb|pgsql", false, "database"},
    {"DB_HOST", T::kString, "127.0.0.1", "", false, "database"},
    {"DB_PORT", T::kInt, "3306", "1..65535", false, "database"},
    {"DB_DATABASE", T::kString, "storage/database.sqlite", "", false, "database"},
    {"DB_USERNAME", T::kString, "", "", false, "database"},
    {"DB_PASSWORD", T::kString, "", "", true, "database"},
    {"DB_POOL_SIZE", T::kInt, "0", "0..256", false, "database"},
    {"DB_BUSY_TIMEOUT_MS", T::kInt, "5000", "0..600000", false, "database"},
    {"DB_REQUEST_LOCK_WAIT_MS", T::kInt, "2000", "0..600000", false, "database"},

    {"SESSION_DRIVER", T::kEnum, "database", "database", false, "session"},
    {"SESSION_LIFETIME", T::kInt, "120", "1..525600", false, "session"},
    {"SESSION_ABSOLUTE_LIFETIME", T::kInt, "720", "0..525600", false, "session"},
    {"SESSION_EXPIRE_ON_CLOSE", T::kBool, "false", "", false, "session"},
    {"SESSION_COOKIE", T::kString, "", "", false, "session"},
    {"SESSION_PATH", T::kString, "/", "", false, "session"},
    {"SESSION_DOMAIN", T::kString, "", "", false, "session"},
    {"SESSION_SECURE_COOKIE", T::kBool, "false", "", false, "session"},
    {"SESSION_HTTP_ONLY", T::kBool, "true", "", false, "session"},
    {"SESSION_SAME_SITE", T::kEnum, "lax", "lax|strict|none", false, "session"},

    {"CACHE_STORE", T::kEnum, "database", "database|array|redis", false, "cache"},
    {"CACHE_PREFIX", T::kString, "", "", false, "cache"},
    {"RATE_LIMIT_STORE", T::kEnum, "auto", "auto|memory|database|redis", false, "cache"},
    {"REDIS_URL", T::kString, "redis://127.0.0.1:6379/0", "", true, "cache"},
    {"REDIS_TIMEOUT_MS", T::kInt, "250", "10..10000", false, "cache"},
    {"QUEUE_CONNECTION", T::kEnum, "database", "database|sync", false, "queue"},

    {"SECURITY_HEADERS_ENABLED", T::kBool, "true", "", false, "security"},
    {"SECURITY_CSP_ENABLED", T::kBool, "true", "", false, "security"},
    {"SECURITY_CSP", T::kString, "", "", false, "security"},
    {"ADMIN_ALLOWED_EMAILS", T::kCsv, "", "", false, "security"},
    {"ADMIN_ALLOWED_IPS", T::kCsv, "", "", false, "security"},
    {"ADMIN_REQUIRE_REAUTH_MINUTES", T::kInt, "0", "0..525600", false, "security"},
    {"ADMIN_2FA_REQUIRED", T::kBool, "false", "", false, "security"},
    {"ADMIN_2FA_SESSION_MINUTES", T::kInt, "0", "0..525600", false, "security"},
    {"ADMIN_2FA_RECOVERY_CODES_COUNT", T::kInt, "8", "1..50", false, "security"},
    {"ADMIN_2FA_RECOVERY_EXPORT_TTL_MINUTES", T::kInt, "30", "1..1440", false, "security"},
    {"ADMIN_EMAIL", T::kString, "admin@nico.local", "", false, "security"},
    {"ADMIN_PASSWORD", T::kString, "", "", true, "security"},
    {"PASSWORD_HASH_OPSLIMIT", T::kInt, "2", "1..10", false, "security"},
    {"PASSWORD_HASH_MEMLIMIT_KIB", T::kInt, "19456", "8..1048576", false, "security"},

    {"RATE_LIMIT_AUTH_LOGIN_PER_MINUTE", T::kInt, "12", "1..100000", false, "rate_limits"},
    {"RATE_LIMIT_AUTH_REGISTER_PER_MINUTE", T::kInt, "6", "1..100000", false, "rate_limits"},
    {"RATE_LIMIT_CART_WRITE_PER_MINUTE", T::kInt, "80", "1..100000", false, "rate_limits"},
    {"RATE_LIMIT_CHECKOUT_CONFIRM_PER_MINUTE", T::kInt, "10", "1..100000", false, "rate_limits"},
    {"RATE_LIMIT_CART_WRITE_PER_IP_PER_MINUTE", T::kInt, "400", "1..1000000", false, "rate_limits"},
    {"RATE_LIMIT_CHECKOUT_CONFIRM_PER_IP_PER_MINUTE", T::kInt, "60", "1..1000000", false, "rate_limits"},
    {"RATE_LIMIT_REPAIR_LOOKUP_PER_MINUTE", T::kInt, "8", "1..1000000", false, "rate_limits"},
    {"RATE_LIMIT_ADMIN_REQUESTS_PER_MINUTE", T::kInt, "240", "1..1000000", false, "rate_limits"},
    {"RATE_LIMIT_ADMIN_2FA_PER_MINUTE", T::kInt, "12", "1..100000", false, "rate_limits"},

    {"MONITORING_ENABLED", T::kBool, "true", "", false, "monitoring"},
    {"SENTRY_DSN", T::kUrl, "", "", true, "monitoring"},
    {"OPS_ALERTS_ENABLED", T::kBool, "true", "", false, "monitoring"},
    {"OPS_ALERTS_CHANNEL", T::kString, "ops_alerts", "", false, "monitoring"},
    {"OPS_ALERTS_DEDUPE_MINUTES", T::kInt, "10", "0..10080", false, "monitoring"},
    {"OPS_ALERT_LEVEL", T::kEnum, "critical", "debug|info|notice|warning|error|critical|alert|emergency", false,
     "monitoring"},
    {"OPS_ALERT_DAILY_DAYS", T::kInt, "30", "0..3650", false, "monitoring"},
    {"OPS_ALERT_STACK", T::kCsv, "ops_daily", "", false, "monitoring"},
    {"OPS_ALERT_WEBHOOK_URL", T::kUrl, "", "", true, "monitoring"},
    {"OPS_ALERT_USERNAME", T::kString, "NicoReparaciones Alerts", "", false, "monitoring"},
    {"OPS_ALERT_EMOJI", T::kString, ":rotating_light:", "", false, "monitoring"},
    // Prometheus /metrics (web/metrics.hpp): off by default; readable from METRICS_ALLOWED_IPS or with the token.
    {"METRICS_ENABLED", T::kBool, "false", "", false, "monitoring"},
    {"METRICS_ALLOWED_IPS", T::kCsv, "", "", false, "monitoring"},
    {"METRICS_TOKEN", T::kString, "", "", true, "monitoring"},

    {"OPS_HEALTH_CHECK_TIME", T::kTime, "03:00", "", false, "ops"},
    {"OPS_MAINTENANCE_WARN_MINUTES", T::kInt, "30", "0..100000", false, "ops"},
    {"OPS_BACKUP_TIME", T::kTime, "03:15", "", false, "ops"},
    {"OPS_BACKUP_PATH", T::kString, "storage/app/backups", "", false, "ops"},
    {"OPS_BACKUP_FILES_SOURCE", T::kString, "storage/app/public", "", false, "ops"},
    {"OPS_BACKUP_RETENTION_DAYS", T::kInt, "14", "0..36500", false, "ops"},
    {"OPS_BACKUP_ONLY", T::kEnum, "all", "all|db|files", false, "ops"},
    {"OPS_BACKUP_COMMAND_TIMEOUT", T::kInt, "180", "1..86400", false, "ops"},
    {"MYSQLDUMP_BINARY", T::kString, "", "", false, "ops"},
    {"OPS_BACKUP_ENCRYPTION_KEY", T::kString, "", "", true, "ops"},
    {"OPS_STALE_REPAIR_DAYS", T::kInt, "7", "1..3650", false, "ops"},
    // The operational digest (docs/domain/alerts.md): daily at OPS_DIGEST_TIME to OPS_DIGEST_RECIPIENTS (empty =
    // every admin's e-mail).
    {"OPS_DIGEST_TIME", T::kTime, "08:00", "", false, "ops"},
    {"OPS_DIGEST_RECIPIENTS", T::kCsv, "", "", false, "ops"},
    // One low-stock threshold for the dashboard, the products filter, the digest and the alert centre.
    {"STORE_LOW_STOCK_THRESHOLD", T::kInt, "3", "0..100000", false, "ops"},

    {"MAIL_MAILER", T::kEnum, "log", "log|smtp|array", false, "mail"},
    {"MAIL_SCHEME", T::kEnum, "", "|smtp|smtps", false, "mail"},
    {"MAIL_HOST", T::kString, "127.0.0.1", "", false, "mail"},
    {"MAIL_PORT", T::kInt, "2525", "1..65535", false, "mail"},
    {"MAIL_USERNAME", T::kString, "", "", false, "mail"},
    {"MAIL_PASSWORD", T::kString, "", "", true, "mail"},
    {"MAIL_FROM_ADDRESS", T::kString, "hello@example.com", "", false, "mail"},
    {"MAIL_FROM_NAME", T::kString, "NicoReparaciones", "", false, "mail"},
    {"MAIL_EHLO_DOMAIN", T::kString, "", "", false, "mail"},

    // Google sign-in (empty client id or secret = off). The endpoints default to Google's; tests point them at a
    // local fake provider.
    {"GOOGLE_CLIENT_ID", T::kString, "", "", false, "google"},
    {"GOOGLE_CLIENT_SECRET", T::kString, "", "", true, "google"},
    {"GOOGLE_REDIRECT_URI", T::kUrl, "", "", false, "google"},
    {"GOOGLE_AUTH_URL", T::kUrl, "https://accounts.google.com/o/oauth2/v2/auth", "", false, "google"},
    {"GOOGLE_TOKEN_URL", T::kUrl, "https://oauth2.googleapis.com/token", "", false, "google"},
    {"GOOGLE_USERINFO_URL", T::kUrl, "https://openidconnect.googleapis.com/v1/userinfo", "", false, "google"},
    {"ADMIN_ALLOW_GOOGLE", T::kBool, "false", "", false, "google"},

    // Customer e-mail verification: optional = a banner in /mi-cuenta; required = no checkout until verified.
    {"AUTH_EMAIL_VERIFICATION", T::kEnum, "optional", "optional|required", false, "auth"},
};

const ConfigKey* find_key(std::string_view name) {
  for (const auto& key : kKeys) {
    if (key.name == name) return &key;
  }
  return nullptr;
}

bool parse_int(std::string_view text, std::int64_t& out) {
  if (text.empty()) return false;
  std::size_t i = (text[0] == '-' || text[0] == '+') ? 1 : 0;
  if (i == text.size()) return false;
  for (std::size_t k = i; k < text.size(); ++k) {
    if (text[k] < '0' || text[k] > '9') return false;
  }
  try {
    out = std::stoll(std::string(text));
  } catch (...) {
    return false;
  }
  return true;
}

std::optional<bool> parse_bool(std::string_view text) {
  std::string v = to_lower(text);
  if (v == "true" || v == "1" || v == "yes" || v == "on" || v == "(true)") return true;
  if (v == "false" || v == "0" || v == "no" || v == "off" || v == "(false)" || v.empty()) return false;
  return std::nullopt;
}

// An absolute http(s) URL with a host: what APP_URL, webhooks and Sentry DSNs must be.
bool looks_like_url(std::string_view text) {
  std::string_view rest;
  if (starts_with_ci(text, "http://")) rest = text.substr(7);
  else if (starts_with_ci(text, "https://")) rest = text.substr(8);
  else return false;
  std::size_t host_end = rest.find_first_of("/?#");
  std::string_view host = rest.substr(0, host_end);
  if (std::size_t at = host.rfind('@'); at != std::string_view::npos) host = host.substr(at + 1);
  if (host.empty() || host.front() == ':') return false;
  for (char c : rest) {
    if (c == ' ' || c == '\t' || c == '"' || c == '<' || c == '>') return false;
  }
  return true;
}

void validate_value(const ConfigKey& key, std::string& value) {
  switch (key.type) {
    case T::kString:
    case T::kCsv:
      return;
    case T::kInt: {
      std::int64_t number = 0;
      if (!parse_int(value, number)) throw ConfigError(std::string(key.name), "must be a whole number, got '" + value + "'");
      std::string_view range = key.allowed;
      if (std::size_t dots = range.find(".."); dots != std::string_view::npos) {
        std::int64_t limit = 0;
        if (parse_int(range.substr(0, dots), limit) && number < limit)
          throw ConfigError(std::string(key.name), "must be at least " + std::to_string(limit) + ", got " + value);
        if (parse_int(range.substr(dots + 2), limit) && number > limit)
          throw ConfigError(std::string(key.name), "must be at most " + std::to_string(limit) + ", got " + value);
      }
      value = std::to_string(number);
      return;
    }
    case T::kBool: {
      auto parsed = parse_bool(value);
      if (!parsed) throw ConfigError(std::string(key.name), "must be true or false, got '" + value + "'");
      value = *parsed ? "true" : "false";
      return;
    }
    case T::kUrl:
      if (!value.empty() && !looks_like_url(value))
        throw ConfigError(std::string(key.name), "must be an absolute http(s) URL, got '" + value + "'");
      return;
    case T::kEnum: {
      std::string lowered = to_lower(value);
      std::string_view allowed = key.allowed;
      std::size_t start = 0;
      while (start <= allowed.size()) {
        std::size_t end = allowed.find('|', start);
        if (end == std::string_view::npos) end = allowed.size();
        if (allowed.substr(start, end - start) == lowered) {
          value = lowered;
          return;
        }
        start = end + 1;
      }
      std::string shown = std::string(allowed);
      std::replace(shown.begin(), shown.end(), '|', ',');
      throw ConfigError(std::string(key.name), "unknown value '" + value + "' (allowed: " + shown + ")");
    }
    case T::kTime: {
      bool ok = value.size() == 5 && value[2] == ':' && std::isdigit(static_cast<unsigned char>(value[0])) &&
                std::isdigit(static_cast<unsigned char>(value[1])) && std::isdigit(static_cast<unsigned char>(value[3])) &&
                std::isdigit(static_cast<unsigned char>(value[4]));
      if (ok) {
        int hours = std::stoi(value.substr(0, 2)), minutes = std::stoi(value.substr(3, 2));
        ok = hours < 24 && minutes < 60;
      }
      if (!ok) throw ConfigError(std::string(key.name), "must be a time HH:MM, got '" + value + "'");
      return;
    }
  }
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  // An unreadable .env must not read as an empty one (every default, no APP_KEY): say what is missing.
  if (!in) {
    if (auto problem = permission_problem(path, Access::kRead)) throw ConfigError("", *problem);
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace

const std::vector<ConfigKey>& config_keys() { return kKeys; }

std::filesystem::path Config::frozen_path(const std::filesystem::path& base_path) {
  return base_path / "storage" / "framework" / "config.frozen";
}

Config Config::load(const ConfigSources& sources) {
  Config config;
  config.base_path_ = sources.base_path;
  std::map<std::string, std::string> file_values;

  auto frozen = frozen_path(sources.base_path);
  if (sources.prefer_frozen && std::filesystem::exists(frozen)) {
    // A frozen configuration is complete on its own: neither .env nor the environment is read (as Laravel's
    // config cache), so what `nico optimize` validated is exactly what runs.
    EnvParseError error;
    if (!parse_env_text(read_file(frozen), file_values, error))
      throw ConfigError("", frozen.string() + " line " + std::to_string(error.line) + ": " + error.message);
    config.origin_ = "frozen (" + frozen.string() + ")";
  } else {
    auto env_file = sources.base_path / ".env";
    if (std::filesystem::exists(env_file)) {
      EnvParseError error;
      if (!parse_env_text(read_file(env_file), file_values, error))
        throw ConfigError("", ".env line " + std::to_string(error.line) + ": " + error.message);
    }
    config.origin_ = ".env + environment";
    if (sources.read_environment) {
      for (const auto& key : kKeys) {
        if (const char* value = std::getenv(std::string(key.name).c_str())) file_values[std::string(key.name)] = value;
      }
    }
  }

  for (const auto& [name, value] : file_values) {
    if (find_key(name)) config.values_[name] = value;
    else config.unknown_keys_.push_back(name);
  }
  config.validate_and_normalise();
  return config;
}

Config Config::from_values(const std::map<std::string, std::string>& values, std::filesystem::path base_path) {
  Config config;
  config.base_path_ = std::move(base_path);
  config.origin_ = "explicit values";
  for (const auto& [name, value] : values) {
    if (!find_key(name)) throw ConfigError(name, "unknown configuration key");
    config.values_[name] = value;
  }
  config.validate_and_normalise();
  return config;
}

void Config::validate_and_normalise() {
  for (const auto& key : kKeys) {
    auto it = values_.find(key.name);
    if (it == values_.end()) {
      values_.emplace(std::string(key.name), std::string(key.default_value));
      it = values_.find(key.name);
    }
    // Strings are trimmed; an empty value means "use the default" except where empty is meaningful.
    it->second = trim(it->second);
    if (it->second.empty() && key.type != T::kString && key.type != T::kCsv && key.type != T::kUrl)
      it->second = std::string(key.default_value);
    validate_value(key, it->second);
  }
  auto& app_key = values_["APP_KEY"];
  if (!app_key.empty() && decode_app_key(app_key).empty())
    throw ConfigError("APP_KEY", "must be 'base64:' followed by 32 random bytes in base64 (run: nico key:generate)");
  if (values_["SESSION_COOKIE"].empty()) {
    std::string slug = slugify(values_["APP_NAME"]);
    values_["SESSION_COOKIE"] = (slug.empty() ? std::string("nico") : slug) + "-session";
  }
  if (values_["SESSION_SAME_SITE"] == "none" && values_["SESSION_SECURE_COOKIE"] != "true")
    throw ConfigError("SESSION_SAME_SITE", "'none' requires SESSION_SECURE_COOKIE=true (browsers reject it otherwise)");
}

const std::string& Config::str(std::string_view key) const {
  auto it = values_.find(key);
  if (it == values_.end()) throw ConfigError(std::string(key), "unknown configuration key");
  return it->second;
}

std::int64_t Config::integer(std::string_view key) const { return std::stoll(str(key)); }

bool Config::boolean(std::string_view key) const { return str(key) == "true"; }

std::vector<std::string> Config::list(std::string_view key) const { return split_csv(str(key)); }

std::filesystem::path Config::storage_path(std::string_view relative) const {
  auto path = base_path_ / "storage";
  return relative.empty() ? path : path / relative;
}

std::filesystem::path Config::resolve_path(std::string_view configured) const {
  std::filesystem::path path(configured);
  return path.is_absolute() ? path : base_path_ / path;
}

void Config::write_frozen(const std::filesystem::path& file) const {
  std::filesystem::create_directories(file.parent_path());
  std::ostringstream out;
  out << "# Frozen by `nico optimize`. Remove with `nico optimize:clear`; edit .env instead.\n";
  for (const auto& key : kKeys) {
    const std::string& value = str(key.name);
    // Single quotes keep the value verbatim (no ${} expansion); double quotes only where a value needs them.
    if (value.find('\'') == std::string::npos && value.find('\n') == std::string::npos)
      out << key.name << "='" << value << "'\n";
    else
      out << key.name << "=\"" << replace_all(value, "\n", "\\n") << "\"\n";
  }
  // Secrets inside: owner-only from the first byte (env_file.hpp), never loosened.
  write_private_file(file, out.str());
}

std::string decode_app_key(std::string_view app_key) {
  std::string bytes;
  if (starts_with_ci(app_key, "base64:")) bytes = base64_decode(app_key.substr(7));
  else if (app_key.size() == 64) bytes = hex_decode(app_key);
  return bytes.size() == 32 ? bytes : std::string();
}

}  // namespace core
