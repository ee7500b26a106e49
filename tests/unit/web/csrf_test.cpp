#include "web/csrf.hpp"

#include <gtest/gtest.h>

TEST(GuestCsrf, IssuedTokensVerifyOnlyWithTheirKey) {
  std::string key(32, 'a'), other(32, 'b');
  std::string browser = web::issue_browser_id();
  std::string token = web::issue_guest_csrf_token(key, browser);
  EXPECT_TRUE(web::guest_csrf_token_is_authentic(token, key, browser));
  EXPECT_FALSE(web::guest_csrf_token_is_authentic(token, other, browser));
  std::string tampered = token;
  tampered[0] = tampered[0] == 'x' ? 'y' : 'x';
  EXPECT_FALSE(web::guest_csrf_token_is_authentic(tampered, key, browser));
  EXPECT_FALSE(web::guest_csrf_token_is_authentic("", key, browser));
}

TEST(GuestCsrf, ATokenMintedForOneBrowserFailsInAnother) {
  std::string key(32, 'a');
  std::string mine = web::issue_browser_id(), theirs = web::issue_browser_id();
  ASSERT_NE(mine, theirs);
  std::string token = web::issue_guest_csrf_token(key, theirs);
  EXPECT_FALSE(web::guest_csrf_token_is_authentic(token, key, mine));
  EXPECT_FALSE(web::guest_csrf_token_is_authentic(token, key, ""));
}

TEST(GuestCsrf, OnlyThirtyTwoAlphanumericsAreABrowserId) {
  EXPECT_TRUE(web::browser_id_is_well_formed(web::issue_browser_id()));
  EXPECT_FALSE(web::browser_id_is_well_formed(""));
  EXPECT_FALSE(web::browser_id_is_well_formed(std::string(31, 'a')));
  EXPECT_FALSE(web::browser_id_is_well_formed(std::string(31, 'a') + ";"));
}
