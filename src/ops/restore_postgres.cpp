// PostgreSQL restore targets and dump loading (see restore_postgres.hpp).
#include "ops/restore_postgres.hpp"

#include <soci/postgresql/soci-postgresql.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <utility>
#include <vector>

#include "core/config.hpp"
#include "core/strings.hpp"
#include "db/database.hpp"
#include "ops/backup_process.hpp"
#include "ops/restore_mysql.hpp"

namespace ops {

namespace {

namespace fs = std::filesystem;

// The maintenance database every cluster has: CREATE/DROP DATABASE cannot run while connected to the target.
std::unique_ptr<db::Database> server_connection(const MysqlConnection& target) {
  db::DatabaseSettings settings;
  settings.dialect = db::Dialect::kPostgres;
  settings.host = target.host;
  settings.port = target.port;
  settings.username = target.username;
  settings.password = target.password;
  settings.database = "postgres";
  settings.pool_size = 1;
  return std::make_unique<db::Database>(settings);
}

bool safe_database_name(const std::string& name) { return is_safe_schema_name(name) && name.size() <= 63; }

bool works(const fs::path& binary, const fs::path& base_path) {
  try {
    auto result = run_process({{binary.string(), "--version"}, {}, base_path, {}, 5});
    return !result.timed_out && result.exit_code == 0;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace

MysqlConnection postgres_connection_from_config(const core::Config& config) {
  MysqlConnection connection = mysql_connection_from_config(config);
  if (connection.port == 3306) connection.port = 5432;  // as postgres_dump does
  return connection;
}

MysqlConnection parse_postgres_target(const std::string& into, const MysqlConnection& configured) {
  std::string spelled = into;
  auto scheme_end = into.find("://");
  if (scheme_end != std::string::npos) {
    std::string scheme = core::to_lower(into.substr(0, scheme_end));
    if (scheme != "postgres" && scheme != "postgresql")
      throw std::runtime_error("Invalid --into: use a database name or postgres://user:password@host:port/database.");
    spelled = "mysql" + into.substr(scheme_end);  // same DSN shape: reuse the MySQL parser for the parts
  }
  MysqlConnection target;
  try {
    target = parse_mysql_target(spelled, configured);
  } catch (const std::runtime_error&) {
    throw std::runtime_error("Invalid --into: use a database name (letters, digits and _, max 63) or "
                             "postgres://user:password@host:port/database.");
  }
  if (!safe_database_name(target.database))
    throw std::runtime_error("Invalid --into: database names may only use letters, digits and _ (max 63).");
  return target;
}

void create_postgres_database(const MysqlConnection& target) {
  if (!safe_database_name(target.database)) throw std::runtime_error("unsafe database name: " + target.database);
  try {
    auto server = server_connection(target);
    auto sql = server->lease();
    *sql << "CREATE DATABASE \"" + target.database + "\" ENCODING 'UTF8' TEMPLATE template0";
  } catch (const std::exception& e) {
    throw std::runtime_error("Could not create database " + target.database + ": " + one_line(e.what()));
  }
}

void drop_postgres_database(const MysqlConnection& target) {
  if (!safe_database_name(target.database)) throw std::runtime_error("unsafe database name: " + target.database);
  try {
    auto server = server_connection(target);
    drop_postgres_database_on(*server->lease(), target.database);
  } catch (const std::exception& e) {
    throw std::runtime_error("Could not drop database " + target.database + ": " + one_line(e.what()));
  }
}

void drop_postgres_database_on(soci::session& server, const std::string& name) {
  const std::string drop = "DROP DATABASE IF EXISTS \"" + name + "\"";
  try {
    server << drop + " WITH (FORCE)";
  } catch (const soci::postgresql_soci_error& forced) {
    if (forced.sqlstate() != "42501") throw;  // only "insufficient privilege" to end a session is worth a retry
    try {
      server << drop;
    } catch (const soci::soci_error& plain) {
      throw std::runtime_error(one_line(forced.what()) + " Without FORCE: " + one_line(plain.what()));
    }
  }
}

fs::path find_psql_binary(const core::Config& config) {
  const fs::path& base = config.base_path();
  std::vector<fs::path> candidates;
  if (auto on_path = find_executable("psql", base)) candidates.push_back(*on_path);
  std::vector<std::pair<int, fs::path>> versioned;  // Debian: /usr/lib/postgresql/<major>/bin/psql
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ec)) {
    int major = 0;
    try {
      major = std::stoi(entry.path().filename().string());
    } catch (const std::exception&) {
      continue;
    }
    fs::path tool = entry.path() / "bin" / "psql";
    if (fs::exists(tool, ec)) versioned.emplace_back(major, tool);
  }
  std::sort(versioned.begin(), versioned.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (const auto& [major, tool] : versioned) candidates.push_back(tool);
  for (const auto& candidate : candidates) {
    if (works(candidate, base)) return candidate;
  }
  throw std::runtime_error("psql not found: install postgresql-client-15 (needed to load the dump).");
}

void load_postgres_dump(const fs::path& psql, const MysqlConnection& target, const fs::path& dump_file,
                        bool replace_public_schema, int timeout_seconds, const fs::path& base_path) {
  ProcessSpec spec;
  spec.argv = {psql.string(),
               "--host=" + target.host,
               "--port=" + std::to_string(target.port),
               "--username=" + target.username,
               "--dbname=" + target.database,
               "--no-password",
               "--no-psqlrc",
               "--quiet",
               "--output=/dev/null",  // the dump's SELECT set_config(…) results
               "--set=ON_ERROR_STOP=1",
               "--single-transaction"};
  if (replace_public_schema) {
    spec.argv.push_back("--command=DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
  }
  spec.argv.push_back("--file=-");
  spec.extra_env = {{"PGPASSWORD", target.password}, {"PGCONNECT_TIMEOUT", "10"}, {"PGCLIENTENCODING", "UTF8"},
                    {"PGOPTIONS", "-c client_min_messages=warning"}};
  spec.working_directory = base_path;
  spec.stdin_file = dump_file;
  spec.timeout_seconds = timeout_seconds;
  auto result = run_process(spec);
  if (result.timed_out)
    throw std::runtime_error("Loading the dump timed out after " + std::to_string(timeout_seconds) +
                             " seconds and was killed (OPS_BACKUP_COMMAND_TIMEOUT)");
  if (result.exit_code != 0) {
    std::string detail = one_line(result.error_output);
    throw std::runtime_error("Loading the dump failed: " + (detail.empty() ? "exit code " + std::to_string(result.exit_code) : detail));
  }
}

}  // namespace ops
