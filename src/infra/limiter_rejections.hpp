// How many hits each rate limiter refused in this process, by limiter name ("repair-lookup", "auth-login"…),
// read by /metrics at scrape time. Process-wide, like db::pool_waits(): the limiter's store may change
// (database, memory, Redis) without this count moving. Names are constants in the code, so the list stays short.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace infra {

// Counts one refused hit of `limiter` (called by RateLimiter::hit; a mutex, taken only on a refusal).
void note_limiter_rejection(std::string_view limiter);
// Every limiter that refused at least once, with its count, by name.
std::vector<std::pair<std::string, std::uint64_t>> limiter_rejections();

}  // namespace infra
