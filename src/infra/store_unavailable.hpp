// The one error a shared store (Redis today) throws when it cannot answer: not reachable, timed out, or answering
// with an error. Callers decide what an outage means for them (docs/ARCHITECTURE.md, "Stores"): the limiter falls
// back to counting in this process, the cache treats it as a miss, a scheduler lock as "not taken".
#pragma once

#include <stdexcept>
#include <string>

namespace infra {

class StoreUnavailable final : public std::runtime_error {
 public:
  explicit StoreUnavailable(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace infra
