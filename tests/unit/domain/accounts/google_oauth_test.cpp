// The provider side of Google sign-in that needs no network: PKCE, the authorization URL, the configuration.
#include "domain/accounts/google_oauth.hpp"

#include <gtest/gtest.h>

#include "core/config.hpp"

namespace {

// Expected values computed independently (Python: urlsafe_b64encode(sha256(v).digest()).rstrip(b"=")); the second
// has both '-' and '_', so the URL-safe alphabet and the dropped padding are checked too.
TEST(GoogleOauth, PkceChallengeIsBase64UrlOfSha256WithoutPadding) {
  EXPECT_EQ(accounts::pkce_challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r7wC1z4XbN9zwQ"),
            "1pEYPNH5qv3kf6bc3KAD9fUsbtY9afAEXx96vBFrM3k");
  EXPECT_EQ(accounts::pkce_challenge("pkce-verifier-for-the-unit-test-number-00"),
            "56-ax4aRTO1MNZe_VfY08UEBKsKk9CLDa1gKhbcEGzE");
}

TEST(GoogleOauth, NotConfiguredWithoutBothClientIdAndSecret) {
  EXPECT_FALSE(accounts::google_client_from(core::Config::from_values({}, "/tmp")));
  EXPECT_FALSE(accounts::google_client_from(core::Config::from_values({{"GOOGLE_CLIENT_ID", "id"}}, "/tmp")));
  EXPECT_FALSE(accounts::google_client_from(core::Config::from_values({{"GOOGLE_CLIENT_SECRET", "s"}}, "/tmp")));
}

TEST(GoogleOauth, DefaultsToGoogleEndpointsAndTheCallbackUnderAppUrl) {
  auto client = accounts::google_client_from(core::Config::from_values(
      {{"GOOGLE_CLIENT_ID", "id"}, {"GOOGLE_CLIENT_SECRET", "s"}, {"APP_URL", "https://taller.example.com/"}}, "/tmp"));
  ASSERT_TRUE(client);
  EXPECT_EQ(client->redirect_uri, "https://taller.example.com/auth/google/callback");
  EXPECT_EQ(client->auth_url, "https://accounts.google.com/o/oauth2/v2/auth");
  EXPECT_EQ(client->token_url, "https://oauth2.googleapis.com/token");
  EXPECT_EQ(client->userinfo_url, "https://openidconnect.googleapis.com/v1/userinfo");
}

TEST(GoogleOauth, TheAuthorizationUrlCarriesStateAndChallengeButNeverTheSecretOrVerifier) {
  accounts::GoogleClient client{"id 1", "shh", "https://t.example/auth/google/callback",
                                "https://auth.example/o", "https://auth.example/t", "https://auth.example/u"};
  std::string url = accounts::google_authorization_url(client, "STATE123", "dBjftJeZ4CVP-mB92K27uhbUJU1p1r7wC1z4XbN9zwQ");
  EXPECT_EQ(url.rfind("https://auth.example/o?response_type=code&client_id=id%201&", 0), 0u) << url;
  EXPECT_NE(url.find("&state=STATE123"), std::string::npos);
  EXPECT_NE(url.find("&code_challenge=1pEYPNH5qv3kf6bc3KAD9fUsbtY9afAEXx96vBFrM3k&code_challenge_method=S256"),
            std::string::npos);
  EXPECT_NE(url.find("redirect_uri=https%3A%2F%2Ft.example%2Fauth%2Fgoogle%2Fcallback"), std::string::npos);
  EXPECT_EQ(url.find("shh"), std::string::npos);
  EXPECT_EQ(url.find("dBjftJeZ4CVP"), std::string::npos);
}

}  // namespace
