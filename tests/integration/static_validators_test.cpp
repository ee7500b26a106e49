// Conditional GET of files as a browser or a proxy cache exercises it (RFC 9110 §13): 304s carry no body even on
// a kept-alive, pipelined connection, If-None-Match lists in any spelling, the date and the tag decide as the RFC
// says, and a file rewritten within the same second is still sent again.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/stat.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "support/app_server.hpp"
#include "support/browser.hpp"

using testing_support::AppServer;
using testing_support::Browser;

namespace {

// One answer cut out of a stream of pipelined answers.
struct PipelinedAnswer {
  int status = 0;
  std::string head;  // status line and header lines, lower-cased names not guaranteed
  std::string body;
};

// Splits what the server sent on one connection into answers. `bodyless[i]` says the i-th request was a HEAD (its
// Content-Length describes the GET's body, none follows); a 304 never has a body. Anything left over (bytes a 304
// should not have carried) makes the next "answer" fail to parse, which the tests see as a wrong status.
std::vector<PipelinedAnswer> split_answers(std::string stream, const std::vector<bool>& bodyless) {
  std::vector<PipelinedAnswer> answers;
  for (bool head_only : bodyless) {
    PipelinedAnswer answer;
    std::size_t end = stream.find("\r\n\r\n");
    if (stream.rfind("HTTP/1.1 ", 0) != 0 || end == std::string::npos) break;
    answer.head = stream.substr(0, end + 2);
    answer.status = std::stoi(stream.substr(9, 3));
    stream.erase(0, end + 4);
    std::size_t length = 0;
    std::string lower = answer.head;
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (auto at = lower.find("\r\ncontent-length: "); at != std::string::npos)
      length = std::stoul(lower.substr(at + 18));
    if (head_only || answer.status == 304) length = 0;
    answer.body = stream.substr(0, length);
    stream.erase(0, length);
    answers.push_back(answer);
  }
  if (!stream.empty()) answers.push_back({0, "left over: " + stream.substr(0, 200), ""});
  return answers;
}

bool head_has(const std::string& head, const std::string& name) {
  std::string lower = head;
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower.find("\r\n" + name + ":") != std::string::npos;
}

std::string request_for(const std::string& method, const std::string& path, const std::string& extra_lines,
                        bool close = false) {
  return method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra_lines +
         (close ? "Connection: close\r\n" : "") + "\r\n";
}

class StaticValidators : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new AppServer(std::map<std::string, std::string>{{"APP_ALLOW_STORAGE_LOCAL_ROUTE", "true"}});
    std::filesystem::create_directories(server_->base_path() / "storage/app/public/products");
    server_->start();
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static std::filesystem::path upload(const std::string& name) {
    return server_->base_path() / "storage/app/public/products" / name;
  }
  static AppServer* server_;
};

AppServer* StaticValidators::server_ = nullptr;

TEST_F(StaticValidators, A304CarriesNoBodyAndTheNextPipelinedRequestOnTheConnectionStillWorks) {
  Browser browser(server_->base_url());
  auto logo = browser.get("/img/logo.svg");
  ASSERT_EQ(logo.status, 200);
  const std::string etag = logo.header("etag"), modified = logo.header("last-modified");
  ASSERT_FALSE(etag.empty());

  std::string pipelined = request_for("GET", "/img/logo.svg", "If-None-Match: " + etag + "\r\n") +
                          request_for("HEAD", "/img/logo.svg", "If-None-Match: " + etag + "\r\n") +
                          request_for("GET", "/img/logo.svg", "If-Modified-Since: " + modified + "\r\n") +
                          request_for("HEAD", "/img/logo.svg", "") +
                          request_for("GET", "/img/logo.svg", "If-None-Match: \"otra\"\r\n") +
                          request_for("GET", "/up", "", /*close=*/true);
  auto answers = split_answers(testing_support::raw_exchange(server_->port(), pipelined),
                               {false, true, false, true, false, false});
  ASSERT_EQ(answers.size(), 6u) << (answers.empty() ? "" : answers.back().head);
  for (int i : {0, 1, 2}) {
    EXPECT_EQ(answers[i].status, 304) << answers[i].head;
    EXPECT_FALSE(head_has(answers[i].head, "content-length")) << answers[i].head;
    EXPECT_FALSE(head_has(answers[i].head, "transfer-encoding")) << answers[i].head;
    EXPECT_NE(answers[i].head.find(etag), std::string::npos) << answers[i].head;
    EXPECT_TRUE(head_has(answers[i].head, "cache-control")) << answers[i].head;
  }
  EXPECT_EQ(answers[3].status, 200);
  EXPECT_NE(answers[3].head.find("Content-Length: " + std::to_string(logo.body.size())), std::string::npos);
  EXPECT_EQ(answers[4].status, 200);
  EXPECT_EQ(answers[4].body, logo.body);
  EXPECT_EQ(answers[5].status, 200);
  EXPECT_EQ(answers[5].body, "OK");
}

