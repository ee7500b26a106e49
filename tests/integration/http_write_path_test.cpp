// The hand-written response path (src/http/response_head.cpp, server.cpp's gathered write, http::PresetHeaders)
// read the way a strict client reads it: every kind of answer framed by exactly one Content-Length, each security
// header exactly once, nothing a visitor sends able to start a header line, HTTP/1.0 and half-closed clients,
// a reader with a tiny window, two IO threads under concurrent load, and a SIGTERM while an answer is being read.
#include <gtest/gtest.h>

#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "core/strings.hpp"
#include "support/accounts.hpp"
#include "support/app_server.hpp"
#include "support/browser.hpp"

using testing_support::AppServer;
using testing_support::Browser;

// A named namespace (tests included): the integration tests are built as unity files, where helpers in anonymous
// namespaces of different files would collide.
namespace write_path {
using Env = std::map<std::string, std::string>;

const std::vector<std::string> kSecurityHeaders = {
    "X-Frame-Options",           "X-Content-Type-Options",     "Referrer-Policy",    "X-Permitted-Cross-Domain-Policies",
    "Cross-Origin-Opener-Policy", "Cross-Origin-Resource-Policy", "Permissions-Policy", "Content-Security-Policy"};

// One answer as read off the wire, with everything a strict client would object to listed in `problems`.
struct Answer {
  int status = 0;
  std::string status_line;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string problems;

  int count(std::string_view name) const {
    int n = 0;
    for (const auto& [key, value] : headers) n += core::equals_ci(key, name) ? 1 : 0;
    return n;
  }
  std::string value(std::string_view name) const {
    for (const auto& [key, value] : headers)
      if (core::equals_ci(key, name)) return value;
    return {};
  }
  std::string describe() const {
    std::string text = status_line + "\n";
    for (const auto& [key, value] : headers) text += key + ": " + value.substr(0, 80) + "\n";
    return text + problems;
  }
};

bool is_token(std::string_view name) {
  if (name.empty()) return false;
  for (unsigned char c : name)
    if (c <= 0x20 || c >= 0x7f || std::string_view("()<>@,;:\\\"/[]?={}").find(static_cast<char>(c)) != std::string_view::npos)
      return false;
  return true;
}

// A client socket that reads answers one at a time, checking their framing as it goes.
class Wire {
 public:
  // `receive_window` > 0 shrinks the client's receive buffer before connecting, so the server's writes of a large
  // answer go out in several partial writes instead of one.
  explicit Wire(int port, int receive_window = 0) {
    fd_ = testing_support::connect_loopback(port, receive_window);
    if (fd_ < 0) return;
    timeval timeout{10, 0};  // a hung server fails the test instead of blocking it
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  }
  ~Wire() {
    if (fd_ >= 0) ::close(fd_);
  }
  Wire(const Wire&) = delete;
  Wire& operator=(const Wire&) = delete;

  bool connected() const { return fd_ >= 0; }
  void send(const std::string& bytes) { testing_support::send_all(fd_, bytes); }
  void half_close() { ::shutdown(fd_, SHUT_WR); }
  // Reads at most `chunk` bytes per recv (a slow reader), pausing `pause` between reads.
  void read_slowly(std::size_t chunk, std::chrono::microseconds pause) {
    chunk_ = chunk;
    pause_ = pause;
  }

  // The next final answer (interim 1xx answers are skipped after their own checks); for a HEAD request the
  // announced length is not read. An empty status_line: the connection ended first.
  Answer read_answer(bool head_request = false) {
    for (;;) {
      Answer answer = read_one(head_request);
      if (answer.status >= 200 || answer.status_line.empty()) return answer;
      if (!answer.problems.empty()) return answer;
    }
  }

  // Whether the server closed the connection with nothing more to say (bytes left over are an error).
  bool closed_cleanly() {
    while (fill()) {
    }
    return received_.empty() && eof_;
  }
  const std::string& leftover() const { return received_; }
  bool wait_for_bytes() { return !received_.empty() || fill(); }

