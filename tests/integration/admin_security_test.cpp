// The admin gate (allowlists, re-authentication, 2FA, admin rate limit) and 2FA management, through HTTP.
#include <gtest/gtest.h>

#include "core/clock.hpp"
#include "core/totp.hpp"
#include "support/app_server.hpp"
#include "support/browser.hpp"

using testing_support::AppServer;
using testing_support::Browser;
using testing_support::visible_text;

namespace {
using Env = std::map<std::string, std::string>;
const std::string kAdminEmail = "jefe@taller.example.com";
const std::string kAdminPassword = "clave-admin-123";

void create_admin(AppServer& server) {
  auto result = server.run({"user:create-admin", "--email", kAdminEmail, "--password", kAdminPassword});
  ASSERT_EQ(result.exit_code, 0) << result.output;
}

Browser signed_in_admin(AppServer& server, const std::map<std::string, std::string>& headers = {}) {
  Browser browser(server.base_url());
  auto page = browser.get("/login", headers);
  auto response = browser.post("/login", {{"_token", testing_support::csrf_token_in(page.body)},
                                          {"email", kAdminEmail}, {"password", kAdminPassword}}, headers);
  EXPECT_EQ(response.status, 302);
  return browser;
}

std::string between(const std::string& text, const std::string& start, const std::string& end) {
  auto a = text.find(start);
  if (a == std::string::npos) return {};
  a += start.size();
  return text.substr(a, text.find(end, a) - a);
}

// Enables 2FA through the settings page as the admin would; returns the base32 secret.
std::string enable_two_factor(Browser& browser) {
  EXPECT_EQ(browser.submit("/admin/seguridad/2fa", "/admin/seguridad/2fa/regenerar", {}).status, 302);
  auto settings = browser.get("/admin/seguridad/2fa");
  std::string secret = between(settings.body, "id=\"twofa-secret\" class=\"twofa-secret\">", "<");
  EXPECT_EQ(secret.size(), 32u) << settings.body.substr(0, 3000);
  EXPECT_TRUE(settings.contains("<svg"));
  std::string code = core::totp_at(core::base32_decode(secret), core::unix_now());
  auto enabled = browser.submit("/admin/seguridad/2fa", "/admin/seguridad/2fa/activar",
                                {{"current_password", kAdminPassword}, {"code", code}});
  EXPECT_EQ(enabled.header("location"), "/admin/seguridad/2fa");
  return secret;
}

int audit_count(AppServer& server, const std::string& event) {
  int n = 0;
  server.database().lease()->once << "SELECT COUNT(*) FROM audit_logs WHERE event = :e", soci::use(event), soci::into(n);
  return n;
}
}  // namespace

TEST(AdminGate, CustomersGet403AndAdminsGetIn) {
  AppServer server;
  create_admin(server);
  server.start();
  Browser customer(server.base_url());
  customer.submit("/registro", "/registro",
                  {{"name", "Ana"}, {"last_name", "P"}, {"phone", "3415550000"}, {"email", "ana@example.com"},
                   {"password", "secreto123"}, {"password_confirmation", "secreto123"}});
  auto refused = customer.get("/admin/dashboard");
  EXPECT_EQ(refused.status, 403);
  EXPECT_TRUE(refused.contains("No tenés permisos para acceder a esta sección."));
  auto admin = signed_in_admin(server);
  auto dashboard = admin.get("/admin/dashboard");
  EXPECT_EQ(dashboard.status, 200);
  EXPECT_TRUE(dashboard.contains("Panel Admin"));
}

TEST(AdminGate, EmailAllowlistIsExactAndCaseInsensitive) {
  AppServer other(Env{{"ADMIN_ALLOWED_EMAILS", "otro@taller.example.com"}});
  create_admin(other);
  other.start();
  auto refused = signed_in_admin(other).get("/admin/dashboard");
  EXPECT_EQ(refused.status, 403);
  EXPECT_TRUE(refused.contains("Tu usuario no está habilitado para ingresar al panel admin."));
  EXPECT_EQ(audit_count(other, "admin.access.denied"), 1);

  AppServer listed(Env{{"ADMIN_ALLOWED_EMAILS", " JEFE@Taller.Example.com , otro@x.com"}});
  create_admin(listed);
  listed.start();
  EXPECT_EQ(signed_in_admin(listed).get("/admin/dashboard").status, 200);
}

