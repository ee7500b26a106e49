// Catalog writes made by tests in plain SQL, as another node sharing the database would make them.
#pragma once

#include "app_server.hpp"

namespace soci {
class session;
}

namespace testing_support {

// After a catalog write in plain SQL: on MariaDB/PostgreSQL bumps the catalog version as the application does after
// its own catalog writes (SQLite's triggers already did), so a running server's cached store pages show the change.
// The first form leases a connection; the second runs on the caller's own lease.
void note_catalog_write(AppServer& server);
void note_catalog_write(AppServer& server, soci::session& sql);

}  // namespace testing_support
