// Fuzz target: core::parse_env_text on an arbitrary .env file.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "core/env_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::map<std::string, std::string> values;
  core::EnvParseError error;
  (void)core::parse_env_text(text, values, error);
  return 0;
}
