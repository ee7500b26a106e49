// What the template engine does to a template's text before parsing it.
#pragma once

#include <string>
#include <string_view>

namespace web {

// The text without the leading spaces of its lines and without blank lines, except inside <pre> and <textarea>.
std::string strip_indentation(std::string_view text);

}  // namespace web
