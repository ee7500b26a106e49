// SQLite snapshots through the online backup API (sqlite3_backup_*), never a raw copy of a live file: a raw copy
// of a database in WAL mode misses committed pages still in the -wal file and can catch a half-written page.
#pragma once

#include <functional>
#include <filesystem>
#include <optional>
#include <string>

namespace ops {

// (pages copied so far, total pages). Called after every step, on the calling thread.
using PageProgress = std::function<void(long long copied, long long total)>;

// Copies the database at `source` into the new file `destination`.
//
// Consistency: one read transaction is held on the source for the whole copy, so every page comes from the same
// committed state. In WAL mode (how db::Database opens every file) a reader never blocks writers, so the server
// keeps committing while the copy runs; the WAL just cannot be checkpointed past our snapshot until we finish.
// The copy goes in small steps so progress can be shown and the pager lock is never held for one huge call.
// The result is a self-contained rollback-journal file (no -wal/-shm needed), fsynced.
//
// Throws std::runtime_error: "SQLite database file does not exist: <path>" when `source` is missing (the
// reference's message), or "SQLite backup failed: <sqlite message>".
void sqlite_online_backup(const std::filesystem::path& source, const std::filesystem::path& destination,
                          const PageProgress& progress = {});

// Copies the snapshot file `snapshot` over the database at `live` with the same API (used by a forced restore:
// other connections see either the old or the new content, and the WAL stays coherent). Throws std::runtime_error.
void sqlite_restore_over(const std::filesystem::path& snapshot, const std::filesystem::path& live,
                         const PageProgress& progress = {});

// Name of the newest migration recorded in the file's `migrations` table (the schema version), or nullopt when the
// table is absent or empty. Opens the file read-only. Throws std::runtime_error when it cannot be read.
std::optional<std::string> sqlite_schema_version(const std::filesystem::path& file);

// Result of PRAGMA integrity_check: "ok", or the problems reported (joined by "; "). Opens the file read-only.
// Throws std::runtime_error when the file cannot be opened as a database at all.
std::string sqlite_integrity_check(const std::filesystem::path& file);

// How deep a content check of a database file goes.
//   kQuick: PRAGMA quick_check — every b-tree page is read and its structure, cell bounds, free list, record formats
//           and NOT NULL / CHECK constraints are verified; what it skips is cross-checking each index against its
//           table (and UNIQUE), which on a big database costs several times more than the rest (random lookups).
//   kFull:  PRAGMA integrity_check — also that cross-check.
enum class SqliteCheck { kQuick, kFull };

// Like sqlite_integrity_check with the chosen depth. `still_running` is called every few thousand VM steps on the
// calling thread (progress); returning false interrupts the check, which then throws.
std::string sqlite_check(const std::filesystem::path& file, SqliteCheck depth,
                         const std::function<bool()>& still_running = {});

}  // namespace ops
