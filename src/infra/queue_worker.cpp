// The queue worker: reservation, execution, retry with backoff, failure, timeout watchdog, heartbeat and the
// maintenance pause (see queue_worker.hpp for the row life cycle and why it is safe with several workers).
#include "infra/queue_worker.hpp"

#include "infra/exception_monitor.hpp"

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <ostream>
#include <thread>

#include "core/clock.hpp"
#include "core/log.hpp"
#include "db/database.hpp"
#include "db/unit_of_work.hpp"
#include "infra/cache.hpp"
#include "infra/queue.hpp"
#include "infra/queue_failed_jobs.hpp"
#include "infra/queue_payload.hpp"

namespace infra {

namespace {
// Oldest available job of the queue: never reserved and due, or reserved so long ago that its worker must be dead.
constexpr const char* kSelectAvailable =
    "SELECT id, payload, attempts FROM jobs WHERE queue = :queue "
    "AND ((reserved_at IS NULL AND available_at <= :now) OR reserved_at <= :stale_before) "
    "ORDER BY id LIMIT 1";
constexpr const char* kMarkReserved = "UPDATE jobs SET reserved_at = :now, attempts = attempts + 1 WHERE id = :id";
constexpr const char* kDeleteReserved = "DELETE FROM jobs WHERE id = :id AND attempts = :attempts";
constexpr const char* kRelease =
    "UPDATE jobs SET reserved_at = NULL, available_at = :available_at WHERE id = :id AND attempts = :attempts";

// attempts is a TINYINT UNSIGNED (max 255) and a stale reservation adds one more: keep well below.
constexpr int kMaxTries = 250;
constexpr int kMaxConsecutiveErrors = 5;

void sleep_unless_stopped(int seconds, const std::atomic<bool>& stop) {
  auto until = std::chrono::steady_clock::now() + std::chrono::seconds(std::max(seconds, 0));
  while (!stop && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(std::chrono::milliseconds(100));
}

std::string local_now() { return core::format_local(core::utc_now_sql(), "%Y-%m-%d %H:%M:%S"); }

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }
}  // namespace

std::int64_t backoff_delay_seconds(int attempts, int base_seconds) {
  if (base_seconds <= 0) return 0;
  std::int64_t delay = base_seconds;
  for (int i = 1; i < attempts && delay < kMaxBackoffSeconds; ++i) delay *= 2;
  return std::min(delay, kMaxBackoffSeconds);
}

// Ends the worker process when a job runs past its timeout. A handler stuck in a socket or a lock cannot be
// interrupted safely from outside, so, as Laravel does, the process exits (code 1) and its supervisor starts a
// fresh one; the job stays reserved and is retried once the reservation turns stale.
class QueueWorker::Watchdog final {
 public:
  Watchdog() : thread_([this] { watch(); }) {}
  ~Watchdog() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    changed_.notify_all();
    thread_.join();
  }
  void arm(int seconds, std::string job) {
    std::lock_guard lock(mutex_);
    deadline_ = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    job_ = std::move(job);
    armed_ = true;
    changed_.notify_all();
  }
  void disarm() {
    std::lock_guard lock(mutex_);
    armed_ = false;
    changed_.notify_all();
  }

 private:
  void watch() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
      if (!armed_) {
        changed_.wait(lock);
        continue;
      }
      changed_.wait_until(lock, deadline_);
      if (armed_ && !stopping_ && std::chrono::steady_clock::now() >= deadline_) {
        core::log::error("Queue job timed out: stopping the worker", {{"job", job_}});
        core::log::flush();
        std::fprintf(stderr, "Job %s timed out: the worker stops (exit 1); the job is retried after its timeout.\n",
                     job_.c_str());
        std::fflush(stderr);
        std::_Exit(1);
      }
    }
  }
  std::mutex mutex_;  // guards every field below
  std::condition_variable changed_;
  std::chrono::steady_clock::time_point deadline_;
  std::string job_;
  bool armed_ = false;
  bool stopping_ = false;
  std::thread thread_;  // last: starts once the fields above exist
};

