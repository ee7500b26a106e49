// The admin list's per-status counts on MariaDB/PostgreSQL, counted once and reused (see status_counts.hpp).
#include "domain/repairs/status_counts.hpp"

#include <soci/soci.h>

#include <atomic>
#include <mutex>
#include <optional>
#include <string>

#include "db/after_commit.hpp"
#include "domain/repairs/status.hpp"

namespace repairs {

namespace {

// Bumped after each commit that changed the counts; a copy read before the bump is never kept after it.
std::atomic<long long> changes_by_this_process{0};
const int kChangedKey = 0;  // its address deduplicates the after-commit action within one transaction

struct KeptCounts {
  std::mutex mutex;
  std::optional<StatusCounts> counts;
  long long changes_at_read = -1;
  std::chrono::steady_clock::time_point read_at{};
};
KeptCounts& kept() {
  static KeptCounts instance;
  return instance;
}

StatusCounts count(soci::session& sql) {
  StatusCounts counts;
  std::string key;
  long long total = 0;
  soci::statement rows = (sql.prepare << "SELECT status, COUNT(*) FROM repairs GROUP BY status", soci::into(key),
                          soci::into(total));
  rows.execute();
  while (rows.fetch()) {
    counts.all_rows += total;
    auto status = parse_status(key);
    if (!status) continue;
    for (std::size_t i = 0; i < kAllRepairStatuses.size(); ++i)
      if (kAllRepairStatuses[i] == *status) counts.per_status[i] = total;
  }
  return counts;
}

}  // namespace

void note_status_counts_changed_after_commit(soci::session& sql) {
  db::after_commit(sql, &kChangedKey, [](soci::session&) { changes_by_this_process.fetch_add(1); });
}

StatusCounts status_counts(soci::session& sql, std::chrono::milliseconds reuse) {
  auto& copy = kept();
  const long long changes = changes_by_this_process.load();
  const auto now = std::chrono::steady_clock::now();
  if (reuse.count() > 0) {
    std::lock_guard lock(copy.mutex);
    if (copy.counts && copy.changes_at_read == changes && now - copy.read_at < reuse) return *copy.counts;
  }
  StatusCounts counts = count(sql);
  if (reuse.count() > 0) {
    std::lock_guard lock(copy.mutex);
    copy.counts = counts;
    copy.changes_at_read = changes;  // sampled before counting: a change committed meanwhile ends this copy
    copy.read_at = now;
  }
  return counts;
}

}  // namespace repairs
