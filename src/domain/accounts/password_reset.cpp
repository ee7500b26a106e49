// Password reset tokens: issue, look up, claim, retire; the new-password rules (see password_reset.hpp).
#include "domain/accounts/password_reset.hpp"

#include <soci/soci.h>

#include "core/crypto.hpp"
#include "core/strings.hpp"
#include "db/unit_of_work.hpp"
#include "domain/accounts/password_policy.hpp"

namespace accounts {

namespace {
constexpr std::size_t kTokenLength = 48;  // ~285 bits: guessing is hopeless, the per-IP limiter aside

// Links are built only from this alphabet, so anything else is unknown without a query.
bool well_formed(const std::string& token) {
  if (token.size() != kTokenLength) return false;
  for (char c : token)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  return true;
}
}  // namespace

std::string issue_reset_token(db::Tx& tx, std::int64_t user_id, std::int64_t now_unix) {
  long long owner = user_id, now = now_unix;
  // The user's lapsed rows go (the table stays small without a scheduled prune); an old link then reads as unknown.
  tx.sql() << "DELETE FROM password_reset_tokens WHERE user_id = :u AND expires_at <= :n", soci::use(owner),
      soci::use(now);
  retire_reset_tokens(tx, user_id, now_unix);  // only the newest mail's link works
  std::string token = core::random_token(kTokenLength);
  std::string hash = core::sha256_hex(token);
  long long user = user_id, created = now_unix, expires = now_unix + kResetTokenMinutes * 60LL;
  tx.sql() << "INSERT INTO password_reset_tokens (user_id, token_hash, created_at, expires_at) "
              "VALUES (:u, :h, :c, :e)",
      soci::use(user), soci::use(hash), soci::use(created), soci::use(expires);
  return token;
}

ResetTokenLookup find_reset_token(soci::session& sql, const std::string& token, std::int64_t now_unix) {
  ResetTokenLookup lookup;
  if (!well_formed(token)) return lookup;
  std::string hash = core::sha256_hex(token);
  long long user = 0, expires = 0, used = 0;
  soci::indicator used_indicator = soci::i_null;
  sql << "SELECT user_id, expires_at, used_at FROM password_reset_tokens WHERE token_hash = :h", soci::use(hash),
      soci::into(user), soci::into(expires), soci::into(used, used_indicator);
  if (!sql.got_data()) return lookup;
  lookup.user_id = user;
  if (used_indicator == soci::i_ok) lookup.state = ResetTokenState::kUsed;
  else if (expires <= now_unix) lookup.state = ResetTokenState::kExpired;
  else lookup.state = ResetTokenState::kValid;
  return lookup;
}

std::optional<std::int64_t> claim_reset_token(db::Tx& tx, const std::string& token, std::int64_t now_unix) {
  if (!well_formed(token)) return std::nullopt;
  std::string hash = core::sha256_hex(token);
  long long now = now_unix;
  soci::statement claim = (tx.sql().prepare << "UPDATE password_reset_tokens SET used_at = :n "
                                               "WHERE token_hash = :h AND used_at IS NULL AND expires_at > :m",
                           soci::use(now), soci::use(hash), soci::use(now));
  claim.execute(true);
  if (claim.get_affected_rows() != 1) return std::nullopt;  // someone else claimed it, or it expired meanwhile
  long long user = 0;
  tx.sql() << "SELECT user_id FROM password_reset_tokens WHERE token_hash = :h", soci::use(hash), soci::into(user);
  return user;
}

void retire_reset_tokens(db::Tx& tx, std::int64_t user_id, std::int64_t now_unix) {
  long long user = user_id, now = now_unix;
  tx.sql() << "UPDATE password_reset_tokens SET used_at = :n WHERE user_id = :u AND used_at IS NULL", soci::use(now),
      soci::use(user);
}

core::FieldErrors validate_new_password(const std::string& password, const std::string& confirmation,
                                        const std::string& email) {
  core::FieldErrors errors;
  if (password.empty()) errors.add("password", "Ingresá una nueva contraseña.");
  else if (password != confirmation) errors.add("password", "Las contraseñas no coinciden.");
  else if (auto problem = password_problem(password, email)) errors.add("password", *problem);
  return errors;
}

const char* reset_token_problem(ResetTokenState state) {
  switch (state) {
    case ResetTokenState::kExpired:
      return "El enlace para restablecer la contraseña venció (dura 60 minutos). Pedí uno nuevo.";
    case ResetTokenState::kUsed:
      return "Este enlace ya se usó. Si necesitás cambiar la contraseña otra vez, pedí un enlace nuevo.";
    case ResetTokenState::kUnknown:
    case ResetTokenState::kValid:
      break;
  }
  return "El enlace para restablecer la contraseña no es válido. Revisá que esté completo o pedí uno nuevo.";
}

}  // namespace accounts
