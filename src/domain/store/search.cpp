// Search words, their Spanish stems and their SQL forms (see search.hpp). Owns the Snowball stemmer handles.
#include "domain/store/search.hpp"

#include <libstemmer.h>

#include <memory>

namespace store {

namespace {
constexpr std::size_t kMaxWords = 8;
constexpr std::size_t kMaxWordBytes = 64;

bool is_word_byte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

// Latin-1 capitals (U+00C0..U+00DE except ×, UTF-8 C3 80..C3 9E) to their small letters (+0x20 on the second
// byte): the stemmer's suffix tables are lower case, and search_words only lower-cases ASCII.
std::string lower_latin1(std::string_view word) {
  std::string out(word);
  for (std::size_t i = 0; i + 1 < out.size(); ++i) {
    auto lead = static_cast<unsigned char>(out[i]);
    auto next = static_cast<unsigned char>(out[i + 1]);
    if (lead == 0xC3 && next >= 0x80 && next <= 0x9E && next != 0x97) out[i + 1] = static_cast<char>(next + 0x20);
  }
  return out;
}

// The accented small letters Spanish and Portuguese names use, folded to plain letters (the same list as
// PostgreSQL's nico_search_fold); anything else is kept.
std::string fold_accents(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  for (std::size_t i = 0; i < word.size(); ++i) {
    auto lead = static_cast<unsigned char>(word[i]);
    if (lead == 0xC3 && i + 1 < word.size()) {
      auto next = static_cast<unsigned char>(word[i + 1]);
      char plain = 0;
      if (next >= 0xA0 && next <= 0xA4) plain = 'a';
      else if (next >= 0xA8 && next <= 0xAB) plain = 'e';
      else if (next >= 0xAC && next <= 0xAF) plain = 'i';
      else if (next >= 0xB2 && next <= 0xB6) plain = 'o';
      else if (next >= 0xB9 && next <= 0xBC) plain = 'u';
      else if (next == 0xB1) plain = 'n';
      else if (next == 0xA7) plain = 'c';
      if (plain != 0) {
        out += plain;
        ++i;
        continue;
      }
    }
    out += word[i];
  }
  return out;
}

// A Snowball stemmer is not thread-safe (it keeps its working buffer inside), so each thread gets its own,
// created on first use and freed when the thread ends.
struct StemmerDeleter {
  void operator()(sb_stemmer* stemmer) const { sb_stemmer_delete(stemmer); }
};

sb_stemmer* spanish_stemmer() {
  thread_local std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer(sb_stemmer_new("spanish", "UTF_8"));
  return stemmer.get();
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

std::string search_term(std::string_view word) {
  // Accents are folded before stemming, not after: people type "baterias" as often as "baterías", and Snowball
  // stems the two differently ("bateri" / "bat"); folded first, both become "bateri".
  std::string folded = fold_accents(lower_latin1(word));
  for (char& c : folded)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  if (sb_stemmer* stemmer = spanish_stemmer()) {
    const sb_symbol* out = sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(folded.data()),
                                           static_cast<int>(folded.size()));
    // NULL only when out of memory: keep the word.
    if (out == nullptr) return folded;
    std::string_view stem(reinterpret_cast<const char*>(out), static_cast<std::size_t>(sb_stemmer_length(stemmer)));
    // Snowball mostly cuts suffixes, but a few rules rewrite them ("resistencia" → "resistent"): the term is the
    // part the stem shares with the word ("resisten"), so the word itself is always found by prefix and the
    // query side never needs a stemmed copy of the index. Never cut a UTF-8 character in half.
    std::size_t shared = 0;
    while (shared < stem.size() && shared < folded.size() && stem[shared] == folded[shared]) ++shared;
    while (shared > 0 && shared < folded.size() && (static_cast<unsigned char>(folded[shared]) & 0xC0) == 0x80)
      --shared;
    if (shared > 0) folded.resize(shared);  // an empty term would match everything: keep the word then
  }
  return folded;
}

std::vector<std::string> search_terms(std::string_view text) {
  std::vector<std::string> terms;
  for (const auto& word : search_words(text)) terms.push_back(search_term(word));
  return terms;
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

}  // namespace store
