// `nico ops:backup` as an operator (and cron) uses it, on the suite's engine (SQLite file or the throwaway MariaDB):
// snapshots that verify, validation messages, failures that leave nothing looking valid, retention, a crash
// mid-way, and consistency while the database is being written.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <regex>
#include <sstream>
#include <thread>

#include "core/crypto.hpp"
#include "core/strings.hpp"
#include "ops/backup_io.hpp"
#include "ops/backup_retention.hpp"
#include "ops/restore_postgres.hpp"
#include "ops/snapshot_catalog.hpp"
#include "ops/snapshot_manifest.hpp"
#include "support/app_server.hpp"
#include "support/test_files.hpp"

using testing_support::AppServer;
using testing_support::entries_with_prefix;
using testing_support::read_text;
using testing_support::CommandResult;
namespace fs = std::filesystem;

extern char** environ;

namespace {

constexpr const char* kZone = "America/Argentina/Cordoba";



int count_lines(const std::string& text) { return static_cast<int>(std::count(text.begin(), text.end(), '\n')); }

bool contains(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

class Backup : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = std::make_unique<AppServer>();
    root_ = server_->base_path() / "storage/app/backups";
    uploads_ = server_->base_path() / "storage/app/public";
    fs::create_directories(uploads_ / "repairs/2026");
    fs::create_directories(uploads_ / "empty-folder");
    std::ofstream(uploads_ / "logo.txt") << "logo del taller";
    std::ofstream(uploads_ / "repairs/2026/foto.jpg") << std::string(5000, 'j');
  }

  // A business setting row; the column is named `key`, quoted per dialect.
  void insert_setting(soci::session& sql, const std::string& key, const std::string& value) {
    std::string column = server_->using_mariadb() ? "`key`" : "\"key\"";
    sql << "INSERT INTO business_settings (" + column + ", value) VALUES (:k, :v)", soci::use(key), soci::use(value);
  }

  long long count_settings_like(const std::string& pattern) {
    long long count = 0;
    server_->database().lease()->once << "SELECT COUNT(*) FROM business_settings WHERE value LIKE :p", soci::use(pattern),
        soci::into(count);
    return count;
  }

  fs::path only_snapshot() {
    auto snapshots = entries_with_prefix(root_, "backup_");
    EXPECT_EQ(snapshots.size(), 1u);
    return snapshots.empty() ? fs::path() : snapshots.back();
  }

  // A complete snapshot renamed to an old timestamp: fabricated history with a readable manifest.
  fs::path make_old_snapshot(const std::string& name) {
    auto before = entries_with_prefix(root_, "backup_");
    auto result = server_->run({"ops:backup", "--only=files", "--retention-days=0"});
    EXPECT_EQ(result.exit_code, 0) << result.output;
    for (const auto& snapshot : entries_with_prefix(root_, "backup_")) {
      if (std::find(before.begin(), before.end(), snapshot) == before.end()) {
        fs::rename(snapshot, root_ / name);
        return root_ / name;
      }
    }
    ADD_FAILURE() << "no new snapshot";
    return {};
  }

  std::unique_ptr<AppServer> server_;
  fs::path root_, uploads_;
};

