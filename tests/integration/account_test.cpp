// Sign-up, sign-in, sign-out and the account page, as a person using the site would notice them.
#include <gtest/gtest.h>

#include "core/crypto.hpp"
#include "core/strings.hpp"
#include "support/app_server.hpp"
#include "support/browser.hpp"

using testing_support::AppServer;
using testing_support::Browser;
using testing_support::visible_text;

namespace {
class Accounts : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // Every test signs up from 127.0.0.1: the per-IP sign-up limit is raised here and tested on its own below.
    server_ = new AppServer(std::map<std::string, std::string>{{"RATE_LIMIT_AUTH_REGISTER_PER_MINUTE", "1000"}});
    server_->start();
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static std::string unique_email() { return "cliente-" + core::to_lower(core::random_token(8)) + "@example.com"; }

  // Registers through the form and returns the browser, signed in.
  static Browser registered(const std::string& email, const std::string& password = "secreto123") {
    Browser browser(server_->base_url());
    auto response = browser.submit("/registro", "/registro",
                                   {{"name", "Ana"}, {"last_name", "Pérez"}, {"phone", "341 555-0000"}, {"email", email},
                                    {"password", password}, {"password_confirmation", password}});
    EXPECT_EQ(response.status, 302);
    return browser;
  }

  static int count(const std::string& sql_text, const std::string& parameter) {
    int n = 0;
    server_->database().lease()->once << sql_text, soci::use(parameter), soci::into(n);
    return n;
  }
  static AppServer* server_;
};
AppServer* Accounts::server_ = nullptr;
}  // namespace

TEST_F(Accounts, RegistrationCreatesTheAccountAndSignsIn) {
  std::string email = unique_email();
  Browser browser(server_->base_url());
  auto response = browser.submit("/registro", "/registro",
                                 {{"name", " Ana "}, {"last_name", "Pérez"}, {"phone", "341 555-0000"},
                                  {"email", "  " + email + " "}, {"password", "secreto123"},
                                  {"password_confirmation", "secreto123"}});
  ASSERT_EQ(response.status, 302);
  EXPECT_EQ(response.header("location"), "/");
  auto home = browser.follow(response);
  EXPECT_TRUE(home.contains("Cuenta creada correctamente."));
  EXPECT_TRUE(home.contains("action=\"/logout\""));
  EXPECT_EQ(count("SELECT COUNT(*) FROM users WHERE email = :e AND role = 'user' AND name = 'Ana'", email), 1);
  // The password is stored as an Argon2id hash, never as typed.
  EXPECT_EQ(count("SELECT COUNT(*) FROM users WHERE email = :e AND password LIKE '$argon2id$%'", email), 1);
}

TEST_F(Accounts, RegistrationErrorsAreShownInSpanishAndKeepTheInputButNotPasswords) {
  Browser browser(server_->base_url());
  auto response = browser.submit("/registro", "/registro",
                                 {{"name", ""}, {"last_name", "Pérez"}, {"phone", "abc"}, {"email", "no-es-email"},
                                  {"password", "corta"}, {"password_confirmation", "corta"}});
  ASSERT_EQ(response.status, 302);
  EXPECT_EQ(response.header("location"), "/registro");
  auto page = browser.follow(response);
  std::string text = visible_text(page.body);
  EXPECT_NE(text.find("Revisá los campos marcados."), std::string::npos);
  EXPECT_NE(text.find("Ingresá tu nombre."), std::string::npos);
  EXPECT_NE(text.find("Revisá el teléfono: no parece un número válido."), std::string::npos);
  EXPECT_NE(text.find("Ingresá un email válido."), std::string::npos);
  EXPECT_NE(text.find("La contraseña debe tener al menos 8 caracteres."), std::string::npos);
  EXPECT_TRUE(page.contains("value=\"Pérez\""));
  EXPECT_FALSE(page.contains("corta"));
  // Shown once: a reload no longer carries the errors.
  EXPECT_FALSE(browser.get("/registro").contains("Ingresá tu nombre."));
}

TEST_F(Accounts, DuplicateEmailAndMismatchedPasswordsAreRefused) {
  std::string email = unique_email();
  registered(email);
  Browser other(server_->base_url());
  auto response = other.submit("/registro", "/registro",
                               {{"name", "Otro"}, {"last_name", "X"}, {"phone", "3415550001"}, {"email", email},
                                {"password", "secreto123"}, {"password_confirmation", "secreto124"}});
  auto page = other.follow(response);
  // Neutral: it does not say an account with that email exists (issue 16, item 4).
  EXPECT_TRUE(page.contains("No pudimos crear una cuenta con ese email."));
  EXPECT_FALSE(page.contains("registrad"));
  EXPECT_TRUE(page.contains("Las contraseñas no coinciden."));
  EXPECT_EQ(count("SELECT COUNT(*) FROM users WHERE email = :e", email), 1);
}

