// Every log line, in the application log and in the ops alert log, carries its time in one zone and says which:
// ISO 8601 UTC with "Z". Before, the application log was UTC and the alert log local time, both without a zone.
#include <gtest/gtest.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "support/app_server.hpp"

using testing_support::AppServer;

namespace {

std::vector<std::string> lines_of(const std::filesystem::path& folder, const std::string& prefix) {
  std::vector<std::string> lines;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().filename().string().rfind(prefix, 0) != 0) continue;
    std::ifstream in(entry.path());
    for (std::string line; std::getline(in, line);)
      if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

// Seconds between the line's stamp, read as UTC, and now.
long long seconds_from_now(const std::string& stamp) {
  std::tm parts{};
  std::istringstream in(stamp);
  in >> std::get_time(&parts, "%Y-%m-%dT%H:%M:%S");
  auto then = static_cast<long long>(timegm(&parts));
  auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  return now - then;
}

}  // namespace

TEST(LogTimeZone, AppLogAndAlertLogLinesAreUtcAndSaySo) {
  // A server whose clock is set to the shop's zone (three hours from UTC): the lines must not follow it.
  AppServer server(std::map<std::string, std::string>{{"TZ", "America/Argentina/Cordoba"}});
  auto sent = server.run({"ops:alert-test", "--message=Prueba de zona horaria"});
  ASSERT_EQ(sent.exit_code, 0) << sent.output;
  // The hourly housekeeping writes the application log.
  ASSERT_EQ(server.run({"schedule:run", "--now=2026-03-02 11:00"}).exit_code, 0);

  std::regex stamped(R"(^\[(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})Z\] testing\.[A-Z]+: )");
  auto alerts = lines_of(server.base_path() / "storage/logs", "ops-alerts-");
  auto app = lines_of(server.base_path() / "storage/logs", "nico");
  ASSERT_FALSE(alerts.empty());
  ASSERT_FALSE(app.empty());
  for (const auto* log : {&alerts, &app}) {
    for (const auto& line : *log) {
      std::smatch match;
      ASSERT_TRUE(std::regex_search(line, match, stamped)) << line;
      // UTC, not the shop's local time: within a few minutes of now (three hours off would be the old alert log).
      EXPECT_LT(std::llabs(seconds_from_now(match[1])), 600) << line;
    }
  }
  bool found = false;
  for (const auto& line : alerts) found = found || line.find("Prueba de zona horaria") != std::string::npos;
  EXPECT_TRUE(found);
}
