// Seen marks and the header badge of the alert centre (see alert_centre.hpp).
#include "domain/alerts/alert_centre.hpp"

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <utility>

#include "core/clock.hpp"
#include "core/log.hpp"
#include "db/database.hpp"
#include "db/row_values.hpp"
#include "db/unit_of_work.hpp"
#include "domain/alerts/digest_delivery.hpp"

namespace alerts {

namespace {

std::mutex g_keys_mutex;
std::shared_ptr<const std::vector<std::string>> g_keys;  // shared, never copied per request
std::int64_t g_keys_at = 0;                              // unix seconds; 0 = never computed
// Bumped whenever the key list or anybody's marks change in this process: a badge count computed at the same
// generation is still right (marks written on another node show once the keys are recomputed, ≤ kKeysSeconds).
std::uint64_t g_generation = 1;
std::unordered_map<long long, std::pair<std::uint64_t, std::size_t>> g_badges;  // user → (generation, unseen)

void replace_keys(std::shared_ptr<const std::vector<std::string>> keys, std::int64_t now) {
  std::lock_guard<std::mutex> lock(g_keys_mutex);
  g_keys = std::move(keys);
  g_keys_at = now;
  ++g_generation;
  g_badges.clear();
}

void marks_changed() {
  std::lock_guard<std::mutex> lock(g_keys_mutex);
  ++g_generation;
}

std::shared_ptr<const std::vector<std::string>> current_keys(db::Database& database, const core::Config& config) {
  std::int64_t now = core::unix_now();
  {
    std::lock_guard<std::mutex> lock(g_keys_mutex);
    if (g_keys && now - g_keys_at < kKeysSeconds) return g_keys;
  }
  auto keys = std::make_shared<std::vector<std::string>>();
  for (const auto& item : compute_digest(database, configured_rules(config), std::chrono::system_clock::now()).items())
    keys->push_back(item.key());
  replace_keys(keys, now);
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
  marks_changed();
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
  marks_changed();
}

std::size_t unseen_count(db::Database& database, const core::Config& config, long long user_id) {
  try {
    auto keys = current_keys(database, config);
    if (keys->empty()) return 0;
    std::uint64_t generation = 0;
    {
      std::lock_guard<std::mutex> lock(g_keys_mutex);
      generation = g_generation;
      if (auto cached = g_badges.find(user_id); cached != g_badges.end() && cached->second.first == generation)
        return cached->second.second;
    }
    long long seen = 0;
    auto sql = database.lease();
    *sql << "SELECT COUNT(*) FROM admin_alert_seen WHERE user_id = :u AND item_key IN (" + in_list(*keys) + ")",
        soci::use(user_id), soci::into(seen);
    std::size_t unseen = keys->size() > static_cast<std::size_t>(seen) ? keys->size() - static_cast<std::size_t>(seen) : 0;
    std::lock_guard<std::mutex> lock(g_keys_mutex);
    if (g_generation == generation) g_badges[user_id] = {generation, unseen};
    return unseen;
  } catch (const std::exception& e) {
    core::log::warning("Alert badge not computed", {{"error", e.what()}});
    return 0;
  }
}

void remember_current_keys(const std::vector<std::string>& keys) {
  replace_keys(std::make_shared<const std::vector<std::string>>(keys), core::unix_now());
}

}  // namespace alerts
