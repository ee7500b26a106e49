// The application-kept catalog version on MariaDB/PostgreSQL (see catalog_version.hpp).
#include "domain/inventory/catalog_version.hpp"

#include <soci/soci.h>

#include <atomic>
#include <exception>

#include "core/log.hpp"
#include "db/after_commit.hpp"

namespace inventory {

namespace {

// The key that makes every write of one transaction share a single bump.
constexpr char kBumpKey = 0;

constexpr const char* kBump = "UPDATE catalog_versions SET version = version + 1 WHERE id = 1";

// Counted after the UPDATE returned (or failed): a reader that sees the new count reads the database after the bump.
std::atomic<long long> bumps_by_this_process{0};

}  // namespace

void bump_catalog_version_after_commit(soci::session& sql) {
  // SOCI's backend name: "sqlite3", "mysql" (MariaDB too) or "postgresql". SQLite's triggers already counted it.
  if (sql.get_backend_name() == "sqlite3") return;
  db::after_commit(sql, &kBumpKey, [](soci::session& session) {
    try {
      session << kBump;
    } catch (const std::exception& e) {
      // The write itself committed: the visitor gets their page; only the cached catalog lags behind.
      core::log::warning("catalog version bump failed after commit: cached store pages may show the previous "
                         "catalog until the next catalog write or `nico cache:clear`",
                         {{"error", e.what()}});
    }
    bumps_by_this_process.fetch_add(1);
  });
}

long long catalog_bumps_by_this_process() { return bumps_by_this_process.load(); }

}  // namespace inventory