TEST_F(Backup, CreatesASnapshotWhoseManifestDescribesEveryArtifact) {
  auto result = server_->run({"ops:backup", "--only=all"});
  ASSERT_EQ(result.exit_code, 0) << result.output;
  auto snapshot = only_snapshot();
  EXPECT_TRUE(std::regex_match(snapshot.filename().string(), std::regex(R"(backup_\d{8}_\d{6})")));
  EXPECT_TRUE(contains(result.output, "Backup completed: storage/app/backups/" + snapshot.filename().string() + "\n"))
      << result.output;
  EXPECT_TRUE(entries_with_prefix(root_, ".tmp-backup_").empty());

  const std::string db_file = server_->using_server_database() ? "database.sql" : "database.sqlite";
  EXPECT_TRUE(fs::is_regular_file(snapshot / db_file));
  EXPECT_EQ(read_text(snapshot / "files/logo.txt"), "logo del taller");
  EXPECT_TRUE(fs::is_directory(snapshot / "files/empty-folder"));

  auto json = read_text(snapshot / "manifest.json");
  // Reference key order, 4-space pretty print, unescaped slashes, no trailing newline.
  auto at = [&](const char* key) { return json.find(std::string("\"") + key + "\""); };
  EXPECT_LT(at("created_at"), at("scope"));
  EXPECT_LT(at("scope"), at("retention_days"));
  EXPECT_LT(at("retention_days"), at("database_connection"));
  EXPECT_LT(at("database_connection"), at("artifacts"));
  EXPECT_TRUE(contains(json, "\n    \"scope\": \"all\""));
  EXPECT_TRUE(contains(json, "storage/app/backups/"));
  EXPECT_NE(json.back(), '\n');

  auto manifest = ops::read_manifest(snapshot);
  EXPECT_EQ(manifest.scope, "all");
  EXPECT_EQ(manifest.retention_days, 14);
  EXPECT_EQ(manifest.database_connection, server_->using_mariadb() ? "mariadb" : server_->using_postgres() ? "pgsql" : "sqlite");
  EXPECT_TRUE(std::regex_match(manifest.created_at, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-03:00)")));
  // The newest migration that ran (every area adds its own, so the name is read, not hard-coded).
  std::string latest_migration;
  server_->database().lease()->once << "SELECT MAX(migration) FROM migrations", soci::into(latest_migration);
  EXPECT_EQ(manifest.schema_version.value_or(""), latest_migration);
  EXPECT_FALSE(manifest.app_version.empty());
  ASSERT_EQ(manifest.artifacts.size(), 2u);
  const auto& database = manifest.artifacts[0];
  EXPECT_EQ(database.type, "database");
  EXPECT_EQ(database.path, "storage/app/backups/" + snapshot.filename().string() + "/" + db_file);
  auto digest = ops::digest_file(snapshot / db_file);
  EXPECT_EQ(database.size_bytes, digest.size_bytes);
  EXPECT_EQ(database.sha256, digest.sha256);
  const auto& files = manifest.artifacts[1];
  EXPECT_EQ(files.type, "files");
  EXPECT_EQ(files.files_copied, 2);
  EXPECT_EQ(files.size_bytes, 15 + 5000);
  EXPECT_EQ(files.sha256.size(), 64u);

  auto verify = server_->run({"ops:backup:verify"});
  EXPECT_EQ(verify.exit_code, 0) << verify.output;
  EXPECT_TRUE(contains(verify.output, "Summary: ")) << verify.output;
  EXPECT_TRUE(contains(verify.output, " 0 FAIL")) << verify.output;
  EXPECT_TRUE(contains(verify.output, server_->using_server_database() ? "-- Dump completed" : "quick_check: ok"))
      << verify.output;
}

TEST_F(Backup, OnlyScopesPickTheArtifactsCaseInsensitively) {
  auto db_only = server_->run({"ops:backup", "--only=DB"});
  ASSERT_EQ(db_only.exit_code, 0) << db_only.output;
  auto snapshot = only_snapshot();
  auto manifest = ops::read_manifest(snapshot);
  EXPECT_EQ(manifest.scope, "db");
  ASSERT_EQ(manifest.artifacts.size(), 1u);
  EXPECT_EQ(manifest.artifacts[0].type, "database");
  EXPECT_FALSE(fs::exists(snapshot / "files"));
  fs::remove_all(snapshot);

  auto files_only = server_->run({"ops:backup", "--only=files"});
  ASSERT_EQ(files_only.exit_code, 0) << files_only.output;
  manifest = ops::read_manifest(only_snapshot());
  EXPECT_EQ(manifest.scope, "files");
  ASSERT_EQ(manifest.artifacts.size(), 1u);
  EXPECT_EQ(manifest.artifacts[0].type, "files");
  EXPECT_FALSE(manifest.schema_version.has_value());
}

TEST_F(Backup, AbsoluteBackupAndSourcePathsAreHonoured) {
  fs::path elsewhere = fs::temp_directory_path() / ("nico-bk-abs-" + core::random_token(8));
  fs::create_directories(elsewhere / "uploads");
  std::ofstream(elsewhere / "uploads/a.txt") << "a";
  auto result = server_->run({"ops:backup"}, {{"OPS_BACKUP_PATH", (elsewhere / "backups").string()},
                                             {"OPS_BACKUP_FILES_SOURCE", (elsewhere / "uploads").string()}});
  ASSERT_EQ(result.exit_code, 0) << result.output;
  auto snapshots = entries_with_prefix(elsewhere / "backups", "backup_");
  ASSERT_EQ(snapshots.size(), 1u);
  EXPECT_TRUE(contains(result.output, "Backup completed: " + snapshots[0].string())) << result.output;
  EXPECT_EQ(read_text(snapshots[0] / "files/a.txt"), "a");
  EXPECT_EQ(server_->run({"ops:backup:verify", snapshots[0].string()}).exit_code, 0);
  fs::remove_all(elsewhere);
}

TEST_F(Backup, UnknownOnlyIsRejectedBeforeAnythingElse) {
  for (std::vector<std::string> args : {std::vector<std::string>{"ops:backup", "--only=everything"},
                                        std::vector<std::string>{"ops:backup", "--only=x", "--prune-only"}}) {
    auto result = server_->run(args);
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_EQ(result.output, "Invalid value for --only. Allowed: all, db, files.\n");
  }
  EXPECT_FALSE(fs::exists(root_));  // nothing was created
}

TEST_F(Backup, NegativeOrNonNumericRetentionIsRejected) {
  for (const char* value : {"--retention-days=-1", "--retention-days=abc", "--retention-days=3x"}) {
    auto result = server_->run({"ops:backup", value});
    EXPECT_EQ(result.exit_code, 1) << value;
    EXPECT_EQ(result.output, "Invalid retention value. Use 0 or greater.\n") << value;
  }
  EXPECT_TRUE(entries_with_prefix(root_, "backup_").empty());
}

TEST_F(Backup, UnwritableBackupPathIsASetupFailure) {
  // A path below a regular file cannot be created, even by root (the suite may run as root, where chmod is moot).
  // A relative value is read from storage/ (the ops guide's rule), so the obstacle is there.
  std::ofstream(server_->base_path() / "storage/not-a-folder") << "x";
  auto result = server_->run({"ops:backup"}, {{"OPS_BACKUP_PATH", "not-a-folder/backups"}});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.output.rfind("Backup setup failed: ", 0), 0u) << result.output;
  EXPECT_EQ(count_lines(result.output), 1) << result.output;
  EXPECT_TRUE(contains(server_->log_contents(), "CRITICAL")) << "the failure reaches the ops log";
}

