#include "infra/scheduler.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <stdexcept>

#include "core/crypto.hpp"
#include "db/database.hpp"
#include "db/migrator.hpp"
#include "infra/cache.hpp"
#include "ops/maintenance.hpp"

using infra::Cadence;
using infra::ScheduledTask;
using infra::TaskOutcome;

namespace {

class SchedulerTest : public ::testing::Test {
 protected:
  SchedulerTest() : database_(settings()), cache_(database_) { db::Migrator(database_).migrate(); }
  ~SchedulerTest() override {
    std::error_code ignored;
    std::filesystem::remove_all(base_, ignored);
  }
  db::DatabaseSettings settings() {
    core::crypto_init();
    base_ = std::filesystem::temp_directory_path() / ("nico-schedule-" + core::random_token(8));
    std::filesystem::create_directories(base_ / "storage");
    db::DatabaseSettings s;
    s.sqlite_path = (base_ / "storage/db.sqlite").string();
    s.pool_size = 2;
    return s;
  }
  // A runner that records the commands instead of starting processes; exit code 3 for "fail".
  infra::Scheduler scheduler(std::vector<ScheduledTask> tasks) {
    return infra::Scheduler(std::move(tasks), cache_, is_down(), [this](const std::vector<std::string>& args) {
      ran_.push_back(args.at(0));
      return args.at(0) == "fail" ? 3 : 0;
    });
  }
  // Wired as app/commands/schedule.cpp does: the real `nico down` flag under this test's base path.
  infra::MaintenanceCheck is_down() const {
    return [base = base_] { return ops::read_maintenance(base).has_value(); };
  }
  static infra::LocalMinute at(const char* text) { return infra::parse_local_minute(text).value(); }

  std::filesystem::path base_;
  db::Database database_;
  infra::Cache cache_;
  std::vector<std::string> ran_;
  std::ostringstream out_;
};

std::vector<ScheduledTask> table() {
  return {
      {.name = "backup", .command = {"backup"}, .cadence = Cadence::daily_at("03:15")},
      {.name = "prune", .command = {"prune"}, .cadence = Cadence::every_minutes(60), .run_in_maintenance = true},
      {.name = "drill", .command = {"drill"}, .cadence = Cadence::monthly_on(1, "03:15")},
  };
}

}  // namespace

TEST_F(SchedulerTest, RunsOnlyTheTasksDueThisMinute) {
  auto reports = scheduler(table()).run_due(at("2026-03-02 03:15"), out_);
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(ran_, std::vector<std::string>{"backup"});
  scheduler(table()).run_due(at("2026-03-01 03:15"), out_);
  EXPECT_EQ(ran_, (std::vector<std::string>{"backup", "backup", "drill"}));
  EXPECT_NE(out_.str().find("Running [backup] nico backup"), std::string::npos) << out_.str();
}

TEST_F(SchedulerTest, NothingDuePrintsTheUsualMessage) {
  EXPECT_TRUE(scheduler(table()).run_due(at("2026-03-02 10:01"), out_).empty());
  EXPECT_TRUE(ran_.empty());
  EXPECT_NE(out_.str().find("No scheduled commands are ready to run."), std::string::npos);
}

TEST_F(SchedulerTest, AMinuteRunsOncePerClusterEvenFromTwoSchedulers) {
  auto node_a = scheduler(table());
  auto node_b = scheduler(table());  // another process: another lock owner
  EXPECT_EQ(node_a.run_due(at("2026-03-02 10:00"), out_).at(0).outcome, TaskOutcome::kSucceeded);
  EXPECT_EQ(node_b.run_due(at("2026-03-02 10:00"), out_).at(0).outcome, TaskOutcome::kSkippedClaimed);
  EXPECT_EQ(node_a.run_due(at("2026-03-02 10:00"), out_).at(0).outcome, TaskOutcome::kSkippedClaimed);
  EXPECT_EQ(ran_, std::vector<std::string>{"prune"});
  EXPECT_NE(out_.str().find("Skipping [prune]: already run for 2026-03-02 10:00"), std::string::npos);
  node_b.run_due(at("2026-03-02 11:00"), out_);  // the next hour is a new claim
  EXPECT_EQ(ran_.size(), 2u);
}

