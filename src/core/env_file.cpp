// .env parsing. The format is the dotenv dialect Laravel documents: one KEY=value per line, `#` comments,
// quotes to keep spaces or `#`, and ${KEY} references to earlier keys (e.g. MAIL_FROM_NAME="${APP_NAME}").
#include "core/env_file.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

#include "core/strings.hpp"

namespace core {

namespace {

bool is_key_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.'; }

// No real value comes near this; without a bound, lines doubling the previous one ("B=${A}${A}", "C=${B}${B}" …)
// make a file of a few hundred bytes expand to gigabytes (found by fuzzing).
constexpr std::size_t kMaxExpandedBytes = 64 * 1024;

// Expands ${NAME} references; nullopt when the result would pass kMaxExpandedBytes.
std::optional<std::string> expand_references(std::string_view value, const std::map<std::string, std::string>& known) {
  std::string out;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '$' && i + 1 < value.size() && value[i + 1] == '{') {
      std::size_t close = value.find('}', i + 2);
      if (close != std::string_view::npos) {
        std::string name(value.substr(i + 2, close - i - 2));
        if (auto it = known.find(name); it != known.end()) {
          if (it->second.size() > kMaxExpandedBytes - out.size()) return std::nullopt;
          out += it->second;
        }
        i = close;
        continue;
      }
    }
    if (out.size() == kMaxExpandedBytes) return std::nullopt;
    out.push_back(value[i]);
  }
  return out;
}

}  // namespace

bool parse_env_text(std::string_view text, std::map<std::string, std::string>& out, EnvParseError& error) {
  int line_number = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string line = trim(text.substr(pos, end - pos));
    pos = end + 1;
    ++line_number;
    if (line.empty() || line[0] == '#') continue;
    if (line.rfind("export ", 0) == 0) line = trim(std::string_view(line).substr(7));

    std::size_t eq = line.find('=');
    if (eq == std::string::npos) {
      error = {line_number, "expected KEY=value"};
      return false;
    }
    std::string key = trim(std::string_view(line).substr(0, eq));
    if (key.empty() || !std::all_of(key.begin(), key.end(), is_key_char)) {
      error = {line_number, "invalid key name '" + key + "'"};
      return false;
    }
    std::string raw = trim(std::string_view(line).substr(eq + 1));
    std::optional<std::string> value;
    if (!raw.empty() && (raw[0] == '"' || raw[0] == '\'')) {
      char quote = raw[0];
      std::size_t close = raw.find(quote, 1);
      if (close == std::string::npos) {
        error = {line_number, "unterminated quoted value for " + key};
        return false;
      }
      value = raw.substr(1, close - 1);
      if (quote == '"') value = expand_references(replace_all(std::move(*value), "\\n", "\n"), out);
    } else {
      // Unquoted: an inline comment starts at " #".
      std::size_t hash = raw.find(" #");
      if (hash != std::string::npos) raw = trim(std::string_view(raw).substr(0, hash));
      value = expand_references(raw, out);
    }
    if (!value) {
      error = {line_number, "value of " + key + " is longer than 64 KiB once its ${...} references are expanded"};
      return false;
    }
    out[key] = std::move(*value);
  }
  return true;
}

}  // namespace core
