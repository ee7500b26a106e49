// One-pass `{placeholder}` substitution (see message_template.hpp).
#include "domain/notify/message_template.hpp"

namespace notify {

namespace {
bool is_name_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }
}  // namespace

std::string render_template(std::string_view text, const Placeholders& values) {
  std::string out;
  out.reserve(text.size() + 64);
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '{') {
      std::size_t end = i + 1;
      while (end < text.size() && is_name_char(text[end])) ++end;
      if (end < text.size() && text[end] == '}' && end > i + 1) {
        std::string_view name = text.substr(i + 1, end - i - 1);
        const std::string* value = nullptr;
        for (const auto& [key, replacement] : values)
          if (key == name) value = &replacement;
        if (value) {
          out += *value;
          i = end + 1;
          continue;
        }
      }
    }
    out.push_back(text[i]);
    ++i;
  }
  return out;
}

}  // namespace notify
