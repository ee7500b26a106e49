// The scheduler as cron and an operator drive it: `nico schedule:run --now=…` at a due minute (two racing at
// once), failures, maintenance, `schedule:list`, `schedule:work` stopping on SIGTERM. Runs on SQLite and MariaDB.
//
// NICO_SCHEDULE_TEST_TASK adds the task "test-task" running `nico <value>` every minute; here it pushes a
// queue probe, so each run of the task leaves exactly one row in `jobs`.
#include <gtest/gtest.h>

#include <signal.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "support/app_server.hpp"
#include "support/test_files.hpp"

using testing_support::AppServer;
using testing_support::count_of;
using testing_support::find_nico_process;
using testing_support::scalar;
using testing_support::CommandResult;

namespace {

const std::map<std::string, std::string> kProbeTask = {{"NICO_SCHEDULE_TEST_TASK", "queue:probe --batch=cron"}};

}  // namespace

TEST(SchedulerCommands, TwoRacingSchedulersRunADueTaskExactlyOnce) {
  AppServer server(kProbeTask);
  CommandResult first, second;
  std::thread a([&] { first = server.run({"schedule:run", "--now=2026-03-02 10:07"}); });
  std::thread b([&] { second = server.run({"schedule:run", "--now=2026-03-02 10:07"}); });
  a.join();
  b.join();
  EXPECT_EQ(first.exit_code, 0) << first.output;
  EXPECT_EQ(second.exit_code, 0) << second.output;
  std::string both = first.output + second.output;
  EXPECT_EQ(count_of(both, "Running [test-task] nico queue:probe --batch=cron"), 1u) << both;
  EXPECT_EQ(count_of(both, "Skipping [test-task]: already run for 2026-03-02 10:07 by another scheduler."), 1u) << both;
  EXPECT_EQ(count_of(both, "Done [test-task]"), 1u) << both;
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM jobs"), 1);  // the child `nico queue:probe` ran once

  // The next minute is a new run; re-running the same minute (cron retried, second node late) is not.
  EXPECT_EQ(server.run({"schedule:run", "--now=2026-03-02 10:08"}).exit_code, 0);
  EXPECT_EQ(server.run({"schedule:run", "--now=2026-03-02 10:07"}).exit_code, 0);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM jobs"), 2);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM cache WHERE \"key\" = 'heartbeat:scheduler'"), 1);
}

TEST(SchedulerCommands, HourlyPruneRemovesExpiredRowsOncePerCluster) {
  AppServer server;
  {
    auto sql = server.database().lease();
    *sql << "INSERT INTO cache (\"key\", value, expiration) VALUES ('stale', 'x', 1)";
    *sql << "INSERT INTO cache (\"key\", value, expiration) VALUES ('fresh', 'x', 4102444800)";
    *sql << "INSERT INTO sessions (id, payload, last_activity) VALUES ('old-session', 'x', 1)";
  }
  CommandResult first, second;
  std::thread a([&] { first = server.run({"schedule:run", "--now=2026-03-02 11:00"}); });
  std::thread b([&] { second = server.run({"schedule:run", "--now=2026-03-02 11:00"}); });
  a.join();
  b.join();
  EXPECT_EQ(first.exit_code, 0) << first.output;
  EXPECT_EQ(second.exit_code, 0) << second.output;
  EXPECT_EQ(count_of(first.output + second.output, "Running [prune-expired] (in-process) prune-expired"), 1u)
      << first.output << second.output;
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM cache WHERE \"key\" = 'stale'"), 0);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM cache WHERE \"key\" = 'fresh'"), 1);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM sessions"), 0);
  EXPECT_EQ(count_of(server.log_contents(), "Pruned expired cache entries and sessions"), 1u);
}

TEST(SchedulerCommands, AFailingTaskMakesScheduleRunExitOneAndIsLogged) {
  // `queue:retry` of an unknown id exits 1: a real failing child process.
  AppServer server(std::map<std::string, std::string>{{"NICO_SCHEDULE_TEST_TASK", "queue:retry 424242"}});
  auto result = server.run({"schedule:run", "--now=2026-03-02 10:07"});
  EXPECT_EQ(result.exit_code, 1) << result.output;
  EXPECT_NE(result.output.find("Failed [test-task] with exit code 1"), std::string::npos) << result.output;
  auto log = server.log_contents();
  EXPECT_NE(log.find("Scheduled task failed"), std::string::npos) << log;
  EXPECT_NE(log.find("\"task\":\"test-task\""), std::string::npos) << log;
}

