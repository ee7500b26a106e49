// The local alert spool: alert deliveries (webhook bodies, Sentry envelopes) that could not be queued in the
// database, one file per delivery under storage/framework/alert-spool/, so an outage of the database loses no
// alert. A file is written atomically (temp file, fsync, rename) and its state is its suffix, changed by rename:
//   <id>.pending   written; this process is delivering it directly right now
//   <id>.ready     not delivered (direct delivery failed, or was skipped to keep the request path fast)
//   <id>.sent      delivered directly: the drain only removes it (never sent twice)
//   <id>.draining  claimed by one `queue:work` that is moving it into the queue
// `queue:work` drains the spool (drain_alert_spool) once the database answers: ready entries become queued jobs
// (retries and failed_jobs as usual), sent entries are removed. A pending or draining entry older than
// kSpoolGrace belongs to a process that died mid-way and is drained like a ready one (at-least-once).
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "infra/alerts.hpp"

namespace core {
class Config;
}

namespace infra {

enum class SpoolState { kPending, kReady, kSent, kDraining };

// Longer than any direct delivery takes (a few deliveries queued in one process, 10 s timeout each).
inline constexpr std::chrono::seconds kSpoolGrace{300};

struct SpoolEntry {
  std::string id;
  SpoolState state = SpoolState::kReady;
  std::string job_name;  // kWebhookJob or kSentryJob
  std::string payload;
  std::int64_t created_unix = 0;
  std::int64_t changed_unix = 0;  // last state change (the file's ctime)
};

class AlertSpool final {
 public:
  explicit AlertSpool(std::filesystem::path folder);
  const std::filesystem::path& folder() const { return folder_; }

  // Writes one delivery atomically in `state`; returns its id. Throws std::runtime_error on I/O failure.
  std::string write(const std::string& job_name, const std::string& payload, SpoolState state) const;
  // Renames an entry from one state to another; false when it is not in `from` any more (someone else moved it).
  bool move(const std::string& id, SpoolState from, SpoolState to) const;
  bool remove(const std::string& id, SpoolState state) const;
  // Complete entries, oldest first. Temp files (a writer died mid-write) and unreadable files are skipped.
  std::vector<SpoolEntry> entries() const;
  // Housekeeping: deletes temp files older than `age`, renames unreadable entries to <name>.bad (kept for a look).
  void sweep(std::chrono::seconds age) const;

 private:
  std::filesystem::path file_of(const std::string& id, SpoolState state) const;
  std::filesystem::path folder_;
};

std::filesystem::path alert_spool_folder(const core::Config& config);

struct SpoolDrainResult {
  std::size_t queued = 0;        // ready entries moved into the queue
  std::size_t removed_sent = 0;  // entries already delivered directly, removed without sending again
  std::size_t waiting = 0;       // pending entries still being delivered by a live process
  bool queue_unavailable = false;  // pushing failed (database still down): the rest stays for the next drain
};

// Moves the spool into the queue through `push` (the database queue). Never throws.
SpoolDrainResult drain_alert_spool(const AlertSpool& spool, const JobDispatcher& push,
                                   std::chrono::seconds grace = kSpoolGrace);

}  // namespace infra
