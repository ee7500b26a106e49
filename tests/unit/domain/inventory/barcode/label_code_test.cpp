#include "domain/inventory/barcode/label_code.hpp"

#include <gtest/gtest.h>

namespace inventory::barcode {
namespace {

TEST(LabelCode, AValidEan13BarcodeIsPrintedAsEan13) {
  auto code = label_code("4006381333931", "LAP-001");
  ASSERT_TRUE(code.symbol);
  EXPECT_EQ(code.symbol->symbology, Symbology::kEan13);
  EXPECT_EQ(code.symbol->text, "4006381333931");
  EXPECT_FALSE(code.from_sku);
}

TEST(LabelCode, ThirteenDigitsWithAWrongCheckDigitAreStillPrintedAsTypedInCode128) {
  auto code = label_code("4006381333932", "");
  ASSERT_TRUE(code.symbol);
  EXPECT_EQ(code.symbol->symbology, Symbology::kCode128);
  EXPECT_EQ(code.symbol->text, "4006381333932");
}

TEST(LabelCode, AFreeBarcodeWinsOverTheSku) {
  auto code = label_code(" CASE-77 ", "SKU-9");
  ASSERT_TRUE(code.symbol);
  EXPECT_EQ(code.symbol->symbology, Symbology::kCode128);
  EXPECT_EQ(code.symbol->text, "CASE-77");
  EXPECT_FALSE(code.from_sku);
}

TEST(LabelCode, TheSkuIsUsedWhenThereIsNoPrintableBarcode) {
  for (const char* barcode : {"", "Código ñandú"}) {
    auto code = label_code(barcode, "FUN-IP13-NEG");
    ASSERT_TRUE(code.symbol) << barcode;
    EXPECT_EQ(code.symbol->text, "FUN-IP13-NEG");
    EXPECT_TRUE(code.from_sku);
  }
}

TEST(LabelCode, SaysWhyThereAreNoBars) {
  auto none = label_code("", "  ");
  EXPECT_FALSE(none.symbol);
  EXPECT_EQ(none.missing, NoBarcode::kNoCodes);
  auto unprintable = label_code("", "Pañuelo");
  EXPECT_FALSE(unprintable.symbol);
  EXPECT_EQ(unprintable.missing, NoBarcode::kUnprintable);
}

}  // namespace
}  // namespace inventory::barcode