void report_job_failure(const ExceptionMonitor* monitor, std::string_view job_name, std::string_view uuid,
                        std::string_view queue, int attempts, std::string_view error) {
  std::string attempts_text = std::to_string(attempts);
  bool alert_delivery = job_name.rfind("ops.alert.", 0) == 0;
  core::log::write(alert_delivery ? core::log::Level::kCritical : core::log::Level::kError, "Queue job failed",
                   {{"job", job_name}, {"uuid", uuid}, {"queue", queue}, {"attempts", attempts_text}, {"error", error}});
  if (!monitor || alert_delivery) return;
  ErrorReport report;
  report.exception_class = "QueueJobFailed";
  report.message = std::string(job_name) + " failed after " + attempts_text + " attempt(s): " + std::string(error);
  report.file = "job " + std::string(job_name);
  monitor->report(report);
}

QueueWorker::QueueWorker(db::Database& database, const JobRegistry& registry, const Cache& cache,
                         MaintenanceCheck is_down, WorkerOptions options, std::ostream& out)
    : database_(database),
      registry_(registry),
      cache_(cache),
      is_down_(std::move(is_down)),
      options_(std::move(options)),
      out_(out),
      watchdog_(std::make_unique<Watchdog>()) {
  options_.tries = std::clamp(options_.tries, 1, kMaxTries);
  options_.timeout_seconds = std::max(options_.timeout_seconds, 1);
}

QueueWorker::~QueueWorker() = default;

void QueueWorker::heartbeat() {
  std::int64_t now = core::unix_now();
  if (now - last_heartbeat_ < kHeartbeatIntervalSeconds) return;
  cache_.put(kQueueHeartbeatKey, std::to_string(now), 86400);
  last_heartbeat_ = now;
}

std::optional<ReservedJob> QueueWorker::reserve() {
  long long now = core::unix_now();
  long long stale_before = now - options_.timeout_seconds - kReservationGraceSeconds;
  bool mysql = database_.dialect() == db::Dialect::kMysql;
  auto sql = database_.lease();
  // Row locks only on the row we pick (no gap locks on the rest of the queue) for this one transaction.
  if (mysql) *sql << "SET TRANSACTION ISOLATION LEVEL READ COMMITTED";
  db::Transaction transaction(*sql, database_.dialect());
  ReservedJob job;
  long long id = 0;
  int attempts = 0;
  std::string select =
      std::string(kSelectAvailable) + (db::locks_rows(database_.dialect()) ? " FOR UPDATE SKIP LOCKED" : "");
  *sql << select, soci::use(options_.queue), soci::use(now), soci::use(stale_before), soci::into(id),
      soci::into(job.payload), soci::into(attempts);
  if (!sql->got_data()) return std::nullopt;  // rolls back the empty transaction
  *sql << kMarkReserved, soci::use(now), soci::use(id);
  transaction.commit();
  job.id = id;
  job.queue = options_.queue;
  job.attempts = attempts + 1;
  return job;
}

JobOutcome QueueWorker::process(const ReservedJob& job) {
  auto started = std::chrono::steady_clock::now();
  JobPayload payload;
  try {
    payload = decode_payload(job.payload);
  } catch (const std::exception& e) {
    return fail(job, "", "(unreadable payload)", e.what());  // retrying cannot fix a broken payload
  }
  std::string label = payload.name + " #" + std::to_string(job.id);
  int tries = payload.max_tries > 0 ? std::min(payload.max_tries, kMaxTries) : options_.tries;
  if (job.attempts > tries) {
    // Only a stale reservation gets here: a previous worker died or timed out running this job.
    return fail(job, payload.uuid, payload.name,
                payload.name + " has been attempted too many times or ran too long (the worker stopped during it)");
  }

  std::string error;
  if (const JobHandler* handler = registry_.find(payload.name)) {
    int timeout = payload.timeout_seconds > 0 ? std::min(payload.timeout_seconds, options_.timeout_seconds)
                                              : options_.timeout_seconds;
    watchdog_->arm(timeout, label);
    try {
      (*handler)(payload.data);
    } catch (const std::exception& e) {
      error = e.what();
      if (error.empty()) error = "job threw an exception without a message";
    } catch (...) {
      error = "job threw a non-standard exception";
    }
    watchdog_->disarm();
  } else {
    // Retried like any failure: during a rolling deploy a newer worker may know this job.
    error = "no handler registered for job '" + payload.name + "'";
  }
  auto elapsed_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();

  long long id = job.id;
  int attempts = job.attempts;
  if (error.empty()) {
    // The success must stick: retry the delete through a brief database hiccup rather than let the job run again.
    for (int attempt = 1;; ++attempt) {
      try {
        bool deleted = db::write(database_, [&](db::Tx& tx) {
          soci::statement remove = (tx.sql().prepare << kDeleteReserved, soci::use(id), soci::use(attempts));
          remove.execute(true);
          return remove.get_affected_rows() == 1;
        });
        if (!deleted) core::log::warning("Queue job row changed while it ran (reservation lost)", {{"job", label}});
        break;
      } catch (const std::exception& e) {
        if (attempt == 3) throw;
        core::log::warning("Could not delete a finished job, retrying", {{"job", label}, {"error", e.what()}});
        std::this_thread::sleep_for(std::chrono::seconds(1));
      }
    }
    out_ << "[" << local_now() << "] " << label << " DONE (" << elapsed_ms << " ms)" << std::endl;
    return JobOutcome::kDone;
  }

  if (job.attempts < tries) {
    long long available_at = core::unix_now() + backoff_delay_seconds(job.attempts, options_.backoff_seconds);
    db::write(database_,
              [&](db::Tx& tx) { tx.sql() << kRelease, soci::use(available_at), soci::use(id), soci::use(attempts); });
    core::log::warning("Queue job attempt failed",
                       {{"job", label}, {"attempt", std::to_string(job.attempts)}, {"error", error}});
    out_ << "[" << local_now() << "] " << label << " RETRY in "
         << backoff_delay_seconds(job.attempts, options_.backoff_seconds) << " s (attempt " << job.attempts << "/"
         << tries << "): " << first_line(error) << std::endl;
    return JobOutcome::kReleased;
  }
  return fail(job, payload.uuid, payload.name, error);
}

