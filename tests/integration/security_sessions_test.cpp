// Ending sessions (issue 16, item 1): a password change or "Cerrar sesión en los otros dispositivos" signs the
// user out of every other browser, remember-me included, while the browser that asked stays signed in; an admin
// who loses the role loses /admin in every open session at once.
#include <gtest/gtest.h>

#include "core/crypto.hpp"
#include "core/strings.hpp"
#include "support/accounts.hpp"
#include "support/app_server.hpp"
#include "support/browser.hpp"

using testing_support::AppServer;
using testing_support::Browser;

namespace {
const std::string kPassword = "tornillo-azul-del-taller";

class SecuritySessions : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new AppServer(std::map<std::string, std::string>{{"RATE_LIMIT_AUTH_REGISTER_PER_MINUTE", "1000"}});
    server_->start();
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static std::string unique_email() { return "sesiones-" + core::to_lower(core::random_token(8)) + "@example.com"; }

  // A second browser of the same person, signed in with "Recordarme".
  static Browser remembered_login(const std::string& email, const std::string& password) {
    Browser browser(server_->base_url());
    auto response = browser.submit("/login", "/login", {{"email", email}, {"password", password}, {"remember", "1"}});
    EXPECT_EQ(response.status, 302);
    EXPECT_FALSE(browser.cookie("nico_remember").empty());
    return browser;
  }
  // The other browser is signed out: a protected page sends it to /login, and its remember cookie alone no
  // longer signs anybody in.
  static void expect_signed_out(Browser& other, const std::string& remember_cookie) {
    auto page = other.get("/mi-cuenta");
    EXPECT_EQ(page.status, 302);
    EXPECT_EQ(page.header("location"), "/login");
    Browser replay(server_->base_url());
    replay.set_cookie("nico_remember", remember_cookie);
    auto replayed = replay.get("/mi-cuenta");
    EXPECT_EQ(replayed.status, 302);
    EXPECT_EQ(replayed.header("location"), "/login");
  }
  static AppServer* server_;
};
AppServer* SecuritySessions::server_ = nullptr;

TEST_F(SecuritySessions, APasswordChangeSignsOutTheOtherBrowserAndItsRememberCookieButNotThisOne) {
  std::string email = unique_email();
  Browser here = testing_support::registered_customer(*server_, email, kPassword);
  Browser other = remembered_login(email, kPassword);
  std::string remember = other.cookie("nico_remember");
  ASSERT_EQ(other.get("/mi-cuenta").status, 200);

  auto changed = here.submit("/mi-cuenta", "/mi-cuenta/password",
                             {{"_method", "PUT"}, {"current_password", kPassword},
                              {"password", "otra-frase-bastante-larga"}, {"password_confirmation", "otra-frase-bastante-larga"}});
  ASSERT_EQ(changed.status, 302);
  auto page = here.get("/mi-cuenta");
  EXPECT_EQ(page.status, 200);  // the browser that changed it stays signed in
  EXPECT_NE(page.body.find("Contraseña actualizada"), std::string::npos);

  expect_signed_out(other, remember);
}

TEST_F(SecuritySessions, TheButtonSignsOutTheOtherBrowsersWithoutChangingThePassword) {
  std::string email = unique_email();
  testing_support::registered_customer(*server_, email, kPassword);
  Browser here = remembered_login(email, kPassword);
  std::string here_remember = here.cookie("nico_remember");
  Browser other = remembered_login(email, kPassword);
  std::string remember = other.cookie("nico_remember");

  auto account = here.get("/mi-cuenta");
  ASSERT_NE(account.body.find("Cerrar sesión en los otros dispositivos"), std::string::npos);
  auto ended = here.submit("/mi-cuenta", "/mi-cuenta/cerrar-otras-sesiones", {});
  ASSERT_EQ(ended.status, 302);
  EXPECT_EQ(here.get("/mi-cuenta").status, 200);
  // This browser was remembered: it got a fresh token, the old one is gone with the others.
  EXPECT_FALSE(here.cookie("nico_remember").empty());
  EXPECT_NE(here.cookie("nico_remember"), here_remember);
  Browser only_remember(server_->base_url());
  only_remember.set_cookie("nico_remember", here.cookie("nico_remember"));
  EXPECT_EQ(only_remember.get("/mi-cuenta").status, 200);

  expect_signed_out(other, remember);
  // The password is unchanged: signing in again works.
  Browser again(server_->base_url());
  EXPECT_EQ(again.submit("/login", "/login", {{"email", email}, {"password", kPassword}}).header("location"), "/");
}

TEST_F(SecuritySessions, TheButtonNeedsTheFormsCsrfToken) {
  std::string email = unique_email();
  Browser here = testing_support::registered_customer(*server_, email, kPassword);
  Browser other = remembered_login(email, kPassword);
  EXPECT_EQ(here.post("/mi-cuenta/cerrar-otras-sesiones", {{"_token", "no-es-el-token"}}).status, 419);
  EXPECT_EQ(other.get("/mi-cuenta").status, 200);
}

TEST_F(SecuritySessions, AnAdminWhoLosesTheRoleLosesAdminInEveryOpenSession) {
  std::string email = "admin-" + core::to_lower(core::random_token(8)) + "@taller.example.com";
  auto created = server_->run({"user:create-admin", "--email", email, "--password", kPassword});
  ASSERT_EQ(created.exit_code, 0) << created.output;
  Browser first(server_->base_url());
  ASSERT_EQ(first.submit("/login", "/login", {{"email", email}, {"password", kPassword}}).status, 302);
  Browser second(server_->base_url());
  ASSERT_EQ(second.submit("/login", "/login", {{"email", email}, {"password", kPassword}}).status, 302);
  ASSERT_EQ(first.get("/admin").status, 200);
  ASSERT_EQ(second.get("/admin").status, 200);

  Browser boss = testing_support::signed_in_admin(*server_);
  std::string user_page = "/admin/usuarios/" + std::to_string(testing_support::user_id_of(*server_, email));
  auto demoted = boss.submit(user_page, user_page + "/rol", {{"role", "user"}});
  ASSERT_EQ(demoted.status, 302);

  // The role is read from the database on every request: both open sessions lose /admin at once.
  EXPECT_EQ(first.get("/admin").status, 403);
  EXPECT_EQ(second.get("/admin").status, 403);
  EXPECT_EQ(second.get("/admin/usuarios").status, 403);
}

}  // namespace
