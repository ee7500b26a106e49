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
// Entries of `root` whose name starts with `prefix`, sorted.
std::vector<std::filesystem::path> entries_with_prefix(const std::filesystem::path& root, const std::string& prefix);
// The single number a query returns (COUNT(*), MAX(id), …) on the server's database.
long long scalar(AppServer& server, const std::string& query);
// The pid of this server's `nico <command>` child (the process whose environment carries its base path), or -1.
int find_nico_process(const AppServer& server, const std::string& command);

}  // namespace testing_support
