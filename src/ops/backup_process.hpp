// Running the database client tools (mariadb-dump / mysqldump, mariadb / mysql) for backup and restore:
// no shell, the password only in the child's environment (MYSQL_PWD, never argv where `ps` shows it), stdout
// streamed to a callback in chunks (never collected in memory), a hard timeout that SIGKILLs the child.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ops {

struct ProcessSpec {
  std::vector<std::string> argv;                // argv[0] is an absolute path (see find_executable)
  std::map<std::string, std::string> extra_env;  // added to (or replacing in) the inherited environment
  std::filesystem::path working_directory;      // empty = inherit
  std::filesystem::path stdin_file;             // empty = /dev/null; else this file is the child's stdin
  int timeout_seconds = 180;
};

struct ProcessResult {
  int exit_code = -1;       // 128 + signal when killed
  bool timed_out = false;   // we killed it at the deadline
  std::string error_output;  // stderr, truncated to its last 8 KiB
};

// Starts the process and waits for it. `on_stdout` receives stdout chunk by chunk (null = discarded); if it throws,
// the child is killed and the exception propagates. Throws std::runtime_error when the process cannot be started.
ProcessResult run_process(const ProcessSpec& spec, const std::function<void(std::string_view)>& on_stdout = {});

// `name` with a '/' → that file (relative to `base_path`) if it is an executable regular file; otherwise the first
// executable `name` in $PATH. nullopt when none.
std::optional<std::filesystem::path> find_executable(const std::string& name, const std::filesystem::path& base_path);

// The tool's stderr as one line for the operator (line breaks → spaces, trimmed, at most 500 characters).
std::string one_line(std::string_view text);

}  // namespace ops