TEST_F(Accounts, ScriptAndSqlInFieldsAreStoredVerbatimAndRenderedEscaped) {
  std::string email = unique_email();
  Browser browser(server_->base_url());
  std::string name = "<script>alert('x')</script>";
  std::string last_name = "O'Brien\"; DROP TABLE users; --";
  auto response = browser.submit("/registro", "/registro",
                                 {{"name", name}, {"last_name", last_name}, {"phone", "341 555-0000"}, {"email", email},
                                  {"password", "secreto123"}, {"password_confirmation", "secreto123"}});
  ASSERT_EQ(response.status, 302);
  EXPECT_EQ(count("SELECT COUNT(*) FROM users WHERE name = :n", name), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM users WHERE last_name = :n", last_name), 1);
  auto account = browser.get("/mi-cuenta");
  EXPECT_EQ(account.status, 200);
  EXPECT_FALSE(account.contains("<script>alert"));
  EXPECT_TRUE(account.contains("&lt;script&gt;"));
}

TEST_F(Accounts, LogoutEndsTheSessionAndShowsTheMessage) {
  auto browser = registered(unique_email());
  std::string old_session = browser.cookie("nicoreparaciones-session");
  ASSERT_FALSE(old_session.empty());
  auto response = browser.submit("/mi-cuenta", "/logout", {});
  ASSERT_EQ(response.status, 302);
  EXPECT_EQ(response.header("location"), "/");
  auto home = browser.follow(response);
  EXPECT_TRUE(home.contains("Sesión cerrada."));
  EXPECT_TRUE(home.contains("href=\"/login\""));
  EXPECT_EQ(browser.get("/mi-cuenta").status, 302);
  // The old session id is dead even if someone kept it.
  Browser thief(server_->base_url());
  thief.set_cookie("nicoreparaciones-session", old_session);
  EXPECT_EQ(thief.get("/mi-cuenta").status, 302);
}

TEST_F(Accounts, LoginWithWrongPasswordKeepsOnlyTheEmail) {
  std::string email = unique_email();
  registered(email);
  Browser browser(server_->base_url());
  auto response = browser.submit("/login", "/login", {{"email", email}, {"password", "incorrecta"}});
  ASSERT_EQ(response.status, 302);
  EXPECT_EQ(response.header("location"), "/login");
  auto page = browser.follow(response);
  EXPECT_TRUE(page.contains("Las credenciales no coinciden con nuestros registros."));
  EXPECT_TRUE(page.contains("value=\"" + email + "\""));
  EXPECT_FALSE(page.contains("incorrecta"));
}

TEST_F(Accounts, LoginSucceedsRegeneratesTheSessionAndGoesWhereTheVisitorWasHeading) {
  std::string email = unique_email();
  registered(email);
  Browser browser(server_->base_url());
  auto guarded = browser.get("/mi-cuenta");
  ASSERT_EQ(guarded.status, 302);
  EXPECT_EQ(guarded.header("location"), "/login");
  std::string before = browser.cookie("nicoreparaciones-session");
  auto response = browser.submit("/login", "/login", {{"email", "  " + email}, {"password", "secreto123"}});
  ASSERT_EQ(response.status, 302);
  EXPECT_EQ(response.header("location"), "/mi-cuenta");
  EXPECT_NE(browser.cookie("nicoreparaciones-session"), before);
  auto page = browser.follow(response);
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(page.contains("Datos del perfil"));
}

TEST_F(Accounts, AdminsLandOnTheDashboardAfterLogin) {
  std::string email = "admin-" + core::random_token(6) + "@example.com";
  auto created = server_->run({"user:create-admin", "--email", email, "--password", "admin-secreto"});
  ASSERT_EQ(created.exit_code, 0) << created.output;
  Browser browser(server_->base_url());
  auto response = browser.submit("/login", "/login", {{"email", email}, {"password", "admin-secreto"}});
  EXPECT_EQ(response.header("location"), "/admin/dashboard");
}

TEST_F(Accounts, RepeatedWrongPasswordsAreThrottled) {
  std::string email = unique_email();
  registered(email);
  Browser browser(server_->base_url());
  for (int i = 0; i < 5; ++i) browser.submit("/login", "/login", {{"email", email}, {"password", "mal"}});
  auto response = browser.submit("/login", "/login", {{"email", email}, {"password", "secreto123"}});
  auto page = browser.follow(response);
  EXPECT_TRUE(page.contains("Demasiados intentos. Probá de nuevo en")) << visible_text(page.body).substr(0, 2000);
  EXPECT_EQ(browser.get("/mi-cuenta").status, 302);  // still signed out
}

TEST_F(Accounts, FormsWithoutAValidCsrfTokenGet419) {
  Browser browser(server_->base_url());
  auto response = browser.post("/login", {{"email", "a@b.com"}, {"password", "x"}});
  EXPECT_EQ(response.status, 419);
  EXPECT_TRUE(response.contains("La página estuvo abierta mucho tiempo; revisá y volvé a enviar"));
  browser.get("/login");  // receives the guest token cookie
  auto forged = browser.post("/login", {{"_token", "not-the-token"}, {"email", "a@b.com"}, {"password", "x"}});
  EXPECT_EQ(forged.status, 419);
}

TEST_F(Accounts, SignedInUsersAreSentAwayFromGuestPages) {
  auto browser = registered(unique_email());
  auto response = browser.get("/login");
  EXPECT_EQ(response.status, 302);
  EXPECT_EQ(response.header("location"), "/");
}

TEST_F(Accounts, ProfileUpdateValidatesAndSaves) {
  std::string email = unique_email();
  auto browser = registered(email);
  auto bad = browser.submit("/mi-cuenta", "/mi-cuenta",
                            {{"_method", "PUT"}, {"name", "Ana"}, {"last_name", ""}, {"phone", "12"}, {"email", email}});
  auto page = browser.follow(bad);
  EXPECT_TRUE(page.contains("Ingresá tu apellido."));
  EXPECT_TRUE(page.contains("Revisá el teléfono: no parece un número válido."));

  std::string new_email = unique_email();
  auto good = browser.submit("/mi-cuenta", "/mi-cuenta",
                             {{"_method", "PUT"}, {"name", "Ana María"}, {"last_name", "Gómez"}, {"phone", "(0351) 555-1234"},
                              {"email", new_email}});
  ASSERT_EQ(good.header("location"), "/mi-cuenta");
  EXPECT_TRUE(browser.follow(good).contains("Datos actualizados."));
  EXPECT_EQ(count("SELECT COUNT(*) FROM users WHERE email = :e AND last_name = 'Gómez'", new_email), 1);
}

TEST_F(Accounts, PasswordChangeNeedsTheCurrentPassword) {
  std::string email = unique_email();
  auto browser = registered(email);
  auto wrong = browser.submit("/mi-cuenta", "/mi-cuenta/password",
                              {{"_method", "PUT"}, {"current_password", "otra-cosa"}, {"password", "nueva-clave-1"},
                               {"password_confirmation", "nueva-clave-1"}});
  EXPECT_EQ(wrong.header("location"), "/mi-cuenta#security");
  EXPECT_TRUE(browser.follow(wrong).contains("La contraseña actual no es correcta."));

  auto ok = browser.submit("/mi-cuenta", "/mi-cuenta/password",
                           {{"_method", "PUT"}, {"current_password", "secreto123"}, {"password", "nueva-clave-1"},
                            {"password_confirmation", "nueva-clave-1"}});
  EXPECT_EQ(ok.header("location"), "/mi-cuenta#security");
  EXPECT_TRUE(browser.follow(ok).contains("Contraseña actualizada."));

  Browser fresh(server_->base_url());
  auto login = fresh.submit("/login", "/login", {{"email", email}, {"password", "nueva-clave-1"}});
  EXPECT_EQ(login.header("location"), "/");
}

TEST(AccountLimits, SignUpsPerIpAreThrottledWithTheSpanishMessage) {
  AppServer server;  // default limit: 6 sign-ups per minute per IP
  server.start();
  Browser browser(server.base_url());
  testing_support::HttpResponse response;
  for (int i = 0; i < 7; ++i) {
    browser.clear_cookies();
    response = browser.submit("/registro", "/registro",
                              {{"name", "Ana"}, {"last_name", "Pérez"}, {"phone", "341 555-0000"},
                               {"email", "limite" + std::to_string(i) + "@example.com"}, {"password", "secreto123"},
                               {"password_confirmation", "secreto123"}});
  }
  auto page = browser.follow(response);
  EXPECT_TRUE(page.contains("Demasiados intentos de registro. Probá de nuevo en")) << visible_text(page.body).substr(0, 1500);
  int users = 0;
  server.database().lease()->once << "SELECT COUNT(*) FROM users", soci::into(users);
  EXPECT_EQ(users, 6);
}

TEST_F(Accounts, RememberMeSignsInAgainAfterTheSessionIsGoneUntilLogout) {
  std::string email = unique_email();
  registered(email);
  Browser browser(server_->base_url());
  auto login = browser.submit("/login", "/login", {{"email", email}, {"password", "secreto123"}, {"remember", "1"}});
  ASSERT_EQ(login.header("location"), "/");
  std::string remember = browser.cookie("nico_remember");
  ASSERT_FALSE(remember.empty());

  browser.remove_cookie("nicoreparaciones-session");  // the browser was closed / the session expired
  EXPECT_EQ(browser.get("/mi-cuenta").status, 200);

  auto logout = browser.submit("/mi-cuenta", "/logout", {});
  EXPECT_EQ(logout.status, 302);
  EXPECT_TRUE(browser.cookie("nico_remember").empty());
  Browser replay(server_->base_url());
  replay.set_cookie("nico_remember", remember);
  EXPECT_EQ(replay.get("/mi-cuenta").status, 302);  // the token was revoked at logout
}

TEST_F(Accounts, SignInsAndFailuresAreAudited) {
  std::string email = unique_email();
  registered(email);
  Browser browser(server_->base_url());
  browser.submit("/login", "/login", {{"email", email}, {"password", "equivocada"}});
  browser.submit("/login", "/login", {{"email", email}, {"password", "secreto123"}});
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_logs WHERE event = 'auth.login.failed' AND actor_id IS NULL "
                  "AND metadata LIKE :m AND ip_address = '127.0.0.1' AND http_method = 'POST' AND route_name = 'login.post'",
                  "%" + email + "%"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_logs a JOIN users u ON u.id = a.actor_id WHERE "
                  "a.event = 'auth.login.succeeded' AND u.email = :e AND a.subject_type LIKE 'App_Models_User'",
                  email),
            1);
}

