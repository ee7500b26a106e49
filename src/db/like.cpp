// LIKE "contains" patterns (see like.hpp).
#include "db/like.hpp"

namespace db {

std::string like_contains(std::string_view text) {
  std::string pattern = "%";
  pattern.reserve(text.size() + 2);
  for (char c : text) {
    if (c == '%' || c == '_' || c == '!') pattern += '!';
    pattern += c;
  }
  return pattern + "%";
}

}  // namespace db
