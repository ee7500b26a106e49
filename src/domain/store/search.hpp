// Catalog search terms: how the `q` box of the store becomes a database condition.
//   "  Batería  a52 " → words {"batería", "a52"}; every word must match, in any order.
// SQLite matches the words against the FTS5 index `products_fts` (diacritics removed by its tokenizer, each word
// a prefix: "bater" finds "Batería"); MariaDB uses one LIKE per word on the accent-insensitive collation.
// Pure functions: no database access here.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace store {

// The words of a search text: runs of ASCII letters/digits or non-ASCII (UTF-8) bytes, lower-cased (ASCII only;
// the engines fold case and accents themselves). At most 8 words, each at most 64 bytes.
std::vector<std::string> search_words(std::string_view text);

// FTS5 MATCH expression: each word quoted and made a prefix, implicitly AND-ed: "\"bateria\"* \"a52\"*".
std::string fts_match_expression(const std::vector<std::string>& words);

// LIKE pattern "%word%" with LIKE wildcards (% _ and the escape character !) escaped with '!'
// (use with ESCAPE '!').
std::string like_contains_pattern(std::string_view word);

}  // namespace store
