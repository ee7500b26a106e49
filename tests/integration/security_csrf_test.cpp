// Issue 16 items 2 and 9 probed over HTTP: a signed-in session accepts only its own CSRF token (a planted guest
// cookie does not help), guest tokens are bound to the browser that got them, guests and signed-in users still post
// their forms; every status goes out with its reason phrase; Referer paths that browsers read as another site
// ("//host", "/\host", absolute URLs elsewhere) never become a redirect target.
#include <gtest/gtest.h>

#include "support/accounts.hpp"
#include "support/app_server.hpp"
#include "support/browser.hpp"
#include "support/test_files.hpp"

using namespace testing_support;

namespace {

class SecurityCsrf : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new AppServer(std::map<std::string, std::string>{{"RATE_LIMIT_ADMIN_REQUESTS_PER_MINUTE", "100000"}});
    server_->start();
  }
  static void TearDownTestSuite() { delete server_; }

  // A guest browser that has been shown the login form: it holds a guest token and both cookies.
  static Browser guest_with_token(std::string& token) {
    Browser browser(server_->base_url());
    token = csrf_token_in(browser.get("/login").body);
    return browser;
  }
  static std::string role_of(long long id) {
    auto admins = scalar(*server_, "SELECT COUNT(*) FROM users WHERE role = 'admin' AND id = " + std::to_string(id));
    return admins == 1 ? "admin" : "other";
  }

  static AppServer* server_;
};
AppServer* SecurityCsrf::server_ = nullptr;

}  // namespace

TEST_F(SecurityCsrf, AnAdminWithAPlantedGuestCookieAndTokenFromAnotherBrowserGets419AndTheRoleStays) {
  Browser admin = signed_in_admin(*server_);
  registered_customer(*server_, "victima.rol@example.com");
  long long customer = user_id_of(*server_, "victima.rol@example.com");
  std::string attacker_token;
  Browser attacker = guest_with_token(attacker_token);
  ASSERT_FALSE(attacker_token.empty());
  ASSERT_FALSE(attacker.cookie("nico_csrf").empty());
  ASSERT_FALSE(attacker.cookie("nico_bid").empty());

  // The attacker's guest cookies end up in the admin's browser (cookie tossing), and a forged form posts their token.
  admin.set_cookie("nico_csrf", attacker.cookie("nico_csrf"));
  admin.set_cookie("nico_bid", attacker.cookie("nico_bid"));
  auto forged = admin.post("/admin/usuarios/" + std::to_string(customer) + "/rol", {{"_token", attacker_token}, {"role", "admin"}});
  EXPECT_EQ(forged.status, 419);
  EXPECT_EQ(role_of(customer), "other");
  auto by_header = admin.post("/admin/usuarios/" + std::to_string(customer) + "/rol", {{"role", "admin"}},
                              {{"X-CSRF-TOKEN", attacker_token}});
  EXPECT_EQ(by_header.status, 419);
  EXPECT_EQ(role_of(customer), "other");

  // The admin's own form still works in that same browser.
  auto own = admin.submit("/admin/usuarios/" + std::to_string(customer), "/admin/usuarios/" + std::to_string(customer) + "/rol",
                          {{"role", "admin"}});
  EXPECT_EQ(own.status, 302);
  EXPECT_EQ(role_of(customer), "admin");
}

TEST_F(SecurityCsrf, AGuestTokenReplayedFromAnotherBrowserGets419) {
  std::string stolen_token;
  Browser owner = guest_with_token(stolen_token);
  std::string other_token;
  Browser other = guest_with_token(other_token);
  ASSERT_NE(owner.cookie("nico_bid"), other.cookie("nico_bid"));

  // Token and its cookie copied, the other browser keeping its own id: refused.
  other.set_cookie("nico_csrf", owner.cookie("nico_csrf"));
  auto replayed = other.post("/login", {{"_token", stolen_token}, {"email", "x@example.com"}, {"password", "nada1234"}});
  EXPECT_EQ(replayed.status, 419);
  EXPECT_TRUE(visible_text(replayed.body).find("abierta mucho tiempo") != std::string::npos) << replayed.body;

  // Nor does a browser with no id at all.
  Browser bare(server_->base_url());
  bare.set_cookie("nico_csrf", owner.cookie("nico_csrf"));
  EXPECT_EQ(bare.post("/login", {{"_token", stolen_token}, {"email", "x@example.com"}, {"password", "nada1234"}}).status, 419);
}

