// EAN-13 check digits (GS1 General Specifications §7.9): the rule that decides whether a product's barcode is printed
// as EAN-13 or falls back to Code 128. Pure functions.
#pragma once

#include <optional>
#include <string_view>

namespace inventory::barcode {

// The check digit (0..9) of 12 digits; nullopt when `first_twelve` is not exactly 12 ASCII digits.
std::optional<int> ean13_check_digit(std::string_view first_twelve);

// True when `code` is 13 ASCII digits whose last one is the right check digit ("4006381333931").
bool is_valid_ean13(std::string_view code);

}  // namespace inventory::barcode
