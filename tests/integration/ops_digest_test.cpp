// The operational digest end to end (docs/domain/alerts.md): `nico ops:digest` on a seeded shop lists each kind of
// item; `--send` queues one HTML + text mail per recipient, delivered by the queue worker to a local SMTP receiver;
// the same list is not mailed twice and a new stale repair mails again; the scheduler sends it once per cluster.
// Runs on SQLite, MariaDB and PostgreSQL.
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <string>
#include <thread>

#include "core/clock.hpp"
#include "support/accounts.hpp"
#include "support/app_server.hpp"
#include "support/smtp_receiver.hpp"
#include "support/test_files.hpp"
#include "alerts_support.hpp"

using testing_support::AppServer;
using testing_support::scalar;
using testing_support::SmtpReceiver;
using namespace alerts_support;

namespace {

using Env = std::map<std::string, std::string>;

Env mail_env(const SmtpReceiver& smtp, Env more = {}) {
  Env env{{"MAIL_MAILER", "smtp"}, {"MAIL_HOST", "127.0.0.1"}, {"MAIL_PORT", std::to_string(smtp.port())},
          {"MAIL_FROM_ADDRESS", "tienda@example.com"}, {"APP_URL", "https://tienda.example.com"},
          {"OPS_STALE_REPAIR_DAYS", "7"}, {"STORE_LOW_STOCK_THRESHOLD", "3"}};
  for (auto& [key, value] : more) env[key] = value;
  return env;
}

struct Seeded {
  long long stale_repair, fresh_repair, quote, ready_repair, ready_repair_notified;
  long long late_order, new_order, ready_order;
  long long empty_product, low_product, plenty_product;
};

// One item of each kind, and one near miss next to each.
Seeded seed(AppServer& server) {
  Seeded s{};
  s.stale_repair = add_repair(server, "R-20261120-00001", "Ana <b>Pérez</b>", "repairing", 9 * 24);
  s.fresh_repair = add_repair(server, "R-20261205-00002", "Beto Gómez", "repairing", 2 * 24);
  s.quote = add_repair(server, "R-20261201-00003", "Carla Díaz", "waiting_approval", 72);
  s.ready_repair = add_repair(server, "R-20261201-00004", "Dani Ruiz", "ready_pickup", 5);
  s.ready_repair_notified = add_repair(server, "R-20261201-00005", "Eva Sosa", "ready_pickup", 5);
  {
    auto sql = server.database().lease();
    std::string now = core::utc_now_sql();  // bound values must outlive the statement (MariaDB binds at execution)
    *sql << "INSERT INTO repair_whatsapp_logs (repair_id, notified_status, sent_at) VALUES (:r, 'ready_pickup', :t)",
        soci::use(s.ready_repair_notified), soci::use(now);
  }
  s.late_order = add_order(server, "pendiente", "Fede Luna", 72);
  s.new_order = add_order(server, "pendiente", "Gabi Paz", 2);
  s.ready_order = add_order(server, "listo_retirar", "Hugo Ríos", 10);
  s.empty_product = add_product(server, "Funda sin stock", 0);
  s.low_product = add_product(server, "Cable casi agotado", 2);
  s.plenty_product = add_product(server, "Vidrio templado", 10);
  return s;
}

bool has(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

}  // namespace

TEST(OpsDigest, ListsEveryKindOfItemOnASeededShopAndNothingElse) {
  SmtpReceiver smtp;
  AppServer server(mail_env(smtp));
  auto s = seed(server);
  auto json = server.run({"ops:digest", "--json"});
  ASSERT_EQ(json.exit_code, 0) << json.output;
  for (const std::string& key :
       {"stale_repair:" + std::to_string(s.stale_repair), "pending_order:" + std::to_string(s.late_order),
        "waiting_quote:" + std::to_string(s.quote), "low_stock:" + std::to_string(s.empty_product),
        "low_stock:" + std::to_string(s.low_product), "repair_whatsapp:" + std::to_string(s.ready_repair),
        "order_whatsapp:" + std::to_string(s.ready_order)})
    EXPECT_TRUE(has(json.output, "\"key\":\"" + key + "\"")) << key << "\n" << json.output;
  for (const std::string& key :
       {"stale_repair:" + std::to_string(s.fresh_repair), "pending_order:" + std::to_string(s.new_order),
        "low_stock:" + std::to_string(s.plenty_product), "repair_whatsapp:" + std::to_string(s.ready_repair_notified),
        "stale_repair:" + std::to_string(s.quote)})
    EXPECT_FALSE(has(json.output, "\"key\":\"" + key + "\"")) << key << "\n" << json.output;
  EXPECT_TRUE(has(json.output, "\"total\":7")) << json.output;

  auto text = server.run({"ops:digest"});
  EXPECT_EQ(text.exit_code, 0) << text.output;
  EXPECT_TRUE(has(text.output, "Reparaciones demoradas (1)")) << text.output;
  EXPECT_TRUE(has(text.output, "Sin cambios de estado hace 9 días (En reparación)")) << text.output;
  EXPECT_TRUE(has(text.output, "https://tienda.example.com/admin/pedidos/" + std::to_string(s.late_order)))
      << text.output;
  EXPECT_TRUE(has(text.output, "Funda sin stock: Sin stock")) << text.output;
  EXPECT_TRUE(has(text.output, "Cable casi agotado: Quedan 2 unidades")) << text.output;
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM jobs"), 0);  // printing sends nothing
}

TEST(OpsDigest, SendMailsTheAdminsHtmlAndTextWithLinksAndEscapedNames) {
  SmtpReceiver smtp;
  AppServer server(mail_env(smtp));
  testing_support::create_test_admin(server);
  auto s = seed(server);
  auto sent = server.run({"ops:digest", "--send"});
  ASSERT_EQ(sent.exit_code, 0) << sent.output;
  EXPECT_TRUE(has(sent.output, "Digest queued for 1 recipient(s).")) << sent.output;
  EXPECT_EQ(smtp.messages().size(), 0u);  // through the queue
  auto worked = server.run({"queue:work", "--stop-when-empty"});
  ASSERT_EQ(worked.exit_code, 0) << worked.output;
  ASSERT_EQ(smtp.wait_for(1), 1u) << worked.output;
  auto mail = smtp.messages().front();
  ASSERT_EQ(mail.recipients.size(), 1u);
  EXPECT_EQ(mail.recipients[0], "<" + testing_support::kTestAdminEmail + ">");
  std::string subject = testing_support::decode_header_words(testing_support::mail_header(mail.data, "Subject"));
  EXPECT_EQ(subject.rfind("Resumen operativo: 7 pendientes — ", 0), 0u) << subject;
  std::string text = testing_support::mail_body_text(mail.data);
  std::string html = testing_support::mail_part(mail.data, "text/html");
  EXPECT_TRUE(has(text, "Reparación R-20261120-00001 — Ana <b>Pérez</b> (Samsung A52)")) << text;
  EXPECT_TRUE(has(text, "https://tienda.example.com/admin/reparaciones/" + std::to_string(s.stale_repair))) << text;
  EXPECT_TRUE(has(text, "Presupuestos esperando respuesta hace más de 48 horas (1)")) << text;
  EXPECT_TRUE(has(text, "Pedidos listos sin WhatsApp enviado (1)\n- Pedido #" + std::to_string(s.ready_order) +
                            " — Hugo Ríos: Listo para retirar y el cliente no recibió el WhatsApp")) << text;
  EXPECT_TRUE(has(html, "<a href=\"https://tienda.example.com/admin/reparaciones/" + std::to_string(s.stale_repair) +
                            "\">Reparación R-20261120-00001 — Ana &lt;b&gt;Pérez&lt;/b&gt; (Samsung A52)</a>"))
      << html;
  EXPECT_FALSE(has(html, "<b>Pérez</b>")) << html;
  EXPECT_TRUE(has(html, "https://tienda.example.com/admin/productos/" + std::to_string(s.low_product) + "/editar"))
      << html;
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM ops_digest_runs"), 1);
}

TEST(OpsDigest, TheSameListIsNotMailedTwiceButANewStaleRepairIs) {
  SmtpReceiver smtp;
  AppServer server(mail_env(smtp, {{"OPS_DIGEST_RECIPIENTS", "duenio@example.com"}}));
  seed(server);
  ASSERT_EQ(server.run({"ops:digest", "--send"}).exit_code, 0);
  auto again = server.run({"ops:digest", "--send"});
  EXPECT_EQ(again.exit_code, 0) << again.output;
  EXPECT_TRUE(has(again.output, "No new items since the last digest mailed: not sent again.")) << again.output;
  ASSERT_EQ(server.run({"queue:work", "--stop-when-empty"}).exit_code, 0);
  EXPECT_EQ(smtp.wait_for(1), 1u);
  EXPECT_EQ(smtp.wait_for(2, 300), 1u);  // nothing else on its way

  // A product sold out since then is not new (same item); a repair that just went stale is.
  {
    auto sql = server.database().lease();
    *sql << "UPDATE products SET stock = 1 WHERE stock = 2";
  }
  EXPECT_TRUE(has(server.run({"ops:digest", "--send"}).output, "not sent again"));
  long long newly_stale = add_repair(server, "R-20261125-00009", "Iván Soto", "diagnosing", 8 * 24);
  auto third = server.run({"ops:digest", "--send"});
  EXPECT_TRUE(has(third.output, "Digest queued for 1 recipient(s).")) << third.output;
  ASSERT_EQ(server.run({"queue:work", "--stop-when-empty"}).exit_code, 0);
  ASSERT_EQ(smtp.wait_for(2), 2u);
  auto mail = smtp.messages().back();
  EXPECT_EQ(mail.recipients[0], "<duenio@example.com>");
  EXPECT_TRUE(has(testing_support::mail_body_text(mail.data),
                  "https://tienda.example.com/admin/reparaciones/" + std::to_string(newly_stale)));
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM ops_digest_runs"), 2);
}

TEST(OpsDigest, AnEmptyDigestIsNotMailed) {
  SmtpReceiver smtp;
  AppServer server(mail_env(smtp, {{"OPS_DIGEST_RECIPIENTS", "duenio@example.com"}}));
  auto sent = server.run({"ops:digest", "--send"});
  EXPECT_EQ(sent.exit_code, 0) << sent.output;
  EXPECT_TRUE(has(sent.output, "Nothing to report: no digest mailed.")) << sent.output;
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM jobs"), 0);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM ops_digest_runs"), 0);
}

