// pg_dump discovery and the streamed dump (see backup_postgres.hpp).
#include "ops/backup_postgres.hpp"

#include <algorithm>
#include <stdexcept>
#include <vector>

#include "core/config.hpp"
#include "ops/backup_process.hpp"

namespace ops {

namespace fs = std::filesystem;

namespace {

constexpr const char* kNotFound = "pg_dump binary not found. Install postgresql-client-15.";

bool answers_version(const fs::path& binary, const fs::path& base_path) {
  try {
    ProcessSpec probe{{binary.string(), "--version"}, {}, base_path, {}, 5};
    auto result = run_process(probe);
    return !result.timed_out && result.exit_code == 0;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace

fs::path find_pg_dump_binary(const core::Config& config) {
  const fs::path& base = config.base_path();
  std::vector<fs::path> candidates;
  if (auto on_path = find_executable("pg_dump", base)) candidates.push_back(*on_path);
  // Debian: /usr/lib/postgresql/<major>/bin/pg_dump, newest major first (a newer pg_dump dumps older servers).
  std::vector<std::pair<int, fs::path>> versioned;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ec)) {
    fs::path tool = entry.path() / "bin" / "pg_dump";
    int major = 0;
    try {
      major = std::stoi(entry.path().filename().string());
    } catch (const std::exception&) {
      continue;
    }
    if (fs::exists(tool, ec)) versioned.emplace_back(major, tool);
  }
  std::sort(versioned.begin(), versioned.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (const auto& [major, tool] : versioned) candidates.push_back(tool);
  for (const auto& candidate : candidates) {
    if (answers_version(candidate, base)) return candidate;
  }
  throw std::runtime_error(kNotFound);
}

void postgres_dump(const fs::path& binary, const MysqlConnection& connection, int timeout_seconds,
                   const fs::path& base_path, const std::function<void(std::string_view)>& sink) {
  if (connection.database.empty() || connection.username.empty())
    throw std::runtime_error("PostgreSQL backup requires database and username configuration.");
  ProcessSpec spec;
  spec.argv = {binary.string(),
               "--host=" + connection.host,
               "--port=" + std::to_string(connection.port == 3306 ? 5432 : connection.port),
               "--username=" + connection.username,
               "--dbname=" + connection.database,
               "--no-owner",
               "--no-privileges",
               "--no-password",
               "--encoding=UTF8"};
  spec.extra_env = {{"PGPASSWORD", connection.password}, {"PGCONNECT_TIMEOUT", "10"}};
  spec.working_directory = base_path;
  spec.timeout_seconds = timeout_seconds;
  std::int64_t bytes = 0;
  auto result = run_process(spec, [&](std::string_view chunk) {
    bytes += static_cast<std::int64_t>(chunk.size());
    sink(chunk);
  });
  if (result.timed_out)
    throw std::runtime_error("pg_dump timed out after " + std::to_string(timeout_seconds) +
                             " seconds and was killed (OPS_BACKUP_COMMAND_TIMEOUT)");
  if (result.exit_code != 0) {
    std::string detail = one_line(result.error_output);
    throw std::runtime_error("pg_dump failed: " + (detail.empty() ? "exit code " + std::to_string(result.exit_code) : detail));
  }
  if (bytes == 0) throw std::runtime_error("pg_dump failed: empty output");
}

}  // namespace ops
