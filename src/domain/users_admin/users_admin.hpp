// Users as the back office sees them (docs/domain/accounts.md "Users admin"): searchable list with role counts, a
// user's orders and repairs, and role changes with the two guards (no self-demotion, never zero admins) checked
// and written in one transaction (the caller's), so two admins demoting each other at once cannot leave the shop
// without one. The handler appends the audit entry to that same transaction. Blocking SQL: worker threads only.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace db {
class Database;
class Tx;
}

namespace users_admin {

struct UserSummary {
  long long id = 0;
  std::string name, last_name, email, phone;  // "" when null
  std::string role;                           // "user" | "admin"
  std::string created_at;                     // UTC "YYYY-MM-DD HH:MM:SS", "" when unknown
  long long orders_count = 0;
  long long repairs_count = 0;
};

struct UserFilters {
  std::string q;     // name, last name, email contain; or the phone contains these digits
  std::string role;  // "" | "user" | "admin"
  long long page = 1;
};

struct UserPage {
  std::vector<UserSummary> items;
  long long total = 0, page = 1, pages = 1;
  long long admins = 0, users = 0;  // over every user, not just the filtered ones
};

// Newest first, 20 per page.
UserPage list_users(db::Database& database, const UserFilters& filters, long long per_page = 20);
std::optional<UserSummary> find_user(db::Database& database, long long id);

struct UserOrder {
  long long id = 0;
  std::string status;      // key ("pendiente")
  long long total = 0;     // centavos
  std::string created_at;  // UTC
};
struct UserRepair {
  long long id = 0;
  std::string code, device, status, created_at;  // status key ("received")
};
// Newest first, at most `limit`.
std::vector<UserOrder> orders_of(db::Database& database, long long user_id, int limit = 50);
std::vector<UserRepair> repairs_of(db::Database& database, long long user_id, int limit = 50);

enum class RoleChangeOutcome { kChanged, kUnchanged, kNotFound, kInvalidRole, kSelfDemotion, kLastAdmin };
struct RoleChange {
  RoleChangeOutcome outcome = RoleChangeOutcome::kNotFound;
  std::string from_role, to_role;
};
// `actor_id` is the admin asking. Only kChanged wrote anything.
RoleChange change_user_role(db::Tx& tx, long long user_id, const std::string& to_role, long long actor_id);

// Spanish message for a refused or no-op outcome ("" for kChanged).
std::string role_change_message(RoleChangeOutcome outcome);

}  // namespace users_admin
