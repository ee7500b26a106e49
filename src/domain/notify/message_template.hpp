// Template substitution for WhatsApp messages: `{name}` tokens are replaced by their value in one pass (a value
// that itself contains "{code}" is not substituted again); unknown tokens stay as written (docs/domain/whatsapp.md
// "Placeholders").
//
// A line whose placeholders all come out empty is left out: "📍 Dirección: {shop_address}" disappears while the
// shop's address is not set instead of reaching the customer as "Dirección: ". Blank lines left doubled by a
// dropped line are merged, and the message never ends in blank lines.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace notify {

using Placeholders = std::vector<std::pair<std::string, std::string>>;  // name (without braces) → value

std::string render_template(std::string_view text, const Placeholders& values);

}  // namespace notify
