// The command-line habits an operator brings from artisan (issue 17 item 9): `nico help X`, `--version`, global
// -q/-n/--no-ansi anywhere on the line, --json for scripts, cache:clear, ops:mail-test and the Makefile's
// ops-check shortcuts; and the progress of db:export, db:import and bench:seed (item 8): a bar with --ansi or on a
// terminal, one summary line with -q.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "core/version.hpp"
#include "support/app_server.hpp"
#include "support/loopback_listener.hpp"
#include "support/smtp_receiver.hpp"
#include "support/test_files.hpp"

using testing_support::AppServer;
using testing_support::scalar;
using testing_support::SmtpReceiver;

namespace {

using Env = std::map<std::string, std::string>;

std::size_t lines_of(const std::string& text) { return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')); }

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A port on 127.0.0.1 where nothing listens (bound, then released).
int closed_port() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  close(fd);
  return ntohs(address.sin_port);
}

// An SMTP relay that greets, accepts the sender and refuses every recipient with 550 (one connection).
class RefusingRelay final {
 public:
  RefusingRelay() : listen_fd_(testing_support::listen_on_loopback(port_, "refusing SMTP relay")) {
    thread_ = std::thread([this] { serve(); });
  }
  ~RefusingRelay() {
    ::shutdown(listen_fd_, SHUT_RDWR);
    close(listen_fd_);
    thread_.join();
  }
  int port() const { return port_; }

 private:
  void serve() {
    int fd = accept(listen_fd_, nullptr, nullptr);
    if (fd < 0) return;
    auto say = [fd](const std::string& line) { (void)!write(fd, line.data(), line.size()); };
    say("220 relay.test ESMTP\r\n");
    std::string pending;
    char buffer[512];
    ssize_t n;
    while ((n = read(fd, buffer, sizeof buffer)) > 0) {
      pending.append(buffer, static_cast<std::size_t>(n));
      for (auto end = pending.find("\r\n"); end != std::string::npos; end = pending.find("\r\n")) {
        std::string command = pending.substr(0, 4);
        pending.erase(0, end + 2);
        if (command == "EHLO" || command == "HELO") say("250 relay.test\r\n");
        else if (command == "MAIL") say("250 2.1.0 Ok\r\n");
        else if (command == "RCPT") say("550 5.1.1 Recipient address rejected: User unknown\r\n");
        else if (command == "QUIT") { say("221 Bye\r\n"); close(fd); return; }
        else say("250 Ok\r\n");
      }
    }
    close(fd);
  }
  int port_ = 0;
  int listen_fd_;
  std::thread thread_;
};

class CliConventions : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new AppServer(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static AppServer* server_;
};
AppServer* CliConventions::server_ = nullptr;

}  // namespace

// ── help, version, list, global options ─────────────────────────────────────────────────────────────────────────

TEST_F(CliConventions, VersionFlagPrintsTheApplicationVersionWhereverItIsGiven) {
  std::string expected = std::string("NicoReparaciones ") + core::kAppVersion + "\n";
  for (const auto& args : std::vector<std::vector<std::string>>{{"--version"}, {"-V"}, {"migrate:status", "-V"}}) {
    auto result = server_->run(args);
    EXPECT_EQ(result.exit_code, 0) << args[0];
    EXPECT_EQ(result.output, expected) << args[0];
  }
}

