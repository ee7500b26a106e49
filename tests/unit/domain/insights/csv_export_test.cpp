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

TEST(CsvField, SemicolonsAndTabsAreQuotedToo) {
  EXPECT_EQ(insights::csv_field("a;b"), "\"a;b\"");
  EXPECT_EQ(insights::csv_field("a\tb"), "\"a\tb\"");
}

TEST(CsvDelimiter, SemicolonUnlessCommaOrTabIsConfigured) {
  EXPECT_EQ(insights::csv_delimiter(";"), ';');
  EXPECT_EQ(insights::csv_delimiter(""), ';');
  EXPECT_EQ(insights::csv_delimiter(","), ',');
  EXPECT_EQ(insights::csv_delimiter("tab"), '\t');
}

TEST(CsvAmount, DecimalCommaWithSemicolonOrTabAndPointWithComma) {
  EXPECT_EQ(insights::csv_amount(1234550, ';'), "12345,50");
  EXPECT_EQ(insights::csv_amount(1234550, '\t'), "12345,50");
  EXPECT_EQ(insights::csv_amount(1234550, ','), "12345.50");
  EXPECT_EQ(insights::csv_amount(850000, ';'), "8500");
  EXPECT_EQ(insights::csv_amount(-5, ';'), "-0,05");
}

TEST(CsvField, ANumberWithADecimalCommaStaysUnquoted) {
  EXPECT_EQ(insights::csv_field("12345,50", false), "12345,50");
  EXPECT_EQ(insights::csv_field("12345,50"), "\"12345,50\"");
}
