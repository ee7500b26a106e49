// Small numbers that arrive as text from URLs and forms: record ids ("/admin/pedidos/42", "category_id=7") and
// page numbers ("?page=3"). One definition each, so every handler refuses the same junk the same way.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace core {

// A record id: surrounding blanks ignored, then 1 to 18 ASCII digits (no sign, no "+", no spaces inside) whose
// value is at least 1. Anything else → nullopt (the caller answers "not found" or a field error).
[[nodiscard]] std::optional<long long> parse_id(std::string_view text);

// A page number for a paginated list: 1 to 9 ASCII digits and at least 1; anything else (empty, "0", "-2",
// "abc", absurdly long) is page 1. Pages past the last are the caller's to clamp.
[[nodiscard]] int parse_page(std::string_view text);

}  // namespace core
