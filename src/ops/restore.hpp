// `nico ops:restore SNAPSHOT (--force | --drill | --into=PATH|DSN)`: puts a snapshot back into a database and a
// folder, proving the backup can actually be used.
//
// Where it goes (one of the three must be given; nothing else restores "somewhere" by surprise):
//   --force        the LIVE database (the configured connection) and the live uploads (OPS_BACKUP_FILES_SOURCE);
//                  only in maintenance mode (`nico down`); the current database is saved first into
//                  <root>/pre-restore_<stamp>/ and the current uploads are kept as <source>.pre-restore-<stamp>;
//   --drill        a scratch copy that is checked and removed afterwards (the monthly drill);
//   --into=TARGET  a scratch copy that is kept (SQLite file, MariaDB schema / DSN, PostgreSQL database / DSN); the
//                  configured database as TARGET counts as live and needs --force too.
// SNAPSHOT is a name, a path, or `latest` = the newest complete snapshot (snapshot_catalog.hpp: the database and,
// unless OPS_BACKUP_ONLY=db, the uploads). An empty or blank SNAPSHOT is refused.
//
// Steps:
//   1. refuse what cannot be right before reading anything (RestoreRefused): blank snapshot, no destination,
//      --drill with --force, a live restore outside maintenance mode;
//   2. resolve SNAPSHOT and verify it (backup_verify.hpp); any failed check stops here;
//   3. choose the database target before writing anything:
//        SQLite   --into=PATH (a new file) or <root>/.restore-<stamp>/database.sqlite, or the live file;
//        MariaDB  --into=SCHEMA|DSN or a new schema <DB_DATABASE>_restore_<YYYYmmddHHMMSS> (restore_mysql.hpp);
//        PostgreSQL likewise with a database (restore_postgres.hpp);
//      a live target first saves the current database into <root>/pre-restore_<stamp>/;
//   4. load (an encrypted artifact is first decrypted into the scratch folder with OPS_BACKUP_ENCRYPTION_KEY):
//      SQLite through the online backup API (a live file stays coherent for other connections), MariaDB and
//      PostgreSQL by piping the dump into the client;
//   5. report migration status against this binary and row counts of the core tables;
//   6. files: into <root>/.restore-<stamp>/files, or (live) swapped into the uploads folder with the previous
//      folder kept next to it as <source>.pre-restore-<stamp>;
//   7. --drill: drop the scratch schema / delete the scratch folder. A failed scratch restore is cleaned up too.
// Scratch folders start with '.', so retention and snapshot listing never mistake them for snapshots; a restore
// holds a lock on its scratch folder while it runs, so pruning never removes one in use (backup_retention.hpp).
#pragma once

#include "ops/health_check.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "ops/backup_verify.hpp"
#include "ops/restore_inspect.hpp"

namespace core {
class Config;
}

namespace ops {

// Step 1's refusals: the request itself is wrong, nothing was read or written. The message may span lines (it
// shows the commands to type). Not an incident: callers print it without raising an alert.
class RestoreRefused : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct RestoreRequest {
  std::string snapshot;             // name, path or "latest"
  std::optional<std::string> into;  // PATH (SQLite) or SCHEMA/DSN (MariaDB, PostgreSQL)
  bool drill = false;
  bool force = false;               // without `into`: restore over the live database and uploads
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
  std::string pre_restore_files;        // live restores: where the replaced uploads folder was moved ("" = none)
  std::string undo_command;             // live restores: the command that puts the saved database back
  std::string files_note;               // live restores that left the uploads alone, and why
  std::vector<std::string> backup_warnings;  // what the backup recorded in its manifest (files source problems)
  bool cleaned_up = false;              // --drill removed the scratch database and folder
};

// Throws RestoreRefused (step 1) or std::runtime_error with a one-line, operator-facing message; `on_verified` is
// called with the verification as soon as it is known (also when it failed), so it can be printed before the error.
RestoreReport run_restore(const core::Config& config, const RestoreRequest& request,
                          const std::function<void(const VerifyReport&)>& on_verified = {});

}  // namespace ops
