// Restoring a MariaDB/MySQL dump: the target schema (from --into or a default scratch name), creating and dropping a
// scratch schema, and loading the dump through the `mariadb`/`mysql` client (stdin = the dump file, streamed by
// the kernel; MYSQL_PWD in the environment, never argv).
//
// Privileges: the restore connects as DB_USERNAME (or the user of an --into DSN). Creating the scratch schema needs
// CREATE (and DROP for --drill) on it, e.g. `GRANT ALL ON \`nico\_restore%\`.* TO …`; the default scratch name is
// <DB_DATABASE>_restore_<YYYYmmddHHMMSS> so one grant on `<DB_DATABASE>\_%` covers it.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "ops/backup_mysql.hpp"

namespace core {
class Config;
}

namespace ops {

// Letters, digits and '_', 1-64 characters: safe to put between backticks without escaping.
bool is_safe_schema_name(std::string_view name);

// --into for MySQL/MariaDB: a schema name on the configured server, or
// mysql://[user[:password]@]host[:port]/schema (mariadb:// too), whose missing parts default to the configured
// ones. Throws std::runtime_error with an operator-facing message on anything else.
MysqlConnection parse_mysql_target(const std::string& into, const MysqlConnection& configured);

// CREATE DATABASE `schema` (utf8mb4_unicode_ci); fails when it already exists, so a restore never merges into
// something that is there. Throws std::runtime_error with the server's message.
void create_schema(const MysqlConnection& target);
// DROP DATABASE IF EXISTS `schema`. Throws std::runtime_error.
void drop_schema(const MysqlConnection& target);
// Drops every table and view of the (live) schema, keeping the schema and its grants: a dump only drops the tables
// it recreates, so a table added after the snapshot (a newer migration) would otherwise survive the restore.
// Throws std::runtime_error.
void empty_schema(const MysqlConnection& target);

// `mariadb`, then `mysql`: first next to MYSQLDUMP_BINARY when that is set, then on $PATH. Throws
// std::runtime_error "mariadb/mysql client not found …" when none runs.
std::filesystem::path find_client_binary(const core::Config& config);

// Pipes `dump_file` into the client connected to `target`. Throws std::runtime_error "Loading the dump failed: …"
// (or "… timed out …" after `timeout_seconds`).
void load_dump(const std::filesystem::path& client, const MysqlConnection& target, const std::filesystem::path& dump_file,
               int timeout_seconds, const std::filesystem::path& base_path);

}  // namespace ops
