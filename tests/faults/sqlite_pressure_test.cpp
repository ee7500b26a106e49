// Faults of an SQLite database under pressure: its write lock held by another process, its disk full, and a
// flood of writes that used to grow the write-ahead log without bound. The server must answer clearly (503 pages
// with Retry-After, /health/ready 503), keep serving readers, lose nothing, and recover by itself.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/mount.h>

#include <filesystem>
#include <fstream>

#include "../integration/support/app_server.hpp"
#include "../integration/support/browser.hpp"
#include "fault_support.hpp"

namespace fs = std::filesystem;
using faults::Clock;
using faults::Load;
using testing_support::AppServer;
using testing_support::Browser;
using testing_support::HttpResponse;

namespace {

bool on_sqlite() {
  const char* driver = std::getenv("DB_CONNECTION");
  return !driver || std::string(driver) == "sqlite";
}

// A failed sign-in: with the database limiter store the limiter writes a row, so it needs the write lock (the
// servers below pin RATE_LIMIT_STORE=database: on SQLite the default counts in memory and writes nothing).
HttpResponse wrong_login(Browser& browser) {
  thread_local std::string token;
  if (token.empty() || browser.cookie("nico_csrf").empty()) token = testing_support::csrf_token_in(browser.get("/login").body);
  return browser.post("/login", {{"_token", token}, {"email", "nadie@example.com"}, {"password", "incorrecta"}});
}

// Another process's connection to the same file.
class ForeignConnection final {
 public:
  explicit ForeignConnection(const fs::path& file) {
    if (sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK)
      throw std::runtime_error("cannot open " + file.string());
    sqlite3_busy_timeout(db_, 5000);
  }
  ~ForeignConnection() { sqlite3_close(db_); }
  std::string exec(const std::string& sql) {
    char* error = nullptr;
    std::string result;
    auto collect = [](void* out, int, char** values, char**) {
      *static_cast<std::string*>(out) += values[0] ? values[0] : "NULL";
      return 0;
    };
    if (sqlite3_exec(db_, sql.c_str(), collect, &result, &error) != SQLITE_OK) {
      std::string message = error ? error : "error";
      sqlite3_free(error);
      throw std::runtime_error(sql + ": " + message);
    }
    return result;
  }

 private:
  sqlite3* db_ = nullptr;
};

class SqlitePressure : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!on_sqlite()) GTEST_SKIP() << "SQLite files only";
  }
};

TEST_F(SqlitePressure, WriteLockHeldElsewhereGivesWriters503FastWhileGuestsKeepReading) {
  AppServer server(std::map<std::string, std::string>{{"SERVER_WORKERS", "4"}, {"RATE_LIMIT_STORE", "database"}});
  server.start();
  const fs::path file = server.base_path() / "storage/database.sqlite";
  Browser guest(server.base_url());
  ASSERT_EQ(guest.get("/tienda").status, 200);

  ForeignConnection holder(file);
  holder.exec("BEGIN IMMEDIATE");  // the write lock, as a long import or a stuck process would hold it
  auto locked_at = Clock::now();
  Load writers(server.base_url(), 4, wrong_login);

  // Guests read at their usual pace: writers waiting for the lock never take every worker.
  double slowest = 0;
  for (int i = 0; i < 15; ++i) {
    auto started = Clock::now();
    EXPECT_EQ(guest.get("/tienda").status, 200);
    slowest = std::max(slowest, faults::seconds_between(started, Clock::now()));
  }
  EXPECT_LT(slowest, 1.0) << "a guest page waited behind the writers";

  // A writer is told within ~2 s, in Spanish, to try again.
  Browser writer(server.base_url());
  std::string token = testing_support::csrf_token_in(writer.get("/login").body);
  auto posted = Clock::now();
  HttpResponse refused =
      writer.post("/login", {{"_token", token}, {"email", "nadie@example.com"}, {"password", "incorrecta"}});
  double waited = faults::seconds_between(posted, Clock::now());
  EXPECT_EQ(refused.status, 503);
  EXPECT_TRUE(refused.contains("Estamos con mucha demanda, probá en unos segundos.")) << refused.body.substr(0, 300);
  EXPECT_FALSE(refused.header("retry-after").empty());
  EXPECT_LT(waited, 3.0);

  HttpResponse ready = guest.get("/health/ready");
  EXPECT_EQ(ready.status, 503);
  EXPECT_TRUE(ready.contains("\"database\":\"locked\"")) << ready.body;

  // Held for 30 s (a long import), then released: everything recovers by itself.
  while (faults::seconds_between(locked_at, Clock::now()) < 30) {
    auto started = Clock::now();
    EXPECT_EQ(guest.get("/tienda").status, 200);
    slowest = std::max(slowest, faults::seconds_between(started, Clock::now()));
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  std::cout << "[ measured ] write lock held 30 s: slowest guest page " << slowest << " s, a writer answered 503 in "
            << waited << " s, " << writers.outcomes().size() << " writer requests\n";
  EXPECT_LT(slowest, 1.0) << "a guest page waited behind the writers";
  holder.exec("COMMIT");
  EXPECT_TRUE(faults::eventually(std::chrono::seconds(5), [&] {
    HttpResponse answer =
        writer.post("/login", {{"_token", token}, {"email", "nadie@example.com"}, {"password", "incorrecta"}});
    return answer.status != 503 && answer.status != 500;
  }));
  EXPECT_TRUE(faults::eventually(std::chrono::seconds(5), [&] { return guest.get("/health/ready").status == 200; }));
  writers.stop();
  for (const auto& outcome : writers.outcomes()) EXPECT_NE(outcome.status, 500);
}

// A small tmpfs holds the database; a junk file fills it.
class DiskFull : public SqlitePressure {
 protected:
  void SetUp() override {
    SqlitePressure::SetUp();
    if (IsSkipped()) return;
    mount_point_ = fs::temp_directory_path() / ("nico-full-" + std::to_string(getpid()));
    fs::create_directories(mount_point_);
    ASSERT_EQ(mount("tmpfs", mount_point_.c_str(), "tmpfs", 0, "size=8m"), 0)
        << "mounting a tmpfs needs root (the CI runs as root): " << std::strerror(errno);
    mounted_ = true;
  }
  void TearDown() override {
    server_.reset();
    if (mounted_) umount2(mount_point_.c_str(), MNT_DETACH);
    if (!mount_point_.empty()) fs::remove_all(mount_point_);
  }
  // Writes junk until the file system refuses; returns the bytes written.
  std::size_t fill(const fs::path& junk) {
    std::ofstream out(junk, std::ios::binary);
    std::string chunk(64 * 1024, 'x');
    std::size_t written = 0;
    while (out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()))) {
      out.flush();
      if (!out) break;
      written += chunk.size();
    }
    return written;
  }

  fs::path mount_point_;
  bool mounted_ = false;
  std::unique_ptr<AppServer> server_;
};

