#include "core/signed_link.hpp"

#include "core/crypto.hpp"

#include <gtest/gtest.h>

namespace {
const std::string kKey(32, 'k');
}

TEST(SignedUrl, ValidUntilItExpires) {
  auto url = core::sign_url("/reparacion/12/presupuesto", 1000, kKey);
  EXPECT_EQ(url.rfind("/reparacion/12/presupuesto?expires=1000&signature=", 0), 0u);
  EXPECT_EQ(core::check_signed_url(url, kKey, 999), core::SignedUrlCheck::kValid);
  EXPECT_EQ(core::check_signed_url(url, kKey, 1000), core::SignedUrlCheck::kValid);
  EXPECT_EQ(core::check_signed_url(url, kKey, 1001), core::SignedUrlCheck::kExpired);
}

TEST(SignedUrl, AnyTamperingInvalidatesIt) {
  auto url = core::sign_url("/reparacion/12/presupuesto?x=1", 5000, kKey);
  std::string other_repair = url;
  other_repair.replace(other_repair.find("12"), 2, "13");
  EXPECT_EQ(core::check_signed_url(other_repair, kKey, 1), core::SignedUrlCheck::kInvalid);
  std::string later = url;
  later.replace(later.find("5000"), 4, "9999");
  EXPECT_EQ(core::check_signed_url(later, kKey, 1), core::SignedUrlCheck::kInvalid);
  EXPECT_EQ(core::check_signed_url(url, std::string(32, 'x'), 1), core::SignedUrlCheck::kInvalid);
  EXPECT_EQ(core::check_signed_url("/reparacion/12/presupuesto", kKey, 1), core::SignedUrlCheck::kInvalid);
}

// Fuzzing found a signed target starting with "expires=" read one byte before it (tests/fuzz/corpus/signed_link).
TEST(SignedUrl, ALinkWithNothingBeforeExpiresIsInvalidWithoutReadingBeforeIt) {
  std::string target = "expires=99999";
  target += "&signature=" + core::hex_encode(core::hmac_sha256(kKey, target));
  EXPECT_EQ(core::check_signed_url(target, kKey, 1), core::SignedUrlCheck::kInvalid);
}
