// The "queue.probe" diagnostics job (see queue_probe.hpp).
#include "infra/queue_probe.hpp"

#include <chrono>
#include <stdexcept>
#include <thread>

#include "core/clock.hpp"
#include "core/log.hpp"
#include "db/database.hpp"
#include "infra/queue.hpp"
#include "infra/queue_payload.hpp"

namespace infra {

namespace {
constexpr std::int64_t kCounterTtlSeconds = 86400;

// One statement, so two workers counting the same probe (which would be a bug worth seeing) both count.
// SQLite and PostgreSQL.
constexpr const char* kIncrementSqlite =
    "INSERT INTO cache (\"key\", value, expiration) VALUES (:k, '1', :e) ON CONFLICT(\"key\") DO UPDATE SET "
    "value = CAST(CAST(cache.value AS INTEGER) + 1 AS TEXT), expiration = excluded.expiration";
constexpr const char* kIncrementMysql =
    "INSERT INTO cache (\"key\", value, expiration) VALUES (:k, '1', :e) ON DUPLICATE KEY UPDATE "
    "value = CAST(CAST(value AS UNSIGNED) + 1 AS CHAR), expiration = VALUES(expiration)";
}  // namespace

std::string probe_data(std::string_view id, bool fail, int seconds) {
  std::string text = "{\"id\":" + core::json_quote(id);
  if (seconds > 0) text += ",\"seconds\":" + std::to_string(seconds);
  if (fail) text += ",\"fail\":true";
  return text + "}";
}

std::string probe_counter_key(std::string_view id) { return "queue.probe:" + std::string(id); }

void register_probe_job(JobRegistry& registry, db::Database& database, std::string cache_prefix) {
  registry.add(std::string(kProbeJobName), [&database, cache_prefix](const std::string& data) {
    std::string id = data_field(data, "id");
    if (id.empty()) throw std::invalid_argument("queue.probe needs an \"id\"");
    std::string seconds = data_field(data, "seconds");
    if (!seconds.empty()) std::this_thread::sleep_for(std::chrono::seconds(std::stoi(seconds)));
    std::string key = cache_prefix + probe_counter_key(id);
    long long expiration = core::unix_now() + kCounterTtlSeconds;
    auto sql = database.lease();
    *sql << (database.dialect() == db::Dialect::kMysql ? kIncrementMysql : kIncrementSqlite), soci::use(key),
        soci::use(expiration);
    if (data_flag(data, "fail")) throw std::runtime_error("queue.probe " + id + " failed on purpose (--fail)");
  });
}

std::optional<long long> probe_run_count(db::Database& database, std::string_view cache_prefix, std::string_view id) {
  std::string key = std::string(cache_prefix) + probe_counter_key(id), value;
  auto sql = database.lease();
  *sql << "SELECT value FROM cache WHERE \"key\" = :k", soci::use(key), soci::into(value);
  if (!sql->got_data()) return std::nullopt;
  try {
    return std::stoll(value);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace infra
