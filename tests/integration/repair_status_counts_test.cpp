// The counters of the admin repairs list (one per status) as the shop owner sees them when the counts are reused
// (REPAIR_COUNTS_REUSE_MS, MariaDB/PostgreSQL; src/domain/repairs/status_counts.hpp): the admin's own status change
// shows on the next page at once; a repair written elsewhere (another node, SQL typed by hand) is only
// counted once the reuse ends. SQLite counts exactly on every page. All three engines.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "support/accounts.hpp"
#include "support/app_server.hpp"
#include "support/browser.hpp"

using testing_support::AppServer;
using testing_support::Browser;

namespace {

class RepairStatusCounts : public ::testing::Test {
 protected:
  void SetUp() override {
    // A minute: long enough that a reused count is still reused when the test looks again.
    server_ = std::make_unique<AppServer>(std::map<std::string, std::string>{{"REPAIR_COUNTS_REUSE_MS", "60000"}});
    server_->start();
    admin_ = std::make_unique<Browser>(testing_support::signed_in_admin(*server_));
    token_ = testing_support::csrf_token_in(admin_->get("/admin/reparaciones/crear").body);
  }

  // A repair written behind the application's back (another node, a hand-typed INSERT).
  long long insert_elsewhere(const std::string& code, const std::string& status) {
    auto session = server_->database().lease();
    *session << "INSERT INTO repairs (code, customer_name, customer_phone, device_brand, device_model, issue_reported, "
                "status, received_at, created_at, updated_at) VALUES ('" + code + "', 'Conteo', '3410000000', "
                "'Motorola', 'G20', 'Pantalla', '" + status + "', '2026-01-01 10:00:00', '2026-01-01 10:00:00', "
                "'2026-01-01 10:00:00')";
    return server_->database().last_insert_id(*session, "repairs");
  }

  std::string counter(const std::string& page, const std::string& status) {
    const std::string marker = "<span data-admin-repairs-count=\"" + status + "\">";
    auto at = page.find(marker);
    if (at == std::string::npos) return "missing";
    at += marker.size();
    return page.substr(at, page.find('<', at) - at);
  }

  std::string list() {
    auto page = admin_->get("/admin/reparaciones");
    EXPECT_EQ(page.status, 200);
    return page.body;
  }

  std::unique_ptr<AppServer> server_;
  std::unique_ptr<Browser> admin_;
  std::string token_;
};

}  // namespace

TEST_F(RepairStatusCounts, TheAdminsOwnChangeShowsAtOnceAndOtherWritesWithinTheReuse) {
  long long first = insert_elsewhere("R-20260101-C1", "received");
  insert_elsewhere("R-20260101-C2", "received");
  std::string page = list();
  EXPECT_EQ(counter(page, "all"), "2");
  EXPECT_EQ(counter(page, "received"), "2");

  // Written elsewhere: SQLite counts it at once; the server engines keep the counts they read for the reuse time.
  insert_elsewhere("R-20260101-C3", "received");
  page = list();
  EXPECT_EQ(counter(page, "received"), server_->using_server_database() ? "2" : "3");

  // The admin moves a repair: their next page counts again, the repair written elsewhere included.
  auto moved = admin_->post("/admin/reparaciones/" + std::to_string(first) + "/estado",
                            {{"_token", token_}, {"status", "diagnosing"}, {"current_status", "received"}});
  ASSERT_EQ(moved.status, 303);
  page = list();
  EXPECT_EQ(counter(page, "all"), "3");
  EXPECT_EQ(counter(page, "received"), "2");
  EXPECT_EQ(counter(page, "diagnosing"), "1");

  // A status filter shows the rows of that status and the same counters.
  auto filtered = admin_->get("/admin/reparaciones?status=diagnosing");
  ASSERT_EQ(filtered.status, 200);
  EXPECT_EQ(counter(filtered.body, "diagnosing"), "1");
  EXPECT_NE(filtered.body.find("R-20260101-C1"), std::string::npos);
  EXPECT_EQ(filtered.body.find("R-20260101-C2"), std::string::npos);
}
