// Mail templates in the admin (/admin/mails, docs/domain/mails.md) as the shop and its customers notice them: an
// edited reset mail arrives at a local SMTP receiver with the new subject in text and HTML, restoring brings the
// default back, unknown placeholders and multi-line subjects are refused with a message naming them, the preview
// renders without saving or running anything, only admins get in, and a disabled order confirmation sends nothing.
// Runs on SQLite, MariaDB and PostgreSQL (scripts/with-mariadb.sh / with-postgres.sh).
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "store_support.hpp"
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

const std::string kResetLink = "https://tienda.example.com/restablecer-contrasena/";

std::map<std::string, std::string> mail_env(const SmtpReceiver& smtp) {
  return {{"MAIL_MAILER", "smtp"},
          {"MAIL_HOST", "127.0.0.1"},
          {"MAIL_PORT", std::to_string(smtp.port())},
          {"MAIL_FROM_ADDRESS", "tienda@example.com"},
          {"APP_URL", "https://tienda.example.com"},
          {"RATE_LIMIT_ADMIN_REQUESTS_PER_MINUTE", "100000"}};
}

// The admin saves a template through its edit form; returns the answer to the POST.
testing_support::HttpResponse save(Browser& admin, const std::string& key, const std::string& subject,
                                   const std::string& body, bool enabled) {
  std::vector<std::pair<std::string, std::string>> fields{{"subject", subject}, {"body", body}};
  if (enabled) fields.emplace_back("enabled", "1");
  return admin.submit("/admin/mails/" + key, "/admin/mails/" + key, fields);
}

// A customer asks for a reset link and the worker delivers it; returns the mail that arrived.
testing_support::ReceivedMail reset_mail(AppServer& server, SmtpReceiver& smtp, const std::string& email) {
  std::size_t before = smtp.messages().size();
  Browser guest(server.base_url());
  EXPECT_EQ(guest.submit("/recuperar-contrasena", "/recuperar-contrasena", {{"email", email}}).status, 302);
  auto worked = server.run({"queue:work", "--stop-when-empty"});
  EXPECT_EQ(worked.exit_code, 0) << worked.output;
  EXPECT_EQ(smtp.wait_for(before + 1), before + 1);
  auto messages = smtp.messages();
  return messages.size() > before ? messages.back() : testing_support::ReceivedMail{};
}

std::string subject_of(const testing_support::ReceivedMail& mail) {
  return testing_support::decode_header_words(testing_support::mail_header(mail.data, "Subject"));
}

long long rows(AppServer& server) { return scalar(server, "SELECT COUNT(*) FROM mail_templates"); }

}  // namespace