TEST_F(StaticValidators, IfNoneMatchFindsTheTagInAnyListSpellingAndAcrossSeveralHeaderLines) {
  Browser browser(server_->base_url());
  const std::string etag = browser.get("/img/logo.svg").header("etag");
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(browser.get("/img/logo.svg", {{"If-None-Match", "\"a\",W/\"b\" ,\t " + etag + " , \"c\""}}).status, 304);
  EXPECT_EQ(browser.get("/img/logo.svg", {{"If-None-Match", "W/" + etag}}).status, 304);
  EXPECT_EQ(browser.get("/img/logo.svg", {{"If-None-Match", " * "}}).status, 304);
  // Not a tag: unquoted, or a weak prefix in lower case (RFC 9110 §8.8.3: "W/" is case-sensitive).
  EXPECT_EQ(browser.get("/img/logo.svg", {{"If-None-Match", etag.substr(1, etag.size() - 2)}}).status, 200);
  EXPECT_EQ(browser.get("/img/logo.svg", {{"If-None-Match", "w/" + etag}}).status, 200);

  // A list may arrive split over several field lines (RFC 9110 §5.3): the tag on the second line still counts.
  std::string two_lines = request_for("GET", "/img/logo.svg",
                                      "If-None-Match: \"vieja\"\r\nIf-None-Match: " + etag + "\r\n", /*close=*/true);
  auto answers = split_answers(testing_support::raw_exchange(server_->port(), two_lines), {false});
  ASSERT_EQ(answers.size(), 1u);
  EXPECT_EQ(answers[0].status, 304) << answers[0].head;
}

TEST_F(StaticValidators, IfNoneMatchDecidesOverTheDateAndTwoDatesAreIgnored) {
  Browser browser(server_->base_url());
  auto logo = browser.get("/img/logo.svg");
  const std::string modified = logo.header("last-modified");
  const std::string future = "Fri, 01 Jan 2100 00:00:00 GMT";
  // A date later than the file's change (even one in the future: RFC 9110 does not treat it as invalid).
  EXPECT_EQ(browser.get("/img/logo.svg", {{"If-Modified-Since", future}}).status, 304);
  // A stale tag: the file is sent whatever the date says.
  auto stale = browser.get("/img/logo.svg", {{"If-None-Match", "\"vieja\""}, {"If-Modified-Since", future}});
  EXPECT_EQ(stale.status, 200);
  EXPECT_EQ(stale.body, logo.body);
  // More than one date: the field is ignored (RFC 9110 §13.1.3), the file is sent.
  std::string two_dates = request_for("GET", "/img/logo.svg",
                                      "If-Modified-Since: " + modified + "\r\nIf-Modified-Since: " + future + "\r\n",
                                      /*close=*/true);
  auto answers = split_answers(testing_support::raw_exchange(server_->port(), two_dates), {false});
  ASSERT_EQ(answers.size(), 1u);
  EXPECT_EQ(answers[0].status, 200) << answers[0].head;
}

