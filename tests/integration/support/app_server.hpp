// Test harness: runs the real `nico` binary against a throwaway database and talks to it over HTTP.
// The database is a temporary SQLite file, or the MariaDB that scripts/with-mariadb.sh started when
// DB_CONNECTION=mariadb is in the environment, or the PostgreSQL of scripts/with-postgres.sh when
// DB_CONNECTION=pgsql (the same suite then runs on that server).
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "db/database.hpp"

namespace testing_support {

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout + stderr
};

class AppServer final {
 public:
  // Prepares a base directory, wipes and migrates the database. Call start() to serve.
  explicit AppServer(std::map<std::string, std::string> extra_env = {});
  ~AppServer();

  void start();
  void stop();  // SIGTERM and wait; returns when the process exited
  // SIGKILL and reap (a crash: no drain, no destructors). start() may be called again afterwards.
  void kill_hard();
  int pid() const { return pid_; }  // of the running `nico serve`, -1 when stopped
  int exit_status() const { return exit_status_; }
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  int port() const { return port_; }

  // Runs `nico ARGS…` with the same environment; captures output.
  CommandResult run(const std::vector<std::string>& args, const std::map<std::string, std::string>& more_env = {}) const;
  // Runs one shell line as an operator would type it in the app folder, with `nico` meaning this binary (the
  // operations guide's convention), for tests that follow docs/OPERACION_PRODUCCION.md literally.
  CommandResult run_shell(const std::string& line) const;
  // A connection to the same database, for asserting rows.
  db::Database& database();
  const std::filesystem::path& base_path() const { return base_path_; }
  bool using_mariadb() const { return mariadb_; }
  bool using_postgres() const { return postgres_; }
  bool using_server_database() const { return mariadb_ || postgres_; }  // not an SQLite file
  std::string log_contents() const;

  // start() with RLIMIT_NOFILE (soft and hard) set to `open_files` in the child before exec, like `ulimit -n` in
  // the service's shell: the server cannot raise it above that. For the fault suite's descriptor exhaustion.
  void start_with_open_files_limit(int open_files);

 private:
  std::vector<std::string> environment(const std::map<std::string, std::string>& more) const;
  CommandResult capture(const std::vector<std::string>& argv, const std::map<std::string, std::string>& more_env) const;
  std::map<std::string, std::string> env_;
  std::filesystem::path base_path_;
  std::unique_ptr<db::Database> database_;
  int pid_ = -1;
  int port_ = 0;
  int exit_status_ = -1;
  bool mariadb_ = false;
  bool postgres_ = false;
  int open_files_limit_ = 0;  // 0: inherit the test's limit

 public:
  // Starts `nico ARGS…` with the same environment and returns its pid at once (a worker to crash mid-job, say).
  // Output is appended to storage/logs/spawned.log. The caller ends and reaps it (kill + waitpid).
  int spawn_command(const std::vector<std::string>& args, const std::map<std::string, std::string>& more_env = {}) const;
};

}  // namespace testing_support
