#include "infra/queue_worker.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <map>
#include <sstream>
#include <stdexcept>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "db/database.hpp"
#include "db/migrator.hpp"
#include "infra/cache.hpp"
#include "infra/queue.hpp"
#include "infra/queue_failed_jobs.hpp"
#include "infra/queue_payload.hpp"
#include "ops/maintenance.hpp"

namespace {

class QueueWorkerTest : public ::testing::Test {
 protected:
  QueueWorkerTest() : database_(settings()), cache_(database_) {
    db::Migrator(database_).migrate();
    // "test.record" counts runs per data text; "test.fail" counts and throws.
    registry_.add("test.record", [this](const std::string& data) { ++runs_[data]; });
    registry_.add("test.fail", [this](const std::string& data) {
      ++runs_[data];
      throw std::runtime_error("boom: " + data + "\nsecond line");
    });
  }
  ~QueueWorkerTest() override {
    std::error_code ignored;
    std::filesystem::remove_all(base_, ignored);
  }
  db::DatabaseSettings settings() {
    core::crypto_init();
    base_ = std::filesystem::temp_directory_path() / ("nico-queue-" + core::random_token(8));
    std::filesystem::create_directories(base_ / "storage");
    db::DatabaseSettings s;
    s.sqlite_path = (base_ / "storage/db.sqlite").string();
    s.pool_size = 2;
    return s;
  }
  infra::Queue queue() { return infra::Queue(database_, infra::QueueConnection::kDatabase, &registry_); }
  std::size_t work(infra::WorkerOptions options) {
    infra::QueueWorker worker(database_, registry_, cache_, is_down(), options, output_);
    std::atomic<bool> stop{false};
    return worker.run(stop);
  }
  long long scalar(const std::string& query) {
    long long value = 0;
    *database_.lease() << query, soci::into(value);
    return value;
  }
  // Wired as app/commands/queue.cpp does: the real `nico down` flag under this test's base path.
  infra::MaintenanceCheck is_down() const {
    return [base = base_] { return ops::read_maintenance(base).has_value(); };
  }
  static infra::WorkerOptions drain(int tries = 3, int backoff = 0) {
    infra::WorkerOptions options;
    options.stop_when_empty = true;
    options.tries = tries;
    options.backoff_seconds = backoff;
    return options;
  }

  std::filesystem::path base_;
  db::Database database_;
  infra::Cache cache_;
  infra::JobRegistry registry_;
  std::map<std::string, int> runs_;
  std::ostringstream output_;
};

}  // namespace

TEST(QueueBackoff, DoublesPerAttemptFromTheBaseAndIsCapped) {
  EXPECT_EQ(infra::backoff_delay_seconds(1, 2), 2);
  EXPECT_EQ(infra::backoff_delay_seconds(2, 2), 4);
  EXPECT_EQ(infra::backoff_delay_seconds(3, 2), 8);
  EXPECT_EQ(infra::backoff_delay_seconds(2, 5), 10);
  EXPECT_EQ(infra::backoff_delay_seconds(12, 2), infra::kMaxBackoffSeconds);
  EXPECT_EQ(infra::backoff_delay_seconds(200, 2), infra::kMaxBackoffSeconds);
  EXPECT_EQ(infra::backoff_delay_seconds(3, 0), 0);
}

TEST_F(QueueWorkerTest, SuccessfulJobRunsOnceAndIsDeleted) {
  queue().push("test.record", R"({"n":1})");
  queue().push("test.record", R"({"n":2})");
  EXPECT_EQ(work(drain()), 2u);
  EXPECT_EQ(runs_[R"({"n":1})"], 1);
  EXPECT_EQ(runs_[R"({"n":2})"], 1);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM jobs"), 0);
  EXPECT_EQ(work(drain()), 0u);  // nothing left to run again
  EXPECT_NE(output_.str().find("test.record #1 DONE"), std::string::npos) << output_.str();
}

