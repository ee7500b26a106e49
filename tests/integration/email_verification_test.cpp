// E-mail verification as a customer and the shop would notice it: sign-up mails a signed link through the queue to a
// local SMTP receiver, the link verifies once and a replay is harmless, expired and altered links are refused with a
// way to ask again, a link for an old address does not verify a new one, "Reenviar" is limited per account and per
// IP, AUTH_EMAIL_VERIFICATION=required stops the checkout (cart kept) until the link is opened, and the optional
// mode shows the /mi-cuenta banner only while unverified; Google-verified addresses, operator-made admins and
// accounts older than migration 0130 count as verified. Runs on SQLite, MariaDB and PostgreSQL
// (scripts/with-mariadb.sh / with-postgres.sh).
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "core/clock.hpp"
#include "core/config.hpp"
#include "core/crypto.hpp"
#include "domain/accounts/email_verification.hpp"
#include "store_support.hpp"
#include "support/accounts.hpp"
#include "support/app_server.hpp"
#include "support/browser.hpp"
#include "support/fake_google.hpp"
#include "support/smtp_receiver.hpp"
#include "support/test_files.hpp"

using testing_support::AppServer;
using testing_support::Browser;
using testing_support::scalar;
using testing_support::SmtpReceiver;
using testing_support::visible_text;

namespace {

const std::string kSite = "https://tienda.example.com";
const std::string kRequiredText = "Para finalizar la compra, primero verificá tu email. Tu carrito queda guardado.";
const std::string kBannerTitle = "Verificá tu email";

// A fixed APP_KEY, so a test can sign a link as the server would have at another moment (an expired one).
const std::string kAppKey = "base64:" + core::base64_encode(std::string(32, 'k'));

std::map<std::string, std::string> mail_env(const SmtpReceiver& smtp, const std::string& mode = "optional") {
  return {{"MAIL_MAILER", "smtp"},
          {"MAIL_HOST", "127.0.0.1"},
          {"MAIL_PORT", std::to_string(smtp.port())},
          {"MAIL_FROM_ADDRESS", "tienda@example.com"},
          {"APP_URL", kSite},
          {"APP_KEY", kAppKey},
          {"AUTH_EMAIL_VERIFICATION", mode}};
}

void run_worker(AppServer& server) {
  auto worked = server.run({"queue:work", "--stop-when-empty"});
  EXPECT_EQ(worked.exit_code, 0) << worked.output;
}

// The path (with its query) of the verification link in a mail ("" when the body has none).
std::string link_path(const testing_support::ReceivedMail& mail) {
  std::string body = testing_support::mail_body_text(mail.data);
  auto at = body.find(kSite + "/verificar-email/");
  if (at == std::string::npos) return "";
  auto end = body.find_first_of(" \r\n", at);
  return body.substr(at + kSite.size(), end - at - kSite.size());
}

// Runs the worker and returns the link of the mail that arrived (the newest).
std::string mailed_link(AppServer& server, SmtpReceiver& smtp) {
  std::size_t before = smtp.messages().size();
  run_worker(server);
  EXPECT_EQ(smtp.wait_for(before + 1), before + 1);
  auto messages = smtp.messages();
  if (messages.size() <= before) return "";
  return link_path(messages.back());
}

long long verified_count(AppServer& server, const std::string& email) {
  return scalar(server, "SELECT COUNT(*) FROM users WHERE email = '" + email + "' AND email_verified_at IS NOT NULL");
}

std::string page_text(Browser& browser, const std::string& path) { return visible_text(browser.get(path).body); }

bool shows(const std::string& text, const std::string& wanted) { return text.find(wanted) != std::string::npos; }

// "Reenviar" from the /mi-cuenta banner; returns the page after the redirect.
std::string resend_from_account(Browser& browser) {
  auto posted = browser.submit("/mi-cuenta", "/verificar-email/reenviar", {{"from", "mi-cuenta"}});
  EXPECT_EQ(posted.status, 302);
  EXPECT_EQ(posted.header("location"), "/mi-cuenta");
  return visible_text(browser.follow(posted).body);
}

// "Continuar con Google" as `who`, through the fake provider; returns the answer of our callback.
testing_support::HttpResponse google_sign_in(Browser& browser, testing_support::FakeGoogle& provider,
                                             const testing_support::FakeGoogleIdentity& who) {
  provider.next(who);
  std::string authorize = browser.get("/auth/google").header("location");
  std::string origin = provider.url("");
  Browser at_google(origin);
  std::string callback = at_google.get(authorize.substr(origin.size())).header("location");
  const std::string app_origin = "http://127.0.0.1";  // the AppServer's APP_URL
  EXPECT_EQ(callback.rfind(app_origin + "/auth/google/callback?", 0), 0u) << callback;
  return browser.get(callback.substr(app_origin.size()));
}

testing_support::HttpResponse change_email(Browser& browser, const std::string& email) {
  return browser.submit("/mi-cuenta", "/mi-cuenta",
                        {{"_method", "PUT"}, {"name", "Ana"}, {"last_name", "Pérez"}, {"phone", "341 555-0000"},
                         {"email", email}});
}

}  // namespace

