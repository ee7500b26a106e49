// Faults of a database server (MariaDB, PostgreSQL): the app's connections killed under load (what wait_timeout,
// a proxy or a failover does) and the server restarted under load. Run by scripts/run-tests.sh under
// with-mariadb.sh and with-postgres.sh, which export DB_SERVER_CTL (stop|start); on SQLite there is no server.
#include <gtest/gtest.h>

#include <cstdlib>

#include "../integration/support/app_server.hpp"
#include "fault_support.hpp"

using faults::Clock;
using faults::Load;
using testing_support::AppServer;
using testing_support::Browser;
using testing_support::HttpResponse;

namespace {

constexpr const char* kPage = "/tienda?q=funda";  // a search: always reads the database

class ServerConnection : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* driver = std::getenv("DB_CONNECTION");
    if (!driver || std::string(driver) == "sqlite") GTEST_SKIP() << "needs a database server (MariaDB or PostgreSQL)";
    server_ = std::make_unique<AppServer>(std::map<std::string, std::string>{{"SERVER_WORKERS", "4"}});
    server_->start();
  }
  void TearDown() override {
    if (server_) server_->stop();
  }

  // Kills every connection of the app's database user but the test's own; returns how many.
  int kill_app_connections() {
    auto sql = server_->database().lease();
    int killed = 0;
    if (server_->using_postgres()) {
      *sql << "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE usename = current_user AND "
              "datname = current_database() AND pid <> pg_backend_pid()",
          soci::into(killed);
      return killed;
    }
    std::vector<long long> ids(200);
    *sql << "SELECT ID FROM information_schema.PROCESSLIST WHERE USER = CURRENT_USER() AND ID <> CONNECTION_ID()",
        soci::into(ids);
    // CURRENT_USER() is 'nico@127.0.0.1'; PROCESSLIST.USER is 'nico': fall back to the plain name.
    if (ids.empty()) {
      ids.resize(200);
      *sql << "SELECT ID FROM information_schema.PROCESSLIST WHERE USER = SUBSTRING_INDEX(CURRENT_USER(), '@', 1) "
              "AND ID <> CONNECTION_ID()",
          soci::into(ids);
    }
    for (long long id : ids) {
      try {
        *sql << "KILL " + std::to_string(id);
        ++killed;
      } catch (const std::exception&) {
        // already gone
      }
    }
    return killed;
  }

  void server_ctl(const std::string& action) {
    const char* ctl = std::getenv("DB_SERVER_CTL");
    ASSERT_NE(ctl, nullptr) << "DB_SERVER_CTL not exported (run under scripts/with-mariadb.sh or with-postgres.sh)";
    ASSERT_EQ(std::system((std::string(ctl) + " " + action).c_str()), 0) << "DB_SERVER_CTL " << action;
  }

  std::unique_ptr<AppServer> server_;
};

TEST_F(ServerConnection, KilledConnectionsAreReopenedAndReadersBarelyNotice) {
  Browser probe(server_->base_url());
  ASSERT_EQ(probe.get(kPage).status, 200);

  // Idle connections killed: the next page still works (the dead connection is found and reopened).
  ASSERT_GT(kill_app_connections(), 0);
  EXPECT_EQ(probe.get(kPage).status, 200);
  EXPECT_EQ(probe.get("/health/ready").status, 200);

  // Under load: at most one failed request per pooled connection (workers + 2), then only successes.
  Load load(server_->base_url(), 4, [](Browser& browser) { return browser.get(kPage); });
  ASSERT_TRUE(faults::eventually(std::chrono::seconds(10), [&] { return load.outcomes().size() >= 20; }));
  auto killed_at = Clock::now();
  ASSERT_GT(kill_app_connections(), 0);
  ASSERT_TRUE(faults::eventually(std::chrono::seconds(10), [&] {
    return faults::seconds_between(killed_at, Clock::now()) > 2 && load.outcomes().size() >= 60;
  }));
  load.stop();
  int failed_after_kill = 0, late_failures = 0, late_total = 0;
  for (const auto& outcome : load.outcomes()) {
    if (outcome.at < killed_at) continue;
    if (outcome.status != 200) ++failed_after_kill;
    if (faults::seconds_between(killed_at, outcome.at) > 1.0) {
      ++late_total;
      if (outcome.status != 200) ++late_failures;
    }
  }
  std::cout << "[ measured ] after killing every connection under load: " << failed_after_kill
            << " failed request(s), then " << late_total << " of " << late_total << " late ones answered 200\n";
  EXPECT_LE(failed_after_kill, 6);
  EXPECT_GT(late_total, 0);
  EXPECT_EQ(late_failures, 0);
  EXPECT_EQ(probe.get("/health/ready").status, 200);
}

TEST_F(ServerConnection, ServiceIsBackWithinFiveSecondsOfARestartedServer) {
  Browser probe(server_->base_url());
  ASSERT_EQ(probe.get(kPage).status, 200);
  Load load(server_->base_url(), 4, [](Browser& browser) { return browser.get(kPage); });
  ASSERT_TRUE(faults::eventually(std::chrono::seconds(10), [&] { return load.outcomes().size() >= 20; }));

  server_ctl("stop");
  auto stopped_at = Clock::now();
  // While the server is away, requests are answered at once with the 503 page, not held and not 500.
  HttpResponse down = probe.get(kPage);
  EXPECT_EQ(down.status, 503);
  EXPECT_TRUE(down.contains("No pudimos conectarnos con la base de datos")) << down.body.substr(0, 400);
  EXPECT_FALSE(down.header("retry-after").empty());
  EXPECT_EQ(probe.get("/health/ready").status, 503);
  ASSERT_TRUE(faults::eventually(std::chrono::seconds(5), [&] { return faults::seconds_between(stopped_at, Clock::now()) > 2; }));

  server_ctl("start");
  auto started_at = Clock::now();
  Clock::time_point recovered_at{};
  ASSERT_TRUE(faults::eventually(std::chrono::seconds(20), [&] {
    if (probe.get(kPage).status != 200) return false;
    recovered_at = Clock::now();
    return true;
  }));
  std::cout << "[ measured ] service back " << faults::seconds_between(started_at, recovered_at)
            << " s after the database server answered again\n";
  EXPECT_LT(faults::seconds_between(started_at, recovered_at), 5.0);
  ASSERT_TRUE(faults::eventually(std::chrono::seconds(10), [&] { return faults::seconds_between(recovered_at, Clock::now()) > 2; }));
  load.stop();

  int during = 0, server_errors = 0, late_failures = 0;
  for (const auto& outcome : load.outcomes()) {
    if (outcome.at > stopped_at && outcome.at < started_at) {
      ++during;
      if (outcome.status == 500) ++server_errors;
    }
    if (faults::seconds_between(recovered_at, outcome.at) > 1.0 && outcome.status != 200) ++late_failures;
  }
  EXPECT_GT(during, 0);
  EXPECT_EQ(server_errors, 0) << "an outage is a 503, not an internal error";
  EXPECT_EQ(late_failures, 0);
  EXPECT_EQ(probe.get("/health/ready").status, 200);
}

}  // namespace
