// The local alert spool (see alert_spool.hpp): file format, atomic writes, state renames and the drain into the
// database queue. File layout, a header then the payload byte for byte:
//   nico-alert-spool 1\n job <name>\n created <unix>\n bytes <n>\n \n <payload>
// The byte count lets a reader refuse a file that is not whole (it never should be: only complete temp files are
// renamed into place).
#include "infra/alert_spool.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <random>
#include <sstream>
#include <stdexcept>

#include "core/clock.hpp"
#include "core/config.hpp"
#include "core/log.hpp"

namespace infra {

namespace {
constexpr std::string_view kMagic = "nico-alert-spool 1";
constexpr std::string_view kTempPrefix = ".tmp-";

const char* suffix_of(SpoolState state) {
  switch (state) {
    case SpoolState::kPending: return ".pending";
    case SpoolState::kReady: return ".ready";
    case SpoolState::kSent: return ".sent";
    case SpoolState::kDraining: return ".draining";
  }
  return ".ready";
}

bool state_of(const std::string& extension, SpoolState& state) {
  for (auto candidate : {SpoolState::kPending, SpoolState::kReady, SpoolState::kSent, SpoolState::kDraining}) {
    if (extension == suffix_of(candidate)) {
      state = candidate;
      return true;
    }
  }
  return false;
}

// Milliseconds first so names sort by time; pid and a random part keep concurrent writers apart.
std::string new_id() {
  static std::atomic<unsigned> counter{0};
  static thread_local std::mt19937 random{std::random_device{}()};
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch());
  char buffer[80];
  std::snprintf(buffer, sizeof buffer, "%013lld-%d-%04x%08x", static_cast<long long>(ms.count()),
                static_cast<int>(getpid()), counter++ & 0xffffu, static_cast<unsigned>(random()));
  return buffer;
}

void write_all(int fd, std::string_view data, const std::filesystem::path& path) {
  while (!data.empty()) {
    ssize_t written = ::write(fd, data.data(), data.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error("cannot write " + path.string() + ": " + std::strerror(errno));
    }
    data.remove_prefix(static_cast<std::size_t>(written));
  }
}

void fsync_folder(const std::filesystem::path& folder) {
  int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

bool parse(const std::string& text, SpoolEntry& entry) {
  std::istringstream in(text);
  std::string magic, job, created, bytes, blank;
  if (!std::getline(in, magic) || magic != kMagic) return false;
  if (!std::getline(in, job) || job.rfind("job ", 0) != 0) return false;
  if (!std::getline(in, created) || created.rfind("created ", 0) != 0) return false;
  if (!std::getline(in, bytes) || bytes.rfind("bytes ", 0) != 0) return false;
  if (!std::getline(in, blank) || !blank.empty()) return false;
  try {
    entry.job_name = job.substr(4);
    entry.created_unix = std::stoll(created.substr(8));
    auto size = std::stoull(bytes.substr(6));
    auto offset = static_cast<std::size_t>(in.tellg());
    if (offset > text.size() || text.size() - offset != size) return false;
    entry.payload = text.substr(offset);
  } catch (const std::exception&) {
    return false;
  }
  return !entry.job_name.empty();
}

std::int64_t changed_unix(const std::filesystem::path& file) {
  struct stat info {};
  return ::stat(file.c_str(), &info) == 0 ? static_cast<std::int64_t>(info.st_ctime) : 0;
}
}  // namespace

AlertSpool::AlertSpool(std::filesystem::path folder) : folder_(std::move(folder)) {}

std::filesystem::path AlertSpool::file_of(const std::string& id, SpoolState state) const {
  return folder_ / (id + suffix_of(state));
}

std::string AlertSpool::write(const std::string& job_name, const std::string& payload, SpoolState state) const {
  std::error_code created_error;
  if (std::filesystem::create_directories(folder_, created_error)) {
    // Group-writable and setgid like storage/logs: the services and an operator's root shell share it.
    ::chmod(folder_.c_str(), 02770);
  }
  std::string id = new_id();
  auto temp = folder_ / (std::string(kTempPrefix) + id);
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0660);
  if (fd < 0) throw std::runtime_error("cannot create " + temp.string() + ": " + std::strerror(errno));
  try {
    std::string header = std::string(kMagic) + "\njob " + job_name + "\ncreated " + std::to_string(core::unix_now()) +
                         "\nbytes " + std::to_string(payload.size()) + "\n\n";
    write_all(fd, header, temp);
    write_all(fd, payload, temp);
    if (::fsync(fd) != 0) throw std::runtime_error("cannot fsync " + temp.string() + ": " + std::strerror(errno));
    ::close(fd);
    fd = -1;
    std::filesystem::rename(temp, file_of(id, state));
  } catch (...) {
    if (fd >= 0) ::close(fd);
    std::error_code ignored;
    std::filesystem::remove(temp, ignored);
    throw;
  }
  fsync_folder(folder_);
  return id;
}

