#include "infra/memory_limiter_store.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "infra/rate_limiter.hpp"

namespace {
// A clock the test moves by hand (milliseconds).
struct ManualClock {
  std::int64_t now_ms = 1'000'000;
  infra::MemoryLimiterStore::Clock function() {
    return [this] { return now_ms; };
  }
};
}  // namespace

TEST(MemoryLimiterStore, TheHitAfterTheBudgetIsRefusedWithTheSecondsLeftInTheWindow) {
  ManualClock clock;
  infra::MemoryLimiterStore store(clock.function());
  for (int i = 1; i <= 3; ++i) {
    auto hit = store.hit("limiter:a", 3, 60);
    EXPECT_TRUE(hit.allowed) << "hit " << i;
    EXPECT_EQ(hit.attempts, i);
    EXPECT_EQ(hit.remaining, 3 - i);
  }
  clock.now_ms += 20'500;
  auto refused = store.hit("limiter:a", 3, 60);
  EXPECT_FALSE(refused.allowed);
  EXPECT_EQ(refused.remaining, 0);
  EXPECT_EQ(refused.retry_after_seconds, 40);  // 39.5 s left, rounded up
}

TEST(MemoryLimiterStore, AWindowStartsAtItsFirstHitAndEndsAfterDecaySeconds) {
  ManualClock clock;
  infra::MemoryLimiterStore store(clock.function());
  store.hit("k", 1, 10);
  EXPECT_FALSE(store.hit("k", 1, 10).allowed);
  clock.now_ms += 9'999;
  EXPECT_FALSE(store.hit("k", 1, 10).allowed);
  clock.now_ms += 1;  // the window is over: a new one starts with this hit
  auto fresh = store.hit("k", 1, 10);
  EXPECT_TRUE(fresh.allowed);
  EXPECT_EQ(fresh.attempts, 1);
}

TEST(MemoryLimiterStore, PeekDoesNotCountAndClearForgetsTheWindow) {
  ManualClock clock;
  infra::MemoryLimiterStore store(clock.function());
  EXPECT_TRUE(store.peek("k", 2).allowed);
  store.hit("k", 2, 60);
  EXPECT_TRUE(store.peek("k", 2).allowed);
  store.hit("k", 2, 60);
  auto peeked = store.peek("k", 2);
  EXPECT_FALSE(peeked.allowed);
  EXPECT_EQ(peeked.retry_after_seconds, 60);
  EXPECT_EQ(store.hit("k", 2, 60).attempts, 3);  // peeks counted nothing
  store.clear("k");
  EXPECT_TRUE(store.hit("k", 2, 60).allowed);
}

TEST(MemoryLimiterStore, KeysCountSeparately) {
  ManualClock clock;
  infra::MemoryLimiterStore store(clock.function());
  store.hit("ip:1", 1, 60);
  EXPECT_FALSE(store.hit("ip:1", 1, 60).allowed);
  EXPECT_TRUE(store.hit("ip:2", 1, 60).allowed);
}

TEST(MemoryLimiterStore, AFloodOfDistinctKeysStaysWithinMaxKeys) {
  ManualClock clock;
  infra::MemoryLimiterStore store(clock.function(), 100);
  for (int i = 0; i < 1000; ++i) store.hit("ip:" + std::to_string(i), 5, 60);
  EXPECT_LE(store.size(), 100u);
  clock.now_ms += 61'000;  // every window over: the next new key sweeps them all
  for (int i = 0; i < 100; ++i) store.hit("late:" + std::to_string(i), 5, 60);
  EXPECT_LE(store.size(), 100u);
  EXPECT_EQ(store.peek("late:99", 5).attempts, 1);
}

TEST(MemoryLimiterStore, ConcurrentHitsFromManyThreadsAreAllCounted) {
  infra::MemoryLimiterStore store;
  std::atomic<int> allowed{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 100; ++i)
        if (store.hit("shared", 250, 60).allowed) ++allowed;
    });
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(allowed.load(), 250);
}

TEST(MemoryLimiterStore, ThroughTheLimiterKeysOfEveryLengthCountApart) {
  // In this process short keys go in as plain text and long ones as a digest: neither may mix two keys.
  infra::RateLimiter limiter(std::make_unique<infra::MemoryLimiterStore>());
  const std::string long_email = std::string(120, 'a') + "@example.com";
  const std::string other_long = std::string(120, 'b') + "@example.com";
  EXPECT_TRUE(limiter.hit("login", "1.2.3.4", 1).allowed);
  EXPECT_FALSE(limiter.hit("login", "1.2.3.4", 1).allowed);
  EXPECT_TRUE(limiter.hit("repair-lookup", "1.2.3.4", 1).allowed) << "another limiter, the same address";
  EXPECT_TRUE(limiter.hit("login", long_email, 1).allowed);
  EXPECT_FALSE(limiter.hit("login", long_email, 1).allowed);
  EXPECT_TRUE(limiter.hit("login", other_long, 1).allowed);
  // Either side of the 96 bytes kept as plain text: "login|" and a key of 90 bytes, then of 91.
  const std::string at_limit(90, 'c'), past_limit(91, 'c');
  EXPECT_TRUE(limiter.hit("login", at_limit, 1).allowed);
  EXPECT_TRUE(limiter.hit("login", past_limit, 1).allowed);
  EXPECT_FALSE(limiter.hit("login", at_limit, 1).allowed);
  EXPECT_FALSE(limiter.hit("login", past_limit, 1).allowed);
  EXPECT_FALSE(limiter.peek("login", long_email, 1).allowed);
  limiter.clear("login", long_email);
  EXPECT_TRUE(limiter.hit("login", long_email, 1).allowed);
}
