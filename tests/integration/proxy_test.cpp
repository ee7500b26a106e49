// Client address and HTTPS detection behind a reverse proxy (TRUSTED_PROXIES).
#include <gtest/gtest.h>

#include "support/app_server.hpp"
#include "support/browser.hpp"

using testing_support::AppServer;
using testing_support::Browser;

namespace {
using Env = std::map<std::string, std::string>;

// Signs up through the form with the given proxy headers and returns the IP stored with the session.
std::string session_ip_after_signup(AppServer& server, const std::map<std::string, std::string>& headers,
                                    const std::string& email) {
  Browser browser(server.base_url());
  auto form = browser.get("/registro", headers);
  auto response = browser.post("/registro",
                               {{"_token", testing_support::csrf_token_in(form.body)}, {"name", "Ana"}, {"last_name", "P"},
                                {"phone", "3415550000"}, {"email", email}, {"password", "secreto123"},
                                {"password_confirmation", "secreto123"}},
                               headers);
  EXPECT_EQ(response.status, 302);
  std::string ip;
  server.database().lease()->once << "SELECT s.ip_address FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = :e",
      soci::use(email), soci::into(ip);
  return ip;
}
}  // namespace

TEST(Proxies, ForwardedHeadersFromAnUntrustedPeerAreIgnored) {
  AppServer server;
  server.start();
  std::map<std::string, std::string> spoofed = {{"X-Forwarded-For", "203.0.113.7"}, {"X-Forwarded-Proto", "https"}};
  EXPECT_EQ(session_ip_after_signup(server, spoofed, "spoof@example.com"), "127.0.0.1");
  Browser browser(server.base_url());
  EXPECT_EQ(browser.get("/login", spoofed).header("strict-transport-security"), "");
}

TEST(Proxies, TrustedProxyForwardsTheClientAddressAndHttps) {
  AppServer server(Env{{"TRUSTED_PROXIES", "127.0.0.1"}});
  server.start();
  std::map<std::string, std::string> forwarded = {{"X-Forwarded-For", "1.1.1.1, 203.0.113.7"},
                                                  {"X-Forwarded-Proto", "https"}};
  EXPECT_EQ(session_ip_after_signup(server, forwarded, "proxied@example.com"), "203.0.113.7");
  Browser browser(server.base_url());
  EXPECT_NE(browser.get("/login", forwarded).header("strict-transport-security").find("max-age="), std::string::npos);
  EXPECT_EQ(browser.get("/login").header("strict-transport-security"), "");
}
