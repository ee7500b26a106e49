// The consumer side of the database queue (`nico queue:work`). Several workers, on one machine or many, may
// work the same `jobs` table at once.
//
// Life of a job row:
//
//   pushed ──reserve──> reserved ──handler returns──> deleted                     (done, never runs again)
//   (reserved_at NULL,  (reserved_at = now,  │
//    available_at<=now)  attempts + 1)       ├─handler throws, attempts < tries──> released: reserved_at NULL,
//                                            │                                     available_at = now + backoff
//                                            ├─handler throws, attempts = tries──> failed_jobs row, jobs row deleted
//                                            │                                     (one transaction)
//                                            └─worker dies──> stale after timeout + grace ──> reserved again by any
//                                                             worker; attempts > tries on that reservation → failed
//
// Why each step is safe with several workers:
//   (a) Reservation is one write transaction: SQLite BEGIN IMMEDIATE serialises writers, so the SELECT and the
//       UPDATE see the same row state; MariaDB locks the chosen row with SELECT … FOR UPDATE SKIP LOCKED, so a
//       second worker skips it instead of waiting for it.
//   (b) A running job is never considered stale: the watchdog ends the worker process when a job outlives its
//       timeout, and a reservation turns stale only `kReservationGraceSeconds` later. So every worker of a queue
//       must run with the same --timeout (as Laravel's retry_after must exceed its timeout).
//   (c) Delete/release/fail match the row by id *and* the attempts value of our reservation, so a worker that
//       lost its reservation cannot delete someone else's.
#pragma once

#include <atomic>
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "infra/maintenance_check.hpp"

namespace db {
class Database;
}

namespace infra {

class ExceptionMonitor;

class Cache;
class JobRegistry;

struct WorkerOptions {
  std::string queue = "default";
  std::string connection_name = "database";  // recorded in failed_jobs.connection
  int tries = 3;               // attempts before a job fails for good (a job's own max_tries wins)
  int timeout_seconds = 60;    // longest run of one job; the worker exits (code 1) when a job exceeds it
  int sleep_seconds = 1;       // pause when no job is available
  int backoff_seconds = 2;     // base of the retry delay: base * 2^(attempts-1)
  bool once = false;           // process at most one job
  bool stop_when_empty = false;
  int max_jobs = 0;            // stop after this many jobs (0: no limit)
  bool force = false;          // keep working while the site is in maintenance mode
};

// A reservation stays ours for timeout + this many seconds. The margin covers the watchdog's kill and
// clock skew between nodes.
inline constexpr int kReservationGraceSeconds = 30;
// A retry is never delayed more than this (one hour).
inline constexpr std::int64_t kMaxBackoffSeconds = 3600;
// Heartbeat for the health check: cache key and how often it is refreshed.
inline constexpr std::string_view kQueueHeartbeatKey = "heartbeat:queue-worker";
inline constexpr int kHeartbeatIntervalSeconds = 10;

// Seconds before attempt `attempts` + 1 may run: base * 2^(attempts-1), capped at kMaxBackoffSeconds;
// base 0 retries immediately.
std::int64_t backoff_delay_seconds(int attempts, int base_seconds);

struct ReservedJob {
  std::int64_t id = 0;
  std::string queue;
  std::string payload;
  int attempts = 0;  // including this reservation
};

enum class JobOutcome { kDone, kReleased, kFailed };

class QueueWorker final {
 public:
  // `out` receives one line per job (what an operator watching the worker sees). `is_down` is asked before each
  // reservation: while it says yes the worker pauses (one-shot runs return), unless options.force.
  QueueWorker(db::Database& database, const JobRegistry& registry, const Cache& cache,
              MaintenanceCheck is_down, WorkerOptions options, std::ostream& out);
  ~QueueWorker();
  QueueWorker(const QueueWorker&) = delete;
  QueueWorker& operator=(const QueueWorker&) = delete;

  // Works until --once / --stop-when-empty / --max-jobs says stop, or `stop` becomes true (checked between jobs
  // and while sleeping; the current job always finishes). Returns how many jobs were processed.
  // SQL errors outside a handler propagate (the command exits 1; reserved jobs are retried after the timeout).
  std::size_t run(const std::atomic<bool>& stop);

  // One reservation (nullopt when no job is available). Public for tests.
  std::optional<ReservedJob> reserve();
  // Runs a reserved job and records the outcome.
  JobOutcome process(const ReservedJob& job);

  // Jobs that fail for good are also sent to this monitor as ops alerts (optional; not owned).
  void set_monitor(const ExceptionMonitor* monitor) { monitor_ = monitor; }

 private:
  class Watchdog;
  void heartbeat();
  JobOutcome fail(const ReservedJob& job, const std::string& uuid, const std::string& name, const std::string& error);

  db::Database& database_;
  const JobRegistry& registry_;
  const Cache& cache_;
  MaintenanceCheck is_down_;
  WorkerOptions options_;
  std::ostream& out_;
  std::unique_ptr<Watchdog> watchdog_;
  std::int64_t last_heartbeat_ = 0;
  const ExceptionMonitor* monitor_ = nullptr;
};

// The one place a job's final failure leaves the worker: an error in the log and, with a monitor, an ops alert —
// except for the alert-delivery jobs themselves, whose failure must not queue another delivery to the same
// dead endpoint (it is logged at critical level instead).
void report_job_failure(const ExceptionMonitor* monitor, std::string_view job_name, std::string_view uuid,
                        std::string_view queue, int attempts, std::string_view error);

}  // namespace infra
