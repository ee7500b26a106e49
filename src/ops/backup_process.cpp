// Child processes for the database client tools (see backup_process.hpp): posix_spawn, two pipes, poll, deadline.
#include "ops/backup_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <stdexcept>
#include <thread>

#include "core/strings.hpp"
#include "core/unique_fd.hpp"

extern char** environ;

namespace ops {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr std::size_t kStderrKeepBytes = 8 * 1024;

struct Pipe {
  core::UniqueFd read_end, write_end;
  Pipe() {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error(std::string("pipe failed: ") + std::strerror(errno));
    read_end.reset(fds[0]);
    write_end.reset(fds[1]);
  }
};

struct SpawnActions {
  posix_spawn_file_actions_t actions;
  SpawnActions() { posix_spawn_file_actions_init(&actions); }
  ~SpawnActions() { posix_spawn_file_actions_destroy(&actions); }
};

struct SpawnAttributes {
  posix_spawnattr_t attributes;
  SpawnAttributes() { posix_spawnattr_init(&attributes); }
  ~SpawnAttributes() { posix_spawnattr_destroy(&attributes); }
};

std::vector<std::string> child_environment(const std::map<std::string, std::string>& extra) {
  std::vector<std::string> entries;
  for (char** entry = environ; *entry; ++entry) {
    std::string text = *entry;
    auto eq = text.find('=');
    if (eq != std::string::npos && extra.count(text.substr(0, eq))) continue;
    entries.push_back(std::move(text));
  }
  for (const auto& [key, value] : extra) entries.push_back(key + "=" + value);
  return entries;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (auto& text : strings) out.push_back(text.data());
  out.push_back(nullptr);
  return out;
}

int decode_status(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

// The child leads its own process group, so killing the group also stops anything it started.
void kill_child(pid_t pid) {
  ::kill(-pid, SIGKILL);
  ::kill(pid, SIGKILL);
}

int wait_child(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return decode_status(status);
}

bool is_executable_file(const fs::path& path) {
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode) && ::access(path.c_str(), X_OK) == 0;
}

}  // namespace

ProcessResult run_process(const ProcessSpec& spec, const std::function<void(std::string_view)>& on_stdout) {
  if (spec.argv.empty()) throw std::runtime_error("no program to run");
  Pipe out, err;
  std::string stdin_path = spec.stdin_file.empty() ? "/dev/null" : spec.stdin_file.string();
  core::UniqueFd in(::open(stdin_path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!in.valid()) throw std::runtime_error("cannot open " + stdin_path + ": " + std::strerror(errno));

  SpawnActions actions;
  posix_spawn_file_actions_adddup2(&actions.actions, in.get(), STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions.actions, out.write_end.get(), STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions.actions, err.write_end.get(), STDERR_FILENO);
  if (!spec.working_directory.empty())
    posix_spawn_file_actions_addchdir_np(&actions.actions, spec.working_directory.c_str());

  SpawnAttributes attributes;
  sigset_t defaults;
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGPIPE);  // a caller that ignores SIGPIPE must not pass that on to the tool
  posix_spawnattr_setsigdefault(&attributes.attributes, &defaults);
  posix_spawnattr_setpgroup(&attributes.attributes, 0);
  posix_spawnattr_setflags(&attributes.attributes, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP);

  std::vector<std::string> argv_strings = spec.argv;
  std::vector<std::string> env_strings = child_environment(spec.extra_env);
  auto argv = pointers(argv_strings);
  auto envp = pointers(env_strings);
  pid_t pid = -1;
  int rc = posix_spawn(&pid, argv[0], &actions.actions, &attributes.attributes, argv.data(), envp.data());
  if (rc != 0) throw std::runtime_error("cannot run " + spec.argv[0] + ": " + std::strerror(rc));
  out.write_end.reset();
  err.write_end.reset();
  in.reset();

  ProcessResult result;
  auto deadline = Clock::now() + std::chrono::seconds(spec.timeout_seconds);
  std::vector<char> buffer(1 << 16);
  try {
    while (out.read_end.get() >= 0 || err.read_end.get() >= 0) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
      if (left <= 0) {
        result.timed_out = true;
        break;
      }
      pollfd fds[2] = {{out.read_end.get(), POLLIN, 0}, {err.read_end.get(), POLLIN, 0}};
      int ready = ::poll(fds, 2, static_cast<int>(std::min<long long>(left, 1000)));
      if (ready < 0 && errno == EINTR) continue;
      if (ready < 0) throw std::runtime_error(std::string("poll failed: ") + std::strerror(errno));
      for (int i = 0; i < 2; ++i) {
        if (fds[i].fd < 0 || fds[i].revents == 0) continue;
        ssize_t n = ::read(fds[i].fd, buffer.data(), buffer.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
          (i == 0 ? out.read_end : err.read_end).reset();
          continue;
        }
        std::string_view chunk(buffer.data(), static_cast<std::size_t>(n));
        if (i == 0) {
          if (on_stdout) on_stdout(chunk);
        } else {
          result.error_output.append(chunk);
          if (result.error_output.size() > 2 * kStderrKeepBytes)
            result.error_output.erase(0, result.error_output.size() - kStderrKeepBytes);
        }
      }
    }
    // Both pipes closed: the child is exiting. It still gets the rest of the deadline to do so.
    while (!result.timed_out) {
      int status = 0;
      pid_t done = ::waitpid(pid, &status, WNOHANG);
      if (done == pid) {
        result.exit_code = decode_status(status);
        return result;
      }
      if (Clock::now() >= deadline) {
        result.timed_out = true;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  } catch (...) {
    kill_child(pid);
    wait_child(pid);
    throw;
  }
  kill_child(pid);
  result.exit_code = wait_child(pid);
  return result;
}

std::optional<fs::path> find_executable(const std::string& name, const fs::path& base_path) {
  if (name.empty()) return std::nullopt;
  if (name.find('/') != std::string::npos) {
    fs::path path(name);
    if (path.is_relative()) path = base_path / path;
    if (is_executable_file(path)) return path;
    return std::nullopt;
  }
  const char* search = std::getenv("PATH");
  for (const auto& directory : core::split_csv(search ? search : "/usr/local/bin:/usr/bin:/bin", ':')) {
    fs::path candidate = fs::path(directory) / name;
    if (is_executable_file(candidate)) return candidate;
  }
  return std::nullopt;
}

std::string one_line(std::string_view text) {
  std::string flat;
  for (char c : text) flat += (c == '\r' || c == '\n') ? ' ' : c;
  flat = core::trim(flat);
  if (flat.size() > 500) flat = flat.substr(0, 497) + "...";
  return flat;
}

}  // namespace ops
