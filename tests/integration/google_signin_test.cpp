// "Continuar con Google" against a fake provider on 127.0.0.1 (support/fake_google.hpp): the authorization code
// flow with state and PKCE, as a customer and the shop would notice it (redirects, messages, rows).
#include <gtest/gtest.h>

#include <optional>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/totp.hpp"
#include "core/strings.hpp"
#include "support/accounts.hpp"
#include "support/app_server.hpp"
#include "support/browser.hpp"
#include "support/fake_google.hpp"

using testing_support::AppServer;
using testing_support::Browser;
using testing_support::FakeGoogle;
using testing_support::FakeGoogleIdentity;
using testing_support::HttpResponse;
using testing_support::visible_text;

namespace {
const std::string kClientId = "nico-test.apps.googleusercontent.com";
const std::string kClientSecret = "secreto-del-cliente";
const std::string kFailure = "No se pudo iniciar sesión con Google. Intentá de nuevo.";
// The test server's APP_URL: the callback the provider sends the browser back to.
const std::string kAppOrigin = "http://127.0.0.1";

std::map<std::string, std::string> google_env(const FakeGoogle& provider, bool admins_allowed = false) {
  return {{"GOOGLE_CLIENT_ID", kClientId},
          {"GOOGLE_CLIENT_SECRET", kClientSecret},
          {"GOOGLE_AUTH_URL", provider.url("/authorize")},
          {"GOOGLE_TOKEN_URL", provider.url("/token")},
          {"GOOGLE_USERINFO_URL", provider.url("/userinfo")},
          {"ADMIN_ALLOW_GOOGLE", admins_allowed ? "true" : "false"},
          {"RATE_LIMIT_AUTH_REGISTER_PER_MINUTE", "1000"}};
}

std::string unique(const std::string& prefix) { return prefix + "-" + core::to_lower(core::random_token(8)); }

class GoogleSignIn : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    provider_ = new FakeGoogle(kClientId, kClientSecret);
    server_ = new AppServer(google_env(*provider_));
    server_->start();
  }
  static void TearDownTestSuite() {
    delete server_;
    delete provider_;
    server_ = nullptr;
    provider_ = nullptr;
  }

  // /auth/google → the provider's /authorize → the callback URL (a path on our site) the provider sends back.
  static std::string callback_for(Browser& browser, const FakeGoogleIdentity& who, FakeGoogle& provider) {
    provider.next(who);
    auto start = browser.get("/auth/google");
    EXPECT_EQ(start.status, 302);
    std::string authorize = start.header("location");
    std::string provider_origin = provider.url("");
    EXPECT_EQ(authorize.rfind(provider_origin + "/authorize?", 0), 0u) << authorize;
    Browser at_google(provider_origin);
    auto back = at_google.get(authorize.substr(provider_origin.size()));
    EXPECT_EQ(back.status, 302);
    std::string location = back.header("location");
    EXPECT_EQ(location.rfind(kAppOrigin + "/auth/google/callback?", 0), 0u) << location;
    return location.substr(kAppOrigin.size());
  }
  static HttpResponse sign_in(Browser& browser, const FakeGoogleIdentity& who) {
    return browser.get(callback_for(browser, who, *provider_));
  }

  static std::optional<std::string> google_id_of(const std::string& email) {
    std::string google_id;
    soci::indicator ind = soci::i_null;
    server_->database().lease()->once << "SELECT google_id FROM users WHERE email = :email", soci::use(email),
        soci::into(google_id, ind);
    if (ind != soci::i_ok) return std::nullopt;
    return google_id;
  }
  static bool signed_in(Browser& browser) { return browser.get("/mi-cuenta").status == 200; }

  static FakeGoogle* provider_;
  static AppServer* server_;
};
FakeGoogle* GoogleSignIn::provider_ = nullptr;
AppServer* GoogleSignIn::server_ = nullptr;

TEST_F(GoogleSignIn, TheLoginPageOffersContinuarConGoogleWhenItIsConfigured) {
  Browser browser(server_->base_url());
  auto page = browser.get("/login");
  EXPECT_TRUE(page.contains("Continuar con Google"));
  EXPECT_TRUE(page.contains("href=\"/auth/google\""));
}

