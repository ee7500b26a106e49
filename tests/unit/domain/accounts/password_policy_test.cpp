// Password rules (issue 16, item 5): lengths, dictionary and very common passwords, the account's own email.
#include "domain/accounts/password_policy.hpp"

#include <gtest/gtest.h>

using accounts::kPasswordTooCommonMessage;
using accounts::password_problem;

TEST(PasswordPolicy, VeryCommonAndDictionaryPasswordsAreRefusedWithTheSpanishMessage) {
  for (const char* common : {"12345678", "password", "qwertyuiop", "abcdefgh", "Password1", "dragon123"})
    EXPECT_EQ(password_problem(common).value_or(""), kPasswordTooCommonMessage) << common;
}

TEST(PasswordPolicy, ShortAndOverlongPasswordsAreRefusedByLength) {
  EXPECT_EQ(password_problem("Ab3$xyz").value_or(""), "La contraseña debe tener al menos 8 caracteres.");
  EXPECT_EQ(password_problem(std::string(129, 'k')).value_or(""), "La contraseña no puede superar 128 caracteres.");
  // A 2 MiB password is refused as quickly, by length.
  EXPECT_EQ(password_problem(std::string(2 << 20, 'k')).value_or(""), "La contraseña no puede superar 128 caracteres.");
  // Characters, not bytes: 128 "ñ" is 256 bytes and still allowed by length.
  std::string enes;
  for (int i = 0; i < 128; ++i) enes += "ñ";
  EXPECT_NE(password_problem(enes).value_or(""), "La contraseña no puede superar 128 caracteres.");
}

TEST(PasswordPolicy, APasswordContainingTheAccountsEmailIsRefused) {
  EXPECT_EQ(password_problem("ana@example.com", "ana@example.com").value_or(""),
            "La contraseña no puede contener tu email.");
}

TEST(PasswordPolicy, PassphrasesAndTheTestSuitesPasswordsAreAccepted) {
  for (const char* good : {"mate amargo y facturas", "tornillo-azul-del-taller", "mi bici roja 2024", "secreto123",
                           "clave-admin-123", "contraseña123"})
    EXPECT_EQ(password_problem(good, "ana@example.com"), std::nullopt) << good;
  // Exactly 128 characters is within the bound.
  std::string longest;
  while (longest.size() < 128) longest += "mate amargo, facturas y un tornillo azul; ";
  longest.resize(128);
  EXPECT_EQ(password_problem(longest), std::nullopt);
}
