// Stores on Redis (RATE_LIMIT_STORE=redis, CACHE_STORE=redis) against a real throwaway redis-server, and the
// documented behaviour when it goes away (docs/ARCHITECTURE.md, "Stores"): the server keeps answering, the limiter
// counts in the process meanwhile, the health check has a FAIL row, scheduled tasks are skipped and reported; all
// of it back on Redis once it answers again. Needs scripts/with-redis.sh (REDIS_URL, REDIS_SERVER_CTL), which
// scripts/run-tests.sh wraps the SQLite fault suite in.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <thread>

#include "../integration/support/app_server.hpp"
#include "../integration/support/browser.hpp"
#include "infra/redis_client.hpp"
#include "infra/store_unavailable.hpp"

using testing_support::AppServer;
using testing_support::Browser;
using testing_support::HttpResponse;

namespace {

std::string env_or_empty(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

class RedisStores : public ::testing::Test {
 protected:
  void SetUp() override {
    if (env_or_empty("REDIS_URL").empty())
      GTEST_SKIP() << "REDIS_URL is not set: run under scripts/with-redis.sh (scripts/run-tests.sh does)";
    auto endpoint = infra::parse_redis_url(env_or_empty("REDIS_URL"));
    ASSERT_TRUE(endpoint) << "REDIS_URL does not parse: " << env_or_empty("REDIS_URL");
    redis_ = std::make_unique<infra::RedisClient>(*endpoint);
    // Database 0 is this suite's alone (a throwaway server); each test starts from an empty one.
    redis_->command({"FLUSHDB"});
  }

  // Keys matching `pattern` in Redis right now (0 while this test's own connection is still reconnecting).
  std::size_t keys(const std::string& pattern) const {
    try {
      return redis_->command({"KEYS", pattern}).elements.size();
    } catch (const infra::StoreUnavailable&) {
      return 0;
    }
  }

  // `$REDIS_SERVER_CTL stop|start` (with-redis.sh): the outage, and the way back.
  static void redis_ctl(const std::string& action) {
    std::string ctl = env_or_empty("REDIS_SERVER_CTL");
    ASSERT_FALSE(ctl.empty()) << "REDIS_SERVER_CTL is not set (scripts/with-redis.sh provides it)";
    ASSERT_EQ(std::system((ctl + " " + action).c_str()), 0) << "redis server-ctl " << action;
  }

  static std::map<std::string, std::string> redis_env(std::map<std::string, std::string> more = {}) {
    more.emplace("RATE_LIMIT_STORE", "redis");
    more.emplace("CACHE_STORE", "redis");
    more.emplace("CACHE_PREFIX", "nico_test:");
    more.emplace("RATE_LIMIT_REPAIR_LOOKUP_PER_MINUTE", "3");
    return more;
  }

  static HttpResponse lookup(Browser& browser) {
    return browser.submit("/reparacion", "/reparacion", {{"code", "R-20260101-00009"}, {"phone", "3415550000"}});
  }

  // The health check's line for `check` (the whole line: status, name, details).
  static std::string health_row(const std::string& output, const std::string& check) {
    std::size_t at = output.find(check);
    while (at != std::string::npos) {
      std::size_t start = output.rfind('\n', at);
      start = start == std::string::npos ? 0 : start + 1;
      std::size_t end = output.find('\n', at);
      std::string line = output.substr(start, end == std::string::npos ? std::string::npos : end - start);
      if (line.find("OK") != std::string::npos || line.find("FAIL") != std::string::npos ||
          line.find("WARN") != std::string::npos)
        return line;
      at = output.find(check, at + 1);
    }
    return "";
  }

  std::unique_ptr<infra::RedisClient> redis_;
};

}  // namespace

TEST_F(RedisStores, TheLookupLimiterCountsInRedisSoTheWindowSurvivesARestartOfTheServer) {
  AppServer server(redis_env());
  server.start();
  Browser browser(server.base_url());
  for (int i = 0; i < 3; ++i) EXPECT_EQ(lookup(browser).status, 302) << "lookup " << i;
  EXPECT_EQ(lookup(browser).status, 429);
  EXPECT_EQ(keys("nico_test:limiter:*"), 1u);
  // Another process (a restarted node, or the node next to it) reads the same window.
  server.stop();
  server.start();
  Browser again(server.base_url());
  auto refused = lookup(again);
  EXPECT_EQ(refused.status, 429);
  EXPECT_FALSE(refused.header("retry-after").empty());
}

TEST_F(RedisStores, SchedulerClaimsAndHeartbeatLiveInRedisAndAMinuteRunsOnce) {
  AppServer server(redis_env({{"NICO_SCHEDULE_TEST_TASK", "about"}}));
  auto first = server.run({"schedule:run", "--now=2026-03-02 10:17"});
  EXPECT_EQ(first.exit_code, 0) << first.output;
  EXPECT_NE(first.output.find("Running [test-task]"), std::string::npos) << first.output;
  auto second = server.run({"schedule:run", "--now=2026-03-02 10:17"});
  EXPECT_NE(second.output.find("Skipping [test-task]: already run for"), std::string::npos) << second.output;
  EXPECT_GE(keys("lock:nico_test:schedule:test-task:*"), 1u);
  EXPECT_EQ(keys("nico_test:heartbeat:scheduler"), 1u);
  auto health = server.run({"ops:health-check"});
  EXPECT_NE(health_row(health.output, "Scheduler").find("Alive"), std::string::npos) << health.output;
  EXPECT_NE(health_row(health.output, "Redis").find("PING answered in"), std::string::npos) << health.output;
}

TEST_F(RedisStores, WithRedisDownTheServerKeepsAnsweringHealthFailsTasksAreSkippedAndAllRecovers) {
  AppServer server(redis_env({{"NICO_SCHEDULE_TEST_TASK", "about"}}));
  server.start();
  Browser browser(server.base_url());
  EXPECT_EQ(lookup(browser).status, 302);

  redis_ctl("stop");
  // Pages and the health endpoints do not need Redis.
  EXPECT_EQ(browser.get("/tienda").status, 200);
  EXPECT_EQ(browser.get("/up").status, 200);
  EXPECT_EQ(browser.get("/health/ready").status, 200);
  // The limiter still limits, counting in the process: three lookups, then 429.
  Browser other(server.base_url());
  for (int i = 0; i < 3; ++i) EXPECT_EQ(lookup(other).status, 302) << "lookup " << i << " during the outage";
  EXPECT_EQ(lookup(other).status, 429);
  EXPECT_NE(server.log_contents().find("Redis unavailable: rate limits are counted in this process"), std::string::npos);

  auto health = server.run({"ops:health-check"});
  EXPECT_NE(health.exit_code, 0) << health.output;
  std::string row = health_row(health.output, "Redis");
  EXPECT_NE(row.find("FAIL"), std::string::npos) << health.output;
  EXPECT_NE(row.find("cannot connect"), std::string::npos) << row;
  auto skipped = server.run({"schedule:run", "--now=2026-03-02 10:18"});
  EXPECT_NE(skipped.exit_code, 0) << skipped.output;
  EXPECT_NE(skipped.output.find("Skipping [test-task]: its lock cannot be taken"), std::string::npos) << skipped.output;
  EXPECT_EQ(skipped.output.find("Running [test-task]"), std::string::npos) << skipped.output;

  redis_ctl("start");
  // Back on Redis: the next hits of a worker thread reconnect (each waits at most 1 s after its last failure).
  Browser later(server.base_url());
  bool counted_in_redis = false;
  for (int i = 0; i < 40 && !counted_in_redis; ++i) {
    ASSERT_NE(lookup(later).status, 500);
    counted_in_redis = keys("nico_test:limiter:*") > 0;
    if (!counted_in_redis) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_TRUE(counted_in_redis) << "no limiter key reached Redis after it came back";
  auto healthy = server.run({"ops:health-check"});
  EXPECT_NE(health_row(healthy.output, "Redis").find("PING answered in"), std::string::npos) << healthy.output;
  auto ran = server.run({"schedule:run", "--now=2026-03-02 10:19"});
  EXPECT_NE(ran.output.find("Running [test-task]"), std::string::npos) << ran.output;
}