TEST_F(GoogleSignIn, TheProviderIsAskedForACodeWithStateAndAnS256Challenge) {
  Browser browser(server_->base_url());
  auto start = browser.get("/auth/google");
  ASSERT_EQ(start.status, 302);
  std::string location = start.header("location");
  EXPECT_NE(location.find("client_id=nico-test.apps.googleusercontent.com"), std::string::npos);
  EXPECT_NE(location.find("&state="), std::string::npos);
  EXPECT_NE(location.find("&code_challenge="), std::string::npos);
  EXPECT_NE(location.find("code_challenge_method=S256"), std::string::npos);
  EXPECT_NE(location.find("redirect_uri=http%3A%2F%2F127.0.0.1%2Fauth%2Fgoogle%2Fcallback"), std::string::npos);
  EXPECT_EQ(location.find("secreto"), std::string::npos) << "the client secret never goes through the browser";
}

TEST_F(GoogleSignIn, ANewPersonGetsAnAccountAndIsAskedForLastNameAndPhone) {
  std::string email = unique("nueva") + "@gmail.com";
  Browser browser(server_->base_url());
  auto back = sign_in(browser, {unique("sub"), email, true, "Lucía", ""});
  ASSERT_EQ(back.status, 302);
  EXPECT_EQ(back.header("location"), "/mi-cuenta");
  auto account = browser.follow(back);
  EXPECT_EQ(account.status, 200);
  EXPECT_TRUE(visible_text(account.body).find("Completá tu apellido y teléfono para poder comprar.") != std::string::npos);
  auto google_id = google_id_of(email);
  ASSERT_TRUE(google_id.has_value()) << "the account is created with the Google e-mail and linked";
  EXPECT_FALSE(google_id->empty());

  // A Google user with no password of their own sets one without the current password (spec rule).
  auto set = browser.submit("/mi-cuenta", "/mi-cuenta/password",
                            {{"_method", "PUT"}, {"password", "una-clave-nueva-9"},
                             {"password_confirmation", "una-clave-nueva-9"}});
  EXPECT_EQ(set.header("location"), "/mi-cuenta#security");
  EXPECT_TRUE(browser.follow(set).contains("Contraseña actualizada."));
}

TEST_F(GoogleSignIn, TheSameGoogleAccountSignsInAgainAsTheSameUser) {
  std::string email = unique("vuelve") + "@gmail.com", sub = unique("sub");
  Browser first(server_->base_url());
  ASSERT_EQ(sign_in(first, {sub, email, true, "Mario", "Gómez"}).status, 302);
  Browser second(server_->base_url());
  // Google now reports another address for the same account: the link is the subject, not the e-mail.
  auto back = sign_in(second, {sub, unique("otro") + "@gmail.com", true, "Mario", "Gómez"});
  ASSERT_EQ(back.status, 302);
  EXPECT_TRUE(signed_in(second));
  int rows = 0;
  server_->database().lease()->once << "SELECT COUNT(*) FROM users WHERE google_id = :sub", soci::use(sub),
      soci::into(rows);
  EXPECT_EQ(rows, 1);
}

TEST_F(GoogleSignIn, AnExistingCustomerIsLinkedByAVerifiedEmailAndWelcomed) {
  std::string email = unique("cliente") + "@example.com";
  testing_support::registered_customer(*server_, email);
  Browser browser(server_->base_url());
  auto back = sign_in(browser, {unique("sub"), email, true, "Ana", "Pérez"});
  ASSERT_EQ(back.status, 302);
  EXPECT_EQ(back.header("location"), "/");
  EXPECT_TRUE(visible_text(browser.follow(back).body).find("Sesión iniciada con Google.") != std::string::npos);
  auto google_id = google_id_of(email);
  ASSERT_TRUE(google_id.has_value());
  EXPECT_FALSE(google_id->empty());
  int accounts = 0;
  server_->database().lease()->once << "SELECT COUNT(*) FROM users WHERE email = :email", soci::use(email),
      soci::into(accounts);
  EXPECT_EQ(accounts, 1) << "linked, not duplicated";
}

