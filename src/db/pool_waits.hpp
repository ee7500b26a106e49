// How often, and how long, a unit of work had to wait for a pooled connection because every one was leased.
// Read by /metrics (web/metrics.cpp) at scrape time. Process-wide (every db::Database of the process adds to the
// same two counters; `nico serve` has one pool), kept outside database.hpp so that widely included header does not
// change: like the logger, these describe the process, not one object.
#pragma once

#include <chrono>
#include <cstdint>

namespace db {

struct PoolWaits {
  std::uint64_t count = 0;   // leases that found no free connection and waited
  double seconds = 0.0;      // their total wait
};

PoolWaits pool_waits();
// Called by Database::lease after a wait (the time spent blocked in the pool).
void note_pool_wait(std::chrono::steady_clock::duration waited);

}  // namespace db
