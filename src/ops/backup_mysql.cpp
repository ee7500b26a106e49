// mariadb-dump / mysqldump discovery and the streamed dump (see backup_mysql.hpp).
#include "ops/backup_mysql.hpp"

#include <fstream>
#include <stdexcept>
#include <vector>

#include "core/config.hpp"
#include "core/strings.hpp"
#include "ops/backup_process.hpp"

namespace ops {

namespace {

namespace fs = std::filesystem;

constexpr int kVersionProbeSeconds = 5;
constexpr const char* kNotFound = "mysqldump binary not found. Set MYSQLDUMP_BINARY in .env with a valid executable path.";

bool answers_version(const fs::path& binary, const fs::path& base_path) {
  try {
    ProcessSpec probe{{binary.string(), "--version"}, {}, base_path, {}, kVersionProbeSeconds};
    auto result = run_process(probe);
    return !result.timed_out && result.exit_code == 0;
  } catch (const std::exception&) {
    return false;  // could not even start: not a usable candidate (reference: a throwing candidate is skipped)
  }
}

}  // namespace

MysqlConnection mysql_connection_from_config(const core::Config& config) {
  MysqlConnection connection;
  if (!config.str("DB_HOST").empty()) connection.host = config.str("DB_HOST");
  connection.port = static_cast<int>(config.integer("DB_PORT"));
  connection.username = config.str("DB_USERNAME");
  connection.password = config.str("DB_PASSWORD");
  connection.database = config.str("DB_DATABASE");
  return connection;
}

fs::path find_dump_binary(const core::Config& config) {
  const fs::path& base = config.base_path();
  std::string configured = core::trim(config.str("MYSQLDUMP_BINARY"));
  if (!configured.empty()) {
    auto found = find_executable(configured, base);
    if (found && answers_version(*found, base)) return *found;
    throw std::runtime_error(std::string(kNotFound) + " (MYSQLDUMP_BINARY=" + configured + " is not a working executable)");
  }
  std::vector<std::string> names = {"mariadb-dump", "mysqldump"};
  if (config.str("DB_CONNECTION") == "mysql") std::swap(names[0], names[1]);
  for (const auto& name : names) {
    auto found = find_executable(name, base);
    if (found && answers_version(*found, base)) return *found;
  }
  throw std::runtime_error(kNotFound);
}

void mysql_dump(const fs::path& binary, const MysqlConnection& connection, int timeout_seconds,
                const fs::path& base_path, const std::function<void(std::string_view)>& sink) {
  if (connection.database.empty() || connection.username.empty())
    throw std::runtime_error("MySQL backup requires database and username configuration.");
  ProcessSpec spec;
  spec.argv = {binary.string(),
               "--host=" + connection.host,
               "--port=" + std::to_string(connection.port),
               "--user=" + connection.username,
               "--single-transaction",
               "--skip-lock-tables",
               "--routines",
               "--events",
               "--default-character-set=utf8mb4",
               connection.database};
  spec.extra_env = {{"MYSQL_PWD", connection.password}};
  spec.working_directory = base_path;
  spec.timeout_seconds = timeout_seconds;
  std::int64_t bytes = 0;
  auto result = run_process(spec, [&](std::string_view chunk) {
    bytes += static_cast<std::int64_t>(chunk.size());
    sink(chunk);
  });
  if (result.timed_out)
    throw std::runtime_error("mysqldump timed out after " + std::to_string(timeout_seconds) +
                             " seconds and was killed (OPS_BACKUP_COMMAND_TIMEOUT)");
  if (result.exit_code != 0) {
    std::string detail = one_line(result.error_output);
    throw std::runtime_error("mysqldump failed: " + (detail.empty() ? "exit code " + std::to_string(result.exit_code) : detail));
  }
  // The reference wrote a placeholder comment for an empty dump and called it a success; a dump tool that exits 0
  // without output has not backed anything up.
  if (bytes == 0) throw std::runtime_error("mysqldump failed: empty output");
}

bool dump_has_completion_trailer(const fs::path& dump_file) {
  std::ifstream in(dump_file, std::ios::binary);
  if (!in) return false;
  in.seekg(0, std::ios::end);
  std::streamoff size = in.tellg();
  // The trailer is the last comment line; 512 bytes covers it and the blank line after it.
  std::streamoff from = size > 512 ? size - 512 : 0;
  in.seekg(from);
  std::string tail(static_cast<std::size_t>(size - from), '\0');
  in.read(tail.data(), static_cast<std::streamsize>(tail.size()));
  // pg_dump's plain format ends with "-- PostgreSQL database dump complete" instead.
  return tail.find("-- Dump completed") != std::string::npos ||
         tail.find("-- PostgreSQL database dump complete") != std::string::npos;
}

}  // namespace ops
