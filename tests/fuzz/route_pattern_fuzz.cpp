// Fuzz target: http::RoutePattern. Input = pattern, a newline, then the request path: the pattern is compiled,
// matched against the path, and on a match the path is built back from the parameters found.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string_view>

#include "http/route_pattern.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::size_t newline = input.find('\n');
  std::string_view pattern = newline == std::string_view::npos ? input : input.substr(0, newline);
  std::string_view path = newline == std::string_view::npos ? std::string_view() : input.substr(newline + 1);
  http::RoutePattern route(pattern);
  (void)route.has_parameters();
  http::PathParams params;
  if (route.match(path, params)) {
    try {
      (void)route.build(params);
    } catch (const std::invalid_argument&) {
      // A "{rest*}" parameter is stored without its star, so build() may not find it: documented, not a crash.
    }
  }
  return 0;
}
