// cache:clear: empties what this process can reach of the application's caches (artisan's habit after a deploy or
// a hand edit of the database):
//   - the `cache` table (CACHE_STORE=database): cached dashboard figures, alert de-duplication marks, rate-limit
//     counters. Kept: the queue worker and scheduler heartbeats (liveness records the health check reads, not cached
//     data: deleting them would turn its worker rows WARN until the next beat) and `cache_locks` (they guard work
//     running right now, e.g. a backup, against a second copy).
//   - with a store on Redis (CACHE_STORE / RATE_LIMIT_STORE=redis): the keys of this app there (CACHE_PREFIX),
//     entries and limiter counters, keeping the same heartbeats and every lock.
//   - the in-memory catalog data and rendered catalog pages of every running `nico serve` (any engine): they are
//     keyed by the catalog version, so bumping it makes each server drop them at its next request (the way out of a
//     stale catalog after a crash between a catalog write's commit and its bump on MariaDB/PostgreSQL, or after a
//     restore).
// Not reachable from outside: the counters of RATE_LIMIT_STORE=memory (they live in each `nico serve` and start
// anew when it restarts), a server's copy of the shop settings and brand assets, which it reloads on its own
// every 15 s (SettingsCache) and which the admin pages invalidate on every change anyway.
#include <soci/soci.h>

#include <chrono>
#include <iostream>
#include <string>

#include "app/application.hpp"
#include "app/command.hpp"
#include "db/database.hpp"
#include "db/unit_of_work.hpp"
#include "infra/queue_worker.hpp"
#include "infra/redis_cache_store.hpp"
#include "infra/stores.hpp"
#include "infra/scheduler.hpp"

namespace app {

namespace {

struct ClearReport {
  long long rows = 0;
  bool catalog_bumped = false;
};

ClearReport clear_caches(db::Database& database, const std::string& prefix) {
  std::string queue_beat = prefix + std::string(infra::kQueueHeartbeatKey);
  std::string scheduler_beat = prefix + std::string(infra::kSchedulerHeartbeatKey);
  return db::write(database, [&](db::Tx& tx) {
    ClearReport report;
    soci::statement remove = (tx.sql().prepare << "DELETE FROM cache WHERE \"key\" NOT IN (:queue, :scheduler)",
                              soci::use(queue_beat), soci::use(scheduler_beat));
    remove.execute(true);
    report.rows = remove.get_affected_rows();
    // The catalog version (migrations 0080, 0161) jumps to at least the current time in milliseconds instead of +1:
    // after a restore it is back at the snapshot's number, and +1 could meet a number the running servers already
    // cached other pages under; counting one per catalog write never reaches the clock. A rare command: holding the
    // row until this commit is harmless here (catalog writes bump it only after their own commits).
    long long now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                           std::chrono::system_clock::now().time_since_epoch()).count();
    long long floor_a = now_ms, floor_b = now_ms;
    tx.sql() << "UPDATE catalog_versions SET version = CASE WHEN version + 1 > :a THEN version + 1 ELSE :b END "
                "WHERE id = 1",
        soci::use(floor_a, "a"), soci::use(floor_b, "b");
    // No row: SQLite before its first catalog write (the triggers create it); MariaDB/PostgreSQL keep no version
    // without migration 0161, and cache nothing then.
    if (tx.dialect() == db::Dialect::kSqlite)
      tx.sql() << "INSERT OR IGNORE INTO catalog_versions (id, version) VALUES (1, :v)", soci::use(now_ms);
    report.catalog_bumped = true;
    return report;
  });
}

int cache_clear(const CommandEnvironment& environment, const CommandInput&) {
  auto config = bootstrap(environment);
  auto database = open_database(config, 1);
  ClearReport report = clear_caches(*database, config.str("CACHE_PREFIX"));
  std::cout << "Application cache cleared: " << report.rows << " entr" << (report.rows == 1 ? "y" : "ies")
            << " removed from the cache table.\n";
  if (infra::uses_redis(config)) {
    std::string prefix = config.str("CACHE_PREFIX");
    try {
      infra::RedisCacheStore redis(infra::redis_endpoint(config));
      auto removed = redis.clear_prefixed(prefix, {prefix + std::string(infra::kQueueHeartbeatKey),
                                                    prefix + std::string(infra::kSchedulerHeartbeatKey)});
      std::cout << "  Redis: " << removed << " key" << (removed == 1 ? "" : "s") << " removed.\n";
    } catch (const std::exception& e) {
      std::cerr << "cache:clear: the cache table was cleared, but Redis was not: " << e.what() << "\n";
      return 1;
    }
  }
  if (environment.quiet) return 0;
  std::cout << "  Kept: worker and scheduler heartbeats, locks of running tasks.\n";
  if (report.catalog_bumped)
    std::cout << "  Catalog version bumped: running servers stop using their cached catalog and pages at their next request "
                 "(MariaDB/PostgreSQL: within CATALOG_VERSION_REUSE_MS).\n";
  std::cout << "  Shop settings and brand assets: running servers reload them within 15 s.\n";
  return 0;
}

}  // namespace

std::vector<CommandSpec> cache_commands() {
  return {
      {"cache:clear",
       "Empty the application cache (cache table; catalog data and pages cached by running servers)",
       {},
       {},
       cache_clear},
  };
}

}  // namespace app
