#include "domain/insights/csv_export.hpp"

#include <gtest/gtest.h>

TEST(CsvField, PlainTextStaysAsIs) {
  EXPECT_EQ(insights::csv_field("José Pérez"), "José Pérez");
  EXPECT_EQ(insights::csv_field(""), "");
}

TEST(CsvField, CommasQuotesAndNewlinesAreQuotedWithQuotesDoubled) {
  EXPECT_EQ(insights::csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(insights::csv_field("dijo \"hola\""), "\"dijo \"\"hola\"\"\"");
  EXPECT_EQ(insights::csv_field("línea 1\nlínea 2"), "\"línea 1\nlínea 2\"");
  EXPECT_EQ(insights::csv_field("a\r\nb"), "\"a\r\nb\"");
}

TEST(CsvField, FormulaStartsAreNeutralisedInTextButNotInNumbers) {
  EXPECT_EQ(insights::csv_field("=1+1"), "'=1+1");
  EXPECT_EQ(insights::csv_field("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(insights::csv_field("+54 351"), "'+54 351");
  EXPECT_EQ(insights::csv_field("-5", false), "-5");
  EXPECT_EQ(insights::csv_field("=HYPERLINK(\"x\",\"y\")"), "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
}

TEST(ExportKind, ParsesTheThreeSpanishNames) {
  EXPECT_EQ(insights::parse_export_kind("pedidos"), insights::ExportKind::kOrders);
  EXPECT_EQ(insights::parse_export_kind("reparaciones"), insights::ExportKind::kRepairs);
  EXPECT_EQ(insights::parse_export_kind("productos"), insights::ExportKind::kProducts);
  EXPECT_FALSE(insights::parse_export_kind("usuarios"));
}