JobOutcome QueueWorker::fail(const ReservedJob& job, const std::string& uuid, const std::string& name,
                             const std::string& error) {
  long long id = job.id;
  int attempts = job.attempts;
  FailedJob failed{0, uuid.empty() ? new_job_uuid() : uuid, options_.connection_name, job.queue, job.payload, error, {}};
  // One unit of work: the job leaves `jobs` and enters `failed_jobs` together. The alert is raised after it
  // committed and after its connection went back to the pool (raising it queues an alert job: a lease of its own).
  bool recorded = db::write(database_, [&](db::Tx& tx) {
    soci::statement remove = (tx.sql().prepare << kDeleteReserved, soci::use(id), soci::use(attempts));
    remove.execute(true);
    if (remove.get_affected_rows() != 1) return false;  // someone else owns the row now; record nothing
    FailedJobStore::insert(tx.sql(), failed);
    return true;
  });
  if (!recorded) {
    core::log::warning("Queue job row changed while it ran (reservation lost)", {{"job", name}});
    return JobOutcome::kFailed;
  }
  report_job_failure(monitor_, name, failed.uuid, job.queue, job.attempts, error);
  out_ << "[" << local_now() << "] " << name << " #" << job.id << " FAILED (attempt " << job.attempts
       << "): " << first_line(error) << std::endl;
  return JobOutcome::kFailed;
}

std::size_t QueueWorker::run(const std::atomic<bool>& stop) {
  std::size_t processed = 0;
  int consecutive_errors = 0;
  bool paused = false;
  while (!stop) {
    try {
      heartbeat();
      if (!options_.force && is_down_()) {
        if (options_.once || options_.stop_when_empty) {
          out_ << "Application is in maintenance mode: the queue is paused (run with --force to work anyway)."
               << std::endl;
          return processed;
        }
        if (!paused) out_ << "Application is in maintenance mode: the queue is paused." << std::endl;
        paused = true;
        sleep_unless_stopped(std::max(options_.sleep_seconds, 1), stop);
        continue;
      }
      if (paused) out_ << "Maintenance mode ended: the queue resumes." << std::endl;
      paused = false;
      auto job = reserve();
      consecutive_errors = 0;
      if (!job) {
        if (options_.once || options_.stop_when_empty) break;
        sleep_unless_stopped(options_.sleep_seconds, stop);
        continue;
      }
      process(*job);
      ++processed;
      if (options_.once) break;
      if (options_.max_jobs > 0 && processed >= static_cast<std::size_t>(options_.max_jobs)) break;
    } catch (const std::exception& e) {
      // A database hiccup (lock timeout, restart) should not kill a long-running worker; a persistent one should.
      if (++consecutive_errors >= kMaxConsecutiveErrors) throw;
      core::log::warning("Queue worker error, retrying", {{"error", e.what()}});
      sleep_unless_stopped(std::max(options_.sleep_seconds, 1), stop);
    }
  }
  return processed;
}

}  // namespace infra
