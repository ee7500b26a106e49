#include "db/portability/value.hpp"

#include <gtest/gtest.h>

#include "db/portability/schema.hpp"

using namespace db::portability;

TEST(PortableValue, DatetimesAreWrittenInOneCanonicalUtcForm) {
  EXPECT_EQ(normalize_datetime("2026-01-02 03:04:05"), "2026-01-02 03:04:05");
  EXPECT_EQ(normalize_datetime("2026-01-02T03:04:05"), "2026-01-02 03:04:05");
  EXPECT_EQ(normalize_datetime("2026-01-02T03:04:05Z"), "2026-01-02 03:04:05");
  EXPECT_EQ(normalize_datetime("2026-01-02 03:04:05.123456"), "2026-01-02 03:04:05");
  EXPECT_EQ(normalize_datetime("2026-01-02 03:04"), "2026-01-02 03:04:00");
  EXPECT_EQ(normalize_datetime("2026-01-02T00:30:00-03:00"), "2026-01-02 03:30:00");
  EXPECT_EQ(normalize_datetime("2026-01-01T01:00:00+02:00"), "2025-12-31 23:00:00");
}

TEST(PortableValue, TextThatIsNoDatetimeIsKeptAsItIs) {
  EXPECT_EQ(normalize_datetime(""), "");
  EXPECT_EQ(normalize_datetime("2026-01-02"), "2026-01-02");
  EXPECT_EQ(normalize_datetime("mañana a las 10"), "mañana a las 10");
  EXPECT_EQ(normalize_datetime("2026-13-02 03:04:05"), "2026-13-02 03:04:05");
  EXPECT_EQ(normalize_datetime("2026-01-02 03:04:05 hs"), "2026-01-02 03:04:05 hs");
}

TEST(PortableValue, IntegralDecimalsBecomeIntegers) {
  EXPECT_EQ(number_from_decimal_text("2.00"), Value{std::int64_t{2}});
  EXPECT_EQ(number_from_decimal_text("-3"), Value{std::int64_t{-3}});
  EXPECT_EQ(number_from_decimal_text("0.25"), Value{0.25});
  EXPECT_EQ(number_from_decimal_text("0.10"), Value{0.1});
  EXPECT_EQ(number_from_double(2.0), Value{std::int64_t{2}});
  EXPECT_EQ(number_from_double(0.5), Value{0.5});
  EXPECT_EQ(number_from_decimal_text("abc"), Value{std::string("abc")});
}

TEST(PortableValue, IntegerTextKeepsEveryDigit) {
  EXPECT_EQ(number_from_integer_text("42"), Value{std::int64_t{42}});
  EXPECT_EQ(number_from_integer_text("18446744073709551615"), Value{std::uint64_t{18446744073709551615ULL}});
}

TEST(PortableValue, TimestampColumnsAreRecognisedByTypeOrByTheAtSuffix) {
  EXPECT_TRUE(is_datetime_column("created_at", "TEXT"));
  EXPECT_TRUE(is_datetime_column("delivered_at", "datetime"));
  EXPECT_TRUE(is_datetime_column("birthday", "DATETIME"));
  EXPECT_FALSE(is_datetime_column("reserved_at", "INTEGER"));  // unix seconds
  EXPECT_FALSE(is_datetime_column("notes", "TEXT"));
}

TEST(PortableSchema, ParentsComeBeforeChildrenAndTiesGoByName) {
  std::vector<Table> tables(5);
  tables[0].name = "order_items";
  tables[0].parents = {"orders", "products"};
  tables[1].name = "orders";
  tables[1].parents = {"users", "sessions"};  // an excluded parent is not waited for
  tables[2].name = "products";
  tables[2].parents = {"categories"};
  tables[3].name = "categories";
  tables[4].name = "users";
  std::vector<std::string> names;
  for (const auto& table : order_by_dependencies(tables)) names.push_back(table.name);
  EXPECT_EQ(names, (std::vector<std::string>{"categories", "products", "users", "orders", "order_items"}));
  EXPECT_TRUE(is_excluded_table("sessions"));
  EXPECT_TRUE(is_excluded_table("sqlite_sequence"));
  EXPECT_FALSE(is_excluded_table("audit_logs"));
}
