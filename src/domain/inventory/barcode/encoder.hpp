// Barcode encoding through zint (Debian's libzint, https://zint.org.uk): text in, Symbol (bars in modules) out. zint
// stays behind this header. Pure CPU work of a few microseconds; safe on any thread (each call owns its zint symbol).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "domain/inventory/barcode/symbol.hpp"

namespace inventory::barcode {

// Longest text printed as Code 128. The form allows 64 characters, but past ~40 the bars of a 50 mm label get thinner
// than a counter scanner resolves, so longer codes are refused rather than printed unreadable.
inline constexpr std::size_t kMaxCode128Length = 40;

// True when Code 128 can carry `text` as typed: 1..kMaxCode128Length characters of printable ASCII (space to '~').
// Accented letters are excluded on purpose: Code 128 would need Latin-1 shifts that keyboard-wedge scanners type
// back as other characters, so the scanned code would not match the product.
bool code128_can_carry(std::string_view text);

// The symbol for `text`, or nullopt when the symbology cannot carry it (EAN-13: not 13 digits with a valid check
// digit; Code 128: see code128_can_carry). Throws std::runtime_error when zint refuses text we accepted (a bug) or
// runs out of memory.
std::optional<Symbol> encode(Symbology symbology, std::string_view text);

}  // namespace inventory::barcode
