// Fuzz target: http::parse_urlencoded (query strings and urlencoded bodies) and the FormData lookups over what it
// found. The first byte picks tight or default limits so the limit paths are reached too.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "http/form.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  http::FormLimits limits;
  if (data[0] & 1) {
    limits.max_fields = 4;
    limits.max_field_bytes = 16;
  }
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  http::FormData form;
  http::parse_urlencoded(text, form, limits);
  // Lookups for the first few names only: each is a scan of every field, and a scan per field made the target
  // quadratic (1,600 runs/s instead of tens of thousands).
  std::size_t looked_up = 0;
  for (const auto& [name, value] : form.fields()) {
    if (++looked_up > 8) break;
    (void)form.all(name);
    (void)form.value(name);
    auto bracket = name.find('[');
    if (bracket != std::string::npos) (void)form.all(name.substr(0, bracket));
  }
  (void)http::build_urlencoded(form.fields());
  return 0;
}
