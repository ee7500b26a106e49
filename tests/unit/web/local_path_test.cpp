#include <gtest/gtest.h>

#include "web/context.hpp"

TEST(LocalPath, OnlyASingleSlashFollowedByAnOrdinaryCharacterStaysOnSite) {
  EXPECT_TRUE(web::is_local_path("/"));
  EXPECT_TRUE(web::is_local_path("/tienda"));
  EXPECT_TRUE(web::is_local_path("/?q=1"));
  EXPECT_FALSE(web::is_local_path(""));
  EXPECT_FALSE(web::is_local_path("//evil.com"));
  EXPECT_FALSE(web::is_local_path("/\\evil.com"));
  EXPECT_FALSE(web::is_local_path("https://evil.com/x"));
  EXPECT_FALSE(web::is_local_path("tienda"));
}

TEST(LocalPath, AControlByteAnywhereIsRefusedBecauseBrowsersDropThemAndReadAnotherSite) {
  EXPECT_FALSE(web::is_local_path("/\t/evil.com"));
  EXPECT_FALSE(web::is_local_path("/\n/evil.com"));
  EXPECT_FALSE(web::is_local_path("/tienda\r\nSet-Cookie: x=1"));
  EXPECT_FALSE(web::is_local_path(std::string_view("/a\x7f", 3)));
  EXPECT_TRUE(web::is_local_path("/tienda?q=funda%20azul"));
}
