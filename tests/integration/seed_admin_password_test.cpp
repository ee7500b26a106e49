// `nico db:seed` checks ADMIN_PASSWORD with the sign-up rules (issue 16, item 5): a weak one is refused by name,
// exit 1, before any seed row is written; a strong one makes the first admin.
#include <gtest/gtest.h>

#include <string>

#include "support/app_server.hpp"

using testing_support::AppServer;

namespace {

int count(AppServer& server, const std::string& query) {
  int n = 0;
  server.database().lease()->once << query, soci::into(n);
  return n;
}

}  // namespace

TEST(SeedAdminPassword, AWeakAdminPasswordIsRefusedByNameAndNothingIsSeeded) {
  AppServer server;
  for (const char* weak : {"12345678", "password123", "qwertyuiop"}) {
    auto seeded = server.run({"db:seed"}, {{"ADMIN_EMAIL", "jefe@taller.example.com"}, {"ADMIN_PASSWORD", weak}});
    EXPECT_EQ(seeded.exit_code, 1) << weak << ": " << seeded.output;
    EXPECT_NE(seeded.output.find("ADMIN_PASSWORD"), std::string::npos) << seeded.output;
    EXPECT_NE(seeded.output.find("muy común"), std::string::npos) << seeded.output;
  }
  auto too_short = server.run({"db:seed"}, {{"ADMIN_PASSWORD", "Ab3$x"}});
  EXPECT_EQ(too_short.exit_code, 1);
  EXPECT_NE(too_short.output.find("al menos 8 caracteres"), std::string::npos) << too_short.output;
  EXPECT_EQ(count(server, "SELECT COUNT(*) FROM users"), 0);
  EXPECT_EQ(count(server, "SELECT COUNT(*) FROM business_settings"), 0);
}

TEST(SeedAdminPassword, AStrongAdminPasswordMakesTheFirstAdminWithoutPrintingIt) {
  AppServer server;
  auto seeded = server.run({"db:seed"}, {{"ADMIN_EMAIL", "jefe@taller.example.com"},
                                         {"ADMIN_PASSWORD", "Turquesa-Mate-Silbido-47"}});
  ASSERT_EQ(seeded.exit_code, 0) << seeded.output;
  EXPECT_EQ(seeded.output.find("Turquesa-Mate-Silbido-47"), std::string::npos);
  EXPECT_EQ(count(server, "SELECT COUNT(*) FROM users WHERE role = 'admin' AND email = 'jefe@taller.example.com'"),
            1);
}
