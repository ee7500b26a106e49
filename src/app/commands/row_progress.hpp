// Progress of a command that moves rows (db:export, db:import, bench:seed), drawn by ops::StepProgress: on a
// terminal a bar with "<done> / <total> rows, <elapsed> s" (StepProgress itself shows elapsed time only at the
// end); otherwise nothing until the command's own summary line. `finish` is idempotent, so a step line printed
// while the bar is up can end the bar first instead of landing on the same line.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

#include "ops/backup_progress.hpp"

namespace app {

class RowProgress final {
 public:
  RowProgress(bool terminal, std::string label) : terminal_(terminal), bar_(terminal, std::move(label)) {}

  void update(std::int64_t done, std::int64_t total, const std::string& prefix = {}) {
    done_ = done;
    updated_ = true;
    if (!terminal_ || finished_) return;
    char elapsed[32];
    std::snprintf(elapsed, sizeof elapsed, ", %.1f s", seconds());
    bar_.update(total > 0 ? static_cast<double>(done) / static_cast<double>(total) : 1.0,
                prefix + std::to_string(done) + " / " + std::to_string(total) + " rows" + elapsed);
  }

  // On a terminal, replaces the bar with "<label>: <done> rows (<s> s)"; elsewhere, or before the first update,
  // prints nothing (and a later update still draws).
  void finish() {
    if (finished_ || !updated_) return;
    finished_ = true;
    if (terminal_) bar_.finish(std::to_string(done_) + " rows");
  }

  double seconds() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count(); }

 private:
  bool terminal_;
  ops::StepProgress bar_;
  bool updated_ = false;
  bool finished_ = false;
  std::int64_t done_ = 0;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
};

// "3.2 s" for a summary line.
inline std::string seconds_text(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f s", seconds);
  return text;
}

}  // namespace app
