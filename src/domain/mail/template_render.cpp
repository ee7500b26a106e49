// The placeholder language of the mail templates and its text and HTML renderings (see template_render.hpp).
#include "domain/mail/template_render.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "core/strings.hpp"

namespace mail {

namespace {

// Longest "{{…}}" taken as a placeholder; anything longer is ordinary text (a pasted block of braces).
constexpr std::size_t kMaxPlaceholderLength = 64;

struct Segment {
  bool placeholder = false;
  std::string text;  // literal text, or the trimmed placeholder name
};

// One template line (no '\n') cut into literal text and placeholders.
std::vector<Segment> segments_of(const std::string& line) {
  std::vector<Segment> out;
  std::string literal;
  std::size_t i = 0;
  while (i < line.size()) {
    if (line.compare(i, 2, "{{") == 0) {
      auto close = line.find("}}", i + 2);
      if (close != std::string::npos && close - i - 2 <= kMaxPlaceholderLength) {
        if (!literal.empty()) out.push_back({false, std::move(literal)});
        literal.clear();
        out.push_back({true, core::trim(std::string_view(line).substr(i + 2, close - i - 2))});
        i = close + 2;
        continue;
      }
    }
    literal += line[i++];
  }
  if (!literal.empty()) out.push_back({false, std::move(literal)});
  return out;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::string normalized = core::replace_all(text, "\r\n", "\n");
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (true) {
    auto end = normalized.find('\n', start);
    lines.push_back(normalized.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return lines;
}

std::string value_of(const TemplateValues& values, const std::string& name) {
  auto found = values.find(name);
  return found == values.end() ? std::string() : found->second;
}

// The empty line rule: a line with placeholders, all of them empty, is left out.
bool dropped(const std::vector<Segment>& segments, const TemplateValues& values) {
  bool any = false;
  for (const auto& segment : segments) {
    if (!segment.placeholder) continue;
    any = true;
    if (!value_of(values, segment.text).empty()) return false;
  }
  return any;
}

bool starts_url(const std::string& text, std::size_t at) {
  return core::starts_with_ci(std::string_view(text).substr(at), "https://") ||
         core::starts_with_ci(std::string_view(text).substr(at), "http://");
}

bool ends_url(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '<' || c == '>' || c == '"' || c == '\'';
}

std::string link(const std::string& url) {
  return "<a href=\"" + escape_html(url) + "\" style=\"color:#0369a1\">" + escape_html(url) + "</a>";
}

// Where each byte of a rendered line came from: the admin's template text, a plain value, or a link value.
enum class Origin : char { kTemplate, kValue, kLinkValue };

// One rendered line as HTML: template text escaped with its URLs linked (a URL typed in the template may run on
// into a value, as in https://…/mis-pedidos/{{pedido}}), plain values escaped, link values linked.
std::string html_line(const std::string& line, const std::vector<Origin>& origin) {
  std::string out;
  std::size_t i = 0;
  while (i < line.size()) {
    if (origin[i] == Origin::kLinkValue) {
      std::size_t j = i;
      while (j < line.size() && origin[j] == Origin::kLinkValue) ++j;
      std::string value = line.substr(i, j - i);
      bool is_url = starts_url(value, 0) && std::none_of(value.begin(), value.end(), ends_url);
      out += is_url ? link(value) : escape_html(value);
      i = j;
      continue;
    }
    if (origin[i] == Origin::kTemplate && starts_url(line, i)) {
      std::size_t j = i;
      // A value may continue the template's URL only inside its path (the host stays the one the admin typed)
      // and only with characters that cannot reshape it: a customer's name cannot turn the shop's link into
      // someone else's (https://tienda.com{{nombre}} with a name "@otro.example" stops at the host).
      std::size_t path_start = line.find('/', line.find("://", i) + 3);
      auto continues = [&](std::size_t at) {
        if (origin[at] == Origin::kTemplate) return true;
        unsigned char c = static_cast<unsigned char>(line[at]);
        return origin[at] == Origin::kValue && path_start < at && (std::isalnum(c) || std::strchr("._~-", c));
      };
      while (j < line.size() && !ends_url(line[j]) && continues(j)) ++j;
      std::string url = line.substr(i, j - i);
      // Sentence punctuation after a URL is not part of it ("…en https://x.com/y.").
      while (!url.empty() && std::string_view(".,;:!?").find(url.back()) != std::string_view::npos) url.pop_back();
      if (!url.empty() && url.back() == ')' && url.find('(') == std::string::npos) url.pop_back();
      if (auto scheme_end = url.find("://"); scheme_end != std::string::npos && scheme_end + 3 < url.size()) {
        out += link(url);
        i += url.size();
        continue;
      }
    }
    out += escape_html(std::string(1, line[i]));
    ++i;
  }
  return out;
}

}  // namespace

std::vector<std::string> unknown_placeholders(const std::string& text, const std::vector<std::string>& known) {
  std::vector<std::string> unknown;
  for (const auto& line : lines_of(text))
    for (const auto& segment : segments_of(line)) {
      if (!segment.placeholder) continue;
      if (std::find(known.begin(), known.end(), segment.text) != known.end()) continue;
      std::string shown = "{{" + segment.text + "}}";
      if (std::find(unknown.begin(), unknown.end(), shown) == unknown.end()) unknown.push_back(shown);
    }
  return unknown;
}

std::string render_text(const std::string& text, const TemplateValues& values) {
  std::string out;
  bool first = true;
  for (const auto& line : lines_of(text)) {
    auto segments = segments_of(line);
    if (dropped(segments, values)) continue;
    if (!first) out += '\n';
    first = false;
    for (const auto& segment : segments) out += segment.placeholder ? value_of(values, segment.text) : segment.text;
  }
  return out;
}

std::string render_subject(const std::string& subject, const TemplateValues& values) {
  std::string text = render_text(subject, values);
  for (auto& c : text)
    if (c == '\r' || c == '\n' || c == '\t') c = ' ';
  text = core::trim(text);
  // A long value in the subject ({{notas}}, {{detalle}}) must not make a header line relays refuse (RFC 5322 caps
  // a line at 998 octets): capped at 250 characters, cut on a character boundary.
  constexpr std::size_t kMaxSubjectCharacters = 250;
  std::size_t characters = 0, at = 0;
  for (; at < text.size(); ++at)
    if ((static_cast<unsigned char>(text[at]) & 0xC0) != 0x80 && ++characters > kMaxSubjectCharacters) break;
  if (at < text.size()) text = core::trim(text.substr(0, at)) + "…";
  return text;
}

std::string render_html_body(const std::string& text, const TemplateValues& values,
                             const std::vector<std::string>& link_placeholders) {
  // Render each kept line with its origin map, then cut the result into paragraphs on blank lines (a value's own
  // line breaks count too: an order's item list is one value of several lines).
  std::vector<std::string> html_lines;
  for (const auto& line : lines_of(text)) {
    auto segments = segments_of(line);
    if (dropped(segments, values)) continue;
    std::string rendered;
    std::vector<Origin> origin;
    for (const auto& segment : segments) {
      std::string piece = segment.placeholder ? value_of(values, segment.text) : segment.text;
      Origin kind = !segment.placeholder ? Origin::kTemplate
                    : std::find(link_placeholders.begin(), link_placeholders.end(), segment.text) !=
                            link_placeholders.end()
                        ? Origin::kLinkValue
                        : Origin::kValue;
      rendered += piece;
      origin.insert(origin.end(), piece.size(), kind);
    }
    // A value's line breaks split the rendered line; each part keeps its origins.
    std::size_t start = 0;
    while (true) {
      auto end = rendered.find('\n', start);
      std::size_t stop = end == std::string::npos ? rendered.size() : end;
      std::string part = rendered.substr(start, stop - start);
      if (!part.empty() && part.back() == '\r') part.pop_back();
      std::vector<Origin> part_origin(origin.begin() + static_cast<long>(start),
                                      origin.begin() + static_cast<long>(start + part.size()));
      html_lines.push_back(core::trim(part).empty() ? std::string() : html_line(part, part_origin));
      if (end == std::string::npos) break;
      start = end + 1;
    }
  }
  std::string out;
  std::string paragraph;
  auto flush = [&] {
    if (!paragraph.empty()) out += "<p style=\"margin:0 0 14px\">" + paragraph + "</p>\n";
    paragraph.clear();
  };
  for (const auto& line : html_lines) {
    if (line.empty()) {
      flush();
      continue;
    }
    if (!paragraph.empty()) paragraph += "<br>\n";
    paragraph += line;
  }
  flush();
  return out;
}

std::string html_document(const std::string& subject, const std::string& body_fragment) {
  // Inline styles only: most mail clients drop <style> blocks and external sheets.
  return "<!DOCTYPE html>\n<html lang=\"es\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
         escape_html(subject) +
         "</title>\n</head>\n<body style=\"margin:0;padding:24px 16px;background:#ffffff;color:#1f2937;"
         "font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5\">\n"
         "<div style=\"max-width:560px;margin:0 auto\">\n" +
         body_fragment + "</div>\n</body>\n</html>\n";
}

}  // namespace mail