TEST(AdminGate, IpAllowlistUsesTheRealClientAddress) {
  AppServer outside(Env{{"ADMIN_ALLOWED_IPS", "203.0.113.10,2001:db8::/32"}});
  create_admin(outside);
  outside.start();
  // A spoofed X-Forwarded-For from an untrusted peer changes nothing.
  std::map<std::string, std::string> spoof = {{"X-Forwarded-For", "203.0.113.10"}};
  auto refused = signed_in_admin(outside, spoof).get("/admin/dashboard", spoof);
  EXPECT_EQ(refused.status, 403);
  EXPECT_TRUE(refused.contains("La IP actual no está habilitada para el panel admin."));

  AppServer cidr(Env{{"ADMIN_ALLOWED_IPS", "10.0.0.1, 127.0.0.0/8"}});
  create_admin(cidr);
  cidr.start();
  EXPECT_EQ(signed_in_admin(cidr).get("/admin/dashboard").status, 200);

  AppServer proxied(Env{{"ADMIN_ALLOWED_IPS", "203.0.113.0/24"}, {"TRUSTED_PROXIES", "127.0.0.1"}});
  create_admin(proxied);
  proxied.start();
  std::map<std::string, std::string> via_proxy = {{"X-Forwarded-For", "203.0.113.44"}};
  EXPECT_EQ(signed_in_admin(proxied, via_proxy).get("/admin/dashboard", via_proxy).status, 200);
}

TEST(AdminGate, ReauthenticationWindowSignsOutAfterItsMinutes) {
  AppServer server(Env{{"ADMIN_REQUIRE_REAUTH_MINUTES", "1"}});
  create_admin(server);
  server.start();
  auto admin = signed_in_admin(server);
  EXPECT_EQ(admin.get("/admin/dashboard").status, 200);
  // Pretend the password sign-in happened in 1994 (auth_time=1764… → 764…).
  server.database().lease()->once << "UPDATE sessions SET payload = REPLACE(payload, 'auth_time=1', 'auth_time=')";
  auto expired = admin.get("/admin/dashboard");
  ASSERT_EQ(expired.status, 302);
  EXPECT_EQ(expired.header("location"), "/login");
  auto login = admin.follow(expired);
  EXPECT_TRUE(login.contains("Por seguridad, volvé a iniciar sesión para entrar al panel admin."));
  EXPECT_EQ(admin.get("/mi-cuenta").status, 302);  // signed out
}

TEST(AdminGate, AdminRequestsAreRateLimitedWithPlainText429) {
  AppServer server(Env{{"RATE_LIMIT_ADMIN_REQUESTS_PER_MINUTE", "3"}});
  create_admin(server);
  server.start();
  auto admin = signed_in_admin(server);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(admin.get("/admin/dashboard").status, 200);
  auto limited = admin.get("/admin/dashboard");
  EXPECT_EQ(limited.status, 429);
  EXPECT_EQ(limited.body.rfind("Demasiadas solicitudes al panel admin. Intentá nuevamente en ", 0), 0u) << limited.body;
  EXPECT_EQ(limited.header("x-frame-options"), "DENY");
}