TEST_F(Backup, FailedSnapshotLeavesNothingBehindAndIsLogged) {
  // The broken setting is a missing dump binary (MariaDB) or file (SQLite); pg_dump is found without a setting.
  if (server_->using_postgres()) GTEST_SKIP() << "no PostgreSQL setting to break (pg_dump is located, not configured)";
  std::map<std::string, std::string> broken;
  std::string expected;
  if (server_->using_mariadb()) {
    broken = {{"MYSQLDUMP_BINARY", "/nonexistent/mariadb-dump"}};
    expected = "Backup failed: mysqldump binary not found. Set MYSQLDUMP_BINARY in .env with a valid executable path.";
  } else {
    broken = {{"DB_DATABASE", (server_->base_path() / "storage/missing.sqlite").string()}};
    expected = "Backup failed: SQLite database file does not exist: ";
  }
  auto result = server_->run({"ops:backup"}, broken);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.output.rfind(expected, 0), 0u) << result.output;
  EXPECT_EQ(count_lines(result.output), 1) << result.output;
  EXPECT_TRUE(entries_with_prefix(root_, "backup_").empty());
  EXPECT_TRUE(entries_with_prefix(root_, ".tmp-backup_").empty());
  auto log = read_text(root_ / "backup-error.log");
  EXPECT_TRUE(std::regex_search(log, std::regex(R"(^\[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\] backup_\d{8}_\d{6}: )")))
      << log;
  EXPECT_TRUE(contains(log, expected.substr(std::string("Backup failed: ").size()))) << log;
  if (!server_->using_server_database()) {
    EXPECT_FALSE(fs::exists(server_->base_path() / "storage/missing.sqlite"));
  }

  // A second failure appends; a later good run still works and prunes nothing on failure.
  server_->run({"ops:backup"}, broken);
  EXPECT_EQ(count_lines(read_text(root_ / "backup-error.log")), 2);
  EXPECT_EQ(server_->run({"ops:backup"}).exit_code, 0);
}

