// SQL access to the `users` table. Every method borrows a connection for its own duration; blocking.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "domain/accounts/user.hpp"

namespace db {
class Database;
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
  bool email_taken(const std::string& email, std::int64_t except_id = 0) const;
  // Inserts and returns the stored user. Throws on a unique violation (caller checks email_taken first;
  // a race between two sign-ups with one email ends in the unique index, never in two rows).
  User create(const NewUser& user) const;
  void update_profile(std::int64_t id, const std::string& name, const std::string& last_name,
                      const std::string& phone, const std::string& email) const;
  void update_password(std::int64_t id, const std::string& password_hash) const;
  void update_role(std::int64_t id, const std::string& role) const;
  // Stores the hash of a "remember me" token ("" clears it: every remembered browser is signed out).
  void set_remember_token_hash(std::int64_t id, const std::string& token_hash) const;

 private:
  db::Database& database_;
};

}  // namespace accounts
