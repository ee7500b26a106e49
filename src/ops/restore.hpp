// `nico ops:restore SNAPSHOT [--into=PATH|DSN] [--drill] [--force]`: puts a snapshot back into a database and a
// folder, proving the backup can actually be used.
//
// Steps:
//   1. resolve SNAPSHOT (a name, a path or "latest") and verify it (backup_verify.hpp); any failed check stops here;
//   2. choose the database target before writing anything:
//        SQLite   --into=PATH (a new file) or <root>/.restore-<stamp>/database.sqlite;
//        MariaDB  --into=SCHEMA|DSN or a new schema <DB_DATABASE>_restore_<YYYYmmddHHMMSS> (restore_mysql.hpp);
//      the target is LIVE when it is the configured database: that needs --force AND maintenance mode (`nico down`),
//      is refused with --drill, and first saves the current database into <root>/pre-restore_<stamp>/;
//   3. load (an encrypted artifact is first decrypted into the scratch folder with OPS_BACKUP_ENCRYPTION_KEY):
//      SQLite through the online backup API (a live file stays coherent for other connections), MariaDB by piping
//      the dump into the client;
//   4. report migration status against this binary and row counts of the core tables;
//   5. files: into <root>/.restore-<stamp>/files, or (live) swapped into OPS_BACKUP_FILES_SOURCE with the previous
//      folder kept next to it as <source>.pre-restore-<stamp>;
//   6. --drill: drop the scratch schema / delete the scratch folder. A failed scratch restore is cleaned up too.
// Scratch folders start with '.', so retention and snapshot listing never mistake them for snapshots.
#pragma once

#include "ops/health_check.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>

#include "ops/backup_verify.hpp"
#include "ops/restore_inspect.hpp"

namespace core {
class Config;
}

namespace ops {

struct RestoreRequest {
  std::string snapshot;             // name, path or "latest"
  std::optional<std::string> into;  // PATH (SQLite) or SCHEMA/DSN (MariaDB)
  bool drill = false;
  bool force = false;
  bool terminal = false;
};

struct RestoreReport {
  VerifyReport verification;
  bool live = false;
  std::string database_target;          // "" when the snapshot has no database artifact
  std::optional<RestoredState> state;   // set when a database was restored
  std::optional<HealthReport> health;   // the health check's database rows, run against the restored copy
  std::string files_target;             // "" when the snapshot has no files artifact
  std::int64_t files_restored = 0;
  std::string pre_restore_copy;         // live restores: where the replaced database was saved
  bool cleaned_up = false;              // --drill removed the scratch database and folder
};

// Throws std::runtime_error with a one-line, operator-facing message; `on_verified` is called with the verification
// as soon as it is known (also when it failed), so it can be printed before the error.
RestoreReport run_restore(const core::Config& config, const RestoreRequest& request,
                          const std::function<void(const VerifyReport&)>& on_verified = {});

}  // namespace ops
