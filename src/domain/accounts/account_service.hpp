// Account use cases: sign-up, sign-in check, profile and password changes, admin creation. Validation rules and
// Spanish messages: docs/domain/accounts.md. Blocking (SQL + Argon2id): call from worker threads only.
#pragma once

#include <mutex>
#include <optional>
#include <string>

#include "core/crypto.hpp"
#include "core/validation.hpp"
#include "domain/accounts/user.hpp"
#include "domain/accounts/user_repository.hpp"

namespace accounts {

struct RegistrationInput {
  std::string name, last_name, phone, email, password, password_confirmation;
};

struct ProfileInput {
  std::string name, last_name, phone, email;
};

struct PasswordChangeInput {
  std::string current_password, password, password_confirmation;
};

struct RegistrationResult {
  std::optional<User> user;  // set on success
  core::FieldErrors errors;  // set on failure
};

class AccountService final {
 public:
  AccountService(const UserRepository& users, core::PasswordHashCost cost);

  RegistrationResult register_customer(const RegistrationInput& input) const;
  // The user whose email and password match, or nullopt. Takes the same time whether or not the email exists.
  std::optional<User> authenticate(const std::string& email, const std::string& password) const;
  // Validates and saves; returns the errors (empty on success). `user` is updated in place on success.
  core::FieldErrors update_profile(User& user, const ProfileInput& input) const;
  // On success every session and remember-me token of the user ends (the route regenerates the current one).
  core::FieldErrors change_password(const User& user, const PasswordChangeInput& input) const;
  // Creates an admin, or promotes and re-passwords the existing account with that email. Returns the user.
  User create_or_update_admin(const std::string& name, const std::string& email, const std::string& password) const;

  std::optional<User> find(std::int64_t id) const { return users_.find_by_id(id); }
  const UserRepository& users() const { return users_; }

 private:
  const UserRepository& users_;
  core::PasswordHashCost cost_;
  // Verified against when the email is unknown, so that case costs as much as a wrong password. Computed on
  // first use (not at start-up, which must stay fast and small).
  const std::string& timing_dummy_hash() const;
  mutable std::once_flag dummy_once_;
  mutable std::string timing_dummy_hash_;
};

// "  Ana@Example.COM " → "ana@example.com"
std::string normalise_email(const std::string& email);

}  // namespace accounts
