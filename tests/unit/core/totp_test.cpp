#include "core/totp.hpp"

#include <gtest/gtest.h>

namespace {
const std::string kRfcSecret = "12345678901234567890";  // RFC 6238 Appendix B, SHA1
}

TEST(Totp, MatchesTheRfc6238Sha1Vectors) {
  EXPECT_EQ(core::totp_at(kRfcSecret, 59, 8), "94287082");
  EXPECT_EQ(core::totp_at(kRfcSecret, 1111111109, 8), "07081804");
  EXPECT_EQ(core::totp_at(kRfcSecret, 1111111111, 8), "14050471");
  EXPECT_EQ(core::totp_at(kRfcSecret, 1234567890, 8), "89005924");
  EXPECT_EQ(core::totp_at(kRfcSecret, 2000000000, 8), "69279037");
  EXPECT_EQ(core::totp_at(kRfcSecret, 20000000000, 8), "65353130");
  EXPECT_EQ(core::totp_at(kRfcSecret, 59), "287082");
}

TEST(Totp, AcceptsOneStepOfDriftAndNeverTheSameStepTwice) {
  std::int64_t now = 1111111111;
  std::string code = core::totp_at(kRfcSecret, now);
  auto step = core::verify_totp(kRfcSecret, code, now);
  ASSERT_TRUE(step.has_value());
  EXPECT_EQ(*step, now / 30);
  EXPECT_FALSE(core::verify_totp(kRfcSecret, code, now, *step).has_value());  // replay refused
  EXPECT_TRUE(core::verify_totp(kRfcSecret, core::totp_at(kRfcSecret, now - 30), now).has_value());
  EXPECT_TRUE(core::verify_totp(kRfcSecret, core::totp_at(kRfcSecret, now + 30), now).has_value());
  EXPECT_FALSE(core::verify_totp(kRfcSecret, core::totp_at(kRfcSecret, now - 90), now).has_value());
  EXPECT_FALSE(core::verify_totp(kRfcSecret, "12345", now).has_value());
  std::string spaced = code.substr(0, 3) + " " + code.substr(3);
  EXPECT_TRUE(core::verify_totp(kRfcSecret, spaced, now).has_value());
}

TEST(Base32, RoundTripsAndMatchesRfc4648) {
  EXPECT_EQ(core::base32_encode("foobar"), "MZXW6YTBOI");
  EXPECT_EQ(core::base32_decode("mzxw6ytboi"), "foobar");
  EXPECT_EQ(core::base32_decode("MZXW 6YTB OI======"), "foobar");
  EXPECT_TRUE(core::base32_decode("MZ1!").empty());
  EXPECT_EQ(core::base32_decode(core::base32_encode(kRfcSecret)), kRfcSecret);
}

TEST(Totp, OtpauthUriCarriesIssuerAndSecret) {
  EXPECT_EQ(core::otpauth_uri("NicoReparaciones", "admin@nico.local", "JBSWY3DPEHPK3PXP"),
            "otpauth://totp/NicoReparaciones:admin%40nico.local?secret=JBSWY3DPEHPK3PXP&issuer=NicoReparaciones"
            "&algorithm=SHA1&digits=6&period=30");
}
