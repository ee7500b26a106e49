// Process management for the integration harness (see app_server.hpp).
#include "app_server.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "core/crypto.hpp"

extern char** environ;

namespace testing_support {

namespace {
std::string getenv_or(const char* name, const std::string& fallback) {
  const char* value = std::getenv(name);
  return value && *value ? value : fallback;
}

// Runs argv with envp; stdout+stderr go to `output_fd`. Returns the pid. `open_files_limit` > 0 sets
// RLIMIT_NOFILE (soft and hard) in the child.
int spawn(const std::vector<std::string>& argv, const std::vector<std::string>& envp, int output_fd,
          int open_files_limit = 0) {
  int pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    if (open_files_limit > 0) {
      rlimit limit{static_cast<rlim_t>(open_files_limit), static_cast<rlim_t>(open_files_limit)};
      if (setrlimit(RLIMIT_NOFILE, &limit) != 0) _exit(126);
    }
    dup2(output_fd, STDOUT_FILENO);
    dup2(output_fd, STDERR_FILENO);
    int devnull = open("/dev/null", O_RDONLY);
    dup2(devnull, STDIN_FILENO);
    std::vector<char*> args, env;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    for (const auto& e : envp) env.push_back(const_cast<char*>(e.c_str()));
    env.push_back(nullptr);
    execve(args[0], args.data(), env.data());
    _exit(127);
  }
  return pid;
}
}  // namespace

AppServer::AppServer(std::map<std::string, std::string> extra_env) {
  base_path_ = std::filesystem::temp_directory_path() / ("nico-it-" + core::random_token(10));
  std::filesystem::create_directories(base_path_ / "storage");
  mariadb_ = getenv_or("DB_CONNECTION", "") == "mariadb" || getenv_or("DB_CONNECTION", "") == "mysql";
  postgres_ = getenv_or("DB_CONNECTION", "") == "pgsql";

  env_ = {{"NICO_BASE_PATH", base_path_.string()},
          {"NICO_RESOURCE_PATH", NICO_SOURCE_DIR},
          {"APP_ENV", "testing"},
          {"APP_KEY", "base64:" + core::base64_encode(core::random_bytes(32))},
          {"APP_URL", "http://127.0.0.1"},
          {"LOG_CHANNEL", "single"},
          {"APP_LOG_PATH", (base_path_ / "storage/logs/nico.log").string()},
          {"PASSWORD_HASH_OPSLIMIT", "1"},
          {"PASSWORD_HASH_MEMLIMIT_KIB", "8192"},
          {"SERVER_WORKERS", "4"},
          // Every store page reads the catalog version, so a write in plain SQL by a test shows on the next page
          // (catalog_cache_test.cpp and guest_pages_test.cpp run with other values). On MariaDB/PostgreSQL this also
          // turns kept guest pages off; on SQLite they stay on (any commit ends their trust).
          {"CATALOG_VERSION_REUSE_MS", "0"},
          // The admin list counts repairs per status on every page, so repairs a test inserts in SQL show at once
          // (repair_status_counts_test.cpp runs with the reuse on).
          {"REPAIR_COUNTS_REUSE_MS", "0"},
          // A second pooled connection inside a unit of work fails loudly (std::logic_error → 500) in every test.
          {"NICO_STRICT_LEASES", "1"}};
  if (using_server_database()) {
    for (const char* key : {"DB_CONNECTION", "DB_HOST", "DB_PORT", "DB_DATABASE", "DB_USERNAME", "DB_PASSWORD"})
      env_[key] = getenv_or(key, "");
  } else {
    env_["DB_CONNECTION"] = "sqlite";
    env_["DB_DATABASE"] = (base_path_ / "storage/database.sqlite").string();
  }
  for (auto& [key, value] : extra_env) env_[key] = value;

  if (using_server_database()) {
    auto wiped = run({"db:wipe", "--force"});
    if (wiped.exit_code != 0) throw std::runtime_error("db:wipe failed: " + wiped.output);
  }
  auto migrated = run({"migrate", "--force"});
  if (migrated.exit_code != 0) throw std::runtime_error("migrate failed: " + migrated.output);
}

AppServer::~AppServer() {
  stop();
  database_.reset();
  std::error_code ignored;
  std::filesystem::remove_all(base_path_, ignored);
}