TEST(EmailVerification, SignUpMailsALinkThatVerifiesOnceAndAReplayIsHarmless) {
  SmtpReceiver smtp;
  AppServer server(mail_env(smtp));
  server.start();
  const std::string email = "nueva@example.com";
  Browser browser = testing_support::registered_customer(server, email);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM jobs"), 1);
  EXPECT_EQ(verified_count(server, email), 0);

  std::string path = mailed_link(server, smtp);
  ASSERT_FALSE(path.empty());
  auto mail = smtp.messages().back();
  EXPECT_EQ(mail.recipients.at(0), "<" + email + ">");
  EXPECT_NE(testing_support::decode_header_words(testing_support::mail_header(mail.data, "Subject"))
                .find("Verificá tu email"),
            std::string::npos);
  std::string body = testing_support::mail_body_text(mail.data);
  EXPECT_TRUE(shows(body, "Hola Ana,")) << body;
  EXPECT_TRUE(shows(body, "vence en 24 horas")) << body;
  EXPECT_EQ(path.rfind("/verificar-email/" + std::to_string(testing_support::user_id_of(server, email)) + "/", 0), 0u);

  auto opened = browser.get(path);
  ASSERT_EQ(opened.status, 302);
  EXPECT_EQ(opened.header("location"), "/mi-cuenta");
  EXPECT_TRUE(shows(visible_text(browser.follow(opened).body), "¡Listo! Verificamos tu email."));
  EXPECT_EQ(verified_count(server, email), 1);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM audit_logs WHERE event = 'auth.email_verified'"), 1);

  // The same link again, signed in or as a guest: a friendly note, nothing written.
  auto again = browser.get(path);
  ASSERT_EQ(again.status, 302);
  EXPECT_TRUE(shows(visible_text(browser.follow(again).body), "Tu email ya estaba verificado."));
  Browser guest(server.base_url());
  auto as_guest = guest.get(path);
  ASSERT_EQ(as_guest.status, 302);
  EXPECT_EQ(as_guest.header("location"), "/login");
  EXPECT_TRUE(shows(visible_text(guest.follow(as_guest).body), "Tu email ya estaba verificado. Ya podés ingresar."));
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM audit_logs WHERE event = 'auth.email_verified'"), 1);
}

TEST(EmailVerification, ExpiredAndAlteredLinksAreRefusedWithAWayToAskAgain) {
  SmtpReceiver smtp;
  AppServer server(mail_env(smtp));
  server.start();
  const std::string email = "tarde@example.com";
  Browser browser = testing_support::registered_customer(server, email);
  long long id = testing_support::user_id_of(server, email);
  std::string path = mailed_link(server, smtp);
  ASSERT_FALSE(path.empty());

  // Signed by the server's key 25 hours ago: a genuine link past its 24 hours.
  std::string expired = accounts::verification_path(id, email, core::unix_now() - 25 * 3600,
                                                    core::decode_app_key(kAppKey));
  auto late = browser.get(expired);
  EXPECT_EQ(late.status, 410);
  EXPECT_TRUE(shows(visible_text(late.body), "El enlace para verificar tu email venció (dura 24 horas). Pedí uno nuevo."));
  EXPECT_TRUE(late.contains("action=\"/verificar-email/reenviar\""));

  // One character of the e-mail hash changed, or another account's id: the signature no longer matches.
  std::string hash_at = "/verificar-email/" + std::to_string(id) + "/";
  std::string tampered = path;
  char& first = tampered[hash_at.size()];
  first = first == 'a' ? 'b' : 'a';
  auto altered = browser.get(tampered);
  EXPECT_EQ(altered.status, 403);
  EXPECT_TRUE(shows(visible_text(altered.body), "El enlace para verificar tu email no es válido."));
  std::string other_id = "/verificar-email/" + std::to_string(id + 1) + path.substr(hash_at.size() - 1);
  EXPECT_EQ(browser.get(other_id).status, 403);
  EXPECT_EQ(browser.get(path.substr(0, path.find('?'))).status, 403);  // no signature at all

  Browser guest(server.base_url());
  auto guest_page = guest.get(tampered);
  EXPECT_EQ(guest_page.status, 403);
  EXPECT_TRUE(guest_page.contains("<a href=\"/login\">Ingresá a tu cuenta</a> para pedir un enlace nuevo"));
  EXPECT_EQ(verified_count(server, email), 0);

  // The genuine link still works afterwards.
  EXPECT_EQ(browser.get(path).status, 302);
  EXPECT_EQ(verified_count(server, email), 1);
}

