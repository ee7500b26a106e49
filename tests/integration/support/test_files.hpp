// Small helpers shared by the integration tests: reading files, counting text, finding folders and processes,
// one-number queries.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace testing_support {

class AppServer;

std::string read_text(const std::filesystem::path& file);  // "" when missing
std::size_t count_of(const std::string& text, const std::string& needle);
// The last line of a command's output, without its newline (the summary line commands end with).
std::string last_line(const std::string& text);
// Entries of `root` whose name starts with `prefix`, sorted.
std::vector<std::filesystem::path> entries_with_prefix(const std::filesystem::path& root, const std::string& prefix);
// The single number a query returns (COUNT(*), MAX(id), …) on the server's database.
long long scalar(AppServer& server, const std::string& query);
// The pid of this server's `nico <command>` child (the process whose environment carries its base path), or -1.
int find_nico_process(const AppServer& server, const std::string& command);
// Polls `file` (every 20 ms, up to `timeout_ms`) until it contains `text`; true when it does. For a spawned
// command's output (AppServer::spawn_command writes storage/logs/spawned.log): a line printed once it is ready.
bool wait_for_text(const std::filesystem::path& file, const std::string& text, int timeout_ms = 10000);
// Waits for child `pid` (up to `timeout_ms`, then SIGKILL) and returns its exit code (128 + signal if killed).
int wait_for_exit(int pid, int timeout_ms = 20000);

}  // namespace testing_support
