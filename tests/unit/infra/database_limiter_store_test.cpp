#include "infra/database_limiter_store.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "core/crypto.hpp"
#include "db/database.hpp"
#include "db/migrator.hpp"
#include "infra/rate_limiter.hpp"

// The database store on SQLite (RATE_LIMIT_STORE=database): the suites on MariaDB and PostgreSQL use it through
// `auto`; on SQLite `auto` means memory, so its SQLite statement is covered here.
namespace {
class DatabaseLimiter : public ::testing::Test {
 protected:
  DatabaseLimiter() : database_(settings()) { db::Migrator(database_).migrate(); }
  ~DatabaseLimiter() override { std::filesystem::remove(path_); }
  db::DatabaseSettings settings() {
    path_ = (std::filesystem::temp_directory_path() / ("nico-limiter-" + core::random_token(8) + ".sqlite")).string();
    db::DatabaseSettings s;
    s.sqlite_path = path_;
    s.pool_size = 2;
    return s;
  }
  long long rows() {
    long long count = 0;
    database_.lease()->once << "SELECT COUNT(*) FROM cache WHERE \"key\" LIKE 'limiter:%'", soci::into(count);
    return count;
  }
  std::string path_;
  db::Database database_;
};
}  // namespace

TEST_F(DatabaseLimiter, CountsInOneCacheRowAndRefusesPastTheBudget) {
  infra::RateLimiter limiter(database_);
  EXPECT_EQ(limiter.store_name(), "database");
  EXPECT_TRUE(limiter.hit("login", "1.2.3.4", 2).allowed);
  auto second = limiter.hit("login", "1.2.3.4", 2);
  EXPECT_TRUE(second.allowed);
  EXPECT_EQ(second.remaining, 0);
  auto refused = limiter.hit("login", "1.2.3.4", 2);
  EXPECT_FALSE(refused.allowed);
  EXPECT_GT(refused.retry_after_seconds, 0);
  EXPECT_LE(refused.retry_after_seconds, 60);
  EXPECT_EQ(rows(), 1);
  EXPECT_TRUE(limiter.hit("login", "5.6.7.8", 2).allowed);  // another key, another row
  EXPECT_EQ(rows(), 2);
}

TEST_F(DatabaseLimiter, AnExpiredWindowStartsAgainAndClearRemovesTheRow) {
  infra::RateLimiter limiter(database_);
  limiter.hit("lookup", "ip", 1);
  EXPECT_FALSE(limiter.peek("lookup", "ip", 1).allowed);
  database_.lease()->once << "UPDATE cache SET expiration = 1 WHERE \"key\" LIKE 'limiter:%'";
  EXPECT_TRUE(limiter.peek("lookup", "ip", 1).allowed);
  auto fresh = limiter.hit("lookup", "ip", 1);
  EXPECT_TRUE(fresh.allowed);
  EXPECT_EQ(fresh.attempts, 1);
  limiter.clear("lookup", "ip");
  EXPECT_EQ(rows(), 0);
}

TEST_F(DatabaseLimiter, NoAddressOrEmailIsWrittenToTheTable) {
  infra::RateLimiter limiter(database_);
  limiter.hit("login", "203.0.113.7", 5);
  limiter.hit("login", "cliente@example.com", 5);
  long long plain = -1;
  database_.lease()->once << "SELECT COUNT(*) FROM cache WHERE \"key\" LIKE '%203.0.113.7%' OR \"key\" LIKE '%example%'",
      soci::into(plain);
  EXPECT_EQ(plain, 0);
  EXPECT_EQ(rows(), 2);
}
