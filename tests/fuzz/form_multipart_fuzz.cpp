// Fuzz target: http::parse_multipart. Input = Content-Type header value, a newline, then the body; the first
// byte picks tight or default limits.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "http/form.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  http::FormLimits limits;
  if (data[0] & 1) {
    limits.max_fields = 3;
    limits.max_field_bytes = 32;
    limits.max_files = 1;
    limits.max_file_bytes = 64;
  }
  std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::size_t newline = input.find('\n');
  std::string_view content_type = newline == std::string_view::npos ? input : input.substr(0, newline);
  std::string_view body = newline == std::string_view::npos ? std::string_view() : input.substr(newline + 1);
  http::FormData form;
  http::parse_multipart(content_type, body, form, limits);
  for (const auto& [name, value] : form.fields()) (void)form.all(name);
  return 0;
}
