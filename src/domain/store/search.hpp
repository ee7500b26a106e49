// Catalog search terms: how the `q` box of the store becomes a database condition.
//   "  Cargadores  Baterías " → words {"cargadores", "baterías"} → terms {"cargador", "bateri"}.
// Every term must match, in any order, as the start of a word (SQLite) or anywhere in the name (MariaDB,
// PostgreSQL).
//
// Spanish stemming (Snowball, libstemmer, after folding accents) happens here, in C++, for all three engines, and
// only on the query side. Each query word becomes the part its Snowball Spanish stem shares with it (the stem
// itself for nearly every word, since Snowball cuts suffixes; "resisten" for "resistencia", whose stem
// "resistent" rewrites the suffix), and an indexed word matches when it starts with that term. Where the stem is
// a prefix of the indexed word (all but Snowball's few suffix rewrites, -encia → -ente), "stem(indexed) starts
// with stem(query)" implies "indexed starts with the term", so this finds what a stemmed index would find
// ("cargadores" → "cargador"* finds "Cargador", "baterias" → "bateri"* finds "Batería"), and the word as typed
// always finds itself (a stem alone would not: "resistent"* misses "Resistencia"). Known gap: "resistente" does
// not find "Resistencia" (a stemmed index would). In exchange there is no second, stemmed copy of every name that
// each writer (admin, seeder, db:import, bench, tests, the sqlite3 shell) would have to keep in step, and no
// custom SQLite function or tokenizer that would make the database unwritable for tools that lack it. The engines
// keep folding accents and case on the indexed side: SQLite's FTS5 `unicode61 remove_diacritics 2`, MariaDB's
// utf8mb4_unicode_ci, PostgreSQL's nico_search_fold (migration 0040).
// Pure functions: no database access here.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace store {

// The words of a search text: runs of ASCII letters/digits or non-ASCII (UTF-8) bytes, lower-cased (ASCII only;
// the engines fold case and accents themselves). At most 8 words, each at most 64 bytes.
std::vector<std::string> search_words(std::string_view text);

// One search word as the engines compare it: lower-cased (also Á→á, Ñ→ñ), accents folded (á→a, ü→u, ñ→n) like
// the engines fold the indexed names, then reduced to its Snowball Spanish stem ("cargadores" → "cargador",
// "baterías" and "baterias" → "bateri"), or to the part of it the word shares when Snowball rewrote the
// suffix ("resistencia" → "resisten"). Always a prefix of the folded word; never empty for a non-empty word.
std::string search_term(std::string_view word);

// search_words(text) mapped through search_term.
std::vector<std::string> search_terms(std::string_view text);

// FTS5 MATCH expression: each word quoted and made a prefix, implicitly AND-ed: "\"bateri\"* \"a52\"*".
std::string fts_match_expression(const std::vector<std::string>& words);

}  // namespace store