bool AlertSpool::move(const std::string& id, SpoolState from, SpoolState to) const {
  return ::rename(file_of(id, from).c_str(), file_of(id, to).c_str()) == 0;
}

bool AlertSpool::remove(const std::string& id, SpoolState state) const {
  std::error_code error;
  return std::filesystem::remove(file_of(id, state), error);
}

std::vector<SpoolEntry> AlertSpool::entries() const {
  std::vector<SpoolEntry> found;
  std::error_code error;
  for (const auto& item : std::filesystem::directory_iterator(folder_, error)) {
    std::string name = item.path().filename().string();
    if (name.rfind(kTempPrefix, 0) == 0) continue;
    SpoolEntry entry;
    if (!state_of(item.path().extension().string(), entry.state)) continue;
    entry.id = item.path().stem().string();
    std::ifstream in(item.path(), std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) continue;
    if (!parse(text, entry)) continue;
    entry.changed_unix = changed_unix(item.path());
    found.push_back(std::move(entry));
  }
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return found;
}

void AlertSpool::sweep(std::chrono::seconds age) const {
  std::error_code error;
  auto now = core::unix_now();
  for (const auto& item : std::filesystem::directory_iterator(folder_, error)) {
    std::string name = item.path().filename().string();
    if (name.rfind(kTempPrefix, 0) == 0) {
      if (now - changed_unix(item.path()) >= age.count()) {
        std::error_code ignored;
        std::filesystem::remove(item.path(), ignored);
      }
      continue;
    }
    SpoolEntry entry;
    if (!state_of(item.path().extension().string(), entry.state)) continue;
    std::ifstream in(item.path(), std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (parse(text, entry)) continue;
    std::error_code ignored;
    std::filesystem::rename(item.path(), item.path().string() + ".bad", ignored);
    core::log::error("unreadable alert spool file set aside", {{"file", item.path().string() + ".bad"}});
  }
}

std::filesystem::path alert_spool_folder(const core::Config& config) {
  return config.storage_path("framework/alert-spool");
}

SpoolDrainResult drain_alert_spool(const AlertSpool& spool, const JobDispatcher& push, std::chrono::seconds grace) {
  SpoolDrainResult result;
  try {
    spool.sweep(grace);
    auto now = core::unix_now();
    for (const auto& entry : spool.entries()) {
      bool stale = now - entry.changed_unix >= grace.count();
      switch (entry.state) {
        case SpoolState::kSent:
          if (spool.remove(entry.id, SpoolState::kSent)) ++result.removed_sent;
          continue;
        case SpoolState::kPending:
          if (!stale) {
            ++result.waiting;
            continue;
          }
          if (!spool.move(entry.id, SpoolState::kPending, SpoolState::kDraining)) continue;
          break;
        case SpoolState::kDraining:
          // A drainer that died after claiming it: put it back, then claim it like any ready entry.
          if (!stale || !spool.move(entry.id, SpoolState::kDraining, SpoolState::kReady)) continue;
          [[fallthrough]];
        case SpoolState::kReady:
          if (!spool.move(entry.id, SpoolState::kReady, SpoolState::kDraining)) continue;
          break;
      }
      try {
        push(entry.job_name, entry.payload);
      } catch (const std::exception& e) {
        spool.move(entry.id, SpoolState::kDraining, SpoolState::kReady);
        result.queue_unavailable = true;
        core::log::warning("alert spool not drained yet: the queue is unavailable", {{"error", e.what()}});
        break;
      }
      // Queued: a crash before this removal queues it again on the next drain (at-least-once).
      spool.remove(entry.id, SpoolState::kDraining);
      ++result.queued;
    }
  } catch (const std::exception& e) {
    core::log::error("alert spool drain failed", {{"error", e.what()}});
  }
  if (result.queued || result.removed_sent)
    core::log::info("alert spool drained", {{"queued", std::to_string(result.queued)},
                                            {"already_delivered", std::to_string(result.removed_sent)}});
  return result;
}

}  // namespace infra