TEST_F(Backup, DumpToolGetsThePasswordOnlyThroughTheEnvironmentAndIsKilledAtTheTimeout) {
  if (!server_->using_mariadb()) GTEST_SKIP() << "MariaDB only (run under scripts/with-mariadb.sh)";
  // A wrapper that records what it was given, then behaves like the real tool or hangs.
  fs::path wrapper = server_->base_path() / "dump-wrapper.sh";
  fs::path record = server_->base_path() / "dump-call.txt";
  std::ofstream(wrapper) << "#!/bin/sh\n"
                            "[ \"$1\" = --version ] && exec mariadb-dump --version\n"
                            "echo \"ARGS: $*\" > '" << record.string() << "'\n"
                            "echo \"PWD_ENV: $MYSQL_PWD\" >> '" << record.string() << "'\n"
                            "[ -n \"$HANG\" ] && { echo '-- partial'; exec sleep 60; }\n"
                            "exec mariadb-dump \"$@\"\n";
  fs::permissions(wrapper, fs::perms::owner_all);

  auto ok = server_->run({"ops:backup", "--only=db"}, {{"MYSQLDUMP_BINARY", wrapper.string()}});
  ASSERT_EQ(ok.exit_code, 0) << ok.output;
  auto call = read_text(record);
  const char* password = std::getenv("DB_PASSWORD");
  ASSERT_TRUE(password && *password);
  auto args_line = call.substr(0, call.find('\n'));
  EXPECT_FALSE(contains(args_line, password)) << "password on argv";
  EXPECT_TRUE(contains(args_line, "--single-transaction --skip-lock-tables --routines --events "
                                  "--default-character-set=utf8mb4 nico_test"))
      << args_line;
  EXPECT_TRUE(contains(call, std::string("PWD_ENV: ") + password));

  auto started = std::chrono::steady_clock::now();
  auto hung = server_->run({"ops:backup", "--only=db"},
                           {{"MYSQLDUMP_BINARY", wrapper.string()}, {"HANG", "1"}, {"OPS_BACKUP_COMMAND_TIMEOUT", "1"}});
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  EXPECT_EQ(hung.exit_code, 1);
  EXPECT_EQ(hung.output, "Backup failed: mysqldump timed out after 1 seconds and was killed (OPS_BACKUP_COMMAND_TIMEOUT)\n");
  EXPECT_LT(seconds, 30.0);
  EXPECT_EQ(entries_with_prefix(root_, "backup_").size(), 1u) << "only the good snapshot";
  EXPECT_TRUE(entries_with_prefix(root_, ".tmp-backup_").empty());
}

// ---------------------------------------------------------------------------------------------- retention

TEST_F(Backup, RetentionDeletesExpiredSnapshotsAndKeepsRecentOnes) {
  auto old_one = make_old_snapshot("backup_20000101_000000");
  auto now = std::chrono::system_clock::now();
  auto recent = make_old_snapshot(ops::snapshot_name(now - std::chrono::hours(24 * 3), kZone));
  auto failed_old = root_ / "backup_20000102_000000";  // a crashed-run leftover without manifest
  fs::create_directories(failed_old);
  auto unnamed = root_ / "backup_manual_copy";  // no timestamp in the name: the folder's mtime decides
  fs::create_directories(unnamed);
  fs::last_write_time(unnamed, fs::file_time_type::clock::now() - std::chrono::hours(24 * 400));
  auto unrelated = root_ / "keep-me";
  fs::create_directories(unrelated);
  fs::last_write_time(unrelated, fs::file_time_type::clock::now() - std::chrono::hours(24 * 400));

  auto result = server_->run({"ops:backup", "--retention-days=7"});
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_TRUE(contains(result.output, "Old snapshots deleted by retention policy: 3\n")) << result.output;
  EXPECT_FALSE(fs::exists(old_one));
  EXPECT_FALSE(fs::exists(failed_old));
  EXPECT_FALSE(fs::exists(unnamed));
  EXPECT_TRUE(fs::exists(recent));
  EXPECT_TRUE(fs::exists(unrelated));
  EXPECT_EQ(entries_with_prefix(root_, "backup_").size(), 2u);  // the recent one and the new one
}

TEST_F(Backup, NewestCompleteSnapshotSurvivesEvenWhenEverythingIsExpired) {
  auto oldest = make_old_snapshot("backup_20000101_000000");
  auto newest_valid = make_old_snapshot("backup_20000102_000000");
  auto newer_but_broken = root_ / "backup_20000103_000000";
  fs::create_directories(newer_but_broken);
  std::ofstream(newer_but_broken / "manifest.json") << "{}";  // the reference's test manifest: not a usable one

  auto result = server_->run({"ops:backup", "--prune-only", "--retention-days=7"});
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_EQ(result.output, "Prune completed. Deleted snapshots: 2.\n");
  EXPECT_FALSE(fs::exists(oldest));
  EXPECT_FALSE(fs::exists(newer_but_broken));
  EXPECT_TRUE(fs::exists(newest_valid));
  EXPECT_EQ(server_->run({"ops:backup:verify"}).exit_code, 0);
}

