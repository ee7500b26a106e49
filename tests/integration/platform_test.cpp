// HTTP platform behaviour a client notices: health probe, error pages, static files, headers, limits.
#include <gtest/gtest.h>

#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <utility>

#include "support/app_server.hpp"
#include "support/browser.hpp"

using testing_support::AppServer;
using testing_support::Browser;

namespace {
// A plain TCP client for byte-level control (send part of a request, read what comes back).
class RawConnection {
 public:
  explicit RawConnection(int port) {
    fd_ = testing_support::connect_loopback(port);
    if (fd_ >= 0) {
      timeval timeout{10, 0};  // a hung server fails the test instead of blocking it
      ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    }
  }
  ~RawConnection() {
    if (fd_ >= 0) ::close(fd_);
  }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;
  bool connected() const { return fd_ >= 0; }
  void send(const std::string& bytes) { testing_support::send_all(fd_, bytes); }
  // Reads until `marker` has arrived (or the peer closes / times out); returns everything read so far.
  std::string read_until(const std::string& marker) {
    while (received_.find(marker) == std::string::npos && read_some()) {
    }
    std::size_t end = received_.find(marker);
    std::string head = end == std::string::npos ? received_ : received_.substr(0, end + marker.size());
    received_.erase(0, head.size());
    return head;
  }
  std::string read_to_end() {
    while (read_some()) {
    }
    return std::exchange(received_, {});
  }

 private:
  bool read_some() {
    char buffer[8192];
    ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
    if (n <= 0) return false;
    received_.append(buffer, static_cast<std::size_t>(n));
    return true;
  }
  int fd_ = -1;
  std::string received_;
};

class Platform : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new AppServer({{"HTTP_MAX_BODY_BYTES", "65536"}, {"HTTP_READ_TIMEOUT_SECONDS", "2"}});
    server_->start();
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  int session_rows() {
    int rows = 0;
    server_->database().lease()->once << "SELECT COUNT(*) FROM sessions", soci::into(rows);
    return rows;
  }
  static AppServer* server_;
};
AppServer* Platform::server_ = nullptr;
}  // namespace

TEST_F(Platform, UpAnswersOkWithoutCreatingState) {
  Browser browser(server_->base_url());
  auto response = browser.get("/up");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "OK");
  EXPECT_TRUE(response.header_values("set-cookie").empty());
}

TEST_F(Platform, UnknownPageGetsTheSpanish404) {
  Browser browser(server_->base_url());
  auto response = browser.get("/no-existe");
  EXPECT_EQ(response.status, 404);
  EXPECT_TRUE(response.contains("No encontramos esa página"));
  EXPECT_TRUE(response.contains("<html lang=\"es\""));
}

TEST_F(Platform, AnonymousBrowsingWritesNoSessionRows) {
  int before = session_rows();
  for (int i = 0; i < 5; ++i) {
    Browser crawler(server_->base_url());
    EXPECT_EQ(crawler.get("/").status, 200);
    EXPECT_EQ(crawler.get("/login").status, 200);
    EXPECT_EQ(crawler.get("/registro").status, 200);
    EXPECT_EQ(crawler.get("/nada").status, 404);
  }
  EXPECT_EQ(session_rows(), before);
}

TEST_F(Platform, PagesCarrySecurityHeaders) {
  Browser browser(server_->base_url());
  auto response = browser.get("/login");
  EXPECT_EQ(response.header("x-frame-options"), "DENY");
  EXPECT_EQ(response.header("x-content-type-options"), "nosniff");
  EXPECT_NE(response.header("content-security-policy").find("default-src 'self'"), std::string::npos);
  EXPECT_FALSE(response.header("x-request-id").empty());
}

TEST_F(Platform, StaticFilesAreServedWithCachingAndNoTraversal) {
  Browser browser(server_->base_url());
  std::string css_url = testing_support::url_in(browser.get("/login").body, "/css/app.css?v=");
  ASSERT_FALSE(css_url.empty());
  auto css = browser.get(css_url);
  EXPECT_EQ(css.status, 200);
  EXPECT_NE(css.header("content-type").find("text/css"), std::string::npos);
  EXPECT_NE(css.header("cache-control").find("immutable"), std::string::npos);
  EXPECT_EQ(browser.get("/css/../../CMakeLists.txt").status, 404);
  EXPECT_EQ(browser.get("/%2e%2e/CMakeLists.txt").status, 404);
}

