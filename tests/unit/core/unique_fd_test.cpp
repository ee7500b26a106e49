#include "core/unique_fd.hpp"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <unistd.h>

#include <utility>

namespace {

bool is_open(int fd) { return ::fcntl(fd, F_GETFD) != -1; }

TEST(UniqueFd, ClosesItsDescriptorWhenItGoesAway) {
  int raw = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  ASSERT_GE(raw, 0);
  {
    core::UniqueFd owner(raw);
    EXPECT_TRUE(owner.valid());
    EXPECT_EQ(owner.get(), raw);
  }
  EXPECT_FALSE(is_open(raw));
}

TEST(UniqueFd, AFailedOpenOwnsNothing) {
  core::UniqueFd missing(::open("/nonexistent/nico", O_RDONLY | O_CLOEXEC));
  EXPECT_FALSE(missing.valid());
  EXPECT_EQ(missing.get(), -1);
}

TEST(UniqueFd, MovingHandsOverOwnershipAndResetClosesTheOldOne) {
  int first = ::open("/dev/null", O_RDONLY | O_CLOEXEC), second = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  core::UniqueFd a(first);
  core::UniqueFd b(std::move(a));
  EXPECT_FALSE(a.valid());
  EXPECT_EQ(b.get(), first);
  b.reset(second);
  EXPECT_FALSE(is_open(first));
  int kept = b.release();
  EXPECT_EQ(kept, second);
  EXPECT_FALSE(b.valid());
  EXPECT_TRUE(is_open(second));
  ::close(second);
}

}  // namespace
