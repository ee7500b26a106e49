// Session persistence (see session.hpp). Payload format: application/x-www-form-urlencoded pairs, which keeps
// the row readable in a SQL console and needs no JSON library on the hot path.
#include "web/session.hpp"

#include <algorithm>
#include <cctype>
#include <random>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "db/database.hpp"
#include "db/unit_of_work.hpp"
#include "http/form.hpp"

namespace web {

namespace {
constexpr std::size_t kIdLength = 40;
constexpr std::int64_t kTouchIntervalSeconds = 60;  // last_activity is refreshed at most once a minute
constexpr int kGarbageCollectionOdds = 50;          // 1 in 50 saves sweeps expired rows

std::string storage_key(std::string_view id) { return core::sha256_hex(id); }

bool plausible_id(std::string_view id) {
  if (id.size() != kIdLength) return false;
  for (char c : id) {
    if (!std::isalnum(static_cast<unsigned char>(c))) return false;
  }
  return true;
}
}  // namespace

std::optional<std::string> Session::get(std::string_view key) const {
  auto it = data_.find(key);
  if (it == data_.end()) return std::nullopt;
  return it->second;
}

void Session::put(std::string key, std::string value) {
  auto it = data_.find(key);
  if (it != data_.end() && it->second == value) return;
  data_[std::move(key)] = std::move(value);
  dirty_ = true;
}

void Session::forget(std::string_view key) {
  auto it = data_.find(key);
  if (it == data_.end()) return;
  data_.erase(it);
  dirty_ = true;
}

std::optional<std::string> Session::pull(std::string_view key) {
  auto found = get(key);
  forget(key);
  return found;
}

const std::string& Session::id() const {
  if (id_.empty()) id_ = core::random_token(kIdLength);
  return id_;
}

void Session::regenerate() {
  id_ = core::random_token(kIdLength);
  dirty_ = true;
}

void Session::invalidate() {
  data_.clear();
  regenerate();
}

SessionStore::SessionStore(db::Database& database, int lifetime_minutes, int absolute_minutes)
    : database_(database), lifetime_minutes_(lifetime_minutes), absolute_minutes_(absolute_minutes) {}

Session SessionStore::load(std::string_view cookie_value) const {
  Session session;
  if (!plausible_id(cookie_value)) return session;  // a new one: its id is drawn if it is ever needed
  std::string key = storage_key(cookie_value);
  std::string payload;
  long long last_activity = 0;
  soci::indicator payload_indicator = soci::i_null;
  bool found = db::read(database_, [&](soci::session& sql) {
    sql << "SELECT payload, last_activity FROM sessions WHERE id = :id", soci::use(key),
        soci::into(payload, payload_indicator), soci::into(last_activity);
    return sql.got_data();
  });
  if (!found || last_activity < core::unix_now() - lifetime_minutes_ * 60LL) return session;
  http::FormData pairs;
  http::parse_urlencoded(payload, pairs);
  for (const auto& [name, value] : pairs.fields()) session.data_[name] = value;
  if (absolute_minutes_ > 0) {
    auto started = session.data_.find(kSessionStartedKey);
    std::int64_t started_at = 0;
    try {
      if (started != session.data_.end()) started_at = std::stoll(started->second);
    } catch (const std::exception&) {
      started_at = 0;
    }
    if (started_at < core::unix_now() - absolute_minutes_ * 60LL) {
      // Past its absolute lifetime: a new, empty session (the old row goes with the next garbage collection).
      return Session();
    }
  }
  session.id_ = std::string(cookie_value);
  session.loaded_id_ = session.id_;
  session.last_activity_ = last_activity;
  return session;
}

CookieAction SessionStore::save(Session& session, const SessionSaveInfo& info) const {
  const std::int64_t now = core::unix_now();
  bool id_changed = session.exists() && session.loaded_id_ != session.id_;

  if (!session.dirty_) {
    if (session.exists() && now - session.last_activity_ >= kTouchIntervalSeconds) {
      std::string key = storage_key(session.id_);
      long long stamp = now;
      db::write(database_, [&](db::Tx& tx) {
        tx.sql() << "UPDATE sessions SET last_activity = :now WHERE id = :id", soci::use(stamp), soci::use(key);
      });
      return CookieAction::kSet;  // sliding expiry: the cookie's Max-Age moves with the row
    }
    return CookieAction::kNone;
  }

  // Bookkeeping alone (the start time) is not worth a row: such a session is deleted like an empty one.
  bool has_content = std::any_of(session.data_.begin(), session.data_.end(),
                                 [](const auto& entry) { return entry.first != kSessionStartedKey; });
  bool delete_old = session.exists() && (id_changed || !has_content);
  std::string old_key = delete_old ? storage_key(session.loaded_id_) : std::string();
  if (!has_content) {
    if (delete_old)
      db::write(database_, [&](db::Tx& tx) { tx.sql() << "DELETE FROM sessions WHERE id = :id", soci::use(old_key); });
    return session.exists() ? CookieAction::kClear : CookieAction::kNone;
  }

  if (!session.data_.count(kSessionStartedKey)) session.data_[kSessionStartedKey] = std::to_string(now);
  std::vector<std::pair<std::string, std::string>> pairs(session.data_.begin(), session.data_.end());
  std::string payload = http::build_urlencoded(pairs);
  std::string key = storage_key(session.id());
  long long stamp = now;
  soci::indicator user_indicator = info.user_id ? soci::i_ok : soci::i_null;
  long long user_id = info.user_id.value_or(0);
  std::string user_agent = info.user_agent.substr(0, 500);
  std::string ip = info.ip_address.substr(0, 45);
  bool update_in_place = session.exists() && !id_changed;

  // One unit of work: a regenerated id (login) drops the old row and writes the new one together.
  db::write(database_, [&](db::Tx& tx) {
    soci::session& sql = tx.sql();
    if (delete_old) sql << "DELETE FROM sessions WHERE id = :id", soci::use(old_key);
    if (update_in_place) {
      sql << "UPDATE sessions SET user_id = :user_id, ip_address = :ip, user_agent = :ua, payload = :payload, "
             "last_activity = :now WHERE id = :id",
          soci::use(user_id, user_indicator), soci::use(ip), soci::use(user_agent), soci::use(payload),
          soci::use(stamp), soci::use(key);
    } else {
      sql << "INSERT INTO sessions (id, user_id, ip_address, user_agent, payload, last_activity) VALUES (:id, "
             ":user_id, :ip, :ua, :payload, :now)",
          soci::use(key), soci::use(user_id, user_indicator), soci::use(ip), soci::use(user_agent), soci::use(payload),
          soci::use(stamp);
    }
  });
  session.loaded_id_ = session.id_;
  session.last_activity_ = now;
  session.dirty_ = false;

  // After the write's connection went back to the pool: the collection is its own unit of work.
  static thread_local std::minstd_rand odds{std::random_device{}()};
  if (odds() % kGarbageCollectionOdds == 0) collect_garbage();
  return CookieAction::kSet;
}

std::int64_t SessionStore::collect_garbage() const {
  long long cutoff = core::unix_now() - lifetime_minutes_ * 60LL;
  return db::write(database_, [&](db::Tx& tx) -> std::int64_t {
    soci::statement statement =
        (tx.sql().prepare << "DELETE FROM sessions WHERE last_activity < :cutoff", soci::use(cutoff));
    statement.execute(true);
    return statement.get_affected_rows();
  });
}

}  // namespace web
