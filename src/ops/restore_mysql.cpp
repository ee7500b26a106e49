// MariaDB/MySQL restore targets and dump loading (see restore_mysql.hpp).
#include "ops/restore_mysql.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <utility>
#include <vector>

#include <soci/soci.h>

#include "core/config.hpp"
#include "core/strings.hpp"
#include "db/database.hpp"
#include "ops/backup_process.hpp"

namespace ops {

namespace {

namespace fs = std::filesystem;

// Every account can open information_schema, so server-level statements need no particular default schema.
std::unique_ptr<db::Database> server_connection(const MysqlConnection& target) {
  db::DatabaseSettings settings;
  settings.dialect = db::Dialect::kMysql;
  settings.host = target.host;
  settings.port = target.port;
  settings.username = target.username;
  settings.password = target.password;
  settings.database = "information_schema";
  settings.pool_size = 1;
  return std::make_unique<db::Database>(settings);
}

bool works(const fs::path& binary, const fs::path& base_path) {
  try {
    return run_process({{binary.string(), "--version"}, {}, base_path, {}, 5}).exit_code == 0;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace

bool is_safe_schema_name(std::string_view name) {
  return !name.empty() && name.size() <= 64 &&
         std::all_of(name.begin(), name.end(), [](unsigned char c) { return std::isalnum(c) || c == '_'; });
}

MysqlConnection parse_mysql_target(const std::string& into, const MysqlConnection& configured) {
  MysqlConnection target = configured;
  auto scheme_end = into.find("://");
  if (scheme_end == std::string::npos) {
    target.database = into;
  } else {
    std::string scheme = core::to_lower(into.substr(0, scheme_end));
    if (scheme != "mysql" && scheme != "mariadb")
      throw std::runtime_error("Invalid --into: use a schema name or mysql://user:password@host:port/schema.");
    std::string rest = into.substr(scheme_end + 3);
    auto slash = rest.find('/');
    if (slash == std::string::npos) throw std::runtime_error("Invalid --into: the DSN names no schema (…/schema).");
    std::string authority = rest.substr(0, slash);
    target.database = rest.substr(slash + 1);
    auto at = authority.rfind('@');
    if (at != std::string::npos) {
      std::string credentials = authority.substr(0, at);
      authority = authority.substr(at + 1);
      auto colon = credentials.find(':');
      target.username = credentials.substr(0, colon);
      if (colon != std::string::npos) target.password = credentials.substr(colon + 1);
    }
    auto colon = authority.rfind(':');
    if (colon != std::string::npos) {
      try {
        target.port = std::stoi(authority.substr(colon + 1));
      } catch (const std::exception&) {
        throw std::runtime_error("Invalid --into: bad port in \"" + authority + "\".");
      }
      authority = authority.substr(0, colon);
    }
    if (!authority.empty()) target.host = authority;
  }
  if (!is_safe_schema_name(target.database))
    throw std::runtime_error("Invalid --into: schema names may only use letters, digits and _ (max 64).");
  return target;
}

void create_schema(const MysqlConnection& target) {
  if (!is_safe_schema_name(target.database)) throw std::runtime_error("unsafe schema name: " + target.database);
  try {
    auto server = server_connection(target);
    auto sql = server->lease();
    *sql << "CREATE DATABASE `" + target.database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci";
  } catch (const std::exception& e) {
    throw std::runtime_error("Could not create schema " + target.database + ": " + one_line(e.what()));
  }
}

void drop_schema(const MysqlConnection& target) {
  if (!is_safe_schema_name(target.database)) throw std::runtime_error("unsafe schema name: " + target.database);
  try {
    auto server = server_connection(target);
    auto sql = server->lease();
    *sql << "DROP DATABASE IF EXISTS `" + target.database + "`";
  } catch (const std::exception& e) {
    throw std::runtime_error("Could not drop schema " + target.database + ": " + one_line(e.what()));
  }
}

void empty_schema(const MysqlConnection& target) {
  if (!is_safe_schema_name(target.database)) throw std::runtime_error("unsafe schema name: " + target.database);
  try {
    auto server = server_connection(target);
    auto sql = server->lease();
    std::vector<std::pair<std::string, bool>> relations;  // name, is a view
    soci::rowset<soci::row> rows = (sql->prepare << "SELECT table_name, table_type FROM information_schema.tables "
                                                    "WHERE table_schema = :s",
                                    soci::use(target.database));
    for (const auto& row : rows) relations.emplace_back(row.get<std::string>(0), row.get<std::string>(1) == "VIEW");
    *sql << "SET FOREIGN_KEY_CHECKS = 0";  // tables go in any order; the dump turns the checks off itself too
    for (const auto& [name, view] : relations) {
      std::string quoted = "`" + target.database + "`.`" + core::replace_all(name, "`", "``") + "`";
      *sql << (view ? "DROP VIEW IF EXISTS " : "DROP TABLE IF EXISTS ") + quoted;
    }
    *sql << "SET FOREIGN_KEY_CHECKS = 1";
  } catch (const std::exception& e) {
    throw std::runtime_error("Could not empty schema " + target.database + ": " + one_line(e.what()));
  }
}

fs::path find_client_binary(const core::Config& config) {
  const fs::path& base = config.base_path();
  std::vector<std::string> candidates;
  std::string dump = core::trim(config.str("MYSQLDUMP_BINARY"));
  if (dump.find('/') != std::string::npos) {
    fs::path folder = fs::path(dump).parent_path();
    candidates.push_back((folder / "mariadb").string());
    candidates.push_back((folder / "mysql").string());
  }
  candidates.push_back("mariadb");
  candidates.push_back("mysql");
  for (const auto& name : candidates) {
    auto found = find_executable(name, base);
    if (found && works(*found, base)) return *found;
  }
  throw std::runtime_error("mariadb/mysql client not found: install mariadb-client (needed to load the dump).");
}

void load_dump(const fs::path& client, const MysqlConnection& target, const fs::path& dump_file, int timeout_seconds,
               const fs::path& base_path) {
  ProcessSpec spec;
  spec.argv = {client.string(),
               "--host=" + target.host,
               "--port=" + std::to_string(target.port),
               "--user=" + target.username,
               "--default-character-set=utf8mb4",
               "--batch",
               target.database};
  spec.extra_env = {{"MYSQL_PWD", target.password}};
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
