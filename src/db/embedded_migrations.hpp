// The SQL migrations compiled into the binary (generated from src/db/migrations/<dialect>/NNNN_name.sql).
#pragma once

#include <string_view>
#include <vector>

namespace db {

struct EmbeddedMigration {
  std::string_view dialect;  // "sqlite" | "mysql" | "pgsql"
  std::string_view name;     // "0001_create_users_table"
  std::string_view sql;      // up statements, then a line "-- @down", then down statements
};

const std::vector<EmbeddedMigration>& embedded_migrations();

}  // namespace db
