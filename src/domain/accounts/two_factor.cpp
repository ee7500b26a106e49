// Admin 2FA storage and checks (see two_factor.hpp).
#include "domain/accounts/two_factor.hpp"

#include <sodium.h>

#include <algorithm>
#include <set>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/log.hpp"
#include "core/totp.hpp"
#include "db/database.hpp"
#include "db/unit_of_work.hpp"

namespace accounts {

namespace {
constexpr const char* kSecretPurpose = "admin-2fa-secret";
// No I, O, 0 or 1: codes are read off paper.
constexpr std::string_view kCodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

constexpr const char* kSelectState =
    "SELECT admin_two_factor_secret, admin_two_factor_enabled_at, admin_two_factor_recovery_codes, "
    "admin_two_factor_recovery_codes_generated_at FROM users WHERE id = :id";

// Recovery hashes live as a JSON array of hex strings; parsed by hand (only [a-f0-9] and punctuation).
std::vector<std::string> parse_hashes(const std::string& json) {
  std::vector<std::string> hashes;
  std::size_t pos = 0;
  while ((pos = json.find('"', pos)) != std::string::npos) {
    std::size_t end = json.find('"', pos + 1);
    if (end == std::string::npos) break;
    hashes.push_back(json.substr(pos + 1, end - pos - 1));
    pos = end + 1;
  }
  return hashes;
}

std::string hashes_json(const std::vector<std::string>& hashes) {
  std::string json = "[";
  for (std::size_t i = 0; i < hashes.size(); ++i) json += (i ? ",\"" : "\"") + hashes[i] + "\"";
  return json + "]";
}
}  // namespace

std::string normalise_recovery_code(std::string_view input) {
  std::string letters;
  for (char c : input) {
    if (c >= 'a' && c <= 'z') letters.push_back(static_cast<char>(c - 'a' + 'A'));
    else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) letters.push_back(c);
  }
  if (letters.size() != 12) return {};
  return letters.substr(0, 4) + "-" + letters.substr(4, 4) + "-" + letters.substr(8, 4);
}

TwoFactorService::TwoFactorService(db::Database& database, std::string app_key, int recovery_code_count)
    : database_(database), app_key_(std::move(app_key)), recovery_code_count_(std::max(1, recovery_code_count)) {}

std::string TwoFactorService::new_secret() { return core::base32_encode(core::random_bytes(20)); }

TwoFactorState TwoFactorService::state(std::int64_t user_id) const {
  return db::read(database_, [&](soci::session& sql) { return state(sql, user_id); });
}

TwoFactorState TwoFactorService::state(soci::session& connection, std::int64_t user_id) const {
  TwoFactorState state;
  std::string secret, enabled_at, codes, generated_at;
  soci::indicator secret_ind, enabled_ind, codes_ind, generated_ind;
  long long id = user_id;
  soci::session* sql = &connection;
  *sql << kSelectState, soci::use(id), soci::into(secret, secret_ind), soci::into(enabled_at, enabled_ind),
      soci::into(codes, codes_ind), soci::into(generated_at, generated_ind);
  if (!sql->got_data()) return state;
  if (secret_ind == soci::i_ok && !secret.empty()) {
    auto plain = core::decrypt_for(app_key_, kSecretPurpose, secret);
    if (plain) state.secret = *plain;
    else core::log::warning("2FA secret cannot be decrypted (APP_KEY changed?)", {{"user_id", std::to_string(user_id)}});
  }
  state.enabled = !state.secret.empty() && enabled_ind == soci::i_ok;
  if (state.enabled) state.enabled_at = enabled_at;
  if (codes_ind == soci::i_ok) state.remaining_codes = static_cast<int>(parse_hashes(codes).size());
  if (generated_ind == soci::i_ok) state.codes_generated_at = generated_at;
  return state;
}

std::vector<std::string> TwoFactorService::make_codes() const {
  std::set<std::string> unique;
  while (static_cast<int>(unique.size()) < recovery_code_count_) {
    std::string raw;
    for (int i = 0; i < 12; ++i) raw.push_back(kCodeAlphabet[randombytes_uniform(static_cast<std::uint32_t>(kCodeAlphabet.size()))]);
    unique.insert(normalise_recovery_code(raw));
  }
  return {unique.begin(), unique.end()};
}

