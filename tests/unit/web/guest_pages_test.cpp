// When a kept guest page may be answered (web/guest_pages.hpp): only under the catalog version last read, and only
// while that reading is trusted — not after this process's own write, not after the SQLite file or its -wal changed,
// not past the bound.
#include "web/guest_pages.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

web::GuestPage page_of(long long version) {
  web::GuestPage page;
  page.pieces = {{"<p>catálogo</p>", web::LayoutPiece::Slot::kEnd}};
  page.bytes = page.pieces.front().text.size();
  page.catalog_version = version;
  return page;
}

void read_version(web::GuestPages& pages, long long version) {
  auto reading = pages.begin_reading();
  pages.finish_reading(reading, version);
}

class SqliteFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("guest-pages-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    std::ofstream(dir_ / "db.sqlite") << "main";
    std::ofstream(dir_ / "db.sqlite-wal") << "frames";
    write_header('A');
  }
  void TearDown() override { fs::remove_all(dir_); }
  // The wal-index header at the start of -shm, overwritten in place (as SQLite does through its mapping).
  void write_header(char fill) {
    std::fstream shm(dir_ / "db.sqlite-shm", std::ios::in | std::ios::out | std::ios::binary);
    if (!shm) shm.open(dir_ / "db.sqlite-shm", std::ios::out | std::ios::binary);
    shm.seekp(0);
    shm << std::string(48, fill) << std::string(80, 'z');
  }
  fs::path dir_;
};

TEST(GuestPagesTrust, APageIsFoundOnlyUnderTheVersionLastRead) {
  web::GuestPages pages(60s, {});
  EXPECT_FALSE(pages.trusted_version());
  pages.store("/tienda", page_of(7));  // nothing read yet: not kept
  read_version(pages, 7);
  EXPECT_EQ(pages.find("/tienda"), nullptr);
  pages.store("/tienda", page_of(7));
  ASSERT_NE(pages.find("/tienda"), nullptr);
  EXPECT_EQ(pages.find("/tienda")->pieces.front().text, "<p>catálogo</p>");
  read_version(pages, 8);  // a newer catalog: the old page is not answered
  EXPECT_EQ(pages.find("/tienda"), nullptr);
  pages.store("/tienda", page_of(7));  // rendered under a version no longer trusted: not kept
  EXPECT_EQ(pages.find("/tienda"), nullptr);
}

TEST(GuestPagesTrust, AWriteOfThisProcessEndsTheTrustEvenForAReadingThatWasUnderWay) {
  web::GuestPages pages(60s, {});
  read_version(pages, 3);
  pages.store("/producto/funda", page_of(3));
  auto reading = pages.begin_reading();  // a worker starts reading the version…
  pages.forget();                        // …while another request's write ends
  EXPECT_FALSE(pages.trusted_version());
  EXPECT_EQ(pages.find("/producto/funda"), nullptr);
  pages.finish_reading(reading, 3);  // that reading may predate the write: not trusted
  EXPECT_FALSE(pages.trusted_version());
  read_version(pages, 4);
  EXPECT_EQ(pages.trusted_version(), 4);
}

TEST(GuestPagesTrust, TheBoundEndsTheTrust) {
  web::GuestPages pages(20ms, {});
  read_version(pages, 1);
  pages.store("/tienda", page_of(1));
  EXPECT_NE(pages.find("/tienda"), nullptr);
  std::this_thread::sleep_for(40ms);
  EXPECT_FALSE(pages.trusted_version());
  EXPECT_EQ(pages.find("/tienda"), nullptr);
}

TEST_F(SqliteFiles, ACommitMadeVisibleInTheWalIndexEndsTheTrustFramesAloneDoNot) {
  web::GuestPages pages(60s, dir_ / "db.sqlite");
  read_version(pages, 5);
  pages.store("/tienda", page_of(5));
  EXPECT_NE(pages.find("/tienda"), nullptr);
  // Another process wrote its frames but has not published the commit yet: what readers see is unchanged.
  std::ofstream(dir_ / "db.sqlite-wal", std::ios::app) << "one more frame";
  EXPECT_NE(pages.find("/tienda"), nullptr);
  write_header('B');  // the commit is published
  EXPECT_EQ(pages.find("/tienda"), nullptr);
  read_version(pages, 6);
  EXPECT_EQ(pages.trusted_version(), 6);
}

TEST_F(SqliteFiles, AReplacedOrRemovedIndexOrAChangedDatabaseFileEndsTheTrust) {
  web::GuestPages pages(60s, dir_ / "db.sqlite");
  read_version(pages, 1);
  fs::remove(dir_ / "db.sqlite-shm");  // the last connection closed
  EXPECT_FALSE(pages.trusted_version());
  write_header('A');  // a connection opened again
  read_version(pages, 1);
  EXPECT_EQ(pages.trusted_version(), 1);
  fs::remove(dir_ / "db.sqlite-shm");
  write_header('C');  // …and another one after a commit elsewhere
  EXPECT_FALSE(pages.trusted_version());
  read_version(pages, 1);
  std::ofstream(dir_ / "db.sqlite", std::ios::app) << "checkpointed";
  EXPECT_FALSE(pages.trusted_version());
}

// SQLite's locks on the -shm file are POSIX record locks, and a process loses all of them on a close() of *any* of
// its descriptors for that file. Whether another process sees a lock on `byte` of `file` (F_GETLK from a child).
bool another_process_sees_a_lock(const fs::path& file, off_t byte) {
  pid_t child = ::fork();
  if (child == 0) {
    int fd = ::open(file.c_str(), O_RDWR);
    struct flock probe {};
    probe.l_type = F_WRLCK;
    probe.l_whence = SEEK_SET;
    probe.l_start = byte;
    probe.l_len = 1;
    bool locked = fd >= 0 && ::fcntl(fd, F_GETLK, &probe) == 0 && probe.l_type != F_UNLCK;
    ::_exit(locked ? 0 : 1);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

// The pool's connections hold SQLite's "dead man switch" (byte 128 of -shm) shared for as long as they are open, and
// read/write marks while they work; a reader of the wal-index that closed its descriptor (a GuestPages destroyed at
// shutdown while the monitor still reads) would silently drop them, and another process could then rebuild the
// index or reset the log under this one.
TEST(GuestPagesLocks, ReadingTheWalIndexNeverDropsThisProcessSqliteLocks) {
  const fs::path dir = fs::temp_directory_path() / ("guest-pages-locks-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path file = dir / "db.sqlite";
  const fs::path shm = dir / "db.sqlite-shm";
  constexpr off_t kDeadManSwitchByte = 128;
  sqlite3* connection = nullptr;
  ASSERT_EQ(sqlite3_open_v2(file.c_str(), &connection, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(connection, "PRAGMA journal_mode=WAL; CREATE TABLE t (x); INSERT INTO t VALUES (1);", nullptr,
                         nullptr, nullptr),
            SQLITE_OK);
  ASSERT_TRUE(another_process_sees_a_lock(shm, kDeadManSwitchByte));
  {
    web::GuestPages pages(60s, file);
    read_version(pages, 1);
    EXPECT_EQ(pages.trusted_version(), 1);
  }
  EXPECT_TRUE(another_process_sees_a_lock(shm, kDeadManSwitchByte));
  sqlite3_close(connection);
  fs::remove_all(dir);
}

}  // namespace
