#include "core/url.hpp"

#include <gtest/gtest.h>

TEST(UrlEncode, KeepsOnlyTheUnreservedCharactersAndUsesUpperCaseHex) {
  EXPECT_EQ(core::url_encode("AZaz09-._~"), "AZaz09-._~");
  EXPECT_EQ(core::url_encode("Hola Ana, ¿todo bien?"), "Hola%20Ana%2C%20%C2%BFtodo%20bien%3F");
  EXPECT_EQ(core::url_encode("a+b&c=d/e"), "a%2Bb%26c%3Dd%2Fe");
  EXPECT_EQ(core::url_encode(""), "");
}

TEST(UrlDecode, ReadsPercentEscapesAndPlusAsSpaceForForms) {
  EXPECT_EQ(core::url_decode("Ana+Mar%C3%ADa"), "Ana María");
  EXPECT_EQ(core::url_decode("Ana+Mar%c3%ada"), "Ana María");
  EXPECT_EQ(core::url_decode("a+b", false), "a+b");
}

TEST(UrlDecode, KeepsMalformedEscapesAsTheyAre) {
  EXPECT_EQ(core::url_decode("100%"), "100%");
  EXPECT_EQ(core::url_decode("%zz%4"), "%zz%4");
  EXPECT_EQ(core::url_decode("%41%"), "A%");
}

TEST(UrlDecode, ReversesUrlEncodeForEveryByte) {
  std::string all_bytes;
  for (int c = 0; c < 256; ++c) all_bytes.push_back(static_cast<char>(c));
  EXPECT_EQ(core::url_decode(core::url_encode(all_bytes), false), all_bytes);
  EXPECT_EQ(core::url_decode(core::url_encode(all_bytes)), all_bytes);
}
