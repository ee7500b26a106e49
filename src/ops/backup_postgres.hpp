// PostgreSQL snapshots: a plain-SQL logical dump by pg_dump, streamed to the artifact file (the twin of
// backup_mysql.hpp). The connection is the one of ops/backup_mysql.hpp's MysqlConnection (DB_HOST, DB_PORT,
// DB_USERNAME, DB_PASSWORD, DB_DATABASE); the password reaches pg_dump as PGPASSWORD only, never on its argv.
#pragma once

#include <filesystem>
#include <functional>
#include <string_view>

#include "ops/backup_mysql.hpp"

namespace core {
class Config;
}

namespace ops {

// pg_dump on PATH, else the newest /usr/lib/postgresql/<major>/bin/pg_dump (where Debian installs it). A candidate
// counts when `pg_dump --version` exits 0. Throws std::runtime_error "pg_dump binary not found. Install
// postgresql-client-15."
std::filesystem::path find_pg_dump_binary(const core::Config& config);

// Runs `pg_dump --host --port --username --dbname --no-owner --no-privileges --no-password` (one consistent
// snapshot: pg_dump reads in a single REPEATABLE READ transaction and blocks no writer) with PGPASSWORD in its
// environment and cwd = project base. Every stdout chunk goes to `sink` as it arrives. Throws std::runtime_error
// "pg_dump failed: <stderr>", "pg_dump timed out after N seconds and was killed".
void postgres_dump(const std::filesystem::path& binary, const MysqlConnection& connection, int timeout_seconds,
                   const std::filesystem::path& base_path, const std::function<void(std::string_view)>& sink);

}  // namespace ops
