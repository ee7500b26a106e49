#include "http/cookies.hpp"

#include <gtest/gtest.h>

TEST(Cookies, ParsesTheCookieHeader) {
  auto cookies = http::parse_cookies("a=1; nicoreparaciones-session=abc ; empty=; \"q\"=\"quoted\"");
  EXPECT_EQ(cookies.at("a"), "1");
  EXPECT_EQ(cookies.at("nicoreparaciones-session"), "abc");
  EXPECT_EQ(cookies.at("empty"), "");
}

TEST(Cookies, BuildsSetCookieWithTheConfiguredFlags) {
  http::CookieOptions options;
  options.secure = true;
  options.max_age_seconds = 7200;
  EXPECT_EQ(http::build_set_cookie("s", "v", options), "s=v; Path=/; Max-Age=7200; Secure; HttpOnly; SameSite=Lax");
  options.max_age_seconds = 0;
  options.secure = false;
  options.http_only = false;
  options.same_site = "Strict";
  EXPECT_EQ(http::build_set_cookie("s", "", options),
            "s=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; SameSite=Strict");
}