TEST_F(Backup, ZeroRetentionKeepsEverything) {
  make_old_snapshot("backup_20000101_000000");
  make_old_snapshot("backup_20000102_000000");
  auto result = server_->run({"ops:backup", "--prune-only", "--retention-days=0"});
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_EQ(result.output, "Prune completed. Deleted snapshots: 0.\n");
  auto configured = server_->run({"ops:backup", "--prune-only"}, {{"OPS_BACKUP_RETENTION_DAYS", "0"}});
  EXPECT_EQ(configured.output, "Prune completed. Deleted snapshots: 0.\n");
  EXPECT_EQ(entries_with_prefix(root_, "backup_").size(), 2u);
}

// ---------------------------------------------------------------------------------------------- crash mid-way

// Starts `nico ops:backup` with the suite's database settings; returns its pid. Output goes to `output_fd`
// (-1 = discarded). `max_file_bytes` > 0 caps the size of any file the process writes (RLIMIT_FSIZE, with SIGXFSZ
// ignored so a write past it fails with EFBIG): a full disk without mounting anything.
pid_t spawn_backup(const AppServer& server, int output_fd = -1, long max_file_bytes = 0) {
  std::vector<std::string> env;
  for (char** entry = environ; *entry; ++entry) env.emplace_back(*entry);
  env.push_back("NICO_BASE_PATH=" + server.base_path().string());
  env.push_back("APP_ENV=testing");
  env.push_back("LOG_CHANNEL=stderr");
  if (!server.using_server_database()) {
    env.push_back("DB_CONNECTION=sqlite");
    env.push_back("DB_DATABASE=" + (server.base_path() / "storage/database.sqlite").string());
  }
  pid_t pid = fork();
  if (pid == 0) {
    int devnull = open("/dev/null", O_RDWR);
    dup2(devnull, STDIN_FILENO);
    dup2(output_fd >= 0 ? output_fd : devnull, STDOUT_FILENO);
    dup2(output_fd >= 0 ? output_fd : devnull, STDERR_FILENO);
    if (max_file_bytes > 0) {
      signal(SIGXFSZ, SIG_IGN);
      rlimit limit{static_cast<rlim_t>(max_file_bytes), static_cast<rlim_t>(max_file_bytes)};
      setrlimit(RLIMIT_FSIZE, &limit);
    }
    std::vector<char*> envp;
    for (auto& e : env) envp.push_back(e.data());
    envp.push_back(nullptr);
    char* argv[] = {const_cast<char*>(NICO_BINARY), const_cast<char*>("ops:backup"), nullptr};
    execve(NICO_BINARY, argv, envp.data());
    _exit(127);
  }
  return pid;
}

