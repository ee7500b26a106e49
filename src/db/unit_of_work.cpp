// The unit-of-work runners (see unit_of_work.hpp): lease, transaction, retry policy, one place for all of it.
#include "db/unit_of_work.hpp"

#include <chrono>
#include <random>
#include <thread>

#include "core/log.hpp"
#include "db/errors.hpp"

namespace db {

namespace {

// Conflicts (deadlock victims, serialization failures) usually clear at once; a few spaced reruns cover a burst
// without holding a request for long.
constexpr int kMaxConflictAttempts = 4;

void back_off(int attempt) {
  thread_local std::minstd_rand jitter(std::random_device{}());
  int base_ms = 5 << attempt;  // 10, 20, 40 ms …
  std::this_thread::sleep_for(std::chrono::milliseconds(base_ms + static_cast<int>(jitter() % 10)));
}

// What to do with a failed attempt: rerun it, or leave through `throw`.
enum class Next { kRetry, kRethrow };

Next on_failure(Database& database, const std::exception& error, int attempt, bool may_retry_lost, bool& lost_once) {
  switch (classify(error)) {
    case Failure::kConflict:
      if (attempt < kMaxConflictAttempts) {
        back_off(attempt);
        return Next::kRetry;
      }
      throw Unavailable(Failure::kConflict, std::string("still conflicting after retries: ") + error.what());
    case Failure::kConnectionLost:
      database.note_connection_lost();
      if (may_retry_lost && !lost_once) {
        lost_once = true;
        core::log::warning("database connection lost; running the unit of work again", {{"error", error.what()}});
        return Next::kRetry;
      }
      throw Unavailable(Failure::kConnectionLost, error.what());
    case Failure::kBusy:  // the busy handler already waited its bounded time: waiting again would double it
      throw Unavailable(Failure::kBusy, error.what());
    case Failure::kFull:
      throw Unavailable(Failure::kFull, error.what());
    case Failure::kReadOnly:
      throw Unavailable(Failure::kReadOnly, error.what());
    case Failure::kOther:
      break;
  }
  return Next::kRethrow;
}

}  // namespace

void run_write(Database& database, const std::function<void(Tx&)>& body, Retry retry) {
  bool lost_once = false;
  for (int attempt = 1;; ++attempt) {
    try {
      auto sql = database.lease();
      Transaction transaction(*sql, database.dialect());
      Tx tx(*sql, database);
      body(tx);
      transaction.commit();
      return;
    } catch (const Unavailable&) {
      throw;  // already decided (e.g. the connection could not be reopened)
    } catch (const std::exception& error) {
      if (on_failure(database, error, attempt, retry == Retry::kIdempotent, lost_once) == Next::kRethrow) throw;
    }
  }
}

void run_read(Database& database, const std::function<void(soci::session&)>& body) {
  bool lost_once = false;
  for (int attempt = 1;; ++attempt) {
    try {
      auto sql = database.lease();
      body(*sql);
      return;
    } catch (const Unavailable&) {
      throw;
    } catch (const std::exception& error) {
      if (on_failure(database, error, attempt, /*may_retry_lost=*/true, lost_once) == Next::kRethrow) throw;
    }
  }
}

}  // namespace db