// A phone that already has the logo (or a product photo) is told so in a few bytes: ETag / Last-Modified on every
// file, 304 without a body when If-None-Match or If-Modified-Since names the same file.
TEST_F(Platform, StaticFilesAnswer304ToAClientThatHasThem) {
  Browser browser(server_->base_url());
  auto logo = browser.get("/img/logo.svg");
  ASSERT_EQ(logo.status, 200);
  ASSERT_FALSE(logo.body.empty());
  std::string etag = logo.header("etag"), modified = logo.header("last-modified");
  ASSERT_FALSE(etag.empty());
  ASSERT_FALSE(modified.empty());

  auto by_tag = browser.get("/img/logo.svg", {{"If-None-Match", etag}});
  EXPECT_EQ(by_tag.status, 304);
  EXPECT_TRUE(by_tag.body.empty());
  EXPECT_EQ(by_tag.header("etag"), etag);
  EXPECT_EQ(by_tag.header("content-length"), "");
  EXPECT_EQ(browser.raw("HEAD", "/img/logo.svg", "", {{"If-None-Match", "W/" + etag}}).status, 304);
  EXPECT_EQ(browser.get("/img/logo.svg", {{"If-Modified-Since", modified}}).status, 304);

  auto other_tag = browser.get("/img/logo.svg", {{"If-None-Match", "\"otra-version\""}});
  EXPECT_EQ(other_tag.status, 200);
  EXPECT_EQ(other_tag.body, logo.body);
  EXPECT_EQ(browser.get("/img/logo.svg", {{"If-Modified-Since", "Sun, 06 Nov 1994 08:49:37 GMT"}}).body, logo.body);
  EXPECT_EQ(browser.get("/img/logo.svg", {{"If-Modified-Since", "cualquier cosa"}}).status, 200);
  // A page is never answered 304 from a file's validators.
  EXPECT_EQ(browser.get("/tienda", {{"If-None-Match", "*"}}).status, 200);
}

// RFC 9110 §6.6.1: a server with a clock dates its answers — pages, files (Beast's file body), 304s and errors.
TEST_F(Platform, EveryAnswerCarriesADate) {
  Browser browser(server_->base_url());
  auto logo = browser.get("/img/logo.svg");
  for (const auto& answer : {browser.get("/up"), browser.get("/tienda"), logo, browser.get("/no-existe"),
                             browser.get("/img/logo.svg", {{"If-None-Match", logo.header("etag")}})}) {
    std::string date = answer.header("date");
    EXPECT_EQ(date.size(), 29u) << answer.status << " " << date;  // "Mon, 07 Dec 2026 20:37:42 GMT"
    EXPECT_EQ(date.substr(date.size() - 4), " GMT") << date;
  }
}

// An uploaded file replaced under the same name: the old tag no longer matches and the new bytes are sent.
TEST(StaticFileValidators, AFileThatChangedIsSentAgain) {
  AppServer server(std::map<std::string, std::string>{{"APP_ALLOW_STORAGE_LOCAL_ROUTE", "true"}});
  auto folder = server.base_path() / "storage/app/public/products";
  std::filesystem::create_directories(folder);
  std::ofstream(folder / "foto.txt") << "primera version";
  server.start();
  Browser browser(server.base_url());
  auto first = browser.get("/storage/products/foto.txt");
  ASSERT_EQ(first.status, 200);
  ASSERT_EQ(first.body, "primera version");
  EXPECT_EQ(browser.get("/storage/products/foto.txt", {{"If-None-Match", first.header("etag")}}).status, 304);

  std::ofstream(folder / "foto.txt", std::ios::trunc) << "segunda version, mas larga";
  auto second = browser.get("/storage/products/foto.txt", {{"If-None-Match", first.header("etag")}});
  EXPECT_EQ(second.status, 200);
  EXPECT_EQ(second.body, "segunda version, mas larga");
  EXPECT_NE(second.header("etag"), first.header("etag"));
  server.stop();
}

TEST_F(Platform, HeadRequestsGetHeadersOnly) {
  Browser browser(server_->base_url());
  auto response = browser.raw("HEAD", "/up", "", {});
  EXPECT_EQ(response.status, 200);
  EXPECT_TRUE(response.body.empty());
}

