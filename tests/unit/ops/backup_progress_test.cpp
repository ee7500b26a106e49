// Progress of long backup/verify/restore steps: on a terminal a redrawn line with percentage, bytes and elapsed
// time; otherwise nothing but the one summary line at the end.
#include "ops/backup_progress.hpp"

#include <gtest/gtest.h>

#include <iostream>
#include <sstream>

namespace {

// Captures std::cout for the lifetime of the object.
struct CapturedStdout {
  std::ostringstream text;
  std::streambuf* previous = std::cout.rdbuf(text.rdbuf());
  ~CapturedStdout() { std::cout.rdbuf(previous); }
};

TEST(StepProgress, OnATerminalTheLineShowsPercentageDetailAndElapsedSeconds) {
  CapturedStdout out;
  {
    ops::StepProgress progress(true, "Verify");
    progress.update(0.5, "512.0 MiB / 1.0 GiB hashed");
    progress.finish("3 OK, 0 FAIL");
  }
  const std::string text = out.text.str();
  EXPECT_NE(text.find("\rVerify [###############...............]  50% 512.0 MiB / 1.0 GiB hashed  0 s\033[K"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("\r\033[KVerify: 3 OK, 0 FAIL ("), std::string::npos) << text;
}

TEST(StepProgress, OffATerminalOnlyTheSummaryLineIsPrinted) {
  CapturedStdout out;
  {
    ops::StepProgress progress(false, "Verify");
    progress.update(0.5, "512.0 MiB / 1.0 GiB hashed");
    progress.update(1.0, "1.0 GiB / 1.0 GiB hashed");
    progress.finish("3 OK, 0 FAIL");
  }
  const std::string text = out.text.str();
  EXPECT_EQ(text.rfind("Verify: 3 OK, 0 FAIL (", 0), 0u) << text;
  EXPECT_EQ(text.find('\r'), std::string::npos);
  EXPECT_EQ(text.back(), '\n');
  EXPECT_EQ(text.find('\n'), text.size() - 1) << "one line";
}

}  // namespace
