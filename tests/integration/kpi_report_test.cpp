// The KPI report end to end (docs/domain/alerts.md): figures of the last 7 whole days against the 7 before, checked
// against values computed by hand from a seeded shop; the mail (text, HTML, CSV attachment with the exports' rules)
// through the queue to a local SMTP receiver; the settings page /admin/configuracion/reportes with "Enviar ahora",
// the last run there and in the health check; the weekly task run once by two schedulers.
// Runs on SQLite, MariaDB and PostgreSQL.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <thread>

#include "alerts_support.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "support/accounts.hpp"
#include "support/app_server.hpp"
#include "support/browser.hpp"
#include "support/smtp_receiver.hpp"
#include "support/test_files.hpp"

using namespace alerts_support;
using testing_support::scalar;
using testing_support::SmtpReceiver;

namespace {

using Env = std::map<std::string, std::string>;

Env mail_env(const SmtpReceiver& smtp, Env more = {}) {
  Env env{{"MAIL_MAILER", "smtp"}, {"MAIL_HOST", "127.0.0.1"}, {"MAIL_PORT", std::to_string(smtp.port())},
          {"MAIL_FROM_ADDRESS", "tienda@example.com"}, {"APP_URL", "https://tienda.example.com"}};
  for (auto& [key, value] : more) env[key] = value;
  return env;
}

bool has(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

// The attachment's bytes exactly as sent (the receiver's mail_part turns CRLF into LF for text assertions).
std::string raw_attachment(const std::string& data) {
  auto at = data.find("Content-Disposition: attachment;");
  if (at == std::string::npos) return {};
  auto start = data.find("\r\n\r\n", at) + 4;
  auto end = data.find("\r\n--", start);
  std::string compact;
  for (char c : data.substr(start, end - start))
    if (c != '\r' && c != '\n') compact += c;
  return core::base64_decode(compact);
}

// A repair received and (when delivered_hours >= 0) delivered that many hours ago.
void add_repair_timed(AppServer& server, int received_hours, int delivered_hours) {
  std::string received = hours_ago(received_hours);
  std::string status = delivered_hours >= 0 ? "delivered" : "repairing";
  auto sql = server.database().lease();
  long long id = 0;
  *sql << "SELECT COUNT(*) FROM repairs", soci::into(id);
  std::string code = "R-TEST-" + std::to_string(id + 1);
  if (delivered_hours >= 0) {
    std::string delivered = hours_ago(delivered_hours);
    *sql << "INSERT INTO repairs (code, customer_name, customer_phone, issue_reported, status, received_at, "
            "delivered_at, created_at, updated_at) VALUES (:c, 'Cliente', '3415550000', 'Pantalla', :s, :r, :d, :a, :u)",
        soci::use(code), soci::use(status), soci::use(received), soci::use(delivered), soci::use(received),
        soci::use(delivered);
  } else {
    *sql << "INSERT INTO repairs (code, customer_name, customer_phone, issue_reported, status, received_at, "
            "created_at, updated_at) VALUES (:c, 'Cliente', '3415550000', 'Pantalla', :s, :r, :a, :u)",
        soci::use(code), soci::use(status), soci::use(received), soci::use(received), soci::use(received);
  }
}

void add_quote_decision(AppServer& server, const std::string& to_status, int hours) {
  long long repair = add_repair(server, "R-Q-" + to_status + std::to_string(hours), "Cliente", to_status, hours + 1);
  std::string at = hours_ago(hours);
  auto sql = server.database().lease();
  *sql << "INSERT INTO repair_status_histories (repair_id, from_status, to_status, changed_at) "
          "VALUES (:r, 'waiting_approval', :s, :c)",
      soci::use(repair), soci::use(to_status), soci::use(at);
}

// The data set of the hand-computed figures below (hours ago; the current range is the 7 whole local days before
// today, the previous one the 7 before those).
void seed_kpi_shop(AppServer& server) {
  long long a = add_product(server, "Cable USB-C", 10), b = add_product(server, "Cargador 20W", 10),
            c = add_product(server, "Funda; \"A52\"", 10);
  // Current range: delivered 1.000 + 500, one cancelled, one pending.
  long long o1 = add_order(server, "entregado", "Ana", 72, 100000);
  add_item(server, o1, a, "Cable USB-C", 2, 60000);
  add_item(server, o1, b, "Cargador 20W", 1, 40000);
  long long o2 = add_order(server, "entregado", "Beto", 96, 50000);
  add_item(server, o2, a, "Cable USB-C", 1, 50000);
  long long o3 = add_order(server, "cancelado", "Carla", 72, 30000);
  add_item(server, o3, b, "Cargador 20W", 5, 30000);
  long long o4 = add_order(server, "pendiente", "Dani", 48, 20000);
  add_item(server, o4, c, "Funda; \"A52\"", 1, 20000);
  add_order(server, "entregado", "Hoy", 0, 999900);  // today: in no range
  // Previous range: delivered 1.000, one pending.
  long long p1 = add_order(server, "entregado", "Eva", 240, 100000);
  add_item(server, p1, a, "Cable USB-C", 1, 100000);
  long long p2 = add_order(server, "pendiente", "Fede", 264, 10000);
  add_item(server, p2, b, "Cargador 20W", 1, 10000);
  add_order(server, "entregado", "Viejo", 24 * 20, 777700);  // 20 days ago: in no range
  // Repairs: current 3 received, 2 delivered after 48 h and 20 h; previous 1 received, delivered after 24 h.
  add_repair_timed(server, 120, 72);
  add_repair_timed(server, 100, 80);
  add_repair_timed(server, 96, -1);
  add_repair_timed(server, 240, 216);
  // Quotes: current 1 approved, 1 rejected; previous 1 approved.
  add_quote_decision(server, "repairing", 72);
  add_quote_decision(server, "cancelled", 50);
  add_quote_decision(server, "repairing", 216);
  // Counter sales: current 300 + 200 and one voided 900; previous 250.
  auto sale = [&](const std::string& status, int hours, long long total) {
    std::string at = hours_ago(hours);
    server.database().lease()->once
        << "INSERT INTO counter_sales (payment_method, subtotal, total, status, created_at) "
           "VALUES ('efectivo', :s, :t, :st, :c)",
        soci::use(total), soci::use(total), soci::use(status), soci::use(at);
  };
  sale("completed", 30, 30000);
  sale("completed", 60, 20000);
  sale("voided", 61, 90000);
  sale("completed", 200, 25000);
}

}  // namespace

TEST(KpiReport, FiguresMatchTheHandComputedValuesWithTheirChange) {
  AppServer server;
  seed_kpi_shop(server);
  auto printed = server.run({"reports:kpi", "--range=7"});
  ASSERT_EQ(printed.exit_code, 0) << printed.output;
  const std::string& out = printed.output;
  // The quote fixtures add repairs too (received 97 h, 75 h and 241 h ago): 3 + 2 current, 1 + 1 previous.
  for (const std::string& line :
       {std::string("- Ventas entregadas: $ 1.500 (antes $ 1.000, +50 %)"),
        std::string("- Pedidos: 4 (antes 2, +100 %)"),
        std::string("- Ticket promedio: $ 750 (antes $ 1.000, −25 %)"),
        std::string("- Reparaciones recibidas: 5 (antes 2, +150 %)"),
        std::string("- Reparaciones entregadas: 2 (antes 1, +100 %)"),
        std::string("- Tiempo promedio de reparación: 34 h (antes 24 h, +42 %)"),
        std::string("- Presupuestos aprobados: 1 (antes 1, 0 %)"),
        std::string("- Presupuestos rechazados: 1 (antes 0, sin datos previos)"),
        std::string("- Ventas en mostrador: $ 500 (antes $ 250, +100 %)"),
        std::string("- Ventas en mostrador (cantidad): 2 (antes 1, +100 %)"),
        std::string("- Cable USB-C: 3 u., $ 1.100 (antes 1 u., +200 %)"),
        std::string("- Cargador 20W: 1 u., $ 400 (antes 1 u., 0 %)"),
        std::string("- Funda; \"A52\": 1 u., $ 200 (antes 0 u., sin datos previos)")})
    EXPECT_TRUE(has(out, line)) << line << "\n" << out;
  EXPECT_LT(out.find("Cargador 20W: 1 u."), out.find("Funda; \"A52\": 1 u.")) << out;  // same units: revenue first
  EXPECT_EQ(server.run({"reports:kpi", "--range=14"}).exit_code, 2);
}

TEST(KpiReport, SendMailsTheReportWithTheCsvAttached) {
  SmtpReceiver smtp;
  AppServer server(mail_env(smtp));
  seed_kpi_shop(server);
  auto sent = server.run({"reports:kpi", "--send", "--to=duenio@example.com,socio@example.com"});
  ASSERT_EQ(sent.exit_code, 0) << sent.output;
  EXPECT_TRUE(has(sent.output, "queued: Enviado a duenio@example.com, socio@example.com")) << sent.output;
  ASSERT_EQ(server.run({"queue:work", "--stop-when-empty"}).exit_code, 0);
  ASSERT_EQ(smtp.wait_for(2), 2u);
  auto mail = smtp.messages().front();
  EXPECT_EQ(mail.recipients[0], "<duenio@example.com>");
  EXPECT_EQ(testing_support::mail_header(mail.data, "Content-Type").rfind("multipart/mixed; boundary=", 0), 0u);
  std::string subject = testing_support::decode_header_words(testing_support::mail_header(mail.data, "Subject"));
  EXPECT_EQ(subject.rfind("Reporte de indicadores del ", 0), 0u) << subject;
  EXPECT_TRUE(has(testing_support::mail_body_text(mail.data), "- Ventas entregadas: $ 1.500 (antes $ 1.000, +50 %)"));
  std::string html = testing_support::mail_part(mail.data, "text/html");
  EXPECT_TRUE(has(html, "<tr data-kpi=\"delivered_sales\"><td>Ventas entregadas</td><td align=\"right\">$ 1.500</td>"))
      << html;
  EXPECT_TRUE(has(html, "Funda; &quot;A52&quot;")) << html;
  EXPECT_TRUE(has(mail.data, "Content-Disposition: attachment; filename=\"kpi-")) << mail.data.substr(0, 2000);
  EXPECT_TRUE(has(testing_support::mail_part(mail.data, "text/csv"), "Ventas entregadas"));
  std::string csv = raw_attachment(mail.data);
  ASSERT_FALSE(csv.empty());
  EXPECT_EQ(csv.rfind("\xEF\xBB\xBF" "Sección;Indicador;Desde;Hasta;Actual;Anterior;Variación %\r\n", 0), 0u) << csv;
  EXPECT_TRUE(has(csv, ";1500;1000;50\r\n")) << csv;    // amounts as the exports write them (no $ nor dots)
  EXPECT_TRUE(has(csv, "Ticket promedio;")) << csv;
  EXPECT_TRUE(has(csv, ";750;1000;-25\r\n")) << csv;
  EXPECT_TRUE(has(csv, "Presupuestos rechazados;")) << csv;
  EXPECT_TRUE(has(csv, ";1;0;\r\n")) << csv;            // no previous value: empty change
  EXPECT_TRUE(has(csv, "\"Funda; \"\"A52\"\"\"")) << csv;  // RFC 4180 quoting of the separator and quotes
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM kpi_report_runs WHERE outcome = 'queued' AND source = 'command'"), 1);
}

TEST(KpiReport, SettingsPageSavesTheScheduleAndEnviarAhoraSendsAndShowsTheLastRun) {
  SmtpReceiver smtp;
  AppServer server(mail_env(smtp));
  server.start();
  auto admin = testing_support::signed_in_admin(server);
  auto page = admin.get("/admin/configuracion/reportes");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(page.contains("Todavía no se envió ningún reporte.")) << page.body;
  EXPECT_TRUE(page.contains("<option value=\"1\" selected>Lunes</option>")) << page.body;

  auto bad = admin.submit("/admin/configuracion/reportes", "/admin/configuracion/reportes",
                          {{"enabled", "1"}, {"weekday", "5"}, {"time", "25:00"}, {"range", "30"}, {"recipients", ""}});
  EXPECT_EQ(bad.status, 302);
  EXPECT_TRUE(admin.follow(bad).contains("Ingresá la hora como HH:MM (por ejemplo 08:30).")) ;
  auto wrong_mail = admin.submit("/admin/configuracion/reportes", "/admin/configuracion/reportes",
                                 {{"weekday", "5"}, {"time", "18:00"}, {"range", "30"}, {"recipients", "dueño@, x"}});
  EXPECT_TRUE(admin.follow(wrong_mail).contains("no es un e-mail válido"));

  auto saved = admin.submit("/admin/configuracion/reportes", "/admin/configuracion/reportes",
                            {{"enabled", "1"}, {"weekday", "5"}, {"time", "18:00"}, {"range", "30"},
                             {"recipients", "duenio@example.com; socio@example.com"}});
  ASSERT_EQ(saved.status, 302);
  auto after = admin.follow(saved);
  EXPECT_TRUE(after.contains("Reporte guardado. El próximo se envía el viernes a las 18:00.")) << after.body;
  EXPECT_TRUE(after.contains("<option value=\"5\" selected>Viernes</option>"));
  EXPECT_TRUE(after.contains("<option value=\"30\" selected>Últimos 30 días</option>"));
  EXPECT_TRUE(after.contains("value=\"duenio@example.com, socio@example.com\""));

  auto now = admin.submit("/admin/configuracion/reportes", "/admin/configuracion/reportes/enviar", {});
  ASSERT_EQ(now.status, 302);
  auto shown = admin.follow(now);
  EXPECT_TRUE(shown.contains("Reporte en camino. Enviado a duenio@example.com, socio@example.com.")) << shown.body;
  EXPECT_TRUE(shown.contains("data-report-outcome=\"queued\">Enviado</span>")) << shown.body;
  EXPECT_TRUE(shown.contains("Enviar ahora · últimos 30 días")) << shown.body;
  ASSERT_EQ(server.run({"queue:work", "--stop-when-empty"}).exit_code, 0);
  ASSERT_EQ(smtp.wait_for(2), 2u);
  EXPECT_EQ(smtp.messages()[1].recipients[0], "<socio@example.com>");
  EXPECT_TRUE(has(testing_support::mail_body_text(smtp.messages()[0].data), "(30 días)"));

  auto health = server.run({"ops:health-check"});
  EXPECT_TRUE(has(health.output, "| OK     | KPI report")) << health.output;
  EXPECT_TRUE(has(health.output, "manual; weekly, day 5 at 18:00")) << health.output;
}

TEST(KpiReport, AFailedRunIsShownAndWarnsInTheHealthCheck) {
  AppServer server;
  {
    auto sql = server.database().lease();
    *sql << "INSERT INTO kpi_report_runs (range_days, source, outcome, detail, created_at) "
            "VALUES (7, 'scheduled', 'failed', 'Error: SMTP caído', '2026-12-07 11:30:00')";
  }
  auto health = server.run({"ops:health-check"});
  EXPECT_TRUE(has(health.output, "| WARN   | KPI report")) << health.output;
  server.start();
  auto admin = testing_support::signed_in_admin(server);
  auto page = admin.get("/admin/configuracion/reportes");
  EXPECT_TRUE(page.contains("data-report-outcome=\"failed\">Falló</span>")) << page.body;
  EXPECT_TRUE(page.contains("Error: SMTP caído"));
}

TEST(KpiReport, TwoSchedulersOnTheConfiguredDayAndTimeSendItOnce) {
  SmtpReceiver smtp;
  AppServer server(mail_env(smtp));
  {
    auto sql = server.database().lease();
    // 2026-12-09 is a Wednesday (ISO 3).
    *sql << "INSERT INTO business_settings (\"key\", value) VALUES ('kpi_report_day', '3')";
    *sql << "INSERT INTO business_settings (\"key\", value) VALUES ('kpi_report_time', '09:15')";
    *sql << "INSERT INTO business_settings (\"key\", value) VALUES ('kpi_report_recipients', 'duenio@example.com')";
  }
  EXPECT_EQ(server.run({"schedule:run", "--now=2026-12-08 09:15"}).output.find("kpi-report"), std::string::npos);
  testing_support::CommandResult first, second;
  std::thread a([&] { first = server.run({"schedule:run", "--now=2026-12-09 09:15"}); });
  std::thread b([&] { second = server.run({"schedule:run", "--now=2026-12-09 09:15"}); });
  a.join();
  b.join();
  std::string both = first.output + second.output;
  EXPECT_EQ(testing_support::count_of(both, "Running [kpi-report] nico reports:kpi --scheduled"), 1u) << both;
  ASSERT_EQ(server.run({"queue:work", "--stop-when-empty"}).exit_code, 0);
  EXPECT_EQ(smtp.wait_for(1), 1u);
  EXPECT_EQ(smtp.wait_for(2, 300), 1u);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM kpi_report_runs WHERE source = 'scheduled'"), 1);
}
