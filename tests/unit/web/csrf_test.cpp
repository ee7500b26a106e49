#include "web/csrf.hpp"

#include <gtest/gtest.h>

TEST(GuestCsrf, IssuedTokensVerifyOnlyWithTheirKey) {
  std::string key(32, 'a'), other(32, 'b');
  std::string token = web::issue_guest_csrf_token(key);
  EXPECT_TRUE(web::guest_csrf_token_is_authentic(token, key));
  EXPECT_FALSE(web::guest_csrf_token_is_authentic(token, other));
  std::string tampered = token;
  tampered[0] = tampered[0] == 'x' ? 'y' : 'x';
  EXPECT_FALSE(web::guest_csrf_token_is_authentic(tampered, key));
  EXPECT_FALSE(web::guest_csrf_token_is_authentic("", key));
}
