// Child processes for the dump/restore tools: streamed stdout, environment-only secrets, hard timeout.
#include "ops/backup_process.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>

namespace {

TEST(BackupProcess, StreamsStdoutInChunksAndReportsTheExitCode) {
  std::size_t bytes = 0, chunks = 0;
  auto result = ops::run_process({{"/bin/sh", "-c", "head -c 3000000 /dev/zero; echo oops >&2; exit 3"}, {}, {}, {}, 30},
                                 [&](std::string_view chunk) {
                                   bytes += chunk.size();
                                   ++chunks;
                                 });
  EXPECT_EQ(bytes, 3000000u);
  EXPECT_GT(chunks, 1u) << "never collected in one piece";
  EXPECT_EQ(result.exit_code, 3);
  EXPECT_FALSE(result.timed_out);
  EXPECT_EQ(ops::one_line(result.error_output), "oops");
}

TEST(BackupProcess, PassesExtraEnvironmentAndStdinFile) {
  std::string out;
  auto result = ops::run_process({{"/bin/sh", "-c", "printf '%s|' \"$MYSQL_PWD\"; cat"}, {{"MYSQL_PWD", "s3cr3t"}}, {},
                                  "/etc/hostname", 30},
                                 [&](std::string_view chunk) { out.append(chunk); });
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(out.rfind("s3cr3t|", 0), 0u) << out;
  EXPECT_GT(out.size(), 7u) << "stdin came from the file";
}

TEST(BackupProcess, KillsTheChildAtTheTimeout) {
  auto started = std::chrono::steady_clock::now();
  auto result = ops::run_process({{"/bin/sh", "-c", "echo start; exec sleep 30"}, {}, {}, {}, 1});
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  EXPECT_TRUE(result.timed_out);
  EXPECT_EQ(result.exit_code, 128 + 9);
  EXPECT_LT(seconds, 10.0);
}

TEST(BackupProcess, AThrowingConsumerStopsTheChild) {
  auto started = std::chrono::steady_clock::now();
  EXPECT_THROW(ops::run_process({{"/bin/sh", "-c", "while true; do echo x; done"}, {}, {}, {}, 30},
                                [](std::string_view) { throw std::runtime_error("disk full"); }),
               std::runtime_error);
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(), 10.0);
}

TEST(BackupProcess, FindsExecutablesOnPathOrByPath) {
  EXPECT_EQ(ops::find_executable("sh", "/").value_or("").filename(), "sh");
  EXPECT_TRUE(ops::find_executable("/bin/sh", "/").has_value());
  EXPECT_FALSE(ops::find_executable("/nonexistent/mariadb-dump", "/").has_value());
  auto plain = std::filesystem::temp_directory_path() / "nico-not-executable.txt";
  { std::ofstream(plain) << "x"; }
  std::filesystem::permissions(plain, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  EXPECT_FALSE(ops::find_executable(plain.string(), "/").has_value()) << "not executable";
  std::filesystem::remove(plain);
  EXPECT_FALSE(ops::find_executable("no-such-tool-here", "/").has_value());
  EXPECT_THROW(ops::run_process({{"/nonexistent/tool"}, {}, {}, {}, 5}), std::runtime_error);
}

}  // namespace
