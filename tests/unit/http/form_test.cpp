#include "http/form.hpp"

#include <gtest/gtest.h>

TEST(UrlEncodedForm, DecodesPlusPercentAndArrayNames) {
  http::FormData form;
  http::parse_urlencoded("name=Ana+Mar%C3%ADa&ids%5B%5D=3&ids%5B%5D=5&templates%5Breceived%5D=Hola&empty=&flag", form);
  EXPECT_EQ(form.value("name"), "Ana María");
  EXPECT_EQ(form.all("ids"), (std::vector<std::string>{"3", "5"}));
  EXPECT_EQ(form.value("templates[received]"), "Hola");
  EXPECT_TRUE(form.has("empty"));
  EXPECT_TRUE(form.has("flag"));
  EXPECT_FALSE(form.has("missing"));
}

TEST(UrlEncodedForm, EncodeDecodeRoundTrip) {
  std::vector<std::pair<std::string, std::string>> pairs = {{"a b", "x&y=z"}, {"ñ", "<script>"}};
  http::FormData form;
  http::parse_urlencoded(http::build_urlencoded(pairs), form);
  EXPECT_EQ(form.value("a b"), "x&y=z");
  EXPECT_EQ(form.value("ñ"), "<script>");
}

TEST(MultipartForm, SplitsFieldsAndFiles) {
  std::string body =
      "--XyZ\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nFunda A52\r\n"
      "--XyZ\r\nContent-Disposition: form-data; name=\"image\"; filename=\"foto.png\"\r\nContent-Type: image/png\r\n\r\n"
      "\x89PNG\r\n\x1a\n\r\n"
      "--XyZ--\r\n";
  http::FormData form;
  ASSERT_EQ(http::parse_multipart("multipart/form-data; boundary=XyZ", body, form), http::FormStatus::kOk);
  EXPECT_EQ(form.value("name"), "Funda A52");
  ASSERT_EQ(form.files.size(), 1u);
  EXPECT_EQ(form.files[0].filename, "foto.png");
  EXPECT_EQ(form.files[0].content, std::string("\x89PNG\r\n\x1a\n", 8));
}

TEST(MultipartForm, RejectsTruncatedBodies) {
  http::FormData form;
  EXPECT_EQ(http::parse_multipart("multipart/form-data; boundary=XyZ",
                                  "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end", form),
            http::FormStatus::kMalformed);
  EXPECT_EQ(http::parse_multipart("multipart/form-data", "whatever", form), http::FormStatus::kMalformed);
}

