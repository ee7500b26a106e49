// A registered person: customer or admin.
#pragma once

#include <cstdint>
#include <string>

namespace accounts {

struct User {
  std::int64_t id = 0;
  std::string name;           // first name
  std::string last_name;      // "" when not given (required to buy)
  std::string phone;          // as typed ("341 555-0000"); "" when not given (required to buy)
  std::string email;          // lower-cased, trimmed
  std::string role = "user";  // "user" | "admin"
  std::string google_id;      // "" when not linked
  std::string password_hash;  // Argon2id PHC string
  std::string created_at;     // UTC "YYYY-MM-DD HH:MM:SS"
  std::string remember_token_hash;  // SHA-256 hex of the "remember me" token, "" when none
  bool two_factor_enabled = false;

  bool is_admin() const { return role == "admin"; }
  bool profile_complete() const { return !last_name.empty() && !phone.empty(); }
};

}  // namespace accounts
