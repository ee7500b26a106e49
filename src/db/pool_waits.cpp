// Process-wide pool wait counters (see pool_waits.hpp): two relaxed atomics, touched only when a lease waited.
#include "db/pool_waits.hpp"

#include <atomic>

namespace db {

namespace {
std::atomic<std::uint64_t> wait_count{0};
std::atomic<std::uint64_t> wait_microseconds{0};
}  // namespace

PoolWaits pool_waits() {
  PoolWaits waits;
  waits.count = wait_count.load(std::memory_order_relaxed);
  waits.seconds = static_cast<double>(wait_microseconds.load(std::memory_order_relaxed)) / 1e6;
  return waits;
}

void note_pool_wait(std::chrono::steady_clock::duration waited) {
  wait_count.fetch_add(1, std::memory_order_relaxed);
  const auto us = std::chrono::duration_cast<std::chrono::microseconds>(waited).count();
  wait_microseconds.fetch_add(static_cast<std::uint64_t>(us > 0 ? us : 0), std::memory_order_relaxed);
}

}  // namespace db
