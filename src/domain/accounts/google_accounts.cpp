// Which local user a Google identity is (see google_accounts.hpp). The google_id column is UNIQUE: a race between
// two first sign-ins of one Google account ends in the index, never in two linked rows.
#include "domain/accounts/google_accounts.hpp"

#include "core/clock.hpp"
#include "core/strings.hpp"
#include "core/validation.hpp"
#include "db/database.hpp"
#include "db/unit_of_work.hpp"
#include "domain/accounts/email_verification.hpp"
#include "domain/accounts/user_repository.hpp"

namespace accounts {

namespace {
std::optional<std::int64_t> id_by_google_id(soci::session& sql, const std::string& google_id) {
  long long id = 0;
  soci::indicator found = soci::i_null;
  sql << "SELECT id FROM users WHERE google_id = :google_id", soci::use(google_id), soci::into(id, found);
  if (!sql.got_data() || found != soci::i_ok) return std::nullopt;
  return id;
}

// Links only an unlinked row (a concurrent link to another Google id wins; this one then does nothing).
bool link(db::Tx& tx, std::int64_t id, const std::string& google_id) {
  long long key = id;
  std::string now = core::utc_now_sql();
  soci::statement update = (tx.sql().prepare << "UPDATE users SET google_id = :google_id, updated_at = :now "
                                                "WHERE id = :id AND google_id IS NULL",
                            soci::use(google_id), soci::use(now), soci::use(key));
  update.execute(true);
  return update.get_affected_rows() == 1;
}

// Names longer than the column allows are cut (Google names are short, but the column is not ours to trust).
// Cut on a UTF-8 character boundary.
std::string clip(const std::string& text) {
  if (!core::exceeds_length(text, 255)) return text;
  std::size_t end = 255;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}
}  // namespace

std::pair<std::string, std::string> google_split_name(const GoogleProfile& profile) {
  if (!profile.given_name.empty()) return {profile.given_name, profile.family_name};
  std::string full = core::trim(profile.name);
  auto space = full.find(' ');
  if (space == std::string::npos) return {full, ""};
  return {full.substr(0, space), core::trim(full.substr(space + 1))};
}

GoogleResolution GoogleAccounts::resolve(const GoogleProfile& profile) const {
  GoogleResolution result;
  auto refuse_admin = [&](const User& user) {
    if (!user.is_admin() || admins_allowed_) return false;
    result.outcome = GoogleOutcome::kAdminRefused;
    return true;
  };

  // 1. Already linked.
  auto linked_id = db::read(users_.database(), [&](soci::session& sql) { return id_by_google_id(sql, profile.subject); });
  if (linked_id) {
    auto user = users_.find_by_id(*linked_id);
    if (!user) return result;
    if (refuse_admin(*user)) return result;
    // Google vouches for the address the account still has: that counts as verified (issue 19).
    if (profile.email_verified && core::to_lower(core::trim(profile.email)) == user->email) {
      std::int64_t id = user->id;
      if (!db::read(users_.database(), [&](soci::session& sql) { return email_verified(sql, id); }))
        db::write(users_.database(), [&](db::Tx& tx) { mark_email_verified(tx, id); });
    }
    result.outcome = GoogleOutcome::kSignedIn;
    result.user = std::move(user);
    return result;
  }

  // 2. An account with the same e-mail: linked only when Google vouches for the address.
  if (!profile.email.empty()) {
    if (auto existing = users_.find_by_email(profile.email)) {
      if (!profile.email_verified || !existing->google_id.empty()) return result;  // kNotLinkable
      if (refuse_admin(*existing)) return result;
      bool done = db::write(users_.database(), [&](db::Tx& tx) {
        if (!link(tx, existing->id, profile.subject)) return false;
        mark_email_verified(tx, existing->id);  // linked only because Google verified this very address
        return true;
      });
      if (!done) return result;
      existing->google_id = profile.subject;
      result.outcome = GoogleOutcome::kLinked;
      result.user = std::move(existing);
      return result;
    }
  }

  // 3. A new customer. An unverified address is not stored (it could be someone else's and would then block its
  // owner from registering): the placeholder the reference used for a missing e-mail takes its place.
  auto [first, rest] = google_split_name(profile);
  NewUser user;
  user.name = clip(first.empty() ? std::string("Cliente") : first);
  user.last_name = clip(rest);
  user.email = profile.email_verified && !profile.email.empty() ? profile.email
                                                                : "google_" + profile.subject + "@example.local";
  user.password_hash = core::hash_password(core::random_token(40), cost_);  // unusable until the person sets one
  User created = db::write(users_.database(), [&](db::Tx& tx) {
    User stored = users_.create(tx, user);
    long long key = stored.id;
    tx.sql() << "UPDATE users SET google_id = :google_id WHERE id = :id", soci::use(profile.subject), soci::use(key);
    if (profile.email_verified && !profile.email.empty()) mark_email_verified(tx, stored.id);
    stored.google_id = profile.subject;
    return stored;
  });
  result.outcome = GoogleOutcome::kCreated;
  result.user = std::move(created);
  return result;
}

}  // namespace accounts
