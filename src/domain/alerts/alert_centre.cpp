// Seen marks and the header badge of the alert centre (see alert_centre.hpp).
#include "domain/alerts/alert_centre.hpp"

#include <chrono>
#include <mutex>

#include "core/clock.hpp"
#include "core/log.hpp"
#include "db/database.hpp"
#include "db/row_values.hpp"
#include "db/unit_of_work.hpp"
#include "domain/alerts/digest_delivery.hpp"

namespace alerts {

namespace {

std::mutex g_keys_mutex;
std::vector<std::string> g_keys;
std::int64_t g_keys_at = 0;  // unix seconds; 0 = never computed

std::vector<std::string> current_keys(db::Database& database, const core::Config& config) {
  std::int64_t now = core::unix_now();
  {
    std::lock_guard<std::mutex> lock(g_keys_mutex);
    if (g_keys_at != 0 && now - g_keys_at < kKeysSeconds) return g_keys;
  }
  std::vector<std::string> keys;
  for (const auto& item : compute_digest(database, configured_rules(config), std::chrono::system_clock::now()).items())
    keys.push_back(item.key());
  std::lock_guard<std::mutex> lock(g_keys_mutex);
  g_keys = keys;
  g_keys_at = now;
  return keys;
}

// "'a', 'b'" for an IN list. Keys are built by digest.cpp from a kind name and an id ([a-z_]+:[0-9]+); anything
// else is dropped rather than quoted, so no text from a request ever reaches the SQL.
std::string in_list(const std::vector<std::string>& keys) {
  std::string list;
  for (const auto& key : keys) {
    bool safe = !key.empty() && key.size() <= 64;
    for (char c : key) safe = safe && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == ':');
    if (safe) list += (list.empty() ? "'" : ", '") + key + "'";
  }
  return list;
}

}  // namespace

std::set<std::string> seen_keys(db::Database& database, long long user_id, const std::vector<std::string>& keys) {
  std::set<std::string> seen;
  std::string list = in_list(keys);
  if (list.empty()) return seen;
  auto sql = database.lease();
  soci::rowset<soci::row> rows =
      (sql->prepare << "SELECT item_key FROM admin_alert_seen WHERE user_id = :u AND item_key IN (" + list + ")",
       soci::use(user_id));
  for (const auto& row : rows) seen.insert(db::row_str(row, 0));
  return seen;
}

std::size_t mark_seen(db::Database& database, long long user_id, const std::vector<std::string>& keys,
                      const std::vector<std::string>& current) {
  std::string current_list = in_list(current);
  std::vector<std::string> wanted;
  for (const auto& key : keys)
    if (!in_list({key}).empty()) wanted.push_back(key);
  std::size_t added = 0;
  std::string now = core::utc_now_sql();
  db::write(database, [&](db::Tx& tx) {
    added = 0;
    if (current_list.empty())
      tx.sql() << "DELETE FROM admin_alert_seen WHERE user_id = :u", soci::use(user_id);
    else
      tx.sql() << "DELETE FROM admin_alert_seen WHERE user_id = :u AND item_key NOT IN (" + current_list + ")",
          soci::use(user_id);
    std::set<std::string> already;
    if (!wanted.empty()) {
      soci::rowset<soci::row> rows =
          (tx.sql().prepare << "SELECT item_key FROM admin_alert_seen WHERE user_id = :u AND item_key IN (" +
                                   in_list(wanted) + ")",
           soci::use(user_id));
      for (const auto& row : rows) already.insert(db::row_str(row, 0));
    }
    for (const auto& key : wanted) {
      if (already.count(key)) continue;
      already.insert(key);
      tx.sql() << "INSERT INTO admin_alert_seen (user_id, item_key, seen_at) VALUES (:u, :k, :t)", soci::use(user_id),
          soci::use(key), soci::use(now);
      ++added;
    }
  });
  return added;
}

void drop_stale_marks(db::Database& database, long long user_id, const std::vector<std::string>& current) {
  std::string current_list = in_list(current);
  auto sql = database.lease();
  if (current_list.empty())
    *sql << "DELETE FROM admin_alert_seen WHERE user_id = :u", soci::use(user_id);
  else
    *sql << "DELETE FROM admin_alert_seen WHERE user_id = :u AND item_key NOT IN (" + current_list + ")",
        soci::use(user_id);
}

std::size_t unseen_count(db::Database& database, const core::Config& config, long long user_id) {
  try {
    auto keys = current_keys(database, config);
    if (keys.empty()) return 0;
    std::string list = in_list(keys);
    long long seen = 0;
    auto sql = database.lease();
    *sql << "SELECT COUNT(*) FROM admin_alert_seen WHERE user_id = :u AND item_key IN (" + list + ")",
        soci::use(user_id), soci::into(seen);
    return keys.size() > static_cast<std::size_t>(seen) ? keys.size() - static_cast<std::size_t>(seen) : 0;
  } catch (const std::exception& e) {
    core::log::warning("Alert badge not computed", {{"error", e.what()}});
    return 0;
  }
}

void remember_current_keys(const std::vector<std::string>& keys) {
  std::lock_guard<std::mutex> lock(g_keys_mutex);
  g_keys = keys;
  g_keys_at = core::unix_now();
}

}  // namespace alerts