TEST(MailTemplates, AnEditedResetMailArrivesInTextAndHtmlAndRestoringBringsTheDefaultBack) {
  SmtpReceiver smtp;
  AppServer server(mail_env(smtp));
  server.start();
  Browser admin = testing_support::signed_in_admin(server);
  auto list = admin.get("/admin/mails");
  ASSERT_EQ(list.status, 200);
  std::string text = visible_text(list.body);
  for (const char* label : {"Restablecer contraseña", "Confirmación de pedido", "Verificación de e-mail",
                            "Predeterminado", "Restablecé tu contraseña — {{negocio}}"})
    EXPECT_NE(text.find(label), std::string::npos) << label;
  EXPECT_EQ(text.find("Personalizado"), std::string::npos);

  auto saved = save(admin, "password_reset", "Tu clave nueva, {{nombre}}",
                    "Hola {{nombre}}:\n\nEntrá acá para elegirla: {{enlace}}\n\nVence en {{vencimiento}}.\n{{negocio}}",
                    true);
  ASSERT_EQ(saved.status, 302);
  EXPECT_EQ(saved.header("location"), "/admin/mails/password_reset");
  auto edit = admin.follow(saved);
  EXPECT_NE(visible_text(edit.body).find("Mail guardado: Restablecer contraseña."), std::string::npos);
  EXPECT_NE(visible_text(edit.body).find("Personalizado"), std::string::npos);
  EXPECT_EQ(rows(server), 1);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM audit_logs WHERE event = 'admin.mail_template.updated'"), 1);
  EXPECT_NE(visible_text(admin.get("/admin/mails").body).find("Personalizado"), std::string::npos);

  testing_support::registered_customer_without_mail(server, "clave@example.com", "vieja-clave-larga-1");
  auto mail = reset_mail(server, smtp, "clave@example.com");
  EXPECT_EQ(subject_of(mail), "Tu clave nueva, Ana");
  EXPECT_EQ(testing_support::mail_header(mail.data, "Content-Type").rfind("multipart/alternative", 0), 0u);
  std::string plain = testing_support::mail_body_text(mail.data);
  EXPECT_NE(plain.find("Hola Ana:\n\nEntrá acá para elegirla: " + kResetLink), std::string::npos) << plain;
  EXPECT_NE(plain.find("Vence en 60 minutos."), std::string::npos) << plain;
  std::string html = testing_support::mail_part(mail.data, "text/html");
  EXPECT_NE(html.find("<a href=\"" + kResetLink), std::string::npos) << html;
  EXPECT_NE(html.find("Entrá acá para elegirla:"), std::string::npos) << html;

  // "Restaurar predeterminado": the row goes, the default text is back in the form and in the next mail.
  std::string token = testing_support::csrf_token_in(edit.body);
  auto restored = admin.post("/admin/mails/password_reset", {{"_token", token}, {"_method", "DELETE"}});
  ASSERT_EQ(restored.status, 302);
  EXPECT_NE(visible_text(admin.follow(restored).body).find("Mail restaurado al texto predeterminado"), std::string::npos);
  EXPECT_EQ(rows(server), 0);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM audit_logs WHERE event = 'admin.mail_template.restored'"), 1);
  auto form = admin.get("/admin/mails/password_reset");
  EXPECT_NE(form.body.find("Restablecé tu contraseña — {{negocio}}"), std::string::npos);
  EXPECT_NE(form.body.find(">Hola {{nombre}},\n\nRecibimos un pedido"), std::string::npos);  // line breaks kept
  EXPECT_NE(visible_text(form.body).find("Predeterminado"), std::string::npos);
  auto again = reset_mail(server, smtp, "clave@example.com");
  EXPECT_EQ(subject_of(again).rfind("Restablecé tu contraseña — ", 0), 0u) << subject_of(again);
  EXPECT_NE(testing_support::mail_body_text(again.data).find("vence en 60 minutos"), std::string::npos);
}

TEST(MailTemplates, UnknownPlaceholdersAndMultiLineSubjectsAreRefusedAndNothingIsSaved) {
  AppServer server(std::map<std::string, std::string>{{"RATE_LIMIT_ADMIN_REQUESTS_PER_MINUTE", "100000"}});
  server.start();
  Browser admin = testing_support::signed_in_admin(server);
  auto refused = save(admin, "order_confirmation", "Pedido #{{pedido}}", "Hola {{cliente}}, total {{saldo}}.", true);
  ASSERT_EQ(refused.status, 302);
  auto back = admin.follow(refused);
  std::string text = visible_text(back.body);
  EXPECT_NE(text.find("El texto usa marcadores que este mail no tiene: {{cliente}}, {{saldo}}. Usá solo los de la "
                      "lista."),
            std::string::npos)
      << text;
  EXPECT_NE(back.body.find("Hola {{cliente}}, total {{saldo}}."), std::string::npos);  // what was typed comes back
  EXPECT_EQ(rows(server), 0);

  // A subject with a line break would add a mail header: refused, whatever the form allows.
  std::string token = testing_support::csrf_token_in(back.body);
  auto injected = admin.post("/admin/mails/order_confirmation", {{"_token", token},
                                                                 {"subject", "Pedido\r\nBcc: otro@example.com"},
                                                                 {"body", "Hola {{nombre}}"},
                                                                 {"enabled", "1"}});
  ASSERT_EQ(injected.status, 302);
  EXPECT_NE(visible_text(admin.follow(injected).body).find("El asunto tiene que ser una sola línea."), std::string::npos);

  // The reset mail is always sent: switching it off is refused.
  auto off = admin.post("/admin/mails/password_reset",
                        {{"_token", token}, {"subject", "Clave"}, {"body", "Hola {{nombre}} {{enlace}}"}});
  ASSERT_EQ(off.status, 302);
  EXPECT_NE(visible_text(admin.follow(off).body).find("Este mail no se puede desactivar"), std::string::npos);
  EXPECT_EQ(rows(server), 0);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM audit_logs WHERE event LIKE 'admin.mail_template.%'"), 0);
  EXPECT_EQ(admin.get("/admin/mails/no_existe").status, 404);
}

