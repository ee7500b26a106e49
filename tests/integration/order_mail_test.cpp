// The order confirmation e-mail end to end: queued by the checkout transaction (outbox), delivered by `nico queue:work`
// over SMTP to a local receiver (UTF-8 subject and body in Spanish); a dead SMTP server means retries, then a failed
// job and an ops alert; MAIL_MAILER=log writes the mail to the application log. Runs on SQLite and MariaDB.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <map>
#include <string>

#include "core/clock.hpp"
#include "core/config.hpp"
#include "db/unit_of_work.hpp"
#include "domain/mail/order_confirmation.hpp"
#include "store_support.hpp"
#include "support/accounts.hpp"
#include "support/app_server.hpp"
#include "support/smtp_receiver.hpp"
#include "support/test_files.hpp"

using testing_support::AppServer;
using testing_support::scalar;
using testing_support::SmtpReceiver;

namespace {

using Env = std::map<std::string, std::string>;

// A port on 127.0.0.1 where nothing listens (bound, then released).
int closed_port() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  close(fd);
  return ntohs(address.sin_port);
}

// A customer with one order of two lines (total $ 12.345), inserted as checkout leaves it.
long long place_order(AppServer& server, const std::string& email) {
  auto sql = server.database().lease();
  std::string now = core::utc_now_sql();
  *sql << "INSERT INTO users (name, last_name, phone, email, password, role, created_at, updated_at) "
          "VALUES ('Ana', 'Pérez', '3415550000', :e, 'x', 'user', :c, :u)",
      soci::use(email), soci::use(now), soci::use(now);
  long long user_id = 0, category_id = 0, cable = 0, charger = 0, order_id = 0;
  // Bound values must outlive the statement (MariaDB binds at execution): no temporaries in soci::use.
  std::string category_slug = "cables-" + email, cable_slug = "cable-" + email, charger_slug = "cargador-" + email;
  *sql << "SELECT id FROM users WHERE email = :e", soci::use(email), soci::into(user_id);
  *sql << "INSERT INTO categories (name, slug, active) VALUES ('Cables', :s, 1)", soci::use(category_slug);
  *sql << "SELECT MAX(id) FROM categories", soci::into(category_id);
  *sql << "INSERT INTO products (category_id, name, slug, price, stock) VALUES (:c, 'Cable USB-C', :s, 300000, 5)",
      soci::use(category_id), soci::use(cable_slug);
  *sql << "SELECT MAX(id) FROM products", soci::into(cable);
  *sql << "INSERT INTO products (category_id, name, slug, price, stock) VALUES (:c, 'Cargador 20W', :s, 634500, 5)",
      soci::use(category_id), soci::use(charger_slug);
  *sql << "SELECT MAX(id) FROM products", soci::into(charger);
  *sql << "INSERT INTO orders (user_id, status, payment_method, total, pickup_name, pickup_phone, stock_deducted_at, "
          "created_at, updated_at) VALUES (:u, 'pendiente', 'transferencia', 1234500, 'Ana Pérez', '3415550000', :a, :b, :c)",
      soci::use(user_id), soci::use(now), soci::use(now), soci::use(now);
  *sql << "SELECT MAX(id) FROM orders", soci::into(order_id);
  *sql << "INSERT INTO order_items (order_id, product_id, product_name, price, quantity, subtotal) "
          "VALUES (:o, :p, 'Cable USB-C', 300000, 2, 600000)",
      soci::use(order_id), soci::use(cable);
  *sql << "INSERT INTO order_items (order_id, product_id, product_name, price, quantity, subtotal) "
          "VALUES (:o, :p, 'Cargador 20W', 634500, 1, 634500)",
      soci::use(order_id), soci::use(charger);
  return order_id;
}

// What the checkout handler writes inside its transaction (outbox), with the server's mail settings.
void queue_confirmation(AppServer& server, const Env& env, long long order_id) {
  auto config = core::Config::from_values(env, server.base_path());
  db::write(server.database(), [&](db::Tx& tx) { mail::queue_order_confirmation(tx, config, order_id); });
}

