// The audit hash chain (`nico audit:verify`, the health check row) and the audit log viewer /admin/auditoria.
#include <gtest/gtest.h>

#include <thread>

#include "db/database.hpp"
#include "domain/audit/audit_log.hpp"
#include "support/accounts.hpp"
#include "support/app_server.hpp"
#include "support/browser.hpp"
#include "support/test_files.hpp"

using testing_support::AppServer;
using testing_support::Browser;
using testing_support::scalar;

namespace {

void exec(AppServer& server, const std::string& sql) { server.database().lease()->once << sql; }

// Appends through the application's own writer (the same code the handlers use).
void record(AppServer& server, const std::string& event, std::optional<std::int64_t> subject = {},
            std::vector<std::pair<std::string, std::string>> metadata = {}, std::optional<std::int64_t> actor = {}) {
  audit::AuditLog log(server.database());
  audit::AuditEntry entry;
  entry.event = event;
  entry.actor_id = actor;
  entry.actor_role = actor ? "admin" : "";
  entry.subject_type = subject ? "App\\Models\\Order" : "";
  entry.subject_id = subject;
  entry.ip_address = "127.0.0.1";
  entry.user_agent = "tests";
  entry.route_name = "tests.route";
  entry.http_method = "post";
  entry.metadata = std::move(metadata);
  log.record(entry);
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string health_row(AppServer& server) {
  auto report = server.run({"ops:health-check"});
  auto at = report.output.find("Audit chain");
  if (at == std::string::npos) return "(no Audit chain row)\n" + report.output;
  auto start = report.output.rfind('\n', at);
  return report.output.substr(start + 1, report.output.find('\n', at) - start - 1);
}

}  // namespace

TEST(AuditChain, IntactChainVerifiesAndEditedEntryIsNamed) {
  AppServer server;
  for (int i = 1; i <= 4; ++i) record(server, "tests.event", i, {{"n", std::to_string(i)}});
  auto ok = server.run({"audit:verify"});
  EXPECT_EQ(ok.exit_code, 0) << ok.output;
  EXPECT_TRUE(contains(ok.output, "Audit chain intact: 4 sealed entries.")) << ok.output;
  EXPECT_TRUE(contains(health_row(server), "| OK")) << health_row(server);

  long long second = scalar(server, "SELECT MIN(id) FROM audit_logs") + 1;
  exec(server, "UPDATE audit_logs SET metadata = '{\"n\":\"99\"}' WHERE id = " + std::to_string(second));
  auto edited = server.run({"audit:verify"});
  EXPECT_EQ(edited.exit_code, 1);
  EXPECT_TRUE(contains(edited.output, "Audit chain BROKEN at entry #" + std::to_string(second))) << edited.output;
  EXPECT_TRUE(contains(edited.output, "was edited")) << edited.output;
  std::string row = health_row(server);
  EXPECT_TRUE(contains(row, "FAIL")) << row;
  EXPECT_TRUE(contains(row, "#" + std::to_string(second))) << row;

  // Putting the exact value back makes the chain whole again.
  exec(server, "UPDATE audit_logs SET metadata = '{\"n\":\"2\"}' WHERE id = " + std::to_string(second));
  EXPECT_EQ(server.run({"audit:verify"}).exit_code, 0);
}

TEST(AuditChain, DeletedInsertedAndCutOffEntriesAreDetected) {
  AppServer server;
  for (int i = 1; i <= 5; ++i) record(server, "tests.event", i);
  long long first = scalar(server, "SELECT MIN(id) FROM audit_logs");

  // A row deleted from the middle: the next one no longer chains.
  exec(server, "DELETE FROM audit_logs WHERE id = " + std::to_string(first + 2));
  auto deleted = server.run({"audit:verify"});
  EXPECT_EQ(deleted.exit_code, 1);
  EXPECT_TRUE(contains(deleted.output, "BROKEN at entry #" + std::to_string(first + 3))) << deleted.output;
  EXPECT_TRUE(contains(deleted.output, "entry #" + std::to_string(first + 2) + " was deleted")) << deleted.output;
  EXPECT_TRUE(contains(health_row(server), "FAIL"));

  // Another server: a row slipped in without the application, and the newest entry removed.
  AppServer other;
  for (int i = 1; i <= 3; ++i) record(other, "tests.event", i);
  exec(other, "INSERT INTO audit_logs (event, created_at) VALUES ('forged.entry', '2026-01-01 00:00:00')");
  long long forged = scalar(other, "SELECT MAX(id) FROM audit_logs");
  auto inserted = other.run({"audit:verify"});
  EXPECT_EQ(inserted.exit_code, 1);
  EXPECT_TRUE(contains(inserted.output, "Entry #" + std::to_string(forged) + " has no hash")) << inserted.output;
  exec(other, "DELETE FROM audit_logs WHERE id = " + std::to_string(forged));
  EXPECT_EQ(other.run({"audit:verify"}).exit_code, 0);
  long long last = scalar(other, "SELECT MAX(id) FROM audit_logs");
  exec(other, "DELETE FROM audit_logs WHERE id = " + std::to_string(last));
  auto cut = other.run({"audit:verify"});
  EXPECT_EQ(cut.exit_code, 1);
  EXPECT_TRUE(contains(cut.output, "entries at the end were deleted")) << cut.output;
  exec(other, "DELETE FROM audit_chain_heads");
  auto headless = other.run({"audit:verify"});
  EXPECT_EQ(headless.exit_code, 1);
  EXPECT_TRUE(contains(headless.output, "head (audit_chain_heads row 1) is missing")) << headless.output;
}

TEST(AuditChain, AFreshDatabaseHoldsNoChainRowsUntilTheFirstEntry) {
  AppServer server;
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM audit_chain_heads"), 0);  // db:import needs an empty target
  // Entries from before the chain existed stay legacy; the chain starts with the first append.
  exec(server, "INSERT INTO audit_logs (event, created_at) VALUES ('before.chain', '2026-01-01 00:00:00')");
  auto empty = server.run({"audit:verify"});
  EXPECT_EQ(empty.exit_code, 0) << empty.output;
  EXPECT_TRUE(contains(empty.output, "Audit chain intact: 0 sealed entries (1 older entries predate the chain"))
      << empty.output;
  record(server, "tests.first");
  record(server, "tests.second");
  auto two = server.run({"audit:verify"});
  EXPECT_EQ(two.exit_code, 0) << two.output;
  EXPECT_TRUE(contains(two.output, "2 sealed entries (1 older entries")) << two.output;
  EXPECT_EQ(scalar(server, "SELECT legacy_max_id FROM audit_chain_heads"),
            scalar(server, "SELECT MIN(id) FROM audit_logs"));
}

TEST(AuditChain, ConcurrentWritersNeverForkTheChain) {
  AppServer server;
  auto settings = server.database().settings();
  settings.pool_size = 4;
  db::Database database(settings);
  std::vector<std::thread> writers;
  for (int w = 0; w < 4; ++w) {
    writers.emplace_back([&database, w] {
      audit::AuditLog log(database);
      for (int i = 0; i < 10; ++i) {
        audit::AuditEntry entry;
        entry.event = "tests.concurrent";
        entry.subject_type = "App\\Models\\Repair";
        entry.subject_id = w * 100 + i;
        entry.ip_address = "127.0.0.1";
        entry.http_method = "POST";
        log.record(entry);
      }
    });
  }
  for (auto& writer : writers) writer.join();
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM audit_logs WHERE event = 'tests.concurrent'"), 40);
  // Every entry chains to a different predecessor: no two share a prev_hash.
  EXPECT_EQ(scalar(server, "SELECT COUNT(DISTINCT prev_hash) FROM audit_logs"), 40);
  auto verify = server.run({"audit:verify"});
  EXPECT_EQ(verify.exit_code, 0) << verify.output;
  EXPECT_TRUE(contains(verify.output, "40 sealed entries")) << verify.output;
}

class AuditViewer : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new AppServer();
    server_->start();
    admin_ = new Browser(testing_support::signed_in_admin(*server_));  // logs auth.login.succeeded
    admin_id_ = testing_support::user_id_of(*server_, testing_support::kTestAdminEmail);
    record(*server_, "admin.order.status_changed", 7,
           {{"from_status", "pendiente"}, {"to_status", "confirmado"}, {"comment", "Auditoria QA <b>"}}, admin_id_);
    record(*server_, "admin.order.status_changed", 8, {{"from_status", "confirmado"}, {"to_status", "preparando"}},
           admin_id_);
    record(*server_, "public.repair.quote_decision", std::nullopt, {{"to_status", "repairing"}});
  }
  static void TearDownTestSuite() {
    delete admin_;
    delete server_;
  }
  static AppServer* server_;
  static Browser* admin_;
  static long long admin_id_;
};
AppServer* AuditViewer::server_ = nullptr;
Browser* AuditViewer::admin_ = nullptr;
long long AuditViewer::admin_id_ = 0;

