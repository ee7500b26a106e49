// E-mail verification: the signed link mailed at sign-up and after an e-mail change, and users.email_verified_at.
//
//   /verificar-email/7/<sha256 hex of the e-mail>?expires=1767225600&signature=<64 hex>
//
// - The link is a core::sign_url link (HMAC-SHA256 under APP_KEY over path + expiry): nothing is stored per link,
//   so any number of mails can be in flight and a replay of a used link is harmless (the user is verified already).
// - The path carries the user id AND a fingerprint of the e-mail the link was sent to; the link verifies only while
//   that is still the account's e-mail, so a link mailed to an old address cannot verify a new one.
// - A link lasts kVerificationLinkHours (customers read mail late; "Reenviar" gives a fresh one).
// - email_verified_at is set once (NULL → now) and cleared when the e-mail changes. Who counts as verified without a
//   link: admins created by the seeder or `user:create-admin` (the operator typed the address), Google sign-ins with
//   email_verified=true, and accounts that existed before migration 0130 (not forced to re-verify).
// - AUTH_EMAIL_VERIFICATION=optional (default): unverified customers see a banner in /mi-cuenta; =required: they
//   cannot check out until verified (routes/account/email_verification.hpp holds the gate).
// Blocking (SQL): worker threads only.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace db {
class Tx;
}
namespace soci {
class session;
}

namespace accounts {

inline constexpr int kVerificationLinkHours = 24;

enum class EmailVerificationMode { kOptional, kRequired };
// The validated AUTH_EMAIL_VERIFICATION value ("optional" | "required"; config validation refuses anything else).
EmailVerificationMode parse_email_verification_mode(std::string_view value);

// The path of the verification link for `user_id` at `email`, signed with `app_key` (raw key bytes), valid until
// now + kVerificationLinkHours.
std::string verification_path(std::int64_t user_id, const std::string& email, std::int64_t now_unix,
                              std::string_view app_key);

enum class VerificationLinkState {
  kVerified,         // this visit verified the e-mail
  kAlreadyVerified,  // valid link, nothing left to do (a replay, or verified another way)
  kInvalid,          // tampered, incomplete or for no account
  kExpired,          // genuine but past its expiry
  kStaleEmail,       // genuine, but for an e-mail the account no longer has
};

struct VerificationLinkResult {
  VerificationLinkState state = VerificationLinkState::kInvalid;
  std::int64_t user_id = 0;  // set for kVerified and kAlreadyVerified
};

// Checks the request target of a verification link ("/verificar-email/7/ab…?expires=…&signature=…") and, when it
// is good and the user unverified, sets email_verified_at through the caller's transaction.
VerificationLinkResult verify_email_link(db::Tx& tx, std::string_view target, std::string_view app_key,
                                         std::int64_t now_unix);

// Whether the user's current e-mail is verified (false for an unknown id).
bool email_verified(soci::session& sql, std::int64_t user_id);
// Sets email_verified_at to now unless already set.
void mark_email_verified(db::Tx& tx, std::int64_t user_id);
// Clears email_verified_at (the e-mail changed).
void forget_email_verification(db::Tx& tx, std::int64_t user_id);

// Whether `email` is the stand-in a Google sign-in without a verified address gets ("google_<sub>@example.local",
// google_accounts.cpp): nobody reads it, so no link is mailed there and the customer is asked for a real address.
bool is_placeholder_email(const std::string& email);

// The Spanish explanation of a link that cannot be used (kInvalid, kExpired, kStaleEmail).
const char* verification_link_problem(VerificationLinkState state);

}  // namespace accounts
