#include "domain/inventory/products.hpp"

#include <gtest/gtest.h>

TEST(ProductInput, StockIsAWholeNonNegativeNumber) {
  EXPECT_EQ(inventory::parse_stock("0"), 0);
  EXPECT_EQ(inventory::parse_stock(" 12 "), 12);
  EXPECT_FALSE(inventory::parse_stock("-1"));
  EXPECT_FALSE(inventory::parse_stock("1.5"));
  EXPECT_FALSE(inventory::parse_stock("abc"));
  EXPECT_FALSE(inventory::parse_stock(""));
  EXPECT_FALSE(inventory::parse_stock("99999999999"));  // would not fit the INT column
}

TEST(ProductImage, UploadedPathWinsOverTheLegacyFileName) {
  inventory::Product product;
  EXPECT_EQ(product.image_url(), "");
  product.legacy_image = "cable.jpg";
  EXPECT_EQ(product.image_url(), "/storage/products/cable.jpg");
  product.legacy_image = "otros/cable.jpg";
  EXPECT_EQ(product.image_url(), "/storage/otros/cable.jpg");
  product.image_path = "products/ab12.png";
  EXPECT_EQ(product.image_url(), "/storage/products/ab12.png");
}