TEST(MailTemplates, ThePreviewRendersSampleValuesEscapedInASandboxAndSavesNothing) {
  AppServer server(std::map<std::string, std::string>{{"RATE_LIMIT_ADMIN_REQUESTS_PER_MINUTE", "100000"}});
  server.start();
  Browser admin = testing_support::signed_in_admin(server);
  std::string token = testing_support::csrf_token_in(admin.get("/admin/mails/order_confirmation").body);
  auto preview = admin.post("/admin/mails/order_confirmation/vista-previa",
                            {{"_token", token},
                             {"subject", "Pedido #{{pedido}} <listo>"},
                             {"body", "Hola {{nombre}} <script>alert(1)</script>\n\nMirá {{enlace}}"},
                             {"enabled", "1"}});
  ASSERT_EQ(preview.status, 200);
  EXPECT_NE(preview.body.find("data-mail-preview"), std::string::npos);
  EXPECT_EQ(preview.body.find("<script>alert(1)"), std::string::npos);  // neither in the page nor in the iframe
  EXPECT_NE(preview.body.find("sandbox=\"\""), std::string::npos);
  std::string text = visible_text(preview.body);
  EXPECT_NE(text.find("Pedido #123 <listo>"), std::string::npos) << text;
  EXPECT_NE(text.find("Hola Ana <script>alert(1)</script>"), std::string::npos) << text;  // the text part, as text
  // The HTML part sits in srcdoc, escaped twice over (as HTML, then as the attribute value).
  EXPECT_NE(preview.body.find("&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;"), std::string::npos);
  EXPECT_EQ(rows(server), 0);

  // Unknown placeholders are flagged in the preview too.
  auto flagged = admin.post("/admin/mails/order_confirmation/vista-previa",
                            {{"_token", token}, {"subject", "Pedido"}, {"body", "Hola {{apodo}}"}, {"enabled", "1"}});
  EXPECT_NE(visible_text(flagged.body).find("{{apodo}}. Usá solo los de la lista."), std::string::npos);
}

TEST(MailTemplates, OnlyAdminsReachTheMailPages) {
  AppServer server;
  server.start();
  Browser guest(server.base_url());
  auto anonymous = guest.get("/admin/mails");
  EXPECT_EQ(anonymous.status, 302);
  EXPECT_NE(anonymous.header("location").find("/login"), std::string::npos);

  Browser customer = testing_support::registered_customer(server, "cliente.mails@example.com");
  EXPECT_EQ(customer.get("/admin/mails").status, 403);
  EXPECT_EQ(customer.get("/admin/mails/password_reset").status, 403);
  std::string token = store_support::token_for(customer);
  EXPECT_EQ(customer.post("/admin/mails/password_reset", {{"_token", token}, {"subject", "x"}, {"body", "y"},
                                                          {"enabled", "1"}})
                .status,
            403);
  EXPECT_EQ(customer.post("/admin/mails/password_reset", {{"_token", token}, {"_method", "DELETE"}}).status, 403);
  EXPECT_EQ(rows(server), 0);
}