TEST(EmailVerification, ALinkMailedToAnOldAddressDoesNotVerifyTheNewOne) {
  SmtpReceiver smtp;
  AppServer server(mail_env(smtp));
  server.start();
  Browser browser = testing_support::registered_customer(server, "vieja@example.com");
  std::string old_link = mailed_link(server, smtp);
  ASSERT_FALSE(old_link.empty());

  auto changed = change_email(browser, "nueva-dir@example.com");
  ASSERT_EQ(changed.status, 302);
  EXPECT_TRUE(shows(visible_text(browser.follow(changed).body),
                    "Datos actualizados. Te enviamos un enlace para verificar tu nuevo email."));
  std::string new_link = mailed_link(server, smtp);
  ASSERT_FALSE(new_link.empty());
  EXPECT_EQ(smtp.messages().back().recipients.at(0), "<nueva-dir@example.com>");

  auto stale = browser.get(old_link);
  EXPECT_EQ(stale.status, 410);
  EXPECT_TRUE(shows(visible_text(stale.body), "Este enlace es de un email que ya no está en tu cuenta."));
  EXPECT_EQ(verified_count(server, "nueva-dir@example.com"), 0);

  EXPECT_EQ(browser.get(new_link).status, 302);
  EXPECT_EQ(verified_count(server, "nueva-dir@example.com"), 1);

  // Changing the address again drops the mark: the banner is back until the newest link is opened.
  ASSERT_EQ(change_email(browser, "tercera@example.com").status, 302);
  EXPECT_EQ(verified_count(server, "tercera@example.com"), 0);
  EXPECT_TRUE(shows(page_text(browser, "/mi-cuenta"), kBannerTitle));
  EXPECT_EQ(browser.get(new_link).status, 410);
}

TEST(EmailVerification, ResendIsLimitedPerAccountAndPerIpWithAClearAnswer) {
  SmtpReceiver smtp;
  AppServer server(mail_env(smtp));
  server.start();
  const std::string email = "reenvio@example.com";
  Browser first = testing_support::registered_customer(server, email);
  // Three an hour per account.
  for (int i = 0; i < 3; ++i)
    EXPECT_TRUE(shows(resend_from_account(first), "Te enviamos un enlace nuevo a " + email + "."));
  std::string fourth = resend_from_account(first);
  EXPECT_TRUE(shows(fourth, "Ya te enviamos varios enlaces hace poco. Probá de nuevo en 60 minutos.")) << fourth;
  EXPECT_FALSE(shows(fourth, "Te enviamos un enlace nuevo"));
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM jobs"), 4);  // sign-up + three resends

  // Ten a minute per IP whatever the account (4 used above, all from 127.0.0.1).
  Browser second = testing_support::registered_customer(server, "reenvio2@example.com");
  Browser third = testing_support::registered_customer(server, "reenvio3@example.com");
  for (int i = 0; i < 3; ++i) resend_from_account(second);
  for (int i = 0; i < 3; ++i) resend_from_account(third);
  Browser fourth_account = testing_support::registered_customer(server, "reenvio4@example.com");
  EXPECT_TRUE(shows(resend_from_account(fourth_account), "Ya te enviamos varios enlaces hace poco. Probá de nuevo en"));

}

