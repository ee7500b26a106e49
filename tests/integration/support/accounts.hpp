// Signed-in browsers for tests of admin and customer pages: created through the real commands and forms.
#pragma once

#include <map>
#include <string>

#include "app_server.hpp"
#include "browser.hpp"

namespace testing_support {

inline const std::string kTestAdminEmail = "jefe@taller.example.com";
inline const std::string kTestAdminPassword = "clave-admin-123";

// `nico user:create-admin` with the credentials above (idempotent per database: a second call fails quietly).
void create_test_admin(AppServer& server);
// Creates the admin when needed and signs in through /login (no 2FA enabled: the gate lets them in).
Browser signed_in_admin(AppServer& server, const std::map<std::string, std::string>& headers = {});
// Registers a customer through /registro (name Ana Pérez, phone 341 555-0000) and returns the signed-in browser.
Browser registered_customer(AppServer& server, const std::string& email, const std::string& password = "secreto123");
// The same, with the sign-up's e-mail verification mail taken off the queue: for tests that count the mails of
// another flow (password reset, order confirmation) and need the customer only as a given.
Browser registered_customer_without_mail(AppServer& server, const std::string& email,
                                         const std::string& password = "secreto123");
// id of the user with that email (0 when missing).
long long user_id_of(AppServer& server, const std::string& email);

}  // namespace testing_support