TEST(SchedulerCommands, NothingDueIsNotAnError) {
  AppServer server;
  auto result = server.run({"schedule:run", "--now=2026-03-02 10:07"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_NE(result.output.find("No scheduled commands are ready to run."), std::string::npos) << result.output;
}

TEST(SchedulerCommands, MaintenanceModeSkipsTasksExceptHousekeeping) {
  AppServer server(kProbeTask);
  ASSERT_EQ(server.run({"down"}).exit_code, 0);
  auto result = server.run({"schedule:run", "--now=2026-03-02 12:00"});
  EXPECT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("Skipping [test-task]: the application is in maintenance mode."), std::string::npos)
      << result.output;
  EXPECT_NE(result.output.find("Done [prune-expired]"), std::string::npos) << result.output;
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM jobs"), 0);
  ASSERT_EQ(server.run({"up"}).exit_code, 0);
  EXPECT_EQ(server.run({"schedule:run", "--now=2026-03-02 12:00"}).exit_code, 0);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM jobs"), 1);
}

TEST(SchedulerCommands, MaintenanceStartedOnAnotherNodeSkipsTasksHere) {
  AppServer server(kProbeTask);
  auto other = std::filesystem::temp_directory_path() / ("nico-other-node-" + core::random_token(8));
  std::filesystem::create_directories(other / "storage/logs");
  std::map<std::string, std::string> other_env = {{"NICO_BASE_PATH", other.string()},
                                                  {"APP_LOG_PATH", (other / "storage/logs/nico.log").string()}};
  ASSERT_EQ(server.run({"down"}, other_env).exit_code, 0);
  auto result = server.run({"schedule:run", "--now=2026-03-02 12:00"});
  EXPECT_NE(result.output.find("Skipping [test-task]: the application is in maintenance mode."), std::string::npos)
      << result.output;
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM jobs"), 0);
  std::filesystem::remove_all(other);
}

TEST(SchedulerCommands, ListShowsEveryTaskWithCadenceAndNextRunInLocalTime) {
  AppServer server(std::map<std::string, std::string>{{"OPS_BACKUP_TIME", "02:30"}});
  auto result = server.run({"schedule:list", "--now=2026-03-02 10:07"});
  EXPECT_EQ(result.exit_code, 0) << result.output;
  const std::string& out = result.output;
  EXPECT_NE(out.find("Time zone: America/Argentina/Cordoba (now 2026-03-02 10:07)"), std::string::npos) << out;
  for (const char* expected : {"health-check", "nico ops:health-check --strict", "daily at 03:00", "2026-03-03 03:00",
                               "nico ops:backup --only=all", "daily at 02:30", "2026-03-03 02:30",
                               "nico ops:backup:verify", "nico ops:restore latest --drill",
                               "nico ops:backup:verify latest --full", "monthly on day 15 at 03:00",
                               "monthly on day 1 at 04:00", "2026-04-01 04:00", "(in-process) prune-expired",
                               "hourly", "2026-03-02 11:00", "once per cluster, no overlap",
                               "runs in maintenance"})
    EXPECT_NE(out.find(expected), std::string::npos) << expected << "\n" << out;
  // The verify runs half an hour after the (configured) backup time.
  auto verify = out.substr(out.find("backup-verify"));
  verify = verify.substr(0, verify.find('\n'));
  EXPECT_NE(verify.find("daily at 03:00"), std::string::npos) << verify;
  EXPECT_EQ(out.find("test-task"), std::string::npos);
}

TEST(SchedulerCommands, BadNowIsAUsageError) {
  AppServer server;
  auto result = server.run({"schedule:run", "--now=tomorrow"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.output.find("--now must look like \"YYYY-MM-DD HH:MM\""), std::string::npos) << result.output;
}

TEST(SchedulerCommands, ScheduleWorkStopsOnSigterm) {
  AppServer server;
  int pid = server.spawn_command({"schedule:work"});
  ASSERT_GT(pid, 0);
  // Printed once the SIGTERM handler is installed.
  auto output = server.base_path() / "storage/logs/spawned.log";
  bool ready = testing_support::wait_for_text(
      output, "Running scheduled tasks every minute (America/Argentina/Cordoba)");
  kill(pid, SIGTERM);
  EXPECT_EQ(testing_support::wait_for_exit(pid), 0) << testing_support::read_text(output);
  ASSERT_TRUE(ready) << testing_support::read_text(output);
  EXPECT_NE(testing_support::read_text(output).find("Stop signal received"), std::string::npos)
      << testing_support::read_text(output);
}
