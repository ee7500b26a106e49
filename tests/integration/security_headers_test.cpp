// Security headers on every kind of response, the Mozilla Observatory score they earn, and /storage/{path}.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "core/strings.hpp"
#include "support/app_server.hpp"
#include "support/browser.hpp"

using testing_support::AppServer;
using testing_support::Browser;
using testing_support::HttpResponse;

namespace {
using Env = std::map<std::string, std::string>;

void expect_hardened(const HttpResponse& response, const std::string& what) {
  EXPECT_EQ(response.header("x-frame-options"), "DENY") << what;
  EXPECT_EQ(response.header("x-content-type-options"), "nosniff") << what;
  EXPECT_EQ(response.header("referrer-policy"), "strict-origin-when-cross-origin") << what;
  EXPECT_EQ(response.header("x-permitted-cross-domain-policies"), "none") << what;
  EXPECT_EQ(response.header("cross-origin-opener-policy"), "same-origin") << what;
  EXPECT_EQ(response.header("cross-origin-resource-policy"), "same-origin") << what;
  EXPECT_FALSE(response.header("permissions-policy").empty()) << what;
  EXPECT_FALSE(response.header("content-security-policy").empty()) << what;
}

// The Mozilla HTTP Observatory scoring (its published "tests" table), applied to one response:
// start at 100; deductions for missing/weak CSP, cookies, HSTS, nosniff, framing protection, referrer;
// bonuses (only counted when the score is already ≥ 90) for: CSP with no unsafe-inline/eval and
// default-src 'none' or frame-ancestors (+5 via "frame-ancestors 'none'"), a private referrer policy (+5),
// cookies all Secure + HttpOnly session + SameSite (+5), HSTS preload (not claimed here, 0).
// A+ is ≥ 100.
int observatory_score(const HttpResponse& response) {
  int score = 100, bonus = 0;
  std::string csp = response.header("content-security-policy");
  if (csp.empty()) score -= 25;
  else if (csp.find("'unsafe-inline'") != std::string::npos || csp.find("'unsafe-eval'") != std::string::npos) score -= 20;
  if (csp.find("frame-ancestors 'none'") != std::string::npos) bonus += 5;  // x-frame-options-implemented-via-csp
  else if (response.header("x-frame-options").empty()) score -= 20;
  if (response.header("x-content-type-options") != "nosniff") score -= 5;
  std::string referrer = response.header("referrer-policy");
  if (referrer == "no-referrer" || referrer == "same-origin" || referrer == "strict-origin" ||
      referrer == "strict-origin-when-cross-origin")
    bonus += 5;
  std::string hsts = response.header("strict-transport-security");
  if (hsts.empty()) score -= 20;
  else if (std::stol(hsts.substr(hsts.find("max-age=") + 8)) < 15768000) score -= 10;
  bool all_secure = true;
  auto cookies = response.header_values("set-cookie");
  for (const auto& cookie : cookies) {
    bool secure = cookie.find("; Secure") != std::string::npos;
    bool http_only = cookie.find("; HttpOnly") != std::string::npos;
    bool same_site = cookie.find("; SameSite=") != std::string::npos;
    if (!secure) score -= 20;
    if (!secure || !http_only || !same_site) all_secure = false;
  }
  if (!cookies.empty() && all_secure) bonus += 5;
  return score >= 90 ? score + bonus : score;
}
}  // namespace

TEST(SecurityHeaders, EveryKindOfResponseCarriesThem) {
  AppServer server;
  server.start();
  Browser browser(server.base_url());
  expect_hardened(browser.get("/login"), "200 page");
  expect_hardened(browser.get("/mi-cuenta"), "302 redirect");
  expect_hardened(browser.get("/no-existe"), "404");
  expect_hardened(browser.post("/login", {{"email", "x"}}), "419");
  expect_hardened(browser.get("/css/app.css"), "static file");
  ASSERT_EQ(server.run({"down", "--retry=30"}).exit_code, 0);
  expect_hardened(browser.get("/"), "503 maintenance");
  server.run({"up"});
}

TEST(SecurityHeaders, EachResponseGetsItsOwnCspNonceAndNoUnsafeInline) {
  AppServer server;
  server.start();
  Browser browser(server.base_url());
  std::string first = browser.get("/login").header("content-security-policy");
  std::string second = browser.get("/login").header("content-security-policy");
  EXPECT_NE(first.find("script-src 'self' 'nonce-"), std::string::npos) << first;
  EXPECT_NE(first, second);
  for (const char* directive : {"object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"})
    EXPECT_NE(first.find(directive), std::string::npos) << directive;
  EXPECT_EQ(first.find("unsafe-"), std::string::npos);
}

TEST(SecurityHeaders, HardenedProductionSettingsScoreAPlusOnTheObservatoryRules) {
  AppServer server(Env{{"SESSION_SECURE_COOKIE", "true"}, {"TRUSTED_PROXIES", "127.0.0.1"}});
  server.start();
  Browser browser(server.base_url());
  auto page = browser.get("/login", {{"X-Forwarded-Proto", "https"}});
  ASSERT_FALSE(page.header_values("set-cookie").empty());  // the guest CSRF cookie is judged too
  EXPECT_GE(observatory_score(page), 100) << "score " << observatory_score(page);
  auto plain = browser.get("/login");  // plain HTTP: no HSTS, cookies still secure
  EXPECT_LT(observatory_score(plain), 100);
}

TEST(StorageRoute, ServesUploadsButNeverOutsideTheFolder) {
  AppServer server(Env{{"APP_ENV", "local"}});
  auto uploads = server.base_path() / "storage/app/public/products";
  std::filesystem::create_directories(uploads);
  std::ofstream(uploads / "foto.png", std::ios::binary) << "\x89PNG\r\n\x1a\nimage";
  std::ofstream(server.base_path() / "storage/secret.txt") << "no";
  server.start();
  Browser browser(server.base_url());
  auto image = browser.get("/storage/products/foto.png");
  EXPECT_EQ(image.status, 200);
  EXPECT_EQ(image.header("content-type"), "image/png");
  EXPECT_EQ(image.header("x-content-type-options"), "nosniff");
  EXPECT_NE(image.header("content-security-policy").find("sandbox"), std::string::npos);
  for (const char* attack : {"/storage/../secret.txt", "/storage/products/../../secret.txt",
                             "/storage/%2e%2e/secret.txt", "/storage/products/%2E%2E/%2E%2E/secret.txt"}) {
    auto response = browser.get(attack);
    EXPECT_TRUE(response.status == 400 || response.status == 404) << attack << " → " << response.status;
    EXPECT_NE(response.body, "no") << attack;
  }
  EXPECT_EQ(browser.get("/storage/products/missing.png").status, 404);

  AppServer production(Env{{"APP_ENV", "production"}});
  production.start();
  EXPECT_EQ(Browser(production.base_url()).get("/storage/products/foto.png").status, 404);
}
