// Spanish counts and ages: the singular only for one, "hoy"/"ayer" instead of "hace 0 d"/"hace 1 días".
#include "core/plural.hpp"

#include <gtest/gtest.h>

TEST(Plural, OneItemIsSingularAndEveryOtherCountIsPlural) {
  EXPECT_EQ(core::count_label(1, "ítem", "ítems"), "1 ítem");
  EXPECT_EQ(core::count_label(2, "ítem", "ítems"), "2 ítems");
  EXPECT_EQ(core::count_label(0, "ítem", "ítems"), "0 ítems");
  EXPECT_EQ(core::count_label(1, "cambio", "cambios"), "1 cambio");
}

TEST(Plural, DaysAgoSaysHoyAndAyerBeforeCountingDays) {
  EXPECT_EQ(core::days_ago(0), "hoy");
  EXPECT_EQ(core::days_ago(-1), "hoy");
  EXPECT_EQ(core::days_ago(1), "ayer");
  EXPECT_EQ(core::days_ago(3), "hace 3 días");
}

TEST(Plural, MinutesAgoNamesTheLargestWholeUnit) {
  EXPECT_EQ(core::minutes_ago(0), "recién");
  EXPECT_EQ(core::minutes_ago(1), "hace 1 minuto");
  EXPECT_EQ(core::minutes_ago(59), "hace 59 minutos");
  EXPECT_EQ(core::minutes_ago(60), "hace 1 hora");
  EXPECT_EQ(core::minutes_ago(47 * 60), "hace 47 horas");
  EXPECT_EQ(core::minutes_ago(3 * 24 * 60), "hace 3 días");
}