std::vector<std::string> AppServer::environment(const std::map<std::string, std::string>& more) const {
  std::map<std::string, std::string> merged;
  for (char** entry = environ; *entry; ++entry) {
    std::string text = *entry;
    auto eq = text.find('=');
    if (eq != std::string::npos) merged[text.substr(0, eq)] = text.substr(eq + 1);
  }
  for (const auto& [k, v] : env_) merged[k] = v;
  for (const auto& [k, v] : more) merged[k] = v;
  std::vector<std::string> out;
  for (const auto& [k, v] : merged) out.push_back(k + "=" + v);
  return out;
}

CommandResult AppServer::run(const std::vector<std::string>& args, const std::map<std::string, std::string>& more_env) const {
  std::vector<std::string> argv = {NICO_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return capture(argv, more_env);
}

CommandResult AppServer::run_shell(const std::string& line) const {
  // The guide's convention: `nico X` stands for the binary run from the app folder.
  std::string script = std::string("nico() { '") + NICO_BINARY + "' \"$@\"; }\ncd '" + base_path_.string() + "'\n" + line;
  return capture({"/bin/bash", "-c", script}, {});
}

CommandResult AppServer::capture(const std::vector<std::string>& argv, const std::map<std::string, std::string>& more_env) const {
  int fds[2];
  if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
  int pid = spawn(argv, environment(more_env), fds[1]);
  close(fds[1]);
  CommandResult result;
  char buffer[4096];
  ssize_t n;
  while ((n = read(fds[0], buffer, sizeof buffer)) > 0) result.output.append(buffer, static_cast<std::size_t>(n));
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

void AppServer::start() {
  int fds[2];
  if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
  pid_ = spawn({NICO_BINARY, "serve", "--host", "127.0.0.1", "--port", "0"}, environment({}), fds[1], open_files_limit_);
  close(fds[1]);
  // The server prints "… escuchando en http://127.0.0.1:PORT" once listening.
  std::string output;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd pfd{fds[0], POLLIN, 0};
    if (poll(&pfd, 1, 200) > 0) {
      char buffer[1024];
      ssize_t n = read(fds[0], buffer, sizeof buffer);
      if (n <= 0) break;
      output.append(buffer, static_cast<std::size_t>(n));
      auto at = output.find("http://127.0.0.1:");
      if (at != std::string::npos && output.find('\n', at) != std::string::npos) {
        port_ = std::stoi(output.substr(at + 17));
        break;
      }
    }
  }
  // Keep draining the pipe in the background so the server never blocks on a full stdout.
  std::thread([fd = fds[0]] {
    char buffer[1024];
    while (read(fd, buffer, sizeof buffer) > 0) {
    }
    close(fd);
  }).detach();
  if (port_ == 0) {
    stop();
    throw std::runtime_error("nico serve did not start: " + output + log_contents());
  }
}

void AppServer::stop() {
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);
  int status = 0;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (waitpid(pid_, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid_, SIGKILL);
      waitpid(pid_, &status, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  exit_status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  pid_ = -1;
}

void AppServer::kill_hard() {
  if (pid_ <= 0) return;
  kill(pid_, SIGKILL);
  int status = 0;
  waitpid(pid_, &status, 0);
  exit_status_ = 128 + SIGKILL;
  pid_ = -1;
}

db::Database& AppServer::database() {
  if (!database_) {
    db::DatabaseSettings settings;
    settings.pool_size = 1;
    if (using_server_database()) {
      settings.dialect = postgres_ ? db::Dialect::kPostgres : db::Dialect::kMysql;
      settings.host = env_.at("DB_HOST");
      settings.port = std::stoi(env_.at("DB_PORT"));
      settings.database = env_.at("DB_DATABASE");
      settings.username = env_.at("DB_USERNAME");
      settings.password = env_.at("DB_PASSWORD");
    } else {
      settings.sqlite_path = env_.at("DB_DATABASE");
    }
    database_ = std::make_unique<db::Database>(settings);
  }
  return *database_;
}

std::string AppServer::log_contents() const {
  std::ifstream in(env_.at("APP_LOG_PATH"));
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

int AppServer::spawn_command(const std::vector<std::string>& args, const std::map<std::string, std::string>& more_env) const {
  std::filesystem::create_directories(base_path_ / "storage/logs");
  int output = open((base_path_ / "storage/logs/spawned.log").c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (output < 0) throw std::runtime_error("cannot open spawned.log");
  std::vector<std::string> argv = {NICO_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  int pid = spawn(argv, environment(more_env), output);
  close(output);
  return pid;
}

void AppServer::start_with_open_files_limit(int open_files) {
  open_files_limit_ = open_files;
  start();
  open_files_limit_ = 0;
}

}  // namespace testing_support
