// Template text as loaded (see template_text.hpp).
#include "web/template_text.hpp"

#include <algorithm>
#include <cctype>

namespace web {

namespace {

bool contains_ci(std::string_view text, std::string_view needle) {
  auto found = std::search(text.begin(), text.end(), needle.begin(), needle.end(),
                           [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
  return found != text.end();
}

}  // namespace

// Indentation is for the people who read the templates: a browser collapses it (as any run of spaces and newlines
// between words or tags), and it was a sixth of the store page's bytes. Each line loses its leading spaces and
// blank lines go; the newline stays, so no two words or attributes ever join. Lines inside <pre> or <textarea>,
// where whitespace is content, are kept as written.
std::string strip_indentation(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool verbatim = false;  // inside <pre> or <textarea>
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    std::string_view line = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    std::string_view kept = line;
    if (!verbatim) {
      std::size_t first = line.find_first_not_of(" \t");
      kept = first == std::string_view::npos ? std::string_view() : line.substr(first);
    }
    if (!kept.empty() || verbatim) {
      out += kept;
      if (end != std::string_view::npos) out += '\n';
    }
    // A line that opens <pre>/<textarea> without closing it keeps the following lines as written, up to the close.
    bool opens = contains_ci(line, "<pre") || contains_ci(line, "<textarea");
    bool closes = contains_ci(line, "</pre>") || contains_ci(line, "</textarea>");
    if (opens && !closes) verbatim = true;
    else if (closes && !opens) verbatim = false;
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

}  // namespace web