std::optional<std::vector<std::string>> TwoFactorService::enable(db::Tx& tx, std::int64_t user_id,
                                                                 const std::string& secret, const std::string& code,
                                                                 std::int64_t now) const {
  auto step = core::verify_totp(core::base32_decode(secret), code, now);
  if (!step) return std::nullopt;
  auto codes = make_codes();
  std::vector<std::string> hashes;
  for (const auto& c : codes) hashes.push_back(core::sha256_hex(c));
  std::string encrypted = core::encrypt_for(app_key_, kSecretPurpose, secret), json = hashes_json(hashes);
  std::string stamp = core::utc_now_sql();
  long long id = user_id, used_step = *step;
  soci::session* sql = &tx.sql();
  *sql << "UPDATE users SET admin_two_factor_secret = :secret, admin_two_factor_enabled_at = :enabled, "
          "admin_two_factor_recovery_codes = :codes, admin_two_factor_recovery_codes_generated_at = :generated, "
          "admin_two_factor_last_used_step = :step WHERE id = :id",
      soci::use(encrypted), soci::use(stamp), soci::use(json), soci::use(stamp), soci::use(used_step), soci::use(id);
  return codes;
}

bool TwoFactorService::mark_step_used(db::Tx& tx, std::int64_t user_id, std::int64_t step) const {
  long long id = user_id, used = step, compare = step;
  soci::session* sql = &tx.sql();
  soci::statement update = (sql->prepare << "UPDATE users SET admin_two_factor_last_used_step = :step WHERE id = :id AND "
                                            "(admin_two_factor_last_used_step IS NULL OR admin_two_factor_last_used_step < :previous)",
                            soci::use(used), soci::use(id), soci::use(compare));
  update.execute(true);
  return update.get_affected_rows() == 1;
}

bool TwoFactorService::consume_recovery_code(db::Tx& tx, std::int64_t user_id, const std::string& normalised) const {
  std::string wanted = core::sha256_hex(normalised);
  long long id = user_id;
  std::string codes;
  soci::indicator codes_ind;
  soci::session* sql = &tx.sql();
  // The row stays locked until the caller commits (SQLite: the write lock), so two requests cannot both remove
  // the same code; the compare-and-swap below keeps that true whatever the engine's isolation.
  *sql << "SELECT admin_two_factor_recovery_codes FROM users WHERE id = :id" +
              std::string(db::for_update(tx.dialect())),
      soci::use(id), soci::into(codes, codes_ind);
  if (!sql->got_data() || codes_ind != soci::i_ok) return false;
  auto hashes = parse_hashes(codes);
  auto found = std::find_if(hashes.begin(), hashes.end(),
                            [&](const std::string& h) { return core::constant_time_equals(h, wanted); });
  if (found == hashes.end()) return false;
  hashes.erase(found);
  std::string remaining = hashes_json(hashes);
  soci::statement update =
      (sql->prepare << "UPDATE users SET admin_two_factor_recovery_codes = :remaining WHERE id = :id "
                       "AND admin_two_factor_recovery_codes = :previous",
       soci::use(remaining), soci::use(id), soci::use(codes));
  update.execute(true);
  return update.get_affected_rows() == 1;
}

SecondFactor TwoFactorService::verify(db::Tx& tx, std::int64_t user_id, const std::string& token,
                                      std::int64_t now) const {
  std::string compact;
  for (char c : token) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') compact.push_back(c);
  }
  auto current = state(tx.sql(), user_id);
  bool six_digits = compact.size() == 6 && std::all_of(compact.begin(), compact.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (six_digits && !current.secret.empty()) {
    auto step = core::verify_totp(core::base32_decode(current.secret), compact, now);
    if (step && mark_step_used(tx, user_id, *step)) return SecondFactor::kTotp;
    return SecondFactor::kRejected;
  }
  std::string code = normalise_recovery_code(compact);
  if (!code.empty() && consume_recovery_code(tx, user_id, code)) return SecondFactor::kRecoveryCode;
  return SecondFactor::kRejected;
}

std::vector<std::string> TwoFactorService::regenerate_codes(db::Tx& tx, std::int64_t user_id) const {
  auto codes = make_codes();
  std::vector<std::string> hashes;
  for (const auto& c : codes) hashes.push_back(core::sha256_hex(c));
  std::string json = hashes_json(hashes), stamp = core::utc_now_sql();
  long long id = user_id;
  soci::session* sql = &tx.sql();
  *sql << "UPDATE users SET admin_two_factor_recovery_codes = :codes, admin_two_factor_recovery_codes_generated_at = "
          ":generated WHERE id = :id",
      soci::use(json), soci::use(stamp), soci::use(id);
  return codes;
}

void TwoFactorService::disable(db::Tx& tx, std::int64_t user_id) const {
  long long id = user_id;
  soci::session* sql = &tx.sql();
  *sql << "UPDATE users SET admin_two_factor_secret = NULL, admin_two_factor_enabled_at = NULL, "
          "admin_two_factor_recovery_codes = NULL, admin_two_factor_recovery_codes_generated_at = NULL, "
          "admin_two_factor_last_used_step = NULL WHERE id = :id",
      soci::use(id);
}

}  // namespace accounts