namespace {
std::string repeated(std::string_view piece, std::size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

std::string multipart_field(std::string_view name, std::string_view value) {
  return "--XyZ\r\nContent-Disposition: form-data; name=\"" + std::string(name) + "\"\r\n\r\n" + std::string(value) +
         "\r\n";
}
}  // namespace

TEST(UrlEncodedForm, StopsAtTheThousandAndFirstField) {
  http::FormData form;
  EXPECT_EQ(http::parse_urlencoded(repeated("a=&", 1000), form), http::FormStatus::kOk);
  EXPECT_EQ(form.fields().size(), 1000u);

  http::FormData junk;
  // 10 MiB of empty fields: refused after the limit, so at most 1000 are ever stored.
  EXPECT_EQ(http::parse_urlencoded(repeated("a=&", 10 * 1024 * 1024 / 3), junk), http::FormStatus::kTooManyFields);
  EXPECT_LE(junk.fields().size(), 1000u);
}

TEST(UrlEncodedForm, EmptyPiecesCostNothingAndCountNothing) {
  http::FormData form;
  EXPECT_EQ(http::parse_urlencoded(repeated("&", 100000) + "name=Ana", form), http::FormStatus::kOk);
  EXPECT_EQ(form.value("name"), "Ana");
  EXPECT_EQ(form.fields().size(), 1u);
}

TEST(UrlEncodedForm, RefusesAFieldOver64KiB) {
  http::FormData form;
  EXPECT_EQ(http::parse_urlencoded("email=" + std::string(64 * 1024 - 5, 'x'), form), http::FormStatus::kOk);
  http::FormData large;
  EXPECT_EQ(http::parse_urlencoded("ok=1&email=" + std::string(64 * 1024, 'x'), large), http::FormStatus::kFieldTooLarge);
  EXPECT_EQ(large.value("ok"), "1");
  EXPECT_FALSE(large.has("email"));
  // Percent escapes are sized after decoding: 30 KiB of "%41" is 30 KiB, not 90.
  http::FormData escaped;
  EXPECT_EQ(http::parse_urlencoded("a=" + repeated("%41", 30 * 1024), escaped), http::FormStatus::kOk);
  EXPECT_EQ(escaped.value("a").size(), 30u * 1024);
  http::FormData nine_mib;
  EXPECT_EQ(http::parse_urlencoded("email=" + std::string(9 * 1024 * 1024, 'x'), nine_mib),
            http::FormStatus::kFieldTooLarge);
}

TEST(UrlEncodedForm, LimitsCanBeChosenPerCall) {
  http::FormLimits limits;
  limits.max_fields = 2;
  limits.max_field_bytes = 8;
  http::FormData form;
  EXPECT_EQ(http::parse_urlencoded("a=1&b=2&c=3", form, limits), http::FormStatus::kTooManyFields);
  EXPECT_EQ(form.fields().size(), 2u);
  http::FormData wide;
  EXPECT_EQ(http::parse_urlencoded("name=123456", wide, limits), http::FormStatus::kFieldTooLarge);
}

TEST(MultipartForm, StopsAtTheThousandAndFirstPart) {
  std::string body;
  for (int i = 0; i < 1001; ++i) body += multipart_field("f", "");
  body += "--XyZ--\r\n";
  http::FormData form;
  EXPECT_EQ(http::parse_multipart("multipart/form-data; boundary=XyZ", body, form), http::FormStatus::kTooManyFields);
  EXPECT_LE(form.fields().size(), 1000u);
}

TEST(MultipartForm, RefusesATextFieldOver64KiBButNotALargerFile) {
  http::FormData form;
  std::string text = multipart_field("description", std::string(64 * 1024 + 1, 'x')) + "--XyZ--\r\n";
  EXPECT_EQ(http::parse_multipart("multipart/form-data; boundary=XyZ", text, form), http::FormStatus::kFieldTooLarge);
  EXPECT_FALSE(form.has("description"));

  std::string file = "--XyZ\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a.png\"\r\n\r\n" +
                     std::string(200 * 1024, 'p') + "\r\n--XyZ--\r\n";
  http::FormData upload;
  EXPECT_EQ(http::parse_multipart("multipart/form-data; boundary=XyZ", file, upload), http::FormStatus::kOk);
  ASSERT_EQ(upload.files.size(), 1u);
  EXPECT_EQ(upload.files[0].content.size(), 200u * 1024);

  http::FormLimits small_files;
  small_files.max_file_bytes = 1024;
  http::FormData refused;
  EXPECT_EQ(http::parse_multipart("multipart/form-data; boundary=XyZ", file, refused, small_files),
            http::FormStatus::kFieldTooLarge);
  EXPECT_TRUE(refused.files.empty());
}

TEST(MultipartForm, RefusesMoreThanTwentyFiles) {
  std::string body;
  for (int i = 0; i < 21; ++i)
    body += "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"" + std::to_string(i) + ".png\"\r\n\r\nx\r\n";
  body += "--XyZ--\r\n";
  http::FormData form;
  EXPECT_EQ(http::parse_multipart("multipart/form-data; boundary=XyZ", body, form), http::FormStatus::kTooManyFields);
  EXPECT_EQ(form.files.size(), 20u);
}

TEST(MultipartForm, PartHeadersOver8KiBAreMalformed) {
  std::string body = "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\nX-Junk: " + std::string(9000, 'j') +
                     "\r\n\r\nvalue\r\n--XyZ--\r\n";
  http::FormData form;
  EXPECT_EQ(http::parse_multipart("multipart/form-data; boundary=XyZ", body, form), http::FormStatus::kMalformed);
}