std::string alert_logs(const AppServer& server) {
  std::string all;
  for (const auto& file : testing_support::entries_with_prefix(server.base_path() / "storage/logs", "ops-alerts-"))
    all += testing_support::read_text(file);
  return all;
}

}  // namespace

TEST(OrderMail, ConfirmationIsQueuedAndDeliveredOverSmtpBytheWorker) {
  SmtpReceiver smtp;
  Env env{{"MAIL_MAILER", "smtp"}, {"MAIL_HOST", "127.0.0.1"}, {"MAIL_PORT", std::to_string(smtp.port())},
          {"MAIL_FROM_ADDRESS", "tienda@example.com"}, {"MAIL_FROM_NAME", "NicoReparaciones"},
          {"MAIL_EHLO_DOMAIN", "tienda.example.com"}, {"APP_URL", "https://tienda.example.com"}};
  AppServer server(env);
  long long order_id = place_order(server, "ana.mail@example.com");
  queue_confirmation(server, env, order_id);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM jobs WHERE payload LIKE '%mail.order_confirmation%'"), 1);
  EXPECT_EQ(smtp.messages().size(), 0u);  // nothing is sent before a worker runs

  auto worked = server.run({"queue:work", "--once"});
  EXPECT_EQ(worked.exit_code, 0) << worked.output;
  ASSERT_EQ(smtp.wait_for(1), 1u) << worked.output;
  auto mail = smtp.messages().front();
  EXPECT_EQ(mail.ehlo, "tienda.example.com");
  EXPECT_EQ(mail.mail_from, "<tienda@example.com>");
  ASSERT_EQ(mail.recipients.size(), 1u);
  EXPECT_EQ(mail.recipients[0], "<ana.mail@example.com>");
  std::string id = std::to_string(order_id);
  EXPECT_EQ(testing_support::decode_header_words(testing_support::mail_header(mail.data, "Subject")),
            "Recibimos tu pedido #" + id + " — NicoReparaciones");
  // Text and HTML alternatives (the order_confirmation template, docs/domain/mails.md).
  EXPECT_EQ(testing_support::mail_header(mail.data, "Content-Type").rfind("multipart/alternative; boundary=", 0), 0u);
  EXPECT_NE(testing_support::mail_part(mail.data, "text/html").find("Total: $ 12.345"), std::string::npos);
  std::string body = testing_support::mail_body_text(mail.data);
  for (const std::string& expected :
       {std::string("Hola Ana,"), std::string("¡Gracias por tu compra! Recibimos tu pedido #" + id),
        std::string("- 2 × Cable USB-C: $ 6.000"), std::string("- 1 × Cargador 20W: $ 6.345"),
        std::string("Total: $ 12.345"), std::string("Pago: Transferencia"),
        std::string("https://tienda.example.com/mis-pedidos/" + id)})
    EXPECT_NE(body.find(expected), std::string::npos) << expected << "\n" << body;
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM jobs"), 0);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM failed_jobs"), 0);
}

TEST(OrderMail, ADeadSmtpServerIsRetriedThenFailsTheJobAndRaisesAnAlert) {
  Env env{{"MAIL_MAILER", "smtp"}, {"MAIL_HOST", "127.0.0.1"}, {"MAIL_PORT", std::to_string(closed_port())}};
  AppServer server(env);
  long long order_id = place_order(server, "ana.dead@example.com");
  queue_confirmation(server, env, order_id);

  auto first = server.run({"queue:work", "--once", "--tries=2", "--backoff=0"});
  EXPECT_EQ(first.exit_code, 0) << first.output;
  EXPECT_EQ(scalar(server, "SELECT attempts FROM jobs"), 1);  // released for a retry
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM failed_jobs"), 0);

  auto second = server.run({"queue:work", "--stop-when-empty", "--tries=2", "--backoff=0"});
  EXPECT_EQ(second.exit_code, 0) << second.output;
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM jobs"), 0);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM failed_jobs WHERE payload LIKE '%mail.order_confirmation%'"), 1);
  std::string alerts = alert_logs(server);
  EXPECT_NE(alerts.find("QueueJobFailed"), std::string::npos) << alerts;
  EXPECT_NE(alerts.find("mail.order_confirmation failed after 2 attempt(s)"), std::string::npos) << alerts;

  // Once the SMTP server is back, `queue:retry all` delivers it.
  SmtpReceiver smtp;
  EXPECT_EQ(server.run({"queue:retry", "all"}).exit_code, 0);
  auto retried = server.run({"queue:work", "--stop-when-empty"}, {{"MAIL_PORT", std::to_string(smtp.port())}});
  EXPECT_EQ(retried.exit_code, 0) << retried.output;
  EXPECT_EQ(smtp.wait_for(1), 1u);
}