TEST_F(SchedulerTest, PerNodeTasksRunOnEachNode) {
  auto tasks = table();
  tasks[1].once_per_cluster = false;
  scheduler(tasks).run_due(at("2026-03-02 10:00"), out_);
  scheduler(tasks).run_due(at("2026-03-02 10:00"), out_);  // same host: still once
  EXPECT_EQ(ran_.size(), 1u);
}

TEST_F(SchedulerTest, ARunStillInProgressIsNotOverlapped) {
  ASSERT_TRUE(cache_.acquire_lock("schedule:running:backup", "another-node", 600));
  auto reports = scheduler(table()).run_due(at("2026-03-02 03:15"), out_);
  EXPECT_EQ(reports.at(0).outcome, TaskOutcome::kSkippedRunning);
  EXPECT_TRUE(ran_.empty());
  cache_.release_lock("schedule:running:backup", "another-node");
  scheduler(table()).run_due(at("2026-03-03 03:15"), out_);
  EXPECT_EQ(ran_.size(), 1u);
  // Released after the run: the next day is not blocked by this one.
  EXPECT_TRUE(cache_.acquire_lock("schedule:running:backup", "probe", 60));
}

TEST_F(SchedulerTest, MaintenanceSkipsTasksNotMarkedToRunAnyway) {
  ops::enter_maintenance(base_, {});
  auto reports = scheduler(table()).run_due(at("2026-03-01 03:00"), out_);
  EXPECT_EQ(ran_, std::vector<std::string>{"prune"});
  reports = scheduler(table()).run_due(at("2026-03-01 03:15"), out_);
  EXPECT_EQ(reports.at(0).outcome, TaskOutcome::kSkippedMaintenance);
  EXPECT_EQ(ran_.size(), 1u);
  EXPECT_NE(out_.str().find("Skipping [backup]: the application is in maintenance mode."), std::string::npos);
  // A skipped task was not claimed: once the site is up, the same minute can still run (e.g. by hand with --now).
  ops::leave_maintenance(base_);
  scheduler(table()).run_due(at("2026-03-01 03:15"), out_);
  EXPECT_EQ(ran_, (std::vector<std::string>{"prune", "backup", "drill"}));
}

TEST_F(SchedulerTest, FailuresAreReportedAndTheOtherTasksStillRun) {
  std::vector<ScheduledTask> tasks = {
      {.name = "broken", .command = {"fail"}, .cadence = Cadence::every_minutes(1)},
      {.name = "throws", .body = [] { throw std::runtime_error("disk full"); }, .cadence = Cadence::every_minutes(1)},
      {.name = "fine", .command = {"fine"}, .cadence = Cadence::every_minutes(1)},
  };
  auto reports = scheduler(tasks).run_due(at("2026-03-02 10:07"), out_);
  ASSERT_EQ(reports.size(), 3u);
  EXPECT_EQ(reports[0].outcome, TaskOutcome::kFailed);
  EXPECT_EQ(reports[0].exit_code, 3);
  EXPECT_EQ(reports[1].outcome, TaskOutcome::kFailed);
  EXPECT_EQ(reports[1].detail, "disk full");
  EXPECT_EQ(reports[2].outcome, TaskOutcome::kSucceeded);
  EXPECT_NE(out_.str().find("Failed [broken] with exit code 3"), std::string::npos) << out_.str();
  EXPECT_NE(out_.str().find("Failed [throws] with exit code 1"), std::string::npos);
  // A failure releases the overlap lock too.
  EXPECT_TRUE(cache_.acquire_lock("schedule:running:broken", "probe", 60));
}

TEST_F(SchedulerTest, HeartbeatIsWrittenOnEveryRun) {
  scheduler(table()).run_due(at("2026-03-02 10:01"), out_);
  EXPECT_TRUE(cache_.get(infra::kSchedulerHeartbeatKey).has_value());
}

TEST_F(SchedulerTest, TableMistakesAreCaughtAtStart) {
  std::vector<ScheduledTask> duplicate = {{.name = "a", .command = {"x"}}, {.name = "a", .command = {"y"}}};
  EXPECT_THROW(scheduler(duplicate), std::invalid_argument);
  std::vector<ScheduledTask> empty = {{.name = "nothing"}};
  EXPECT_THROW(scheduler(empty), std::invalid_argument);
}