TEST_F(Accounts, CommonOrOverlongPasswordsAreRefusedAtSignUpAndChangeButOldOnesStillSignIn) {
  const std::string common = "Esa contraseña es muy común o fácil de adivinar. Probá con una frase más larga.";
  for (const std::string password : {std::string("12345678"), std::string("password"), std::string(129, 'k')}) {
    Browser browser(server_->base_url());
    std::string email = unique_email();
    auto response = browser.submit("/registro", "/registro",
                                   {{"name", "Ana"}, {"last_name", "Pérez"}, {"phone", "341 555-0000"}, {"email", email},
                                    {"password", password}, {"password_confirmation", password}});
    EXPECT_EQ(response.header("location"), "/registro") << password.substr(0, 10);
    std::string text = visible_text(browser.follow(response).body);
    EXPECT_NE(text.find(password.size() > 128 ? "La contraseña no puede superar 128 caracteres." : common),
              std::string::npos)
        << password.substr(0, 10);
    EXPECT_EQ(count("SELECT COUNT(*) FROM users WHERE email = :e", email), 0);
  }

  // An account whose password predates the rule (stored directly, as an old sign-up would have) still signs in.
  std::string email = unique_email();
  Browser browser = registered(email);
  std::string weak_hash = core::hash_password("12345678", core::PasswordHashCost{1, 8});
  server_->database().lease()->once << "UPDATE users SET password = :h WHERE email = :e", soci::use(weak_hash),
      soci::use(email);
  Browser old_user(server_->base_url());
  EXPECT_EQ(old_user.submit("/login", "/login", {{"email", email}, {"password", "12345678"}}).header("location"), "/");

  // Changing to a common password is refused; the old one keeps working.
  auto change = old_user.submit("/mi-cuenta", "/mi-cuenta/password",
                                {{"_method", "PUT"}, {"current_password", "12345678"}, {"password", "qwertyuiop"},
                                 {"password_confirmation", "qwertyuiop"}});
  EXPECT_EQ(change.status, 302);
  EXPECT_NE(visible_text(old_user.follow(change).body).find(common), std::string::npos);
  Browser again(server_->base_url());
  EXPECT_EQ(again.submit("/login", "/login", {{"email", email}, {"password", "12345678"}}).header("location"), "/");
}

TEST_F(Accounts, CreateAdminRefusesACommonPassword) {
  auto refused = server_->run({"user:create-admin", "--email", unique_email(), "--password", "12345678"});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.output.find("muy común"), std::string::npos) << refused.output;
  auto accepted = server_->run({"user:create-admin", "--email", unique_email(), "--password", "mate amargo y facturas"});
  EXPECT_EQ(accepted.exit_code, 0) << accepted.output;
}
