// Fault: a command run once as root created today's log file, owned by root; the services run as their own user.
// The service user's commands (queue:work, ops:backup, serve) must still start and work, their log lines going to
// stderr (journald) while the file is not writable. And with the log folder prepared as deploy/ does it (the
// service user's group, setgid), a root-created day file stays writable for that group.
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <thread>
#include <filesystem>
#include <fstream>

#include "../integration/support/app_server.hpp"
#include "../integration/support/browser.hpp"
#include "../integration/support/test_files.hpp"
#include "core/crypto.hpp"

extern char** environ;

using testing_support::AppServer;

namespace {

struct RunResult {
  int exit_code = -1;
  std::string out, err;
};

class LogPermissions : public ::testing::Test {
 protected:
  void SetUp() override {
    if (geteuid() != 0) GTEST_SKIP() << "needs root: the test runs a command as another user (the suite runs as root in CI)";
    passwd* user = getpwnam("nobody");
    if (!user) {
      ASSERT_EQ(std::system("useradd --system --no-create-home --shell /usr/sbin/nologin nobody"), 0);
      user = getpwnam("nobody");
    }
    ASSERT_NE(user, nullptr);
    uid_ = user->pw_uid;
    gid_ = user->pw_gid;
    core::crypto_init();
    app_key_ = "base64:" + core::base64_encode(core::random_bytes(32));
  }

  // The day's log file of LOG_CHANNEL=daily (nico_YYYY-MM-DD.log), created by the root-run migrate.
  std::filesystem::path day_file(const AppServer& server) const {
    auto files = testing_support::entries_with_prefix(server.base_path() / "storage/logs", "nico_");
    return files.empty() ? std::filesystem::path() : files.front();
  }

  // Gives the whole base folder to the service user, except the root-created day log file(s).
  void hand_over_to_service_user(const AppServer& server) const {
    for (const auto& item : std::filesystem::recursive_directory_iterator(server.base_path())) {
      if (item.path().parent_path().filename() == "logs" && item.path().filename().string().rfind("nico_", 0) == 0)
        continue;
      ASSERT_EQ(lchown(item.path().c_str(), uid_, gid_), 0) << item.path();
    }
    ASSERT_EQ(chown(server.base_path().c_str(), uid_, gid_), 0);
  }

  struct Child {
    pid_t pid = -1;
    std::filesystem::path out, err;
  };

