// Whole answers for anonymous visitors of the catalog pages, kept so the IO thread can give them without the hop
// to the worker pool, the session or the database (#20: the hop cost more than the page).
//
// Who gets them: a GET or HEAD without a session or remember-me cookie (so no cart, no flash, no user) that is not
// a fetch() call. What is kept: the pieces render() already cached for such a visitor — the guest layout cut at
// its slots and the page body — with the status and headers of the handler's answer, by request target. The
// visitor's own parts (CSRF token, browser id, CSP nonce, request id) are made fresh for every answer.
//
// When it is stale: an entry belongs to one catalog version (store::CatalogCache) and one settings snapshot. The
// IO thread cannot ask the database for the version, so it uses the version a worker read last, and only while
// that reading is trusted:
//   - on MariaDB/PostgreSQL, for at most CATALOG_VERSION_REUSE_MS (250 ms), the time a worker reuses a version
//     it read too: the bound for writes by other processes (another node, a command) — the settings snapshot is
//     trusted for 15 s; on SQLite the same bound is a fixed 1 s backstop behind the exact test below;
//   - on SQLite, only while the database has not changed since the reading: any commit by any process sends the
//     next visitor through the pool, which reads the version again. A commit becomes visible when SQLite updates
//     the wal-index header at the start of the -shm file (its change counter and last frame; "WAL-index format"
//     in SQLite's file format documentation), after the frames reached the -wal: those 48 bytes, read with pread
//     from a descriptor kept open, are the state compared (with the inodes of the database and -shm files, so a
//     replaced file counts as a change too). A stat of the -wal would see the frames before the commit is
//     visible, and a reading taken in between would trust the new file state with the old version;
//   - never after a state-changing request of this process (forget()) nor after a catalog write of this process
//     outside a request (a job; inventory::catalog_bumps_by_this_process): the admin who saved a price, or the
//     buyer who took the last unit, does not see the old page afterwards, whatever the engine.
// How it is answered: the pieces filled with the visitor's parts, or — for a client that accepts gzip — the same
// page compressed once when kept (http::GzipTemplate), with the token and the nonce written into it uncompressed
// (they never take part in the compression: no BREACH through a ?q= echoed next to them). A page is compressed
// from the second time its key is kept on (the first kept answers go out plain): compressing costs about a
// millisecond, and a flood of one-off searches (?q=…) must not buy one per request. Kept again with the same
// pieces (the trust ran out, the same page rendered again), it keeps its compressed form.
// Thread-safe; bounded by entries and bytes with a segmented LRU (keys carry visitors' ?q=).
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/directory_watch.hpp"
#include "core/segmented_lru.hpp"
#include "http/message.hpp"
#include "web/page_cache.hpp"

namespace http {
class GzipTemplate;
}

namespace web {

// What render() used for a plain guest page: the cut layout and the body, both with slots.
struct GuestPageParts {
  std::shared_ptr<const CachedLayout> layout;
  std::shared_ptr<const std::string> body;
};

struct GuestPage {
  std::shared_ptr<const settings::SettingsSnapshot> snapshot;  // of the layout's brand assets (compared by address)
  std::vector<LayoutPiece> pieces;  // the whole page cut at its token and nonce slots: answering is copying
  std::size_t bytes = 0;            // of the pieces' text
  // The pieces compressed, slot 0 the token and slot 1 the nonce; null on a key's first keeping, without gzip, or
  // when they could not be (a NUL byte in the text).
  std::shared_ptr<const http::GzipTemplate> gzip;
  int status = 200;
  std::vector<http::Header> headers;  // the handler's own (Content-Type, X-Page-Cache…)
  std::string route_name;
  long long catalog_version = 0;
};

class GuestPages final {
 public:
  // Lengths of the values of the token and nonce slots: pages are compressed with slots of these lengths.
  struct SlotLengths {
    std::size_t token = 0;
    std::size_t nonce = 0;
  };
  // `sqlite_file`: the database file whose changes end a reading ("" on MariaDB/PostgreSQL). `gzip`: compress
  // kept pages (nullopt: never).
  GuestPages(std::chrono::milliseconds max_stale, std::filesystem::path sqlite_file,
             std::optional<SlotLengths> gzip = std::nullopt);
  ~GuestPages();
  GuestPages(const GuestPages&) = delete;
  GuestPages& operator=(const GuestPages&) = delete;

  // ── worker side ──
  // A reading in progress: take it before reading the version, so a commit that lands meanwhile is noticed.
  struct Reading {
    std::uint64_t epoch = 0;
    long long catalog_bumps = 0;  // inventory::catalog_bumps_by_this_process() before the read
    std::string disk_state;
  };
  Reading begin_reading() const;
  void finish_reading(const Reading& reading, long long version);
  // The version the last reading saw while it is still trusted (see above).
  std::optional<long long> trusted_version() const;
  // A state-changing request of this process ended: no reading taken before it is trusted any more.
  void forget();
  // Keeps `page` for `key` when it was rendered under the version still trusted (compressing it: see above).
  void store(const std::string& key, GuestPage page);
  // Routes whose pages were keepable once: only for them is the version read before the handler (a page of any
  // other route would pay a query for nothing). Learnt from the first keepable answer of each route.
  bool route_keeps_pages(const std::string& route_name) const;
  void note_route_keeps_pages(const std::string& route_name);

  // ── IO side ──
  // The page for `key` if it belongs to the version still trusted, else nullptr (the caller compares the settings
  // snapshot the layout holds).
  std::shared_ptr<const GuestPage> find(const std::string& key) const;

 private:
  // The SQLite file's inode, size and mtime, the -shm file's inode and its wal-index header, as one comparable
  // string ("" when not SQLite).
  std::string disk_state() const;
  // The stat() part of it, into files_state_ (shm_mutex_ held): again only when the directory saw an event.
  void stat_files() const;

  std::chrono::milliseconds max_stale_;
  std::optional<SlotLengths> gzip_;
  std::filesystem::path sqlite_file_;
  std::filesystem::path sqlite_shm_;
  mutable std::mutex shm_mutex_;  // guards the members below
  mutable int shm_fd_ = -1;       // reopened when the -shm file was replaced
  mutable unsigned long shm_inode_ = 0;
  // The database's directory (SQLite only; null when the file's path goes through a symbolic link: SQLite writes
  // next to the link's target, where this would not see it).
  mutable std::unique_ptr<core::DirectoryWatch> directory_watch_;
  mutable std::string files_state_;
  mutable bool shm_present_ = false;
  mutable std::mutex mutex_;
  std::uint64_t epoch_ = 0;  // bumped by forget()
  std::optional<long long> version_;
  std::chrono::steady_clock::time_point read_at_;
  long long read_catalog_bumps_ = 0;
  std::string read_disk_state_;
  mutable core::SegmentedLru<std::shared_ptr<const GuestPage>> entries_;
  std::set<std::string, std::less<>> keeping_routes_;  // guarded by mutex_; route names are few and fixed
};

}  // namespace web
