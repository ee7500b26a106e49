// E-mail verification links and users.email_verified_at (see email_verification.hpp).
#include "domain/accounts/email_verification.hpp"

#include <optional>

#include <soci/soci.h>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/parse.hpp"
#include "core/signed_link.hpp"
#include "core/strings.hpp"
#include "db/unit_of_work.hpp"

namespace accounts {

namespace {
constexpr std::string_view kPathPrefix = "/verificar-email/";
// Read as 0/1 so no engine's timestamp type has to round-trip through SOCI.
constexpr const char* kVerifiedFlag = "CASE WHEN email_verified_at IS NULL THEN 0 ELSE 1 END";

// The e-mail as it is stored (lower-cased, trimmed), hashed: the link names the address without spelling it out.
std::string email_fingerprint(const std::string& email) { return core::sha256_hex(core::to_lower(core::trim(email))); }

struct LinkPath {
  std::int64_t user_id = 0;
  std::string fingerprint;
};

// "/verificar-email/{id}/{hash}?…" → id and hash, or nullopt for any other shape.
std::optional<LinkPath> parse_link_path(std::string_view target) {
  std::string_view path = target.substr(0, target.find('?'));
  if (path.substr(0, kPathPrefix.size()) != kPathPrefix) return std::nullopt;
  path.remove_prefix(kPathPrefix.size());
  auto slash = path.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  auto id = core::parse_id(path.substr(0, slash));
  std::string_view hash = path.substr(slash + 1);
  if (!id || hash.size() != 64 || hash.find('/') != std::string_view::npos) return std::nullopt;
  return LinkPath{*id, std::string(hash)};
}
}  // namespace

EmailVerificationMode parse_email_verification_mode(std::string_view value) {
  return value == "required" ? EmailVerificationMode::kRequired : EmailVerificationMode::kOptional;
}

std::string verification_path(std::int64_t user_id, const std::string& email, std::int64_t now_unix,
                              std::string_view app_key) {
  std::string path = std::string(kPathPrefix) + std::to_string(user_id) + "/" + email_fingerprint(email);
  return core::sign_url(path, now_unix + kVerificationLinkHours * 3600LL, app_key);
}

VerificationLinkResult verify_email_link(db::Tx& tx, std::string_view target, std::string_view app_key,
                                         std::int64_t now_unix) {
  VerificationLinkResult result;
  // The signature first: an altered id or hash reads as invalid, never as "another account".
  auto check = core::check_signed_url(target, app_key, now_unix);
  if (check == core::SignedUrlCheck::kInvalid) return result;
  auto link = parse_link_path(target);
  if (!link) return result;
  if (check == core::SignedUrlCheck::kExpired) {
    result.state = VerificationLinkState::kExpired;
    return result;
  }

  long long id = link->user_id;
  std::string email;
  int verified = 0;
  tx.sql() << "SELECT email, " << kVerifiedFlag << " FROM users WHERE id = :id", soci::use(id), soci::into(email),
      soci::into(verified);
  if (!tx.sql().got_data()) return result;  // the account was deleted: nothing to verify
  if (!core::constant_time_equals(email_fingerprint(email), link->fingerprint)) {
    result.state = VerificationLinkState::kStaleEmail;
    return result;
  }
  result.user_id = link->user_id;
  if (verified == 1) {
    result.state = VerificationLinkState::kAlreadyVerified;
    return result;
  }
  // `email = :email` as well: an e-mail change committed since the SELECT leaves the new address unverified.
  std::string now = core::utc_now_sql();
  soci::statement update = (tx.sql().prepare << "UPDATE users SET email_verified_at = :now "
                                                "WHERE id = :id AND email = :email AND email_verified_at IS NULL",
                            soci::use(now), soci::use(id), soci::use(email));
  update.execute(true);
  result.state = update.get_affected_rows() == 1 ? VerificationLinkState::kVerified
                                                 : VerificationLinkState::kAlreadyVerified;
  return result;
}

bool email_verified(soci::session& sql, std::int64_t user_id) {
  long long id = user_id;
  int verified = 0;
  sql << "SELECT " << kVerifiedFlag << " FROM users WHERE id = :id", soci::use(id), soci::into(verified);
  return sql.got_data() && verified == 1;
}

void mark_email_verified(db::Tx& tx, std::int64_t user_id) {
  long long id = user_id;
  std::string now = core::utc_now_sql();
  tx.sql() << "UPDATE users SET email_verified_at = :now WHERE id = :id AND email_verified_at IS NULL",
      soci::use(now), soci::use(id);
}

void forget_email_verification(db::Tx& tx, std::int64_t user_id) {
  long long id = user_id;
  tx.sql() << "UPDATE users SET email_verified_at = NULL WHERE id = :id", soci::use(id);
}

bool is_placeholder_email(const std::string& email) {
  constexpr std::string_view kDomain = "@example.local";
  return email.size() > kDomain.size() && email.compare(email.size() - kDomain.size(), kDomain.size(), kDomain) == 0;
}

const char* verification_link_problem(VerificationLinkState state) {
  switch (state) {
    case VerificationLinkState::kExpired:
      return "El enlace para verificar tu email venció (dura 24 horas). Pedí uno nuevo.";
    case VerificationLinkState::kStaleEmail:
      return "Este enlace es de un email que ya no está en tu cuenta. Usá el enlace del último mail que te enviamos "
             "o pedí uno nuevo.";
    case VerificationLinkState::kInvalid:
    case VerificationLinkState::kVerified:
    case VerificationLinkState::kAlreadyVerified:
      break;
  }
  return "El enlace para verificar tu email no es válido. Revisá que esté completo o pedí uno nuevo.";
}

}  // namespace accounts
