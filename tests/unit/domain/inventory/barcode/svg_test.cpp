#include "domain/inventory/barcode/svg.hpp"

#include <gtest/gtest.h>

#include "../../../../integration/support/barcode_reader.hpp"
#include "domain/inventory/barcode/encoder.hpp"

namespace inventory::barcode {
namespace {

TEST(BarcodeSvg, DrawsEveryBarInModulesAndReadsBackToTheCode) {
  auto symbol = encode(Symbology::kCode128, "FUN-IP13-NEG");
  ASSERT_TRUE(symbol);
  std::string svg = to_svg(*symbol);
  auto bars = test_barcode::bars_in_svg(svg);
  EXPECT_EQ(bars.size(), symbol->bars.size());
  EXPECT_EQ(test_barcode::read_code128(test_barcode::element_widths(bars)), std::string("FUN-IP13-NEG"));
  EXPECT_NE(svg.find("data-barcode=\"code128\""), std::string::npos);
}

TEST(BarcodeSvg, TheReaderUsedByTheseTestsRejectsASymbolWithOneBarWidened) {
  // Guards the tests themselves: if the reader accepted anything, "reads back" would prove nothing.
  auto code128 = encode(Symbology::kCode128, "FUN-IP13-NEG");
  auto ean = encode(Symbology::kEan13, "4006381333931");
  ASSERT_TRUE(code128 && ean);
  auto bars = test_barcode::bars_in_svg(to_svg(*code128));
  bars[5].width += 1;
  for (std::size_t i = 6; i < bars.size(); ++i) bars[i].start += 1;
  EXPECT_FALSE(test_barcode::read_code128(test_barcode::element_widths(bars)));
  auto ean_bars = test_barcode::bars_in_svg(to_svg(*ean));
  ean_bars[10].width += 1;
  EXPECT_FALSE(test_barcode::read_ean13(ean_bars));
}

TEST(BarcodeSvg, KeepsTheQuietZonesInsideTheViewBox) {
  auto code128 = encode(Symbology::kCode128, "123456");
  ASSERT_TRUE(code128);
  // 10 light modules each side of a 57-module symbol (3 symbols + start + check = 5 × 11, plus 13 for the stop − 11).
  EXPECT_NE(to_svg(*code128).find("viewBox=\"-10 0 " + std::to_string(code128->width + 20) + " 50\""), std::string::npos);
  auto ean = encode(Symbology::kEan13, "4006381333931");
  ASSERT_TRUE(ean);
  // EAN-13: 11 modules left, 7 right; guard bars 5 modules longer.
  std::string svg = to_svg(*ean);
  EXPECT_NE(svg.find("viewBox=\"-11 0 113 55\""), std::string::npos) << svg.substr(0, 200);
  EXPECT_EQ(test_barcode::read_ean13(test_barcode::bars_in_svg(svg)), std::string("4006381333931"));
}

TEST(BarcodeSvg, EscapesTheTextInItsAccessibleName) {
  auto symbol = encode(Symbology::kCode128, "A<b>&\"c'");
  ASSERT_TRUE(symbol);
  std::string svg = to_svg(*symbol);
  EXPECT_NE(svg.find("aria-label=\"Código de barras Code 128: A&lt;b&gt;&amp;&quot;c&#39;\""), std::string::npos);
  EXPECT_EQ(svg.find("<b>"), std::string::npos);
}

}  // namespace
}  // namespace inventory::barcode
