// Fuzz target: http::parse_cookies on an arbitrary Cookie header, then build_set_cookie for every pair found.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "http/cookies.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view header(reinterpret_cast<const char*>(data), size);
  auto cookies = http::parse_cookies(header);
  http::CookieOptions options;
  options.secure = size % 2 == 0;
  for (const auto& [name, value] : cookies) (void)http::build_set_cookie(name, value, options);
  return 0;
}
