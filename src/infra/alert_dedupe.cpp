// Alert de-duplication without the database (see alert_dedupe.hpp): in process, a map of key → end of its window
// behind one mutex; across the processes of a node, one file per key.
#include "infra/alert_dedupe.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <random>

#include "core/clock.hpp"
#include "core/config.hpp"

namespace infra {

InProcessDedupe::InProcessDedupe(std::size_t max_keys) : max_keys_(max_keys) {}

void InProcessDedupe::prune(Clock::time_point now) {
  std::erase_if(expires_, [now](const auto& entry) { return entry.second <= now; });
}

bool InProcessDedupe::claim(const std::string& key, std::chrono::seconds window, Clock::time_point now) {
  if (window <= std::chrono::seconds::zero()) return true;
  std::lock_guard lock(mutex_);
  auto found = expires_.find(key);
  if (found != expires_.end()) {
    if (found->second > now) return false;
    found->second = now + window;
    return true;
  }
  if (expires_.size() >= max_keys_) {
    prune(now);
    if (expires_.size() >= max_keys_) return false;
  }
  expires_.emplace(key, now + window);
  return true;
}

void InProcessDedupe::release(const std::string& key) {
  std::lock_guard lock(mutex_);
  expires_.erase(key);
}

std::size_t InProcessDedupe::live_keys(Clock::time_point now) const {
  std::lock_guard lock(mutex_);
  std::size_t live = 0;
  for (const auto& [key, until] : expires_) live += until > now ? 1 : 0;
  return live;
}

NodeDedupe::NodeDedupe(std::filesystem::path folder) : folder_(std::move(folder)) {}

std::filesystem::path NodeDedupe::file_of(const std::string& key) const {
  std::string name;
  for (char c : key) {
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
    name.push_back(plain ? c : '_');
  }
  return folder_ / name;
}

bool NodeDedupe::claim(const std::string& key, std::chrono::seconds window) const {
  return claim(key, window, core::unix_now());
}

bool NodeDedupe::claim(const std::string& key, std::chrono::seconds window, std::int64_t now_unix) const {
  if (window <= std::chrono::seconds::zero()) return true;
  std::error_code error;
  if (std::filesystem::create_directories(folder_, error)) ::chmod(folder_.c_str(), 02770);  // shared by group
  auto file = file_of(key);
  std::string until = std::to_string(now_unix + window.count());
  for (int attempt = 0; attempt < 2; ++attempt) {
    int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0660);
    if (fd >= 0) {
      bool written = ::write(fd, until.data(), until.size()) == static_cast<ssize_t>(until.size());
      ::close(fd);
      if (!written) std::filesystem::remove(file, error);  // a torn claim must not silence the key
      return true;
    }
    if (errno != EEXIST) return true;  // folder unusable: let the alert through
    std::int64_t ends = 0;
    std::ifstream(file) >> ends;
    if (ends > now_unix) return false;
    // Expired (or unreadable): take it over. Only one process can rename it away; the loser sees it gone.
    static thread_local std::mt19937 random{std::random_device{}()};
    auto stale = file;
    stale += ".stale-" + std::to_string(getpid()) + "-" + std::to_string(random());
    if (::rename(file.c_str(), stale.c_str()) != 0) return false;
    std::filesystem::remove(stale, error);
  }
  return false;  // another process claimed it between our rename and our create
}

void NodeDedupe::sweep(std::int64_t now_unix, std::chrono::seconds age) const {
  std::error_code error;
  for (const auto& item : std::filesystem::directory_iterator(folder_, error)) {
    std::int64_t ends = 0;
    std::ifstream(item.path()) >> ends;
    if (ends + age.count() < now_unix) std::filesystem::remove(item.path(), error);
  }
}

std::filesystem::path alert_dedupe_folder(const core::Config& config) {
  return config.storage_path("framework/alert-dedupe");
}

}  // namespace infra
