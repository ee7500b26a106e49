#include "infra/cache.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "core/crypto.hpp"
#include "db/database.hpp"
#include "db/migrator.hpp"

namespace {
class CacheStore : public ::testing::Test {
 protected:
  CacheStore() : database_(settings()) { db::Migrator(database_).migrate(); }
  ~CacheStore() override { std::filesystem::remove(path_); }
  db::DatabaseSettings settings() {
    path_ = (std::filesystem::temp_directory_path() / ("nico-cache-" + core::random_token(8) + ".sqlite")).string();
    db::DatabaseSettings s;
    s.sqlite_path = path_;
    s.pool_size = 2;
    return s;
  }
  std::string path_;
  db::Database database_;
};
}  // namespace

TEST_F(CacheStore, PutGetForgetAndExpiry) {
  infra::Cache cache(database_, "nico-");
  EXPECT_FALSE(cache.get("a").has_value());
  cache.put("a", "uno", 60);
  EXPECT_EQ(cache.get("a").value_or(""), "uno");
  cache.put("a", "dos", 60);
  EXPECT_EQ(cache.get("a").value_or(""), "dos");
  cache.put("old", "x", -1);  // forever
  EXPECT_TRUE(cache.get("old").has_value());
  cache.forget("a");
  EXPECT_FALSE(cache.get("a").has_value());
  auto sql = database_.lease();
  *sql << "UPDATE cache SET expiration = 1 WHERE `key` = 'nico-old'";
  EXPECT_FALSE(cache.get("old").has_value());
  EXPECT_EQ(cache.prune_expired(), 1);
}

TEST_F(CacheStore, AddStoresOnlyOnceUntilExpired) {
  infra::Cache cache(database_);
  EXPECT_TRUE(cache.add("dedupe", "1", 600));
  EXPECT_FALSE(cache.add("dedupe", "1", 600));
  database_.lease()->once << "UPDATE cache SET expiration = 1 WHERE `key` = 'dedupe'";
  EXPECT_TRUE(cache.add("dedupe", "1", 600));
}

TEST_F(CacheStore, LocksHaveOneOwnerAndExpire) {
  infra::Cache cache(database_);
  EXPECT_TRUE(cache.acquire_lock("schedule:backup", "node-a", 60));
  EXPECT_FALSE(cache.acquire_lock("schedule:backup", "node-b", 60));
  EXPECT_TRUE(cache.acquire_lock("schedule:backup", "node-a", 60));  // renewal
  cache.release_lock("schedule:backup", "node-b");                     // not the owner: no effect
  EXPECT_FALSE(cache.acquire_lock("schedule:backup", "node-b", 60));
  cache.release_lock("schedule:backup", "node-a");
  EXPECT_TRUE(cache.acquire_lock("schedule:backup", "node-b", 60));
  database_.lease()->once << "UPDATE cache_locks SET expiration = 1";
  EXPECT_TRUE(cache.acquire_lock("schedule:backup", "node-c", 60));  // a crashed owner's lock expired
}
