// http::GzipTemplate: an answer inflates (zlib checks the CRC and the length) to the text with the values in its
// slots, whatever the values, the slot count or the text's length; values never change the compressed parts.
#include "http/gzip_template.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <optional>
#include <random>
#include <string>
#include <vector>

namespace {

using http::GzipTemplate;

// The whole gzip member inflated; fails the test on any zlib error (a wrong CRC-32 or ISIZE is Z_DATA_ERROR).
std::string gunzip(const std::string& member) {
  z_stream stream{};
  EXPECT_EQ(inflateInit2(&stream, 16 + 15), Z_OK);
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(member.data()));
  stream.avail_in = static_cast<uInt>(member.size());
  std::string out;
  char buffer[8192];
  int rc = Z_OK;
  while (rc == Z_OK) {
    stream.next_out = reinterpret_cast<Bytef*>(buffer);
    stream.avail_out = sizeof buffer;
    rc = inflate(&stream, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - stream.avail_out);
  }
  EXPECT_EQ(rc, Z_STREAM_END) << (stream.msg ? stream.msg : "");
  EXPECT_EQ(stream.avail_in, 0u) << "bytes after the gzip member";
  inflateEnd(&stream);
  return out;
}

std::optional<std::string> render(const GzipTemplate& page, std::vector<std::string_view> values) {
  return page.render(values);
}

std::string random_text(std::mt19937& random, std::size_t length, std::string_view alphabet) {
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  std::string text(length, ' ');
  for (char& c : text) c = alphabet[pick(random)];
  return text;
}

// A page like the store's: repeated cards, each with a token slot, and nonce slots in the head.
struct Page {
  std::vector<std::string> texts;
  std::vector<int> slots;
  std::vector<GzipTemplate::Part> parts() const {
    std::vector<GzipTemplate::Part> out;
    for (std::size_t i = 0; i < texts.size(); ++i) out.push_back({texts[i], slots[i]});
    return out;
  }
  std::string with(const std::vector<std::string>& values) const {
    std::string out;
    for (std::size_t i = 0; i < texts.size(); ++i) {
      out += texts[i];
      if (slots[i] != GzipTemplate::kNoSlot) out += values[slots[i]];
    }
    return out;
  }
};

Page store_like_page(int cards) {
  Page page;
  page.texts.push_back("<!doctype html><html><head><script nonce=\"");
  page.slots.push_back(1);
  page.texts.push_back("\" src=\"/js/app.js\"></script><meta name=\"csrf-token\" content=\"");
  page.slots.push_back(0);
  for (int i = 0; i < cards; ++i) {
    page.texts.push_back("\"></head>\n<article class=\"card\"><h2>Funda " + std::to_string(i) +
                         "</h2><form method=\"post\" action=\"/carrito/agregar/" + std::to_string(i) +
                         "\"><input type=\"hidden\" name=\"_token\" value=\"");
    page.slots.push_back(0);
  }
  page.texts.push_back("\"></form></article></body></html>\n");
  page.slots.push_back(GzipTemplate::kNoSlot);
  return page;
}

TEST(GzipTemplate, AnAnswerInflatesToTheTextWithTheValuesInItsSlots) {
  const Page page = store_like_page(24);
  const std::vector<std::size_t> lengths = {65, 22};
  auto kept = GzipTemplate::build(page.parts(), lengths);
  ASSERT_TRUE(kept);
  std::mt19937 random(20261207);
  for (int round = 0; round < 50; ++round) {
    // Values drawn from the text's own alphabet: a value that repeats the page's bytes must not confuse anything.
    const std::vector<std::string> values = {random_text(random, 65, "<>\"=/ abcdefghijklmnopqrstuvwxyz0123456789"),
                                             random_text(random, 22, "ABCDEFGHIJKLMNOPQRSTUVWXYZ+/")};
    auto answer = render(*kept, {values[0], values[1]});
    ASSERT_TRUE(answer);
    ASSERT_EQ(gunzip(*answer), page.with(values)) << "round " << round;
  }
}

TEST(GzipTemplate, TheAnswerIsMuchSmallerThanTheTextAndItsLengthDoesNotDependOnTheValues) {
  const Page page = store_like_page(24);
  auto kept = GzipTemplate::build(page.parts(), std::vector<std::size_t>{65, 22});
  ASSERT_TRUE(kept);
  const std::string a(65, 'a'), b(65, 'b'), n1(22, 'x'), n2(22, 'Q');
  auto first = render(*kept, {a, n1});
  auto second = render(*kept, {std::string_view(page.texts[2]).substr(0, 65), n2});
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->size(), second->size()) << "a value that repeats the page compresses no better (BREACH)";
  EXPECT_LT(first->size() * 2, page.with({a, n1}).size());
}

TEST(GzipTemplate, BeyondTheDeflateWindowReferencesStillCountTheSlots) {
  // 200 KB: back-references reach 32 KiB back, across many slots, and the window slides past them.
  std::mt19937 random(7);
  Page page;
  for (int i = 0; i < 400; ++i) {
    page.texts.push_back("<li>" + random_text(random, 400, "abcde <>") + "</li>");
    page.slots.push_back(i % 3 == 0 ? 1 : 0);
  }
  page.texts.push_back("end");
  page.slots.push_back(GzipTemplate::kNoSlot);
  auto kept = GzipTemplate::build(page.parts(), std::vector<std::size_t>{40, 3});
  ASSERT_TRUE(kept);
  const std::vector<std::string> values = {random_text(random, 40, "abcde <>"), "xyz"};
  auto answer = render(*kept, {values[0], values[1]});
  ASSERT_TRUE(answer);
  EXPECT_EQ(gunzip(*answer), page.with(values));
}

