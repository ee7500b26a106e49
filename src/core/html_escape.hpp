// Escaping text for HTML and SVG written by hand (mails, barcode labels); pages go through ctemplate's own.
#pragma once

#include <string>
#include <string_view>

namespace core {

// &, <, >, " and ' escaped: safe in element content and in quoted attribute values.
std::string escape_html(std::string_view text);
// The same, appended to `out`.
void append_escaped_html(std::string& out, std::string_view text);

}  // namespace core
