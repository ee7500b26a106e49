// The warranty incident's plain rules (src/domain/warranty/incidents.hpp): the loss formula in centavos and the
// origin keys stored in warranty_incidents.source_type with the labels the admin reads.
#include "domain/warranty/incidents.hpp"

#include <gtest/gtest.h>

namespace {

using warranty::SourceType;

TEST(WarrantyLoss, IsQuantityTimesUnitCostPlusExtraMinusRecovered) {
  EXPECT_EQ(warranty::loss_of(2, 1500000, 150050, 1000000), 2150050);  // 2 × $ 15.000 + $ 1.500,50 − $ 10.000
  EXPECT_EQ(warranty::loss_of(1, 3000000, 0, 3000000), 0);
}

TEST(WarrantyLoss, IsNegativeWhenTheSupplierGaveBackMoreThanItCost) {
  EXPECT_EQ(warranty::loss_of(1, 100000, 0, 300000), -200000);
}

TEST(WarrantyLoss, StaysExactAtTheLargestQuantityAndAmountTheFormAccepts) {
  // core::parse_ars takes at most 12 whole digits ($ 999.999.999.999,99) and the quantity at most 10.000: the
  // worst case is still below 2^63 (9.22 × 10^18), so no save can overflow.
  EXPECT_EQ(warranty::loss_of(10000, 99999999999999, 99999999999999, 0), 1000099999999989999);
}

TEST(WarrantySourceType, EveryKeyReadsBackAndHasASpanishLabel) {
  for (auto type : {SourceType::kRepair, SourceType::kProduct, SourceType::kCounterSale}) {
    auto key = warranty::source_type_key(type);
    EXPECT_EQ(warranty::parse_source_type(key), type) << key;
    EXPECT_FALSE(warranty::source_type_label(type).empty());
  }
  EXPECT_EQ(warranty::source_type_label(SourceType::kCounterSale), "Venta en mostrador");
  EXPECT_EQ(warranty::parse_source_type("order"), std::nullopt);
  EXPECT_EQ(warranty::parse_source_type(""), std::nullopt);
}

}  // namespace
