// The incident procedures of docs/OPERACION_PRODUCCION.md, run line by line exactly as the guide writes them
// (`nico X` meaning the binary run from the app folder, the guide's own convention). A procedure is the `bash`
// block that follows a `<!-- procedimiento: NAME -->` marker; if the guide and the binary drift apart, this fails.
#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/app_server.hpp"
#include "support/test_files.hpp"

using testing_support::AppServer;
using testing_support::read_text;
namespace fs = std::filesystem;

namespace {

bool contains(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

// The guide indents blocks that belong to a list item.
std::string unindented(const std::string& line) {
  auto first = line.find_first_not_of(' ');
  return first == std::string::npos ? "" : line.substr(first);
}

// The command lines of one marked procedure: blank and comment-only lines dropped, `\` continuations joined.
std::vector<std::string> guide_procedure(const std::string& name) {
  std::istringstream guide(read_text(fs::path(NICO_SOURCE_DIR) / "docs/OPERACION_PRODUCCION.md"));
  const std::string marker = "<!-- procedimiento: " + name + " -->";
  std::string line;
  while (std::getline(guide, line) && unindented(line) != marker) {
  }
  if (unindented(line) != marker) throw std::runtime_error("the guide has no procedure marked " + marker);
  while (std::getline(guide, line) && !starts_with(unindented(line), "```")) {
  }
  std::vector<std::string> commands;
  std::string pending;
  while (std::getline(guide, line) && !starts_with(unindented(line), "```")) {
    line = unindented(line);
    if (line.empty() || line[0] == '#') continue;
    if (line.back() == '\\') {
      pending += line.substr(0, line.size() - 1);
      continue;
    }
    commands.push_back(pending + line);
    pending.clear();
  }
  if (commands.empty()) throw std::runtime_error("the procedure " + name + " has no commands");
  return commands;
}

// Runs every line; each must succeed, except the health check, which in a test sandbox may report WARN/FAIL rows
// (no scheduler, no worker): there it is enough that the report was printed.
void follow(const AppServer& server, const std::vector<std::string>& procedure) {
  for (const auto& line : procedure) {
    auto result = server.run_shell(line);
    if (starts_with(line, "nico ops:health-check")) {
      EXPECT_TRUE(contains(result.output, "Summary:")) << line << "\n" << result.output;
      continue;
    }
    ASSERT_EQ(result.exit_code, 0) << line << "\n" << result.output;
  }
}

long long count_where(AppServer& server, const std::string& sql) {
  long long rows = 0;
  server.database().lease()->once << sql, soci::into(rows);
  return rows;
}

TEST(OperationsGuide, TheRestoreProcedureBringsBackRowsAndUploadsLostAfterTheBackup) {
  AppServer server;
  fs::path uploads = server.base_path() / "storage/app/public/products";
  fs::create_directories(uploads);
  std::ofstream(uploads / "funda.png") << "png-bytes";
  server.database().lease()->once
      << "INSERT INTO users (name, email, password, role) VALUES ('Ana', 'ana@example.com', 'x', 'user')";
  auto backup = server.run({"ops:backup"});
  ASSERT_EQ(backup.exit_code, 0) << backup.output;

  // The incident: a customer row and an uploaded photo are lost after the nightly backup.
  server.database().lease()->once << "DELETE FROM users WHERE email = 'ana@example.com'";
  fs::remove(uploads / "funda.png");

  follow(server, guide_procedure("restore"));

  EXPECT_EQ(count_where(server, "SELECT COUNT(*) FROM users WHERE email = 'ana@example.com'"), 1);
  EXPECT_EQ(read_text(uploads / "funda.png"), "png-bytes");
  EXPECT_FALSE(fs::exists(server.base_path() / "storage/framework/down")) << "the procedure ends with the site open";
}

// Migration name → status column ("[1] Ran" or "Pending"), in the order migrate:status lists them.
std::vector<std::pair<std::string, std::string>> migration_rows(const AppServer& server) {
  std::istringstream rows(server.run({"migrate:status"}).output);
  std::vector<std::pair<std::string, std::string>> listed;
  std::string row;
  while (std::getline(rows, row)) {
    auto gap = row.find(' ');
    bool listed_row = !row.empty() && std::isdigit(static_cast<unsigned char>(row[0])) && gap != std::string::npos &&
                      (row.ends_with(" Ran") || row.ends_with("Pending"));
    if (!listed_row) continue;
    listed.emplace_back(row.substr(0, gap), unindented(row.substr(gap)));
  }
  return listed;
}

TEST(OperationsGuide, TheRollbackProcedureRevertsOneMigrationAfterSavingTheDatabase) {
  AppServer server;
  auto before = migration_rows(server);
  ASSERT_GE(before.size(), 2u);

  follow(server, guide_procedure("rollback"));

  auto after = migration_rows(server);
  ASSERT_EQ(after.size(), before.size());
  EXPECT_EQ(after.back().second, "Pending") << after.back().first;
  EXPECT_TRUE(contains(after[after.size() - 2].second, "Ran")) << "one migration, not the whole batch";

  bool saved = false;
  fs::path backups = server.base_path() / "storage/app/backups";
  if (fs::exists(backups))
    for (const auto& entry : fs::directory_iterator(backups)) saved = saved || fs::exists(entry.path() / "manifest.json");
  EXPECT_TRUE(saved) << "the rollback saves the database first";
}

}  // namespace
