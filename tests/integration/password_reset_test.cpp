// Password reset ("¿Olvidaste tu contraseña?") as a customer and the shop would notice it: the mail arrives through
// the queue at a local SMTP receiver with a working link, the link works once, expired and unknown links change
// nothing, unknown addresses get the same answer and no mail, both limiters hold, every other session ends.
// Runs on SQLite, MariaDB and PostgreSQL (scripts/with-mariadb.sh / with-postgres.sh).
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "core/crypto.hpp"
#include "support/accounts.hpp"
#include "support/app_server.hpp"
#include "support/browser.hpp"
#include "support/smtp_receiver.hpp"
#include "support/test_files.hpp"

using testing_support::AppServer;
using testing_support::Browser;
using testing_support::scalar;
using testing_support::SmtpReceiver;
using testing_support::visible_text;

namespace {

const std::string kNeutral = "Si el email está registrado, te enviamos un enlace para restablecer la contraseña.";
const std::string kLinkPrefix = "https://tienda.example.com/restablecer-contrasena/";

std::map<std::string, std::string> mail_env(const SmtpReceiver& smtp) {
  return {{"MAIL_MAILER", "smtp"},
          {"MAIL_HOST", "127.0.0.1"},
          {"MAIL_PORT", std::to_string(smtp.port())},
          {"MAIL_FROM_ADDRESS", "tienda@example.com"},
          {"APP_URL", "https://tienda.example.com"}};
}

// A guest asks for a link from the form; returns the answer after the redirect.
testing_support::HttpResponse ask_for_link(AppServer& server, const std::string& email) {
  Browser guest(server.base_url());
  auto posted = guest.submit("/recuperar-contrasena", "/recuperar-contrasena", {{"email", email}});
  EXPECT_EQ(posted.status, 302) << posted.body;
  return guest.follow(posted);
}

void run_worker(AppServer& server) {
  auto worked = server.run({"queue:work", "--stop-when-empty"});
  EXPECT_EQ(worked.exit_code, 0) << worked.output;
}

// The path of the link in a reset mail ("" when the body has none).
std::string link_path(const testing_support::ReceivedMail& mail) {
  std::string body = testing_support::mail_body_text(mail.data);
  auto at = body.find(kLinkPrefix);
  if (at == std::string::npos) return "";
  auto end = body.find_first_of(" \r\n", at);
  return "/restablecer-contrasena/" + body.substr(at + kLinkPrefix.size(), end - at - kLinkPrefix.size());
}

// Asks for a link for `email`, runs the worker and returns the link's path from the mail that arrived.
std::string mailed_link(AppServer& server, SmtpReceiver& smtp, const std::string& email) {
  std::size_t before = smtp.messages().size();
  EXPECT_NE(visible_text(ask_for_link(server, email).body).find(kNeutral), std::string::npos);
  run_worker(server);
  EXPECT_EQ(smtp.wait_for(before + 1), before + 1);
  auto messages = smtp.messages();
  if (messages.size() <= before) return "";
  return link_path(messages.back());
}

testing_support::HttpResponse choose_password(Browser& browser, const std::string& path, const std::string& password,
                                              const std::string& confirmation) {
  return browser.submit(path, path, {{"password", password}, {"password_confirmation", confirmation}});
}

bool signs_in(AppServer& server, const std::string& email, const std::string& password) {
  Browser browser(server.base_url());
  auto answer = browser.submit("/login", "/login", {{"email", email}, {"password", password}});
  return answer.status == 302 && answer.header("location").find("/login") == std::string::npos;
}

}  // namespace

TEST(PasswordReset, TheLoginPageOffersTheForgottenPasswordLink) {
  AppServer server;
  server.start();
  Browser guest(server.base_url());
  auto login = guest.get("/login");
  ASSERT_EQ(login.status, 200);
  EXPECT_TRUE(login.contains("href=\"/recuperar-contrasena\">¿Olvidaste tu contraseña?</a>"));
  auto form = guest.get("/recuperar-contrasena");
  EXPECT_EQ(form.status, 200);
  EXPECT_NE(visible_text(form.body).find("Recuperar contraseña"), std::string::npos);
}