TEST(EmailVerification, AVerifiedAccountAsksForNoNewLink) {
  SmtpReceiver smtp;
  AppServer server(mail_env(smtp));
  server.start();
  Browser browser = testing_support::registered_customer(server, "lista@example.com");
  ASSERT_EQ(browser.get(mailed_link(server, smtp)).status, 302);
  auto posted = browser.submit("/verificar-email", "/verificar-email/reenviar", {});
  ASSERT_EQ(posted.header("location"), "/verificar-email");
  auto page = visible_text(browser.follow(posted).body);
  EXPECT_TRUE(shows(page, "Tu email ya está verificado.")) << page;
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM jobs"), 0);
}

TEST(EmailVerification, RequiredModeStopsTheCheckoutUntilTheLinkIsOpenedAndKeepsTheCart) {
  SmtpReceiver smtp;
  AppServer server(mail_env(smtp, "required"));
  server.start();
  long long category = store_support::insert_category(server, "Fundas", "fundas");
  long long product = store_support::insert_product(server, category, {"Funda rígida", "funda-rigida", 150000, 3});
  Browser browser = testing_support::registered_customer(server, "compra@example.com");
  std::string token = testing_support::token_for(browser);
  testing_support::add_to_cart(browser, token, product);

  auto gate = browser.get("/checkout");
  ASSERT_EQ(gate.status, 302);
  EXPECT_EQ(gate.header("location"), "/verificar-email");
  auto notice = browser.follow(gate);
  EXPECT_EQ(notice.status, 200);
  EXPECT_TRUE(shows(visible_text(notice.body), kRequiredText));
  EXPECT_TRUE(shows(visible_text(notice.body), "Reenviar enlace"));
  auto confirm = browser.post("/checkout/confirmar", {{"_token", token}, {"payment_method", "local"},
                                                      {"checkout_token", "x"}});
  EXPECT_EQ(confirm.header("location"), "/verificar-email");
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM orders"), 0);
  EXPECT_TRUE(shows(page_text(browser, "/carrito"), "Funda rígida"));  // the cart is kept
  EXPECT_TRUE(shows(page_text(browser, "/mi-cuenta"), "Lo necesitás para finalizar compras."));

  // The link brings the customer back to the checkout, which now opens.
  std::string path = mailed_link(server, smtp);
  ASSERT_FALSE(path.empty());
  auto opened = browser.get(path);
  ASSERT_EQ(opened.status, 302);
  EXPECT_EQ(opened.header("location"), "/checkout");
  auto checkout = browser.follow(opened);
  ASSERT_EQ(checkout.status, 200);
  EXPECT_TRUE(shows(visible_text(checkout.body), "Verificamos tu email. Ya podés continuar con tu compra."));
  std::string checkout_token = testing_support::checkout_token_in(checkout.body);
  auto placed = browser.post("/checkout/confirmar",
                             {{"_token", token}, {"payment_method", "local"}, {"checkout_token", checkout_token}});
  ASSERT_EQ(placed.status, 302);
  EXPECT_EQ(placed.header("location").rfind("/pedido/", 0), 0u);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM orders"), 1);
}

TEST(EmailVerification, OptionalModeShowsTheBannerOnlyWhileUnverifiedAndLeavesTheCheckoutOpen) {
  SmtpReceiver smtp;
  AppServer server(mail_env(smtp));
  server.start();
  long long category = store_support::insert_category(server, "Cables", "cables");
  long long product = store_support::insert_product(server, category, {"Cable USB-C", "cable-usb-c", 90000, 3});
  Browser browser = testing_support::registered_customer(server, "opcional@example.com");
  std::string account = page_text(browser, "/mi-cuenta");
  EXPECT_TRUE(shows(account, kBannerTitle)) << account;
  EXPECT_TRUE(shows(account, "Te enviamos un enlace a opcional@example.com"));
  EXPECT_FALSE(shows(account, "Lo necesitás para finalizar compras."));

  std::string token = testing_support::token_for(browser);
  testing_support::add_to_cart(browser, token, product);
  EXPECT_EQ(browser.get("/checkout").status, 200);

  ASSERT_EQ(browser.get(mailed_link(server, smtp)).status, 302);
  EXPECT_FALSE(shows(page_text(browser, "/mi-cuenta"), kBannerTitle));
}

TEST(EmailVerification, OperatorMadeAdminsAreVerifiedAndABadModeIsAConfigurationError) {
  AppServer server;
  testing_support::create_test_admin(server);
  EXPECT_EQ(verified_count(server, testing_support::kTestAdminEmail), 1);

  auto checked = server.run({"ops:health-check"}, {{"AUTH_EMAIL_VERIFICATION", "a-veces"}});
  EXPECT_NE(checked.exit_code, 0);
  EXPECT_TRUE(shows(checked.output, "AUTH_EMAIL_VERIFICATION")) << checked.output;
  EXPECT_TRUE(shows(checked.output, "optional,required")) << checked.output;
}

