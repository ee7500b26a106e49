// Application configuration: one table of every known key (name, type, default, validator, secret flag),
// loaded from `.env` + the process environment (environment wins) or from the frozen file `nico optimize` writes.
// Used by start-up, `nico optimize`, `nico about` and the health check, so a key is declared exactly once.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace core {

// A bad configuration value. `key` names the offending key so the operator knows what to fix.
class ConfigError : public std::runtime_error {
 public:
  ConfigError(std::string key, const std::string& message)
      : std::runtime_error(key.empty() ? message : key + ": " + message), key_(std::move(key)) {}
  const std::string& key() const { return key_; }

 private:
  std::string key_;
};

enum class ConfigType { kString, kInt, kBool, kUrl, kEnum, kCsv, kTime };

struct ConfigKey {
  std::string_view name;
  ConfigType type;
  std::string_view default_value;  // as it would be written in .env
  std::string_view allowed;        // kEnum: "|"-separated values; kInt: "min..max" (either side optional)
  bool secret;                     // never printed by `nico about`
  std::string_view section;        // heading used when listing keys
};

// Every key the application reads. Adding a key = adding one row here.
const std::vector<ConfigKey>& config_keys();

struct ConfigSources {
  std::filesystem::path base_path;             // project root: .env, storage/, templates/, public/
  bool read_environment = true;                // process environment overrides .env
  bool prefer_frozen = true;                   // use storage/framework/config.frozen when present
};

class Config final {
 public:
  // Loads and validates. Throws ConfigError naming the first invalid key.
  static Config load(const ConfigSources& sources);
  // Builds a configuration from explicit values (tests); unspecified keys take their defaults.
  static Config from_values(const std::map<std::string, std::string>& values, std::filesystem::path base_path);

  const std::string& str(std::string_view key) const;
  std::int64_t integer(std::string_view key) const;
  bool boolean(std::string_view key) const;
  std::vector<std::string> list(std::string_view key) const;

  bool is_production() const { return str("APP_ENV") == "production"; }
  bool debug() const { return boolean("APP_DEBUG"); }

  const std::filesystem::path& base_path() const { return base_path_; }
  std::filesystem::path storage_path(std::string_view relative = {}) const;
  // Resolves a configured path: absolute stays, relative is taken from the project root.
  std::filesystem::path resolve_path(std::string_view configured) const;

  // Where the configuration came from ("frozen" or ".env + environment"), for `about` and the health check.
  const std::string& origin() const { return origin_; }
  // Keys found in .env that the application does not know (probably typos); reported as warnings.
  const std::vector<std::string>& unknown_keys() const { return unknown_keys_; }

  // All resolved values, in key-table order.
  const std::map<std::string, std::string, std::less<>>& values() const { return values_; }

  // Writes the frozen file atomically (temp file + rename). Throws on I/O failure.
  void write_frozen(const std::filesystem::path& file) const;
  static std::filesystem::path frozen_path(const std::filesystem::path& base_path);

 private:
  void validate_and_normalise();

  std::filesystem::path base_path_;
  std::map<std::string, std::string, std::less<>> values_;
  std::vector<std::string> unknown_keys_;
  std::string origin_;
};

// Decodes APP_KEY ("base64:…" of 32 bytes, or 64 hex chars) into raw key bytes; empty when unset or malformed.
std::string decode_app_key(std::string_view app_key);

}  // namespace core
