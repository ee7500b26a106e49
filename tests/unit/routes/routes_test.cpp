#include "routes/routes.hpp"

#include <gtest/gtest.h>

#include <set>

#include "web/router.hpp"

TEST(RouteTable, EveryAdminRouteRequiresTheAdminGuard) {
  web::Router router;
  routes::register_routes(router);
  for (const auto& route : router.routes()) {
    if (route.pattern.text().rfind("/admin/two-factor/challenge", 0) == 0)
      EXPECT_EQ(route.access, web::Access::kAdminChallenge) << route.method << " " << route.pattern.text();
    else if (route.pattern.text().rfind("/admin", 0) == 0)
      EXPECT_EQ(route.access, web::Access::kAdmin) << route.method << " " << route.pattern.text();
  }
}

TEST(RouteTable, NamesAreUniqueAndResolveToTheirPaths) {
  web::Router router;
  routes::register_routes(router);
  std::set<std::string> names;
  for (const auto& route : router.routes()) EXPECT_TRUE(names.insert(route.name).second) << route.name;
  EXPECT_EQ(router.url("login"), "/login");
  EXPECT_EQ(router.url("account.password"), "/mi-cuenta/password");
  EXPECT_THROW(router.url("no.such.route"), std::invalid_argument);
}

TEST(RouteTable, AccountPagesNeedASignedInUserAndAuthPagesAGuest) {
  web::Router router;
  routes::register_routes(router);
  http::PathParams params;
  bool mismatch = false;
  EXPECT_EQ(router.match("GET", "/mi-cuenta", params, mismatch)->access, web::Access::kAuth);
  EXPECT_EQ(router.match("PUT", "/mi-cuenta/password", params, mismatch)->access, web::Access::kAuth);
  EXPECT_EQ(router.match("POST", "/logout", params, mismatch)->access, web::Access::kAuth);
  EXPECT_EQ(router.match("GET", "/login", params, mismatch)->access, web::Access::kGuest);
  EXPECT_EQ(router.match("POST", "/registro", params, mismatch)->access, web::Access::kGuest);
  EXPECT_EQ(router.match("DELETE", "/login", params, mismatch), nullptr);
  EXPECT_TRUE(mismatch);
}