TEST_F(SecurityCsrf, GuestsStillPostFormsWithoutASessionRow) {
  long long sessions_before = scalar(*server_, "SELECT COUNT(*) FROM sessions");
  Browser guest(server_->base_url());
  guest.get("/login");
  guest.get("/reparacion");
  EXPECT_EQ(scalar(*server_, "SELECT COUNT(*) FROM sessions"), sessions_before);  // showing forms wrote nothing

  auto login = guest.submit("/login", "/login", {{"email", "nadie@example.com"}, {"password", "incorrecta1"}});
  EXPECT_EQ(login.status, 302);  // back to the form with its error, not 419
  auto lookup = guest.submit("/reparacion", "/reparacion", {{"code", "R-20260101-00077"}, {"phone", "3415550000"}});
  EXPECT_EQ(lookup.status, 302);
  auto registered = guest.submit("/registro", "/registro",
                                 {{"name", "Gus"}, {"last_name", "T"}, {"phone", "3415550000"}, {"email", "gus.csrf@example.com"},
                                  {"password", "secreto123"}, {"password_confirmation", "secreto123"}});
  EXPECT_EQ(registered.status, 302);
  EXPECT_EQ(user_id_of(*server_, "gus.csrf@example.com") > 0, true);
}

TEST_F(SecurityCsrf, SignedInCustomersStillPostTheirForms) {
  Browser customer = registered_customer(*server_, "formas.csrf@example.com");
  auto updated = customer.submit("/mi-cuenta", "/mi-cuenta",
                                 {{"_method", "PUT"}, {"name", "Flor"}, {"last_name", "Csrf"}, {"phone", "3415550000"},
                                  {"email", "formas.csrf@example.com"}});
  EXPECT_EQ(updated.header("location"), "/mi-cuenta");
  EXPECT_EQ(scalar(*server_, "SELECT COUNT(*) FROM users WHERE last_name = 'Csrf'"), 1);
  auto logout = customer.submit("/mi-cuenta", "/logout", {});
  EXPECT_EQ(logout.status, 302);
  EXPECT_TRUE(customer.get("/mi-cuenta").status == 302);  // signed out for real
}

TEST_F(SecurityCsrf, EveryStatusGoesOutWithItsReasonPhrase) {
  auto status_line = [](const std::string& answer) { return answer.substr(0, answer.find("\r\n")); };
  std::string expired = raw_exchange(server_->port(), "POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                                                      "application/x-www-form-urlencoded\r\nContent-Length: 3\r\n"
                                                      "Connection: close\r\n\r\na=b");
  EXPECT_EQ(status_line(expired), "HTTP/1.1 419 Page Expired");
  std::string missing = raw_exchange(server_->port(), "GET /no-existe HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(status_line(missing), "HTTP/1.1 404 Not Found");
  std::string huge_header = raw_exchange(server_->port(), "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " +
                                                              std::string(64 * 1024, 'a') + "\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(status_line(huge_header), "HTTP/1.1 431 Request Header Fields Too Large");
  for (const std::string& answer : {expired, missing, huge_header})
    EXPECT_EQ(answer.find("<unknown-status>"), std::string::npos);
}

TEST_F(SecurityCsrf, ARefererOnAnotherSiteNeverBecomesTheWayBack) {
  auto back_for = [&](const std::string& referer) {
    Browser guest(server_->base_url());
    std::string token = csrf_token_in(guest.get("/login").body);
    guest.referer = referer;
    return guest.post("/login", {{"_token", token}, {"email", "no-es-email"}, {"password", "x"}}).header("location");
  };
  std::string site = server_->base_url();
  EXPECT_EQ(back_for(site + "/\\evil.com"), "/login");
  EXPECT_EQ(back_for(site + "//evil.com"), "/login");
  EXPECT_EQ(back_for(site + "/\\/evil.com/x"), "/login");
  EXPECT_EQ(back_for("https://evil.com/x"), "/login");
  EXPECT_EQ(back_for(site + "/tienda?orden=precio"), "/tienda?orden=precio");
  EXPECT_EQ(back_for(site), "/");
}

TEST(SecurityCsrfSecureCookies, GuestCookiesCarryTheHostPrefixAndUnprefixedPlantedOnesAreIgnored) {
  AppServer server(std::map<std::string, std::string>{{"SESSION_SECURE_COOKIE", "true"}});
  server.start();
  Browser attacker(server.base_url());
  auto form = attacker.get("/login");
  std::string token = csrf_token_in(form.body);
  bool prefixed_id = false;
  for (const auto& cookie : form.header_values("set-cookie")) {
    if (cookie.rfind("__Host-nico_bid=", 0) == 0) prefixed_id = cookie.find("; Secure") != std::string::npos;
  }
  EXPECT_TRUE(prefixed_id);
  ASSERT_FALSE(attacker.cookie("__Host-nico_csrf").empty());

  // A sibling subdomain can only toss cookies without the prefix: the site does not read them.
  Browser victim(server.base_url());
  victim.set_cookie("nico_csrf", attacker.cookie("__Host-nico_csrf"));
  victim.set_cookie("nico_bid", attacker.cookie("__Host-nico_bid"));
  EXPECT_EQ(victim.post("/login", {{"_token", token}, {"email", "x@example.com"}, {"password", "nada1234"}}).status, 419);
  // The browser the token was made for still posts.
  EXPECT_EQ(attacker.post("/login", {{"_token", token}, {"email", "x@example.com"}, {"password", "nada1234"}}).status, 302);
}
