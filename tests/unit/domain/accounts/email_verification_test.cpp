#include "domain/accounts/email_verification.hpp"

#include <gtest/gtest.h>

#include <string>

#include "core/crypto.hpp"
#include "core/signed_link.hpp"

namespace {
const std::string kKey(32, 'v');
}

TEST(EmailVerificationLinks, NameTheAccountAndAFingerprintOfItsEmailAndLastADay) {
  std::string path = accounts::verification_path(7, "ana@example.com", 1000, kKey);
  std::string expected_start = "/verificar-email/7/" + core::sha256_hex("ana@example.com") + "?expires=" +
                               std::to_string(1000 + 24 * 3600) + "&signature=";
  ASSERT_EQ(path.rfind(expected_start, 0), 0u) << path;
  EXPECT_EQ(path.find("ana@example.com"), std::string::npos);  // the address itself is not in the link
  EXPECT_EQ(core::check_signed_url(path, kKey, 1000 + 24 * 3600), core::SignedUrlCheck::kValid);
  EXPECT_EQ(core::check_signed_url(path, kKey, 1001 + 24 * 3600), core::SignedUrlCheck::kExpired);
  EXPECT_EQ(core::check_signed_url(path, std::string(32, 'w'), 1000), core::SignedUrlCheck::kInvalid);
  // The stored address is lower-cased and trimmed: the same account e-mail, the same link.
  EXPECT_EQ(accounts::verification_path(7, " Ana@Example.COM ", 1000, kKey), path);
  EXPECT_NE(accounts::verification_path(7, "otra@example.com", 1000, kKey), path);
}

TEST(EmailVerificationLinks, TheModeIsRequiredOnlyWhenSaidSo) {
  EXPECT_EQ(accounts::parse_email_verification_mode("required"), accounts::EmailVerificationMode::kRequired);
  EXPECT_EQ(accounts::parse_email_verification_mode("optional"), accounts::EmailVerificationMode::kOptional);
}

TEST(EmailVerificationLinks, TheGoogleStandInAddressIsNotARealOne) {
  EXPECT_TRUE(accounts::is_placeholder_email("google_1234@example.local"));
  EXPECT_FALSE(accounts::is_placeholder_email("ana@example.com"));
  EXPECT_FALSE(accounts::is_placeholder_email("@example.local"));
}
