// EAN-13 check digit: weights 1 and 3 alternate from the left over the first 12 digits; the check digit brings the
// weighted sum up to the next multiple of 10.
#include "domain/inventory/barcode/ean13.hpp"

namespace inventory::barcode {

std::optional<int> ean13_check_digit(std::string_view first_twelve) {
  if (first_twelve.size() != 12) return std::nullopt;
  int sum = 0;
  for (std::size_t i = 0; i < first_twelve.size(); ++i) {
    char c = first_twelve[i];
    if (c < '0' || c > '9') return std::nullopt;
    sum += (c - '0') * (i % 2 == 0 ? 1 : 3);
  }
  return (10 - sum % 10) % 10;
}

bool is_valid_ean13(std::string_view code) {
  if (code.size() != 13) return false;
  auto check = ean13_check_digit(code.substr(0, 12));
  return check && code[12] == static_cast<char>('0' + *check);
}

}  // namespace inventory::barcode
