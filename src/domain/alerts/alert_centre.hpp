// The alert centre (/admin/alertas): the digest's items live, with a seen/unseen mark per admin stored in
// admin_alert_seen (docs/domain/alerts.md).
//
//   - An item is unseen for an admin until that admin marks it seen; marking only records the keys that were on
//     the page the admin looked at, so an item that appeared meanwhile stays unseen.
//   - Seen items stay listed (dimmed) while the condition lasts; when an item is gone, the admin's mark for it is
//     dropped on their next visit (or mark), so the same product running low again later is new again.
//   - The header badge (unseen_count): the current item keys are computed at most every kKeysSeconds per process and
//     shared by every admin; each admin's count (one COUNT query) is kept until the keys or any marks change in
//     this process (a mark written on another node shows here when the keys are next computed).
// Blocking (SQL): worker threads only.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include "domain/alerts/digest.hpp"

namespace core {
class Config;
}
namespace db {
class Database;
}

namespace alerts {

inline constexpr int kKeysSeconds = 60;

// Keys this admin has marked seen, among `keys`.
std::set<std::string> seen_keys(db::Database& database, long long user_id, const std::vector<std::string>& keys);

// Records `keys` as seen by the admin (already seen keys are left alone) and drops the admin's marks for items that
// are no longer current (`current`). Returns how many keys were newly marked.
std::size_t mark_seen(db::Database& database, long long user_id, const std::vector<std::string>& keys,
                      const std::vector<std::string>& current);

// Drops the admin's marks for keys not in `current` (one DELETE).
void drop_stale_marks(db::Database& database, long long user_id, const std::vector<std::string>& current);

// Unseen items for the header badge (see above). Never throws: a database problem logs a warning and returns 0.
std::size_t unseen_count(db::Database& database, const core::Config& config, long long user_id);

// Replaces the per-process key list with a fresh one (the alert centre page just computed the digest), so the
// badge agrees with the page at once.
void remember_current_keys(const std::vector<std::string>& keys);

}  // namespace alerts
