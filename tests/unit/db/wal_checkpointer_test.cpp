#include "db/wal_checkpointer.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "core/crypto.hpp"
#include "db/database.hpp"

namespace {

std::uintmax_t size_of(const std::string& path) {
  std::error_code error;
  auto size = std::filesystem::file_size(path, error);
  return error ? 0 : size;
}

TEST(WalCheckpointer, CutsABurstOfWritesBackToAnEmptyLogWhileTheWritersKeepTheirConnection) {
  db::DatabaseSettings settings;
  settings.sqlite_path =
      (std::filesystem::temp_directory_path() / ("nico-wal-" + core::random_token(8) + ".sqlite")).string();
  settings.pool_size = 2;
  {
    db::Database database(settings);
    auto sql = database.lease();  // stays open, as a server's pooled connection would
    *sql << "PRAGMA wal_autocheckpoint=0";  // only the checkpointer may reset the log in this test
    *sql << "CREATE TABLE t (payload TEXT NOT NULL)";
    const std::string payload(4096, 'x');
    for (int i = 0; i < 2000; ++i) *sql << "INSERT INTO t (payload) VALUES (:p)", soci::use(payload);
    const std::string wal = settings.sqlite_path + "-wal";
    ASSERT_GT(size_of(wal), static_cast<std::uintmax_t>(db::WalCheckpointer::kBurstBytes));

    db::WalCheckpointer checkpointer(settings.sqlite_path);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (size_of(wal) > 0 && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    EXPECT_EQ(size_of(wal), 0U);
    int rows = 0;
    *sql << "SELECT COUNT(*) FROM t", soci::into(rows);
    EXPECT_EQ(rows, 2000) << "nothing lost by the truncation";
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(settings.sqlite_path + suffix);
}

}  // namespace
