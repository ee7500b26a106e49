#include "http/response_head.hpp"

#include <gtest/gtest.h>

#include <ctime>

#include "http/validators.hpp"

namespace {

// The head without its Date line, which every head has right after the status line (checked on its own below).
std::string response_head_text(const http::Response& response, unsigned version = 11, bool keep_alive = true,
                    std::size_t length = 0) {
  std::string out;
  http::append_response_head(out, response, version, keep_alive, length);
  std::size_t date = out.find("\r\nDate: ");
  if (date == std::string::npos) return out + " (no Date)";
  return out.erase(date, out.find("\r\n", date + 2) - date);
}

}  // namespace

TEST(ResponseHead, DatesEveryAnswerWithTheServersClock) {
  http::Response response;
  response.status = 304;
  response.add_header("Date", "Thu, 01 Jan 1970 00:00:00 GMT");  // the application's own is dropped
  std::string out;
  http::append_response_head(out, response, 11, true, 0);
  ASSERT_EQ(out.find("HTTP/1.1 304 Not Modified\r\nDate: "), 0u) << out;
  EXPECT_EQ(out.find("1970"), std::string::npos) << out;
  std::size_t start = out.find("Date: ") + 6;
  auto date = http::parse_http_date(out.substr(start, out.find("\r\n", start) - start));
  ASSERT_TRUE(date.has_value()) << out;
  EXPECT_LE(std::llabs(*date - static_cast<long long>(std::time(nullptr))), 2) << out;
}

TEST(ResponseHead, WritesStatusLineHeadersLengthAndBlankLine) {
  http::Response response;
  response.status = 404;
  response.add_header("Content-Type", "text/html; charset=UTF-8");
  response.add_header("Set-Cookie", "a=1");
  response.add_header("Set-Cookie", "b=2");
  EXPECT_EQ(response_head_text(response, 11, true, 1234),
            "HTTP/1.1 404 Not Found\r\nContent-Type: text/html; charset=UTF-8\r\nSet-Cookie: a=1\r\n"
            "Set-Cookie: b=2\r\nContent-Length: 1234\r\n\r\n");
}

TEST(ResponseHead, NamesTheAppsOwnStatuses) {
  http::Response response;
  response.status = 419;
  EXPECT_EQ(response_head_text(response).substr(0, 27), "HTTP/1.1 419 Page Expired\r\n");
}

TEST(ResponseHead, SaysConnectionOnlyWhereTheVersionDefaultDiffers) {
  http::Response response;
  EXPECT_EQ(response_head_text(response, 11, false), "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(response_head_text(response, 10, true), "HTTP/1.0 200 OK\r\nContent-Length: 0\r\nConnection: keep-alive\r\n\r\n");
  EXPECT_EQ(response_head_text(response, 10, false), "HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n");
}

TEST(ResponseHead, ReplacesTheApplicationsFramingHeaders) {
  http::Response response;
  response.add_header("content-length", "99");
  response.add_header("Transfer-Encoding", "chunked");
  response.add_header("Connection", "close");
  EXPECT_EQ(response_head_text(response, 11, true, 5), "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n");
}

TEST(ResponseHead, StatusesWithoutBodyCarryNoLength) {
  for (int status : {100, 204, 304}) {
    http::Response response;
    response.status = status;
    std::string head = response_head_text(response, 11, true, 0);
    EXPECT_EQ(head.find("Content-Length"), std::string::npos) << head;
    EXPECT_FALSE(http::status_allows_body(status));
  }
  EXPECT_TRUE(http::status_allows_body(200));
  EXPECT_TRUE(http::status_allows_body(503));
}

TEST(ResponseHead, ALineBreakInAValueCannotStartAHeader) {
  http::Response response;
  response.add_header("Location", "/tienda\r\nSet-Cookie: planted=1");
  response.add_header("X-Bad\r\nName", "v");
  response.add_header("X-Colon:", "v");
  response.add_header(std::string("X-Nul") + '\0', "v");
  EXPECT_EQ(response_head_text(response), "HTTP/1.1 200 OK\r\nLocation: /tienda  Set-Cookie: planted=1\r\nContent-Length: 0\r\n\r\n");
}
