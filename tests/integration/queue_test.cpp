// The database queue as an operator drives it: `nico queue:probe` pushes jobs, `nico queue:work` runs them (two
// workers at once), failures land in failed_jobs and come back with queue:retry. Runs on SQLite and MariaDB.
#include <gtest/gtest.h>

#include <signal.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "core/clock.hpp"
#include "support/app_server.hpp"
#include "support/test_files.hpp"

using testing_support::AppServer;
using testing_support::count_of;
using testing_support::find_nico_process;
using testing_support::scalar;
using testing_support::CommandResult;

namespace {

// How many times probe `id` ran (0: never), read from the cache row the probe job increments.
long long probe_runs(AppServer& server, const std::string& id) {
  std::string key = "queue.probe:" + id, value;
  auto sql = server.database().lease();
  *sql << "SELECT value FROM cache WHERE \"key\" = :k", soci::use(key), soci::into(value);
  return sql->got_data() ? std::stoll(value) : 0;
}

}  // namespace

TEST(QueueCommands, TwoWorkersRunEachOfAThousandJobsExactlyOnce) {
  AppServer server;
  auto pushed = server.run({"queue:probe", "--count=1000", "--batch=load"});
  ASSERT_EQ(pushed.exit_code, 0) << pushed.output;
  ASSERT_EQ(scalar(server, "SELECT COUNT(*) FROM jobs"), 1000);

  CommandResult first, second;
  std::thread a([&] { first = server.run({"queue:work", "--stop-when-empty"}); });
  std::thread b([&] { second = server.run({"queue:work", "--stop-when-empty"}); });
  a.join();
  b.join();
  EXPECT_EQ(first.exit_code, 0) << first.output;
  EXPECT_EQ(second.exit_code, 0) << second.output;

  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM cache WHERE \"key\" LIKE 'queue.probe:load:%'"), 1000);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM cache WHERE \"key\" LIKE 'queue.probe:load:%' AND value <> '1'"), 0);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM jobs"), 0);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM failed_jobs"), 0);
  EXPECT_EQ(count_of(first.output, " DONE ") + count_of(second.output, " DONE "), 1000u);
  // Both workers reported in for the health check.
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM cache WHERE \"key\" = 'heartbeat:queue-worker'"), 1);
}

