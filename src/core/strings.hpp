// Small string helpers shared by every layer: trimming, case, splitting, UTF-8 validation, slugs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace core {

std::string trim(std::string_view text);
std::string to_lower(std::string_view text);
std::string to_upper(std::string_view text);
bool starts_with_ci(std::string_view text, std::string_view prefix);
bool equals_ci(std::string_view a, std::string_view b);

// Splits on `separator`, trims each piece and drops empty ones ("a, ,b" → {"a","b"}).
std::vector<std::string> split_csv(std::string_view text, char separator = ',');

// True when `text` is well-formed UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF).
bool is_valid_utf8(std::string_view text);

// Number of code points of valid UTF-8 (validation rules count characters, not bytes).
std::size_t utf8_length(std::string_view text);

// "Fundas y Vidrios!" → "fundas-y-vidrios"; Spanish accents folded to ASCII.
std::string slugify(std::string_view text);

// Keeps only 0-9 ("+54 (351) 555-0000" → "543515550000").
std::string digits_only(std::string_view text);

std::string replace_all(std::string text, std::string_view from, std::string_view to);

}  // namespace core
