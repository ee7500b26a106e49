#include "core/validation.hpp"

#include <gtest/gtest.h>

#include "core/strings.hpp"

TEST(PhoneRule, AcceptsTheFormatsCustomersType) {
  EXPECT_TRUE(core::is_valid_phone("341 555-0000"));
  EXPECT_TRUE(core::is_valid_phone("+54 (351) 555-1234"));
  EXPECT_TRUE(core::is_valid_phone("11555566"));
}

TEST(PhoneRule, RejectsLettersTooFewOrTooManyDigits) {
  EXPECT_FALSE(core::is_valid_phone("341 555 000a"));
  EXPECT_FALSE(core::is_valid_phone("1234567"));             // 7 digits
  EXPECT_FALSE(core::is_valid_phone("1234567890123456"));    // 16 digits
  EXPECT_FALSE(core::is_valid_phone("12 34 56 78 90 12 34 5 6"));  // 16 digits with spaces
  EXPECT_FALSE(core::is_valid_phone("<script>1234567890"));
  EXPECT_FALSE(core::is_valid_phone(std::string(31, '1')));
}

TEST(EmailRule, AcceptsPlainAddressesAndRejectsBrokenOnes) {
  EXPECT_TRUE(core::is_valid_email("ana@example.com"));
  EXPECT_TRUE(core::is_valid_email("ana.perez+taller@mail.example.com.ar"));
  EXPECT_FALSE(core::is_valid_email("ana"));
  EXPECT_FALSE(core::is_valid_email("ana@"));
  EXPECT_FALSE(core::is_valid_email("@example.com"));
  EXPECT_FALSE(core::is_valid_email("ana@@example.com"));
  EXPECT_FALSE(core::is_valid_email("ana perez@example.com"));
  EXPECT_FALSE(core::is_valid_email("ana@localhost"));
  EXPECT_FALSE(core::is_valid_email("ana@example..com"));
}

TEST(LengthRule, CountsCharactersNotBytes) {
  std::string name;
  for (int i = 0; i < 255; ++i) name += "ñ";
  EXPECT_FALSE(core::exceeds_length(name, 255));
  EXPECT_TRUE(core::exceeds_length(name + "a", 255));
}

TEST(FieldErrors, KeepsTheFirstMessagePerFieldInOrder) {
  core::FieldErrors errors;
  errors.add("email", "Ingresá tu email.");
  errors.add("name", "Ingresá tu nombre.");
  errors.add("email", "otro");
  ASSERT_EQ(errors.items().size(), 2u);
  EXPECT_EQ(errors.items()[0].first, "email");
  EXPECT_EQ(errors.first("email"), "Ingresá tu email.");
  EXPECT_EQ(errors.first("phone"), "");
}