TEST_F(Backup, KillNineMidwayLeavesNoSnapshotThatVerifiesAndTheNextRunCleansUp) {
  // ~128 MiB of uploads in 1,000 files: the copy takes long enough to be interrupted.
  fs::create_directories(uploads_ / "bulk");
  std::string chunk = core::random_bytes(128 * 1024);
  for (int i = 0; i < 1000; ++i) std::ofstream(uploads_ / "bulk" / ("f" + std::to_string(i) + ".bin"), std::ios::binary) << chunk;

  pid_t pid = spawn_backup(*server_);
  ASSERT_GT(pid, 0);
  // Kill as soon as the files artifact is being written inside the temp folder.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  bool copying = false;
  while (!copying && std::chrono::steady_clock::now() < deadline) {
    for (const auto& temp : entries_with_prefix(root_, ".tmp-backup_"))
      if (fs::exists(temp / "files/bulk")) copying = true;
    if (!copying) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(copying) << "the backup never reached the files copy";
  ASSERT_TRUE(WIFSIGNALED(status)) << "the backup finished before it could be killed";

  EXPECT_EQ(entries_with_prefix(root_, ".tmp-backup_").size(), 1u);
  for (const auto& snapshot : entries_with_prefix(root_, "backup_")) {
    EXPECT_NE(server_->run({"ops:backup:verify", snapshot.filename().string()}).exit_code, 0) << snapshot;
  }
  EXPECT_TRUE(entries_with_prefix(root_, "backup_").empty());
  EXPECT_NE(server_->run({"ops:backup:verify"}).exit_code, 0) << "nothing to verify";

  auto next = server_->run({"ops:backup"});
  ASSERT_EQ(next.exit_code, 0) << next.output;
  EXPECT_TRUE(entries_with_prefix(root_, ".tmp-backup_").empty()) << "the stale temp folder was removed";
  EXPECT_EQ(server_->run({"ops:backup:verify"}).exit_code, 0);
  EXPECT_EQ(ops::read_manifest(only_snapshot()).artifacts.at(1).files_copied, 1002);
}

TEST_F(Backup, AFullDiskFailsTheRunCleanly) {
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  // The lock file and the live database's 32 KiB WAL index fit; the database artifact (a ~38 KiB dump or a ~460 KiB
  // SQLite copy) does not.
  pid_t pid = spawn_backup(*server_, fds[1], server_->using_server_database() ? 16 * 1024 : 64 * 1024);
  close(fds[1]);
  std::string output;
  char buffer[4096];
  for (ssize_t n; (n = read(fds[0], buffer, sizeof buffer)) > 0;) output.append(buffer, static_cast<std::size_t>(n));
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status)) << output;
  EXPECT_EQ(WEXITSTATUS(status), 1) << output;
  // The last line is the one-line error (LOG_CHANNEL=stderr puts the CRITICAL log line before it).
  std::string last = output.substr(output.rfind('\n', output.size() - 2) + 1);
  EXPECT_EQ(last.rfind("Backup failed: ", 0), 0u) << output;
  std::cout << "[ full     ] " << last;
  EXPECT_TRUE(contains(last, server_->using_server_database() ? "File too large" : "SQLite backup failed")) << output;
  EXPECT_TRUE(entries_with_prefix(root_, "backup_").empty());
  EXPECT_TRUE(entries_with_prefix(root_, ".tmp-backup_").empty());
  auto log = read_text(root_ / "backup-error.log");
  EXPECT_EQ(count_lines(log), 1);
  EXPECT_TRUE(contains(log, last.substr(std::string("Backup failed: ").size()))) << log;
  EXPECT_EQ(server_->run({"ops:backup"}).exit_code, 0) << "space back: the next run works";
}

// ---------------------------------------------------------------------------------------------- concurrent writes