TEST_F(StaticValidators, AFingerprintedUrlAnswers304WithItsYearLongCaching) {
  Browser browser(server_->base_url());
  std::string css_url = testing_support::url_in(browser.get("/login").body, "/css/app.css?v=");
  ASSERT_FALSE(css_url.empty());
  auto css = browser.get(css_url);
  ASSERT_EQ(css.status, 200);
  auto again = browser.get(css_url, {{"If-None-Match", css.header("etag")}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(again.header("cache-control"), css.header("cache-control"));
  EXPECT_NE(again.header("cache-control").find("immutable"), std::string::npos);
  // The same file under its plain URL has the same tag (one representation), cached for an hour.
  auto plain = browser.get("/css/app.css", {{"If-None-Match", css.header("etag")}});
  EXPECT_EQ(plain.status, 304);
  EXPECT_EQ(plain.header("cache-control"), "public, max-age=3600");
}

TEST_F(StaticValidators, AnUploadStaysSandboxedOnA304) {
  std::ofstream(upload("sello.txt")) << "<script>alert(1)</script>";
  Browser browser(server_->base_url());
  auto first = browser.get("/storage/products/sello.txt");
  ASSERT_EQ(first.status, 200);
  const std::string policy = first.header("content-security-policy");
  ASSERT_NE(policy.find("sandbox"), std::string::npos);
  auto again = browser.get("/storage/products/sello.txt", {{"If-None-Match", first.header("etag")}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(again.header("content-security-policy"), policy);
  EXPECT_EQ(again.header("x-content-type-options"), "nosniff");
  auto head = browser.raw("HEAD", "/storage/products/sello.txt", "", {{"If-None-Match", first.header("etag")}});
  EXPECT_EQ(head.status, 304);
  EXPECT_EQ(head.header("content-security-policy"), policy);
}

TEST_F(StaticValidators, AFileRewrittenWithinTheSameSecondAndTheSameSizeIsSentAgain) {
  const auto path = upload("misma.txt");
  // Two versions of the same length, stamped half a second apart inside one second: only the nanoseconds differ.
  auto stamp = [&](long nanoseconds) {
    timespec times[2];
    times[0].tv_sec = times[1].tv_sec = 1'796'606'371;
    times[0].tv_nsec = times[1].tv_nsec = nanoseconds;
    ASSERT_EQ(::utimensat(AT_FDCWD, path.c_str(), times, 0), 0);
  };
  std::ofstream(path) << "version uno";
  stamp(100'000'000);
  Browser browser(server_->base_url());
  auto first = browser.get("/storage/products/misma.txt");
  ASSERT_EQ(first.status, 200);
  ASSERT_EQ(first.body, "version uno");

  std::ofstream(path, std::ios::trunc) << "version dos";
  stamp(600'000'000);
  auto second = browser.get("/storage/products/misma.txt", {{"If-None-Match", first.header("etag")}});
  EXPECT_EQ(second.status, 200);
  EXPECT_EQ(second.body, "version dos");
  EXPECT_NE(second.header("etag"), first.header("etag"));
  EXPECT_EQ(second.header("last-modified"), first.header("last-modified"));  // whole seconds: the tag tells them apart
}

// A file stamped in the future (its clock ran ahead where it was copied from) is dated now, never later (RFC 9110
// §8.8.2.1), and that date does not earn a 304 for it: only its tag does.
TEST_F(StaticValidators, AFileStampedInTheFutureIsNotDatedInTheFuture) {
  const auto path = upload("futuro.txt");
  std::ofstream(path) << "desde el futuro";
  timespec times[2];
  times[0].tv_sec = times[1].tv_sec = 4'102'444'800;  // 2100-01-01
  times[0].tv_nsec = times[1].tv_nsec = 0;
  ASSERT_EQ(::utimensat(AT_FDCWD, path.c_str(), times, 0), 0);
  Browser browser(server_->base_url());
  auto first = browser.get("/storage/products/futuro.txt");
  ASSERT_EQ(first.status, 200);
  const std::string modified = first.header("last-modified");
  EXPECT_EQ(modified.find("2100"), std::string::npos) << modified;
  EXPECT_EQ(browser.get("/storage/products/futuro.txt", {{"If-Modified-Since", modified}}).status, 200);
  EXPECT_EQ(browser.get("/storage/products/futuro.txt", {{"If-None-Match", first.header("etag")}}).status, 304);
}

}  // namespace
