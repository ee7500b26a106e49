// Queue commands: queue:work (the worker, which also drains the alert spool), queue:failed, queue:retry, queue:flush, and queue:probe (diagnostics:
// push harmless jobs and optionally wait until a worker ran them). Behaviour lives in src/infra/queue*.
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <thread>

#include "app/application.hpp"
#include "app/command.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/json.hpp"
#include "core/log.hpp"
#include "core/strings.hpp"
#include "db/database.hpp"
#include "domain/mail/email_verification.hpp"
#include "domain/mail/order_confirmation.hpp"
#include "infra/alerts.hpp"
#include "infra/alert_dispatch.hpp"
#include "infra/alert_spool_drainer.hpp"
#include "infra/exception_monitor.hpp"
#include "infra/cache.hpp"
#include "infra/stores.hpp"
#include "domain/alerts/prepared_mail.hpp"
#include "infra/queue.hpp"
#include "infra/queue_failed_jobs.hpp"
#include "infra/queue_payload.hpp"
#include "infra/queue_probe.hpp"
#include "infra/queue_worker.hpp"
#include "ops/maintenance.hpp"
#include "ops/maintenance_monitor.hpp"

namespace app {

namespace {

// Every job this binary can run, in one list. Areas that queue work register their handlers here, where the
// configuration and the database are at hand (`config` and `database` outlive the registry).
infra::JobRegistry job_registry(const core::Config& config, db::Database& database) {
  infra::JobRegistry registry;
  infra::register_probe_job(registry, database, config.str("CACHE_PREFIX"));
  registry.add(infra::kWebhookJob, [&config](const std::string& body) { infra::deliver_webhook_job(config, body); });
  registry.add(infra::kSentryJob, [&config](const std::string& envelope) { infra::deliver_sentry_job(config, envelope); });
  mail::register_mail_jobs(registry, config, database);
  mail::register_email_verification_job(registry, config, database);
  alerts::register_prepared_mail_job(registry, config);
  return registry;
}

std::atomic<bool> g_stop_requested{false};

extern "C" void request_worker_stop(int) { g_stop_requested = true; }

// SIGTERM (systemd stop) and SIGINT (Ctrl+C) let the current job finish; the loop then exits 0.
void install_stop_handlers() {
  struct sigaction action {};
  action.sa_handler = request_worker_stop;
  sigemptyset(&action.sa_mask);
  sigaction(SIGTERM, &action, nullptr);
  sigaction(SIGINT, &action, nullptr);
}

// Reads an integer option within [min, max]; prints a usage error and returns nullopt when it is not one.
std::optional<int> int_option(const CommandInput& input, const std::string& command, const std::string& name,
                              int fallback, int min, int max) {
  auto text = input.option(name);
  if (!text) return fallback;
  try {
    std::size_t used = 0;
    int value = std::stoi(*text, &used);
    if (used == text->size() && value >= min && value <= max) return value;
  } catch (const std::exception&) {
  }
  std::cerr << "nico " << command << ": --" << name << " must be a whole number from " << min << " to " << max << "\n";
  return std::nullopt;
}

int queue_work(const CommandEnvironment& environment, const CommandInput& input) {
  infra::WorkerOptions options;
  options.queue = input.option("queue").value_or("default");
  options.once = input.flag("once");
  options.stop_when_empty = input.flag("stop-when-empty");
  options.force = input.flag("force");
  auto tries = int_option(input, "queue:work", "tries", 3, 1, 250);
  auto timeout = int_option(input, "queue:work", "timeout", 60, 1, 86400);
  auto sleep = int_option(input, "queue:work", "sleep", 1, 0, 3600);
  auto backoff = int_option(input, "queue:work", "backoff", 2, 0, 3600);
  auto max_jobs = int_option(input, "queue:work", "max-jobs", 0, 0, 100000000);
  if (!tries || !timeout || !sleep || !backoff || !max_jobs) return 2;
  if (options.queue.empty()) {
    std::cerr << "nico queue:work: --queue must not be empty\n";
    return 2;
  }
  options.tries = *tries;
  options.timeout_seconds = *timeout;
  options.sleep_seconds = *sleep;
  options.backoff_seconds = *backoff;
  options.max_jobs = *max_jobs;

  auto config = bootstrap(environment);
  // Four connections: the worker's own, one for a handler that talks to the database, one for the maintenance
  // flag's background refresh, one for draining the alert spool.
  auto database = open_database(config, 4);
  ops::MaintenanceMonitor maintenance(*database);
  maintenance.install();
  infra::Cache cache = infra::make_cache(config, *database);  // heartbeat in the configured store
  auto registry = job_registry(config, *database);
  // Alerts spooled while the database was down become queued jobs: now (before the first reservation) and
  // every 30 s while the worker runs.
  infra::AlertSpoolDrainer spool_drainer(config, *database);
  install_stop_handlers();
  std::cout << "Processing jobs from the [" << options.queue << "] queue." << std::endl;
  core::log::info("Queue worker started", {{"queue", options.queue}});
  // infra sits below ops, so the worker gets the maintenance flag as a question (answered by the monitor above).
  auto is_down = [base = environment.base_path] { return ops::read_maintenance(base).has_value(); };
  infra::QueueWorker worker(*database, registry, cache, is_down, options, std::cout);
  infra::ExceptionMonitor monitor(config, database.get(), infra::alert_dispatcher(config, database.get()));
  worker.set_monitor(&monitor);
  std::size_t processed = worker.run(g_stop_requested);
  if (g_stop_requested) std::cout << "Stop signal received: worker stopped after " << processed << " job(s)." << std::endl;
  core::log::info("Queue worker stopped", {{"jobs", std::to_string(processed)}});
  return 0;
}

std::string job_name_of(const std::string& payload) {
  try {
    return infra::decode_payload(payload).name;
  } catch (const std::exception&) {
    return "(unreadable payload)";
  }
}

std::string cell(std::string text, std::size_t width) {
  if (text.size() > width) text = text.substr(0, width - 1) + "~";
  text.resize(width, ' ');
  return text;
}

// UTC "YYYY-MM-DD HH:MM:SS" as ISO 8601 ("…T…Z"): JSON readers should not have to guess the zone.
std::string iso_utc(std::string sql_utc) {
  if (sql_utc.size() == 19 && sql_utc[10] == ' ') return sql_utc.replace(10, 1, "T") + "Z";
  return sql_utc;
}

// One array of objects, newest failure first like the table; `exception` is the whole text the job threw.
std::string failed_jobs_json(const std::vector<infra::FailedJob>& failed) {
  std::string out = "[";
  for (const auto& job : failed) {
    core::JsonObject row;
    row.add("id", static_cast<long long>(job.id)).add("uuid", job.uuid).add("connection", job.connection)
        .add("queue", job.queue).add("job", job_name_of(job.payload)).add("failed_at", iso_utc(job.failed_at))
        .add("exception", job.exception);
    out += (out.size() > 1 ? "," : "") + row.str();
  }
  return out + "]";
}

int queue_failed(const CommandEnvironment& environment, const CommandInput& input) {
  auto config = bootstrap(environment);
  auto database = open_database(config, 1);
  auto failed = infra::FailedJobStore(*database).list();
  if (input.flag("json")) {
    std::cout << failed_jobs_json(failed) << "\n";
    return 0;
  }
  if (failed.empty()) {
    std::cout << "No failed jobs.\n";
    return 0;
  }
  std::cout << cell("ID", 8) << cell("UUID", 38) << cell("Queue", 12) << cell("Job", 22) << cell("Failed at", 18)
            << "Exception\n";
  for (const auto& job : failed) {
    std::string error = job.exception.substr(0, job.exception.find('\n'));
    if (error.size() > 100) error = error.substr(0, 99) + "~";
    std::cout << cell(std::to_string(job.id), 8) << cell(job.uuid, 38) << cell(job.queue, 12)
              << cell(job_name_of(job.payload), 22) << cell(core::format_local(job.failed_at, "%Y-%m-%d %H:%M"), 18)
              << error << "\n";
  }
  std::cout << failed.size() << " failed job(s). Retry with `nico queue:retry ID|all`, discard with `nico queue:flush`.\n";
  return 0;
}

bool looks_like_uuid(const std::string& text) {
  if (text.size() != 36) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? text[i] != '-' : !std::isxdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  return true;
}

int queue_retry(const CommandEnvironment& environment, const CommandInput& input) {
  const std::string& selector = input.positionals.at(0);
  bool numeric = !selector.empty() && selector.size() < 19 &&
                 std::all_of(selector.begin(), selector.end(), [](unsigned char c) { return std::isdigit(c); });
  if (selector != "all" && !numeric && !looks_like_uuid(selector)) {
    std::cerr << "nico queue:retry: expected a failed job ID, a UUID or \"all\", got \"" << selector << "\"\n";
    return 2;
  }
  auto config = bootstrap(environment);
  auto database = open_database(config, 1);
  std::size_t moved = infra::FailedJobStore(*database).retry(selector);
  if (selector == "all") {
    std::cout << (moved ? std::to_string(moved) + " failed job(s) pushed back onto the queue.\n" : "No failed jobs to retry.\n");
    return 0;
  }
  if (moved == 0) {
    std::cerr << "No failed job matches the given ID [" << selector << "].\n";
    return 1;
  }
  std::cout << "The failed job [" << selector << "] has been pushed back onto the queue.\n";
  return 0;
}

int queue_flush(const CommandEnvironment& environment, const CommandInput&) {
  auto config = bootstrap(environment);
  auto database = open_database(config, 1);
  auto deleted = infra::FailedJobStore(*database).flush();
  std::cout << "All failed jobs deleted successfully (" << deleted << ").\n";
  return 0;
}

int queue_probe(const CommandEnvironment& environment, const CommandInput& input) {
  auto count = int_option(input, "queue:probe", "count", 1, 1, 100000);
  auto wait = int_option(input, "queue:probe", "wait", 0, 0, 3600);
  auto seconds = int_option(input, "queue:probe", "seconds", 0, 0, 3600);
  if (!count || !wait || !seconds) return 2;
  std::string queue = input.option("queue").value_or("default");
  std::string batch = input.option("batch").value_or("");
  if (batch.empty()) batch = core::to_lower(core::random_token(8));
  bool fail = input.flag("fail");

  auto config = bootstrap(environment);
  auto database = open_database(config, 2);
  auto registry = job_registry(config, *database);
  infra::Queue jobs(*database, infra::parse_queue_connection(config.str("QUEUE_CONNECTION")), &registry);
  std::vector<std::pair<std::string, std::string>> probes;
  for (int n = 1; n <= *count; ++n)
    probes.emplace_back(std::string(infra::kProbeJobName),
                        infra::probe_data(batch + ":" + std::to_string(n), fail, *seconds));
  infra::PushOptions options;
  options.queue = queue;
  jobs.push_many(probes, options);
  std::cout << "Pushed " << *count << " probe job(s) onto the [" << queue << "] queue (batch " << batch
            << "); each run counts in cache key queue.probe:" << batch << ":N.\n";
  if (*wait == 0) return 0;

  // Waiting turns the probe into a liveness check of the workers serving this queue.
  std::string prefix = config.str("CACHE_PREFIX");
  auto started = std::chrono::steady_clock::now();
  auto deadline = started + std::chrono::seconds(*wait);
  int ran = 0;
  for (int next = 1; next <= *count;) {
    if (infra::probe_run_count(*database, prefix, batch + ":" + std::to_string(next))) {
      ++ran;
      ++next;
      continue;
    }
    if (std::chrono::steady_clock::now() >= deadline) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (ran == *count) {
    std::cout << "All " << ran << " probe job(s) ran (" << std::fixed << std::setprecision(1) << waited << " s).\n";
    return 0;
  }
  std::cerr << "Only " << ran << " of " << *count << " probe job(s) ran within " << *wait
            << " s: is a `nico queue:work --queue=" << queue << "` running?\n";
  return 1;
}

}  // namespace

std::vector<CommandSpec> queue_commands() {
  return {
      {"queue:work",
       "Run queued jobs (SIGTERM/Ctrl+C finishes the current job, then exits)",
       {{"queue", "Queue to work (default: default)", true},
        {"once", "Process at most one job, then exit", false},
        {"stop-when-empty", "Exit when no job is available", false},
        {"tries", "Attempts before a job fails for good (default 3; a job's own max_tries wins)", true},
        {"timeout", "Seconds a job may run; the worker exits when one runs longer (default 60)", true},
        {"sleep", "Seconds to wait when the queue is empty (default 1)", true},
        {"backoff", "Base retry delay in seconds, doubled per attempt, capped at 1 h (default 2)", true},
        {"max-jobs", "Exit after this many jobs (default: no limit)", true},
        {"force", "Keep working while the site is in maintenance mode", false}},
       {},
       queue_work},
      {"queue:failed", "List the failed jobs", {{"json", "Print a JSON array instead of the table", false}}, {},
       queue_failed},
      {"queue:retry",
       "Push failed jobs back onto their queue",
       {},
       {{"id", "Failed job ID (see queue:failed), its UUID, or \"all\"", true}},
       queue_retry},
      {"queue:flush", "Delete every failed job", {}, {}, queue_flush},
      {"queue:probe",
       "Diagnostics: push harmless probe jobs; with --wait, check that a worker runs them",
       {{"count", "How many probe jobs (default 1)", true},
        {"queue", "Queue to push to (default: default)", true},
        {"batch", "Name for this batch of probes (default: random)", true},
        {"fail", "Make the probes fail, to exercise retries and failed_jobs", false},
        {"seconds", "Each probe keeps its worker busy this long (to try --timeout or a graceful stop)", true},
        {"wait", "Seconds to wait for a worker to run them; exit 1 when it does not", true}},
       {},
       queue_probe},
  };
}

}  // namespace app