TEST(MailTemplates, ADisabledOrderConfirmationSendsNothing) {
  SmtpReceiver smtp;
  AppServer server(mail_env(smtp));
  server.start();
  Browser admin = testing_support::signed_in_admin(server);
  const std::string body = "Hola {{nombre}}, recibimos tu pedido #{{pedido}}.";
  ASSERT_EQ(save(admin, "order_confirmation", "Pedido #{{pedido}}", body, false).status, 302);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM mail_templates WHERE enabled = 0"), 1);
  EXPECT_NE(visible_text(admin.get("/admin/mails").body).find("Desactivado"), std::string::npos);

  long long category = store_support::insert_category(server, "Cables", "cables-apagado");
  long long product = store_support::insert_product(server, category, {"Cable USB-C", "cable-apagado", 300000, 5});
  auto buyer = testing_support::registered_customer_without_mail(server, "sin.mail@example.com");
  store_support::add_to_cart(buyer, store_support::token_for(buyer), product, "1");
  auto page = buyer.get("/checkout");
  ASSERT_EQ(page.status, 200);
  auto confirmed = buyer.post("/checkout/confirmar", {{"_token", store_support::token_for(buyer)},
                                                      {"payment_method", "local"},
                                                      {"checkout_token", testing_support::checkout_token_in(page.body)}});
  ASSERT_EQ(confirmed.status, 302);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM orders"), 1);

  auto worked = server.run({"queue:work", "--stop-when-empty"});
  EXPECT_EQ(worked.exit_code, 0) << worked.output;
  EXPECT_EQ(smtp.wait_for(1, 500), 0u);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM jobs"), 0);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM failed_jobs"), 0);
  std::string log = server.log_contents();
  EXPECT_NE(log.find("Mail not sent: its template is disabled"), std::string::npos) << log;
  EXPECT_NE(log.find("order_confirmation"), std::string::npos);
}

TEST(MailTemplates, TheEditedVerificationMailCarriesAWorkingLinkAndCannotBeTurnedOff) {
  SmtpReceiver smtp;
  AppServer server(mail_env(smtp));
  server.start();
  Browser admin = testing_support::signed_in_admin(server);
  ASSERT_EQ(save(admin, "email_verification", "Confirmá tu correo, {{nombre}}",
                 "Hola {{nombre}}: tocá {{enlace}} antes de {{vencimiento}}.\n{{negocio}}", true)
                .status,
            302);
  // Turning it off is refused: with AUTH_EMAIL_VERIFICATION=required nobody could buy.
  auto off = save(admin, "email_verification", "Confirmá tu correo, {{nombre}}", "Hola {{nombre}}: {{enlace}}", false);
  EXPECT_EQ(off.status, 302);
  EXPECT_NE(visible_text(admin.follow(off).body).find("Este mail no se puede desactivar"), std::string::npos);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM mail_templates WHERE enabled = 1"), 1);

  // The sign-up mail (queued by registered_customer) arrives with the shop's text and a link that verifies.
  Browser customer = testing_support::registered_customer(server, "nueva@example.com");
  std::size_t before = smtp.messages().size();
  auto worked = server.run({"queue:work", "--stop-when-empty"});
  ASSERT_EQ(worked.exit_code, 0) << worked.output;
  ASSERT_EQ(smtp.wait_for(before + 1), before + 1);
  auto mail = smtp.messages().back();
  EXPECT_EQ(subject_of(mail), "Confirmá tu correo, Ana");
  std::string plain = testing_support::mail_body_text(mail.data);
  EXPECT_NE(plain.find("antes de 24 horas."), std::string::npos) << plain;
  auto at = plain.find("https://tienda.example.com/verificar-email/");
  ASSERT_NE(at, std::string::npos) << plain;
  std::string path = plain.substr(at + 26, plain.find(' ', at) - at - 26);
  auto opened = customer.get(path);
  EXPECT_EQ(opened.status, 302) << path;
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM users WHERE email = 'nueva@example.com' AND email_verified_at IS NOT NULL"),
            1);
}