TEST_F(QueueWorkerTest, OnlyTheRequestedQueueIsWorked) {
  infra::PushOptions mail;
  mail.queue = "mail";
  queue().push("test.record", "\"mail\"", mail);
  queue().push("test.record", "\"default\"");
  EXPECT_EQ(work(drain()), 1u);
  EXPECT_EQ(runs_.count("\"mail\""), 0u);
  auto options = drain();
  options.queue = "mail";
  EXPECT_EQ(work(options), 1u);
  EXPECT_EQ(runs_["\"mail\""], 1);
}

TEST_F(QueueWorkerTest, DelayedJobWaitsUntilAvailable) {
  queue().push("test.record", "\"later\"", "default", 3600);
  EXPECT_EQ(work(drain()), 0u);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM jobs"), 1);
}

TEST_F(QueueWorkerTest, FailedAttemptIsReleasedWithExponentialBackoff) {
  queue().push("test.fail", "\"x\"");
  auto options = drain(3, 2);
  options.once = true;
  long long before = core::unix_now();
  EXPECT_EQ(work(options), 1u);
  EXPECT_EQ(runs_["\"x\""], 1);
  EXPECT_EQ(scalar("SELECT attempts FROM jobs"), 1);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM jobs WHERE reserved_at IS NULL"), 1);
  long long available_at = scalar("SELECT available_at FROM jobs");
  EXPECT_GE(available_at, before + 2);
  EXPECT_LE(available_at, core::unix_now() + 2);
  EXPECT_EQ(work(options), 0u);  // not available yet: the backoff holds it back
  EXPECT_EQ(runs_["\"x\""], 1);
  EXPECT_NE(output_.str().find("RETRY in 2 s (attempt 1/3): boom: \"x\""), std::string::npos) << output_.str();
}

TEST_F(QueueWorkerTest, LastFailedAttemptMovesTheJobToFailedJobs) {
  std::string uuid = queue().push("test.fail", "\"y\"");
  EXPECT_EQ(work(drain(3, 0)), 3u);
  EXPECT_EQ(runs_["\"y\""], 3);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM jobs"), 0);
  auto failed = infra::FailedJobStore(database_).list();
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(failed[0].uuid, uuid);
  EXPECT_EQ(failed[0].queue, "default");
  EXPECT_EQ(failed[0].connection, "database");
  EXPECT_EQ(failed[0].exception, "boom: \"y\"\nsecond line");
  EXPECT_EQ(infra::decode_payload(failed[0].payload).name, "test.fail");
  EXPECT_EQ(failed[0].failed_at.size(), 19u);
}

TEST_F(QueueWorkerTest, AJobsOwnMaxTriesWinsOverTheWorkers) {
  infra::PushOptions options;
  options.max_tries = 1;
  queue().push("test.fail", "\"once\"", options);
  EXPECT_EQ(work(drain(5, 0)), 1u);
  EXPECT_EQ(runs_["\"once\""], 1);
  EXPECT_EQ(infra::FailedJobStore(database_).count(), 1);
}

TEST_F(QueueWorkerTest, UnknownJobIsRetriedThenFails) {
  queue().push("nobody.handles.this", "{}");
  EXPECT_EQ(work(drain(2, 0)), 2u);
  auto failed = infra::FailedJobStore(database_).list();
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(failed[0].exception, "no handler registered for job 'nobody.handles.this'");
}

TEST_F(QueueWorkerTest, CrashedWorkersReservationIsRetriedAfterTheTimeout) {
  queue().push("test.record", "\"crashed\"");
  queue().push("test.record", "\"running\"");
  long long now = core::unix_now();
  // Job 1: reserved by a worker that died an hour ago. Job 2: reserved just now by a live worker.
  *database_.lease() << "UPDATE jobs SET reserved_at = :at, attempts = 1 WHERE id = 1", soci::use(now - 3600);
  *database_.lease() << "UPDATE jobs SET reserved_at = :at, attempts = 1 WHERE id = 2", soci::use(now);
  auto options = drain();
  options.timeout_seconds = 60;
  EXPECT_EQ(work(options), 1u);
  EXPECT_EQ(runs_["\"crashed\""], 1);
  EXPECT_EQ(runs_.count("\"running\""), 0u);
  EXPECT_EQ(scalar("SELECT id FROM jobs"), 2);
}

