// SQL access to the `users` table. Reads borrow a connection for their own duration (or use the caller's);
// writers run in the caller's transaction (db::Tx). Blocking.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "domain/accounts/user.hpp"

namespace db {
class Database;
class Tx;
}
namespace soci {
class session;
}

namespace accounts {

struct NewUser {
  std::string name, last_name, phone, email, password_hash;
  std::string role = "user";
};

class UserRepository final {
 public:
  explicit UserRepository(db::Database& database) : database_(database) {}

  std::optional<User> find_by_id(std::int64_t id) const;
  std::optional<User> find_by_email(const std::string& email) const;
  // Same, on the caller's connection (inside a unit of work).
  static std::optional<User> find_by_email(soci::session& sql, const std::string& email);
  static std::optional<User> find_by_id(soci::session& sql, std::int64_t id);
  bool email_taken(const std::string& email, std::int64_t except_id = 0) const;
  // Inserts and returns the stored user. Throws on a unique violation (caller checks email_taken first;
  // a race between two sign-ups with one email ends in the unique index, never in two rows).
  // Writers run in the caller's transaction.
  User create(db::Tx& tx, const NewUser& user) const;
  void update_profile(db::Tx& tx, std::int64_t id, const std::string& name, const std::string& last_name,
                      const std::string& phone, const std::string& email) const;
  void update_password(db::Tx& tx, std::int64_t id, const std::string& password_hash) const;
  void update_role(db::Tx& tx, std::int64_t id, const std::string& role) const;
  // Stores the hash of a "remember me" token ("" clears it: every remembered browser is signed out).
  void set_remember_token_hash(db::Tx& tx, std::int64_t id, const std::string& token_hash) const;
  // Signs the user out everywhere: deletes every stored session row of theirs and clears the remember-me hash.
  // The caller's own session survives only because the route regenerates it (new row, written after this).
  void end_all_sessions(db::Tx& tx, std::int64_t id) const;

  db::Database& database() const { return database_; }

 private:
  db::Database& database_;
};

}  // namespace accounts
