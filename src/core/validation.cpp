// Field rules shared by the forms (see validation.hpp).
#include "core/validation.hpp"

#include <cctype>

#include "core/strings.hpp"

namespace core {

void FieldErrors::add(std::string field, std::string message) {
  if (has(field)) return;
  items_.emplace_back(std::move(field), std::move(message));
}

bool FieldErrors::has(std::string_view field) const {
  for (const auto& [name, message] : items_) {
    if (name == field) return true;
  }
  return false;
}

std::string FieldErrors::first(std::string_view field) const {
  for (const auto& [name, message] : items_) {
    if (name == field) return message;
  }
  return {};
}

bool is_valid_email(std::string_view email) {
  if (email.empty() || email.size() > 255) return false;
  std::size_t at = email.find('@');
  if (at == std::string_view::npos || at == 0 || email.find('@', at + 1) != std::string_view::npos) return false;
  std::string_view local = email.substr(0, at), domain = email.substr(at + 1);
  if (local.size() > 64 || domain.empty() || domain.front() == '.' || domain.back() == '.' ||
      domain.find("..") != std::string_view::npos || local.front() == '.' || local.back() == '.')
    return false;
  if (domain.find('.') == std::string_view::npos) return false;
  for (unsigned char c : email) {
    if (c <= 0x20 || c == 0x7F || c == '(' || c == ')' || c == ',' || c == ':' || c == ';' || c == '<' || c == '>' ||
        c == '[' || c == ']' || c == '\\' || c == '"')
      return false;
  }
  for (unsigned char c : domain) {
    if (!(std::isalnum(c) || c == '-' || c == '.' || c >= 0x80)) return false;
  }
  return is_valid_utf8(email);
}

bool is_valid_phone(std::string_view phone) {
  if (phone.size() < 8 || phone.size() > 30) return false;
  std::size_t digits = 0;
  for (char c : phone) {
    if (c >= '0' && c <= '9') ++digits;
    else if (!(c == '+' || c == '(' || c == ')' || c == '-' || c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
               c == '\f' || c == '\v'))
      return false;
  }
  return digits >= 8 && digits <= 15;
}

bool exceeds_length(std::string_view text, std::size_t max_characters) { return utf8_length(text) > max_characters; }

}  // namespace core
