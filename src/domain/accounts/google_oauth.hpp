// Google sign-in, the provider side: OAuth 2.0 authorization code flow with PKCE (S256). Builds the authorization
// URL, exchanges the code server-side (client secret + code verifier) and reads the identity from the userinfo
// endpoint. Endpoints come from GOOGLE_*_URL so tests run a fake provider on 127.0.0.1. Blocking (libcurl): call
// from worker threads only.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>

namespace core {
class Config;
}

namespace accounts {

struct GoogleClient {
  std::string client_id, client_secret, redirect_uri;
  std::string auth_url, token_url, userinfo_url;
};

// The client when GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET are both set, else nullopt ("not configured").
// An empty GOOGLE_REDIRECT_URI means APP_URL + "/auth/google/callback".
std::optional<GoogleClient> google_client_from(const core::Config& config);

// What Google says about the person (userinfo). `email_verified` false when absent.
struct GoogleProfile {
  std::string subject;  // "sub": the stable Google account id
  std::string email;    // lower-cased, trimmed; "" when Google gave none
  bool email_verified = false;
  std::string given_name, family_name, name;
};

// Any failure of the exchange or of the userinfo call (transport, non-200, malformed JSON, missing "sub").
class GoogleSignInError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// base64url(SHA-256(verifier)) without padding (RFC 7636 S256).
std::string pkce_challenge(const std::string& verifier);
// The provider URL the browser is sent to.
std::string google_authorization_url(const GoogleClient& client, const std::string& state, const std::string& verifier);
// Code → access token (POST to the token endpoint) → profile (GET userinfo with the bearer token).
GoogleProfile fetch_google_profile(const GoogleClient& client, const std::string& code, const std::string& verifier);

}  // namespace accounts
