// The catalog version: catalog_versions row id 1, the number the store's catalog cache and page cache key on
// (domain/store/catalog_cache.hpp). It must grow after every write to products or categories, on every engine:
//   SQLite           triggers bump it inside the writing transaction (migration 0080): nothing to do here.
//   MariaDB/Postgres  the application bumps it after the writing transaction commits (row seeded by migration 0161),
//                    with its own autocommit `UPDATE catalog_versions SET version = version + 1 WHERE id = 1`, so no
//                    transaction holds that hot row: a checkout's stock update never waits behind another's bump.
// A crash between the commit and the bump leaves the cached catalog stale until the next catalog write (or
// `nico cache:clear`): see docs/ARCHITECTURE.md, "Catalog cache".
#pragma once

namespace soci {
class session;
}

namespace inventory {

// Call with the session of every write to products or categories (inside its transaction, or after an autocommit
// write). Server engines: the bump runs once per transaction, after it commits (at once when none is open); a bump
// that fails (connection lost after the commit) is logged as a warning and never fails the write. SQLite: nothing.
// Blocking SQL: worker threads only.
void bump_catalog_version_after_commit(soci::session& sql);

// How many bumps this process has run (after their commits), successful or not. A reader that reuses a version it
// read a moment ago (store::CatalogCache, CATALOG_VERSION_REUSE_MS) rereads once this moved, so a write made through
// this process shows at once on its next page. Any thread.
long long catalog_bumps_by_this_process();

}  // namespace inventory
