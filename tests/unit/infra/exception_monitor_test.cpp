#include "infra/exception_monitor.hpp"

#include <gtest/gtest.h>

TEST(ExceptionMonitorFingerprint, TheSameDatabaseFailureWithOtherBoundValuesIsTheSameAlert) {
  std::string first =
      "sqlite3_statement_backend::loadOne: file is not a database while executing \"INSERT INTO cache (key, value) "
      "VALUES (:key, '1')\" with :key=\"login|127.0.0.1|ana1@example.com\", :now1=1796608089.";
  std::string second =
      "sqlite3_statement_backend::loadOne: file is not a database while executing \"INSERT INTO cache (key, value) "
      "VALUES (:key, '1')\" with :key=\"login|10.0.0.7|beto@example.com\", :now1=1796608090.";
  EXPECT_EQ(infra::fingerprint_message(first), infra::fingerprint_message(second));
  EXPECT_EQ(infra::fingerprint_message(first),
            "sqlite#_statement_backend::loadOne: file is not a database while executing \"INSERT INTO cache (key, value) "
            "VALUES (:key, '#')");
}

TEST(ExceptionMonitorFingerprint, NumbersDoNotMakeADifferentAlertButWordsDo) {
  EXPECT_EQ(infra::fingerprint_message("order 1234 failed after 3 tries"),
            infra::fingerprint_message("order 98 failed after 12 tries"));
  EXPECT_NE(infra::fingerprint_message("webhook answered HTTP 500"), infra::fingerprint_message("disk full"));
}