TEST_F(DiskFull, WritersGetAClearPageHealthFailsAndNothingIsCorrupted) {
  const fs::path file = mount_point_ / "database.sqlite";
  server_ = std::make_unique<AppServer>(std::map<std::string, std::string>{{"DB_DATABASE", file.string()}});
  server_->start();
  Browser browser(server_->base_url());
  ASSERT_EQ(browser.get("/tienda").status, 200);
  ForeignConnection(file).exec("PRAGMA wal_checkpoint(TRUNCATE)");  // the next write needs fresh space
  const fs::path junk = mount_point_ / "junk.bin";
  ASSERT_GT(fill(junk), 0U);

  HttpResponse refused = wrong_login(browser);
  EXPECT_EQ(refused.status, 503);
  EXPECT_TRUE(refused.contains("El servidor se quedó sin espacio para guardar datos.")) << refused.body.substr(0, 300);
  HttpResponse ready = browser.get("/health/ready");
  EXPECT_EQ(ready.status, 503);
  EXPECT_TRUE(ready.contains("\"database\":\"full\"")) << ready.body;
  auto report = server_->run({"ops:health-check"});
  EXPECT_NE(report.output.find("Database write"), std::string::npos) << report.output;
  EXPECT_NE(report.output.find("Cannot write (full)"), std::string::npos) << report.output;
  EXPECT_EQ(browser.get("/tienda").status, 200) << "reading needs no space";

  fs::remove(junk);
  EXPECT_TRUE(faults::eventually(std::chrono::seconds(5), [&] {
    int status = wrong_login(browser).status;
    return status != 503 && status != 500;
  }));
  EXPECT_EQ(browser.get("/health/ready").status, 200);
  server_->stop();
  EXPECT_EQ(ForeignConnection(file).exec("PRAGMA integrity_check"), "ok");
}

TEST_F(SqlitePressure, FloodOfPostsKeepsTheWriteAheadLogSmall) {
  AppServer server(std::map<std::string, std::string>{{"SERVER_WORKERS", "4"}});
  server.start();
  const fs::path wal = server.base_path() / "storage/database.sqlite-wal";
  Load flood(server.base_url(), 4, [](Browser& browser) {
    thread_local std::string token;
    if (token.empty()) token = testing_support::csrf_token_in(browser.get("/reparacion").body);
    return browser.post("/reparacion", {{"_token", token}, {"code", "R-20260101-00001"}, {"phone", "3415550000"}});
  });
  std::uintmax_t largest = 0;
  auto started = Clock::now();
  faults::eventually(std::chrono::seconds(40), [&] {
    std::error_code missing;  // no -wal file at this instant counts as 0
    auto size = fs::file_size(wal, missing);
    if (!missing) largest = std::max(largest, size);
    return faults::seconds_between(started, Clock::now()) > 30;
  });
  flood.stop();
  std::error_code ignored;
  auto final_size = fs::file_size(wal, ignored);
  std::cout << "[ measured ] " << flood.outcomes().size() << " posts in 30 s; WAL peak " << largest / 1024
            << " KiB, at the end " << final_size / 1024 << " KiB\n";
  EXPECT_GT(flood.outcomes().size(), 500U);
  EXPECT_LT(final_size, 64U * 1024 * 1024);
  int errors = 0;
  for (const auto& outcome : flood.outcomes()) errors += outcome.status >= 500 || outcome.status == 0;
  EXPECT_EQ(errors, 0);
}

}  // namespace
