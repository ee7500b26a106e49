// "Recordarme": a long-lived cookie that signs the visitor in again after the session expired.
// Cookie value "<user id>|<60-char token>"; the users table keeps only the token's SHA-256, so a database leak
// cannot be replayed. Signing out, or changing the password, clears the stored hash and with it every
// remembered browser.
#pragma once

#include <optional>

#include "domain/accounts/user.hpp"

namespace web {

class Context;

inline constexpr const char* kRememberCookie = "nico_remember";
inline constexpr long long kRememberSeconds = 30LL * 24 * 3600;

// Issues a token for `user` and queues its cookie on the response.
void remember_user(Context& context, const accounts::User& user);
// Clears the token of the signed-in user (if any) and queues the cookie's removal.
void forget_remembered_user(Context& context);
// The user a valid remember cookie names, or nullopt (an invalid cookie is queued for removal).
std::optional<accounts::User> remembered_user(Context& context, std::string_view cookie_value);

}  // namespace web
