#include "db/pool_waits.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "core/crypto.hpp"
#include "db/database.hpp"

namespace {

class PoolWaits : public ::testing::Test {
 protected:
  void SetUp() override {
    db::DatabaseSettings settings;
    path_ = std::filesystem::temp_directory_path() / ("nico-pool-" + core::random_token(8) + ".sqlite");
    settings.sqlite_path = path_.string();
    settings.pool_size = 1;
    database_ = std::make_unique<db::Database>(settings);
  }
  void TearDown() override {
    database_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suffix);
  }

  std::filesystem::path path_;
  std::unique_ptr<db::Database> database_;
};

}  // namespace

TEST_F(PoolWaits, ALeaseThatFindsAFreeConnectionIsNotAWait) {
  const auto before = db::pool_waits();
  for (int i = 0; i < 3; ++i) database_->lease()->once << "SELECT 1";
  EXPECT_EQ(db::pool_waits().count, before.count);
}

TEST_F(PoolWaits, ALeaseThatWaitsForTheOnlyConnectionIsCountedWithItsTime) {
  const auto before = db::pool_waits();
  std::atomic<bool> asking{false};
  std::thread other;
  {
    auto held = database_->lease();
    other = std::thread([&] {
      asking = true;
      database_->lease()->once << "SELECT 1";  // blocks until `held` is given back
    });
    while (!asking) std::this_thread::yield();
    // Nothing to poll while the other thread blocks inside the pool: give it ample time to get there.
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  other.join();
  const auto after = db::pool_waits();
  EXPECT_EQ(after.count, before.count + 1);
  EXPECT_GT(after.seconds, before.seconds);
}
