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
  ASSERT_TRUE(http::parse_multipart("multipart/form-data; boundary=XyZ", body, form));
  EXPECT_EQ(form.value("name"), "Funda A52");
  ASSERT_EQ(form.files.size(), 1u);
  EXPECT_EQ(form.files[0].filename, "foto.png");
  EXPECT_EQ(form.files[0].content, std::string("\x89PNG\r\n\x1a\n", 8));
}

TEST(MultipartForm, RejectsTruncatedBodies) {
  http::FormData form;
  EXPECT_FALSE(http::parse_multipart("multipart/form-data; boundary=XyZ",
                                     "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end", form));
  EXPECT_FALSE(http::parse_multipart("multipart/form-data", "whatever", form));
}
