// `nico serve` runs its worker threads under SCHED_BATCH (src/http/server.cpp says why) and its other threads under
// the normal policy; marking the workers at start leaves nothing behind: SIGTERM ends the server with status 0,
// start after start. (A first version kept its start-up latch on the stack; a worker still leaving it hung the
// server's shutdown for good.)
#include <gtest/gtest.h>
#include <sched.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "support/app_server.hpp"

using testing_support::AppServer;
namespace fs = std::filesystem;

namespace {

// Field 41 of /proc/PID/task/TID/stat (proc(5)); the fields are counted after the command name's closing ')'.
// -1 when the thread has just ended (its stat reads empty).
int scheduling_policy(const fs::path& task) {
  std::ifstream file(task / "stat");
  std::string stat((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  std::size_t name_end = stat.rfind(')');
  if (name_end == std::string::npos || name_end + 2 > stat.size()) return -1;
  std::istringstream fields(stat.substr(name_end + 2));
  std::vector<std::string> values;
  for (std::string value; fields >> value;) values.push_back(value);
  constexpr std::size_t kPolicy = 41 - 3;  // the state (field 3) comes first
  return values.size() > kPolicy ? std::stoi(values[kPolicy]) : -1;
}

TEST(WorkerThreads, RunAsBatchWhileTheRestStayNormalAndTheServerStopsCleanlyEveryTime) {
  AppServer server(std::map<std::string, std::string>{{"SERVER_WORKERS", "3"}});
  for (int round = 0; round < 8; ++round) {
    server.start();
    const fs::path tasks = "/proc/" + std::to_string(server.pid()) + "/task";
    int batch = 0;
    for (const auto& task : fs::directory_iterator(tasks)) {
      int policy = scheduling_policy(task.path());
      if (policy == SCHED_BATCH) ++batch;
      else if (policy != SCHED_OTHER && policy != -1) ADD_FAILURE() << task.path() << " has policy " << policy;
    }
    EXPECT_EQ(batch, 3) << "round " << round;
    EXPECT_EQ(scheduling_policy(tasks / std::to_string(server.pid())), SCHED_OTHER) << "the IO thread";
    server.stop();
    ASSERT_EQ(server.exit_status(), 0) << "round " << round << ": SIGTERM did not end the server (killed after 20 s)";
  }
}

}  // namespace