 private:
  bool fill() {
    if (eof_) return false;
    char buffer[16384];
    std::size_t want = chunk_ > 0 ? std::min(chunk_, sizeof buffer) : sizeof buffer;
    if (pause_.count() > 0) std::this_thread::sleep_for(pause_);
    ssize_t n = ::recv(fd_, buffer, want, 0);
    if (n <= 0) {
      eof_ = true;
      return false;
    }
    received_.append(buffer, static_cast<std::size_t>(n));
    return true;
  }

  Answer read_one(bool head_request) {
    Answer answer;
    std::size_t end;
    while ((end = received_.find("\r\n\r\n")) == std::string::npos && fill()) {
    }
    if (end == std::string::npos) {
      if (!received_.empty()) answer.problems += "connection ended inside a header block\n";
      return answer;
    }
    std::string head = received_.substr(0, end + 2);
    received_.erase(0, end + 4);
    std::size_t line_end = head.find("\r\n");
    answer.status_line = head.substr(0, line_end);
    if (answer.status_line.rfind("HTTP/1.", 0) != 0 || answer.status_line.size() < 12 || answer.status_line[12 - 4] != ' ')
      answer.problems += "bad status line\n";
    else
      answer.status = std::atoi(answer.status_line.c_str() + 9);
    for (std::size_t at = line_end + 2; at < head.size();) {
      std::size_t next = head.find("\r\n", at);
      std::string line = head.substr(at, next - at);
      at = next + 2;
      if (line.find('\n') != std::string::npos || line.find('\r') != std::string::npos ||
          line.find('\0') != std::string::npos)
        answer.problems += "stray line break in: " + line + "\n";
      auto colon = line.find(':');
      if (colon == std::string::npos || !is_token(line.substr(0, colon))) {
        answer.problems += "malformed header line: " + line + "\n";
        continue;
      }
      std::string value = line.substr(colon + 1);
      if (value.rfind(' ', 0) == 0) value.erase(0, 1);
      answer.headers.emplace_back(line.substr(0, colon), value);
    }
    bool bodiless = answer.status < 200 || answer.status == 204 || answer.status == 304;
    if (answer.count("Transfer-Encoding") != 0) answer.problems += "Transfer-Encoding on an answer\n";
    if (bodiless) {
      if (answer.count("Content-Length") != 0) answer.problems += "Content-Length on a bodiless status\n";
      return answer;
    }
    if (answer.count("Content-Length") != 1) {
      answer.problems += "Content-Length appears " + std::to_string(answer.count("Content-Length")) + " times\n";
      return answer;
    }
    std::size_t length = std::stoul(answer.value("Content-Length"));
    if (head_request) return answer;
    while (received_.size() < length && fill()) {
    }
    if (received_.size() < length) answer.problems += "body cut short\n";
    answer.body = received_.substr(0, length);
    received_.erase(0, answer.body.size());
    return answer;
  }

