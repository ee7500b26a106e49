// The default worker count and the cores it is based on (see worker_threads.hpp).
#include "app/worker_threads.hpp"

#include <sched.h>

#include <algorithm>
#include <fstream>
#include <string>

namespace app {

int default_worker_threads(std::string_view db_connection, unsigned cores) {
  const int usable = std::clamp(static_cast<int>(cores == 0 ? 2 : cores), 1, 1024);
  if (db_connection == "sqlite") return std::clamp(usable, 3, 32);
  return std::clamp(2 * usable, 4, 16);
}

namespace {

unsigned affinity_cores() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) != 0) return 0;
  return static_cast<unsigned>(CPU_COUNT(&set));
}

// "max 100000" (no quota) or "<quota> <period>" in microseconds.
unsigned quota_cores() {
  std::ifstream file("/sys/fs/cgroup/cpu.max");
  std::string quota;
  long long period = 0;
  if (!(file >> quota >> period) || quota == "max" || period <= 0) return 0;
  try {
    long long allowed = std::stoll(quota);
    if (allowed <= 0) return 0;
    return static_cast<unsigned>((allowed + period - 1) / period);
  } catch (const std::exception&) {
    return 0;
  }
}

}  // namespace

unsigned usable_cores() {
  unsigned affinity = affinity_cores();
  unsigned quota = quota_cores();
  if (affinity == 0) return quota;
  return quota == 0 ? affinity : std::min(affinity, quota);
}

}  // namespace app
