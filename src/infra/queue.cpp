// Job registry and the producer side of the queue (see queue.hpp).
#include "infra/queue.hpp"

#include <stdexcept>

#include "core/clock.hpp"
#include "db/database.hpp"
#include "db/unit_of_work.hpp"
#include "infra/queue_failed_jobs.hpp"
#include "infra/queue_payload.hpp"

namespace infra {

namespace {
constexpr const char* kInsertJob =
    "INSERT INTO jobs (queue, payload, attempts, reserved_at, available_at, created_at) "
    "VALUES (:queue, :payload, 0, NULL, :available_at, :created_at)";

std::string build_payload(std::string name, std::string data, const PushOptions& options, std::string* uuid = nullptr) {
  JobPayload payload;
  payload.uuid = new_job_uuid();
  if (uuid) *uuid = payload.uuid;
  payload.name = std::move(name);
  payload.data = std::move(data);
  payload.max_tries = options.max_tries;
  payload.timeout_seconds = options.timeout_seconds;
  payload.pushed_at = core::unix_now();
  return encode_payload(payload);
}

void check_options(const PushOptions& options) {
  if (options.queue.empty() || options.queue.size() > 255) throw std::invalid_argument("queue name must be 1-255 characters");
  if (options.delay_seconds < 0 || options.max_tries < 0 || options.timeout_seconds < 0)
    throw std::invalid_argument("queue push options must not be negative");
}
}  // namespace

void JobRegistry::add(std::string name, JobHandler handler) {
  if (name.empty() || !handler) throw std::invalid_argument("a job needs a name and a handler");
  if (handlers_.count(name)) throw std::invalid_argument("job '" + name + "' is already registered");
  handlers_.emplace(std::move(name), std::move(handler));
}

const JobHandler* JobRegistry::find(std::string_view name) const {
  auto it = handlers_.find(name);
  return it == handlers_.end() ? nullptr : &it->second;
}

std::vector<std::string> JobRegistry::names() const {
  std::vector<std::string> names;
  for (const auto& [name, handler] : handlers_) names.push_back(name);
  return names;
}

QueueConnection parse_queue_connection(std::string_view name) {
  if (name == "database") return QueueConnection::kDatabase;
  if (name == "sync") return QueueConnection::kSync;
  throw std::invalid_argument("unknown queue connection '" + std::string(name) + "' (database|sync)");
}

std::string enqueue(db::Tx& tx, std::string job_name, std::string data, const PushOptions& options) {
  check_options(options);
  std::string uuid;
  std::string payload = build_payload(std::move(job_name), std::move(data), options, &uuid);
  long long now = core::unix_now(), available_at = now + options.delay_seconds;
  tx.sql() << kInsertJob, soci::use(options.queue), soci::use(payload), soci::use(available_at), soci::use(now);
  return uuid;
}

Queue::Queue(db::Database& database, QueueConnection connection, const JobRegistry* registry)
    : database_(database), connection_(connection), registry_(registry) {}

std::string Queue::push(std::string job_name, std::string data, std::string queue, int delay_seconds) const {
  PushOptions options;
  options.queue = std::move(queue);
  options.delay_seconds = delay_seconds;
  return push(std::move(job_name), std::move(data), options);
}

std::string Queue::push(std::string job_name, std::string data, const PushOptions& options) const {
  check_options(options);
  std::string uuid;
  std::string payload = build_payload(std::move(job_name), std::move(data), options, &uuid);
  if (connection_ == QueueConnection::kSync) {
    run_sync(payload, options.queue);
  } else {
    long long now = core::unix_now(), available_at = now + options.delay_seconds;
    db::write(database_, [&](db::Tx& tx) {
      tx.sql() << kInsertJob, soci::use(options.queue), soci::use(payload), soci::use(available_at), soci::use(now);
    });
  }
  return uuid;
}

std::size_t Queue::push_many(const std::vector<std::pair<std::string, std::string>>& jobs,
                             const PushOptions& options) const {
  check_options(options);
  std::vector<std::string> payloads;
  payloads.reserve(jobs.size());
  for (const auto& [name, data] : jobs) payloads.push_back(build_payload(name, data, options));  // validate all first
  if (connection_ == QueueConnection::kSync) {
    for (const auto& payload : payloads) run_sync(payload, options.queue);
    return payloads.size();
  }
  long long now = core::unix_now(), available_at = now + options.delay_seconds;
  db::write(database_, [&](db::Tx& tx) {
    std::string payload;
    soci::statement insert = (tx.sql().prepare << kInsertJob, soci::use(options.queue), soci::use(payload),
                              soci::use(available_at), soci::use(now));
    for (const auto& text : payloads) {
      payload = text;
      insert.execute(true);
    }
  });
  return payloads.size();
}

void Queue::run_sync(const std::string& payload_text, const std::string& queue) const {
  JobPayload payload = decode_payload(payload_text);
  const JobHandler* handler = registry_ ? registry_->find(payload.name) : nullptr;
  try {
    if (!handler) throw std::runtime_error("no handler registered for job '" + payload.name + "'");
    (*handler)(payload.data);
  } catch (const std::exception& e) {
    // Recorded like a worker failure so `nico queue:failed` shows it, then the caller learns it failed too.
    FailedJob failed{0, payload.uuid, "sync", queue, payload_text, e.what(), {}};
    db::write(database_, [&](db::Tx& tx) { FailedJobStore::insert(tx.sql(), failed); });
    throw;
  }
}

}  // namespace infra
