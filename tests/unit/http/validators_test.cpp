// http validators: file entity tags, HTTP dates, and when a conditional GET gets a 304 (RFC 9110 §13).
#include "http/validators.hpp"

#include <gtest/gtest.h>

namespace {

http::Request request_with(std::string method, std::vector<http::Header> headers) {
  http::Request request;
  request.method = std::move(method);
  request.headers = std::move(headers);
  return request;
}

TEST(HttpDate, FormatsAndReadsAllThreeForms) {
  EXPECT_EQ(http::http_date(784111777), "Sun, 06 Nov 1994 08:49:37 GMT");
  EXPECT_EQ(http::parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"), 784111777);
  EXPECT_EQ(http::parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT"), 784111777);
  EXPECT_EQ(http::parse_http_date("Sun Nov  6 08:49:37 1994"), 784111777);
  EXPECT_EQ(http::parse_http_date(" Mon, 07 Dec 2026 01:19:31 GMT "), http::parse_http_date("Mon, 07 Dec 2026 01:19:31 GMT"));
}

TEST(HttpDate, RefusesAnythingElse) {
  EXPECT_FALSE(http::parse_http_date(""));
  EXPECT_FALSE(http::parse_http_date("ayer"));
  EXPECT_FALSE(http::parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT; length=12"));
  EXPECT_FALSE(http::parse_http_date("1994-11-06T08:49:37Z"));
}

TEST(FileValidators, TheTagChangesWithTheSizeOrTheTimeAndTheDateKeepsWholeSeconds) {
  auto base = http::file_validators(510, 1'796'606'371'123'456'789);
  EXPECT_EQ(base.etag.front(), '"');
  EXPECT_EQ(base.etag.back(), '"');
  EXPECT_NE(base.etag, http::file_validators(511, 1'796'606'371'123'456'789).etag);
  EXPECT_NE(base.etag, http::file_validators(510, 1'796'606'371'123'456'790).etag);
  EXPECT_EQ(base.modified_seconds, 1'796'606'371);
  EXPECT_EQ(http::parse_http_date(base.last_modified), 1'796'606'371);
}

TEST(NotModified, IfNoneMatchComparesWeaklyAcrossAListAndWinsOverTheDate) {
  auto file = http::file_validators(510, 1'796'606'371'000'000'000);
  EXPECT_TRUE(http::is_not_modified(request_with("GET", {{"If-None-Match", file.etag}}), file));
  EXPECT_TRUE(http::is_not_modified(request_with("HEAD", {{"If-None-Match", "\"x\", W/" + file.etag}}), file));
  EXPECT_TRUE(http::is_not_modified(request_with("GET", {{"If-None-Match", "*"}}), file));
  EXPECT_FALSE(http::is_not_modified(request_with("GET", {{"If-None-Match", "\"otro\""}}), file));
  EXPECT_FALSE(http::is_not_modified(request_with("GET", {{"If-None-Match", file.etag.substr(1)}}), file));
  // A tag that no longer matches sends the file even with a date after the change.
  EXPECT_FALSE(http::is_not_modified(
      request_with("GET", {{"If-None-Match", "\"viejo\""}, {"If-Modified-Since", "Fri, 01 Jan 2100 00:00:00 GMT"}}), file));
}

TEST(NotModified, IfModifiedSinceAnswersForTheSameSecondOrLaterAndIgnoresGarbage) {
  auto file = http::file_validators(510, 1'796'606'371'500'000'000);
  EXPECT_TRUE(http::is_not_modified(request_with("GET", {{"If-Modified-Since", file.last_modified}}), file));
  EXPECT_FALSE(http::is_not_modified(request_with("GET", {{"If-Modified-Since", http::http_date(1'796'606'370)}}), file));
  EXPECT_FALSE(http::is_not_modified(request_with("GET", {{"If-Modified-Since", "mañana"}}), file));
}

TEST(NotModified, EveryIfNoneMatchLineCountsAndTwoDatesAreIgnored) {
  auto file = http::file_validators(510, 1'796'606'371'000'000'000);
  EXPECT_TRUE(http::is_not_modified(request_with("GET", {{"if-none-match", "\"x\""}, {"if-none-match", file.etag}}), file));
  // A present but empty If-None-Match still decides: the date is not consulted.
  EXPECT_FALSE(http::is_not_modified(
      request_with("GET", {{"if-none-match", ""}, {"if-modified-since", file.last_modified}}), file));
  EXPECT_FALSE(http::is_not_modified(
      request_with("GET", {{"if-modified-since", file.last_modified}, {"if-modified-since", file.last_modified}}), file));
}

TEST(NotModified, OnlyForGetAndHead) {
  auto file = http::file_validators(510, 1'796'606'371'000'000'000);
  EXPECT_FALSE(http::is_not_modified(request_with("POST", {{"If-None-Match", file.etag}}), file));
  EXPECT_FALSE(http::is_not_modified(request_with("GET", {}), file));
}

}  // namespace
