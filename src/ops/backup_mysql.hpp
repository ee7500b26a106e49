// MariaDB/MySQL snapshots: a logical dump by mariadb-dump / mysqldump, streamed to the artifact file.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

namespace core {
class Config;
}

namespace ops {

// Where and as whom the client tools connect (DB_HOST, DB_PORT, DB_USERNAME, DB_PASSWORD, DB_DATABASE).
struct MysqlConnection {
  std::string host = "127.0.0.1";
  int port = 3306;
  std::string username;
  std::string password;  // handed to the tools as MYSQL_PWD only
  std::string database;
};

MysqlConnection mysql_connection_from_config(const core::Config& config);

// The dump tool, in the reference's order but stricter: MYSQLDUMP_BINARY when set (and then it must work: an
// operator who names a binary does not want another one silently), else the flavour's own tool first
// (mariadb-dump for mariadb, mysqldump for mysql), then the other. A candidate counts when `<bin> --version`
// exits 0 within 5 s. Throws std::runtime_error "mysqldump binary not found. Set MYSQLDUMP_BINARY in .env with a
// valid executable path." (naming the configured path when there was one).
std::filesystem::path find_dump_binary(const core::Config& config);

// Runs `<bin> --host --port --user --single-transaction --skip-lock-tables --routines --events
// --default-character-set=utf8mb4 <database>` (the reference's argv) with MYSQL_PWD in its environment and cwd =
// project base. --single-transaction gives one consistent InnoDB snapshot without blocking writers. Every stdout
// chunk goes to `sink` as it arrives. Throws std::runtime_error: "mysqldump failed: <stderr>", "mysqldump timed out
// after N seconds and was killed", "MySQL backup requires database and username configuration.".
void mysql_dump(const std::filesystem::path& binary, const MysqlConnection& connection, int timeout_seconds,
                const std::filesystem::path& base_path, const std::function<void(std::string_view)>& sink);

// True when a dump file ends with the trailer mariadb-dump/mysqldump write after the last statement
// ("-- Dump completed on …"): a dump cut short by a crash or a kill does not have it.
bool dump_has_completion_trailer(const std::filesystem::path& dump_file);

}  // namespace ops
