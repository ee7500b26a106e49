// core::DirectoryWatch: every kind of change to a directory's entries is reported to the next ask, nothing is
// reported twice, and a watch that cannot be trusted says "maybe changed" every time. Also ops::MaintenanceFlag,
// its user on every request: `nico down` / `nico up` (enter/leave_maintenance) are seen at once.
#include "core/directory_watch.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include "core/crypto.hpp"
#include "ops/maintenance.hpp"
#include "ops/maintenance_flag.hpp"

namespace fs = std::filesystem;

namespace {

class DirectoryWatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() / ("nico-watch-" + core::random_token(8));
    fs::create_directories(base_ / "watched");
  }
  void TearDown() override { fs::remove_all(base_); }
  fs::path watched() const { return base_ / "watched"; }
  static void write(const fs::path& file, const std::string& text) { std::ofstream(file, std::ios::app) << text; }
  fs::path base_;
};

}  // namespace

TEST_F(DirectoryWatchTest, EveryChangeOfAnEntryIsSeenByTheNextAskAndOnlyOnce) {
  core::DirectoryWatch watch(watched());
  ASSERT_TRUE(watch.watching());
  EXPECT_TRUE(watch.maybe_changed()) << "the first ask: nothing is known yet";
  EXPECT_FALSE(watch.maybe_changed());

  write(watched() / "db.sqlite", "created");
  EXPECT_TRUE(watch.maybe_changed());
  EXPECT_FALSE(watch.maybe_changed());

  write(watched() / "db.sqlite", " and written");
  EXPECT_TRUE(watch.maybe_changed());
  EXPECT_FALSE(watch.maybe_changed());

  ASSERT_EQ(::chmod((watched() / "db.sqlite").c_str(), 0600), 0);
  EXPECT_TRUE(watch.maybe_changed()) << "attributes";
  EXPECT_FALSE(watch.maybe_changed());

  write(base_ / "restored.sqlite", "another file");
  EXPECT_FALSE(watch.maybe_changed()) << "outside the directory";
  fs::rename(base_ / "restored.sqlite", watched() / "db.sqlite");
  EXPECT_TRUE(watch.maybe_changed()) << "a file renamed over an entry (a restore)";
  EXPECT_FALSE(watch.maybe_changed());

  fs::remove(watched() / "db.sqlite");
  EXPECT_TRUE(watch.maybe_changed());
  EXPECT_FALSE(watch.maybe_changed());

  // Thousands of events between two asks: still one "changed", then quiet.
  for (int i = 0; i < 3000; ++i) write(watched() / "burst", "x");
  EXPECT_TRUE(watch.maybe_changed());
  EXPECT_FALSE(watch.maybe_changed());
  EXPECT_TRUE(watch.watching());
}

TEST_F(DirectoryWatchTest, AWatchThatCannotBeTrustedAlwaysSaysMaybe) {
  core::DirectoryWatch missing(base_ / "not-yet");
  EXPECT_FALSE(missing.watching());
  EXPECT_TRUE(missing.maybe_changed());
  EXPECT_TRUE(missing.maybe_changed());

  // Through a symbolic link: the link could be pointed elsewhere later, unseen by the watch.
  fs::create_directory_symlink(watched(), base_ / "link");
  core::DirectoryWatch linked(base_ / "link");
  EXPECT_FALSE(linked.watching());
  EXPECT_TRUE(linked.maybe_changed());
  EXPECT_TRUE(linked.maybe_changed());

  // The directory itself removed: its watch is gone, so every ask from then on is "maybe".
  core::DirectoryWatch watch(watched());
  EXPECT_TRUE(watch.maybe_changed());
  EXPECT_FALSE(watch.maybe_changed());
  fs::remove(base_ / "link");
  fs::remove_all(watched());
  EXPECT_TRUE(watch.maybe_changed());
  EXPECT_FALSE(watch.watching());
  fs::create_directories(watched());
  EXPECT_TRUE(watch.maybe_changed());
  EXPECT_TRUE(watch.maybe_changed());
}

