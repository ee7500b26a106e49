// Scheduler: due-task selection, the cluster and overlap locks, maintenance skip, failure reporting
// (see scheduler.hpp).
#include "infra/scheduler.hpp"

#include "infra/exception_monitor.hpp"

#include <soci/error.h>
#include <unistd.h>

#include <chrono>
#include <iomanip>
#include <ostream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/log.hpp"
#include "infra/cache.hpp"
#include "infra/store_unavailable.hpp"

namespace infra {

namespace {
// Two schedulers racing for a new lock on MariaDB can deadlock inside Cache::acquire_lock (its DELETE of an expired
// row takes a gap lock that blocks the other's INSERT); the server rolls the victim back entirely, so asking again
// is safe and gives the right answer (usually "taken").
bool acquire_lock_retrying(const Cache& cache, const std::string& name, const std::string& owner, std::int64_t ttl) {
  for (int attempt = 1;; ++attempt) {
    try {
      return cache.acquire_lock(name, owner, ttl);
    } catch (const soci::soci_error& e) {
      if (attempt == 5) throw;
      core::log::warning("Scheduler lock attempt failed, retrying", {{"lock", name}, {"error", e.what()}});
      std::this_thread::sleep_for(std::chrono::milliseconds(20 * attempt));
    }
  }
}

std::string host_name() {
  char name[256] = {};
  if (gethostname(name, sizeof name - 1) != 0 || !name[0]) return "localhost";
  return name;
}
}  // namespace

std::string ScheduledTask::display_command() const {
  if (command.empty()) return "(in-process) " + name;
  std::string text = "nico";
  for (const auto& arg : command) text += " " + arg;
  return text;
}

void report_task_failure(const ExceptionMonitor* monitor, const ScheduledTask& task, const LocalMinute& minute,
                         int exit_code, std::string_view detail) {
  std::string code = std::to_string(exit_code), when = format_local_minute(minute), what = task.display_command();
  core::log::error("Scheduled task failed",
                   {{"task", task.name}, {"command", what}, {"minute", when}, {"exit_code", code}, {"error", detail}});
  if (!monitor) return;
  ErrorReport report;
  report.exception_class = "ScheduledTaskFailed";
  report.message = what + " exited with code " + code + (detail.empty() ? "" : ": " + std::string(detail));
  report.file = "schedule " + task.name;
  monitor->report(report);
}

Scheduler::Scheduler(std::vector<ScheduledTask> tasks, const Cache& cache, MaintenanceCheck is_down,
                     CommandRunner runner)
    : tasks_(std::move(tasks)), cache_(cache), is_down_(std::move(is_down)), runner_(std::move(runner)) {
  std::set<std::string> names;
  for (const auto& task : tasks_) {
    if (task.name.empty() || !names.insert(task.name).second)
      throw std::invalid_argument("scheduled task names must be unique and non-empty: '" + task.name + "'");
    if (task.command.empty() == !task.body)
      throw std::invalid_argument("scheduled task '" + task.name + "' needs exactly one of a command or a body");
  }
  host_ = host_name();
  owner_ = host_ + ":" + std::to_string(getpid()) + ":" + core::random_token(8);
}

void Scheduler::beat() const {
  // A missed heartbeat only makes the health check warn; it must not stop the tasks from running.
  try {
    cache_.put(kSchedulerHeartbeatKey, std::to_string(core::unix_now()), 86400);
  } catch (const std::exception& e) {
    core::log::warning("Could not write the scheduler heartbeat", {{"error", e.what()}});
  }
}

std::vector<TaskReport> Scheduler::run_due(const LocalMinute& now, std::ostream& out) const {
  beat();
  std::vector<TaskReport> reports;
  bool down = is_down_();
  for (const auto& task : tasks_) {
    if (is_due(task.cadence, now)) reports.push_back(run_one(task, now, down, out));
  }
  if (reports.empty()) out << "No scheduled commands are ready to run." << std::endl;
  return reports;
}

TaskReport Scheduler::run_one(const ScheduledTask& task, const LocalMinute& now, bool down, std::ostream& out) const {
  TaskReport report{task.name, TaskOutcome::kSucceeded, 0, {}};
  std::string when = format_local_minute(now);
  if (down && !task.run_in_maintenance) {
    out << "Skipping [" << task.name << "]: the application is in maintenance mode." << std::endl;
    report.outcome = TaskOutcome::kSkippedMaintenance;
    return report;
  }
  // The claim is never released: it is what tells every other scheduler that this minute's run happened. Its owner
  // is fresh for every attempt, because Cache::acquire_lock lets an owner renew its own lock and even this same
  // process must not run the minute twice.
  std::string claim = "schedule:" + task.name + ":" + minute_key(now) + (task.once_per_cluster ? "" : ":" + host_);
  std::string running = "schedule:running:" + task.name;
  // A lock store that cannot answer (Redis down) cannot promise "once per cluster": the task is skipped rather
  // than run on every node, and the skip is reported like a failure (log line and ops alert).
  try {
    if (!acquire_lock_retrying(cache_, claim, owner_ + ":" + core::random_token(8), kClaimLockSeconds)) {
      out << "Skipping [" << task.name << "]: already run for " << when << " by another scheduler." << std::endl;
      report.outcome = TaskOutcome::kSkippedClaimed;
      return report;
    }
    if (task.without_overlapping && !acquire_lock_retrying(cache_, running, owner_, task.overlap_lock_minutes * 60LL)) {
      out << "Skipping [" << task.name << "]: the previous run is still in progress." << std::endl;
      report.outcome = TaskOutcome::kSkippedRunning;
      return report;
    }
  } catch (const StoreUnavailable& e) {
    out << "Skipping [" << task.name << "]: its lock cannot be taken (" << e.what() << ")." << std::endl;
    report.outcome = TaskOutcome::kFailed;
    report.exit_code = 1;
    report.detail = std::string("not run: lock store unavailable: ") + e.what();
    report_task_failure(monitor_, task, now, report.exit_code, report.detail);
    return report;
  }

  out << "Running [" << task.name << "] " << task.display_command() << std::endl;
  core::log::info("Running scheduled task", {{"task", task.name}, {"minute", when}});
  auto started = std::chrono::steady_clock::now();
  try {
    if (task.body) task.body();
    else report.exit_code = runner_(task.command);
  } catch (const std::exception& e) {
    report.exit_code = 1;
    report.detail = e.what();
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (task.without_overlapping) cache_.release_lock(running, owner_);

  std::ostringstream took;
  took << std::fixed << std::setprecision(2) << seconds << " s";
  std::string code = std::to_string(report.exit_code), duration = took.str();
  core::log::info("Scheduled task finished", {{"task", task.name}, {"exit_code", code}, {"duration", duration}});
  if (report.exit_code != 0) {
    report.outcome = TaskOutcome::kFailed;
    report_task_failure(monitor_, task, now, report.exit_code, report.detail);
    out << "Failed [" << task.name << "] with exit code " << report.exit_code << " after " << duration
        << (report.detail.empty() ? "" : ": " + report.detail) << std::endl;
  } else {
    out << "Done [" << task.name << "] in " << duration << std::endl;
  }
  return report;
}

}  // namespace infra