TEST_F(GoogleSignIn, AnUnverifiedGoogleEmailIsNeverLinkedToAnExistingAccount) {
  std::string email = unique("victima") + "@example.com";
  testing_support::registered_customer(*server_, email);
  Browser attacker(server_->base_url());
  auto back = sign_in(attacker, {unique("sub"), email, false, "Ana", "Pérez"});
  ASSERT_EQ(back.status, 302);
  EXPECT_EQ(back.header("location"), "/login");
  EXPECT_TRUE(visible_text(attacker.follow(back).body).find(kFailure) != std::string::npos);
  EXPECT_FALSE(google_id_of(email).has_value());
  EXPECT_FALSE(signed_in(attacker));
}

TEST_F(GoogleSignIn, ACallbackWithAnotherState_OrReplayed_OrInAnotherBrowserIsRefused) {
  std::string email = unique("estado") + "@gmail.com";
  Browser browser(server_->base_url());
  std::string callback = callback_for(browser, {unique("sub"), email, true, "Eva", "Ruiz"}, *provider_);
  int exchanges_before = provider_->token_requests();

  // Another browser (a login-CSRF attempt) brings this callback: its session holds no state.
  Browser other(server_->base_url());
  auto foreign = other.get(callback);
  EXPECT_EQ(foreign.header("location"), "/login");
  EXPECT_TRUE(visible_text(other.follow(foreign).body).find(kFailure) != std::string::npos);
  EXPECT_FALSE(signed_in(other));

  // The right browser with a tampered state: refused, and the attempt is spent.
  std::string tampered = callback;
  auto at = tampered.find("state=");
  ASSERT_NE(at, std::string::npos);
  tampered[at + 6] = tampered[at + 6] == 'A' ? 'B' : 'A';
  auto mismatch = browser.get(tampered);
  EXPECT_EQ(mismatch.header("location"), "/login");
  EXPECT_TRUE(visible_text(browser.follow(mismatch).body).find(kFailure) != std::string::npos);

  // The genuine callback afterwards: the state was single use.
  auto replay = browser.get(callback);
  EXPECT_EQ(replay.header("location"), "/login");
  EXPECT_FALSE(signed_in(browser));
  EXPECT_EQ(provider_->token_requests(), exchanges_before) << "no code is exchanged without a matching state";
  EXPECT_FALSE(google_id_of(email).has_value());
}

TEST_F(GoogleSignIn, ASuccessfulCallbackCannotBeReplayed) {
  Browser browser(server_->base_url());
  std::string callback = callback_for(browser, {unique("sub"), unique("una-vez") + "@gmail.com", true, "Juan", "Paz"},
                                      *provider_);
  ASSERT_EQ(browser.get(callback).status, 302);
  ASSERT_TRUE(signed_in(browser));
  browser.post("/logout", {{"_token", testing_support::csrf_token_in(browser.get("/mi-cuenta").body)}});
  ASSERT_FALSE(signed_in(browser));
  auto replay = browser.get(callback);
  EXPECT_EQ(replay.header("location"), "/login");
  EXPECT_FALSE(signed_in(browser));
}

TEST_F(GoogleSignIn, ProviderErrorShowsTheFailureMessage) {
  Browser browser(server_->base_url());
  provider_->deny_next();
  auto back = sign_in(browser, {unique("sub"), unique("niega") + "@gmail.com", true, "Sol", "Díaz"});
  ASSERT_EQ(back.status, 302);
  EXPECT_EQ(back.header("location"), "/login");
  EXPECT_TRUE(visible_text(browser.follow(back).body).find(kFailure) != std::string::npos);
  EXPECT_FALSE(signed_in(browser));
}

TEST_F(GoogleSignIn, AnAdminCannotSignInWithGoogleByDefault) {
  testing_support::create_test_admin(*server_);
  Browser browser(server_->base_url());
  auto back = sign_in(browser, {unique("sub"), testing_support::kTestAdminEmail, true, "Nico", "Jefe"});
  ASSERT_EQ(back.status, 302);
  EXPECT_EQ(back.header("location"), "/login");
  EXPECT_TRUE(visible_text(browser.follow(back).body)
                  .find("Las cuentas de administración ingresan con email y contraseña, no con Google.") !=
              std::string::npos);
  EXPECT_FALSE(signed_in(browser));
  EXPECT_FALSE(google_id_of(testing_support::kTestAdminEmail).has_value());
}

