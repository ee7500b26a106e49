// Google sign-in, the account side: which local user a Google identity signs in as. Found by google_id, else
// linked to the account with the same e-mail (only when Google says the e-mail is verified: anyone can put any
// address on an unverified Google account), else a new customer. Admins are refused unless ADMIN_ALLOW_GOOGLE.
// Blocking (SQL, Argon2id for the random password): worker threads only.
#pragma once

#include <optional>
#include <string>

#include "core/crypto.hpp"
#include "domain/accounts/google_oauth.hpp"
#include "domain/accounts/user.hpp"

namespace accounts {

class UserRepository;

enum class GoogleOutcome {
  kSignedIn,       // the Google id was already linked
  kLinked,         // linked now to the account with the same verified e-mail
  kCreated,        // a new customer account
  kAdminRefused,   // the account is an admin and ADMIN_ALLOW_GOOGLE is off
  kNotLinkable,    // an account has that e-mail but Google does not vouch for it, or it is linked to another Google id
};

struct GoogleResolution {
  GoogleOutcome outcome = GoogleOutcome::kNotLinkable;
  std::optional<User> user;  // set for kSignedIn, kLinked, kCreated
};

class GoogleAccounts final {
 public:
  GoogleAccounts(const UserRepository& users, core::PasswordHashCost cost, bool admins_allowed)
      : users_(users), cost_(cost), admins_allowed_(admins_allowed) {}

  GoogleResolution resolve(const GoogleProfile& profile) const;

 private:
  const UserRepository& users_;
  core::PasswordHashCost cost_;
  bool admins_allowed_;
};

// "Ana María López" → {"Ana", "María López"}; given/family names from Google win when present.
std::pair<std::string, std::string> google_split_name(const GoogleProfile& profile);

}  // namespace accounts
