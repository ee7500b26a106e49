// Files that hold secrets keep private modes (.env after key:generate, the frozen configuration, snapshots), and
// permission errors name the path, the missing permission and the user instead of "missing" or "not found".
// Tests run as root, whom permission bits do not stop: the commands that must meet a permission error run in a
// child that dropped to the user nobody first (as the service user would be).
#include <gtest/gtest.h>

#include <grp.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/file_access.hpp"
#include "support/app_server.hpp"

using testing_support::AppServer;
using testing_support::CommandResult;

namespace fs = std::filesystem;

namespace {

constexpr uid_t kNobody = 65534;

unsigned mode_of(const fs::path& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return 07777;
  return info.st_mode & 0777;
}

void write_file(const fs::path& path, const std::string& text, mode_t mode) {
  { std::ofstream(path, std::ios::trunc) << text; }
  ::chmod(path.c_str(), mode);
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// `nico ARGS…` as the user nobody when the test runs as root (else as the current user, whom the bits already stop).
// The drop happens in a forked child that then uses the harness as usual and hands the result back through a pipe.
CommandResult run_unprivileged(const AppServer& server, const std::vector<std::string>& args) {
  if (::geteuid() != 0) return server.run(args);
  int fds[2];
  if (::pipe(fds) != 0) throw std::runtime_error("pipe failed");
  pid_t pid = ::fork();
  if (pid == 0) {
    ::close(fds[0]);
    if (::setgroups(0, nullptr) != 0 || ::setgid(kNobody) != 0 || ::setuid(kNobody) != 0) ::_exit(99);
    auto result = server.run(args);
    std::string message = std::to_string(result.exit_code) + "\n" + result.output;
    ssize_t ignored = ::write(fds[1], message.data(), message.size());
    (void)ignored;
    ::_exit(0);
  }
  ::close(fds[1]);
  std::string received;
  char buffer[4096];
  ssize_t n;
  while ((n = ::read(fds[0], buffer, sizeof buffer)) > 0) received.append(buffer, static_cast<std::size_t>(n));
  ::close(fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  CommandResult result;
  auto newline = received.find('\n');
  if (newline == std::string::npos) return result;
  result.exit_code = std::stoi(received.substr(0, newline));
  result.output = received.substr(newline + 1);
  return result;
}

std::string unprivileged_user() { return ::geteuid() == 0 ? "nobody" : core::effective_user_name(); }

fs::path only_snapshot(const AppServer& server) {
  for (const auto& entry : fs::directory_iterator(server.base_path() / "storage/app/backups"))
    if (entry.path().filename().string().rfind("backup_", 0) == 0) return entry.path();
  return {};
}

}  // namespace

TEST(Permissions, KeyGenerateTightensAWorldReadableEnvTo600AndKeepsItsOwner) {
  AppServer server;
  auto env = server.base_path() / ".env";
  write_file(env, "APP_NAME=NicoReparaciones\nDB_PASSWORD=secreta\n", 0644);
  if (::geteuid() == 0) ASSERT_EQ(::chown(env.c_str(), kNobody, kNobody), 0);

  auto generated = server.run({"key:generate"});
  EXPECT_EQ(generated.exit_code, 0) << generated.output;
  EXPECT_NE(generated.output.find("(mode 600)"), std::string::npos) << generated.output;
  EXPECT_EQ(mode_of(env), 0600u);
  struct stat info {};
  ASSERT_EQ(::stat(env.c_str(), &info), 0);
  if (::geteuid() == 0) EXPECT_EQ(info.st_uid, kNobody);  // the service user can still read its own .env
  auto text = read_file(env);
  EXPECT_NE(text.find("APP_NAME=NicoReparaciones\nDB_PASSWORD=secreta\nAPP_KEY=base64:"), std::string::npos) << text;
  EXPECT_FALSE(fs::exists(server.base_path() / ".env.tmp"));
}

TEST(Permissions, KeyGenerateKeepsAPrivateModeTheOperatorChose) {
  AppServer server;
  auto env = server.base_path() / ".env";
  write_file(env, "APP_NAME=NicoReparaciones\n", 0640);  // shared with the service group on purpose
  auto generated = server.run({"key:generate"});
  EXPECT_EQ(generated.exit_code, 0) << generated.output;
  EXPECT_EQ(mode_of(env), 0640u);
  auto again = server.run({"key:generate", "--force"});
  EXPECT_EQ(again.exit_code, 0) << again.output;
  EXPECT_EQ(mode_of(env), 0640u);
}

TEST(Permissions, OptimizeWritesTheFrozenConfigurationWithMode600) {
  AppServer server;
  auto optimized = server.run({"optimize"});
  EXPECT_EQ(optimized.exit_code, 0) << optimized.output;
  EXPECT_NE(optimized.output.find("(mode 600)"), std::string::npos) << optimized.output;
  EXPECT_EQ(mode_of(server.base_path() / "storage/framework/config.frozen"), 0600u);
  EXPECT_EQ(server.run({"optimize:clear"}).exit_code, 0);
}

TEST(Permissions, SnapshotsAreOwnerOnly) {
  AppServer server;
  auto backup = server.run({"ops:backup"});
  ASSERT_EQ(backup.exit_code, 0) << backup.output;
  auto snapshot = only_snapshot(server);
  ASSERT_FALSE(snapshot.empty());
  EXPECT_EQ(mode_of(snapshot), 0700u);
  EXPECT_EQ(mode_of(snapshot / "manifest.json"), 0600u);
  for (const auto& entry : fs::directory_iterator(snapshot)) {
    if (entry.is_regular_file()) EXPECT_EQ(mode_of(entry.path()), 0600u) << entry.path();
  }
}

TEST(Permissions, AnUnreadableSnapshotIsAPermissionErrorNotAMissingManifest) {
  AppServer server;
  ASSERT_EQ(server.run({"ops:backup", "--only=db"}).exit_code, 0);
  auto snapshot = only_snapshot(server);
  ASSERT_FALSE(snapshot.empty());
  if (::geteuid() != 0) fs::permissions(snapshot, fs::perms::none);

  auto verify = run_unprivileged(server, {"ops:backup:verify", snapshot.filename().string()});
  if (::geteuid() != 0) fs::permissions(snapshot, fs::perms::owner_all);
  EXPECT_EQ(verify.exit_code, 1) << verify.output;
  EXPECT_NE(verify.output.find("Permission denied reading " + (snapshot / "manifest.json").string()), std::string::npos)
      << verify.output;
  EXPECT_NE(verify.output.find("need execute permission on " + snapshot.string() + " as user " + unprivileged_user()),
            std::string::npos)
      << verify.output;
  EXPECT_EQ(verify.output.find("missing"), std::string::npos) << verify.output;
}

TEST(Permissions, AnUnlistableBackupFolderIsAPermissionErrorNotNoSnapshots) {
  AppServer server;
  ASSERT_EQ(server.run({"ops:backup", "--only=db"}).exit_code, 0);
  auto root = server.base_path() / "storage/app/backups";
  fs::permissions(root, fs::perms::owner_all);  // 700, root's (or this user's with no bits left)
  if (::geteuid() != 0) fs::permissions(root, fs::perms::none);

  auto verify = run_unprivileged(server, {"ops:backup:verify"});
  auto restore = run_unprivileged(server, {"ops:restore", "latest", "--drill"});
  if (::geteuid() != 0) fs::permissions(root, fs::perms::owner_all);
  std::string expected = "Permission denied listing " + root.string() +
                         " (need read and execute permission on the folder as user " + unprivileged_user() + ")";
  EXPECT_EQ(verify.exit_code, 1) << verify.output;
  EXPECT_NE(verify.output.find(expected), std::string::npos) << verify.output;
  EXPECT_EQ(verify.output.find("No snapshots found"), std::string::npos) << verify.output;
  EXPECT_EQ(restore.exit_code, 1) << restore.output;
  EXPECT_NE(restore.output.find(expected), std::string::npos) << restore.output;
}

TEST(Permissions, ABackupFolderThatCannotBeWrittenSaysWhoNeedsWhat) {
  AppServer server;
  auto root = server.base_path() / "storage/app/backups";
  fs::create_directories(root);
  fs::permissions(root, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                            fs::perms::others_read | fs::perms::others_exec);  // 755: readable, not writable by others
  if (::geteuid() != 0) fs::permissions(root, fs::perms::owner_read | fs::perms::owner_exec);

  auto backup = run_unprivileged(server, {"ops:backup", "--only=db"});
  if (::geteuid() != 0) fs::permissions(root, fs::perms::owner_all);
  EXPECT_EQ(backup.exit_code, 1) << backup.output;
  EXPECT_NE(backup.output.find("Permission denied writing to " + root.string() +
                               " (need write and execute permission on the folder as user " + unprivileged_user() + ")"),
            std::string::npos)
      << backup.output;
}

TEST(Permissions, AnUnreadableEnvIsAnErrorNotAnEmptyConfiguration) {
  AppServer server;
  auto env = server.base_path() / ".env";
  write_file(env, "APP_NAME=NicoReparaciones\n", 0600);
  if (::geteuid() != 0) fs::permissions(env, fs::perms::none);
  auto about = run_unprivileged(server, {"about"});
  if (::geteuid() != 0) fs::permissions(env, fs::perms::owner_read | fs::perms::owner_write);
  EXPECT_NE(about.exit_code, 0) << about.output;
  EXPECT_NE(about.output.find("Permission denied reading " + env.string() + " (need read permission as user " +
                              unprivileged_user() + ")"),
            std::string::npos)
      << about.output;
}
