// How many repairs each status has, for the admin list's counters, without counting 200,000 repairs per page on
// MariaDB/PostgreSQL. SQLite keeps exact counts by trigger (migration 0090) and never comes here. On the server
// engines a trigger needs extra privileges with binary logging on (see 0090), so the counts are computed with one
// `GROUP BY status` and then reused by this process:
// - at once no more after a repair intake or status change made through this process commits
//   (note_status_counts_changed_after_commit), so the admin's own change shows on their next page;
// - for at most `reuse` otherwise (REPAIR_COUNTS_REUSE_MS, default 2 s; 0 = count on every page), which bounds what
//   another node's change, `db:import` or SQL typed by hand can leave unseen.
#pragma once

#include <array>
#include <chrono>

namespace soci {
class session;
}

namespace repairs {

struct StatusCounts {
  std::array<long long, 7> per_status{};  // in kAllRepairStatuses order
  long long all_rows = 0;                 // unknown status keys included
};

// Called by every write that changes how many repairs a status has, inside the caller's transaction: the counts kept
// by this process are dropped once it commits (db::after_commit), never before (a page read between the two would
// keep the old counts as if they were new).
void note_status_counts_changed_after_commit(soci::session& sql);

// The unfiltered counts: this process's copy while it is fresh, else counted on `sql`.
StatusCounts status_counts(soci::session& sql, std::chrono::milliseconds reuse);

}  // namespace repairs
