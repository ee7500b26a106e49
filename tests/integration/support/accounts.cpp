// Signed-in browsers for tests (see accounts.hpp).
#include "accounts.hpp"

#include <gtest/gtest.h>
#include <soci/soci.h>

namespace testing_support {

void create_test_admin(AppServer& server) {
  if (user_id_of(server, kTestAdminEmail) != 0) return;
  auto result = server.run({"user:create-admin", "--email", kTestAdminEmail, "--password", kTestAdminPassword});
  EXPECT_EQ(result.exit_code, 0) << result.output;
}

Browser signed_in_admin(AppServer& server, const std::map<std::string, std::string>& headers) {
  create_test_admin(server);
  Browser browser(server.base_url());
  auto page = browser.get("/login", headers);
  auto response = browser.post("/login", {{"_token", csrf_token_in(page.body)},
                                          {"email", kTestAdminEmail}, {"password", kTestAdminPassword}}, headers);
  EXPECT_EQ(response.status, 302) << "admin login failed";
  return browser;
}

Browser registered_customer(AppServer& server, const std::string& email, const std::string& password) {
  Browser browser(server.base_url());
  auto response = browser.submit("/registro", "/registro",
                                 {{"name", "Ana"}, {"last_name", "Pérez"}, {"phone", "341 555-0000"}, {"email", email},
                                  {"password", password}, {"password_confirmation", password}});
  EXPECT_EQ(response.status, 302) << "registration failed for " << email;
  return browser;
}

Browser registered_customer_without_mail(AppServer& server, const std::string& email, const std::string& password) {
  Browser browser = registered_customer(server, email, password);
  server.database().lease()->once << "DELETE FROM jobs WHERE payload LIKE '%mail.email_verification%'";
  return browser;
}

long long user_id_of(AppServer& server, const std::string& email) {
  long long id = 0;
  soci::indicator found = soci::i_null;
  server.database().lease()->once << "SELECT id FROM users WHERE email = :e", soci::use(email), soci::into(id, found);
  return found == soci::i_ok ? id : 0;
}

}  // namespace testing_support
