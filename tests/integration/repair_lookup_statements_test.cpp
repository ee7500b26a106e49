// The public repair lookup on a long-lived server, whose lookup statement stays prepared per pooled connection
// (db/statement_cache): each answer follows its own code and the current row, a schema change by `migrate` while it
// serves does not break it, and (SQLite) the operator's or the checkpointer's truncating WAL checkpoint is not
// blocked by a statement left open between lookups.
#include <gtest/gtest.h>

#include <string>

#include "support/app_server.hpp"
#include "support/browser.hpp"

using testing_support::AppServer;
using testing_support::Browser;
using testing_support::HttpResponse;
using testing_support::visible_text;

namespace {

void add_repair(AppServer& server, const std::string& code, const std::string& phone, const std::string& model) {
  server.database().lease()->once
      << "INSERT INTO repairs (code, customer_name, customer_phone, device_brand, device_model, issue_reported, "
         "final_price, status, received_at, created_at, updated_at) VALUES (:code, 'Cliente', :phone, 'Samsung', "
         ":model, 'No carga', 0, 'repairing', '2026-01-01 12:00:00', '2026-01-01 12:00:00', '2026-01-02 12:30:00')",
      soci::use(code), soci::use(phone), soci::use(model);
}

class KeptLookupStatement : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new AppServer(std::map<std::string, std::string>{{"RATE_LIMIT_REPAIR_LOOKUP_PER_MINUTE", "1000"}});
    server_->start();
    add_repair(*server_, "R-20260301-00001", "3415551001", "Galaxy A10");
    add_repair(*server_, "R-20260301-00002", "3415551002", "Galaxy A20");
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  // The visible text of the answer to one lookup ("" when it was not found: a redirect back to the form).
  static std::string lookup(const std::string& code, const std::string& phone) {
    Browser browser(server_->base_url());
    HttpResponse response = browser.submit("/reparacion", "/reparacion", {{"code", code}, {"phone", phone}});
    if (response.status == 302) return "";
    EXPECT_EQ(response.status, 200);
    return visible_text(response.body);
  }
  static AppServer* server_;
};
AppServer* KeptLookupStatement::server_ = nullptr;

TEST_F(KeptLookupStatement, RepeatedLookupsEachShowTheirOwnRepair) {
  for (int round = 0; round < 3; ++round) {
    std::string first = lookup("R-20260301-00001", "341 555-1001");
    std::string second = lookup("R-20260301-00002", "341 555-1002");
    EXPECT_NE(first.find("Galaxy A10"), std::string::npos) << round;
    EXPECT_EQ(first.find("Galaxy A20"), std::string::npos) << round;
    EXPECT_NE(second.find("Galaxy A20"), std::string::npos) << round;
    EXPECT_EQ(lookup("R-20260301-00001", "341 555-1002"), "") << "the other repair's phone finds nothing";
    EXPECT_EQ(lookup("R-20260301-99999", "341 555-1001"), "");
  }
}

TEST_F(KeptLookupStatement, ALookupShowsTheRowAsItIsNowNotAsTheLastLookupSawIt) {
  EXPECT_NE(lookup("R-20260301-00002", "3415551002").find("En reparación"), std::string::npos);
  server_->database().lease()->once << "UPDATE repairs SET status = 'ready_pickup' WHERE code = 'R-20260301-00002'";
  std::string now = lookup("R-20260301-00002", "3415551002");
  EXPECT_NE(now.find("Listo para retirar"), std::string::npos) << now;
  server_->database().lease()->once << "UPDATE repairs SET status = 'repairing' WHERE code = 'R-20260301-00002'";
}

TEST_F(KeptLookupStatement, ASchemaChangeWhileServingDoesNotBreakTheLookup) {
  EXPECT_NE(lookup("R-20260301-00001", "3415551001").find("Galaxy A10"), std::string::npos);
  auto sql = server_->database().lease();
  *sql << "ALTER TABLE repairs ADD COLUMN kept_statement_probe INTEGER";  // what a migration would do
  std::string after = lookup("R-20260301-00001", "3415551001");
  *sql << "ALTER TABLE repairs DROP COLUMN kept_statement_probe";
  EXPECT_NE(after.find("Galaxy A10"), std::string::npos);
}

TEST_F(KeptLookupStatement, ATruncatingWalCheckpointAfterLookupsIsNotBlocked) {
  if (server_->using_server_database()) GTEST_SKIP() << "SQLite's write-ahead log only";
  for (int i = 0; i < 6; ++i) ASSERT_NE(lookup("R-20260301-00001", "3415551001"), "");
  auto sql = server_->database().lease();  // another process's connection, as the operator's sqlite3 would be
  *sql << "UPDATE repairs SET notes = 'wal' WHERE code = 'R-20260301-00002'";  // something in the log to move
  int busy = -1, log_frames = -1, moved = -1;
  *sql << "PRAGMA wal_checkpoint(TRUNCATE)", soci::into(busy), soci::into(log_frames), soci::into(moved);
  EXPECT_EQ(busy, 0) << "a reader (a lookup statement left open) kept the log from being reset";
  EXPECT_EQ(log_frames, 0);
  EXPECT_NE(lookup("R-20260301-00001", "3415551001").find("Galaxy A10"), std::string::npos);
}

}  // namespace
