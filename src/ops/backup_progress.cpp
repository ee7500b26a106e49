// Terminal progress bar / plain summary line (see backup_progress.hpp).
#include "ops/backup_progress.hpp"

#include <cstdio>
#include <iostream>

namespace ops {

namespace {
constexpr int kBarWidth = 30;
constexpr auto kRedrawEvery = std::chrono::milliseconds(100);
}  // namespace

StepProgress::StepProgress(bool terminal, std::string label)
    : terminal_(terminal), label_(std::move(label)), started_(std::chrono::steady_clock::now()) {}

StepProgress::~StepProgress() {
  // A step that threw leaves the cursor after its bar; move to a fresh line so the error message starts clean.
  if (drawn_ && !finished_) std::cout << "\n" << std::flush;
}

void StepProgress::update(double fraction, const std::string& detail) {
  if (!terminal_) return;
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_draw_ < kRedrawEvery && fraction < 1.0) return;
  last_draw_ = now;
  drawn_ = true;
  std::string line = "\r" + label_ + " ";
  if (fraction >= 0) {
    if (fraction > 1) fraction = 1;
    int filled = static_cast<int>(fraction * kBarWidth);
    line += "[" + std::string(static_cast<std::size_t>(filled), '#') + std::string(static_cast<std::size_t>(kBarWidth - filled), '.') + "] ";
    char percent[8];
    std::snprintf(percent, sizeof percent, "%3d%%", static_cast<int>(fraction * 100));
    line += percent;
    line += " ";
  }
  line += detail;
  char elapsed[32];
  std::snprintf(elapsed, sizeof elapsed, "  %.0f s", std::chrono::duration<double>(now - started_).count());
  line += elapsed;
  line += "\033[K";  // clear what a longer previous line left behind
  std::cout << line << std::flush;
}

void StepProgress::finish(const std::string& summary) {
  finished_ = true;
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  char elapsed[32];
  std::snprintf(elapsed, sizeof elapsed, " (%.1f s)", seconds);
  if (terminal_ && drawn_) std::cout << "\r\033[K";
  std::cout << label_ << ": " << summary << elapsed << "\n" << std::flush;
}

}  // namespace ops
