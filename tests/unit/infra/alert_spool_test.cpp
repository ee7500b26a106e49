#include "infra/alert_spool.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <vector>

#include "core/crypto.hpp"

using infra::AlertSpool;
using infra::SpoolState;
using namespace std::chrono_literals;

namespace {

class AlertSpoolTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = std::filesystem::temp_directory_path() / ("nico-spool-" + core::hex_encode(core::random_bytes(6)));
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }

  std::vector<std::string> names() const {
    std::vector<std::string> found;
    for (const auto& item : std::filesystem::directory_iterator(folder_)) found.push_back(item.path().filename());
    std::sort(found.begin(), found.end());
    return found;
  }

  std::filesystem::path folder_;
};

struct Pushed {
  std::vector<std::pair<std::string, std::string>> jobs;
  infra::JobDispatcher dispatcher() {
    return [this](const std::string& name, const std::string& payload) { jobs.emplace_back(name, payload); };
  }
};

}  // namespace

TEST_F(AlertSpoolTest, WritesReadsAndRemovesAnEntryByteForByte) {
  AlertSpool spool(folder_);
  std::string envelope = "{\"event_id\":\"1\"}\n{\"type\":\"event\"}\n\n{\"x\":\"ñ\\u0000\"}\n";
  auto id = spool.write(infra::kSentryJob, envelope, SpoolState::kReady);
  auto entries = spool.entries();
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].id, id);
  EXPECT_EQ(entries[0].state, SpoolState::kReady);
  EXPECT_EQ(entries[0].job_name, infra::kSentryJob);
  EXPECT_EQ(entries[0].payload, envelope);
  EXPECT_GT(entries[0].created_unix, 0);
  EXPECT_EQ(names(), std::vector<std::string>{id + ".ready"});

  EXPECT_TRUE(spool.remove(id, SpoolState::kReady));
  EXPECT_TRUE(spool.entries().empty());
  EXPECT_FALSE(spool.remove(id, SpoolState::kReady));
}

TEST_F(AlertSpoolTest, EntriesComeOldestFirstAndStatesMoveByRename) {
  AlertSpool spool(folder_);
  auto first = spool.write(infra::kWebhookJob, "{\"n\":1}", SpoolState::kPending);
  auto second = spool.write(infra::kWebhookJob, "{\"n\":2}", SpoolState::kReady);
  auto entries = spool.entries();
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].id, first);
  EXPECT_EQ(entries[1].id, second);

  EXPECT_TRUE(spool.move(first, SpoolState::kPending, SpoolState::kSent));
  EXPECT_FALSE(spool.move(first, SpoolState::kPending, SpoolState::kReady));  // already moved by someone else
  EXPECT_EQ(spool.entries()[0].state, SpoolState::kSent);
}

TEST_F(AlertSpoolTest, ATornTempFileIsIgnoredAndSweptWhenOld) {
  AlertSpool spool(folder_);
  auto id = spool.write(infra::kWebhookJob, "{\"whole\":true}", SpoolState::kReady);
  {
    std::ofstream torn(folder_ / ".tmp-0000000000001-1-deadbeef", std::ios::binary);
    torn << "nico-alert-spool 1\njob ops.alert.webhook\ncreated 1\nbytes 500\n\n{\"cut";
  }
  auto entries = spool.entries();
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].id, id);

  spool.sweep(1h);  // a writer may still be busy with a young temp file
  EXPECT_TRUE(std::filesystem::exists(folder_ / ".tmp-0000000000001-1-deadbeef"));
  spool.sweep(0s);
  EXPECT_EQ(names(), std::vector<std::string>{id + ".ready"});
}

TEST_F(AlertSpoolTest, AFileThatIsNotWholeIsNeverDeliveredAndIsSetAside) {
  AlertSpool spool(folder_);
  std::filesystem::create_directories(folder_);
  {
    std::ofstream cut(folder_ / "0000000000002-1-cafebabe.ready", std::ios::binary);
    cut << "nico-alert-spool 1\njob ops.alert.webhook\ncreated 1\nbytes 500\n\n{\"cut";
  }
  EXPECT_TRUE(spool.entries().empty());
  Pushed pushed;
  infra::drain_alert_spool(spool, pushed.dispatcher(), 0s);
  EXPECT_TRUE(pushed.jobs.empty());
  EXPECT_EQ(names(), std::vector<std::string>{"0000000000002-1-cafebabe.ready.bad"});
}

TEST_F(AlertSpoolTest, DrainQueuesWhatWasNotDeliveredAndDropsWhatWas) {
  AlertSpool spool(folder_);
  spool.write(infra::kWebhookJob, "{\"delivered\":true}", SpoolState::kSent);
  spool.write(infra::kSentryJob, "envelope-not-delivered", SpoolState::kReady);
  spool.write(infra::kWebhookJob, "{\"being\":\"delivered\"}", SpoolState::kPending);
  Pushed pushed;
  auto result = infra::drain_alert_spool(spool, pushed.dispatcher());
  ASSERT_EQ(pushed.jobs.size(), 1u);
  EXPECT_EQ(pushed.jobs[0].first, infra::kSentryJob);
  EXPECT_EQ(pushed.jobs[0].second, "envelope-not-delivered");
  EXPECT_EQ(result.queued, 1u);
  EXPECT_EQ(result.removed_sent, 1u);
  EXPECT_EQ(result.waiting, 1u);  // a live process is still delivering it: not sent twice
  ASSERT_EQ(spool.entries().size(), 1u);
  EXPECT_EQ(spool.entries()[0].state, SpoolState::kPending);
}

TEST_F(AlertSpoolTest, APendingEntryOlderThanTheGraceBelongsToADeadProcessAndIsQueued) {
  AlertSpool spool(folder_);
  spool.write(infra::kWebhookJob, "{\"orphan\":true}", SpoolState::kPending);
  Pushed pushed;
  auto result = infra::drain_alert_spool(spool, pushed.dispatcher(), 0s);
  EXPECT_EQ(result.queued, 1u);
  ASSERT_EQ(pushed.jobs.size(), 1u);
  EXPECT_EQ(pushed.jobs[0].second, "{\"orphan\":true}");
  EXPECT_TRUE(spool.entries().empty());
}

TEST_F(AlertSpoolTest, WhileTheQueueIsStillDownEverythingStaysForTheNextDrain) {
  AlertSpool spool(folder_);
  spool.write(infra::kWebhookJob, "{\"n\":1}", SpoolState::kReady);
  spool.write(infra::kWebhookJob, "{\"n\":2}", SpoolState::kReady);
  int attempts = 0;
  auto result = infra::drain_alert_spool(spool, [&](const std::string&, const std::string&) {
    ++attempts;
    throw std::runtime_error("file is not a database");
  });
  EXPECT_TRUE(result.queue_unavailable);
  EXPECT_EQ(attempts, 1);  // stops at the first refusal instead of hammering a dead database
  auto entries = spool.entries();
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].state, SpoolState::kReady);
  EXPECT_EQ(entries[1].state, SpoolState::kReady);

  Pushed pushed;
  EXPECT_EQ(infra::drain_alert_spool(spool, pushed.dispatcher()).queued, 2u);
  EXPECT_TRUE(spool.entries().empty());
}