TEST_F(QueueWorkerTest, JobThatKeepsKillingWorkersFailsWithoutRunningAgain) {
  queue().push("test.record", "\"poison\"");
  *database_.lease() << "UPDATE jobs SET reserved_at = 1, attempts = 3";
  EXPECT_EQ(work(drain(3, 0)), 1u);
  EXPECT_EQ(runs_.count("\"poison\""), 0u);
  auto failed = infra::FailedJobStore(database_).list();
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_NE(failed[0].exception.find("attempted too many times"), std::string::npos);
}

TEST_F(QueueWorkerTest, MaintenanceModePausesOneShotWorkersUnlessForced) {
  queue().push("test.record", "\"m\"");
  ops::enter_maintenance(base_, {});
  auto options = drain();
  EXPECT_EQ(work(options), 0u);
  EXPECT_EQ(runs_.count("\"m\""), 0u);
  EXPECT_NE(output_.str().find("maintenance mode"), std::string::npos);
  options.force = true;
  EXPECT_EQ(work(options), 1u);
  EXPECT_EQ(runs_["\"m\""], 1);
}

TEST_F(QueueWorkerTest, StopRequestEndsTheLoopAndHeartbeatIsWritten) {
  infra::WorkerOptions options;  // a daemon: would run forever
  infra::QueueWorker worker(database_, registry_, cache_, is_down(), options, output_);
  std::atomic<bool> stop{true};
  EXPECT_EQ(worker.run(stop), 0u);
  queue().push("test.record", "\"beat\"");
  std::atomic<bool> running{false};
  options.once = true;
  infra::QueueWorker once(database_, registry_, cache_, is_down(), options, output_);
  EXPECT_EQ(once.run(running), 1u);
  auto beat = cache_.get(infra::kQueueHeartbeatKey);
  ASSERT_TRUE(beat.has_value());
  EXPECT_NEAR(std::stoll(*beat), core::unix_now(), 5);
}

TEST_F(QueueWorkerTest, RetryPutsFailedJobsBackAndFlushEmpties) {
  queue().push("test.fail", "\"a\"");
  queue().push("test.fail", "\"b\"");
  work(drain(1, 0));
  infra::FailedJobStore failed(database_);
  ASSERT_EQ(failed.count(), 2);
  auto listed = failed.list();
  EXPECT_EQ(failed.retry("999"), 0u);
  EXPECT_EQ(failed.retry(std::to_string(listed[0].id)), 1u);
  EXPECT_EQ(failed.retry(listed[0].uuid), 0u);  // already moved
  EXPECT_EQ(failed.count(), 1);
  EXPECT_EQ(scalar("SELECT attempts FROM jobs"), 0);
  EXPECT_EQ(failed.retry("all"), 1u);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM jobs"), 2);
  work(drain(1, 0));
  EXPECT_EQ(runs_["\"a\""], 2);
  EXPECT_EQ(failed.flush(), 2);
  EXPECT_EQ(failed.count(), 0);
}

TEST_F(QueueWorkerTest, SyncConnectionRunsAtOnceAndRecordsFailures) {
  infra::Queue sync(database_, infra::QueueConnection::kSync, &registry_);
  sync.push("test.record", "\"now\"");
  EXPECT_EQ(runs_["\"now\""], 1);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM jobs"), 0);
  EXPECT_THROW(sync.push("test.fail", "\"bad\""), std::runtime_error);
  auto failed = infra::FailedJobStore(database_).list();
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(failed[0].connection, "sync");
}

TEST_F(QueueWorkerTest, PushManyIsAllOrNothing) {
  EXPECT_THROW(queue().push_many({{"test.record", "\"ok\""}, {"", "\"nameless\""}}, {}), std::invalid_argument);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM jobs"), 0);
  EXPECT_EQ(queue().push_many({{"test.record", "\"1\""}, {"test.record", "\"2\""}}, {}), 2u);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM jobs"), 2);
}