TEST(AdminTwoFactor, EnrolChallengeReplayRecoveryAndDisable) {
  AppServer server;
  create_admin(server);
  server.start();
  auto admin = signed_in_admin(server);
  std::string secret = enable_two_factor(admin);
  auto settings = admin.get("/admin/seguridad/2fa");
  EXPECT_TRUE(settings.contains("2FA activado correctamente para tu cuenta admin."));
  std::string first_code = between(settings.body, "<li><code>", "</code>");
  ASSERT_EQ(first_code.size(), 14u) << settings.body.substr(0, 4000);
  std::string token = between(settings.body, "codigos/txt?token=", "\"");
  auto txt = admin.get("/admin/seguridad/2fa/codigos/txt?token=" + token);
  EXPECT_EQ(txt.status, 200);
  EXPECT_NE(txt.header("content-disposition").find("recovery-codes-admin-"), std::string::npos);
  EXPECT_TRUE(txt.contains("- " + first_code));
  EXPECT_EQ(admin.get("/admin/seguridad/2fa/codigos/txt?token=otro").status, 404);
  EXPECT_EQ(admin.get("/admin/seguridad/2fa/codigos/imprimir?token=" + token).status, 200);
  EXPECT_EQ(audit_count(server, "admin.2fa.enabled"), 1);
  std::string secret_column;
  server.database().lease()->once << "SELECT admin_two_factor_secret FROM users WHERE email = :e", soci::use(kAdminEmail),
      soci::into(secret_column);
  EXPECT_EQ(secret_column.find(secret), std::string::npos);  // stored encrypted, never as base32

  // A new sign-in must pass the challenge first, and is sent back where it was heading.
  Browser next(server.base_url());
  auto login_page = next.get("/login");
  next.post("/login", {{"_token", testing_support::csrf_token_in(login_page.body)}, {"email", kAdminEmail},
                       {"password", kAdminPassword}});
  auto gated = next.get("/admin/seguridad/2fa");
  ASSERT_EQ(gated.status, 302);
  EXPECT_EQ(gated.header("location"), "/admin/two-factor/challenge");
  auto challenge = next.follow(gated);
  EXPECT_TRUE(challenge.contains("Ingresá tu código 2FA para continuar al panel admin."));
  auto wrong = next.submit("/admin/two-factor/challenge", "/admin/two-factor/challenge", {{"code", "000000"}});
  EXPECT_TRUE(next.follow(wrong).contains("Código 2FA o código de recuperación inválido. Intentá nuevamente."));
  // The enrolment code's step is spent; the next step's code (accepted for clock drift) works once.
  std::string code = core::totp_at(core::base32_decode(secret), core::unix_now() + 30);
  auto passed = next.submit("/admin/two-factor/challenge", "/admin/two-factor/challenge", {{"code", code}});
  ASSERT_EQ(passed.status, 302);
  EXPECT_EQ(passed.header("location"), "/admin/seguridad/2fa");
  EXPECT_EQ(next.get("/admin/dashboard").status, 200);

  Browser replay(server.base_url());
  login_page = replay.get("/login");
  replay.post("/login", {{"_token", testing_support::csrf_token_in(login_page.body)}, {"email", kAdminEmail},
                         {"password", kAdminPassword}});
  replay.get("/admin/dashboard");
  auto replayed = replay.submit("/admin/two-factor/challenge", "/admin/two-factor/challenge", {{"code", code}});
  EXPECT_EQ(replayed.header("location"), "/admin/two-factor/challenge");
  // A recovery code works once, typed in lower case too.
  std::string lower = first_code;
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto recovered = replay.submit("/admin/two-factor/challenge", "/admin/two-factor/challenge", {{"code", lower}});
  ASSERT_EQ(recovered.status, 302);
  EXPECT_TRUE(replay.follow(recovered).contains("Verificación completada con código de recuperación. Restantes: 7."));
  Browser third(server.base_url());
  login_page = third.get("/login");
  third.post("/login", {{"_token", testing_support::csrf_token_in(login_page.body)}, {"email", kAdminEmail},
                        {"password", kAdminPassword}});
  third.get("/admin/dashboard");
  auto reused = third.submit("/admin/two-factor/challenge", "/admin/two-factor/challenge", {{"code", first_code}});
  EXPECT_EQ(reused.header("location"), "/admin/two-factor/challenge");

  // Disabling needs the password and a second factor.
  auto bad_password = next.submit("/admin/seguridad/2fa", "/admin/seguridad/2fa/desactivar",
                                  {{"current_password", "no"}, {"code", first_code}});
  EXPECT_TRUE(next.follow(bad_password).contains("La contraseña actual no es correcta."));
  std::string second_recovery = between(txt.body, "- " + first_code + "\n- ", "\n");
  auto disabled = next.submit("/admin/seguridad/2fa", "/admin/seguridad/2fa/desactivar",
                              {{"current_password", kAdminPassword}, {"code", second_recovery}});
  EXPECT_TRUE(next.follow(disabled).contains("2FA desactivado correctamente."));
  EXPECT_EQ(audit_count(server, "admin.2fa.disabled"), 1);
  Browser after(server.base_url());
  login_page = after.get("/login");
  after.post("/login", {{"_token", testing_support::csrf_token_in(login_page.body)}, {"email", kAdminEmail},
                        {"password", kAdminPassword}});
  EXPECT_EQ(after.get("/admin/dashboard").status, 200);  // no challenge any more
}

