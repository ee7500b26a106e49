// SQLite snapshots through the online backup API: consistent while another connection writes, self-contained,
// and damage is caught by integrity_check.
#include "ops/backup_sqlite.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <fstream>
#include <thread>

#include "core/crypto.hpp"

namespace {

namespace fs = std::filesystem;

// A tiny RAII connection for the tests (WAL, like db::Database opens every file).
struct Connection {
  sqlite3* handle = nullptr;
  explicit Connection(const fs::path& file) {
    sqlite3_open(file.c_str(), &handle);
    sqlite3_busy_timeout(handle, 5000);
    exec("PRAGMA journal_mode=WAL");
  }
  ~Connection() { sqlite3_close_v2(handle); }
  void exec(const std::string& sql) {
    char* error = nullptr;
    if (sqlite3_exec(handle, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
      std::string message = error ? error : "?";
      sqlite3_free(error);
      throw std::runtime_error(message);
    }
  }
  long long scalar(const std::string& sql) {
    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2(handle, sql.c_str(), -1, &statement, nullptr);
    long long value = sqlite3_step(statement) == SQLITE_ROW ? sqlite3_column_int64(statement, 0) : -1;
    sqlite3_finalize(statement);
    return value;
  }
};

class BackupSqlite : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = fs::temp_directory_path() / ("nico-sqlite-" + core::random_token(8));
    fs::create_directories(folder_);
    live_ = folder_ / "live.sqlite";
    Connection db(live_);
    db.exec("CREATE TABLE migrations (id INTEGER PRIMARY KEY, migration TEXT, batch INTEGER)");
    db.exec("INSERT INTO migrations (migration, batch) VALUES ('0001_a', 1), ('0002_b', 1)");
    db.exec("CREATE TABLE rows (id INTEGER PRIMARY KEY, payload TEXT)");
    db.exec("WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 20000) "
            "INSERT INTO rows (payload) SELECT hex(randomblob(200)) FROM s");
  }
  void TearDown() override { fs::remove_all(folder_); }
  fs::path folder_, live_;
};

TEST_F(BackupSqlite, CopyIsASelfContainedFileThatPassesIntegrityCheck) {
  int calls = 0;
  long long last_copied = 0, last_total = 0;
  ops::sqlite_online_backup(live_, folder_ / "copy.sqlite", [&](long long copied, long long total) {
    ++calls;
    last_copied = copied;
    last_total = total;
  });
  EXPECT_GT(calls, 1) << "copied in steps";
  EXPECT_EQ(last_copied, last_total);
  EXPECT_FALSE(fs::exists(folder_ / "copy.sqlite-wal"));
  EXPECT_EQ(ops::sqlite_integrity_check(folder_ / "copy.sqlite"), "ok");
  EXPECT_EQ(ops::sqlite_schema_version(folder_ / "copy.sqlite").value_or(""), "0002_b");
  Connection copy(folder_ / "copy.sqlite");
  EXPECT_EQ(copy.scalar("SELECT COUNT(*) FROM rows"), 20000);
}

TEST_F(BackupSqlite, AConcurrentWriterIsNeverBlockedAndTheCopyIsOnePointInTime) {
  std::atomic<bool> stop{false};
  std::atomic<long long> inserted{0};
  std::string writer_error;
  std::thread writer([&] {
    try {
      Connection db(live_);
      while (!stop) {
        db.exec("INSERT INTO rows (payload) VALUES ('writer')");
        ++inserted;
      }
    } catch (const std::exception& e) {
      writer_error = e.what();
    }
  });
  while (inserted < 10) std::this_thread::yield();
  long long during_start = inserted;
  ops::sqlite_online_backup(live_, folder_ / "copy.sqlite");
  long long during_end = inserted;
  stop = true;
  writer.join();
  EXPECT_TRUE(writer_error.empty()) << writer_error;
  Connection copy(folder_ / "copy.sqlite");
  long long writer_rows = copy.scalar("SELECT COUNT(*) FROM rows WHERE payload = 'writer'");
  EXPECT_GE(writer_rows, during_start);
  EXPECT_LE(writer_rows, during_end);
  // A prefix of the writer's sequence: no row without all the rows before it.
  EXPECT_EQ(copy.scalar("SELECT MAX(id) FROM rows"), 20000 + writer_rows);
  EXPECT_EQ(ops::sqlite_integrity_check(folder_ / "copy.sqlite"), "ok");
}

TEST_F(BackupSqlite, MissingSourceUsesTheReferenceMessageAndCreatesNothing) {
  try {
    ops::sqlite_online_backup(folder_ / "missing.sqlite", folder_ / "copy.sqlite");
    ADD_FAILURE() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()), "SQLite database file does not exist: " + (folder_ / "missing.sqlite").string());
  }
  EXPECT_FALSE(fs::exists(folder_ / "missing.sqlite"));
  EXPECT_FALSE(fs::exists(folder_ / "copy.sqlite"));
}

