// SQLite online backup, restore-over and integrity check (see backup_sqlite.hpp). Uses the sqlite3 C API directly
// (not SOCI): the backup API needs the raw handles, and the copy must not share a pooled connection.
#include "ops/backup_sqlite.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <thread>

#include "core/unique_fd.hpp"
#include "ops/backup_io.hpp"

namespace ops {

namespace {

namespace fs = std::filesystem;

// 256 pages = 1 MiB at the default 4 KiB page size: each step is a few milliseconds of I/O, so progress moves
// smoothly and another connection in this process never waits long on the pager mutex.
constexpr int kPagesPerStep = 256;
// How long a step may keep getting SQLITE_BUSY/LOCKED (another connection holding the destination's lock during
// a restore) before we give up.
constexpr auto kBusyGiveUp = std::chrono::seconds(30);
constexpr int kBusyTimeoutMs = 5000;

struct SqliteCloser {
  void operator()(sqlite3* handle) const { sqlite3_close_v2(handle); }
};
using SqliteHandle = std::unique_ptr<sqlite3, SqliteCloser>;

struct BackupFinisher {
  void operator()(sqlite3_backup* backup) const { sqlite3_backup_finish(backup); }
};
using BackupHandle = std::unique_ptr<sqlite3_backup, BackupFinisher>;

std::runtime_error failure(const std::string& what) { return std::runtime_error("SQLite backup failed: " + what); }

// SQLite's text plus the OS reason behind an I/O error ("disk I/O error (No space left on device)").
std::string describe(sqlite3* handle, int rc) {
  std::string text = sqlite3_errstr(rc);
  int system_error = handle ? sqlite3_system_errno(handle) : 0;
  if (system_error != 0 && (rc & 0xff) != SQLITE_BUSY) text += std::string(" (") + std::strerror(system_error) + ")";
  return text;
}

SqliteHandle open_database(const fs::path& path, int flags) {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  SqliteHandle handle(raw);  // owns it even when opening failed (sqlite3 allocates a handle to carry the error)
  if (rc != SQLITE_OK)
    throw failure("cannot open " + path.string() + ": " + (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
  sqlite3_busy_timeout(handle.get(), kBusyTimeoutMs);
  return handle;
}

void execute(sqlite3* handle, const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(handle, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    std::string text = message ? message : sqlite3_errmsg(handle);
    sqlite3_free(message);
    throw failure(std::string(sql) + ": " + text);
  }
}

// Copies every page of `from` into `to`, in steps; returns when the copy is complete and committed on `to`.
void copy_pages(sqlite3* from, sqlite3* to, const PageProgress& progress) {
  BackupHandle backup(sqlite3_backup_init(to, "main", from, "main"));
  if (!backup) throw failure(sqlite3_errmsg(to));
  auto busy_since = std::chrono::steady_clock::time_point{};
  for (;;) {
    int rc = sqlite3_backup_step(backup.get(), kPagesPerStep);
    if (progress) {
      long long total = sqlite3_backup_pagecount(backup.get());
      progress(total - sqlite3_backup_remaining(backup.get()), total);
    }
    if (rc == SQLITE_DONE) break;
    if (rc == SQLITE_OK) {
      busy_since = {};
      continue;
    }
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
      auto now = std::chrono::steady_clock::now();
      if (busy_since == std::chrono::steady_clock::time_point{}) busy_since = now;
      if (now - busy_since > kBusyGiveUp) throw failure("database stayed locked for 30 s");
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      continue;
    }
    throw failure(describe(to, rc));
  }
  // finish() reports the step error, if any; release first so the deleter does not finish twice.
  int rc = sqlite3_backup_finish(backup.release());
  if (rc != SQLITE_OK) throw failure(sqlite3_errmsg(to));
}

void close_checked(SqliteHandle handle, const fs::path& path) {
  sqlite3* raw = handle.release();
  if (sqlite3_close(raw) != SQLITE_OK) {
    std::string message = sqlite3_errmsg(raw);
    sqlite3_close_v2(raw);
    throw failure("cannot close " + path.string() + ": " + message);
  }
}

}  // namespace

void sqlite_online_backup(const fs::path& source, const fs::path& destination, const PageProgress& progress) {
  std::error_code ec;
  if (!fs::is_regular_file(source, ec)) throw std::runtime_error("SQLite database file does not exist: " + source.string());

  // Read-write without CREATE: a reader of a WAL database needs the -shm, which a read-only handle may be unable
  // to create; we never write through this handle.
  SqliteHandle from = open_database(source, SQLITE_OPEN_READWRITE);
  // BEGIN is deferred: the first read starts the read transaction whose snapshot the whole copy then uses.
  execute(from.get(), "BEGIN");
  execute(from.get(), "SELECT count(*) FROM sqlite_master");

  SqliteHandle to = open_database(destination, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  // The destination is a fresh file in a temp folder that is thrown away on any failure: no journal needed, and
  // durability comes from the fsync below.
  execute(to.get(), "PRAGMA journal_mode=OFF");
  execute(to.get(), "PRAGMA synchronous=OFF");

  // SQLite writes the copy; we pace its writeback from a descriptor of our own (see WritebackPacer). The file
  // exists once the destination was opened with the PRAGMAs above.
  core::UniqueFd pacing_fd(::open(destination.c_str(), O_RDONLY | O_CLOEXEC));
  WritebackPacer pacer(pacing_fd.get());
  copy_pages(from.get(), to.get(), [&](long long copied, long long total) {
    struct stat info {};
    if (pacing_fd.valid() && ::fstat(pacing_fd.get(), &info) == 0) pacer.advance(info.st_size);
    if (progress) progress(copied, total);
  });
  execute(from.get(), "COMMIT");  // ends the read transaction: the server may checkpoint again
  // While we held the snapshot, every frame the server committed stayed in the WAL (a checkpoint cannot move pages
  // past an open reader). Backfill that debt here, in the backup process: the server's next commit would otherwise
  // run the whole checkpoint inline (its auto-checkpoint), stalling for as long as the backlog takes to write. A
  // PASSIVE checkpoint never blocks writers, and while it runs theirs finds the checkpointer busy and returns.
  sqlite3_wal_checkpoint_v2(from.get(), "main", SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  from.reset();

  // The copied header says WAL (the live file's mode). Switch the copy to a rollback journal so the snapshot is
  // one self-contained file that opens read-only anywhere.
  execute(to.get(), "PRAGMA journal_mode=DELETE");
  close_checked(std::move(to), destination);
  // SQLite created the file with the umask's mode; artifacts are owner-only (600), like the rest of the snapshot.
  fs::permissions(destination, fs::perms::owner_read | fs::perms::owner_write);
  fsync_path(destination);
}

void sqlite_restore_over(const fs::path& snapshot, const fs::path& live, const PageProgress& progress) {
  std::error_code ec;
  if (!fs::is_regular_file(snapshot, ec)) throw std::runtime_error("SQLite snapshot file does not exist: " + snapshot.string());
  SqliteHandle from = open_database(snapshot, SQLITE_OPEN_READONLY);
  SqliteHandle to = open_database(live, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  copy_pages(from.get(), to.get(), progress);
  close_checked(std::move(to), live);
}

std::optional<std::string> sqlite_schema_version(const fs::path& file) {
  SqliteHandle handle = open_database(file, SQLITE_OPEN_READONLY);
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(handle.get(), "SELECT migration FROM migrations ORDER BY migration DESC LIMIT 1", -1, &raw,
                         nullptr) != SQLITE_OK)
    return std::nullopt;  // no migrations table: a database nico never migrated
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> statement(raw, sqlite3_finalize);
  int rc = sqlite3_step(statement.get());
  if (rc == SQLITE_DONE) return std::nullopt;
  if (rc != SQLITE_ROW) throw failure(sqlite3_errmsg(handle.get()));
  const unsigned char* text = sqlite3_column_text(statement.get(), 0);
  return std::string(text ? reinterpret_cast<const char*>(text) : "");
}

std::string sqlite_integrity_check(const fs::path& file) { return sqlite_check(file, SqliteCheck::kFull); }

std::string sqlite_check(const fs::path& file, SqliteCheck depth, const std::function<bool()>& still_running) {
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) throw std::runtime_error("file not found: " + file.string());
  SqliteHandle handle = open_database(file, SQLITE_OPEN_READONLY);
  // The check reads every page once (quick) or looks index entries up in their tables (full): a page cache much
  // larger than the 2 MiB default keeps those lookups off the disk, and memory-mapped reads skip one copy per page.
  // Both only last as long as this read-only handle, and are best effort: on a file that is no database at all they
  // fail, and the check below then reports why.
  sqlite3_exec(handle.get(), "PRAGMA cache_size=-262144", nullptr, nullptr, nullptr);    // 256 MiB
  sqlite3_exec(handle.get(), "PRAGMA mmap_size=4294967296", nullptr, nullptr, nullptr);  // capped at the file size
  if (still_running) {
    sqlite3_progress_handler(
        handle.get(), 10000,
        [](void* callback) -> int { return (*static_cast<const std::function<bool()>*>(callback))() ? 0 : 1; },
        const_cast<std::function<bool()>*>(&still_running));
  }
  sqlite3_stmt* raw = nullptr;
  // At most 20 problems: enough to describe the damage in one line.
  const char* sql = depth == SqliteCheck::kQuick ? "PRAGMA quick_check(20)" : "PRAGMA integrity_check(20)";
  if (sqlite3_prepare_v2(handle.get(), sql, -1, &raw, nullptr) != SQLITE_OK) return sqlite3_errmsg(handle.get());
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> statement(raw, sqlite3_finalize);
  std::string result;
  int rc;
  while ((rc = sqlite3_step(statement.get())) == SQLITE_ROW) {
    const unsigned char* text = sqlite3_column_text(statement.get(), 0);
    if (!result.empty()) result += "; ";
    result += text ? reinterpret_cast<const char*>(text) : "";
  }
  if (rc == SQLITE_INTERRUPT) throw std::runtime_error("check interrupted");
  if (rc != SQLITE_DONE) return sqlite3_errmsg(handle.get());
  return result;
}

}  // namespace ops
