#include "infra/alert_dedupe.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

using infra::InProcessDedupe;
using namespace std::chrono_literals;

TEST(InProcessDedupe, TheSameKeyAlertsOncePerWindow) {
  InProcessDedupe dedupe;
  auto start = InProcessDedupe::Clock::now();
  EXPECT_TRUE(dedupe.claim("alert:abc", 600s, start));
  EXPECT_FALSE(dedupe.claim("alert:abc", 600s, start + 1s));
  EXPECT_FALSE(dedupe.claim("alert:abc", 600s, start + 599s));
  EXPECT_TRUE(dedupe.claim("alert:abc", 600s, start + 600s));  // the window is over: reported again
  EXPECT_FALSE(dedupe.claim("alert:abc", 600s, start + 601s));
}

TEST(InProcessDedupe, DifferentKeysDoNotSilenceEachOther) {
  InProcessDedupe dedupe;
  auto now = InProcessDedupe::Clock::now();
  EXPECT_TRUE(dedupe.claim("alert:one", 600s, now));
  EXPECT_TRUE(dedupe.claim("alert:two", 600s, now));
  EXPECT_EQ(dedupe.live_keys(now), 2u);
}

TEST(InProcessDedupe, AZeroWindowNeverDeduplicates) {
  InProcessDedupe dedupe;
  auto now = InProcessDedupe::Clock::now();
  EXPECT_TRUE(dedupe.claim("alert:abc", 0s, now));
  EXPECT_TRUE(dedupe.claim("alert:abc", 0s, now));
  EXPECT_EQ(dedupe.live_keys(now), 0u);
}

TEST(InProcessDedupe, AReleasedClaimCanBeTakenAgain) {
  InProcessDedupe dedupe;
  auto now = InProcessDedupe::Clock::now();
  ASSERT_TRUE(dedupe.claim("alert:abc", 600s, now));
  dedupe.release("alert:abc");
  EXPECT_TRUE(dedupe.claim("alert:abc", 600s, now));
}

TEST(InProcessDedupe, AFloodOfDistinctKeysIsCappedWithoutForgettingLiveOnes) {
  InProcessDedupe dedupe(3);
  auto now = InProcessDedupe::Clock::now();
  EXPECT_TRUE(dedupe.claim("k1", 600s, now));
  EXPECT_TRUE(dedupe.claim("k2", 600s, now));
  EXPECT_TRUE(dedupe.claim("k3", 600s, now));
  EXPECT_FALSE(dedupe.claim("k4", 600s, now));  // refused, not evicting k1 (which would alert again too soon)
  EXPECT_FALSE(dedupe.claim("k1", 600s, now + 1s));
  // Once windows end, room is made from expired keys.
  EXPECT_TRUE(dedupe.claim("k4", 600s, now + 600s));
}

namespace {
std::filesystem::path fresh_folder() {
  auto folder = std::filesystem::temp_directory_path() / ("nico-dedupe-" + std::to_string(::getpid()) + "-" +
                                                          std::to_string(std::rand()));
  std::filesystem::remove_all(folder);
  return folder;
}
}  // namespace

TEST(NodeDedupe, AnotherProcessOfTheServerSeesTheClaimUntilTheWindowEnds) {
  auto folder = fresh_folder();
  // Two objects on one folder stand for two processes (a failing `schedule:run` each minute).
  infra::NodeDedupe first(folder), second(folder);
  const std::int64_t now = 1796608089;
  EXPECT_TRUE(first.claim("alert:abc", 600s, now));
  EXPECT_FALSE(second.claim("alert:abc", 600s, now + 60));
  EXPECT_FALSE(first.claim("alert:abc", 600s, now + 599));
  EXPECT_TRUE(second.claim("alert:abc", 600s, now + 600));  // window over: taken over once
  EXPECT_FALSE(first.claim("alert:abc", 600s, now + 601));
  EXPECT_TRUE(first.claim("alert:other", 600s, now + 601));
  std::filesystem::remove_all(folder);
}

TEST(NodeDedupe, AnUnusableFolderLetsAlertsThrough) {
  infra::NodeDedupe broken("/dev/null/alert-dedupe");
  EXPECT_TRUE(broken.claim("alert:abc", 600s, 100));
  EXPECT_TRUE(broken.claim("alert:abc", 600s, 101));
}

TEST(NodeDedupe, SweepRemovesOnlyClaimsWhoseWindowEndedLongAgo) {
  auto folder = fresh_folder();
  infra::NodeDedupe dedupe(folder);
  ASSERT_TRUE(dedupe.claim("old", 60s, 1000));
  ASSERT_TRUE(dedupe.claim("live", 600s, 4000));
  dedupe.sweep(4000, 3600s);
  EXPECT_TRUE(std::filesystem::exists(folder / "old"));  // ended at 1060: less than an hour ago
  dedupe.sweep(1060 + 3601, 3600s);
  EXPECT_FALSE(std::filesystem::exists(folder / "old"));
  EXPECT_TRUE(std::filesystem::exists(folder / "live"));
  EXPECT_FALSE(dedupe.claim("live", 600s, 4001));
  std::filesystem::remove_all(folder);
}