TEST(OrderMail, LogMailerWritesTheMessageToTheLogAndArrayQueuesNothing) {
  Env env{{"MAIL_MAILER", "log"}};
  AppServer server(env);
  long long order_id = place_order(server, "ana.log@example.com");
  queue_confirmation(server, env, order_id);
  EXPECT_EQ(server.run({"queue:work", "--stop-when-empty"}).exit_code, 0);
  std::string log = server.log_contents();
  EXPECT_NE(log.find("Mail (log mailer)"), std::string::npos) << log;
  EXPECT_NE(log.find("ana.log@example.com"), std::string::npos);
  EXPECT_NE(log.find("Recibimos tu pedido #" + std::to_string(order_id)), std::string::npos);

  queue_confirmation(server, Env{{"MAIL_MAILER", "array"}}, order_id);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM jobs"), 0);
}

TEST(OrderMail, ACheckoutQueuesItsConfirmationAndTheWorkerDeliversIt) {
  SmtpReceiver smtp;
  AppServer server(Env{{"MAIL_MAILER", "smtp"}, {"MAIL_HOST", "127.0.0.1"}, {"MAIL_PORT", std::to_string(smtp.port())}});
  server.start();
  long long category = store_support::insert_category(server, "Cables", "cables-mail");
  long long product = store_support::insert_product(server, category, {"Cable USB-C reforzado", "cable-mail", 300000, 5});
  auto buyer = testing_support::registered_customer_without_mail(server, "compra.mail@example.com");
  store_support::add_to_cart(buyer, store_support::token_for(buyer), product, "2");
  auto page = buyer.get("/checkout");
  ASSERT_EQ(page.status, 200);
  const std::string marker = "name=\"checkout_token\" value=\"";
  auto at = page.body.find(marker);
  ASSERT_NE(at, std::string::npos);
  std::string checkout_token = page.body.substr(at + marker.size(), page.body.find('"', at + marker.size()) - at - marker.size());
  auto confirmed = buyer.post("/checkout/confirmar", {{"_token", store_support::token_for(buyer)},
                                                      {"payment_method", "local"},
                                                      {"checkout_token", checkout_token}});
  ASSERT_EQ(confirmed.status, 302);
  long long order_id = scalar(server, "SELECT MAX(id) FROM orders");
  EXPECT_NE(confirmed.header("location").find("/pedido/" + std::to_string(order_id)), std::string::npos);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM jobs WHERE payload LIKE '%mail.order_confirmation%'"), 1);

  auto worked = server.run({"queue:work", "--stop-when-empty"});
  EXPECT_EQ(worked.exit_code, 0) << worked.output;
  ASSERT_EQ(smtp.wait_for(1), 1u);
  auto mail = smtp.messages().front();
  EXPECT_EQ(mail.recipients.at(0), "<compra.mail@example.com>");
  EXPECT_NE(testing_support::decode_header_words(testing_support::mail_header(mail.data, "Subject"))
                .find("Recibimos tu pedido #" + std::to_string(order_id)),
            std::string::npos);
  EXPECT_NE(testing_support::mail_body_text(mail.data).find("- 2 × Cable USB-C reforzado: $ 6.000"), std::string::npos);
}
