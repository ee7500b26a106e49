// Anonymous visitors' catalog answers kept for the IO thread, and when the catalog version is trusted (see
// guest_pages.hpp).
#include "web/guest_pages.hpp"

#include <sys/stat.h>

namespace web {

namespace {

constexpr std::size_t kMaxEntries = 512;
constexpr std::size_t kMaxBytes = 8 * 1024 * 1024;

void append_stat(std::string& out, const std::filesystem::path& file) {
  struct stat info {};
  if (::stat(file.c_str(), &info) != 0) {
    out += "-|";  // no -wal between connections is a state of its own
    return;
  }
  out += std::to_string(info.st_size);
  out += ':';
  out += std::to_string(info.st_mtim.tv_sec);
  out += '.';
  out += std::to_string(info.st_mtim.tv_nsec);
  out += ':';
  out += std::to_string(info.st_ino);
  out += '|';
}

}  // namespace

GuestPages::GuestPages(std::chrono::milliseconds max_stale, std::filesystem::path sqlite_file)
    : max_stale_(max_stale),
      sqlite_file_(std::move(sqlite_file)),
      sqlite_wal_(sqlite_file_.empty() ? std::filesystem::path() : std::filesystem::path(sqlite_file_.string() + "-wal")),
      entries_({.max_entries = kMaxEntries, .max_bytes = kMaxBytes},
               [](const std::string& key, const std::shared_ptr<const GuestPage>& page) {
                 return key.size() + page->bytes + 512;
               }) {}

std::string GuestPages::disk_state() const {
  if (sqlite_file_.empty()) return {};
  std::string state;
  state.reserve(96);
  append_stat(state, sqlite_file_);
  append_stat(state, sqlite_wal_);
  return state;
}

GuestPages::Reading GuestPages::begin_reading() const {
  Reading reading;
  {
    std::lock_guard lock(mutex_);
    reading.epoch = epoch_;
  }
  reading.disk_state = disk_state();
  return reading;
}

void GuestPages::finish_reading(const Reading& reading, long long version) {
  std::lock_guard lock(mutex_);
  if (reading.epoch != epoch_) return;  // a write of this process ended meanwhile: this reading may predate it
  version_ = version;
  read_at_ = std::chrono::steady_clock::now();
  read_disk_state_ = reading.disk_state;
}

std::optional<long long> GuestPages::trusted_version() const {
  std::string state = disk_state();  // outside the lock: two stat calls
  std::lock_guard lock(mutex_);
  if (!version_) return std::nullopt;
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
  auto kept = std::make_shared<const GuestPage>(std::move(page));
  std::lock_guard lock(mutex_);
  if (!version_ || *version_ != kept->catalog_version) return;
  entries_.put(key, std::move(kept));
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
