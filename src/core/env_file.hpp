// Parser for `.env` files: KEY=value lines, comments, single/double quotes, `export` prefixes, ${VAR} expansion.
#pragma once

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

}  // namespace core
