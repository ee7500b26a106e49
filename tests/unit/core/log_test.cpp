#include "core/log.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace {
// Leaves the process-wide logger as the other tests expect it (stderr).
struct RestoreStderrLogger {
  ~RestoreStderrLogger() { core::log::init({}); }
};
}  // namespace

TEST(Log, AFileThatCannotBeOpenedSendsTheLinesToStderrInsteadOfThrowing) {
  RestoreStderrLogger restore;
  core::log::Options options;
  options.environment = "testing";
  options.file_path = "/dev/null/logs/nico.log";  // a path no one can create, root included
  testing::internal::CaptureStderr();
  EXPECT_NO_THROW(core::log::init(options));
  core::log::info("Queue worker started", {{"queue", "default"}});
  core::log::flush();
  std::string err = testing::internal::GetCapturedStderr();
  EXPECT_NE(err.find("testing.WARNING: log file unusable, logging to stderr {\"path\":\"/dev/null/logs/nico.log\""),
            std::string::npos)
      << err;
  EXPECT_NE(err.find("testing.INFO: Queue worker started {\"queue\":\"default\"}"), std::string::npos) << err;
}

TEST(Log, AWritableFileGetsTheLinesAndIsGroupWritable) {
  RestoreStderrLogger restore;
  auto folder = std::filesystem::temp_directory_path() / "nico-log-test";
  std::filesystem::remove_all(folder);
  core::log::Options options;
  options.environment = "testing";
  options.file_path = (folder / "nico.log").string();
  core::log::init(options);
  core::log::warning("disk almost full");
  core::log::flush();
  std::ifstream in(folder / "nico.log");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(text.find("testing.WARNING: disk almost full"), std::string::npos) << text;
  auto perms = std::filesystem::status(folder / "nico.log").permissions();
  EXPECT_NE(perms & std::filesystem::perms::group_write, std::filesystem::perms::none);
  core::log::init({});
  std::filesystem::remove_all(folder);
}

TEST(Log, AFullDiskSendsTheLinesToStderrIncludingThoseStillBuffered) {
  if (!std::filesystem::exists("/dev/full")) GTEST_SKIP() << "no /dev/full (every write fails with ENOSPC) here";
  RestoreStderrLogger restore;
  core::log::Options options;
  options.environment = "testing";
  options.file_path = "/dev/full";
  testing::internal::CaptureStderr();
  core::log::init(options);
  core::log::info("buffered before the failure");
  core::log::warning("this one flushes");  // warnings flush: the write fails here
  core::log::info("after the failure");
  core::log::flush();
  std::string err = testing::internal::GetCapturedStderr();
  EXPECT_NE(err.find("testing.WARNING: log file unusable, logging to stderr {\"path\":\"/dev/full\""), std::string::npos)
      << err;
  EXPECT_NE(err.find("testing.INFO: buffered before the failure"), std::string::npos) << err;
  EXPECT_NE(err.find("testing.WARNING: this one flushes"), std::string::npos) << err;
  EXPECT_NE(err.find("testing.INFO: after the failure"), std::string::npos) << err;
}
