// Permission diagnostics for paths (see file_access.hpp).
#include "core/file_access.hpp"

#include <fcntl.h>
#include <pwd.h>
#include <unistd.h>

#include <cerrno>
#include <vector>

namespace core {

namespace {

bool can(const std::filesystem::path& path, int mode) { return ::faccessat(AT_FDCWD, path.c_str(), mode, AT_EACCESS) == 0; }

const char* verb(Access access) {
  switch (access) {
    case Access::kRead: return "reading";
    case Access::kWrite: return "writing to";
    case Access::kList: return "listing";
  }
  return "using";
}

const char* needed(Access access) {
  switch (access) {
    case Access::kRead: return "read permission";
    case Access::kWrite: return "write and execute permission on the folder";
    case Access::kList: return "read and execute permission on the folder";
  }
  return "permission";
}

int mode_for(Access access) {
  switch (access) {
    case Access::kRead: return R_OK;
    case Access::kWrite: return W_OK | X_OK;
    case Access::kList: return R_OK | X_OK;
  }
  return R_OK;
}

}  // namespace

bool is_permission_error(int error_number) { return error_number == EACCES || error_number == EPERM; }

bool is_permission_error(const std::error_code& error) {
  return error == std::errc::permission_denied || error == std::errc::operation_not_permitted;
}

std::string effective_user_name() {
  uid_t uid = ::geteuid();
  std::vector<char> buffer(4096);
  passwd entry{};
  passwd* found = nullptr;
  if (::getpwuid_r(uid, &entry, buffer.data(), buffer.size(), &found) == 0 && found && found->pw_name)
    return found->pw_name;
  return "uid " + std::to_string(uid);
}

std::optional<std::string> permission_problem(const std::filesystem::path& path, Access access) {
  auto absolute = std::filesystem::absolute(path).lexically_normal();
  std::string user = effective_user_name();
  // A folder on the way that cannot be searched hides everything below it: name that folder.
  std::filesystem::path walked;
  for (auto part = absolute.begin(); part != absolute.end(); ++part) {
    if (std::next(part) == absolute.end()) break;
    walked /= *part;
    if (!can(walked, X_OK)) {
      if (!is_permission_error(errno)) return std::nullopt;
      return "Permission denied " + std::string(verb(access)) + " " + absolute.string() + " (need execute permission on " +
             walked.string() + " as user " + user + ")";
    }
  }
  if (can(absolute, mode_for(access))) return std::nullopt;
  if (!is_permission_error(errno)) return std::nullopt;
  return "Permission denied " + std::string(verb(access)) + " " + absolute.string() + " (need " + needed(access) +
         " as user " + user + ")";
}

}  // namespace core
