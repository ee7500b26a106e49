// TOTP / HOTP and base32 (see totp.hpp).
#include "core/totp.hpp"

#include "core/crypto.hpp"
#include "core/url.hpp"

namespace core {

namespace {
constexpr std::string_view kBase32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
}

std::string base32_encode(std::string_view bytes) {
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char c : bytes) {
    buffer = (buffer << 8) | c;
    bits += 8;
    while (bits >= 5) {
      out.push_back(kBase32Alphabet[(buffer >> (bits - 5)) & 0x1F]);
      bits -= 5;
    }
  }
  if (bits > 0) out.push_back(kBase32Alphabet[(buffer << (5 - bits)) & 0x1F]);
  return out;
}

std::string base32_decode(std::string_view text) {
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (char raw : text) {
    if (raw == ' ' || raw == '=' || raw == '-') continue;
    char c = (raw >= 'a' && raw <= 'z') ? static_cast<char>(raw - 'a' + 'A') : raw;
    auto index = kBase32Alphabet.find(c);
    if (index == std::string_view::npos) return {};
    buffer = (buffer << 5) | static_cast<std::uint32_t>(index);
    bits += 5;
    if (bits >= 8) {
      out.push_back(static_cast<char>((buffer >> (bits - 8)) & 0xFF));
      bits -= 8;
    }
  }
  return out;
}

std::string hotp(std::string_view secret, std::uint64_t counter, int digits) {
  unsigned char message[8];
  for (int i = 7; i >= 0; --i) {
    message[i] = static_cast<unsigned char>(counter & 0xFF);
    counter >>= 8;
  }
  std::string mac = hmac_sha1(secret, std::string_view(reinterpret_cast<char*>(message), 8));
  int offset = mac[19] & 0x0F;
  std::uint32_t binary = (static_cast<std::uint32_t>(mac[offset] & 0x7F) << 24) |
                         (static_cast<std::uint32_t>(static_cast<unsigned char>(mac[offset + 1])) << 16) |
                         (static_cast<std::uint32_t>(static_cast<unsigned char>(mac[offset + 2])) << 8) |
                         static_cast<std::uint32_t>(static_cast<unsigned char>(mac[offset + 3]));
  std::uint32_t modulo = 1;
  for (int i = 0; i < digits; ++i) modulo *= 10;
  std::string code = std::to_string(binary % modulo);
  return std::string(static_cast<std::size_t>(digits) - code.size(), '0') + code;
}

std::string totp_at(std::string_view secret, std::int64_t unix_time, int digits) {
  return hotp(secret, static_cast<std::uint64_t>(unix_time / kTotpStepSeconds), digits);
}

std::optional<std::int64_t> verify_totp(std::string_view secret, std::string_view code, std::int64_t unix_time,
                                        std::int64_t last_used_step) {
  std::string digits;
  for (char c : code) {
    if (c >= '0' && c <= '9') digits.push_back(c);
  }
  if (digits.size() != 6 || secret.empty()) return std::nullopt;
  std::int64_t current = unix_time / kTotpStepSeconds;
  for (std::int64_t step : {current - 1, current, current + 1}) {
    if (step <= last_used_step) continue;
    if (constant_time_equals(hotp(secret, static_cast<std::uint64_t>(step)), digits)) return step;
  }
  return std::nullopt;
}

std::string otpauth_uri(std::string_view issuer, std::string_view account, std::string_view secret) {
  std::string label = core::url_encode(issuer) + ":" + core::url_encode(account);
  return "otpauth://totp/" + label + "?secret=" + std::string(secret) + "&issuer=" + core::url_encode(issuer) +
         "&algorithm=SHA1&digits=6&period=30";
}

}  // namespace core
