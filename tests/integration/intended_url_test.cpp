// Where sign-in, sign-up and the admin 2FA challenge continue to (issue 16, item 9): the intended URL stored in
// the session is followed only when it is a local path. The server itself only stores local request targets, so
// these probes plant the value straight into the session row (as a bug elsewhere, or a tampered store, might)
// and check that "//evil", "/\evil" and "https://evil" still land on the fallback.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/totp.hpp"
#include "http/form.hpp"
#include "support/app_server.hpp"
#include "support/browser.hpp"

using testing_support::AppServer;
using testing_support::Browser;

namespace {

const std::string kAdminEmail = "jefe@taller.example.com";
const std::string kAdminPassword = "clave-admin-123";
const std::vector<std::string> kForeign = {"//evil.example/x", "/\\evil.example/x", "https://evil.example/x"};

class IntendedUrl : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new AppServer({{"RATE_LIMIT_AUTH_REGISTER_PER_MINUTE", "1000"},
                             {"RATE_LIMIT_ADMIN_2FA_PER_MINUTE", "1000"}});
    server_->start();
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  // Replaces the url.intended of the one session that holds it (the guest just sent to sign in) with `value`.
  static void plant_intended(const std::string& value) {
    auto sql = server_->database().lease();
    std::string id, payload;
    *sql << "SELECT id, payload FROM sessions WHERE payload LIKE '%url.intended=%'", soci::into(id), soci::into(payload);
    ASSERT_TRUE(sql->got_data()) << "no session holds an intended URL";
    http::FormData fields;
    http::parse_urlencoded(payload, fields);
    std::vector<std::pair<std::string, std::string>> pairs;
    for (const auto& [name, old] : fields.fields()) pairs.emplace_back(name, name == "url.intended" ? value : old);
    std::string planted = http::build_urlencoded(pairs);
    *sql << "UPDATE sessions SET payload = :payload WHERE id = :id", soci::use(planted), soci::use(id);
  }

  static void sign_in(Browser& browser, const std::string& email, const std::string& password) {
    auto page = browser.get("/login");
    auto response = browser.post("/login", {{"_token", testing_support::csrf_token_in(page.body)},
                                            {"email", email}, {"password", password}});
    ASSERT_EQ(response.status, 302);
  }

  static AppServer* server_;
};
AppServer* IntendedUrl::server_ = nullptr;

std::string between(const std::string& text, const std::string& start, const std::string& end) {
  auto a = text.find(start);
  if (a == std::string::npos) return {};
  a += start.size();
  return text.substr(a, text.find(end, a) - a);
}

}  // namespace

TEST_F(IntendedUrl, SignInAndSignUpFollowOnlyALocalIntendedPath) {
  // Control: a planted local path is followed, so the probes below really reach the check.
  std::vector<std::pair<std::string, std::string>> cases = {{"/mis-pedidos?pagina=2", "/mis-pedidos?pagina=2"}};
  for (const auto& foreign : kForeign) cases.emplace_back(foreign, "/");
  int n = 0;
  for (const auto& [planted, expected] : cases) {
    std::string email = "intended-" + std::to_string(n++) + "@example.com";
    Browser guest(server_->base_url());
    ASSERT_EQ(guest.get("/mi-cuenta").header("location"), "/login");
    plant_intended(planted);
    auto registered = guest.submit("/registro", "/registro",
                                   {{"name", "Ana"}, {"last_name", "Pérez"}, {"phone", "341 555-0000"},
                                    {"email", email}, {"password", "Turquesa-Mate-47"},
                                    {"password_confirmation", "Turquesa-Mate-47"}});
    ASSERT_EQ(registered.status, 302) << planted;
    EXPECT_EQ(registered.header("location"), expected) << "sign-up with intended " << planted;

    Browser returning(server_->base_url());
    ASSERT_EQ(returning.get("/mi-cuenta").header("location"), "/login");
    plant_intended(planted);
    auto page = returning.get("/login");
    auto signed_in = returning.post("/login", {{"_token", testing_support::csrf_token_in(page.body)},
                                               {"email", email}, {"password", "Turquesa-Mate-47"}});
    ASSERT_EQ(signed_in.status, 302) << planted;
    EXPECT_EQ(signed_in.header("location"), expected) << "sign-in with intended " << planted;
  }
}

TEST_F(IntendedUrl, TheAdminTwoFactorChallengeFollowsOnlyALocalIntendedPath) {
  auto created = server_->run({"user:create-admin", "--email", kAdminEmail, "--password", kAdminPassword});
  ASSERT_EQ(created.exit_code, 0) << created.output;
  Browser admin(server_->base_url());
  sign_in(admin, kAdminEmail, kAdminPassword);
  ASSERT_EQ(admin.submit("/admin/seguridad/2fa", "/admin/seguridad/2fa/regenerar", {}).status, 302);
  std::string secret = between(admin.get("/admin/seguridad/2fa").body, "id=\"twofa-secret\" class=\"twofa-secret\">", "<");
  ASSERT_EQ(secret.size(), 32u);
  auto enabled = admin.submit("/admin/seguridad/2fa", "/admin/seguridad/2fa/activar",
                              {{"current_password", kAdminPassword},
                               {"code", core::totp_at(core::base32_decode(secret), core::unix_now())}});
  ASSERT_EQ(enabled.header("location"), "/admin/seguridad/2fa");
  // One recovery code per probe: TOTP codes are single-use within their step.
  std::string settings = admin.get("/admin/seguridad/2fa").body;
  std::vector<std::string> codes;
  for (auto at = settings.find("<li><code>"); at != std::string::npos; at = settings.find("<li><code>", at + 1))
    codes.push_back(between(settings.substr(at), "<li><code>", "</code>"));
  ASSERT_GE(codes.size(), 4u);

  std::vector<std::pair<std::string, std::string>> cases = {{"/admin/pedidos?estado=2", "/admin/pedidos?estado=2"}};
  for (const auto& foreign : kForeign) cases.emplace_back(foreign, "/admin/dashboard");
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const auto& [planted, expected] = cases[i];
    // Guests are sent to /login without a session row; the admin's second sign-in is stopped at the challenge,
    // which stores the page it asked for.
    Browser next(server_->base_url());
    sign_in(next, kAdminEmail, kAdminPassword);
    ASSERT_EQ(next.get("/admin/dashboard").header("location"), "/admin/two-factor/challenge");
    plant_intended(planted);
    auto passed = next.submit("/admin/two-factor/challenge", "/admin/two-factor/challenge", {{"code", codes[i]}});
    ASSERT_EQ(passed.status, 302) << planted;
    EXPECT_EQ(passed.header("location"), expected) << "2FA challenge with intended " << planted;
  }
}