TEST_F(Backup, SnapshotTakenWhileAWriterInsertsIsOneConsistentPointInTime) {
  // Ballast so the copy/dump takes a moment: 20,000 rows of 1 KiB.
  {
    auto sql = server_->database().lease();
    if (server_->using_mariadb()) *sql << "SET SESSION max_recursive_iterations = 100000";
    if (server_->using_mariadb())
      *sql << "INSERT INTO business_settings (`key`, value) WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 "
              "FROM seq WHERE n < 20000) SELECT CONCAT('ballast-', n), REPEAT('b', 1024) FROM seq";
    else if (server_->using_postgres())
      *sql << "INSERT INTO business_settings (\"key\", value) SELECT 'ballast-' || n, repeat('b', 1024) "
              "FROM generate_series(1, 20000) AS n";
    else
      *sql << "INSERT INTO business_settings (\"key\", value) WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 "
              "FROM seq WHERE n < 20000) SELECT 'ballast-' || n, hex(zeroblob(512)) FROM seq";
  }
  std::atomic<bool> stop{false};
  std::atomic<long long> written{0};
  std::string writer_error;
  // The writer has its own connection (not the harness's), as a busy server would.
  db::DatabaseSettings settings = server_->database().settings();
  std::thread writer([&] {
    try {
      db::Database database(settings);
      auto sql = database.lease();
      for (long long i = 0; !stop; ++i) {
        insert_setting(*sql, "writer-" + std::to_string(i), "writer-row");
        ++written;
      }
    } catch (const std::exception& e) {
      writer_error = e.what();
    }
  });
  while (written < 50) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  long long before = count_settings_like("writer-row");
  auto backup = server_->run({"ops:backup", "--only=db"});
  long long after = count_settings_like("writer-row");
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  stop = true;
  writer.join();
  ASSERT_EQ(backup.exit_code, 0) << backup.output;
  EXPECT_TRUE(writer_error.empty()) << "the writer was blocked or failed: " << writer_error;
  EXPECT_GT(after, before) << "the writer kept committing during the backup";

  auto verify = server_->run({"ops:backup:verify"});
  EXPECT_EQ(verify.exit_code, 0) << verify.output;

  // Named: a database-only snapshot is not what `latest` picks under the default OPS_BACKUP_ONLY=all.
  const std::string snapshot = only_snapshot().filename().string();
  auto drill = server_->run({"ops:restore", snapshot, "--drill"});
  ASSERT_EQ(drill.exit_code, 0) << drill.output;
  EXPECT_TRUE(contains(drill.output, "Restore drill OK")) << drill.output;
  std::smatch match;
  ASSERT_TRUE(std::regex_search(drill.output, match, std::regex(R"(\n  business_settings\s+(\d+)\n)"))) << drill.output;
  long long restored = std::stoll(match[1]) - 20000;
  EXPECT_GE(restored, before);
  EXPECT_LE(restored, after);
  std::cout << "[ writer   ] rows before backup " << before << ", in snapshot " << restored << ", after backup " << after
            << "\n";

  // One point in time, not a smear: the restored writer rows are exactly the first N the writer committed.
  std::string into = server_->using_server_database() ? "nico_test_restore_check_" + core::to_lower(core::random_token(6))
                                              : (server_->base_path() / "restored.sqlite").string();
  auto kept = server_->run({"ops:restore", snapshot, "--into=" + into});
  ASSERT_EQ(kept.exit_code, 0) << kept.output;
  db::DatabaseSettings restored_settings = settings;
  if (server_->using_server_database()) restored_settings.database = into;
  else restored_settings.sqlite_path = into;
  {
    db::Database restored_database(restored_settings);
    long long count = 0, first = 0, last = 0;
    restored_database.lease()->once << "SELECT COUNT(*), MIN(id), MAX(id) FROM business_settings WHERE value = 'writer-row'",
        soci::into(count), soci::into(first), soci::into(last);
    EXPECT_EQ(count, restored);
    EXPECT_EQ(count, last - first + 1) << "gaps: the snapshot mixes two points in time";
  }
  if (server_->using_mariadb()) server_->database().lease()->once << "DROP DATABASE `" + into + "`";
  if (server_->using_postgres()) ops::drop_postgres_database_on(*server_->database().lease(), into);
}

// The operations guide writes OPS_BACKUP_PATH=app/backups and OPS_BACKUP_FILES_SOURCE=app/public, meaning below
// storage/ (as the reference read them); read from the project folder they backed up 0 files without a word.
TEST_F(Backup, TheGuidesRelativePathValuesAreReadFromStorage) {
  auto result = server_->run({"ops:backup"}, {{"OPS_BACKUP_PATH", "app/backups"}, {"OPS_BACKUP_FILES_SOURCE", "app/public"}});
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_FALSE(contains(result.output, "WARN")) << result.output;
  auto manifest = ops::read_manifest(only_snapshot());
  ASSERT_EQ(manifest.artifacts.size(), 2u);
  EXPECT_EQ(manifest.artifacts[1].files_copied, 2) << "logo.txt and repairs/2026/foto.jpg";
  EXPECT_TRUE(manifest.warnings.empty());
  EXPECT_FALSE(fs::exists(server_->base_path() / "app")) << "nothing is created beside storage/";
}