TEST(GoogleSignInSettings, WithAdminAllowGoogleAnAdminSignsInAndReachesThePanel) {
  FakeGoogle provider(kClientId, kClientSecret);
  AppServer server(google_env(provider, /*admins_allowed=*/true));
  server.start();
  testing_support::create_test_admin(server);
  Browser browser(server.base_url());
  provider.next({"sub-admin", testing_support::kTestAdminEmail, true, "Nico", "Jefe"});
  auto start = browser.get("/auth/google");
  Browser at_google(provider.url(""));
  auto back = at_google.get(start.header("location").substr(provider.url("").size()));
  auto done = browser.get(back.header("location").substr(kAppOrigin.size()));
  ASSERT_EQ(done.status, 302);
  EXPECT_EQ(done.header("location"), "/admin/dashboard");
  EXPECT_EQ(browser.get("/admin/dashboard").status, 200);
}

TEST(GoogleSignInSettings, AnAdminWith2faSigningInWithGoogleStillAnswersTheChallenge) {
  FakeGoogle provider(kClientId, kClientSecret);
  AppServer server(google_env(provider, /*admins_allowed=*/true));
  server.start();
  // The admin enrols in 2FA with their password, as in admin_2fa_required_test.
  Browser password_browser = testing_support::signed_in_admin(server);
  const std::string enrolment = "/admin/seguridad/2fa";
  ASSERT_EQ(password_browser.submit(enrolment, enrolment + "/regenerar", {}).header("location"), enrolment);
  std::string page = password_browser.get(enrolment).body;
  const std::string marker = "id=\"twofa-secret\" class=\"twofa-secret\">";
  auto at = page.find(marker);
  ASSERT_NE(at, std::string::npos);
  at += marker.size();
  std::string secret = page.substr(at, page.find('<', at) - at);
  std::string code = core::totp_at(core::base32_decode(secret), core::unix_now());
  ASSERT_EQ(password_browser
                .submit(enrolment, enrolment + "/activar",
                        {{"current_password", testing_support::kTestAdminPassword}, {"code", code}})
                .header("location"),
            enrolment);

  Browser browser(server.base_url());
  provider.next({"sub-admin-2fa", testing_support::kTestAdminEmail, true, "Nico", "Jefe"});
  auto start = browser.get("/auth/google");
  Browser at_google(provider.url(""));
  auto back = at_google.get(start.header("location").substr(provider.url("").size()));
  ASSERT_EQ(browser.get(back.header("location").substr(kAppOrigin.size())).status, 302);
  auto panel = browser.get("/admin/dashboard");
  EXPECT_EQ(panel.status, 302);
  EXPECT_EQ(panel.header("location"), "/admin/two-factor/challenge") << "Google is not a second factor";
}

TEST(GoogleSignInSettings, NotConfiguredHidesTheButtonAndExplainsAtAuthGoogle) {
  AppServer server;
  server.start();
  Browser browser(server.base_url());
  EXPECT_FALSE(browser.get("/login").contains("Continuar con Google"));
  auto answer = browser.get("/auth/google");
  ASSERT_EQ(answer.status, 302);
  EXPECT_EQ(answer.header("location"), "/login");
  EXPECT_TRUE(visible_text(browser.follow(answer).body).find("Login con Google no está configurado.") !=
              std::string::npos);
  auto callback = browser.get("/auth/google/callback?code=x&state=y");
  EXPECT_EQ(callback.header("location"), "/login");
}

TEST(GoogleSignInSettings, AWrongClientSecretIsRefusedByTheProviderAndShowsTheFailure) {
  FakeGoogle provider(kClientId, "el-secreto-verdadero");
  AppServer server(google_env(provider));  // configured with kClientSecret, which the provider does not accept
  server.start();
  Browser browser(server.base_url());
  provider.next({"sub-x", "x@gmail.com", true, "Equis", "Ye"});
  auto start = browser.get("/auth/google");
  Browser at_google(provider.url(""));
  auto back = at_google.get(start.header("location").substr(provider.url("").size()));
  auto done = browser.get(back.header("location").substr(kAppOrigin.size()));
  EXPECT_EQ(done.header("location"), "/login");
  EXPECT_TRUE(visible_text(browser.follow(done).body).find(kFailure) != std::string::npos);
  EXPECT_EQ(provider.refused_token_requests(), 1);
}

}  // namespace
