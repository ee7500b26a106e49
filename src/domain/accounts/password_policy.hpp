// What a new password must be (docs/domain/accounts.md "Password rules"): 8 to 128 characters and not a
// dictionary word, a keyboard run or otherwise easy to guess, as judged by libpwquality with the cracklib
// dictionary. Applies to sign-up, password change and admin creation; sign-in never checks it, so existing
// accounts with older passwords keep working.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace accounts {

inline constexpr std::size_t kMinPasswordLength = 8;
inline constexpr std::size_t kMaxPasswordLength = 128;  // longer ones are refused before any hashing

inline constexpr const char* kPasswordTooCommonMessage =
    "Esa contraseña es muy común o fácil de adivinar. Probá con una frase más larga.";

// The Spanish message that explains why `password` cannot be used, or nullopt when it can. `email` (may be empty)
// is the account's: a password containing it is refused too. Thread-safe; reads the dictionary on each call.
std::optional<std::string> password_problem(std::string_view password, std::string_view email = {});

}  // namespace accounts
