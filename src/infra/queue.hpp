// The job queue as the rest of the code sees it: a registry of handlers by job name, and `Queue::push`.
//
// QUEUE_CONNECTION=database (default): push inserts a row in `jobs`; `nico queue:work` (queue_worker.hpp)
// reserves, runs and deletes it. A use case that must not lose (or wrongly send) a job writes its row with
// `enqueue(tx, …)` through its own transaction — the transactional outbox: the job exists exactly when the
// change that asked for it committed (docs/ARCHITECTURE.md, "Transactions"). QUEUE_CONNECTION=sync: push runs the
// handler at once on the caller's thread, which is simple for development but blocks the caller (never use it for slow
// jobs on a request path).
//
// A handler receives the job's `data` exactly as pushed and signals failure by throwing; the worker then
// retries with exponential backoff and, after the last attempt, moves the job to `failed_jobs`.
// Handlers must tolerate running again after a crash (at-least-once delivery): a job that succeeded is
// deleted at once and never runs again, but a worker killed between "handler returned" and "row deleted"
// cannot know the job finished.
//
// Blocking (SQL): worker threads and commands only. Thread-safe once wired (the registry is read-only then).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace db {
class Database;
class Tx;
}

namespace infra {

using JobHandler = std::function<void(const std::string& data)>;

// Job name → handler. Filled once at wiring time, read-only afterwards.
class JobRegistry final {
 public:
  // Throws std::invalid_argument for an empty or already registered name (two teams claiming one name is a bug).
  void add(std::string name, JobHandler handler);
  // nullptr when no handler has that name.
  const JobHandler* find(std::string_view name) const;
  std::vector<std::string> names() const;

 private:
  std::map<std::string, JobHandler, std::less<>> handlers_;
};

enum class QueueConnection { kDatabase, kSync };
// "database" | "sync"; throws std::invalid_argument otherwise.
QueueConnection parse_queue_connection(std::string_view name);

struct PushOptions {
  std::string queue = "default";
  int delay_seconds = 0;    // not available to workers before now + delay
  int max_tries = 0;        // 0: the worker's --tries
  int timeout_seconds = 0;  // 0: the worker's --timeout (a job never gets more than the worker's)
};

// Transactional outbox: writes the jobs row through the caller's transaction (database queue only; it becomes
// visible to workers when the caller commits and vanishes with a rollback). Returns the job's uuid. Throws
// std::invalid_argument for bad options or data, soci::soci_error on SQL errors (the caller's transaction then
// rolls back with everything it wrote).
std::string enqueue(db::Tx& tx, std::string job_name, std::string data, const PushOptions& options = {});

class Queue final {
 public:
  // `registry` is needed only for the sync connection (may be null with database).
  Queue(db::Database& database, QueueConnection connection, const JobRegistry* registry);

  // Enqueues one job and returns its uuid. `data` is any UTF-8 text, usually JSON (std::invalid_argument otherwise).
  // Database: one INSERT (SQL errors throw soci::soci_error). Sync: runs the handler now; when it throws, the job is
  // recorded in failed_jobs (connection "sync") and the exception propagates to the caller.
  std::string push(std::string job_name, std::string data, std::string queue = "default", int delay_seconds = 0) const;
  std::string push(std::string job_name, std::string data, const PushOptions& options) const;

  // Enqueues (name, data) pairs in one transaction: all or none. Returns how many were pushed.
  std::size_t push_many(const std::vector<std::pair<std::string, std::string>>& jobs, const PushOptions& options) const;

  QueueConnection connection() const { return connection_; }

 private:
  void run_sync(const std::string& payload_text, const std::string& queue) const;
  db::Database& database_;
  QueueConnection connection_;
  const JobRegistry* registry_;
};

}  // namespace infra
