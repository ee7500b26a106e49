// fork/exec of `nico` children (see schedule_process.hpp).
#include "infra/schedule_process.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>

namespace infra {

namespace {
constexpr const char* kSelf = "/proc/self/exe";

int exit_code_of(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status); }
}  // namespace

int spawn_nico(const std::vector<std::string>& args) {
  // argv is built before fork: between fork and exec only async-signal-safe calls are allowed.
  std::vector<std::string> storage{"nico"};
  storage.insert(storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& arg : storage) argv.push_back(arg.data());
  argv.push_back(nullptr);

  std::fflush(nullptr);  // so buffered output is not written twice or out of order
  pid_t pid = fork();
  if (pid < 0) throw std::runtime_error(std::string("fork failed: ") + std::strerror(errno));
  if (pid == 0) {
    execv(kSelf, argv.data());
    _exit(127);  // exec failed: the conventional "command not found" code
  }
  return static_cast<int>(pid);
}

int wait_for_exit(int pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) throw std::runtime_error(std::string("waitpid failed: ") + std::strerror(errno));
  }
  return exit_code_of(status);
}

std::optional<int> poll_exit(int pid) {
  int status = 0;
  pid_t done = waitpid(pid, &status, WNOHANG);
  if (done == 0) return std::nullopt;
  if (done < 0) return errno == ECHILD ? std::optional<int>(127) : std::nullopt;
  return exit_code_of(status);
}

int run_nico(const std::vector<std::string>& args) { return wait_for_exit(spawn_nico(args)); }

}  // namespace infra
