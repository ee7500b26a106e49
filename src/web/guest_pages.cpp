// Anonymous visitors' catalog answers kept for the IO thread, and when the catalog version is trusted (see
// guest_pages.hpp).
#include "web/guest_pages.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>

#include "domain/inventory/catalog_version.hpp"
#include "http/gzip_template.hpp"

namespace web {

namespace {

constexpr std::size_t kMaxEntries = 512;
constexpr std::size_t kMaxBytes = 8 * 1024 * 1024;

// The wal-index header: two copies of a 48-byte header at the start of -shm; the first is the one SQLite writes
// last, and any difference (even a torn read) only sends a visitor through the pool.
constexpr std::size_t kWalIndexHeaderBytes = 48;

void append_stat(std::string& out, const struct stat& info, bool found) {
  if (!found) {
    out += "-|";
    return;
  }
  out += std::to_string(info.st_ino);
  out += ':';
  out += std::to_string(info.st_size);
  out += ':';
  out += std::to_string(info.st_mtim.tv_sec);
  out += '.';
  out += std::to_string(info.st_mtim.tv_nsec);
  out += '|';
}

// `pieces` compressed with a token slot of `token_length` and a nonce slot of `nonce_length` characters; null when
// the text cannot be (a NUL byte in it, a content slot left).
std::shared_ptr<const http::GzipTemplate> gzip_pieces(const std::vector<LayoutPiece>& pieces, std::size_t token_length,
                                                      std::size_t nonce_length) {
  constexpr int kTokenSlot = 0, kNonceSlot = 1;
  std::vector<http::GzipTemplate::Part> parts;
  parts.reserve(pieces.size());
  for (const auto& piece : pieces) {
    int slot = http::GzipTemplate::kNoSlot;
    switch (piece.slot) {
      case LayoutPiece::Slot::kToken: slot = kTokenSlot; break;
      case LayoutPiece::Slot::kNonce: slot = kNonceSlot; break;
      case LayoutPiece::Slot::kEnd: break;
      case LayoutPiece::Slot::kContent: return nullptr;  // not a whole page
    }
    parts.push_back({piece.text, slot});
  }
  const std::size_t lengths[] = {token_length, nonce_length};
  auto page = http::GzipTemplate::build(parts, lengths);
  if (!page) return nullptr;
  return std::make_shared<const http::GzipTemplate>(std::move(*page));
}

// Where SQLite keeps the database's -shm file: next to the file a symbolic link names, not next to the link.
std::filesystem::path shm_file_of(const std::filesystem::path& database) {
  if (database.empty()) return {};
  std::error_code error;
  auto target = std::filesystem::canonical(database, error);
  return (error ? database : target).string() + "-shm";
}

// A watch of the database's directory, or null when the file is a symbolic link (SQLite writes next to its target,
// in another directory). core::DirectoryWatch itself refuses a directory path that goes through a link.
std::unique_ptr<core::DirectoryWatch> watch_of(const std::filesystem::path& database) {
  if (database.empty()) return nullptr;
  std::error_code not_there;  // a file not there yet is not a link: its directory is watched
  if (std::filesystem::is_symlink(std::filesystem::symlink_status(database, not_there))) return nullptr;
  std::error_code error;
  auto absolute = std::filesystem::absolute(database, error);
  if (error) return nullptr;
  return std::make_unique<core::DirectoryWatch>(absolute.parent_path());
}

}  // namespace

GuestPages::GuestPages(std::chrono::milliseconds max_stale, std::filesystem::path sqlite_file,
                       std::optional<SlotLengths> gzip)
    : max_stale_(max_stale),
      gzip_(gzip),
      sqlite_file_(std::move(sqlite_file)),
      sqlite_shm_(shm_file_of(sqlite_file_)),
      directory_watch_(watch_of(sqlite_file_)),
      entries_({.max_entries = kMaxEntries, .max_bytes = kMaxBytes},
               [](const std::string& key, const std::shared_ptr<const GuestPage>& page) {
                 return key.size() + page->bytes + (page->gzip ? page->gzip->compressed_bytes() : 0) + 512;
               }) {}

// The -shm descriptor is never closed, here nor when the file was replaced: SQLite's locks on -shm are POSIX record
// locks, which a process loses on a close() of any of its descriptors for that file — the pool's connections would
// silently drop their "dead man switch" and read/write marks, and another process could then rebuild the index or
// reset the log under them. One descriptor per -shm file this process ever saw (a Kernel lives as long as it).
GuestPages::~GuestPages() = default;

// The stat() calls are made again only after an event in the database's directory (a write to the file, a new
// -shm, a file renamed over it...): they were most of a kept page's system time. The wal-index header is read
// every time: SQLite changes it through a shared mapping, which raises no event.
void GuestPages::stat_files() const {
  files_state_.clear();
  struct stat info {};
  append_stat(files_state_, info, ::stat(sqlite_file_.c_str(), &info) == 0);
  shm_present_ = ::stat(sqlite_shm_.c_str(), &info) == 0;
  if (!shm_present_) {
    files_state_ += "no-shm";  // no connection open anywhere (or not in WAL mode): the file's own stat says it all
    return;
  }
  if (shm_fd_ < 0 || shm_inode_ != info.st_ino) {
    // A replaced file's old descriptor stays open (see ~GuestPages).
    shm_fd_ = ::open(sqlite_shm_.c_str(), O_RDONLY | O_CLOEXEC);
    shm_inode_ = info.st_ino;
  }
  files_state_ += std::to_string(info.st_ino);
  files_state_ += ':';
}

std::string GuestPages::disk_state() const {
  if (sqlite_file_.empty()) return {};
  unsigned char header[kWalIndexHeaderBytes];
  ssize_t got = -1;
  std::string state;
  {
    std::lock_guard lock(shm_mutex_);
    // No -shm descriptor (could not be opened): stat again, as every time before the watch.
    if (!directory_watch_ || directory_watch_->maybe_changed() || (shm_present_ && shm_fd_ < 0)) stat_files();
    state = files_state_;
    if (!shm_present_) return state;
    if (shm_fd_ >= 0) got = ::pread(shm_fd_, header, sizeof header, 0);
  }
  if (got != static_cast<ssize_t>(sizeof header)) {
    // Changes cannot be seen: a state equal to no other, so no reading is ever trusted (the pool answers).
    static std::atomic<unsigned long long> unreadable{0};
    state += "unreadable:" + std::to_string(unreadable.fetch_add(1, std::memory_order_relaxed));
    return state;
  }
  state.append(reinterpret_cast<const char*>(header), sizeof header);
  return state;
}

GuestPages::Reading GuestPages::begin_reading() const {
  Reading reading;
  {
    std::lock_guard lock(mutex_);
    reading.epoch = epoch_;
  }
  reading.catalog_bumps = inventory::catalog_bumps_by_this_process();
  reading.disk_state = disk_state();
  return reading;
}

void GuestPages::finish_reading(const Reading& reading, long long version) {
  std::lock_guard lock(mutex_);
  if (reading.epoch != epoch_) return;  // a write of this process ended meanwhile: this reading may predate it
  version_ = version;
  read_at_ = std::chrono::steady_clock::now();
  read_catalog_bumps_ = reading.catalog_bumps;
  read_disk_state_ = reading.disk_state;
}

std::optional<long long> GuestPages::trusted_version() const {
  std::string state = disk_state();  // outside the lock: two stat calls and a pread
  const long long bumps = inventory::catalog_bumps_by_this_process();
  std::lock_guard lock(mutex_);
  if (!version_) return std::nullopt;
  if (bumps != read_catalog_bumps_) return std::nullopt;
  if (std::chrono::steady_clock::now() - read_at_ > max_stale_) return std::nullopt;
  if (state != read_disk_state_) return std::nullopt;
  return version_;
}

void GuestPages::forget() {
  std::lock_guard lock(mutex_);
  ++epoch_;
  version_.reset();
}

void GuestPages::store(const std::string& key, GuestPage page) {
  if (gzip_ && !page.gzip) {
    std::shared_ptr<const GuestPage> previous;
    {
      std::lock_guard lock(mutex_);
      if (auto* found = entries_.find(key)) previous = *found;
    }
    // Compressed outside the lock, on the worker that rendered the page; see guest_pages.hpp for when.
    if (previous && previous->gzip && previous->pieces == page.pieces) page.gzip = previous->gzip;
    else if (previous) page.gzip = gzip_pieces(page.pieces, gzip_->token, gzip_->nonce);
  }
  auto kept = std::make_shared<const GuestPage>(std::move(page));
  std::lock_guard lock(mutex_);
  if (!version_ || *version_ != kept->catalog_version) return;
  entries_.put(key, std::move(kept));
}

bool GuestPages::route_keeps_pages(const std::string& route_name) const {
  std::lock_guard lock(mutex_);
  return keeping_routes_.count(route_name) > 0;
}

void GuestPages::note_route_keeps_pages(const std::string& route_name) {
  std::lock_guard lock(mutex_);
  keeping_routes_.insert(route_name);
}

std::shared_ptr<const GuestPage> GuestPages::find(const std::string& key) const {
  auto version = trusted_version();
  if (!version) return nullptr;
  std::lock_guard lock(mutex_);
  auto* found = entries_.find(key);
  if (!found || (*found)->catalog_version != *version) return nullptr;
  return *found;
}

}  // namespace web
