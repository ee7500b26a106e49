// --into for PostgreSQL restores: database names and postgres:// DSNs, defaults from the configured connection.
#include <gtest/gtest.h>

#include <stdexcept>

#include "ops/restore_postgres.hpp"

namespace {

ops::MysqlConnection configured() {
  ops::MysqlConnection connection;
  connection.host = "127.0.0.1";
  connection.port = 5432;
  connection.username = "nico";
  connection.password = "secreto";
  connection.database = "nicoreparaciones";
  return connection;
}

TEST(RestorePostgresTarget, ANameKeepsTheConfiguredServerAndCredentials) {
  auto target = ops::parse_postgres_target("nicoreparaciones_restore_20261128", configured());
  EXPECT_EQ(target.database, "nicoreparaciones_restore_20261128");
  EXPECT_EQ(target.host, "127.0.0.1");
  EXPECT_EQ(target.port, 5432);
  EXPECT_EQ(target.password, "secreto");
}

TEST(RestorePostgresTarget, ADsnOverridesOnlyWhatItNames) {
  auto target = ops::parse_postgres_target("postgresql://otro:clave@10.0.0.5:6543/copia", configured());
  EXPECT_EQ(target.username, "otro");
  EXPECT_EQ(target.password, "clave");
  EXPECT_EQ(target.host, "10.0.0.5");
  EXPECT_EQ(target.port, 6543);
  EXPECT_EQ(target.database, "copia");
  EXPECT_EQ(ops::parse_postgres_target("postgres://db.local/copia", configured()).username, "nico");
}

TEST(RestorePostgresTarget, UnsafeNamesAndOtherSchemesAreRefused) {
  EXPECT_THROW(ops::parse_postgres_target("copia\"; DROP DATABASE x", configured()), std::runtime_error);
  EXPECT_THROW(ops::parse_postgres_target("mysql://h/copia", configured()), std::runtime_error);
  EXPECT_THROW(ops::parse_postgres_target(std::string(64, 'a'), configured()), std::runtime_error);
}

}  // namespace
