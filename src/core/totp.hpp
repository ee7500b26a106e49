// Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP): HMAC-SHA1, 30-second steps, 6 digits,
// accepting the previous and next step for clock drift. Secrets travel as RFC 4648 base32 (what authenticator
// apps read from the otpauth:// QR code).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace core {

inline constexpr int kTotpStepSeconds = 30;

std::string base32_encode(std::string_view bytes);
// Case-insensitive, ignores spaces and '=' padding; empty on invalid characters.
std::string base32_decode(std::string_view text);

// The HOTP value for a counter, zero-padded to `digits`.
std::string hotp(std::string_view secret, std::uint64_t counter, int digits = 6);
std::string totp_at(std::string_view secret, std::int64_t unix_time, int digits = 6);

// The time step a code matches (current ±1), or nullopt. A step ≤ `last_used_step` is refused, so a code works
// only once (replay protection the reference lacked). Non-digit characters in `code` (spaces) are ignored.
std::optional<std::int64_t> verify_totp(std::string_view secret, std::string_view code, std::int64_t unix_time,
                                        std::int64_t last_used_step = -1);

// otpauth://totp/<issuer>:<account>?secret=…&issuer=…&algorithm=SHA1&digits=6&period=30
std::string otpauth_uri(std::string_view issuer, std::string_view account, std::string_view secret);

}  // namespace core
