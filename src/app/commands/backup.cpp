// Backup commands: ops:backup, ops:backup:verify, ops:restore. Parsing, validation messages and printing only; the
// work is in src/ops/backup.hpp, backup_verify.hpp and restore.hpp.
#include <algorithm>
#include <csignal>
#include <iostream>

#include "app/application.hpp"
#include "app/command.hpp"
#include "ops/health_check.hpp"
#include "core/config.hpp"
#include "core/log.hpp"
#include "core/strings.hpp"
#include "ops/backup.hpp"
#include "ops/backup_encryption.hpp"
#include "ops/backup_failure.hpp"
#include "ops/backup_verify.hpp"
#include "ops/restore.hpp"
#include "ops/snapshot_catalog.hpp"

namespace app {

namespace {

// One line, whatever the message carried (reference: CR/LF → space, trimmed).
std::string flat(std::string_view message) {
  std::string text(message);
  std::replace(text.begin(), text.end(), '\n', ' ');
  std::replace(text.begin(), text.end(), '\r', ' ');
  return core::trim(text);
}

// A closed stdout (`nico ops:backup | head`, a cron wrapper that went away) must not kill a backup or a restore
// half-way with SIGPIPE: the work matters more than its console lines. Child tools get the default back.
void keep_working_without_a_reader() { std::signal(SIGPIPE, SIG_IGN); }

// --retention-days: absent or empty → OPS_BACKUP_RETENTION_DAYS. Unlike the reference (which cast "abc" to 0, i.e.
// "keep forever"), text that is not a whole number is rejected with the same message as a negative one.
std::optional<std::int64_t> parse_retention(const std::optional<std::string>& option, std::int64_t configured) {
  if (!option || core::trim(*option).empty()) return configured;
  std::string text = core::trim(*option);
  std::size_t used = 0;
  std::int64_t value = 0;
  try {
    value = std::stoll(text, &used);
  } catch (const std::exception&) {
    return std::nullopt;
  }
  if (used != text.size() || value < 0) return std::nullopt;
  return value;
}

int backup(const CommandEnvironment& environment, const CommandInput& input) {
  // Validation order of the reference: --only first (even with --prune-only), then retention, then the root.
  // Without --only, OPS_BACKUP_ONLY decides (read once the configuration is loaded).
  std::optional<ops::BackupScope> scope;
  if (auto only = input.option("only")) {
    scope = ops::parse_backup_scope(*only);
    if (!scope) {
      std::cerr << "Invalid value for --only. Allowed: all, db, files.\n";
      return 1;
    }
  }
  keep_working_without_a_reader();
  auto config = bootstrap(environment);
  if (!scope) scope = ops::configured_backup_scope(config);
  auto retention = parse_retention(input.option("retention-days"), config.integer("OPS_BACKUP_RETENTION_DAYS"));
  if (!retention) {
    std::cerr << "Invalid retention value. Use 0 or greater.\n";
    return 1;
  }
  try {
    if (input.flag("prune-only")) {
      auto pruned = ops::run_prune(config, *retention);
      std::cout << "Prune completed. Deleted snapshots: " << pruned.deleted << ".\n";
      if (pruned.leftovers > 0)
        std::cout << "Old pre-restore copies and leftover folders deleted: " << pruned.leftovers << "\n";
      return 0;
    }
    auto result = ops::run_backup(config, {*scope, *retention, environment.terminal});
    for (const auto& warning : result.warnings) std::cout << "WARN: " << warning << "\n";
    std::cout << "Backup completed: " << ops::display_path(result.snapshot, config.base_path()) << "\n";
    if (result.pruned.deleted > 0)
      std::cout << "Old snapshots deleted by retention policy: " << result.pruned.deleted << "\n";
    if (result.pruned.leftovers > 0)
      std::cout << "Old pre-restore copies and leftover folders deleted: " << result.pruned.leftovers << "\n";
    return 0;
  } catch (const ops::BackupError& e) {
    bool setup = e.kind() == ops::BackupError::Kind::kSetup;
    std::cerr << (setup ? "Backup setup failed: " : "Backup failed: ") << flat(e.what()) << "\n";
    return 1;
  }
}

// Status | Check | Details, bordered like the health check's table.
void print_checks(const std::vector<ops::VerifyCheck>& checks) {
  std::size_t check_width = 5, details_width = 7;
  for (const auto& row : checks) {
    check_width = std::max(check_width, row.check.size());
    details_width = std::max(details_width, row.details.size());
  }
  auto pad = [](std::string text, std::size_t width) {
    text.resize(std::max(width, text.size()), ' ');
    return text;
  };
  std::string border = "+--------+" + std::string(check_width + 2, '-') + "+" + std::string(details_width + 2, '-') + "+";
  std::cout << border << "\n| Status | " << pad("Check", check_width) << " | " << pad("Details", details_width) << " |\n"
            << border << "\n";
  for (const auto& row : checks)
    std::cout << "| " << pad(row.ok ? "OK" : "FAIL", 6) << " | " << pad(row.check, check_width) << " | "
              << pad(row.details, details_width) << " |\n";
  std::cout << border << "\n";
}

const ops::VerifyCheck* first_failure(const ops::VerifyReport& report) {
  for (const auto& check : report.checks)
    if (!check.ok) return &check;
  return nullptr;
}

// --json: the report on stdout and nothing else there (no progress, no table); failures still go to stderr and the
// exit code, so a monitoring script can use either.
int verify(const CommandEnvironment& environment, const CommandInput& input) {
  auto config = bootstrap(environment);
  const bool json = input.flag("json");
  auto refuse = [&](const std::string& message) {
    if (json) std::cout << "{\"ok\":false,\"error\":" << core::json_quote(message) << "}\n";
    std::cerr << message << "\n";
    return 1;
  };
  std::filesystem::path snapshot;
  try {
    // `latest` means what it means to ops:restore (the newest complete snapshot), so the guide's "verify latest,
    // then restore latest" checks the snapshot it restores. No argument: the newest one, whatever it holds.
    std::string argument = input.positionals.empty() ? "" : input.positionals[0];
    std::optional<ops::SnapshotNeeds> needs;
    if (core::trim(argument) == "latest") needs = ops::snapshot_needs(config);
    snapshot = ops::resolve_snapshot(ops::backup_root(config), config.base_path(), argument, config.str("APP_TIMEZONE"),
                                     needs);
  } catch (const std::exception& e) {
    ops::report_backup_failure(config, std::string("Backup verification failed: ") + e.what());
    return refuse(flat(e.what()));
  }
  ops::VerifyOptions options;
  try {
    options.key = ops::backup_encryption_key(config);
  } catch (const std::exception& e) {
    return refuse(flat(e.what()));
  }
  options.full_integrity = input.flag("full");
  options.progress = !json;
  options.terminal = environment.terminal;
  const std::string shown = ops::display_path(snapshot, config.base_path());
  if (!json) std::cout << "Verifying " << shown << "\n" << std::flush;
  auto report = ops::verify_snapshot(snapshot, options);
  if (json) {
    std::cout << ops::verify_report_json(report, shown);
  } else {
    print_checks(report.checks);
    std::cout << "Summary: " << report.checks.size() - static_cast<std::size_t>(report.failures()) << " OK, "
              << report.failures() << " FAIL\n";
  }
  if (const auto* failed = first_failure(report)) {
    std::string message = "Snapshot verification failed: " + failed->check + ": " + failed->details;
    std::cerr << flat(message) << "\n";
    ops::report_backup_failure(config, message + " (" + snapshot.string() + ")");
    return 1;
  }
  if (!json) std::cout << "Snapshot verified: " << snapshot.filename().string() << "\n";
  return 0;
}

void print_restored_state(const ops::RestoredState& state) {
  std::cout << "Migrations: " << state.migrations_ran << " ran, " << state.migrations_pending << " pending"
            << (state.schema_version.empty() ? "" : " (schema version " + state.schema_version + ")") << "\n";
  if (state.migrations_unknown > 0)
    std::cout << "Warning: " << state.migrations_unknown
              << " migration(s) in the snapshot are unknown to this binary (the snapshot is newer than nico).\n";
  std::cout << "Row counts:\n";
  for (const auto& table : state.tables) {
    std::string name = table.table;
    name.resize(std::max<std::size_t>(name.size() + 2, 26), ' ');
    std::cout << "  " << name << (table.rows ? std::to_string(*table.rows) : "(table missing)") << "\n";
  }
}

// What a live restore replaced, for its last line.
std::string live_subject(const ops::RestoreReport& report) {
  const bool database = !report.database_target.empty(), files = !report.files_target.empty();
  if (database && files) return "the live database and uploads hold the snapshot";
  if (database) return "the live database holds the snapshot";
  return "the live uploads hold the snapshot";
}

int restore(const CommandEnvironment& environment, const CommandInput& input) {
  keep_working_without_a_reader();
  auto config = bootstrap(environment);
  ops::RestoreRequest request;
  request.snapshot = input.positionals.empty() ? "latest" : input.positionals[0];
  request.into = input.option("into");
  if (request.into && core::trim(*request.into).empty()) request.into.reset();
  request.drill = input.flag("drill");
  request.force = input.flag("force");
  request.terminal = environment.terminal;
  try {
    auto report = ops::run_restore(config, request, [&](const ops::VerifyReport& verification) {
      std::cout << "Restoring " << ops::display_path(verification.snapshot, config.base_path()) << "\n";
      print_checks(verification.checks);
    });
    for (const auto& warning : report.backup_warnings) std::cout << "WARN (recorded by the backup): " << warning << "\n";
    if (!report.pre_restore_copy.empty())
      std::cout << "The replaced database was saved in " << report.pre_restore_copy << "\n";
    if (!report.database_target.empty()) std::cout << "Database restored into " << report.database_target << "\n";
    if (report.state) print_restored_state(*report.state);
    if (report.health) std::cout << ops::render_table(*report.health);
    if (!report.files_target.empty())
      std::cout << "Files: " << report.files_restored << " file(s) restored into " << report.files_target << "\n";
    if (!report.pre_restore_files.empty())
      std::cout << "The replaced uploads were moved to " << report.pre_restore_files << "\n";
    if (!report.files_note.empty()) std::cout << report.files_note << "\n";
    if (!report.undo_command.empty()) std::cout << "To undo the database restore: " << report.undo_command << "\n";
    if (report.health && report.health->count(ops::CheckStatus::kFail) > 0) {
      std::string message = "Restore failed: the restored database does not pass the health check.";
      std::cerr << message << "\n";
      ops::report_backup_failure(config, message);
      return 1;
    }
    if (report.cleaned_up) std::cout << "Restore drill OK: the scratch database and files were removed.\n";
    else if (report.live) std::cout << "Restore completed: " << live_subject(report) << ". Check the shop, then run `nico up`.\n";
    else std::cout << "Restore completed.\n";
    return 0;
  } catch (const ops::RestoreRefused& e) {
    // The request itself was wrong and nothing was touched: the operator's answer, not an incident to alert on.
    std::cerr << "Restore refused: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::string message = std::string("Restore failed: ") + flat(e.what());
    std::cerr << message << "\n";
    ops::report_backup_failure(config, message);
    return 1;
  }
}

}  // namespace

std::vector<CommandSpec> backup_commands() {
  return {
      {"ops:backup",
       "Create snapshot backups for database and uploaded files.",
       {{"only", "What to back up: all, db or files (default OPS_BACKUP_ONLY, itself all by default)", true},
        {"retention-days", "Delete snapshots older than N days (default OPS_BACKUP_RETENTION_DAYS; 0 keeps all)", true},
        {"prune-only", "Only apply the retention policy", false}},
       {},
       backup},
      {"ops:backup:verify",
       "Check a snapshot: manifest, sizes, SHA-256, encryption key, SQLite integrity, dump completeness",
       {{"json", "Print the checks as JSON (no table, no progress)", false},
        {"full", "SQLite: PRAGMA integrity_check (also cross-checks every index) instead of quick_check", false}},
       {{"snapshot", "Snapshot folder name or path (default: the newest)", false}},
       verify},
      {"ops:restore",
       "Restore a snapshot: over the live database and uploads (--force, in maintenance), or into a scratch copy "
       "(--drill removes it, --into keeps it)",
       {{"into", "Scratch target kept afterwards: SQLite file path, MariaDB schema / mysql://user:pass@host:port/schema, "
                 "PostgreSQL database / postgres://…", true},
        {"drill", "Restore into a scratch copy, check it and remove it", false},
        {"force", "Restore over the live database and uploads (needs `nico down` first; saves the current state)", false}},
       {{"snapshot", "Snapshot folder name or path, or `latest` (the newest complete one)", true}},
       restore},
  };
}

}  // namespace app
