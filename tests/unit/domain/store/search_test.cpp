#include "domain/store/search.hpp"

#include <gtest/gtest.h>

#include "db/like.hpp"

TEST(StoreSearch, WordsAreLowerCasedRunsOfLettersAndDigits) {
  using Words = std::vector<std::string>;
  EXPECT_EQ(store::search_words("  Batería  A52 "), (Words{"batería", "a52"}));
  EXPECT_EQ(store::search_words("USB-C \"20W\"*"), (Words{"usb", "c", "20w"}));
  EXPECT_TRUE(store::search_words("--- ' % _ ( )").empty());
  EXPECT_EQ(store::search_words("a b c d e f g h i j k").size(), 8u);
  std::string long_word(100, 'x');
  EXPECT_EQ(store::search_words(long_word).front().size(), 64u);
  // A long accented word is cut on a character boundary.
  std::string accents;
  for (int i = 0; i < 40; ++i) accents += "é";
  std::string cut = store::search_words(accents).front();
  EXPECT_EQ(cut.size() % 2, 0u);
}

TEST(StoreSearch, FtsExpressionQuotesEachWordAsAPrefix) {
  EXPECT_EQ(store::fts_match_expression({"bateria", "a52"}), "\"bateria\"* \"a52\"*");
}

TEST(StoreSearch, LikePatternEscapesWildcards) {
  EXPECT_EQ(db::like_contains("50%_off!"), "%50!%!_off!!%");
}

TEST(StoreSearch, TermsAreSpanishStemsWithAccentsFolded) {
  EXPECT_EQ(store::search_term("cargadores"), store::search_term("cargador"));
  EXPECT_EQ(store::search_term("baterias"), store::search_term("batería"));
  EXPECT_EQ(store::search_term("BATERÍAS"), store::search_term("batería"));
  EXPECT_EQ(store::search_term("fundas"), store::search_term("funda"));
  EXPECT_EQ(store::search_term("pantallas"), store::search_term("pantalla"));
  EXPECT_EQ(store::search_term("táctiles"), store::search_term("tactil"));
  // Model numbers and brands survive.
  EXPECT_EQ(store::search_term("a52"), "a52");
  EXPECT_EQ(store::search_term("usb"), "usb");
}

TEST(StoreSearch, EveryTermIsAPrefixOfTheFoldedWordSoThePrefixIndexFindsIt) {
  // The indexed names are folded but not stemmed: a stem that is not a prefix of its folded word would find nothing.
  for (auto [word, folded] : {std::pair{"cargadores", "cargadores"}, {"Baterías", "baterias"}, {"cables", "cables"},
                              {"auriculares", "auriculares"}, {"protectores", "protectores"},
                              {"inalámbricos", "inalambricos"}, {"reparación", "reparacion"},
                              {"señales", "senales"}, {"NIÑOS", "ninos"}, {"bater", "bater"},
                              {"resistencia", "resistencia"}, {"inteligencias", "inteligencias"}}) {
    std::string term = store::search_term(word);
    EXPECT_FALSE(term.empty()) << word;
    EXPECT_EQ(std::string(folded).rfind(term, 0), 0u) << word << " → " << term;
  }
  EXPECT_EQ(store::search_terms("Cargadores  Baterías"), (std::vector<std::string>{"cargador", "bateri"}));
  // Snowball rewrites -encia to -ent: the term keeps only the shared part, so the word still finds itself.
  EXPECT_EQ(store::search_term("resistencia"), "resisten");
  EXPECT_EQ(store::search_term("resistencias"), "resisten");
}
