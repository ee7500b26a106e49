#include "domain/inventory/barcode/encoder.hpp"

#include <gtest/gtest.h>

#include "../../../../integration/support/barcode_reader.hpp"

namespace inventory::barcode {
namespace {

std::vector<test_barcode::ReadBar> read_bars(const Symbol& symbol) {
  std::vector<test_barcode::ReadBar> bars;
  for (const auto& bar : symbol.bars) bars.push_back({bar.start, bar.width});
  return bars;
}

std::vector<int> values_of(const Symbol& symbol) {
  auto values = test_barcode::code128_values(test_barcode::element_widths(read_bars(symbol)));
  return values ? *values : std::vector<int>{};
}

TEST(Code128Encoding, WikipediaIsSetBWithItsKnownSymbolValuesAndCheckSymbol) {
  auto symbol = encode(Symbology::kCode128, "Wikipedia");
  ASSERT_TRUE(symbol);
  // Start B (104); W i k i p e d i a = ASCII − 32; check (104 + Σ position × value) mod 103 = 3281 mod 103 = 88.
  EXPECT_EQ(values_of(*symbol), (std::vector<int>{104, 55, 73, 75, 73, 80, 69, 68, 73, 65, 88, 106}));
  EXPECT_EQ(symbol->width, 11 * 11 + 13);  // 11 symbols of 11 modules and the 13-module stop
  EXPECT_EQ(symbol->text, "Wikipedia");
}

TEST(Code128Encoding, AnEvenRunOfDigitsUsesSetCTwoDigitsPerSymbol) {
  auto symbol = encode(Symbology::kCode128, "123456");
  ASSERT_TRUE(symbol);
  // Start C (105), 12, 34, 56; check (105 + 12 + 2·34 + 3·56) mod 103 = 353 mod 103 = 44.
  EXPECT_EQ(values_of(*symbol), (std::vector<int>{105, 12, 34, 56, 44, 106}));
}

TEST(Code128Encoding, LettersThenFourDigitsSwitchToSetCForTheDigits) {
  auto symbol = encode(Symbology::kCode128, "AB1234");
  ASSERT_TRUE(symbol);
  // Start B, A (33), B (34), Code C (99), 12, 34; check (104 + 33 + 68 + 297 + 48 + 170) mod 103 = 720 mod 103 = 102.
  EXPECT_EQ(values_of(*symbol), (std::vector<int>{104, 33, 34, 99, 12, 34, 102, 106}));
}

TEST(Code128Encoding, ShopCodesReadBackAsTyped) {
  for (const char* text : {"FUN-IP13-NEG", "SKU 0001", "a", "12345", "7790001", "x/Y_z.9~", "012345678905"}) {
    auto symbol = encode(Symbology::kCode128, text);
    ASSERT_TRUE(symbol) << text;
    EXPECT_EQ(test_barcode::read_code128(test_barcode::element_widths(read_bars(*symbol))), std::string(text)) << text;
    for (const auto& bar : symbol->bars) EXPECT_FALSE(bar.guard);
  }
}

TEST(Code128Encoding, RefusesTextAScannerWouldNotTypeBack) {
  EXPECT_FALSE(encode(Symbology::kCode128, ""));
  EXPECT_FALSE(encode(Symbology::kCode128, "Cañón"));     // Latin-1 shifts: a keyboard-wedge scanner mistypes them
  EXPECT_FALSE(encode(Symbology::kCode128, "tab\there"));
  EXPECT_FALSE(encode(Symbology::kCode128, std::string(kMaxCode128Length + 1, 'A')));
  EXPECT_TRUE(encode(Symbology::kCode128, std::string(kMaxCode128Length, 'A')));
}

TEST(Ean13Encoding, AValidCodeGives95ModulesWithSixTallGuardBarsAndReadsBack) {
  auto symbol = encode(Symbology::kEan13, "4006381333931");
  ASSERT_TRUE(symbol);
  EXPECT_EQ(symbol->width, 95);
  ASSERT_EQ(symbol->bars.size(), 30u);  // 2 per digit × 12, and 2 in each of the three guards
  int guards = 0;
  for (const auto& bar : symbol->bars) guards += bar.guard;
  EXPECT_EQ(guards, 6);
  EXPECT_TRUE(symbol->bars.front().guard);
  EXPECT_EQ(symbol->bars.front().start, 0);
  EXPECT_EQ(symbol->bars.front().width, 1);
  EXPECT_EQ(test_barcode::read_ean13(read_bars(*symbol)), std::string("4006381333931"));
}

TEST(Ean13Encoding, OtherRealCodesReadBack) {
  for (const char* code : {"5901234123457", "9780306406157", "0012345678905", "7790001000019"}) {
    auto symbol = encode(Symbology::kEan13, code);
    ASSERT_TRUE(symbol) << code;
    EXPECT_EQ(test_barcode::read_ean13(read_bars(*symbol)), std::string(code));
  }
}

TEST(Ean13Encoding, RefusesAWrongCheckDigitAndOtherLengths) {
  EXPECT_FALSE(encode(Symbology::kEan13, "4006381333932"));
  EXPECT_FALSE(encode(Symbology::kEan13, "400638133393"));  // zint would add the check digit itself: not ours to do
  EXPECT_FALSE(encode(Symbology::kEan13, "12345"));         // zint would draw an EAN-5 add-on
  EXPECT_FALSE(encode(Symbology::kEan13, "ABCDEFGHIJKLM"));
}

}  // namespace
}  // namespace inventory::barcode
