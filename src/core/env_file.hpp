// Parser for `.env` files: KEY=value lines, comments, single/double quotes, `export` prefixes, ${VAR} expansion;
// and the writers of files that hold secrets (.env, the frozen configuration).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>

namespace core {

struct EnvParseError {
  int line = 0;           // 1-based line number of the offending line
  std::string message;    // English, for the operator
};

// Parses the text of a .env file. Returns false and fills `error` on a malformed line.
// `${NAME}` inside unquoted or double-quoted values expands to a key defined earlier in the file.
bool parse_env_text(std::string_view text, std::map<std::string, std::string>& out, EnvParseError& error);

// Writes `text` to `file` atomically (temp file in the same folder, fsync, rename, fsync of the folder). The file
// holds secrets (APP_KEY, DB_PASSWORD, the backup key), so its permissions never loosen: an existing file keeps its
// owner, group and mode when the mode gives nothing to others (600, 640, 400…), and anything else, or a new file,
// gets 600. The temp file is created with that mode from the start (no moment where it is world-readable).
// Returns the mode written. Throws std::runtime_error naming the path (and, for permission errors, what is missing).
std::filesystem::perms write_private_file(const std::filesystem::path& file, std::string_view text);

// Replaces (or appends) KEY=value in the .env file, keeping every other line as it is; written by write_private_file.
std::filesystem::perms write_env_value(const std::filesystem::path& env_file, const std::string& key,
                                       const std::string& value);

}  // namespace core
