// failed_jobs storage and the retry/flush operations (see queue_failed_jobs.hpp).
#include "infra/queue_failed_jobs.hpp"

#include <algorithm>
#include <cctype>

#include "core/clock.hpp"
#include "db/database.hpp"

namespace infra {

namespace {
// failed_at is DATETIME on MariaDB and TEXT on SQLite: casting gives the same text from both drivers.
constexpr const char* kSelectColumns =
    "SELECT id, uuid, \"connection\", queue, payload, exception, CAST(failed_at AS CHAR) FROM failed_jobs";
constexpr const char* kInsertFailed =
    "INSERT INTO failed_jobs (uuid, \"connection\", queue, payload, exception, failed_at) "
    "VALUES (:uuid, :connection, :queue, :payload, :exception, :failed_at)";
constexpr const char* kInsertJob =
    "INSERT INTO jobs (queue, payload, attempts, reserved_at, available_at, created_at) "
    "VALUES (:queue, :payload, 0, NULL, :available_at, :created_at)";

bool all_digits(std::string_view text) {
  return !text.empty() && text.size() < 19 &&
         std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

std::vector<FailedJob> fetch(soci::session& sql, const std::string& where, const std::string& parameter) {
  std::vector<FailedJob> jobs;
  long long id = 0;
  FailedJob row;
  std::string query = std::string(kSelectColumns) + where + " ORDER BY id DESC";
  // PostgreSQL's CHAR is CHAR(1): the same text comes from CAST(... AS TEXT) there.
  if (sql.get_backend_name() == "postgresql")
    query.replace(query.find("CAST(failed_at AS CHAR)"), 23, "CAST(failed_at AS TEXT)");
  soci::statement statement =
      parameter.empty()
          ? (sql.prepare << query, soci::into(id), soci::into(row.uuid), soci::into(row.connection),
             soci::into(row.queue), soci::into(row.payload), soci::into(row.exception), soci::into(row.failed_at))
          : (sql.prepare << query, soci::use(parameter), soci::into(id), soci::into(row.uuid),
             soci::into(row.connection), soci::into(row.queue), soci::into(row.payload), soci::into(row.exception),
             soci::into(row.failed_at));
  statement.execute();
  while (statement.fetch()) {
    row.id = id;
    jobs.push_back(row);
  }
  return jobs;
}
}  // namespace

FailedJobStore::FailedJobStore(db::Database& database) : database_(database) {}

void FailedJobStore::insert(soci::session& sql, const FailedJob& job) {
  std::string failed_at = job.failed_at.empty() ? core::utc_now_sql() : job.failed_at;
  sql << kInsertFailed, soci::use(job.uuid), soci::use(job.connection), soci::use(job.queue), soci::use(job.payload),
      soci::use(job.exception), soci::use(failed_at);
}

std::vector<FailedJob> FailedJobStore::list() const {
  auto sql = database_.lease();
  return fetch(*sql, "", "");
}

std::int64_t FailedJobStore::count() const {
  long long total = 0;
  auto sql = database_.lease();
  *sql << "SELECT COUNT(*) FROM failed_jobs", soci::into(total);
  return total;
}

std::size_t FailedJobStore::retry(std::string_view selector) const {
  auto sql = database_.lease();
  std::vector<FailedJob> chosen;
  if (selector == "all") chosen = fetch(*sql, "", "");
  else if (all_digits(selector)) chosen = fetch(*sql, " WHERE id = :id", std::string(selector));
  else chosen = fetch(*sql, " WHERE uuid = :uuid", std::string(selector));
  std::reverse(chosen.begin(), chosen.end());  // oldest first, so retried jobs keep their original order

  std::size_t moved = 0;
  for (const auto& job : chosen) {
    long long now = core::unix_now(), id = job.id;
    db::Transaction transaction(*sql, database_.dialect());
    // Delete first and check: a second `queue:retry` racing this one must not queue the job twice.
    soci::statement remove = (sql->prepare << "DELETE FROM failed_jobs WHERE id = :id", soci::use(id));
    remove.execute(true);
    if (remove.get_affected_rows() != 1) continue;  // the transaction's destructor rolls back
    *sql << kInsertJob, soci::use(job.queue), soci::use(job.payload), soci::use(now), soci::use(now);
    transaction.commit();
    ++moved;
  }
  return moved;
}

std::int64_t FailedJobStore::flush() const {
  auto sql = database_.lease();
  soci::statement remove = (sql->prepare << "DELETE FROM failed_jobs");
  remove.execute(true);
  return remove.get_affected_rows();
}

}  // namespace infra