TEST(EmailVerification, AnAddressGoogleVerifiedCountsAsVerified) {
  testing_support::FakeGoogle provider("verifica.apps.googleusercontent.com", "secreto");
  AppServer server({{"GOOGLE_CLIENT_ID", "verifica.apps.googleusercontent.com"},
                    {"GOOGLE_CLIENT_SECRET", "secreto"},
                    {"GOOGLE_AUTH_URL", provider.url("/authorize")},
                    {"GOOGLE_TOKEN_URL", provider.url("/token")},
                    {"GOOGLE_USERINFO_URL", provider.url("/userinfo")},
                    {"AUTH_EMAIL_VERIFICATION", "required"}});
  server.start();
  // A new customer from Google.
  Browser newcomer(server.base_url());
  EXPECT_EQ(google_sign_in(newcomer, provider, {"g-1", "desde-google@example.com", true, "Gala", "Gómez"}).status, 302);
  EXPECT_EQ(verified_count(server, "desde-google@example.com"), 1);
  EXPECT_FALSE(shows(page_text(newcomer, "/mi-cuenta"), kBannerTitle));
  // An unverified account linked by Google's verified address.
  testing_support::registered_customer_without_mail(server, "ya-tenia@example.com");
  EXPECT_EQ(verified_count(server, "ya-tenia@example.com"), 0);
  Browser linking(server.base_url());
  EXPECT_EQ(google_sign_in(linking, provider, {"g-2", "ya-tenia@example.com", true, "Ana", "Pérez"}).status, 302);
  EXPECT_EQ(verified_count(server, "ya-tenia@example.com"), 1);
  // An address Google does not vouch for is not stored, so nothing is verified.
  Browser unverified(server.base_url());
  google_sign_in(unverified, provider, {"g-3", "dudosa@example.com", false, "Dora", "Duda"});
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM users WHERE google_id = 'g-3' AND email_verified_at IS NOT NULL"), 0);
  // Its stand-in address gets no link: the banner asks for a real one, and "Reenviar" mails nothing.
  std::string account = page_text(unverified, "/mi-cuenta");
  EXPECT_TRUE(shows(account, "Tu cuenta todavía no tiene un email propio. Cargalo abajo")) << account;
  EXPECT_FALSE(shows(account, "Reenviar enlace"));
  auto resend = unverified.post("/verificar-email/reenviar",
                                {{"_token", testing_support::csrf_token_in(unverified.get("/mi-cuenta").body)}});
  ASSERT_EQ(resend.header("location"), "/mi-cuenta");
  EXPECT_TRUE(shows(visible_text(unverified.follow(resend).body), "Cargalo en Mi cuenta y te mandamos un enlace"));
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM jobs"), 0);
}

TEST(EmailVerification, AccountsThatExistedBeforeMigration0130CountAsVerified) {
  AppServer server(std::map<std::string, std::string>{{"AUTH_EMAIL_VERIFICATION", "required"}});
  server.start();
  // Rows as the previous release left them: email_verified_at never written.
  testing_support::registered_customer_without_mail(server, "de-siempre@example.com");
  {
    auto sql = server.database().lease();
    sql->once << "UPDATE users SET email_verified_at = NULL";
    sql->once << "INSERT INTO users (name, email, google_id, password, role, created_at, updated_at) VALUES ('Cliente', "
                 "'google_77@example.local', '77', 'x', 'user', '2026-01-01 10:00:00', '2026-01-01 10:00:00')";
    sql->once << "DELETE FROM migrations WHERE migration = '0130_mark_existing_emails_verified'";
  }
  auto migrated = server.run({"migrate", "--force"});
  ASSERT_EQ(migrated.exit_code, 0) << migrated.output;
  EXPECT_TRUE(shows(migrated.output, "0130_mark_existing_emails_verified")) << migrated.output;
  EXPECT_EQ(verified_count(server, "de-siempre@example.com"), 1);
  // The placeholder of a Google sign-in without a verified address is no address at all: it stays unverified.
  EXPECT_EQ(verified_count(server, "google_77@example.local"), 0);
}