TEST(OpsDigest, TwoSchedulersAtTheDigestTimeMailItOnce) {
  SmtpReceiver smtp;
  AppServer server(mail_env(smtp, {{"OPS_DIGEST_RECIPIENTS", "duenio@example.com"}, {"OPS_DIGEST_TIME", "08:30"}}));
  seed(server);
  testing_support::CommandResult first, second;
  std::thread a([&] { first = server.run({"schedule:run", "--now=2026-12-07 08:30"}); });
  std::thread b([&] { second = server.run({"schedule:run", "--now=2026-12-07 08:30"}); });
  a.join();
  b.join();
  EXPECT_EQ(first.exit_code, 0) << first.output;
  EXPECT_EQ(second.exit_code, 0) << second.output;
  std::string both = first.output + second.output;
  EXPECT_EQ(testing_support::count_of(both, "Running [ops-digest] nico ops:digest --send"), 1u) << both;
  ASSERT_EQ(server.run({"queue:work", "--stop-when-empty"}).exit_code, 0);
  EXPECT_EQ(smtp.wait_for(1), 1u);
  EXPECT_EQ(smtp.wait_for(2, 300), 1u);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM ops_digest_runs"), 1);
}

TEST(OpsDigest, OneLowStockThresholdForTheDashboardAndTheProductsFilter) {
  AppServer server(Env{{"STORE_LOW_STOCK_THRESHOLD", "5"}});
  server.start();
  auto admin = testing_support::signed_in_admin(server);
  add_product(server, "Cuatro unidades", 4);
  add_product(server, "Seis unidades", 6);
  auto dashboard = admin.get("/admin");
  EXPECT_TRUE(dashboard.contains("Productos con stock ≤ 5")) << dashboard.body;
  EXPECT_TRUE(dashboard.contains("data-kpi=\"low_stock_total\">1<")) << dashboard.body;
  auto filtered = admin.get("/admin/productos?stock=low");
  EXPECT_TRUE(filtered.contains("Stock bajo (≤ 5)")) << filtered.body;
  EXPECT_TRUE(filtered.contains("Cuatro unidades"));
  EXPECT_FALSE(filtered.contains("Seis unidades"));
}

