// Search words and their SQL forms (see search.hpp).
#include "domain/store/search.hpp"

namespace store {

namespace {
constexpr std::size_t kMaxWords = 8;
constexpr std::size_t kMaxWordBytes = 64;

bool is_word_byte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}
}  // namespace

std::vector<std::string> search_words(std::string_view text) {
  std::vector<std::string> words;
  std::string current;
  auto flush = [&] {
    if (!current.empty() && words.size() < kMaxWords) {
      // Never cut a UTF-8 sequence in half: drop trailing continuation/lead bytes past the limit.
      if (current.size() > kMaxWordBytes) {
        std::size_t cut = kMaxWordBytes;
        while (cut > 0 && (static_cast<unsigned char>(current[cut]) & 0xC0) == 0x80) --cut;
        current.resize(cut);
      }
      if (!current.empty()) words.push_back(current);
    }
    current.clear();
  };
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (is_word_byte(c)) {
      current.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : ch);
    } else {
      flush();
    }
  }
  flush();
  return words;
}

std::string fts_match_expression(const std::vector<std::string>& words) {
  std::string expression;
  for (const auto& word : words) {
    if (!expression.empty()) expression += ' ';
    // Words hold no '"' (see search_words), so quoting cannot be broken out of.
    expression += '"' + word + "\"*";
  }
  return expression;
}

std::string like_contains_pattern(std::string_view word) {
  std::string pattern = "%";
  for (char c : word) {
    if (c == '%' || c == '_' || c == '!') pattern += '!';
    pattern += c;
  }
  pattern += '%';
  return pattern;
}

}  // namespace store
