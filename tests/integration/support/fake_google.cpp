// Fake Google OAuth provider (see fake_google.hpp). One request per connection, like the other test receivers.
#include "fake_google.hpp"

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "core/crypto.hpp"
#include "core/strings.hpp"
#include "core/url.hpp"
#include "http_receiver.hpp"
#include "loopback_listener.hpp"

namespace testing_support {

namespace {
std::map<std::string, std::string> parse_form(const std::string& text) {
  std::map<std::string, std::string> out;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    auto end = text.find('&', pos);
    if (end == std::string::npos) end = text.size();
    std::string pair = text.substr(pos, end - pos);
    auto eq = pair.find('=');
    if (!pair.empty()) out[core::url_decode(pair.substr(0, eq))] = eq == std::string::npos ? "" : core::url_decode(pair.substr(eq + 1));
    pos = end + 1;
  }
  return out;
}

std::string s256(const std::string& verifier) {
  std::string text = core::base64_encode(core::hex_decode(core::sha256_hex(verifier)));
  while (!text.empty() && text.back() == '=') text.pop_back();
  for (char& c : text) c = c == '+' ? '-' : c == '/' ? '_' : c;
  return text;
}

std::string answer(int status, const std::string& body, const std::string& extra_headers = "") {
  return "HTTP/1.1 " + std::to_string(status) + " X\r\nContent-Type: application/json\r\n" + extra_headers +
         "Content-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}
}  // namespace

FakeGoogle::FakeGoogle(std::string client_id, std::string client_secret)
    : client_id_(std::move(client_id)), client_secret_(std::move(client_secret)) {
  listen_fd_ = listen_on_loopback(port_, "fake google");
  thread_ = std::thread([this] { serve(); });
}

FakeGoogle::~FakeGoogle() {
  stopping_ = true;
  shutdown(listen_fd_, SHUT_RDWR);
  close(listen_fd_);
  thread_.join();
}

void FakeGoogle::next(FakeGoogleIdentity identity) {
  std::lock_guard lock(mutex_);
  next_ = std::move(identity);
}

std::string FakeGoogle::handle(const std::string& method, const std::string& target, const std::string& authorization,
                               const std::string& body) {
  auto question = target.find('?');
  std::string path = target.substr(0, question);
  auto query = parse_form(question == std::string::npos ? "" : target.substr(question + 1));
  std::lock_guard lock(mutex_);

  if (method == "GET" && path == "/authorize") {
    if (query["client_id"] != client_id_ || query["response_type"] != "code" ||
        query["code_challenge_method"] != "S256" || query["code_challenge"].empty())
      return answer(400, R"({"error":"invalid_request"})");
    std::string location = query["redirect_uri"] + "?state=" + core::url_encode(query["state"]);
    if (deny_next_.exchange(false)) {
      location += "&error=access_denied";
    } else {
      std::string code = "code-" + core::random_token(20);
      grants_[code] = Grant{next_, query["code_challenge"], query["redirect_uri"], false};
      location += "&code=" + code;
    }
    return "HTTP/1.1 302 Found\r\nLocation: " + location + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
  }

  if (method == "POST" && path == "/token") {
    ++token_requests_;
    auto form = parse_form(body);
    auto grant = grants_.find(form["code"]);
    bool good = form["grant_type"] == "authorization_code" && grant != grants_.end() && !grant->second.used &&
                form["client_id"] == client_id_ && form["client_secret"] == client_secret_ &&
                form["redirect_uri"] == grant->second.redirect_uri && s256(form["code_verifier"]) == grant->second.challenge;
    if (grant != grants_.end()) grant->second.used = true;  // a code is spent even by a failed attempt
    if (!good) {
      ++refused_token_requests_;
      return answer(400, R"({"error":"invalid_grant"})");
    }
    std::string token = "token-" + core::random_token(24);
    tokens_[token] = grant->second.identity;
    return answer(200, R"({"access_token":")" + token + R"(","token_type":"Bearer","expires_in":3599})");
  }

  if (method == "GET" && path == "/userinfo") {
    auto found = tokens_.find(authorization.rfind("Bearer ", 0) == 0 ? authorization.substr(7) : "");
    if (found == tokens_.end()) return answer(401, R"({"error":"invalid_token"})");
    const auto& who = found->second;
    return answer(200, R"({"sub":")" + who.sub + R"(","email":")" + who.email + R"(","email_verified":)" +
                           (who.email_verified ? "true" : "false") + R"(,"given_name":")" + who.given_name +
                           R"(","family_name":")" + who.family_name + R"(","name":")" + who.given_name + " " +
                           who.family_name + R"("})");
  }
  return answer(404, R"({"error":"not_found"})");
}

void FakeGoogle::serve() {
  while (!stopping_) {
    pollfd pfd{listen_fd_, POLLIN, 0};
    if (poll(&pfd, 1, 100) <= 0) continue;
    int fd = accept(listen_fd_, nullptr, nullptr);
    if (fd < 0) continue;
    std::string reply = answer(400, "{}");
    if (auto request = read_request(fd)) {
      auto authorization = request->headers.find("authorization");
      reply = handle(request->method, request->target,
                     authorization == request->headers.end() ? "" : authorization->second, request->body);
    }
    send(fd, reply.data(), reply.size(), MSG_NOSIGNAL);
    close(fd);
  }
}

}  // namespace testing_support