  // Starts `nico ARGS…` as the service user, with the server's configuration; stdout and stderr go to two files.
  Child start_as_service_user(const AppServer& server, const std::vector<std::string>& args) const {
    std::map<std::string, std::string> env;
    for (char** entry = environ; *entry; ++entry) {
      std::string text = *entry;
      auto eq = text.find('=');
      if (eq != std::string::npos) env[text.substr(0, eq)] = text.substr(eq + 1);
    }
    env["NICO_BASE_PATH"] = server.base_path().string();
    env["NICO_RESOURCE_PATH"] = NICO_SOURCE_DIR;
    env["APP_ENV"] = "testing";
    env["APP_KEY"] = app_key_;
    env["APP_URL"] = "http://127.0.0.1";
    env["LOG_CHANNEL"] = "daily";
    env["APP_LOG_PATH"] = (server.base_path() / "storage/logs/nico.log").string();
    env["PASSWORD_HASH_OPSLIMIT"] = "1";
    env["PASSWORD_HASH_MEMLIMIT_KIB"] = "8192";
    if (!server.using_server_database()) {
      env["DB_CONNECTION"] = "sqlite";
      env["DB_DATABASE"] = (server.base_path() / "storage/database.sqlite").string();
    }
    std::vector<std::string> envp;
    for (const auto& [key, value] : env) envp.push_back(key + "=" + value);
    std::vector<std::string> argv{NICO_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());

    Child child;
    child.out = server.base_path().parent_path() / (server.base_path().filename().string() + ".out");
    child.err = server.base_path().parent_path() / (server.base_path().filename().string() + ".err");
    int out_fd = open(child.out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int err_fd = open(child.err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    child.pid = fork();
    if (child.pid == 0) {
      dup2(out_fd, STDOUT_FILENO);
      dup2(err_fd, STDERR_FILENO);
      if (setgroups(0, nullptr) != 0 || setgid(gid_) != 0 || setuid(uid_) != 0) _exit(126);
      if (chdir(server.base_path().c_str()) != 0) _exit(126);
      std::vector<char*> cargs, cenv;
      for (const auto& a : argv) cargs.push_back(const_cast<char*>(a.c_str()));
      cargs.push_back(nullptr);
      for (const auto& e : envp) cenv.push_back(const_cast<char*>(e.c_str()));
      cenv.push_back(nullptr);
      execve(cargs[0], cargs.data(), cenv.data());
      _exit(127);
    }
    close(out_fd);
    close(err_fd);
    return child;
  }

  static RunResult wait_for(const Child& child) {
    int status = 0;
    waitpid(child.pid, &status, 0);
    RunResult result;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    result.out = testing_support::read_text(child.out);
    result.err = testing_support::read_text(child.err);
    std::filesystem::remove(child.out);
    std::filesystem::remove(child.err);
    return result;
  }

  RunResult run_as_service_user(const AppServer& server, const std::vector<std::string>& args) const {
    return wait_for(start_as_service_user(server, args));
  }

  uid_t uid_ = 0;
  gid_t gid_ = 0;
  std::string app_key_;
};

}  // namespace

TEST_F(LogPermissions, CommandsOfTheServiceUserWorkAfterRootCreatedTheDayFileAndLogToStderr) {
  AppServer server({{"LOG_CHANNEL", "daily"}, {"APP_KEY", app_key_}});  // migrate runs as root
  auto file = day_file(server);
  ASSERT_FALSE(file.empty()) << "root's migrate did not create the day's log file";
  ASSERT_EQ(chmod(file.c_str(), 0644), 0);  // what a root shell (umask 022) leaves: not writable by the user
  auto size_before = std::filesystem::file_size(file);
  hand_over_to_service_user(server);

  for (std::vector<std::string> args : {std::vector<std::string>{"queue:work", "--stop-when-empty"},
                                        std::vector<std::string>{"ops:backup", "--only=db"}}) {
    auto result = run_as_service_user(server, args);
    EXPECT_EQ(result.exit_code, 0) << args[0] << "\nstdout:\n" << result.out << "\nstderr:\n" << result.err;
    EXPECT_NE(result.err.find("testing.WARNING: log file unusable, logging to stderr"), std::string::npos)
        << args[0] << ": " << result.err;
    if (args[0] == "queue:work") {
      EXPECT_NE(result.err.find("testing.INFO: Queue worker started"), std::string::npos) << result.err;
    }
  }

  // The server too: it starts, answers, and stops cleanly.
  auto serve = start_as_service_user(server, {"serve", "--host", "127.0.0.1", "--port", "0"});
  std::string out;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (out.find("http://127.0.0.1:") == std::string::npos && std::chrono::steady_clock::now() < deadline &&
         waitpid(serve.pid, nullptr, WNOHANG) == 0) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    out = testing_support::read_text(serve.out);
  }
  auto at = out.find("http://127.0.0.1:");
  if (at != std::string::npos) {
    testing_support::Browser browser("http://127.0.0.1:" + std::to_string(std::stoi(out.substr(at + 17))));
    EXPECT_EQ(browser.get("/up").status, 200);
  }
  kill(serve.pid, SIGTERM);
  auto served = wait_for(serve);
  EXPECT_NE(at, std::string::npos) << "serve did not start\nstdout:\n" << served.out << "\nstderr:\n" << served.err;
  EXPECT_EQ(served.exit_code, 0) << served.err;
  EXPECT_NE(served.err.find("testing.WARNING: log file unusable, logging to stderr"), std::string::npos) << served.err;

  struct stat info {};
  ASSERT_EQ(stat(file.c_str(), &info), 0);
  EXPECT_EQ(info.st_uid, 0u);
  EXPECT_EQ(std::filesystem::file_size(file), size_before);
}

TEST_F(LogPermissions, ALogsFolderSharedByGroupKeepsARootCreatedDayFileWritableForTheServiceUser) {
  AppServer server({{"APP_KEY", app_key_}});  // LOG_CHANNEL=single: no day file yet
  auto logs = server.base_path() / "storage/logs";
  hand_over_to_service_user(server);
  // As deploy/ prepares it: the service user's group, setgid, group-writable.
  ASSERT_EQ(chmod(logs.c_str(), 02770), 0);
  auto as_root = server.run({"about"}, {{"LOG_CHANNEL", "daily"}, {"APP_KEY", app_key_}});
  ASSERT_EQ(as_root.exit_code, 0) << as_root.output;
  auto file = day_file(server);
  ASSERT_FALSE(file.empty());
  struct stat info {};
  ASSERT_EQ(stat(file.c_str(), &info), 0);
  EXPECT_EQ(info.st_uid, 0u);
  EXPECT_EQ(info.st_gid, gid_);  // inherited from the setgid folder
  EXPECT_NE(info.st_mode & S_IWGRP, 0u) << "root's file is not group-writable";

  auto result = run_as_service_user(server, {"queue:work", "--stop-when-empty"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err.find("log file unusable"), std::string::npos) << result.err;
  EXPECT_NE(testing_support::read_text(file).find("testing.INFO: Queue worker started"), std::string::npos);
}
