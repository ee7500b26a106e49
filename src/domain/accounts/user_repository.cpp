// users table queries (see user_repository.hpp).
#include "domain/accounts/user_repository.hpp"

#include "core/clock.hpp"
#include "db/database.hpp"
#include "db/unit_of_work.hpp"

namespace accounts {

namespace {
constexpr const char* kSelectUser =
    "SELECT id, name, last_name, phone, email, role, google_id, password, created_at, "
    "admin_two_factor_secret, admin_two_factor_enabled_at, remember_token FROM users ";

template <typename Key>
std::optional<User> fetch_one(soci::session& sql, const std::string& where, const Key& key) {
  User user;
  long long id = 0;
  std::string last_name, phone, google_id, created_at, secret, enabled_at, remember;
  soci::indicator last_name_ind, phone_ind, google_ind, created_ind, secret_ind, enabled_ind, remember_ind;
  soci::statement query = (sql.prepare << std::string(kSelectUser) + where, soci::use(key), soci::into(id),
                           soci::into(user.name), soci::into(last_name, last_name_ind), soci::into(phone, phone_ind),
                           soci::into(user.email), soci::into(user.role), soci::into(google_id, google_ind),
                           soci::into(user.password_hash), soci::into(created_at, created_ind),
                           soci::into(secret, secret_ind), soci::into(enabled_at, enabled_ind),
                           soci::into(remember, remember_ind));
  query.execute();
  if (!query.fetch()) return std::nullopt;
  user.id = id;
  user.last_name = last_name_ind == soci::i_ok ? last_name : "";
  user.phone = phone_ind == soci::i_ok ? phone : "";
  user.google_id = google_ind == soci::i_ok ? google_id : "";
  user.created_at = created_ind == soci::i_ok ? created_at : "";
  user.remember_token_hash = remember_ind == soci::i_ok ? remember : "";
  user.two_factor_enabled = secret_ind == soci::i_ok && !secret.empty() && enabled_ind == soci::i_ok;
  return user;
}
}  // namespace

std::optional<User> UserRepository::find_by_id(std::int64_t id) const {
  return db::read(database_, [&](soci::session& sql) { return find_by_id(sql, id); });
}

std::optional<User> UserRepository::find_by_email(const std::string& email) const {
  return db::read(database_, [&](soci::session& sql) { return find_by_email(sql, email); });
}

std::optional<User> UserRepository::find_by_id(soci::session& sql, std::int64_t id) {
  return fetch_one(sql, "WHERE id = :id", static_cast<long long>(id));
}

std::optional<User> UserRepository::find_by_email(soci::session& sql, const std::string& email) {
  return fetch_one(sql, "WHERE email = :email", email);
}

bool UserRepository::email_taken(const std::string& email, std::int64_t except_id) const {
  auto sql = database_.lease();
  int count = 0;
  long long except = except_id;
  *sql << "SELECT COUNT(*) FROM users WHERE email = :email AND id <> :except", soci::use(email), soci::use(except),
      soci::into(count);
  return count > 0;
}

User UserRepository::create(db::Tx& tx, const NewUser& user) const {
  soci::session* sql = &tx.sql();
  std::string now = core::utc_now_sql();
  *sql << "INSERT INTO users (name, last_name, phone, email, password, role, created_at, updated_at) "
          "VALUES (:name, :last_name, :phone, :email, :password, :role, :created, :updated)",
      soci::use(user.name), soci::use(user.last_name), soci::use(user.phone), soci::use(user.email),
      soci::use(user.password_hash), soci::use(user.role), soci::use(now), soci::use(now);
  auto id = tx.last_insert_id("users");
  auto stored = fetch_one(*sql, "WHERE id = :id", static_cast<long long>(id));
  if (!stored) throw std::runtime_error("user vanished right after insert");
  return *stored;
}

void UserRepository::update_profile(db::Tx& tx, std::int64_t id, const std::string& name, const std::string& last_name,
                                    const std::string& phone, const std::string& email) const {
  soci::session* sql = &tx.sql();
  std::string now = core::utc_now_sql();
  long long key = id;
  *sql << "UPDATE users SET name = :name, last_name = :last_name, phone = :phone, email = :email, updated_at = :now "
          "WHERE id = :id",
      soci::use(name), soci::use(last_name), soci::use(phone), soci::use(email), soci::use(now), soci::use(key);
}

void UserRepository::update_password(db::Tx& tx, std::int64_t id, const std::string& password_hash) const {
  soci::session* sql = &tx.sql();
  std::string now = core::utc_now_sql();
  long long key = id;
  *sql << "UPDATE users SET password = :password, updated_at = :now WHERE id = :id", soci::use(password_hash),
      soci::use(now), soci::use(key);
}

void UserRepository::update_role(db::Tx& tx, std::int64_t id, const std::string& role) const {
  soci::session* sql = &tx.sql();
  std::string now = core::utc_now_sql();
  long long key = id;
  *sql << "UPDATE users SET role = :role, updated_at = :now WHERE id = :id", soci::use(role), soci::use(now),
      soci::use(key);
}

}  // namespace accounts

namespace accounts {

void UserRepository::set_remember_token_hash(db::Tx& tx, std::int64_t id, const std::string& token_hash) const {
  soci::session* sql = &tx.sql();
  long long key = id;
  soci::indicator indicator = token_hash.empty() ? soci::i_null : soci::i_ok;
  *sql << "UPDATE users SET remember_token = :token WHERE id = :id", soci::use(token_hash, indicator), soci::use(key);
}

void UserRepository::end_all_sessions(db::Tx& tx, std::int64_t id) const {
  long long key = id;
  // The sessions table belongs to the web layer, but "who is signed in" is the account's business: one unit of
  // work ends the rows and the remember-me hash together, so no browser keeps a way back in.
  tx.sql() << "DELETE FROM sessions WHERE user_id = :id", soci::use(key);
  set_remember_token_hash(tx, id, "");
}

}  // namespace accounts
