// Id and page-number parsing (see parse.hpp): the one place that decides what counts as a number in a URL.
#include "core/parse.hpp"

#include <charconv>

#include "core/strings.hpp"

namespace core {

namespace {
// `text` is only ASCII digits, between 1 and `max_digits` of them.
bool plain_digits(std::string_view text, std::size_t max_digits) {
  if (text.empty() || text.size() > max_digits) return false;
  for (char c : text)
    if (c < '0' || c > '9') return false;
  return true;
}
}  // namespace

std::optional<long long> parse_id(std::string_view text) {
  std::string clean = trim(text);
  // 18 digits always fit in a long long (max ≈ 9.2e18), so from_chars cannot overflow here.
  if (!plain_digits(clean, 18)) return std::nullopt;
  long long id = 0;
  std::from_chars(clean.data(), clean.data() + clean.size(), id);
  if (id < 1) return std::nullopt;
  return id;
}

int parse_page(std::string_view text) {
  if (!plain_digits(text, 9)) return 1;  // nine digits fit in an int
  int page = 0;
  std::from_chars(text.data(), text.data() + text.size(), page);
  return page < 1 ? 1 : page;
}

}  // namespace core
