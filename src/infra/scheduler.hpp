// The scheduler: runs the tasks of the schedule table (src/app/commands/schedule.cpp) that are due in a given
// local minute. `nico schedule:run` (cron, every minute) calls it once; `nico schedule:work` starts a
// `schedule:run` child at the start of every minute.
//
// Guarantees, each from a lock in infra::Cache (the database or Redis, CACHE_STORE), so they hold across processes
// and nodes (Redis down: the task is skipped and reported as failed, never run unguarded):
//   once per cluster  lock "schedule:<task>:<YYYYmmddHHMM>" (local minute), taken before running and never released
//                     (expires after a day). Whoever inserts it first runs the task; every other schedule:run for that
//                     minute, on this node or another, skips it. A task with once_per_cluster = false runs once per
//                     node: the lock name then ends with ":<hostname>".
//   no overlap        lock "schedule:running:<task>", held while the task runs and released when it ends; its TTL
//                     (overlap_lock_minutes) frees it if the scheduler dies mid-task. A run that finds it taken is skipped.
//   maintenance       while `nico down` is in effect, tasks without run_in_maintenance are skipped (not claimed, so
//                     nothing is recorded for them).
// Heartbeat: cache key "heartbeat:scheduler" = unix seconds of the last run (read by the health check).
#pragma once

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "infra/maintenance_check.hpp"
#include "infra/schedule_cadence.hpp"

namespace infra {

class ExceptionMonitor;

class Cache;

struct ScheduledTask {
  std::string name;                  // short, unique; part of lock names ("ops-backup")
  std::vector<std::string> command;  // arguments of `nico`, run as a child process; empty when `body` is set
  std::function<void()> body;        // in-process task (cheap housekeeping); throws to fail
  Cadence cadence;
  bool run_in_maintenance = false;
  bool once_per_cluster = true;
  bool without_overlapping = true;
  int overlap_lock_minutes = 180;    // the "running" lock's TTL: longer than the task can take

  // "nico ops:backup --only=all", or "(in-process) <name>".
  std::string display_command() const;
};

enum class TaskOutcome { kSucceeded, kFailed, kSkippedMaintenance, kSkippedClaimed, kSkippedRunning };

struct TaskReport {
  std::string task;
  TaskOutcome outcome = TaskOutcome::kSucceeded;
  int exit_code = 0;
  std::string detail;  // failure message of an in-process task
};

// Runs `nico ARGS…` and returns the exit code (run_nico in production; tests may substitute).
using CommandRunner = std::function<int(const std::vector<std::string>& args)>;

inline constexpr std::string_view kSchedulerHeartbeatKey = "heartbeat:scheduler";
inline constexpr std::int64_t kClaimLockSeconds = 86400;

class Scheduler final {
 public:
  // Throws std::invalid_argument for duplicate or empty task names, or a task with neither command nor body.
  Scheduler(std::vector<ScheduledTask> tasks, const Cache& cache, MaintenanceCheck is_down, CommandRunner runner);

  const std::vector<ScheduledTask>& tasks() const { return tasks_; }

  // Runs, one after the other, every task due at local minute `now`; writes one line per task to `out`.
  // Blocking (SQL, child processes). SQL errors propagate.
  std::vector<TaskReport> run_due(const LocalMinute& now, std::ostream& out) const;

  // Records that the scheduler is alive (a database error is logged, not thrown).
  void beat() const;

  // Failed tasks are also sent to this monitor as ops alerts (optional; not owned).
  void set_monitor(const ExceptionMonitor* monitor) { monitor_ = monitor; }

 private:
  TaskReport run_one(const ScheduledTask& task, const LocalMinute& now, bool down, std::ostream& out) const;
  std::vector<ScheduledTask> tasks_;
  const Cache& cache_;
  MaintenanceCheck is_down_;
  CommandRunner runner_;
  std::string host_;      // this node, for per-node tasks
  std::string owner_;     // lock owner: host, pid and a random token (unique per process)
  const ExceptionMonitor* monitor_ = nullptr;
};

// The one place a failed scheduled task leaves the scheduler: an error in the log and, with a monitor, an ops alert
// (the reference's scheduled health check and backup failed silently).
void report_task_failure(const ExceptionMonitor* monitor, const ScheduledTask& task, const LocalMinute& minute,
                         int exit_code, std::string_view detail);

}  // namespace infra