TEST(PasswordReset, TheMailedLinkSetsANewPasswordOnceAndEndsEverySession) {
  SmtpReceiver smtp;
  AppServer server(mail_env(smtp));
  server.start();
  const std::string email = "olvido@example.com";
  Browser phone = testing_support::registered_customer_without_mail(server, email, "vieja-clave-larga-1");
  Browser laptop(server.base_url());
  auto remembered = laptop.submit("/login", "/login", {{"email", email}, {"password", "vieja-clave-larga-1"},
                                                       {"remember", "1"}});
  ASSERT_EQ(remembered.status, 302);
  ASSERT_EQ(phone.get("/mi-cuenta").status, 200);
  ASSERT_EQ(laptop.get("/mi-cuenta").status, 200);

  std::string path = mailed_link(server, smtp, email);
  ASSERT_FALSE(path.empty());
  auto mail = smtp.messages().back();
  EXPECT_EQ(mail.recipients.at(0), "<" + email + ">");
  EXPECT_NE(testing_support::decode_header_words(testing_support::mail_header(mail.data, "Subject"))
                .find("Restablecé tu contraseña"),
            std::string::npos);
  EXPECT_NE(testing_support::mail_body_text(mail.data).find("vence en 60 minutos"), std::string::npos);
  // Only the hash is stored; the job row is gone once delivered.
  std::string token = path.substr(path.rfind('/') + 1);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM password_reset_tokens WHERE token_hash = '" + token + "'"), 0);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM password_reset_tokens WHERE token_hash = '" + core::sha256_hex(token) +
                               "'"),
            1);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM jobs"), 0);

  Browser guest(server.base_url());
  EXPECT_EQ(guest.get(path).status, 200);
  // The sign-up rules apply: a mismatch and a common password are refused and change nothing.
  auto mismatch = choose_password(guest, path, "nueva-clave-segura-7", "otra-cosa-distinta-7");
  EXPECT_NE(visible_text(guest.follow(mismatch).body).find("Las contraseñas no coinciden."), std::string::npos);
  auto common = choose_password(guest, path, "password123", "password123");
  EXPECT_EQ(common.status, 302);
  EXPECT_EQ(guest.follow(common).status, 200);  // the link still works after a refusal
  EXPECT_TRUE(signs_in(server, email, "vieja-clave-larga-1"));

  auto done = choose_password(guest, path, "nueva-clave-segura-7", "nueva-clave-segura-7");
  ASSERT_EQ(done.status, 302);
  EXPECT_EQ(done.header("location"), "/login");
  EXPECT_NE(visible_text(guest.follow(done).body).find("cambiamos tu contraseña"), std::string::npos);
  EXPECT_TRUE(signs_in(server, email, "nueva-clave-segura-7"));
  EXPECT_FALSE(signs_in(server, email, "vieja-clave-larga-1"));

  // Every session and the remember-me token made with the old password ended.
  EXPECT_EQ(phone.get("/mi-cuenta").status, 302);
  EXPECT_EQ(laptop.get("/mi-cuenta").status, 302);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM audit_logs WHERE event = 'auth.password_reset'"), 1);

  // A replay is refused with a clear page and changes nothing.
  Browser replay(server.base_url());
  auto again = replay.get(path);
  EXPECT_EQ(again.status, 410);
  EXPECT_NE(visible_text(again.body).find("Este enlace ya se usó."), std::string::npos);
  std::string form_token = testing_support::csrf_token_in(replay.get("/recuperar-contrasena").body);
  EXPECT_EQ(replay.post(path, {{"_token", form_token},
                               {"password", "tercera-clave-larga-9"},
                               {"password_confirmation", "tercera-clave-larga-9"}})
                .status,
            410);
  EXPECT_TRUE(signs_in(server, email, "nueva-clave-segura-7"));
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM audit_logs WHERE event = 'auth.password_reset'"), 1);
}

TEST(PasswordReset, AnExpiredOrUnknownLinkChangesNothing) {
  SmtpReceiver smtp;
  AppServer server(mail_env(smtp));
  server.start();
  const std::string email = "vencido@example.com";
  testing_support::registered_customer_without_mail(server, email, "vieja-clave-larga-1");
  std::string path = mailed_link(server, smtp, email);
  ASSERT_FALSE(path.empty());

  Browser guest(server.base_url());
  auto page = guest.get(path);
  ASSERT_EQ(page.status, 200);
  // The clock moves past the 60 minutes while the form is open.
  server.database().lease()->once << "UPDATE password_reset_tokens SET expires_at = expires_at - 3601";
  auto late = guest.post(path, {{"_token", testing_support::csrf_token_in(page.body)},
                                {"password", "nueva-clave-segura-7"},
                                {"password_confirmation", "nueva-clave-segura-7"}});
  EXPECT_EQ(late.status, 410);
  EXPECT_NE(visible_text(late.body).find("venció"), std::string::npos);
  EXPECT_TRUE(signs_in(server, email, "vieja-clave-larga-1"));

  auto unknown = guest.get("/restablecer-contrasena/" + std::string(48, 'A'));
  EXPECT_EQ(unknown.status, 404);
  EXPECT_NE(visible_text(unknown.body).find("no es válido"), std::string::npos);
  EXPECT_EQ(guest.get("/restablecer-contrasena/corto").status, 404);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM audit_logs WHERE event = 'auth.password_reset'"), 0);
}