TEST(AdminTwoFactor, EnrolmentRefusesAWrongCodeOrPassword) {
  AppServer server;
  create_admin(server);
  server.start();
  auto admin = signed_in_admin(server);
  auto no_secret = admin.submit("/admin/seguridad/2fa", "/admin/seguridad/2fa/activar",
                                {{"current_password", kAdminPassword}, {"code", "123456"}});
  EXPECT_TRUE(admin.follow(no_secret).contains("Primero generá un secreto para activar 2FA."));
  admin.submit("/admin/seguridad/2fa", "/admin/seguridad/2fa/regenerar", {});
  auto bad = admin.submit("/admin/seguridad/2fa", "/admin/seguridad/2fa/activar",
                          {{"current_password", kAdminPassword}, {"code", "12a456"}});
  EXPECT_TRUE(admin.follow(bad).contains("El código debe tener 6 dígitos numéricos."));
  auto wrong = admin.submit("/admin/seguridad/2fa", "/admin/seguridad/2fa/activar",
                            {{"current_password", kAdminPassword}, {"code", "000000"}});
  EXPECT_TRUE(admin.follow(wrong).contains("Código 2FA inválido. Verificá la hora del teléfono y volvé a intentar."));
  auto no_password = admin.submit("/admin/seguridad/2fa", "/admin/seguridad/2fa/activar", {{"code", "000000"}});
  EXPECT_TRUE(admin.follow(no_password).contains("Ingresá tu contraseña actual."));
}

TEST(AdminTwoFactor, ChallengeAttemptsAreRateLimited) {
  AppServer server(Env{{"RATE_LIMIT_ADMIN_2FA_PER_MINUTE", "3"}});
  create_admin(server);
  server.start();
  Browser admin = signed_in_admin(server);
  std::string secret = enable_two_factor(admin);

  Browser next(server.base_url());
  auto login_page = next.get("/login");
  next.post("/login", {{"_token", testing_support::csrf_token_in(login_page.body)}, {"email", kAdminEmail},
                       {"password", kAdminPassword}});
  ASSERT_EQ(next.get("/admin/dashboard").header("location"), "/admin/two-factor/challenge");
  // The limit counts per admin and IP: confirming the enrolment above was the first of the three attempts.
  for (int attempt = 2; attempt <= 3; ++attempt) {
    auto wrong = next.submit("/admin/two-factor/challenge", "/admin/two-factor/challenge", {{"code", "000000"}});
    EXPECT_TRUE(next.follow(wrong).contains("Código 2FA o código de recuperación inválido.")) << attempt;
  }
  // Past the limit even the right code is refused, with the wait in Spanish, and the panel stays closed.
  std::string code = core::totp_at(core::base32_decode(secret), core::unix_now() + 30);
  auto limited = next.submit("/admin/two-factor/challenge", "/admin/two-factor/challenge", {{"code", code}});
  EXPECT_TRUE(next.follow(limited).contains("Demasiados intentos de código 2FA. Reintentá en ")) << limited.status;
  EXPECT_EQ(next.get("/admin/dashboard").header("location"), "/admin/two-factor/challenge");
}
