// One-pass `{placeholder}` substitution (see message_template.hpp).
#include "domain/notify/message_template.hpp"

namespace notify {

namespace {
bool is_name_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }
}  // namespace

namespace {

struct RenderedLine {
  std::string text;
  bool placeholders_all_empty = false;  // true only when it had at least one known placeholder
};

RenderedLine render_line(std::string_view text, const Placeholders& values) {
  RenderedLine line;
  line.text.reserve(text.size() + 32);
  bool any = false, any_filled = false;
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
          any = true;
          if (value->find_first_not_of(" \t") != std::string::npos) any_filled = true;
          line.text += *value;
          i = end + 1;
          continue;
        }
      }
    }
    line.text.push_back(text[i]);
    ++i;
  }
  line.placeholders_all_empty = any && !any_filled;
  return line;
}

bool is_blank(std::string_view line) { return line.find_first_not_of(" \t\r") == std::string_view::npos; }

}  // namespace

std::string render_template(std::string_view text, const Placeholders& values) {
  std::string out;
  out.reserve(text.size() + 64);
  bool previous_blank = false, dropped_any = false;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    bool last = end == std::string_view::npos;
    if (last) end = text.size();
    RenderedLine line = render_line(text.substr(start, end - start), values);
    start = end + 1;
    if (line.placeholders_all_empty) {
      dropped_any = true;
    } else if (!(dropped_any && previous_blank && is_blank(line.text))) {
      previous_blank = is_blank(line.text);
      out += line.text;
      if (!last) out += '\n';
    }
    if (last) break;
  }
  if (dropped_any)
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

}  // namespace notify
