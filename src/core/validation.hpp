// Validation building blocks shared by every form: the error list and the field rules the reference uses
// (required, max length in characters, email, the phone pattern). Messages are Spanish and chosen by the
// caller, since each form words them slightly differently.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace core {

// Field → message, in the order the fields were validated (the first message per field wins).
class FieldErrors final {
 public:
  void add(std::string field, std::string message);
  bool has(std::string_view field) const;
  std::string first(std::string_view field) const;  // "" when none
  bool empty() const { return items_.empty(); }
  const std::vector<std::pair<std::string, std::string>>& items() const { return items_; }

 private:
  std::vector<std::pair<std::string, std::string>> items_;
};

// Email shape: one '@', a non-empty local part, a dotted domain, no spaces or control characters, ≤ 255.
bool is_valid_email(std::string_view email);

// The shop's phone rule: 8–30 characters of digits, spaces, '+', '-', '(' and ')', with 8–15 digits overall.
// (The reference's regex ^(?=(?:\D*\d){8,15}\D*$)[0-9+()\s-]{8,30}$ expressed without a regex engine.)
bool is_valid_phone(std::string_view phone);

// Characters (code points), so "ñ" counts as one toward a max of 255.
bool exceeds_length(std::string_view text, std::size_t max_characters);

}  // namespace core