TEST_F(CliConventions, HelpCommandShowsWhatTheHelpFlagShows) {
  auto by_command = server_->run({"help", "db:seed"});
  auto by_flag = server_->run({"db:seed", "--help"});
  auto by_short_flag = server_->run({"-h", "db:seed"});
  EXPECT_EQ(by_command.exit_code, 0);
  EXPECT_EQ(by_command.output, by_flag.output);
  EXPECT_EQ(by_command.output, by_short_flag.output);
  EXPECT_TRUE(contains(by_command.output, "--demo")) << by_command.output;
  EXPECT_TRUE(contains(by_command.output, "--quiet")) << "global options are listed in every command's help";

  auto unknown = server_->run({"help", "migrat"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_TRUE(contains(unknown.output, "not defined"));
  auto bare = server_->run({"help"});
  EXPECT_EQ(bare.exit_code, 0);
  EXPECT_TRUE(contains(bare.output, "Available commands:"));
}

TEST_F(CliConventions, ListNamesTheNewCommandsAndTheGlobalOptions) {
  auto list = server_->run({"list"});
  EXPECT_EQ(list.exit_code, 0);
  for (const char* text : {"cache:clear", "ops:mail-test", "help", "--no-interaction", "--no-ansi", "--version"})
    EXPECT_TRUE(contains(list.output, text)) << text;
}

TEST_F(CliConventions, GlobalOptionsAreAcceptedBeforeAndAfterTheCommandName) {
  for (const auto& args : std::vector<std::vector<std::string>>{{"-q", "migrate:status"},
                                                                {"migrate:status", "--quiet"},
                                                                {"-n", "--no-ansi", "migrate:status"},
                                                                {"migrate:status", "--no-interaction", "--no-ansi"}}) {
    auto result = server_->run(args);
    EXPECT_EQ(result.exit_code, 0) << args[0] << " " << args[1] << ": " << result.output;
    EXPECT_TRUE(contains(result.output, "Schema is up to date.")) << result.output;
  }
  EXPECT_EQ(server_->run({"migrate:status", "--quieter"}).exit_code, 2);
}

// ── --json ──────────────────────────────────────────────────────────────────────────────────────────────────────

TEST_F(CliConventions, AboutJsonIsOneObjectWithTheSameFacts) {
  auto result = server_->run({"about", "--json"});
  ASSERT_EQ(result.exit_code, 0) << result.output;
  auto about = nlohmann::json::parse(result.output);
  EXPECT_EQ(about["version"], core::kAppVersion);
  EXPECT_EQ(about["environment"], "testing");
  std::string engine = server_->using_mariadb() ? "mariadb" : server_->using_postgres() ? "pgsql" : "sqlite";
  EXPECT_EQ(about["database"]["connection"], engine);
  EXPECT_EQ(about["migrations"]["pending"], 0);
  EXPECT_EQ(about["migrations"]["up_to_date"], true);
  EXPECT_TRUE(about["unknown_env_keys"].is_array());
}

TEST_F(CliConventions, ScheduleListJsonNamesEveryTaskWithItsArguments) {
  auto result = server_->run({"schedule:list", "--json", "--now=2026-03-01 02:00"});
  ASSERT_EQ(result.exit_code, 0) << result.output;
  auto schedule = nlohmann::json::parse(result.output);
  EXPECT_EQ(schedule["now"], "2026-03-01 02:00");
  EXPECT_FALSE(schedule["timezone"].get<std::string>().empty());
  bool backup_listed = false;
  for (const auto& task : schedule["tasks"]) {
    if (task["name"] != "backup") continue;
    backup_listed = true;
    EXPECT_EQ(task["arguments"], nlohmann::json::array({"ops:backup", "--only=all"}));
    EXPECT_EQ(task["runs_in_maintenance"], false);
    EXPECT_FALSE(task["next_due"].get<std::string>().empty());
  }
  EXPECT_TRUE(backup_listed) << result.output;
}

TEST(CliJson, QueueFailedJsonListsEachFailedJobWithItsWholeError) {
  AppServer server;
  auto empty = server.run({"queue:failed", "--json"});
  EXPECT_EQ(empty.exit_code, 0);
  EXPECT_EQ(empty.output, "[]\n");

  ASSERT_EQ(server.run({"queue:probe", "--fail", "--batch=json"}).exit_code, 0);
  ASSERT_EQ(server.run({"queue:work", "--stop-when-empty", "--tries=1"}).exit_code, 0);
  auto result = server.run({"queue:failed", "--json"});
  ASSERT_EQ(result.exit_code, 0) << result.output;
  auto failed = nlohmann::json::parse(result.output);
  ASSERT_EQ(failed.size(), 1u) << result.output;
  EXPECT_EQ(failed[0]["job"], "queue.probe");
  EXPECT_EQ(failed[0]["queue"], "default");
  EXPECT_EQ(failed[0]["uuid"].get<std::string>().size(), 36u);
  EXPECT_EQ(failed[0]["failed_at"].get<std::string>().back(), 'Z');
  EXPECT_TRUE(contains(failed[0]["exception"].get<std::string>(), "failed on purpose")) << result.output;
  EXPECT_EQ(failed[0]["id"], scalar(server, "SELECT MIN(id) FROM failed_jobs"));
}

// ── cache:clear ─────────────────────────────────────────────────────────────────────────────────────────────────

TEST_F(CliConventions, CacheClearEmptiesTheCacheButKeepsHeartbeatsAndLocks) {
  {
    auto sql = server_->database().lease();
    *sql << "DELETE FROM cache";
    *sql << "INSERT INTO cache (\"key\", value, expiration) VALUES ('dashboard:30:x', '{}', 4102444800), "
            "('limiter:abc', '3', 4102444800), ('heartbeat:queue-worker', '1700000000', 4102444800), "
            "('heartbeat:scheduler', '1700000000', 4102444800)";
    *sql << "INSERT INTO cache_locks (\"key\", owner, expiration) VALUES ('schedule:backup:running', 'me', 4102444800)";
  }
  long long version_before = scalar(*server_, "SELECT COALESCE(MAX(version), 0) FROM catalog_versions");

  auto result = server_->run({"cache:clear"});
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_TRUE(contains(result.output, "2 entries removed")) << result.output;
  EXPECT_EQ(scalar(*server_, "SELECT COUNT(*) FROM cache"), 2);
  EXPECT_EQ(scalar(*server_, "SELECT COUNT(*) FROM cache WHERE \"key\" LIKE 'heartbeat:%'"), 2);
  EXPECT_EQ(scalar(*server_, "SELECT COUNT(*) FROM cache_locks WHERE \"key\" = 'schedule:backup:running'"), 1);
  // Running servers key their catalog data and pages by this version (every engine): a new one drops them.
  EXPECT_GT(scalar(*server_, "SELECT MAX(version) FROM catalog_versions"), version_before);
  EXPECT_TRUE(contains(result.output, "Catalog version bumped")) << result.output;

  auto quiet = server_->run({"cache:clear", "-q"});
  EXPECT_EQ(quiet.exit_code, 0);
  EXPECT_EQ(lines_of(quiet.output), 1u) << quiet.output;
  server_->database().lease()->once << "DELETE FROM cache_locks WHERE \"key\" = 'schedule:backup:running'";
}

// ── ops:mail-test ───────────────────────────────────────────────────────────────────────────────────────────────

TEST_F(CliConventions, MailTestDeliversOneMailThroughTheConfiguredRelay) {
  SmtpReceiver smtp;
  Env env{{"MAIL_MAILER", "smtp"}, {"MAIL_HOST", "127.0.0.1"}, {"MAIL_PORT", std::to_string(smtp.port())},
          {"MAIL_FROM_ADDRESS", "tienda@example.com"}, {"APP_NAME", "Taller Centro"}};
  auto result = server_->run({"ops:mail-test", "--to=dueno@example.com"}, env);
  EXPECT_EQ(result.exit_code, 0) << result.output;
  EXPECT_TRUE(contains(result.output, "dueno@example.com")) << result.output;
  ASSERT_EQ(smtp.wait_for(1), 1u);
  auto mail = smtp.messages().at(0);
  EXPECT_EQ(mail.recipients, std::vector<std::string>{"<dueno@example.com>"});
  EXPECT_EQ(mail.mail_from, "<tienda@example.com>");
  EXPECT_EQ(testing_support::decode_header_words(testing_support::mail_header(mail.data, "Subject")),
            "Correo de prueba de Taller Centro");
  EXPECT_TRUE(contains(testing_support::mail_body_text(mail.data), "correo de prueba"));
}

TEST_F(CliConventions, MailTestExits1WithTheErrorWhenTheRelayIsDownOrRefuses) {
  auto down = server_->run({"ops:mail-test", "--to=dueno@example.com"},
                           {{"MAIL_MAILER", "smtp"}, {"MAIL_HOST", "127.0.0.1"}, {"MAIL_PORT", std::to_string(closed_port())}});
  EXPECT_EQ(down.exit_code, 1);
  EXPECT_TRUE(contains(down.output, "NOT sent")) << down.output;
  EXPECT_TRUE(contains(down.output, "connect")) << down.output;

  RefusingRelay relay;
  auto refused = server_->run({"ops:mail-test", "--to=nadie@example.com"},
                              {{"MAIL_MAILER", "smtp"}, {"MAIL_HOST", "127.0.0.1"}, {"MAIL_PORT", std::to_string(relay.port())}});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_TRUE(contains(refused.output, "RCPT")) << refused.output;
  EXPECT_TRUE(contains(refused.output, "550 5.1.1 Recipient address rejected: User unknown")) << refused.output;
}

TEST_F(CliConventions, MailTestNeedsARecipientAndAMailerThatSends) {
  EXPECT_EQ(server_->run({"ops:mail-test"}).exit_code, 2);
  EXPECT_EQ(server_->run({"ops:mail-test", "--to=not-an-address"}).exit_code, 2);
  auto dropped = server_->run({"ops:mail-test", "--to=dueno@example.com"}, {{"MAIL_MAILER", "array"}});
  EXPECT_EQ(dropped.exit_code, 1);
  EXPECT_TRUE(contains(dropped.output, "MAIL_MAILER=smtp")) << dropped.output;
  auto logged = server_->run({"ops:mail-test", "--to=dueno@example.com"}, {{"MAIL_MAILER", "log"}});
  EXPECT_EQ(logged.exit_code, 0);
  EXPECT_TRUE(contains(logged.output, "not sent")) << logged.output;
}

// ── make ops-check / ops-check-strict ───────────────────────────────────────────────────────────────────────────

// Runs `make TARGET` in a fresh app folder whose .env is all the configuration (a clean environment, as in a
// shell on the server). Returns make's exit status and output.
static std::pair<int, std::string> make_in_fresh_folder(const std::string& target) {
  auto folder = std::filesystem::temp_directory_path() / ("nico-make-" + std::to_string(getpid()));
  std::filesystem::create_directories(folder / "storage");
  std::ofstream(folder / ".env") << "APP_ENV=local\nAPP_URL=http://127.0.0.1\n"
                                    "APP_KEY=base64:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\n"
                                    "DB_CONNECTION=sqlite\nDB_DATABASE=storage/database.sqlite\n";
  std::string env = "env -i PATH=/usr/bin:/bin HOME=" + folder.string() + " ";
  std::string in_folder = "cd " + folder.string() + " && ";
  std::string make = "make -s -f " NICO_SOURCE_DIR "/Makefile NICO=" NICO_BINARY " ";
  std::system((in_folder + env + NICO_BINARY " migrate --force >/dev/null 2>&1").c_str());
  std::string output;
  FILE* pipe = popen((in_folder + env + make + target + " 2>&1").c_str(), "r");
  char buffer[4096];
  while (std::size_t n = fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
  int status = pclose(pipe);
  std::filesystem::remove_all(folder);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

TEST(MakeShortcuts, OpsCheckPassesWithWarningsAndTheStrictOneFailsOnThem) {
  if (std::system("command -v make >/dev/null 2>&1") != 0) GTEST_SKIP() << "make is not installed";
  auto [code, output] = make_in_fresh_folder("ops-check");
  EXPECT_EQ(code, 0) << output;
  EXPECT_TRUE(contains(output, "WARN")) << "a fresh folder has no backup and no workers: " << output;
  EXPECT_TRUE(contains(output, " 0 FAIL")) << output;
  auto [strict_code, strict_output] = make_in_fresh_folder("ops-check-strict");
  EXPECT_NE(strict_code, 0) << strict_output;
  EXPECT_TRUE(contains(strict_output, "WARN")) << strict_output;
}

// ── progress ────────────────────────────────────────────────────────────────────────────────────────────────────

TEST(CommandProgress, BenchSeedDrawsABarOnATerminalAndOneLineWhenQuiet) {
  const std::vector<std::string> small = {"bench:seed", "--products=20", "--repairs=1200", "--orders=300", "--users=50"};
  {
    AppServer server;
    ASSERT_EQ(server.run({"db:seed"}).exit_code, 0);
    auto args = small;
    args.push_back("--ansi");  // as on a terminal
    auto drawn = server.run(args);
    ASSERT_EQ(drawn.exit_code, 0) << drawn.output;
    EXPECT_TRUE(contains(drawn.output, "\rSeeding [")) << drawn.output;
    EXPECT_TRUE(contains(drawn.output, "%")) << drawn.output;
    EXPECT_TRUE(contains(drawn.output, "usuarios: 0 / 1570 rows, ")) << drawn.output;
    EXPECT_TRUE(contains(drawn.output, "Seeding: 1570 rows (")) << drawn.output;
  }
  {
    AppServer server;
    ASSERT_EQ(server.run({"db:seed"}).exit_code, 0);
    auto args = small;
    args.insert(args.begin(), "-q");
    auto quiet = server.run(args);
    ASSERT_EQ(quiet.exit_code, 0) << quiet.output;
    EXPECT_EQ(lines_of(quiet.output), 1u) << quiet.output;
    EXPECT_TRUE(contains(quiet.output, "1200 reparaciones")) << quiet.output;
    EXPECT_FALSE(contains(quiet.output, "\r"));
  }
}

TEST(CommandProgress, ExportAndImportDrawABarOnATerminalAndOneLineWhenQuiet) {
  AppServer source;
  ASSERT_EQ(source.run({"db:seed", "--demo"}).exit_code, 0);
  auto file = source.base_path() / "export.jsonl";
  auto drawn = source.run({"db:export", "--out=" + file.string(), "--ansi"});
  ASSERT_EQ(drawn.exit_code, 0) << drawn.output;
  EXPECT_TRUE(contains(drawn.output, "\rExporting [")) << drawn.output;
  EXPECT_TRUE(contains(drawn.output, " rows, ")) << drawn.output;
  auto plain = source.run({"db:export", "--out=" + file.string()});
  ASSERT_EQ(plain.exit_code, 0) << plain.output;
  EXPECT_FALSE(contains(plain.output, "\r")) << "no terminal, no bar";
  auto quiet = source.run({"-q", "db:export", "--out=" + file.string()});
  ASSERT_EQ(quiet.exit_code, 0) << quiet.output;
  EXPECT_EQ(lines_of(quiet.output), 1u) << quiet.output;
  EXPECT_TRUE(contains(quiet.output, "Exported ")) << quiet.output;

  AppServer target;
  auto imported = target.run({"db:import", file.string(), "--quiet"});
  ASSERT_EQ(imported.exit_code, 0) << imported.output;
  EXPECT_EQ(lines_of(imported.output), 1u) << imported.output;
  EXPECT_TRUE(contains(imported.output, "Row counts match the header")) << imported.output;
  AppServer drawn_target;
  auto drawn_import = drawn_target.run({"db:import", file.string(), "--ansi"});
  ASSERT_EQ(drawn_import.exit_code, 0) << drawn_import.output;
  EXPECT_TRUE(contains(drawn_import.output, "\rImporting [")) << drawn_import.output;
  // The step line after the rows starts on a line of its own, not after the bar.
  EXPECT_TRUE(contains(drawn_import.output, "\nSetting the id sequences")) << drawn_import.output;
}
