// A fake Google OAuth provider on 127.0.0.1 for the sign-in tests: /authorize answers with a redirect carrying a
// code and the state, /token checks the code (single use), client id and secret, redirect URI and the PKCE
// verifier against the challenge, /userinfo answers the identity chosen for that sign-in. Nothing leaves 127.0.0.1.
#pragma once

#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace testing_support {

struct FakeGoogleIdentity {
  std::string sub, email;
  bool email_verified = true;
  std::string given_name, family_name;
};

class FakeGoogle final {
 public:
  FakeGoogle(std::string client_id, std::string client_secret);
  ~FakeGoogle();
  std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }

  // The identity the next /authorize hands out; `deny` makes it answer error=access_denied instead.
  void next(FakeGoogleIdentity identity);
  void deny_next() { deny_next_ = true; }
  int token_requests() const { return token_requests_; }
  int refused_token_requests() const { return refused_token_requests_; }

 private:
  struct Grant {
    FakeGoogleIdentity identity;
    std::string challenge, redirect_uri;
    bool used = false;
  };
  void serve();
  std::string handle(const std::string& method, const std::string& target, const std::string& authorization,
                     const std::string& body);

  std::string client_id_, client_secret_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<bool> deny_next_{false};
  std::atomic<int> token_requests_{0}, refused_token_requests_{0};
  std::mutex mutex_;
  FakeGoogleIdentity next_;
  std::map<std::string, Grant> grants_;                     // by code
  std::map<std::string, FakeGoogleIdentity> tokens_;         // by access token
  std::thread thread_;
};

}  // namespace testing_support