TEST(GzipTemplate, SlotsAtTheEdgesAndSideBySide) {
  Page page;
  page.texts = {"", "", "middle", ""};
  page.slots = {0, 1, 0, 1};  // starts on a slot, two slots touching, ends on a slot
  auto kept = GzipTemplate::build(page.parts(), std::vector<std::size_t>{4, 2});
  ASSERT_TRUE(kept);
  auto answer = render(*kept, {"TTTT", "nn"});
  ASSERT_TRUE(answer);
  EXPECT_EQ(gunzip(*answer), "TTTTnnmiddleTTTTnn");
}

TEST(GzipTemplate, AZeroLengthSlotAndATextWithoutSlots) {
  Page empty_slot;
  empty_slot.texts = {"before ", " after"};
  empty_slot.slots = {0, GzipTemplate::kNoSlot};
  auto kept = GzipTemplate::build(empty_slot.parts(), std::vector<std::size_t>{0});
  ASSERT_TRUE(kept);
  EXPECT_EQ(gunzip(*render(*kept, {""})), "before  after");

  const GzipTemplate::Part plain[] = {{"just text", GzipTemplate::kNoSlot}};
  auto no_slots = GzipTemplate::build(plain, {});
  ASSERT_TRUE(no_slots);
  EXPECT_EQ(gunzip(*render(*no_slots, {})), "just text");
}

TEST(GzipTemplate, RefusesWhatItCannotKeepCorrect) {
  const GzipTemplate::Part with_nul[] = {{std::string_view("a\0b", 3), GzipTemplate::kNoSlot}};
  EXPECT_FALSE(GzipTemplate::build(with_nul, {})) << "a NUL could be matched against a slot's placeholder";
  const GzipTemplate::Part bad_slot[] = {{"a", 2}, {"b", GzipTemplate::kNoSlot}};
  EXPECT_FALSE(GzipTemplate::build(bad_slot, std::vector<std::size_t>{4}));
  const GzipTemplate::Part fine[] = {{"a", 0}, {"b", GzipTemplate::kNoSlot}};
  EXPECT_FALSE(GzipTemplate::build(fine, std::vector<std::size_t>{70000})) << "over a stored block's 65,535 bytes";
  EXPECT_FALSE(GzipTemplate::build({}, {}));

  auto kept = GzipTemplate::build(fine, std::vector<std::size_t>{4});
  ASSERT_TRUE(kept);
  EXPECT_FALSE(render(*kept, {"abc"})) << "a value of another length would shift every later reference";
  EXPECT_FALSE(render(*kept, {"abcde"}));
  EXPECT_FALSE(render(*kept, {})) << "one value per slot kind";
  std::string out = "head";
  EXPECT_FALSE(kept->render_into(out, std::vector<std::string_view>{"abc"}));
  EXPECT_EQ(out, "head");
}

TEST(AcceptsGzip, ReadsCodingsAndQValuesLikeRfc9110) {
  EXPECT_TRUE(http::accepts_gzip("gzip"));
  EXPECT_TRUE(http::accepts_gzip("gzip, deflate, br, zstd"));  // Chrome
  EXPECT_TRUE(http::accepts_gzip("br;q=1.0, gzip;q=0.8, *;q=0.1"));
  EXPECT_TRUE(http::accepts_gzip("GZip"));
  EXPECT_TRUE(http::accepts_gzip("x-gzip"));
  EXPECT_TRUE(http::accepts_gzip(" deflate ,\tgzip ; q=0.001"));
  EXPECT_TRUE(http::accepts_gzip("gzip;q=1.000"));
  EXPECT_TRUE(http::accepts_gzip("*"));
  EXPECT_FALSE(http::accepts_gzip(""));
  EXPECT_FALSE(http::accepts_gzip("identity"));
  EXPECT_FALSE(http::accepts_gzip("br, deflate"));
  EXPECT_FALSE(http::accepts_gzip("gzip;q=0"));
  EXPECT_FALSE(http::accepts_gzip("gzip;q=0.000"));
  EXPECT_FALSE(http::accepts_gzip("gzip;q=0, *"));  // named codings win over the wildcard
  EXPECT_FALSE(http::accepts_gzip("*;q=0"));
  EXPECT_FALSE(http::accepts_gzip("gzip;q=abc"));
  EXPECT_FALSE(http::accepts_gzip("gzip;q = 0"));
  EXPECT_FALSE(http::accepts_gzip("gzip; Q=0"));
  EXPECT_TRUE(http::accepts_gzip("gzip;level=1"));  // an unknown parameter leaves the weight at 1
  EXPECT_FALSE(http::accepts_gzip("gzip;q=1.5"));
  EXPECT_FALSE(http::accepts_gzip("gzipx"));
}

}  // namespace
