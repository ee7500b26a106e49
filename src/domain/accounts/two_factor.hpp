// Admin two-factor authentication (docs/domain/accounts.md "Admin 2FA"), stored on the users row:
//   admin_two_factor_secret           base32 TOTP secret, encrypted with a key derived from APP_KEY
//   admin_two_factor_enabled_at       when it was confirmed with a first code
//   admin_two_factor_recovery_codes   JSON array of SHA-256 hashes of single-use codes XXXX-XXXX-XXXX
//   admin_two_factor_last_used_step   the TOTP time step last accepted: a code is accepted once (no replay)
// Every "use" is one conditional UPDATE, so two nodes racing with the same code cannot both accept it.
// Blocking (SQL): worker threads only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace db {
class Database;
class Tx;
}
namespace soci {
class session;
}

namespace accounts {

struct TwoFactorState {
  bool enabled = false;
  std::string enabled_at;           // UTC SQL timestamp, "" when disabled
  std::string secret;               // decrypted base32 secret ("" when none or undecryptable)
  int remaining_codes = 0;
  std::string codes_generated_at;   // UTC SQL timestamp
};

enum class SecondFactor { kRejected, kTotp, kRecoveryCode };

class TwoFactorService final {
 public:
  TwoFactorService(db::Database& database, std::string app_key, int recovery_code_count);

  // Writers take the caller's transaction (the handler appends the audit entry to it); state() reads on its own
  // connection, or on the caller's.
  TwoFactorState state(std::int64_t user_id) const;
  TwoFactorState state(soci::session& sql, std::int64_t user_id) const;
  // A fresh random secret: 32 base32 characters (160 bits).
  static std::string new_secret();
  // Confirms `secret` with `code` and enables 2FA. Returns the plain recovery codes (shown once) or nullopt
  // when the code does not verify.
  std::optional<std::vector<std::string>> enable(db::Tx& tx, std::int64_t user_id, const std::string& secret,
                                                 const std::string& code, std::int64_t now) const;
  // Checks a TOTP code (marking its step used) or consumes a recovery code.
  SecondFactor verify(db::Tx& tx, std::int64_t user_id, const std::string& token, std::int64_t now) const;
  // Replaces every recovery code; returns the new plain codes.
  std::vector<std::string> regenerate_codes(db::Tx& tx, std::int64_t user_id) const;
  void disable(db::Tx& tx, std::int64_t user_id) const;

 private:
  bool mark_step_used(db::Tx& tx, std::int64_t user_id, std::int64_t step) const;
  bool consume_recovery_code(db::Tx& tx, std::int64_t user_id, const std::string& normalised) const;
  std::vector<std::string> make_codes() const;

  db::Database& database_;
  std::string app_key_;
  int recovery_code_count_;
};

// "k7qm 3zpa-w9xd" → "K7QM-3ZPA-W9XD"; "" when it is not 12 letters/digits. (Unlike the reference, lower case
// letters are kept and upper-cased, not dropped.)
std::string normalise_recovery_code(std::string_view input);

}  // namespace accounts
