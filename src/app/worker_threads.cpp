#include "app/worker_threads.hpp"

#include <algorithm>

namespace app {

int default_worker_threads(std::string_view db_connection, unsigned hardware_threads) {
  const int cores = std::clamp(static_cast<int>(hardware_threads == 0 ? 2 : hardware_threads), 1, 64);
  if (db_connection == "sqlite") return std::max(2, cores);
  return std::max(4, 2 * cores);
}

}  // namespace app
