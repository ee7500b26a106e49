// core::phone: the spellings people use in Argentina all land on one stored number, one display and one
// set of wa.me digits.
#include "core/phone.hpp"

#include <gtest/gtest.h>

namespace {

const char* kSpellings[] = {"341 15-555-7788", "3415557788", "0341 15 555-7788", "+54 9 341 555-7788",
                            "5493415557788",   "0341 155557788", "+54 341 555 7788", "(0341) 15-555-7788"};

TEST(Phone, EverySpellingOfARosarioMobileIsStoredAsTheSameE164Number) {
  for (const char* typed : kSpellings) EXPECT_EQ(core::phone::canonical(typed), "+5493415557788") << typed;
}

TEST(Phone, ANumberTheOldIntakeScriptRewroteWithPlus54AndThe15IsRecovered) {
  EXPECT_EQ(core::phone::canonical("+54341155557788"), "+5493415557788");
  EXPECT_EQ(core::phone::canonical("0054 341 15 555 7788"), "+5493415557788");
}

TEST(Phone, BuenosAiresAndCordobaNumbersGetThe9AndLoseThe0And15) {
  EXPECT_EQ(core::phone::canonical("011 15-3333-2222"), "+5491133332222");
  EXPECT_EQ(core::phone::canonical("11 3333 2222"), "+5491133332222");
  EXPECT_EQ(core::phone::canonical("(0351) 555-1234"), "+5493515551234");
}

TEST(Phone, IsShownInOneNationalFormatWhateverTheSpelling) {
  for (const char* typed : kSpellings) EXPECT_EQ(core::phone::display(typed), "0341 15-555-7788") << typed;
  EXPECT_EQ(core::phone::display("+5491133332222"), "011 15-3333-2222");
}

TEST(Phone, ForeignNumbersKeepTheirCountryAndAreShownInternationally) {
  EXPECT_EQ(core::phone::canonical("+1 650 253 0000"), "+16502530000");
  EXPECT_EQ(core::phone::display("+16502530000"), "+1 650-253-0000");
  EXPECT_EQ(core::phone::whatsapp_digits("+16502530000"), "16502530000");
}

TEST(Phone, TollFreeNumbersAreNotTurnedIntoMobiles) {
  EXPECT_EQ(core::phone::canonical("0800 333 4444"), "+548003334444");
  EXPECT_EQ(core::phone::display("+548003334444"), "0800-333-4444");
}

TEST(Phone, WhatsAppDigitsAreTheE164NumberWithoutThePlus) {
  for (const char* typed : kSpellings) EXPECT_EQ(core::phone::whatsapp_digits(typed), "5493415557788") << typed;
  EXPECT_EQ(core::phone::whatsapp_digits(""), std::nullopt);
  EXPECT_EQ(core::phone::whatsapp_digits("12"), std::nullopt);
}

TEST(Phone, ImpossibleNumbersAreRejected) {
  for (const char* typed : {"", "12", "abc", "341-CALL-ME", "----++++", "15 4444-5555", "4444-5555",
                            "999 999 9999", "+54 1", "3415557788999999"}) {
    EXPECT_FALSE(core::phone::is_valid(typed)) << typed;
    EXPECT_EQ(core::phone::canonical(typed), std::nullopt) << typed;
  }
  EXPECT_EQ(std::string(core::phone::kInvalidMessage), "Revisá el teléfono: no parece un número válido.");
}

TEST(Phone, TextThatDoesNotParseIsStoredAndShownAsTyped) {
  EXPECT_EQ(core::phone::stored_form("  4444-5555 "), "4444-5555");
  EXPECT_EQ(core::phone::display("4444-5555"), "4444-5555");
  EXPECT_EQ(core::phone::stored_form(""), "");
  EXPECT_EQ(core::phone::stored_form("341 15-555-7788"), "+5493415557788");
}

TEST(Phone, StoringTwiceChangesNothing) {
  for (const char* typed : kSpellings) {
    std::string once = core::phone::stored_form(typed);
    EXPECT_EQ(core::phone::stored_form(once), once) << typed;
  }
}

TEST(Phone, SameNumberMatchesEveryPairOfSpellings) {
  for (const char* a : kSpellings)
    for (const char* b : kSpellings) EXPECT_TRUE(core::phone::same_number(a, b)) << a << " / " << b;
  EXPECT_FALSE(core::phone::same_number("341 15-555-7788", "341 15-555-7789"));
  EXPECT_FALSE(core::phone::same_number("341 15-555-7788", "351 15-555-7788"));
}

TEST(Phone, SameNumberFallsBackToDigitsForTextThatDoesNotParse) {
  EXPECT_TRUE(core::phone::same_number("4444-5555", "4444 5555"));
  EXPECT_FALSE(core::phone::same_number("4444-5555", "4444-5556"));
  EXPECT_FALSE(core::phone::same_number("", ""));
}

}  // namespace

namespace {

TEST(Phone, DigitsWithA15AndNoSeparatorsFindTheRightAreaCode) {
  EXPECT_EQ(core::phone::canonical("341155557788"), "+5493415557788");    // Rosario, 3-digit area code
  EXPECT_EQ(core::phone::canonical("1115 3333 2222"), "+5491133332222"); // Buenos Aires, 2 digits
  EXPECT_EQ(core::phone::canonical("011153333222 2"), "+5491133332222");
  EXPECT_EQ(core::phone::canonical("356415423456"), "+5493564423456");  // San Francisco (Cba), 4 digits
}

}  // namespace

namespace {

TEST(Phone, SearchDigitsOfAWholeNumberAreAreaCodeAndNumberSoTheyMatchStoredRows) {
  EXPECT_EQ(core::phone::search_digits("0341 15 555-7788"), "3415557788");
  EXPECT_EQ(core::phone::search_digits("+54 9 11 3333-2222"), "1133332222");
  EXPECT_EQ(core::phone::search_digits("+1 650 253 0000"), "16502530000");
  EXPECT_EQ(core::phone::search_digits("7788"), "7788");       // a fragment: its digits
  EXPECT_EQ(core::phone::search_digits("Gómez"), "");
}

}  // namespace
