// In-memory cache of catalog reads (categories, listing pages, featured strip, product pages), valid for one
// catalog version: the number in catalog_versions that grows with every write to products or categories — bumped by
// triggers inside the write on SQLite (migration 0080), by the application right after the write commits on MariaDB
// and PostgreSQL (migration 0161, domain/inventory/catalog_version.hpp). A cached page therefore never outlives the
// data it shows, on this node or any other that shares the database (on the server engines: but for a crash between
// a write's commit and its bump, see docs/ARCHITECTURE.md "Catalog cache"), and a request pays one indexed read to
// learn the version instead of the listing queries.
//
// Thread-safe; bounded by entries with a segmented LRU (core/segmented_lru.hpp): listing keys carry the visitor's
// ?q=, and a flood of one-off searches must not push out the reads every page needs.
#pragma once

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/segmented_lru.hpp"
#include "domain/store/catalog.hpp"

namespace db {
class Database;
}

namespace store {

class CatalogCache final {
 public:
  using Value = std::variant<std::vector<Category>, std::optional<Category>, ListingPage, std::vector<ProductCard>,
                             std::optional<ProductDetail>>;

  explicit CatalogCache(std::size_t max_entries = 1024) : entries_({.max_entries = max_entries}) {}

  // The current catalog version, on every engine; nullopt only on MariaDB/PostgreSQL without the row (migration
  // 0161 rolled back) — then nothing is cached.
  static std::optional<long long> current_version(db::Database& database);

  // current_version, reused for up to `reuse` after it was read (MariaDB/PostgreSQL: the read is a round trip to
  // the server on every store page, about half of what a cached page costs; SQLite reads it every time, in-process).
  // A catalog write made through this process ends the reuse at once (inventory::catalog_bumps_by_this_process);
  // a write from another node shows once `reuse` has passed (CATALOG_VERSION_REUSE_MS). Blocking SQL: worker threads.
  std::optional<long long> version(db::Database& database, std::chrono::milliseconds reuse);

  std::optional<Value> find(const std::string& key, long long version) const;
  void store(const std::string& key, long long version, Value value);

 private:
  struct Entry {
    long long version;
    Value value;
  };
  mutable std::mutex mutex_;
  mutable core::SegmentedLru<Entry> entries_;

  // The version last read for version(): when, and this process's bump count before that read.
  struct VersionRead {
    std::optional<long long> version;
    std::chrono::steady_clock::time_point at{};
    long long bumps = -1;  // -1: nothing read yet
  };
  std::mutex version_mutex_;  // guards last_read_ only (not held during the database read)
  VersionRead last_read_;
};

}  // namespace store