TEST_F(AuditViewer, ListsEntriesNewestFirstWithReadableMetadata) {
  auto page = admin_->get("/admin/auditoria");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(page.contains("<h1 class=\"page-title\">Auditoría</h1>"));
  EXPECT_TRUE(page.contains("<dt>from_status</dt><dd>pendiente</dd>"));
  EXPECT_TRUE(page.contains("<dt>comment</dt><dd>Auditoria QA &lt;b&gt;</dd>"));  // escaped, never raw HTML
  EXPECT_TRUE(page.contains("href=\"/admin/pedidos/7\">Pedido #7</a>"));
  EXPECT_TRUE(page.contains("Público / sin sesión"));
  EXPECT_TRUE(page.contains("auth.login.succeeded"));
  EXPECT_LT(page.body.find("data-audit-event>public.repair.quote_decision"),
            page.body.find("data-audit-event>admin.order.status_changed"));
}

TEST_F(AuditViewer, FiltersByEventActorSubjectAndDate) {
  auto by_event = admin_->get("/admin/auditoria?event=admin.order.status_changed");
  EXPECT_TRUE(by_event.contains("data-audit-total>2<")) << by_event.body.substr(0, 200);
  EXPECT_FALSE(by_event.contains("data-audit-event>public.repair.quote_decision"));
  EXPECT_TRUE(by_event.contains("<option value=\"admin.order.status_changed\" selected>"));

  auto by_actor = admin_->get("/admin/auditoria?actor=JEFE%40taller");
  EXPECT_FALSE(by_actor.contains("data-audit-event>public.repair.quote_decision"));
  EXPECT_TRUE(by_actor.contains("data-audit-event>admin.order.status_changed"));
  auto by_actor_id = admin_->get("/admin/auditoria?actor=%23" + std::to_string(admin_id_) + "&event=admin.order.status_changed");
  EXPECT_TRUE(by_actor_id.contains("data-audit-total>2<"));

  auto by_subject = admin_->get("/admin/auditoria?subject_type=App%5CModels%5COrder&subject_id=8");
  EXPECT_TRUE(by_subject.contains("data-audit-total>1<"));
  EXPECT_TRUE(by_subject.contains("<dt>to_status</dt><dd>preparando</dd>"));

  auto future = admin_->get("/admin/auditoria?desde=2100-01-01");
  EXPECT_TRUE(future.contains("data-audit-total>0<"));
  EXPECT_TRUE(future.contains("No hay entradas con esos filtros."));
  auto past = admin_->get("/admin/auditoria?hasta=2000-01-01");
  EXPECT_TRUE(past.contains("data-audit-total>0<"));
  auto bad = admin_->get("/admin/auditoria?desde=ayer");
  EXPECT_EQ(bad.status, 200);
  EXPECT_TRUE(bad.contains("La fecha &quot;desde&quot; no es válida."));
}

TEST_F(AuditViewer, PaginatesAndKeepsTheFilters) {
  for (int i = 0; i < 30; ++i) record(*server_, "tests.bulk", i);
  auto first = admin_->get("/admin/auditoria?event=tests.bulk");
  EXPECT_TRUE(first.contains("data-audit-total>30<"));
  EXPECT_TRUE(first.contains("página 1 de 2"));
  EXPECT_TRUE(first.contains("href=\"/admin/auditoria?event=tests.bulk&amp;page=2\""));
  auto second = admin_->get("/admin/auditoria?event=tests.bulk&page=2");
  EXPECT_TRUE(second.contains("página 2 de 2"));
  EXPECT_EQ(testing_support::count_of(second.body, "data-audit-entry="), 5u);
}
