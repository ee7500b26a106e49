// The visitor's session: a small string map persisted in the `sessions` table (SESSION_DRIVER=database).
// A session row exists only once something is stored (login, flash, intended URL, cart): anonymous browsing
// writes nothing. The id travels in the session cookie; the table stores only its SHA-256, so a leaked
// database does not hand out live sessions.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace db {
class Database;
}

namespace web {

inline constexpr const char* kSessionStartedKey = "_started";  // unix seconds of creation / last sign-in

class Session final {
 public:
  std::optional<std::string> get(std::string_view key) const;
  std::string value(std::string_view key) const { return get(key).value_or(std::string()); }
  bool has(std::string_view key) const { return data_.count(std::string(key)) > 0; }
  void put(std::string key, std::string value);
  void forget(std::string_view key);
  // Removes and returns a value (one-shot reads such as the intended URL).
  std::optional<std::string> pull(std::string_view key);
  // New id, same data (login): the old id stops working.
  void regenerate();
  // New id, no data (logout).
  void invalidate();

  // The id the cookie will carry; a session that did not come with one gets a new random id here, when first
  // needed (most anonymous requests never store anything, and never need one).
  const std::string& id() const;
  bool exists() const { return !loaded_id_.empty(); }  // a row was loaded for this request
  bool dirty() const { return dirty_; }
  bool empty() const { return data_.empty(); }
  const std::map<std::string, std::string, std::less<>>& data() const { return data_; }

 private:
  friend class SessionStore;
  std::map<std::string, std::string, std::less<>> data_;
  mutable std::string id_;  // id the cookie will carry after this request ("" until id() draws one)
  std::string loaded_id_;   // id the row was loaded with ("" when none)
  std::int64_t last_activity_ = 0;
  bool dirty_ = false;
};

struct SessionSaveInfo {
  std::optional<std::int64_t> user_id;
  std::string ip_address;
  std::string user_agent;
};

// Result of saving: what the response must do with the cookie.
enum class CookieAction { kNone, kSet, kClear };

class SessionStore final {
 public:
  // `lifetime_minutes`: idle expiry. `absolute_minutes`: expiry counted from the session's start (0 = none).
  SessionStore(db::Database& database, int lifetime_minutes, int absolute_minutes = 0);
  // Loads the session for a cookie value; an unknown or expired id yields an empty, not-yet-existing session.
  Session load(std::string_view cookie_value) const;
  // Persists (insert/update), deletes an emptied session, or only refreshes last_activity once a minute: one
  // unit of work (a regenerated id drops the old row and writes the new one together). Never call it while this
  // thread holds a connection; now and then it collects garbage, after its own connection went back.
  CookieAction save(Session& session, const SessionSaveInfo& info) const;
  // Deletes expired rows (its own unit of work); returns how many.
  std::int64_t collect_garbage() const;

 private:
  db::Database& database_;
  int lifetime_minutes_;
  int absolute_minutes_;
};

}  // namespace web
