#include "http/route_pattern.hpp"

#include <gtest/gtest.h>

TEST(RoutePattern, MatchesLiteralsAndCapturesParameters) {
  http::RoutePattern pattern("/admin/pedidos/{order}/estado");
  http::PathParams params;
  ASSERT_TRUE(pattern.match("/admin/pedidos/42/estado", params));
  EXPECT_EQ(params.at("order"), "42");
  EXPECT_FALSE(pattern.match("/admin/pedidos/42", params));
  EXPECT_FALSE(pattern.match("/admin/pedidos/42/estado/x", params));
  EXPECT_TRUE(http::RoutePattern("/").match("/", params));
  EXPECT_TRUE(http::RoutePattern("/tienda").match("/tienda/", params));
}

TEST(RoutePattern, BuildsUrlsAndEncodesParameters) {
  http::RoutePattern pattern("/producto/{slug}");
  EXPECT_EQ(pattern.build({{"slug", "funda a52"}}), "/producto/funda%20a52");
  EXPECT_THROW(pattern.build({}), std::invalid_argument);
}

TEST(RoutePattern, CatchAllTakesTheRestOfThePath) {
  http::RoutePattern pattern("/storage/{path*}");
  http::PathParams params;
  ASSERT_TRUE(pattern.match("/storage/products/2026/a.png", params));
  EXPECT_EQ(params.at("path"), "products/2026/a.png");
  EXPECT_FALSE(pattern.match("/storage", params));
}

TEST(RoutePattern, BuildsACatchAllParameterKeepingItsSlashes) {
  http::RoutePattern pattern("/storage/{path*}");
  http::PathParams params;
  ASSERT_TRUE(pattern.match("/storage/products/a b.png", params));
  EXPECT_EQ(params.at("path"), "products/a b.png");
  EXPECT_EQ(pattern.build(params), "/storage/products/a%20b.png");
}