TEST_F(Backup, AMissingOrEmptyFilesSourceIsAWarningInTheOutputTheManifestAndTheHealthCheck) {
  auto missing = server_->run({"ops:backup"}, {{"OPS_BACKUP_FILES_SOURCE", "app/uploads"}});
  ASSERT_EQ(missing.exit_code, 0) << missing.output;
  const std::string said = "Files source storage/app/uploads does not exist (OPS_BACKUP_FILES_SOURCE=app/uploads): "
                           "no uploaded files were backed up.";
  EXPECT_TRUE(contains(missing.output, "WARN: " + said + "\n")) << missing.output;
  auto manifest = ops::read_manifest(only_snapshot());
  EXPECT_EQ(manifest.warnings, std::vector<std::string>{said});
  auto health = server_->run({"ops:health-check"});
  EXPECT_TRUE(std::regex_search(health.output, std::regex(R"(\| WARN\s*\| Latest backup\s*\| Newest complete snapshot is \d+ min old\. Files source storage/app/uploads does not exist)")))
      << health.output;

  // An existing but empty folder while the app's uploads folder has files.
  fs::remove_all(root_);
  fs::create_directories(server_->base_path() / "storage/empty-uploads");
  auto empty = server_->run({"ops:backup"}, {{"OPS_BACKUP_FILES_SOURCE", "empty-uploads"}});
  ASSERT_EQ(empty.exit_code, 0) << empty.output;
  EXPECT_TRUE(contains(empty.output, "WARN: Files source storage/empty-uploads holds no files (OPS_BACKUP_FILES_SOURCE=empty-uploads) "
                                     "but storage/app/public does: the uploads were not backed up.\n"))
      << empty.output;
  EXPECT_EQ(ops::read_manifest(only_snapshot()).warnings.size(), 1u);

  // A clean backup takes over: the health row is OK again.
  fs::remove_all(root_);
  ASSERT_EQ(server_->run({"ops:backup"}).exit_code, 0);
  auto clean = server_->run({"ops:health-check"});
  EXPECT_TRUE(std::regex_search(clean.output, std::regex(R"(\| OK\s*\| Latest backup\s*\| Newest complete snapshot is \d+ min old\. +\|)")))
      << clean.output;
}

// Housekeeping: what a live restore saved expires with the retention, and what crashed runs left behind goes, but
// a folder a running restore holds, or one younger than a crash could be, stays.
TEST_F(Backup, PruningRemovesOldPreRestoreCopiesAndCrashedScratchFoldersButNothingInUse) {
  auto folder = [](const fs::path& path, std::chrono::hours age) {
    fs::create_directories(path);
    std::ofstream(path / "data") << "x";
    fs::last_write_time(path, fs::file_time_type::clock::now() - age);
    return path;
  };
  using std::chrono::hours;
  fs::create_directories(root_);
  auto old_copy = folder(root_ / "pre-restore_20200101000000", hours(0));  // old by its name
  auto recent_copy = folder(root_ / "pre-restore_29990101000000", hours(0));
  auto crashed_restore = folder(root_ / ".restore-20200101000000-aaaaaa", hours(7));
  auto running_restore = folder(root_ / ".restore-20200101000000-bbbbbb", hours(7));
  std::optional<ops::FolderLock> held(std::in_place, running_restore);  // this process plays a running restore
  auto young_restore = folder(root_ / ".restore-20200101000000-cccccc", hours(1));
  auto kept_restore = folder(root_ / ".restore-20200101000000-dddddd", hours(7));
  std::ofstream(kept_restore / ops::kKeptMarker) << "kept";  // an --into restore the operator keeps: retention decides
  auto crashed_verify = folder(root_ / ".verify-aaaaaaaa", hours(7));
  auto young_verify = folder(root_ / ".verify-bbbbbbbb", hours(1));
  auto old_uploads = folder(uploads_.parent_path() / "public.pre-restore-20200101000000", hours(0));
  auto crashed_staging = folder(uploads_.parent_path() / ".public.restoring-20200101000000", hours(7));

  auto result = server_->run({"ops:backup", "--prune-only"});
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_EQ(result.output, "Prune completed. Deleted snapshots: 0.\nOld pre-restore copies and leftover folders deleted: 4\n");
  for (const auto& gone : {old_copy, crashed_restore, crashed_verify, old_uploads}) EXPECT_FALSE(fs::exists(gone)) << gone;
  // The staging folder beside the uploads could be the running restore's own.
  for (const auto& kept : {recent_copy, running_restore, young_restore, kept_restore, young_verify, crashed_staging})
    EXPECT_TRUE(fs::exists(kept)) << kept;
  EXPECT_TRUE(fs::exists(uploads_ / "logo.txt"));

  // The restore "crashed" (its lock is gone). With retention 0 (keep everything) the pre-restore copies stay;
  // crashed folders still go.
  held.reset();
  auto forever = server_->run({"ops:backup", "--prune-only", "--retention-days=0"});
  EXPECT_EQ(forever.output, "Prune completed. Deleted snapshots: 0.\nOld pre-restore copies and leftover folders deleted: 2\n");
  EXPECT_FALSE(fs::exists(running_restore));
  EXPECT_FALSE(fs::exists(crashed_staging));
  EXPECT_TRUE(fs::exists(recent_copy));
  EXPECT_TRUE(fs::exists(kept_restore));
}

}  // namespace
