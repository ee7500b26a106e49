// Progress of one long backup/restore step: a redrawn bar on a terminal, one plain line at the end otherwise
// (logs and cron mail stay readable). Writes to stdout; not thread-safe (one step, one thread).
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace ops {

class StepProgress final {
 public:
  StepProgress(bool terminal, std::string label);
  ~StepProgress();
  StepProgress(const StepProgress&) = delete;
  StepProgress& operator=(const StepProgress&) = delete;

  // `fraction` in [0, 1], or negative when the total is unknown (a dump); `detail` e.g. "512.0 MiB". The line also
  // shows the seconds elapsed since the step began. Redraws at most ten times a second.
  void update(double fraction, const std::string& detail);
  // Ends the step with "<label>: <summary> (<seconds> s)".
  void finish(const std::string& summary);

 private:
  bool terminal_;
  std::string label_;
  bool drawn_ = false;
  bool finished_ = false;
  std::chrono::steady_clock::time_point started_;
  std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace ops
