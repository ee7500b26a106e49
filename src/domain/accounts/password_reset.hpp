// Password reset tokens ("¿Olvidaste tu contraseña?"): issued by /recuperar-contrasena, mailed as a link to
// /restablecer-contrasena/{token}, claimed once by the reset. Table password_reset_tokens (migration 0125).
//
// - The token is 48 random [A-Za-z0-9] characters; only its SHA-256 hex is stored.
// - A link lasts kResetTokenMinutes. Issuing a new one retires the user's earlier unused links (the newest mail wins),
//   and a successful reset retires every link of the user.
// - claim_reset_token marks the row used with `WHERE used_at IS NULL AND expires_at > now`, so of two concurrent
//   submits exactly one changes the password.
// Every function writes or reads through the caller's transaction/connection (docs/ARCHITECTURE.md "Transactions").
// Blocking (SQL): worker threads only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/validation.hpp"

namespace db {
class Tx;
}
namespace soci {
class session;
}

namespace accounts {

inline constexpr int kResetTokenMinutes = 60;

enum class ResetTokenState { kValid, kUnknown, kExpired, kUsed };

struct ResetTokenLookup {
  ResetTokenState state = ResetTokenState::kUnknown;
  std::int64_t user_id = 0;  // set unless kUnknown
};

// Stores a new token for `user_id` (earlier unused ones of the user are retired) and returns it in clear: the
// caller puts it in the mail and nowhere else.
std::string issue_reset_token(db::Tx& tx, std::int64_t user_id, std::int64_t now_unix);

// What the link `token` is worth right now (for the reset page; the reset itself claims).
ResetTokenLookup find_reset_token(soci::session& sql, const std::string& token, std::int64_t now_unix);

// Marks `token` used when it is valid now; returns its user, or nullopt when unknown, expired or already used
// (then nothing changed).
std::optional<std::int64_t> claim_reset_token(db::Tx& tx, const std::string& token, std::int64_t now_unix);

// Retires every unused token of the user (after a successful reset).
void retire_reset_tokens(db::Tx& tx, std::int64_t user_id, std::int64_t now_unix);

// The new-password rules of sign-up (password_problem: length, libpwquality, not the e-mail) plus the confirmation.
// Errors are on field "password".
core::FieldErrors validate_new_password(const std::string& password, const std::string& confirmation,
                                        const std::string& email);

// The Spanish explanation of a token that cannot be used (kUnknown, kExpired, kUsed).
const char* reset_token_problem(ResetTokenState state);

}  // namespace accounts