TEST(QueueCommands, FailingJobEndsInFailedJobsAfterItsTriesAndComesBackWithRetry) {
  AppServer server;
  ASSERT_EQ(server.run({"queue:probe", "--fail", "--batch=bad"}).exit_code, 0);
  auto worked = server.run({"queue:work", "--stop-when-empty", "--tries=3", "--backoff=0"});
  EXPECT_EQ(worked.exit_code, 0) << worked.output;
  EXPECT_EQ(probe_runs(server, "bad:1"), 3);
  EXPECT_EQ(count_of(worked.output, " RETRY "), 2u) << worked.output;
  EXPECT_EQ(count_of(worked.output, " FAILED "), 1u);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM jobs"), 0);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM failed_jobs"), 1);

  auto listed = server.run({"queue:failed"});
  EXPECT_EQ(listed.exit_code, 0);
  EXPECT_NE(listed.output.find("queue.probe"), std::string::npos) << listed.output;
  EXPECT_NE(listed.output.find("queue.probe bad:1 failed on purpose (--fail)"), std::string::npos) << listed.output;
  EXPECT_NE(listed.output.find("1 failed job(s)"), std::string::npos);

  auto unknown = server.run({"queue:retry", "424242"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_EQ(unknown.output, "No failed job matches the given ID [424242].\n");
  EXPECT_EQ(server.run({"queue:retry", "yesterday"}).exit_code, 2);

  auto retried = server.run({"queue:retry", "all"});
  EXPECT_EQ(retried.exit_code, 0);
  EXPECT_NE(retried.output.find("1 failed job(s) pushed back onto the queue."), std::string::npos);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM failed_jobs"), 0);
  EXPECT_EQ(scalar(server, "SELECT attempts FROM jobs"), 0);

  // Back in the queue with fresh attempts: it fails three more times, then is flushed for good.
  EXPECT_EQ(server.run({"queue:work", "--stop-when-empty", "--tries=3", "--backoff=0"}).exit_code, 0);
  EXPECT_EQ(probe_runs(server, "bad:1"), 6);
  long long id = scalar(server, "SELECT id FROM failed_jobs");
  auto one = server.run({"queue:retry", std::to_string(id)});
  EXPECT_EQ(one.exit_code, 0);
  EXPECT_NE(one.output.find("The failed job [" + std::to_string(id) + "] has been pushed back onto the queue."),
            std::string::npos);
  EXPECT_EQ(server.run({"queue:work", "--once", "--tries=1"}).exit_code, 0);
  auto flushed = server.run({"queue:flush"});
  EXPECT_EQ(flushed.exit_code, 0);
  EXPECT_NE(flushed.output.find("All failed jobs deleted successfully (1)."), std::string::npos) << flushed.output;
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM failed_jobs"), 0);
  EXPECT_NE(server.run({"queue:failed"}).output.find("No failed jobs."), std::string::npos);
}

TEST(QueueCommands, BackoffKeepsAFailedJobBackUntilItIsDue) {
  AppServer server;
  ASSERT_EQ(server.run({"queue:probe", "--fail", "--batch=slow"}).exit_code, 0);
  auto worked = server.run({"queue:work", "--stop-when-empty", "--tries=3", "--backoff=60"});
  EXPECT_EQ(worked.exit_code, 0);
  EXPECT_NE(worked.output.find("RETRY in 60 s (attempt 1/3)"), std::string::npos) << worked.output;
  EXPECT_EQ(probe_runs(server, "slow:1"), 1);
  long long wait = scalar(server, "SELECT available_at FROM jobs") - core::unix_now();
  EXPECT_GE(wait, 55);
  EXPECT_LE(wait, 60);
}

TEST(QueueCommands, ACrashedWorkersJobIsRetriedAfterTheTimeoutButALiveOneIsLeftAlone) {
  AppServer server;
  ASSERT_EQ(server.run({"queue:probe", "--batch=crashed"}).exit_code, 0);
  ASSERT_EQ(server.run({"queue:probe", "--batch=live"}).exit_code, 0);
  long long crashed_id = scalar(server, "SELECT MIN(id) FROM jobs"), live_id = scalar(server, "SELECT MAX(id) FROM jobs");
  long long long_ago = core::unix_now() - 3600, just_now = core::unix_now();
  {
    auto sql = server.database().lease();
    *sql << "UPDATE jobs SET reserved_at = :at, attempts = 1 WHERE id = :id", soci::use(long_ago), soci::use(crashed_id);
    *sql << "UPDATE jobs SET reserved_at = :at, attempts = 1 WHERE id = :id", soci::use(just_now), soci::use(live_id);
  }
  auto worked = server.run({"queue:work", "--stop-when-empty", "--timeout=60"});
  EXPECT_EQ(worked.exit_code, 0) << worked.output;
  EXPECT_EQ(probe_runs(server, "crashed:1"), 1);
  EXPECT_EQ(probe_runs(server, "live:1"), 0);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM jobs"), 1);
  EXPECT_EQ(scalar(server, "SELECT id FROM jobs"), live_id);
}

TEST(QueueCommands, MaintenanceModePausesTheWorkerUnlessForced) {
  AppServer server;
  ASSERT_EQ(server.run({"queue:probe", "--batch=m"}).exit_code, 0);
  ASSERT_EQ(server.run({"down"}).exit_code, 0);
  auto paused = server.run({"queue:work", "--once"});
  EXPECT_EQ(paused.exit_code, 0);
  EXPECT_NE(paused.output.find("Application is in maintenance mode: the queue is paused"), std::string::npos)
      << paused.output;
  EXPECT_EQ(probe_runs(server, "m:1"), 0);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM jobs"), 1);

  EXPECT_EQ(server.run({"queue:work", "--once", "--force"}).exit_code, 0);
  EXPECT_EQ(probe_runs(server, "m:1"), 1);
  ASSERT_EQ(server.run({"up"}).exit_code, 0);
}

TEST(QueueCommands, SigtermStopsAnIdleWorkerWithExitZero) {
  AppServer server;
  int pid = server.spawn_command({"queue:work", "--sleep=1"});
  ASSERT_GT(pid, 0);
  // The worker prints this line once its stop handlers are installed: a signal from now on is a clean stop.
  auto output = server.base_path() / "storage/logs/spawned.log";
  bool ready = testing_support::wait_for_text(output, "Processing jobs from the [default] queue.");
  kill(pid, SIGTERM);
  EXPECT_EQ(testing_support::wait_for_exit(pid), 0) << testing_support::read_text(output);
  ASSERT_TRUE(ready) << testing_support::read_text(output);
  EXPECT_NE(testing_support::read_text(output).find("Stop signal received: worker stopped after 0 job(s)."),
            std::string::npos)
      << testing_support::read_text(output);
}

TEST(QueueCommands, SigtermLetsTheCurrentJobFinishThenExitsZero) {
  AppServer server;
  ASSERT_EQ(server.run({"queue:probe", "--count=2", "--seconds=2", "--batch=busy"}).exit_code, 0);
  CommandResult result;
  std::thread worker([&] { result = server.run({"queue:work"}); });
  // Wait until the first job is reserved (running), then ask the worker to stop.
  for (int i = 0; i < 100 && scalar(server, "SELECT COUNT(*) FROM jobs WHERE reserved_at IS NOT NULL") == 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  int pid = find_nico_process(server, "queue:work");
  ASSERT_GT(pid, 0);
  kill(pid, SIGTERM);
  worker.join();
  EXPECT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("Stop signal received: worker stopped after 1 job(s)."), std::string::npos)
      << result.output;
  EXPECT_EQ(probe_runs(server, "busy:1"), 1);  // finished, not cut short
  EXPECT_EQ(probe_runs(server, "busy:2"), 0);  // not started
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM jobs WHERE reserved_at IS NULL"), 1);
}

TEST(QueueCommands, AJobPastItsTimeoutStopsTheWorkerAndIsRetriedLater) {
  AppServer server;
  ASSERT_EQ(server.run({"queue:probe", "--seconds=3", "--batch=slowpoke"}).exit_code, 0);
  auto killed = server.run({"queue:work", "--once", "--timeout=1"});
  EXPECT_EQ(killed.exit_code, 1) << killed.output;
  EXPECT_NE(killed.output.find("timed out"), std::string::npos) << killed.output;
  EXPECT_EQ(probe_runs(server, "slowpoke:1"), 0);
  // Still reserved: another worker must not start it while the reservation is fresh…
  EXPECT_EQ(scalar(server, "SELECT attempts FROM jobs WHERE reserved_at IS NOT NULL"), 1);
  EXPECT_EQ(server.run({"queue:work", "--stop-when-empty", "--timeout=1"}).exit_code, 0);
  EXPECT_EQ(probe_runs(server, "slowpoke:1"), 0);
  // …and once it is stale (timeout + grace ago), the job runs again, with a timeout it fits in.
  *server.database().lease() << "UPDATE jobs SET reserved_at = reserved_at - 100";
  auto retried = server.run({"queue:work", "--stop-when-empty", "--timeout=30"});
  EXPECT_EQ(retried.exit_code, 0) << retried.output;
  EXPECT_EQ(probe_runs(server, "slowpoke:1"), 1);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM jobs"), 0);
}

TEST(QueueCommands, ProbeWaitTellsWhetherAWorkerIsAlive) {
  AppServer server;
  auto nobody = server.run({"queue:probe", "--wait=1", "--batch=alone"});
  EXPECT_EQ(nobody.exit_code, 1);
  EXPECT_NE(nobody.output.find("Only 0 of 1 probe job(s) ran within 1 s: is a `nico queue:work --queue=default` running?"),
            std::string::npos)
      << nobody.output;

  CommandResult worker;
  std::thread t([&] { worker = server.run({"queue:work", "--max-jobs=2", "--sleep=0"}); });
  auto answered = server.run({"queue:probe", "--wait=20", "--batch=company"});
  t.join();
  EXPECT_EQ(answered.exit_code, 0) << answered.output << worker.output;
  EXPECT_NE(answered.output.find("All 1 probe job(s) ran"), std::string::npos);
  EXPECT_EQ(probe_runs(server, "company:1"), 1);
}

TEST(QueueCommands, SyncConnectionRunsJobsWhenPushed) {
  AppServer server(std::map<std::string, std::string>{{"QUEUE_CONNECTION", "sync"}});
  auto pushed = server.run({"queue:probe", "--count=3", "--batch=sync", "--wait=1"});
  EXPECT_EQ(pushed.exit_code, 0) << pushed.output;
  EXPECT_EQ(probe_runs(server, "sync:3"), 1);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM jobs"), 0);
  auto failed = server.run({"queue:probe", "--fail", "--batch=syncfail"});
  EXPECT_EQ(failed.exit_code, 1);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM failed_jobs"), 1);
}

TEST(QueueCommands, BadOptionsAreUsageErrors) {
  AppServer server;
  for (auto args : std::vector<std::vector<std::string>>{{"queue:work", "--tries=0"},
                                                         {"queue:work", "--timeout=soon"},
                                                         {"queue:work", "--queue="},
                                                         {"queue:probe", "--count=0"},
                                                         {"queue:retry"}}) {
    auto result = server.run(args);
    EXPECT_EQ(result.exit_code, 2) << args[0] << " " << (args.size() > 1 ? args[1] : "") << ": " << result.output;
  }
}
