#include "infra/alert_dedupe.hpp"

#include <gtest/gtest.h>

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