TEST_F(Platform, OversizeBodyIsRefusedWith413) {
  std::string body(70000, 'a');
  auto answer = testing_support::raw_exchange(
      server_->port(), "POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                       "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
  EXPECT_EQ(answer.rfind("HTTP/1.1 413", 0), 0u) << answer.substr(0, 200);
}

TEST_F(Platform, MalformedRequestGets400AndServerStaysUp) {
  auto answer = testing_support::raw_exchange(server_->port(), "GARBAGE\r\n\r\n");
  EXPECT_EQ(answer.rfind("HTTP/1.1 400", 0), 0u) << answer.substr(0, 200);
  Browser browser(server_->base_url());
  EXPECT_EQ(browser.get("/up").status, 200);
}

TEST_F(Platform, HugeHeadersGet431) {
  std::string header(20000, 'x');
  auto answer =
      testing_support::raw_exchange(server_->port(), "GET /up HTTP/1.1\r\nHost: x\r\nX-Big: " + header + "\r\n\r\n");
  EXPECT_EQ(answer.rfind("HTTP/1.1 431", 0), 0u) << answer.substr(0, 200);
}

TEST_F(Platform, SlowClientIsCutOffWith408) {
  // Headers never finish: after HTTP_READ_TIMEOUT_SECONDS (2 s here) the server answers 408 and closes.
  auto answer = testing_support::raw_exchange(server_->port(), "GET /up HTTP/1.1\r\nHost: x\r\n", 6000);
  EXPECT_EQ(answer.rfind("HTTP/1.1 408", 0), 0u) << answer.substr(0, 200);
}

TEST_F(Platform, InvalidUtf8InAFormIsA400) {
  Browser browser(server_->base_url());
  auto response = browser.raw("POST", "/login", "email=%C3&password=x",
                              {{"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(response.status, 400);
  EXPECT_TRUE(response.contains("No pudimos procesar la solicitud"));
}

TEST_F(Platform, SigtermLetsTheRequestInFlightFinishThenExitsZero) {
  AppServer other;
  other.start();
  // A form post whose body is still arriving when the signal comes: the server must read it, answer it in
  // full (the CSRF page here: the form carries no token) and only then exit.
  const std::string body = "email=ana%40example.com&password=secreto123&remember=1";
  const std::size_t half = body.size() / 2;
  RawConnection client(other.port());
  ASSERT_TRUE(client.connected());
  client.send("POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
              "Content-Length: " + std::to_string(body.size()) + "\r\nExpect: 100-continue\r\n\r\n");
  // "100 Continue" means the server has read the header: the request is in flight from here.
  ASSERT_EQ(client.read_until("\r\n\r\n").rfind("HTTP/1.1 100", 0), 0u);
  client.send(body.substr(0, half));

  std::thread stopper([&] { other.stop(); });
  // The listener closes as soon as the signal is handled: a new connection is refused from then on.
  bool refusing = false;
  for (int i = 0; i < 250 && !refusing; ++i) {
    refusing = !RawConnection(other.port()).connected();
    if (!refusing) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  client.send(body.substr(half));
  std::string answer = client.read_to_end();
  stopper.join();

  EXPECT_TRUE(refusing) << "the server kept accepting connections after SIGTERM";
  ASSERT_EQ(answer.rfind("HTTP/1.1 419", 0), 0u) << answer.substr(0, 300);
  std::size_t header_end = answer.find("\r\n\r\n");
  ASSERT_NE(header_end, std::string::npos);
  std::string head = answer.substr(0, header_end);
  std::size_t length_at = head.find("Content-Length: ");
  ASSERT_NE(length_at, std::string::npos) << head;
  EXPECT_EQ(std::stoul(head.substr(length_at + 16)), answer.size() - header_end - 4) << "the answer was cut short";
  EXPECT_NE(answer.find("</html>"), std::string::npos);
  EXPECT_NE(head.find("Connection: close"), std::string::npos) << head;
  EXPECT_EQ(other.exit_status(), 0);
}

TEST(Sessions, AFlashOnlySessionIsDeletedOnceItsMessageWasShown) {
  AppServer server;
  server.start();
  Browser browser(server.base_url());
  browser.submit("/login", "/login", {{"email", "x"}, {"password", ""}});  // validation errors → flash session
  int rows = 0;
  server.database().lease()->once << "SELECT COUNT(*) FROM sessions", soci::into(rows);
  EXPECT_EQ(rows, 1);
  auto page = browser.get("/login");  // the errors are shown once…
  EXPECT_TRUE(page.contains("Ingresá un email válido."));
  server.database().lease()->once << "SELECT COUNT(*) FROM sessions", soci::into(rows);
  EXPECT_EQ(rows, 0);  // …and the now-empty session is gone
  EXPECT_TRUE(browser.cookie("nicoreparaciones-session").empty());
}

TEST(Sessions, SecureCookiesUseTheHostPrefixAndSessionsHaveAnAbsoluteLifetime) {
  AppServer server(std::map<std::string, std::string>{{"SESSION_SECURE_COOKIE", "true"}, {"SESSION_ABSOLUTE_LIFETIME", "1"}});
  server.start();
  Browser browser(server.base_url());
  browser.get("/login");
  ASSERT_FALSE(browser.cookie("__Host-nico_csrf").empty());
  auto response = browser.submit("/registro", "/registro",
                                 {{"name", "Ana"}, {"last_name", "P"}, {"phone", "3415550000"}, {"email", "abs@example.com"},
                                  {"password", "secreto123"}, {"password_confirmation", "secreto123"}});
  ASSERT_EQ(response.status, 302);
  auto set_cookies = response.header_values("set-cookie");
  bool host_session = false;
  for (const auto& cookie : set_cookies) {
    if (cookie.rfind("__Host-nicoreparaciones-session=", 0) == 0) {
      host_session = true;
      EXPECT_NE(cookie.find("; Secure"), std::string::npos);
      EXPECT_NE(cookie.find("; Path=/"), std::string::npos);
      EXPECT_EQ(cookie.find("Domain="), std::string::npos);
    }
  }
  EXPECT_TRUE(host_session);
  EXPECT_EQ(browser.get("/mi-cuenta").status, 200);
  // Age the session past SESSION_ABSOLUTE_LIFETIME (1 minute) while it stays active: 1764… becomes 764… (1994).
  server.database().lease()->once << "UPDATE sessions SET payload = REPLACE(payload, '_started=1', '_started=')";
  EXPECT_EQ(browser.get("/mi-cuenta").status, 302);
}
