// Template substitution for WhatsApp messages: `{name}` tokens are replaced by their value in one pass (a value
// that itself contains "{code}" is not substituted again); unknown tokens stay as written (docs/domain/whatsapp.md
// "Placeholders").
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace notify {

using Placeholders = std::vector<std::pair<std::string, std::string>>;  // name (without braces) → value

std::string render_template(std::string_view text, const Placeholders& values);

}  // namespace notify