TEST(PasswordReset, AnUnknownAddressGetsTheSameAnswerAndNoMail) {
  SmtpReceiver smtp;
  AppServer server(mail_env(smtp));
  server.start();
  testing_support::registered_customer_without_mail(server, "existe@example.com");
  auto known = ask_for_link(server, "existe@example.com");
  auto unknown = ask_for_link(server, "nadie@example.com");
  EXPECT_EQ(known.status, unknown.status);
  EXPECT_NE(visible_text(unknown.body).find(kNeutral), std::string::npos);
  EXPECT_EQ(visible_text(known.body), visible_text(unknown.body));
  run_worker(server);
  EXPECT_EQ(smtp.wait_for(1), 1u);
  EXPECT_EQ(smtp.wait_for(2, 500), 1u);  // only the known address got one
  EXPECT_EQ(smtp.messages().front().recipients.at(0), "<existe@example.com>");
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM password_reset_tokens"), 1);
}

TEST(PasswordReset, RequestsAreLimitedPerAddressAndPerIp) {
  SmtpReceiver smtp;
  AppServer server(mail_env(smtp));
  server.start();
  testing_support::registered_customer_without_mail(server, "limite@example.com");
  // Per address: three an hour, counted the same for an unknown one.
  for (int i = 0; i < 3; ++i)
    EXPECT_NE(visible_text(ask_for_link(server, "Limite@example.com").body).find(kNeutral), std::string::npos);
  auto fourth = visible_text(ask_for_link(server, "limite@example.com").body);
  EXPECT_NE(fourth.find("Demasiados pedidos de restablecimiento"), std::string::npos) << fourth;
  EXPECT_EQ(fourth.find(kNeutral), std::string::npos);
  for (int i = 0; i < 3; ++i) ask_for_link(server, "fantasma@example.com");
  EXPECT_NE(visible_text(ask_for_link(server, "fantasma@example.com").body).find("Demasiados pedidos"),
            std::string::npos);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM password_reset_tokens"), 3);

  // Per IP: ten a minute whatever the address (8 used above, all from 127.0.0.1).
  EXPECT_NE(visible_text(ask_for_link(server, "otra1@example.com").body).find(kNeutral), std::string::npos);
  EXPECT_NE(visible_text(ask_for_link(server, "otra2@example.com").body).find(kNeutral), std::string::npos);
  EXPECT_NE(visible_text(ask_for_link(server, "otra3@example.com").body).find("Demasiados pedidos"), std::string::npos);
}

TEST(PasswordReset, OnlyTheNewestLinkWorksAndAnOlderQueuedMailIsNotSent) {
  SmtpReceiver smtp;
  AppServer server(mail_env(smtp));
  server.start();
  const std::string email = "dos-veces@example.com";
  testing_support::registered_customer_without_mail(server, email, "vieja-clave-larga-1");
  ask_for_link(server, email);
  ask_for_link(server, email);  // before any worker ran: the first link is retired
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM jobs"), 2);
  run_worker(server);
  ASSERT_EQ(smtp.wait_for(1), 1u);
  EXPECT_EQ(smtp.wait_for(2, 500), 1u);  // the retired link's mail is dropped, not sent
  std::string path = link_path(smtp.messages().front());
  ASSERT_FALSE(path.empty());
  Browser guest(server.base_url());
  EXPECT_EQ(guest.get(path).status, 200);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM password_reset_tokens WHERE used_at IS NULL"), 1);
}

TEST(PasswordReset, WithTheSyncQueueTheMailGoesOutDuringTheRequest) {
  SmtpReceiver smtp;
  auto env = mail_env(smtp);
  env["QUEUE_CONNECTION"] = "sync";
  AppServer server(env);
  server.start();
  testing_support::registered_customer(server, "sync@example.com");
  ASSERT_EQ(smtp.wait_for(1), 1u);  // the sign-up's verification mail, sent during that request too
  EXPECT_NE(visible_text(ask_for_link(server, "sync@example.com").body).find(kNeutral), std::string::npos);
  ASSERT_EQ(smtp.wait_for(2), 2u);
  EXPECT_FALSE(link_path(smtp.messages().back()).empty());
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM jobs"), 0);
}
