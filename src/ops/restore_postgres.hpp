// Restoring a PostgreSQL snapshot (the twin of restore_mysql.hpp): the target database (from --into or a default
// scratch name), creating and dropping a scratch database, and loading the plain-SQL pg_dump output through `psql`
// (stdin = the dump file; PGPASSWORD in the environment, never argv; ON_ERROR_STOP and one transaction, so a failed
// load leaves the target as it was).
//
// Privileges: the restore connects as DB_USERNAME (or the user of an --into DSN). A scratch database needs CREATEDB
// (`ALTER ROLE nico CREATEDB`); the default scratch name is <DB_DATABASE>_restore_<YYYYmmddHHMMSS>. Restoring over
// the live database drops and recreates its `public` schema, which needs the role to own the database.
#pragma once

#include <filesystem>
#include <string>

#include "ops/backup_mysql.hpp"

namespace core {
class Config;
}
namespace soci {
class session;
}

namespace ops {

// DB_HOST/DB_PORT/DB_USERNAME/DB_PASSWORD/DB_DATABASE, with port 5432 when DB_PORT is unset (its MySQL default).
MysqlConnection postgres_connection_from_config(const core::Config& config);

// --into for PostgreSQL: a database name on the configured server, or
// postgres://[user[:password]@]host[:port]/database (postgresql:// too), whose missing parts default to the
// configured ones. Names: letters, digits and _ (max 63). Throws std::runtime_error with an operator-facing message.
MysqlConnection parse_postgres_target(const std::string& into, const MysqlConnection& configured);

// CREATE DATABASE "name" (UTF8); fails when it already exists. Throws std::runtime_error with the server's message.
void create_postgres_database(const MysqlConnection& target);
// DROP DATABASE IF EXISTS "name", connected to the server's `postgres` database. Throws std::runtime_error.
void drop_postgres_database(const MysqlConnection& target);
// The same through `server`, a session connected to any other database of that server. WITH (FORCE) first, so a
// session still attached (a psql on its way out) does not block the drop. A role that is not superuser may not end
// an autovacuum worker (PostgreSQL 15 refused it in CI), and autovacuum visits a freshly loaded database: when
// FORCE is refused for lack of privilege, a plain DROP follows, which stops autovacuum workers itself and waits up
// to 5 s for other sessions to leave. Throws the server's error (soci::soci_error), or both errors
// (std::runtime_error) when both are refused. `name` must be a safe name (checked by callers).
void drop_postgres_database_on(soci::session& server, const std::string& name);

// psql on $PATH, else the newest /usr/lib/postgresql/<major>/bin/psql. Throws std::runtime_error
// "psql not found: install postgresql-client-15 …".
std::filesystem::path find_psql_binary(const core::Config& config);

// Pipes `dump_file` into `psql -X -v ON_ERROR_STOP=1 --single-transaction` connected to `target`. With
// `replace_public_schema` the same transaction first runs DROP SCHEMA public CASCADE; CREATE SCHEMA public (pg_dump
// writes no DROP statements, so this is how an existing database is emptied; snapshots of any age load the same).
// Throws std::runtime_error "Loading the dump failed: …" (or "… timed out …" after `timeout_seconds`).
void load_postgres_dump(const std::filesystem::path& psql, const MysqlConnection& target,
                        const std::filesystem::path& dump_file, bool replace_public_schema, int timeout_seconds,
                        const std::filesystem::path& base_path);

}  // namespace ops
