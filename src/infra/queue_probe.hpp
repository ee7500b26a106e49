// The built-in diagnostics job "queue.probe": harmless, cheap, and observable. Each run adds one to the cache
// row `queue.probe:<id>` (CACHE_PREFIX applies; kept one day), so an operator or a test can tell whether a worker
// is alive (`nico queue:probe --wait=30`) and how many times each job ran (exactly once, unless it failed).
//
// Job data: {"id": "<batch>:<n>", "seconds": 0, "fail": false}. "seconds" holds the worker that long before the
// run is counted (exercises --timeout and a graceful stop mid-job). With "fail": true the handler still counts the
// run, then throws, which exercises retries, backoff and failed_jobs without touching anything else.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace db {
class Database;
}

namespace infra {

class JobRegistry;

inline constexpr std::string_view kProbeJobName = "queue.probe";

void register_probe_job(JobRegistry& registry, db::Database& database, std::string cache_prefix);

// The job data for probe `id`.
std::string probe_data(std::string_view id, bool fail, int seconds = 0);
// The cache key that counts probe `id`'s runs (without CACHE_PREFIX).
std::string probe_counter_key(std::string_view id);
// How many times probe `id` has run (nullopt: never).
std::optional<long long> probe_run_count(db::Database& database, std::string_view cache_prefix, std::string_view id);

}  // namespace infra
