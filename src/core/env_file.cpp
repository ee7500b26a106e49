// .env parsing and writing. The format is the dotenv dialect Laravel documents: one KEY=value per line, `#`
// comments, quotes to keep spaces or `#`, and ${KEY} references to earlier keys (e.g. MAIL_FROM_NAME="${APP_NAME}").
// Writing keeps secrets private (see write_private_file in env_file.hpp).
#include "core/env_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>

#include "core/file_access.hpp"
#include "core/strings.hpp"
#include "core/unique_fd.hpp"

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

namespace {

[[noreturn]] void fail(const std::string& action, const std::filesystem::path& path, int error_number) {
  if (is_permission_error(error_number)) {
    // Creating or renaming needs the folder's write permission, whatever the file's own mode.
    if (auto problem = permission_problem(path.parent_path().empty() ? "." : path.parent_path(), Access::kWrite))
      throw std::runtime_error(*problem);
  }
  throw std::runtime_error("cannot " + action + " " + path.string() + ": " + std::strerror(error_number));
}

}  // namespace

std::filesystem::perms write_private_file(const std::filesystem::path& file, std::string_view text) {
  mode_t mode = 0600;
  bool existed = false;
  struct stat current {};
  if (::stat(file.c_str(), &current) == 0) {
    existed = true;
    if ((current.st_mode & 07) == 0) mode = current.st_mode & 0770;
  }
  auto temp = file;
  temp += ".tmp";
  ::unlink(temp.c_str());  // O_CREAT on a leftover would keep the leftover's mode
  UniqueFd fd(::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
  if (!fd.valid()) fail("create", temp, errno);
  // fchmod is not subject to the umask; fchown keeps a service user's file theirs when root runs the command
  // (best effort: only root may give a file away, and then it is the same owner anyway).
  if (::fchmod(fd.get(), mode) != 0) fail("set the mode of", temp, errno);
  if (existed && ::fchown(fd.get(), current.st_uid, current.st_gid) != 0 && errno != EPERM) fail("set the owner of", temp, errno);
  std::size_t written = 0;
  while (written < text.size()) {
    ssize_t n = ::write(fd.get(), text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int error_number = errno;
      ::unlink(temp.c_str());
      fail("write", temp, error_number);
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd.get()) != 0) fail("sync", temp, errno);
  fd = UniqueFd();
  if (::rename(temp.c_str(), file.c_str()) != 0) {
    int error_number = errno;
    ::unlink(temp.c_str());
    fail("replace", file, error_number);
  }
  auto folder = file.parent_path().empty() ? std::filesystem::path(".") : file.parent_path();
  UniqueFd directory(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (directory.valid()) ::fsync(directory.get());
  return static_cast<std::filesystem::perms>(mode);
}

std::filesystem::perms write_env_value(const std::filesystem::path& env_file, const std::string& key,
                                       const std::string& value) {
  std::ifstream in(env_file);
  if (!in && std::filesystem::exists(env_file)) {
    if (auto problem = permission_problem(env_file, Access::kRead)) throw std::runtime_error(*problem);
    throw std::runtime_error("cannot read " + env_file.string());
  }
  std::stringstream out;
  std::string line;
  bool replaced = false;
  while (std::getline(in, line)) {
    std::string trimmed = trim(line);
    if (trimmed.rfind(key + "=", 0) == 0) {
      out << key << "=" << value << "\n";
      replaced = true;
    } else {
      out << line << "\n";
    }
  }
  if (!replaced) out << key << "=" << value << "\n";
  return write_private_file(env_file, out.str());
}

}  // namespace core