TEST_F(DirectoryWatchTest, AParentReplacedUnderTheWatchIsNoticedWithinASecond) {
  // storage/ renamed aside and a new one put in its place: the watch follows the old framework/ directory and gets
  // no event for the new one; the path is checked against it at most once a second.
  fs::create_directories(watched() / "framework");
  core::DirectoryWatch watch(watched() / "framework");
  ASSERT_TRUE(watch.watching());
  EXPECT_TRUE(watch.maybe_changed());
  EXPECT_FALSE(watch.maybe_changed());
  fs::rename(watched(), base_ / "old");
  fs::create_directories(watched() / "framework");
  write(watched() / "framework" / "down", "a flag in the new directory");
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  EXPECT_TRUE(watch.maybe_changed());
  EXPECT_FALSE(watch.watching());
  EXPECT_TRUE(watch.maybe_changed());
}

TEST_F(DirectoryWatchTest, TheServersMaintenanceFlagSeesDownAndUpAtOnce) {
  const fs::path base = watched();
  fs::create_directories(base / "storage" / "framework");
  ops::MaintenanceFlag flag(ops::maintenance_flag_path(base));
  EXPECT_FALSE(flag.file());
  EXPECT_FALSE(flag.file());
  ops::MaintenanceState state;
  state.retry_seconds = 60;
  state.secret = "clave";
  ops::enter_maintenance(base, state);
  auto seen = flag.file();
  ASSERT_TRUE(seen);
  EXPECT_EQ(seen->retry_seconds, 60);
  EXPECT_EQ(seen->secret, "clave");
  EXPECT_TRUE(flag.current()) << "no monitor in this process: the file decides";
  state.retry_seconds = 120;
  ops::enter_maintenance(base, state);  // `nico down` again with other options
  EXPECT_EQ(flag.file()->retry_seconds, 120);
  EXPECT_TRUE(ops::leave_maintenance(base));
  EXPECT_FALSE(flag.file());
  EXPECT_FALSE(flag.current());
}

TEST_F(DirectoryWatchTest, QuietIsAskedWithoutTakingTheEvent) {
  core::DirectoryWatch watch(watched());
  EXPECT_FALSE(watch.quiet()) << "never asked: nothing is known yet";
  EXPECT_TRUE(watch.maybe_changed());
  EXPECT_TRUE(watch.quiet());
  write(watched() / "down", "flag");
  EXPECT_FALSE(watch.quiet());
  EXPECT_FALSE(watch.quiet()) << "quiet() left the event queued";
  EXPECT_TRUE(watch.maybe_changed());
  EXPECT_TRUE(watch.quiet());

  core::DirectoryWatch missing(base_ / "not-yet");
  EXPECT_TRUE(missing.maybe_changed());
  EXPECT_FALSE(missing.quiet()) << "no watch: never quiet";
}

TEST_F(DirectoryWatchTest, NoThreadTrustsTheFlagFromBeforeDownOrUpReturned) {
  // Readers on several threads ask as requests would while `nico down` and `nico up` alternate; a read that
  // starts after one of them returned, and ends before the next one starts, must see its result, whichever thread
  // took the event.
  const fs::path base = watched();
  fs::create_directories(base / "storage" / "framework");
  ops::MaintenanceFlag flag(ops::maintenance_flag_path(base));
  std::atomic<int> phase{0};  // % 4: 0 up, 1 going down, 2 down, 3 going up
  std::atomic<bool> stop{false};
  std::atomic<int> stale{0}, reads{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 4; ++t) {
    readers.emplace_back([&] {
      while (!stop) {
        int before = phase.load();
        bool down = flag.file().has_value();
        if (before % 2 == 0 && phase.load() == before && down != (before % 4 == 2)) ++stale;
        ++reads;
      }
    });
  }
  ops::MaintenanceState state;
  for (int round = 0; round < 300; ++round) {
    ++phase;
    ops::enter_maintenance(base, state);
    ++phase;
    std::this_thread::sleep_for(std::chrono::microseconds(200));
    ++phase;
    ASSERT_TRUE(ops::leave_maintenance(base));
    ++phase;
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  stop = true;
  for (auto& reader : readers) reader.join();
  EXPECT_EQ(stale.load(), 0) << "of " << reads.load() << " reads";
  EXPECT_GT(reads.load(), 1000);
}