TEST_F(BackupSqlite, RestoreOverReplacesTheContentSeenByOpenConnections) {
  ops::sqlite_online_backup(live_, folder_ / "copy.sqlite");
  Connection live(live_);
  live.exec("DELETE FROM rows");
  ASSERT_EQ(live.scalar("SELECT COUNT(*) FROM rows"), 0);
  ops::sqlite_restore_over(folder_ / "copy.sqlite", live_);
  EXPECT_EQ(live.scalar("SELECT COUNT(*) FROM rows"), 20000);
  EXPECT_EQ(live.scalar("PRAGMA journal_mode = WAL") , 0) << "still usable";
}

TEST_F(BackupSqlite, IntegrityCheckReportsDamage) {
  ops::sqlite_online_backup(live_, folder_ / "copy.sqlite");
  {
    std::fstream bytes(folder_ / "copy.sqlite", std::ios::in | std::ios::out | std::ios::binary);
    // Over the header of page 4 (a b-tree page of `rows`): its page type and cell pointers become nonsense.
    bytes.seekp(4096 * 3);
    bytes << std::string(300, '\xff');
  }
  EXPECT_NE(ops::sqlite_integrity_check(folder_ / "copy.sqlite"), "ok");
  std::ofstream(folder_ / "text.sqlite") << "sqlite-backup-test";  // the reference's fake database file
  EXPECT_NE(ops::sqlite_integrity_check(folder_ / "text.sqlite"), "ok");
}

TEST_F(BackupSqlite, QuickCheckCatchesABrokenBtreePageButOnlyTheFullCheckAnIndexOutOfStepWithItsTable) {
  {
    Connection db(live_);
    db.exec("CREATE INDEX rows_payload ON rows (payload)");
  }
  ops::sqlite_online_backup(live_, folder_ / "copy.sqlite");
  EXPECT_EQ(ops::sqlite_check(folder_ / "copy.sqlite", ops::SqliteCheck::kQuick), "ok");
  EXPECT_EQ(ops::sqlite_check(folder_ / "copy.sqlite", ops::SqliteCheck::kFull), "ok");

  // An index that no longer matches its table (rows changed behind it): a logical fault in well-formed pages.
  fs::copy_file(folder_ / "copy.sqlite", folder_ / "stale.sqlite");
  {
    Connection db(folder_ / "stale.sqlite");
    db.exec("PRAGMA journal_mode=DELETE");
    db.exec("PRAGMA writable_schema=ON");
    db.exec("UPDATE sqlite_master SET sql = 'CREATE TABLE rows (id INTEGER PRIMARY KEY, payload TEXT) ' WHERE name = 'rows'");
    db.exec("DELETE FROM sqlite_master WHERE name = 'rows_payload'");
  }
  {
    Connection db(folder_ / "stale.sqlite");
    db.exec("PRAGMA journal_mode=DELETE");
    db.exec("UPDATE rows SET payload = 'changed' WHERE id = 7");  // the index entry of row 7 is now stale
  }
  {
    // Put the index back in the schema without rebuilding it.
    Connection db(folder_ / "copy.sqlite");
    long long root = db.scalar("SELECT rootpage FROM sqlite_master WHERE name = 'rows_payload'");
    Connection stale(folder_ / "stale.sqlite");
    stale.exec("PRAGMA journal_mode=DELETE");
    stale.exec("PRAGMA writable_schema=ON");
    stale.exec("INSERT INTO sqlite_master (type, name, tbl_name, rootpage, sql) VALUES ('index', 'rows_payload', 'rows', " +
               std::to_string(root) + ", 'CREATE INDEX rows_payload ON rows (payload)')");
  }
  EXPECT_EQ(ops::sqlite_check(folder_ / "stale.sqlite", ops::SqliteCheck::kQuick), "ok");
  EXPECT_NE(ops::sqlite_check(folder_ / "stale.sqlite", ops::SqliteCheck::kFull), "ok");

  // Garbage over a b-tree page: the quick check reads every page and sees it.
  {
    std::fstream bytes(folder_ / "copy.sqlite", std::ios::in | std::ios::out | std::ios::binary);
    bytes.seekp(4096 * 3);
    bytes << std::string(300, '\xff');
  }
  EXPECT_NE(ops::sqlite_check(folder_ / "copy.sqlite", ops::SqliteCheck::kQuick), "ok");
}

TEST_F(BackupSqlite, ACheckAskedToStopThrows) {
  ops::sqlite_online_backup(live_, folder_ / "copy.sqlite");
  EXPECT_THROW(ops::sqlite_check(folder_ / "copy.sqlite", ops::SqliteCheck::kFull, [] { return false; }), std::runtime_error);
}

}  // namespace