  int fd_ = -1;
  std::string received_;
  bool eof_ = false;
  std::size_t chunk_ = 0;
  std::chrono::microseconds pause_{0};
};

// Sends `request` on a fresh connection and reads its one answer.
Answer ask(int port, const std::string& request, bool head_request = false) {
  Wire wire(port);
  if (!wire.connected()) return Answer{.problems = "connect failed"};
  wire.send(request);
  return wire.read_answer(head_request);
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

std::string get(const std::string& target, const std::string& extra = {}) {
  return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra + "\r\n";
}

std::string post_form(const std::string& target, const std::string& body, const std::string& extra = {}) {
  return "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
         "Content-Length: " + std::to_string(body.size()) + "\r\n" + extra + "\r\n" + body;
}

void expect_security_headers_once(const Answer& answer, const std::string& what) {
  for (const auto& name : kSecurityHeaders)
    EXPECT_EQ(answer.count(name), 1) << what << ": " << name << "\n" << answer.describe();
  EXPECT_LE(answer.count("X-Request-Id"), 1) << what;
  EXPECT_LE(answer.count("Cache-Control"), 1) << what;
  EXPECT_LE(answer.count("Content-Type"), 1) << what;
  EXPECT_EQ(answer.problems, "") << what << "\n" << answer.describe();
}

std::filesystem::path public_file(const std::string& relative) {
  return std::filesystem::path(NICO_SOURCE_DIR) / "public" / relative;
}

TEST(HttpWritePath, EveryKindOfAnswerCarriesEachSecurityHeaderExactlyOnceAndOneContentLength) {
  const std::string token = "3f1c9a0e7b5d4c2a8e6f1b0d9c7a5e3f";
  AppServer server(Env{{"METRICS_ENABLED", "true"},
                       {"METRICS_TOKEN", token},
                       {"HTTP_READ_TIMEOUT_SECONDS", "1"},
                       {"APP_ALLOW_STORAGE_LOCAL_ROUTE", "true"}});
  auto uploads = server.base_path() / "storage/app/public/products";
  std::filesystem::create_directories(uploads);
  std::ofstream(uploads / "foto.png", std::ios::binary) << "\x89PNG\r\n\x1a\nimage";
  server.start();
  const int port = server.port();
  const std::string close = "Connection: close\r\n";

  expect_security_headers_once(ask(port, get("/up", close)), "/up");
  bool saw_kept_page = false;
  for (int i = 0; i < 3; ++i) {  // the first answers come from the pool, later ones from the kept page
    auto store = ask(port, get("/tienda", close));
    EXPECT_EQ(store.status, 200);
    saw_kept_page = saw_kept_page || store.value("X-Page-Cache") == "hit";
    expect_security_headers_once(store, "/tienda #" + std::to_string(i + 1));
  }
  EXPECT_TRUE(saw_kept_page) << "no kept guest page was answered: that path went unchecked";
  auto kept_head = ask(port, "HEAD /tienda HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", true);
  expect_security_headers_once(kept_head, "HEAD /tienda");
  expect_security_headers_once(ask(port, get("/login", close)), "/login");
  auto redirect = ask(port, get("/mi-cuenta", close));
  EXPECT_EQ(redirect.status, 302);
  EXPECT_EQ(redirect.count("Location"), 1);
  expect_security_headers_once(redirect, "302");
  auto stale = ask(port, post_form("/login", "email=a%40b.c&password=x", close));
  EXPECT_EQ(stale.status, 419);
  expect_security_headers_once(stale, "419");
  expect_security_headers_once(ask(port, get("/no-existe", close)), "404");
  expect_security_headers_once(ask(port, "DELETE /tienda HTTP/1.1\r\nHost: 127.0.0.1\r\n" + close + "\r\n"),
                               "405");
  auto file = ask(port, get("/css/app.css", close));
  EXPECT_EQ(file.body, read_file(public_file("css/app.css")));
  expect_security_headers_once(file, "static file");
  expect_security_headers_once(ask(port, "HEAD /css/app.css HTTP/1.1\r\nHost: 127.0.0.1\r\n" + close + "\r\n", true),
                               "HEAD static file");
  auto upload = ask(port, get("/storage/products/foto.png", close));  // its own, stricter CSP: not a second one
  EXPECT_EQ(upload.status, 200) << upload.describe();
  EXPECT_NE(upload.value("Content-Security-Policy").find("sandbox"), std::string::npos) << upload.describe();
  expect_security_headers_once(upload, "/storage upload");
  auto metrics = ask(port, get("/metrics", "Authorization: Bearer " + token + "\r\n" + close));
  EXPECT_EQ(metrics.status, 200);
  expect_security_headers_once(metrics, "/metrics");

  // Refusals the server writes itself, before any handler: whole page, Connection: close, headers once.
  auto expect_refusal = [&](const std::string& request, int status) {
    Wire wire(port);
    wire.send(request);
    auto answer = wire.read_answer();
    EXPECT_EQ(answer.status, status) << answer.describe();
    EXPECT_EQ(answer.value("Connection"), "close") << status;
    EXPECT_NE(answer.body.find("</html>"), std::string::npos) << status;
    expect_security_headers_once(answer, std::to_string(status));
    EXPECT_TRUE(wire.closed_cleanly()) << status << " left bytes: " << wire.leftover().substr(0, 200);
  };
  expect_refusal("POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                 "Content-Length: 50000000\r\n\r\nemail=",
                 413);
  expect_refusal("GET /up HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + std::string(40000, 'a') + "\r\n\r\n", 431);
  expect_refusal("GET /up HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab", 400);
  expect_refusal("GET /up HTTP/1.1\r\nHost: 127.0.0.1\r\n", 408);

  ASSERT_EQ(server.run({"down", "--retry=30"}).exit_code, 0);
  auto maintenance = ask(port, get("/tienda", close));
  EXPECT_EQ(maintenance.status, 503);
  EXPECT_EQ(maintenance.count("Retry-After"), 1);
  expect_security_headers_once(maintenance, "503 maintenance");
  server.run({"up"});
}

TEST(HttpWritePath, ACsvExportSentFromItsFileCarriesItsNameAndEachHeaderOnce) {
  AppServer server;
  server.start();
  Browser admin = testing_support::signed_in_admin(server);
  for (const char* kind : {"productos", "pedidos", "reparaciones"}) {
    auto csv = admin.get(std::string("/admin/exportar/") + kind + "?desde=2020-01-01&hasta=2099-12-31");
    ASSERT_EQ(csv.status, 200) << kind;
    EXPECT_EQ(csv.header_values("content-disposition"),
              std::vector<std::string>{std::string("attachment; filename=\"") + kind + "_2020-01-01_2099-12-31.csv\""});
    EXPECT_EQ(csv.header_values("content-length"), std::vector<std::string>{std::to_string(csv.body.size())}) << kind;
    EXPECT_EQ(csv.header_values("x-export-rows").size(), 1u) << kind;
    for (std::string name : kSecurityHeaders)
      EXPECT_EQ(csv.header_values(core::to_lower(name)).size(), 1u) << kind << ": " << name;
  }
}

TEST(HttpWritePath, StaticFilesAreFramedByTheirSizeOnDiskWhateverTheClientAsksAlongside) {
  AppServer server;
  server.start();
  const std::string css = read_file(public_file("css/app.css"));
  ASSERT_GT(css.size(), 1000u);
  Wire wire(server.port());
  // One connection, pipelined: a fingerprinted URL, HEAD, conditional requests (the app may answer 304 or the
  // whole file, but either framed right), a missing file, and /up to prove nothing leaked between them.
  wire.send(get("/css/app.css?v=0123456789") + "HEAD /css/app.css?v=0123456789 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" +
            get("/css/app.css", "If-None-Match: *\r\nIf-Modified-Since: Fri, 01 Jan 2100 00:00:00 GMT\r\n") +
            get("/css/no-existe.css") + get("/up", "Connection: close\r\n"));
  auto fingerprinted = wire.read_answer();
  EXPECT_EQ(fingerprinted.status, 200) << fingerprinted.describe();
  EXPECT_EQ(fingerprinted.body, css);
  EXPECT_NE(fingerprinted.value("Cache-Control").find("immutable"), std::string::npos) << fingerprinted.describe();
  EXPECT_EQ(fingerprinted.problems, "");

  auto head = wire.read_answer(true);
  EXPECT_EQ(head.status, 200) << head.describe();
  EXPECT_EQ(head.value("Content-Length"), std::to_string(css.size()));
  EXPECT_EQ(head.problems, "");

  auto conditional = wire.read_answer();
  EXPECT_TRUE(conditional.status == 200 || conditional.status == 304) << conditional.describe();
  if (conditional.status == 200) {
    EXPECT_EQ(conditional.body, css);
  }
  EXPECT_EQ(conditional.problems, "");

  auto missing = wire.read_answer();
  EXPECT_EQ(missing.status, 404) << missing.describe();
  EXPECT_EQ(missing.problems, "");

  auto up = wire.read_answer();
  EXPECT_EQ(up.status, 200) << up.describe() << "\nHEAD or 404 sent bytes that ended up here";
  EXPECT_EQ(up.problems, "");
  EXPECT_TRUE(wire.closed_cleanly()) << wire.leftover().substr(0, 200);
}

TEST(HttpWritePath, PipelinedGetHeadAndPostsWithBodiesAreEachAnsweredWholeInOrder) {
  AppServer server;
  server.start();
  Wire wire(server.port());
  const std::string chunked_body = "b\r\nemail=a%40b\r\n9\r\n&password\r\n2\r\n=x\r\n0\r\n\r\n";
  wire.send(post_form("/login", "email=a%40b.c&password=x") +
            "HEAD /tienda HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" +
            "POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            "Transfer-Encoding: chunked\r\n\r\n" + chunked_body +
            get("/login") +
            post_form("/login", "email=c%40d.e&password=y", "Expect: 100-continue\r\n") +
            "HEAD /up HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" +
            get("/tienda") +
            post_form("/no-existe", "a=1") +
            get("/up", "Connection: close\r\n"));
  struct Expected {
    int status;
    bool head;
    const char* ends_with;
  };
  const std::vector<Expected> expected = {{419, false, "</html>"}, {200, true, ""},   {419, false, "</html>"},
                                          {200, false, "</html>"}, {419, false, "</html>"}, {200, true, ""},
                                          {200, false, "</html>"}, {404, false, ""},  {200, false, ""}};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    auto answer = wire.read_answer(expected[i].head);
    EXPECT_EQ(answer.status, expected[i].status) << "answer " << i + 1 << "\n" << answer.describe();
    EXPECT_EQ(answer.problems, "") << "answer " << i + 1;
    std::string tail = expected[i].ends_with;
    if (!tail.empty()) {
      EXPECT_NE(answer.body.find(tail), std::string::npos) << "answer " << i + 1 << " cut short";
    }
    if (expected[i].status == 404) {
      // A refused POST may end the connection (then nothing may follow it); otherwise the rest keeps coming.
      if (answer.value("Connection") == "close") {
        EXPECT_TRUE(wire.closed_cleanly());
        return;
      }
    }
  }
  EXPECT_TRUE(wire.closed_cleanly()) << wire.leftover().substr(0, 200);
}

TEST(HttpWritePath, NothingAVisitorSendsStartsAHeaderLineOfItsOwn) {
  AppServer server;
  server.start();
  const int port = server.port();
  const std::string origin = "http://127.0.0.1:" + std::to_string(port);
  const std::string same_host = "http://127.0.0.1";  // what previous_url compares with our Host header
  auto expect_clean = [](const Answer& answer, const std::string& what) {
    EXPECT_NE(answer.status, 0) << what << ": no answer";
    EXPECT_EQ(answer.count("X-Injected"), 0) << what << "\n" << answer.describe();
    for (const auto& cookie : answer.headers)
      if (core::equals_ci(cookie.first, "Set-Cookie")) {
        EXPECT_EQ(cookie.second.find("injected"), std::string::npos) << what << "\n" << answer.describe();
      }
    EXPECT_EQ(answer.problems, "") << what << "\n" << answer.describe();
  };
  const std::string encoded = "%0d%0aX-Injected:%20yes%0d%0aSet-Cookie:%20injected=1";
  const std::string close = "Connection: close\r\n";

  // Encoded line breaks in what ends up in Location (the intended URL), a 404's path and the query string.
  auto to_login = ask(port, get("/mi-cuenta?next=" + encoded, close));
  EXPECT_EQ(to_login.status, 302);
  expect_clean(to_login, "intended URL");
  expect_clean(ask(port, get("/" + encoded, close)), "404 path");
  expect_clean(ask(port, get("/tienda?q=" + encoded, close)), "store search");
  // A Referer that a form's redirect back would copy, with encoded and folded line breaks.
  Browser browser(origin);
  auto form = browser.get("/login");
  std::string token = testing_support::csrf_token_in(form.body);
  ASSERT_FALSE(token.empty());
  std::string cookies;
  for (const auto& value : form.header_values("set-cookie")) cookies += value.substr(0, value.find(';')) + "; ";
  auto back = ask(port, post_form("/login", "email=nadie%40example.com&password=incorrecta&_token=" + token,
                                       "Cookie: " + cookies + "\r\nReferer: " + same_host + "/login?" + encoded +
                                           "\r\n" + close));
  EXPECT_TRUE(back.status == 302 || back.status == 303 || back.status == 429) << back.describe();
  expect_clean(back, "redirect back to an encoded Referer");
  if (back.status == 302 || back.status == 303) {
    EXPECT_EQ(back.value("Location").find('\r'), std::string::npos);
  }

  // Raw bytes: an obsolete folded header line, a bare LF, a NUL, a visitor's own X-Request-Id and a session cookie
  // made of line breaks. Each is refused (400) or answered without echoing anything into the head.
  for (const std::string& header : std::vector<std::string>{
           "Referer: " + same_host + "/login\r\n X-Injected: yes", "X-Request-Id: abc\nX-Injected: yes",
        std::string("X-Note: a\0X-Injected: yes", 25), "Cookie: nico_session=%0d%0aX-Injected:%20yes"}) {
    auto answer = ask(port, "GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\n" + header + "\r\n" + close + "\r\n");
    EXPECT_TRUE(answer.status == 200 || answer.status == 400) << header << "\n" << answer.describe();
    expect_clean(answer, header);
  }
  auto own_id = ask(port, get("/up", "X-Request-Id: visitor-chosen\r\n" + close));
  EXPECT_EQ(own_id.count("X-Request-Id"), 1);
  EXPECT_NE(own_id.value("X-Request-Id"), "visitor-chosen");
}

TEST(HttpWritePath, Http10ConnectionCloseAndHalfClosedClientsGetWholeAnswers) {
  AppServer server;
  server.start();
  const int port = server.port();
  const std::string css = read_file(public_file("css/app.css"));

  {  // HTTP/1.0 without keep-alive, for a file (Beast's writer) and a page (ours): answered whole, then closed.
    for (const char* target : {"/css/app.css", "/tienda", "/login"}) {
      Wire wire(port);
      wire.send(std::string("GET ") + target + " HTTP/1.0\r\n\r\n");
      auto answer = wire.read_answer();
      EXPECT_EQ(answer.status_line.rfind("HTTP/1.0 200", 0), 0u) << target << "\n" << answer.describe();
      EXPECT_EQ(answer.problems, "") << target;
      EXPECT_NE(core::to_lower(answer.value("Connection")), "keep-alive") << target;
      EXPECT_TRUE(wire.closed_cleanly()) << target;
    }
  }
  {  // HTTP/1.0 keep-alive across a file and a page: both say so and the connection serves the next request.
    Wire wire(port);
    wire.send("GET /css/app.css HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"
              "GET /tienda HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"
              "HEAD /css/app.css HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"
              "GET /up HTTP/1.0\r\n\r\n");
    auto file = wire.read_answer();
    EXPECT_EQ(file.body, css);
    EXPECT_EQ(core::to_lower(file.value("Connection")), "keep-alive") << file.describe();
    auto page = wire.read_answer();
    EXPECT_EQ(page.status, 200);
    EXPECT_EQ(page.value("Connection"), "keep-alive") << page.describe();
    auto head = wire.read_answer(true);
    EXPECT_EQ(head.status, 200);
    EXPECT_EQ(core::to_lower(head.value("Connection")), "keep-alive") << head.describe();
    auto up = wire.read_answer();
    EXPECT_EQ(up.status, 200) << up.describe();
    EXPECT_EQ(up.count("Connection"), 0) << up.describe();
    for (const auto* answer : {&file, &page, &head, &up}) EXPECT_EQ(answer->problems, "");
    EXPECT_TRUE(wire.closed_cleanly()) << wire.leftover().substr(0, 200);
  }
  {  // HTTP/1.1 Connection: close on a file and on a kept page.
    for (const char* target : {"/css/app.css", "/tienda", "/tienda"}) {
      Wire wire(port);
      wire.send(get(target, "Connection: close\r\n"));
      auto answer = wire.read_answer();
      EXPECT_EQ(answer.status, 200) << target;
      EXPECT_EQ(core::to_lower(answer.value("Connection")), "close") << target << "\n" << answer.describe();
      EXPECT_EQ(answer.problems, "") << target;
      EXPECT_TRUE(wire.closed_cleanly()) << target;
    }
  }
  {  // Connection: close in the middle of a pipeline: that answer is the last, whole, and nothing follows it.
    Wire wire(port);
    wire.send(get("/up") + get("/tienda", "Connection: close\r\n") + get("/up") + get("/css/app.css"));
    EXPECT_EQ(wire.read_answer().status, 200);
    auto last = wire.read_answer();
    EXPECT_EQ(last.status, 200) << last.describe();
    EXPECT_EQ(last.problems, "");
    EXPECT_EQ(core::to_lower(last.value("Connection")), "close");
    EXPECT_NE(last.body.find("</html>"), std::string::npos);
    EXPECT_TRUE(wire.closed_cleanly()) << "answered past Connection: close: " << wire.leftover().substr(0, 200);
  }
  {  // A client that sends its requests and half-closes at once still gets every answer.
    Wire wire(port);
    wire.send(post_form("/login", "email=a%40b.c&password=x") + get("/tienda") + get("/css/app.css"));
    wire.half_close();
    auto refused = wire.read_answer();
    EXPECT_EQ(refused.status, 419) << refused.describe();
    EXPECT_NE(refused.body.find("</html>"), std::string::npos);
    auto page = wire.read_answer();
    EXPECT_EQ(page.status, 200) << page.describe();
    EXPECT_NE(page.body.find("</html>"), std::string::npos);
    auto file = wire.read_answer();
    EXPECT_EQ(file.body, css) << file.describe();
    EXPECT_TRUE(wire.closed_cleanly()) << wire.leftover().substr(0, 200);
  }
}

TEST(HttpWritePath, AReaderWithATinyWindowGetsEveryByteOfLargeAnswers) {
  AppServer server;
  server.start();
  const std::string css = read_file(public_file("css/app.css"));
  // A 4 KiB receive window read 1 KiB at a time: the server's gathered writes (head + page) and Beast's file
  // writes are cut into many partial writes, whose continuations must neither skip nor repeat a byte.
  Wire wire(server.port(), 4096);
  wire.read_slowly(1024, std::chrono::microseconds(200));
  std::string pipeline;
  for (int i = 0; i < 3; ++i) pipeline += get("/tienda") + get("/css/app.css") + get("/login");
  wire.send(pipeline + get("/up", "Connection: close\r\n"));
  for (int i = 0; i < 3; ++i) {
    auto page = wire.read_answer();
    EXPECT_EQ(page.status, 200) << page.describe();
    EXPECT_EQ(page.problems, "");
    EXPECT_NE(page.body.find("</html>"), std::string::npos) << "store page " << i + 1;
    auto file = wire.read_answer();
    EXPECT_EQ(file.body, css) << "file " << i + 1 << "\n" << file.describe();
    auto login = wire.read_answer();
    EXPECT_EQ(login.status, 200) << login.describe();
    EXPECT_NE(login.body.find("</html>"), std::string::npos) << "login page " << i + 1;
  }
  EXPECT_EQ(wire.read_answer().status, 200);
  EXPECT_TRUE(wire.closed_cleanly()) << wire.leftover().substr(0, 200);
}

TEST(HttpWritePath, TwoIoThreadsUnderConcurrentLoadAnswerEveryRequestWhole) {
  AppServer server(Env{{"SERVER_IO_THREADS", "2"}});
  server.start();
  const int port = server.port();
  const std::string css = read_file(public_file("css/app.css"));
  struct Step {
    std::string request;
    int status;
    bool head;
  };
  const std::vector<Step> steps = {
      {get("/tienda"), 200, false},
      {get("/login"), 200, false},
      {post_form("/login", "email=a%40b.c&password=x"), 419, false},
      {get("/up"), 200, false},
      {get("/css/app.css"), 200, false},
      {"HEAD /tienda HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 200, true},
      {get("/no-existe"), 404, false},
  };
  constexpr int kThreads = 8, kRequests = 140;
  std::atomic<int> answered{0};
  std::vector<std::string> failures(kThreads);
  std::vector<std::thread> clients;
  for (int t = 0; t < kThreads; ++t) {
    clients.emplace_back([&, t] {
      auto wire = std::make_unique<Wire>(port);
      for (int i = 0; i < kRequests && failures[t].empty(); ++i) {
        const Step& step = steps[static_cast<std::size_t>(i + t) % steps.size()];
        // Every so often two requests go out pipelined, to mix reads and writes on one connection.
        bool pair = i % 5 == 0;
        wire->send(pair ? step.request + step.request : step.request);
        for (int k = 0; k < (pair ? 2 : 1); ++k) {
          auto answer = wire->read_answer(step.head);
          bool whole = answer.status == step.status && answer.problems.empty() &&
                       (step.request.find("/css/app.css") == std::string::npos || answer.body == css) &&
                       (step.head || step.status != 200 || step.request.find("/up") != std::string::npos ||
                        step.request.find("/css") != std::string::npos ||
                        answer.body.find("</html>") != std::string::npos);
          if (!whole) {
            failures[t] = "request " + std::to_string(i) + ": " + step.request.substr(0, 30) + "\n" + answer.describe();
            break;
          }
          ++answered;
          if (answer.value("Connection") == "close") wire = std::make_unique<Wire>(port);
        }
      }
    });
  }
  for (auto& client : clients) client.join();
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(failures[t], "") << "client " << t;
  EXPECT_EQ(answered.load(), kThreads * (kRequests + (kRequests + 4) / 5));
  auto after = ask(port, get("/tienda", "Connection: close\r\n"));
  EXPECT_EQ(after.status, 200) << after.describe();
  EXPECT_EQ(after.problems, "");
}

TEST(HttpWritePath, SigtermWhileAClientIsStillReadingLargeAnswersLetsItReadThemWhole) {
  AppServer server;
  server.start();
  const std::string css = read_file(public_file("css/app.css"));
  Wire wire(server.port(), 4096);
  wire.read_slowly(1024, std::chrono::microseconds(500));
  wire.send(get("/css/app.css"));
  // The first bytes prove the request is in flight; the rest is still on its way (or in the kernel) at SIGTERM.
  ASSERT_TRUE(wire.wait_for_bytes());
  std::thread stopper([&] { server.stop(); });
  auto file = wire.read_answer();
  stopper.join();
  EXPECT_EQ(file.status, 200) << file.describe();
  EXPECT_EQ(file.problems, "");
  EXPECT_EQ(file.body, css);
  EXPECT_TRUE(wire.closed_cleanly()) << wire.leftover().substr(0, 200);
  EXPECT_EQ(server.exit_status(), 0);
}


// The write timeout is the read timeout (HTTP_READ_TIMEOUT_SECONDS) for a client that stops reading, not a limit on
// how long a whole answer may take: a phone on a slow link downloading a photo or an export keeps reading all along.
class SlowDownload : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(server_.base_path() / "storage/app/public");
    content_.resize(9 * 1024 * 1024);
    for (std::size_t i = 0; i < content_.size(); ++i) content_[i] = static_cast<char>('a' + (i * 7919 % 26));
    std::ofstream(server_.base_path() / "storage/app/public/grande.bin", std::ios::binary) << content_;
    server_.start();
  }
  AppServer server_{Env{{"HTTP_READ_TIMEOUT_SECONDS", "1"}, {"APP_ALLOW_STORAGE_LOCAL_ROUTE", "true"}}};
  std::string content_;
};

TEST_F(SlowDownload, ASteadyButSlowReaderOfALargeFileIsNotCutOffAtTheReadTimeout) {
  // 16 KiB every 4 ms: at most 4 MiB/s. Within the 1 s timeout the server can hand the kernel at most its send
  // buffer (tcp_wmem's 4 MiB at most) plus what was read meanwhile, so reading the 9 MiB takes over two seconds
  // while the reader never pauses for long.
  Wire wire(server_.port(), 64 * 1024);
  wire.read_slowly(16 * 1024, std::chrono::milliseconds(4));
  wire.send(get("/storage/grande.bin", "Connection: close\r\n"));
  auto answer = wire.read_answer();
  EXPECT_EQ(answer.status, 200) << answer.describe();
  EXPECT_EQ(answer.problems, "");
  EXPECT_EQ(answer.body.size(), content_.size());
  EXPECT_TRUE(answer.body == content_) << "the download differs from the file";
}

TEST_F(SlowDownload, AReaderThatStopsReadingIsStillClosedAfterTheReadTimeout) {
  Wire wire(server_.port(), 64 * 1024);
  wire.send(get("/storage/grande.bin"));
  ASSERT_TRUE(wire.wait_for_bytes());
  // The client stalls (this pause is the scenario, not a synchronisation): well past the 1 s timeout.
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  auto answer = wire.read_answer();
  EXPECT_EQ(answer.status, 200) << answer.describe();
  EXPECT_EQ(answer.problems, "body cut short\n") << "a client that stopped reading kept its connection";
  EXPECT_LT(answer.body.size(), content_.size());
}

}  // namespace write_path
