// Money formatting and parsing (see money.hpp).
#include "core/money.hpp"

#include <cctype>

#include "core/strings.hpp"

namespace core {

namespace {

std::string group_thousands(std::uint64_t value) {
  std::string digits = std::to_string(value);
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += '.';
    grouped += digits[i];
  }
  return grouped;
}

std::uint64_t magnitude(std::int64_t value) {
  return value < 0 ? static_cast<std::uint64_t>(-(value + 1)) + 1 : static_cast<std::uint64_t>(value);
}

}  // namespace

std::string format_ars(std::int64_t centavos) {
  std::uint64_t amount = magnitude(centavos);
  std::string text = std::string(centavos < 0 ? "-" : "") + "$ " + group_thousands(amount / 100);
  if (amount % 100 != 0) {
    unsigned cents = static_cast<unsigned>(amount % 100);
    text += ',';
    text += static_cast<char>('0' + cents / 10);
    text += static_cast<char>('0' + cents % 10);
  }
  return text;
}

std::string format_pesos_plain(std::int64_t centavos) {
  std::uint64_t amount = magnitude(centavos);
  return std::string(centavos < 0 ? "-" : "") + group_thousands((amount + 50) / 100);
}

std::optional<std::int64_t> parse_ars(std::string_view text) {
  std::string value = trim(text);
  if (!value.empty() && value.front() == '$') value = trim(std::string_view(value).substr(1));
  if (value.empty()) return std::nullopt;

  // A comma is always the decimal separator; a dot is one only when no comma follows and it is not a
  // thousands group ("12.345" is twelve thousand, "12.5" and "12.50" are twelve and a half).
  std::string whole, fraction;
  std::size_t comma = value.find(',');
  if (comma != std::string::npos) {
    whole = value.substr(0, comma);
    fraction = value.substr(comma + 1);
    if (fraction.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  } else {
    std::size_t last_dot = value.rfind('.');
    if (last_dot != std::string::npos && value.size() - last_dot - 1 <= 2 && value.find('.') == last_dot) {
      whole = value.substr(0, last_dot);
      fraction = value.substr(last_dot + 1);
    } else {
      whole = value;
    }
  }
  if (fraction.size() > 2 || whole.empty()) return std::nullopt;
  if (comma != std::string::npos && fraction.empty()) return std::nullopt;

  // Thousands dots must group exactly three digits.
  std::string digits;
  std::size_t group_length = 0;
  bool grouped = whole.find('.') != std::string::npos;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    char c = whole[i];
    if (c == '.') {
      if (i == 0 || (digits.size() > 3 && group_length != 3) || (digits.size() <= 3 && group_length > 3)) return std::nullopt;
      group_length = 0;
      continue;
    }
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    digits += c;
    ++group_length;
  }
  if (grouped && group_length != 3) return std::nullopt;
  if (digits.size() > 12) return std::nullopt;
  while (fraction.size() < 2) fraction += '0';
  return std::stoll(digits) * 100 + std::stoll(fraction);
}

std::string centavos_to_input(std::int64_t centavos) {
  std::uint64_t amount = magnitude(centavos);
  std::string text = std::string(centavos < 0 ? "-" : "") + std::to_string(amount / 100);
  if (amount % 100 != 0) {
    unsigned cents = static_cast<unsigned>(amount % 100);
    text += '.';
    text += static_cast<char>('0' + cents / 10);
    text += static_cast<char>('0' + cents % 10);
  }
  return text;
}

}  // namespace core
