// The schedule table (every task `nico` runs on its own, in one list) and the schedule commands:
// schedule:run (cron, every minute), schedule:work (long-running, for systemd), schedule:list.
// Locks, maintenance and failure handling live in src/infra/scheduler.*.
#include <signal.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <set>
#include <thread>

#include "app/application.hpp"
#include "app/command.hpp"
#include "infra/alert_dispatch.hpp"
#include "infra/exception_monitor.hpp"
#include "core/clock.hpp"
#include "core/json.hpp"
#include "core/log.hpp"
#include "core/strings.hpp"
#include "db/database.hpp"
#include "domain/alerts/kpi_delivery.hpp"
#include "infra/cache.hpp"
#include "infra/stores.hpp"
#include "infra/schedule_process.hpp"
#include "infra/scheduler.hpp"
#include "ops/maintenance.hpp"
#include "ops/maintenance_monitor.hpp"
#include "ops/maintenance_watch.hpp"
#include "web/session.hpp"

namespace app {

namespace {

using infra::Cadence;
using infra::ScheduledTask;

// The schedule. Times are local (APP_TIMEZONE) and read from the configuration when the command starts, so
// a frozen configuration needs `nico optimize` again after changing them.
//
// NICO_SCHEDULE_TEST_TASK (tests and diagnostics, ignored when APP_ENV=production): when set, adds the task
// "test-task" that runs `nico <its value>` every minute, e.g. NICO_SCHEDULE_TEST_TASK="queue:probe --batch=cron".
// In-process housekeeping: expired cache rows and locks, and sessions idle longer than SESSION_LIFETIME.
void prune_expired(const core::Config& config, db::Database& database, const infra::Cache& cache) {
  auto cache_rows = cache.prune_expired();
  auto sessions = web::SessionStore(database, static_cast<int>(config.integer("SESSION_LIFETIME"))).collect_garbage();
  std::string cache_text = std::to_string(cache_rows), session_text = std::to_string(sessions);
  core::log::info("Pruned expired cache entries and sessions", {{"cache", cache_text}, {"sessions", session_text}});
}

// `prune` is the body of the in-process housekeeping task (the listing passes one that is never called).
// `kpi` is the weekly KPI report's schedule from the business settings (nullopt: not listed, e.g. no database).
std::vector<ScheduledTask> schedule_table(const core::Config& config, std::function<void()> prune,
                                          const std::optional<alerts::KpiSchedule>& kpi = std::nullopt) {
  const std::string& backup_time = config.str("OPS_BACKUP_TIME");
  std::vector<ScheduledTask> tasks = {
      {.name = "health-check",
       .command = {"ops:health-check", "--strict"},
       .cadence = Cadence::daily_at(config.str("OPS_HEALTH_CHECK_TIME"))},
      // A backup during a deploy could capture a half-migrated schema: it waits for `nico up`.
      // OPS_BACKUP_ONLY is also what `latest`, the drill and the health check expect a snapshot to hold.
      {.name = "backup", .command = {"ops:backup", "--only=" + config.str("OPS_BACKUP_ONLY")},
       .cadence = Cadence::daily_at(backup_time)},
      // Half an hour after the backup started, the newest snapshot is checked (checksums, integrity).
      {.name = "backup-verify",
       .command = {"ops:backup:verify"},
       .cadence = Cadence::daily_at(infra::shift_time_of_day(backup_time, 30))},
      // The daily verify runs quick_check; mid-month the full integrity_check also compares every index with its
      // table (about a minute per GB), which quick_check does not.
      {.name = "backup-verify-full",
       .command = {"ops:backup:verify", "latest", "--full"},
       .cadence = Cadence::monthly_on(15, infra::shift_time_of_day(backup_time, 30)),
       .overlap_lock_minutes = 120},
      // A restore that was never tried is not a backup: restore the newest snapshot into a scratch database.
      {.name = "restore-drill",
       .command = {"ops:restore", "latest", "--drill"},
       .cadence = Cadence::monthly_on(1, "04:00"),
       .overlap_lock_minutes = 360},
      // The operational digest (docs/domain/alerts.md): mailed only when it lists something new.
      {.name = "ops-digest", .command = {"ops:digest", "--send"},
       .cadence = Cadence::daily_at(config.str("OPS_DIGEST_TIME")),
       .overlap_lock_minutes = 30},
      // Housekeeping is harmless during maintenance and keeps the cache and sessions tables small.
      {.name = "prune-expired", .body = std::move(prune),
       .cadence = Cadence::every_minutes(60),
       .run_in_maintenance = true},
  };

  // The weekly KPI report: day and time are the shop's (/admin/configuracion/reportes), read at every schedule:run.
  if (kpi && kpi->enabled)
    tasks.push_back({.name = "kpi-report", .command = {"reports:kpi", "--scheduled"},
                     .cadence = Cadence::weekly_on(kpi->weekday, kpi->time), .overlap_lock_minutes = 30});

  const char* test_task = std::getenv("NICO_SCHEDULE_TEST_TASK");
  if (test_task && *test_task) {
    if (config.is_production()) {
      core::log::warning("NICO_SCHEDULE_TEST_TASK is ignored in production");
    } else {
      std::vector<std::string> args;
      for (const auto& part : core::split_csv(test_task, ' ')) args.push_back(part);
      tasks.push_back({.name = "test-task", .command = args, .cadence = Cadence::every_minutes(1)});
    }
  }
  return tasks;
}

// --now="YYYY-MM-DD HH:MM" pretends the local time (tests, and re-running a missed minute by hand);
// otherwise the current minute in APP_TIMEZONE.
std::optional<infra::LocalMinute> chosen_minute(const core::Config& config, const CommandInput& input,
                                                const std::string& command) {
  if (auto text = input.option("now")) {
    auto minute = infra::parse_local_minute(*text);
    if (!minute) std::cerr << "nico " << command << ": --now must look like \"YYYY-MM-DD HH:MM\", got \"" << *text << "\"\n";
    return minute;
  }
  return infra::local_minute_at(core::unix_now(), config.str("APP_TIMEZONE"));
}

int schedule_run(const CommandEnvironment& environment, const CommandInput& input) {
  auto config = bootstrap(environment);
  auto now = chosen_minute(config, input, "schedule:run");
  if (!now) return 2;
  auto database = open_database(config, 2);
  // One read of the cluster-wide `nico down` flag: this process lives for one minute's tasks.
  ops::MaintenanceMonitor maintenance(*database, std::chrono::milliseconds(0));
  maintenance.install();
  // Claims, "running" locks and the heartbeat go to the configured store (CACHE_STORE); the housekeeping always
  // prunes the database tables, which keep the database limiter's counters and probe marks whatever the store.
  infra::Cache cache = infra::make_cache(config, *database);
  infra::Cache table_cache(*database, config.str("CACHE_PREFIX"));
  auto prune = [&config, &database, &table_cache] { prune_expired(config, *database, table_cache); };
  // infra sits below ops, so the scheduler gets the maintenance flag as a question (answered by the monitor above).
  auto is_down = [base = environment.base_path] { return ops::read_maintenance(base).has_value(); };
  std::optional<alerts::KpiSchedule> kpi;
  try {
    kpi = alerts::load_kpi_schedule(*database);
  } catch (const std::exception& e) {
    core::log::warning("KPI report schedule unreadable; the report is not scheduled this minute", {{"error", e.what()}});
  }
  infra::Scheduler scheduler(schedule_table(config, prune, kpi), cache, is_down, infra::run_nico);
  infra::ExceptionMonitor monitor(config, database.get(), infra::alert_dispatcher(config, database.get()));
  scheduler.set_monitor(&monitor);
  // Not a task of the table: tasks are what maintenance pauses, and this is the alert about that pause. Every
  // schedule:run on every node asks; the monitor's de-duplication (cache + node files) sends one per window.
  auto watch = ops::alert_if_maintenance_overdue(config, monitor);
  if (watch.age.level == ops::MaintenanceLevel::kWarn || watch.age.level == ops::MaintenanceLevel::kFail)
    std::cout << "Maintenance mode has been on for " << watch.age.minutes << " minutes (more than OPS_MAINTENANCE_WARN_MINUTES): "
              << (watch.alerted ? "ops alert sent." : "no new alert (already sent in this window, or alerts are off).") << std::endl;
  auto reports = scheduler.run_due(*now, std::cout);
  for (const auto& report : reports) {
    if (report.outcome == infra::TaskOutcome::kFailed) return 1;
  }
  return 0;
}

std::atomic<bool> g_stop_requested{false};

extern "C" void request_scheduler_stop(int) { g_stop_requested = true; }

int schedule_work(const CommandEnvironment& environment, const CommandInput&) {
  auto config = bootstrap(environment);
  const std::string& zone = config.str("APP_TIMEZONE");
  struct sigaction action {};
  action.sa_handler = request_scheduler_stop;
  sigemptyset(&action.sa_mask);
  sigaction(SIGTERM, &action, nullptr);
  sigaction(SIGINT, &action, nullptr);

  std::cout << "Running scheduled tasks every minute (" << zone << "); stop with Ctrl+C or SIGTERM." << std::endl;
  core::log::info("Scheduler worker started");
  // Each minute gets its own `schedule:run` child, started without waiting for the previous one: a long backup
  // must not make the scheduler miss the minutes after it (the no-overlap lock keeps a task from doubling up).
  std::set<int> children;
  auto reap = [&children] {
    for (auto it = children.begin(); it != children.end();) {
      if (auto code = infra::poll_exit(*it)) {
        if (*code != 0) std::cout << "schedule:run (pid " << *it << ") exited with code " << *code << std::endl;
        it = children.erase(it);
      } else {
        ++it;
      }
    }
  };
  while (!g_stop_requested) {
    std::int64_t next_minute = (core::unix_now() / 60 + 1) * 60;
    while (!g_stop_requested && core::unix_now() < next_minute) {
      reap();
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    if (g_stop_requested) break;
    // The minute is fixed here, so a child that starts a little late still evaluates the right one.
    auto minute = infra::local_minute_at(next_minute, zone);
    try {
      children.insert(infra::spawn_nico({"schedule:run", "--now=" + infra::format_local_minute(minute)}));
    } catch (const std::exception& e) {
      core::log::error("Could not start schedule:run", {{"error", e.what()}});
    }
  }
  std::cout << "Stop signal received: waiting for " << children.size() << " running schedule:run process(es)." << std::endl;
  for (int pid : children) infra::wait_for_exit(pid);
  core::log::info("Scheduler worker stopped");
  return 0;
}

std::string cell(std::string text, std::size_t width) {
  text.resize(std::max(width, text.size() + 2), ' ');
  return text;
}

// Times are local (APP_TIMEZONE, named in the object) as "YYYY-MM-DD HH:MM", like the table.
std::string schedule_json(const std::string& zone, const infra::LocalMinute& now, const std::vector<ScheduledTask>& tasks) {
  std::string rows = "[";
  for (const auto& task : tasks) {
    std::string command = "[";
    for (const auto& arg : task.command) {
      if (command.size() > 1) command += ',';
      command += core::json_string(arg);
    }
    core::JsonObject row;
    row.add("name", task.name).add("command", task.display_command()).add_raw("arguments", command + "]")
        .add("in_process", static_cast<bool>(task.body)).add("cadence", infra::describe(task.cadence))
        .add("next_due", infra::format_local_minute(infra::next_due_after(task.cadence, now)))
        .add("once_per_cluster", task.once_per_cluster).add("without_overlapping", task.without_overlapping)
        .add("runs_in_maintenance", task.run_in_maintenance);
    if (rows.size() > 1) rows += ',';
    rows += row.str();
  }
  core::JsonObject json;
  json.add("timezone", zone).add("now", infra::format_local_minute(now)).add_raw("tasks", rows + "]");
  return json.str();
}

int schedule_list(const CommandEnvironment& environment, const CommandInput& input) {
  auto config = bootstrap(environment);
  auto now = chosen_minute(config, input, "schedule:list");
  if (!now) return 2;
  // Listing runs nothing, so it needs no database: an operator can inspect the schedule while the database is down.
  auto tasks = schedule_table(config, [] {});
  if (input.flag("json")) {
    std::cout << schedule_json(config.str("APP_TIMEZONE"), *now, tasks) << "\n";
    return 0;
  }
  std::cout << "Time zone: " << config.str("APP_TIMEZONE") << " (now " << infra::format_local_minute(*now) << ")\n";
  std::cout << cell("Task", 16) << cell("Command", 36) << cell("Cadence", 26) << cell("Next due", 18) << "Flags\n";
  for (const auto& task : tasks) {
    std::vector<std::string> flags;
    if (task.once_per_cluster) flags.push_back("once per cluster");
    if (task.without_overlapping) flags.push_back("no overlap");
    if (task.run_in_maintenance) flags.push_back("runs in maintenance");
    std::string joined;
    for (const auto& flag : flags) joined += (joined.empty() ? "" : ", ") + flag;
    std::cout << cell(task.name, 16) << cell(task.display_command(), 36) << cell(infra::describe(task.cadence), 26)
              << cell(infra::format_local_minute(infra::next_due_after(task.cadence, *now)), 18) << joined << "\n";
  }
  return 0;
}

}  // namespace

std::vector<CommandSpec> schedule_commands() {
  OptionSpec now{"now", "Pretend the local time is \"YYYY-MM-DD HH:MM\" (APP_TIMEZONE)", true};
  return {
      {"schedule:run", "Run the scheduled tasks that are due now (call from cron every minute)", {now}, {}, schedule_run},
      {"schedule:work", "Run the scheduler in the foreground, every minute, until stopped", {}, {}, schedule_work},
      {"schedule:list", "List the scheduled tasks with their cadence and next due time",
       {now, {"json", "Print one JSON object instead of the table", false}}, {}, schedule_list},
  };
}

}  // namespace app
