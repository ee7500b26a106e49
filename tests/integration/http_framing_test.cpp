// What a client reads on the wire: status lines, Content-Length and Connection as the server writes them itself
// (src/http/response_head.cpp), for pipelined requests, HEAD, HTTP/1.0 and a refused request.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/app_server.hpp"
#include "support/browser.hpp"

using testing_support::AppServer;
using testing_support::raw_exchange;

namespace {

struct WireAnswer {
  std::string head;
  std::string body;
};

// Splits a byte stream of consecutive answers by their Content-Length (absent → no body).
std::vector<WireAnswer> split_answers(std::string bytes) {
  std::vector<WireAnswer> answers;
  while (!bytes.empty()) {
    auto end = bytes.find("\r\n\r\n");
    if (end == std::string::npos) break;
    WireAnswer answer{bytes.substr(0, end + 2), {}};
    std::size_t length = 0;
    if (auto at = answer.head.find("Content-Length: "); at != std::string::npos)
      length = std::stoul(answer.head.substr(at + 16));
    answer.body = bytes.substr(end + 4, length);
    bytes.erase(0, end + 4 + answer.body.size());
    answers.push_back(std::move(answer));
  }
  return answers;
}

class HttpFraming : public ::testing::Test {
 protected:
  void SetUp() override { server_.start(); }
  AppServer server_;
};

}  // namespace

TEST_F(HttpFraming, PipelinedRequestsGetTheirAnswersInOrderWithExactLengths) {
  std::string wire = raw_exchange(server_.port(),
                                  "GET /up HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                                  "GET /tienda HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                                  "GET /no-existe HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  auto answers = split_answers(wire);
  ASSERT_EQ(answers.size(), 3u) << wire.substr(0, 600);
  EXPECT_EQ(answers[0].head.rfind("HTTP/1.1 200 OK\r\n", 0), 0u);
  EXPECT_EQ(answers[1].head.rfind("HTTP/1.1 200 OK\r\n", 0), 0u);
  EXPECT_NE(answers[1].body.find("</html>"), std::string::npos) << "the store page arrived cut short";
  EXPECT_EQ(answers[2].head.rfind("HTTP/1.1 404 Not Found\r\n", 0), 0u);
  // Keep-alive is HTTP/1.1's default: only the answer that ends the connection says so.
  EXPECT_EQ(answers[1].head.find("Connection:"), std::string::npos) << answers[1].head;
  EXPECT_NE(answers[2].head.find("Connection: close\r\n"), std::string::npos) << answers[2].head;
}

TEST_F(HttpFraming, HeadAnnouncesTheLengthOfTheBodyItDoesNotSend) {
  std::string get = raw_exchange(server_.port(), "GET /tienda HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  std::string head = raw_exchange(server_.port(), "HEAD /tienda HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  auto get_answers = split_answers(get);
  ASSERT_EQ(get_answers.size(), 1u);
  ASSERT_TRUE(head.size() >= 4 && head.compare(head.size() - 4, 4, "\r\n\r\n") == 0)
      << "HEAD sent bytes after its header block";
  auto length_at = head.find("Content-Length: ");
  ASSERT_NE(length_at, std::string::npos) << head;
  // The CSRF token and nonce differ per answer but have fixed lengths, so the two pages have the same size.
  EXPECT_EQ(std::stoul(head.substr(length_at + 16)), get_answers[0].body.size());
}

TEST_F(HttpFraming, Http10ClientsGetKeepAliveOnlyWhenTheyAskForIt) {
  std::string plain = raw_exchange(server_.port(), "GET /up HTTP/1.0\r\n\r\n");
  ASSERT_EQ(plain.rfind("HTTP/1.0 200 OK\r\n", 0), 0u) << plain;
  EXPECT_EQ(plain.find("Connection:"), std::string::npos) << plain;  // 1.0's default: closed after the answer

  std::string kept = raw_exchange(server_.port(),
                                  "GET /up HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"
                                  "GET /up HTTP/1.0\r\n\r\n");
  auto answers = split_answers(kept);
  ASSERT_EQ(answers.size(), 2u) << kept;
  EXPECT_NE(answers[0].head.find("Connection: keep-alive\r\n"), std::string::npos) << answers[0].head;
  EXPECT_EQ(answers[1].head.find("Connection:"), std::string::npos) << answers[1].head;
}

TEST_F(HttpFraming, ARefusedRequestIsAnsweredWholeAndTheConnectionClosed) {
  std::string wire = raw_exchange(server_.port(), "GET /up HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\n"
                                                  "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
  auto answers = split_answers(wire);
  ASSERT_EQ(answers.size(), 1u) << wire;
  EXPECT_EQ(answers[0].head.rfind("HTTP/1.1 400 Bad Request\r\n", 0), 0u) << answers[0].head;
  EXPECT_NE(answers[0].head.find("Connection: close\r\n"), std::string::npos);
  EXPECT_NE(answers[0].body.find("</html>"), std::string::npos);
}

TEST_F(HttpFraming, AnAbsoluteFormTargetIsAnsweredLikeItsPath) {
  // RFC 9112 §3.2.2: a server must accept the absolute form (what a client configured for a proxy sends).
  auto answers = split_answers(raw_exchange(server_.port(),
                                            "GET http://127.0.0.1/up HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                                            "GET http://127.0.0.1/tienda?q=funda HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                            "Connection: close\r\n\r\n"));
  ASSERT_EQ(answers.size(), 2u);
  EXPECT_EQ(answers[0].head.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << answers[0].head;
  EXPECT_EQ(answers[1].head.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << answers[1].head;
  EXPECT_NE(answers[1].body.find("funda"), std::string::npos) << "the query travels with the path";
}
