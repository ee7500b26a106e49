// The `failed_jobs` table: jobs that used up their attempts, kept for an operator to inspect
// (`nico queue:failed`), send back to the queue (`queue:retry ID|UUID|all`) or discard (`queue:flush`).
// Blocking (SQL). Thread-safe (each call leases its own connection).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace soci {
class session;
}

namespace db {
class Database;
}

namespace infra {

struct FailedJob {
  std::int64_t id = 0;
  std::string uuid;
  std::string connection;  // "database" or "sync"
  std::string queue;
  std::string payload;     // as it was in `jobs` (queue_payload.hpp)
  std::string exception;   // what the last attempt threw
  std::string failed_at;   // UTC "YYYY-MM-DD HH:MM:SS"
};

class FailedJobStore final {
 public:
  explicit FailedJobStore(db::Database& database);

  // Records a failure on `sql`, inside the caller's transaction (the worker deletes the `jobs` row in the same one).
  static void insert(soci::session& sql, const FailedJob& job);

  // Every failed job, newest first.
  std::vector<FailedJob> list() const;
  std::int64_t count() const;

  // Moves failed jobs back into `jobs` (attempts reset to 0, available now), each in one transaction with its
  // delete so a job is never both failed and queued. `selector` is a numeric id, a uuid, or "all".
  // Returns how many moved (0 when nothing matched).
  std::size_t retry(std::string_view selector) const;

  // Deletes every failed job; returns how many.
  std::int64_t flush() const;

 private:
  db::Database& database_;
};

}  // namespace infra
