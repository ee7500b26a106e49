#include "http/request_parse.hpp"

#include <gtest/gtest.h>

#include <boost/asio/buffer.hpp>

#include <string>

namespace {

// Parses a whole request as the server does (fresh parser, the server's default header limit).
http::BeastRequest parsed(const std::string& bytes) {
  http::BeastRequestParser parser;
  http::apply_limits(parser, 16 * 1024, 1024);
  parser.eager(true);
  boost::beast::error_code ec;
  parser.put(boost::asio::buffer(bytes), ec);
  EXPECT_FALSE(ec) << ec.message();
  EXPECT_TRUE(parser.is_done());
  return parser.release();
}

}  // namespace

TEST(RequestParse, PathIsPercentDecodedButAPlusStaysAPlus) {
  EXPECT_EQ(http::path_of_target("/tienda/a%2Fb+c?q=x+y"), "/tienda/a/b+c");
  EXPECT_EQ(http::path_of_target("/%zz/%4"), "/%zz/%4");
}

TEST(RequestParse, AnAbsoluteFormTargetIsServedAsItsPath) {
  EXPECT_EQ(http::origin_form("http://127.0.0.1:8000/tienda?q=a"), "/tienda?q=a");
  EXPECT_EQ(http::origin_form("HTTPS://taller.example/"), "/");
  EXPECT_EQ(http::origin_form("http://taller.example"), "/");
  EXPECT_EQ(http::origin_form("http://taller.example?x=1"), "/");
  EXPECT_EQ(http::origin_form("/http://not-absolute"), "/http://not-absolute");
  EXPECT_EQ(http::path_of_target("http://a/producto/x%20y?z=1"), "/producto/x y");
  auto request = http::to_request(parsed("GET http://a:8000/tienda?q=1 HTTP/1.1\r\nHost: a:8000\r\n\r\n"), "");
  EXPECT_EQ(request.target, "/tienda?q=1");
  EXPECT_EQ(request.path, "/tienda");
  EXPECT_EQ(request.query, "q=1");
}

TEST(RequestParse, ToRequestSplitsTheTargetAndLowersHeaderNames) {
  auto request = http::to_request(
      parsed("POST /carrito?x=1 HTTP/1.1\r\nHost: a\r\nX-Custom: V\r\nContent-Length: 3\r\n\r\nabc"), "10.0.0.9");
  EXPECT_EQ(request.method, "POST");
  EXPECT_EQ(request.path, "/carrito");
  EXPECT_EQ(request.query, "x=1");
  EXPECT_EQ(request.header("x-custom"), "V");
  EXPECT_EQ(request.headers.at(1).name, "x-custom");
  EXPECT_EQ(request.body, "abc");
  EXPECT_EQ(request.peer_address, "10.0.0.9");
}

TEST(RequestParse, AmbiguousFramingIsRefused) {
  EXPECT_TRUE(http::framing_is_unambiguous(parsed("GET / HTTP/1.1\r\nHost: a\r\n\r\n")));
  EXPECT_FALSE(http::framing_is_unambiguous(parsed("GET / HTTP/1.1\r\n\r\n")));
  EXPECT_FALSE(http::framing_is_unambiguous(parsed("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n")));
  EXPECT_FALSE(http::framing_is_unambiguous(
      parsed("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n")));
  EXPECT_TRUE(http::framing_is_unambiguous(
      parsed("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")));
}