TEST(OpsDigest, FailuresReachTheOpsAlertsThroughTheExistingMonitor) {
  // A dead SMTP server: the queue retries, then the job fails and the queue worker's monitor raises the alert.
  AppServer server(Env{{"MAIL_MAILER", "smtp"}, {"MAIL_HOST", "127.0.0.1"}, {"MAIL_PORT", "1"},
                       {"OPS_DIGEST_RECIPIENTS", "duenio@example.com"}, {"OPS_DIGEST_TIME", "08:30"}});
  seed(server);
  ASSERT_EQ(server.run({"ops:digest", "--send"}).exit_code, 0);
  server.run({"queue:work", "--stop-when-empty", "--tries=1"});
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM failed_jobs WHERE payload LIKE '%mail.prepared%'"), 1);
  // A digest that cannot be recorded: the scheduled task fails and raises the scheduler's alert.
  add_repair(server, "R-20261125-00010", "Nueva demora", "diagnosing", 8 * 24);
  {
    auto sql = server.database().lease();
    *sql << "DROP TABLE ops_digest_runs";
  }
  auto run = server.run({"schedule:run", "--now=2026-12-07 08:30"});
  EXPECT_EQ(run.exit_code, 1) << run.output;
  std::string log;
  for (const auto& file : testing_support::entries_with_prefix(server.base_path() / "storage/logs", "ops-alerts-"))
    log += testing_support::read_text(file);
  EXPECT_TRUE(has(log, "Unhandled exception: QueueJobFailed")) << log;
  EXPECT_TRUE(has(log, "Unhandled exception: ScheduledTaskFailed")) << log;
  EXPECT_TRUE(has(log, "\"file\":\"schedule ops-digest\"")) << log;
}
