// Per-limiter refusal counters (see limiter_rejections.hpp).
#include "infra/limiter_rejections.hpp"

#include <map>
#include <mutex>

namespace infra {

namespace {
std::mutex counts_mutex;
std::map<std::string, std::uint64_t, std::less<>>& counts() {
  static std::map<std::string, std::uint64_t, std::less<>> by_limiter;
  return by_limiter;
}
}  // namespace

void note_limiter_rejection(std::string_view limiter) {
  std::lock_guard lock(counts_mutex);
  auto& by_limiter = counts();
  auto found = by_limiter.find(limiter);
  if (found == by_limiter.end()) by_limiter.emplace(std::string(limiter), 1);
  else ++found->second;
}

std::vector<std::pair<std::string, std::uint64_t>> limiter_rejections() {
  std::lock_guard lock(counts_mutex);
  return {counts().begin(), counts().end()};
}

}  // namespace infra
