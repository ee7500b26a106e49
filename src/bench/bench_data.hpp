// Deterministic building blocks for the benchmark data set: a fixed-seed generator, Spanish name pools and a fixed
// calendar (no wall clock: the same counts give the same rows anywhere).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace bench {

// splitmix64: tiny, fast, and identical on every platform (std distributions are not).
class Random final {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next();
  // Uniform in [0, bound).
  std::uint64_t below(std::uint64_t bound) { return next() % bound; }
  // Uniform in [low, high].
  std::int64_t between(std::int64_t low, std::int64_t high) {
    return low + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(high - low + 1)));
  }
  bool chance(int percent) { return below(100) < static_cast<std::uint64_t>(percent); }
  template <typename T>
  const T& pick(const std::vector<T>& items) {
    return items[below(items.size())];
  }

 private:
  std::uint64_t state_;
};

// The data set's "now": 2026-11-01 12:00:00 UTC, as Unix seconds.
inline constexpr std::int64_t kBenchEpoch = 1793534400;

// "2026-11-01 12:00:00" for Unix seconds (UTC).
std::string sql_time(std::int64_t unix_seconds);
// "20261101" for Unix seconds (UTC), for repair codes.
std::string ymd(std::int64_t unix_seconds);

const std::vector<std::string>& first_names();
const std::vector<std::string>& last_names();
// "351" + 7 digits: a Córdoba mobile, digits only as stored.
std::string phone_number(Random& random);

}  // namespace bench
