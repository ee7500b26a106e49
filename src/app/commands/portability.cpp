// Data portability commands: db:export and db:import (docs/data-format.md). Parsing, file handling and printing
// only; the work is in src/db/portability/.
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "app/application.hpp"
#include "app/command.hpp"
#include "app/commands/row_progress.hpp"
#include "core/config.hpp"
#include "db/database.hpp"
#include "db/portability/exporter.hpp"
#include "db/portability/importer.hpp"
#include "domain/inventory/catalog_version.hpp"

namespace app {

namespace {

namespace fs = std::filesystem;

std::string timestamp_for_file() {
  std::time_t now = std::time(nullptr);
  std::tm parts{};
  gmtime_r(&now, &parts);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y%m%d-%H%M%S", &parts);
  return buffer;
}

std::string one_line(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  std::replace(text.begin(), text.end(), '\r', ' ');
  return text;
}

// The export holds password hashes and 2FA secrets: the file is created readable by its owner only.
void create_private_file(const fs::path& path) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) throw std::runtime_error("cannot create " + path.string() + ": " + std::strerror(errno));
  ::close(fd);
}

int db_export(const CommandEnvironment& environment, const CommandInput& input) {
  std::signal(SIGPIPE, SIG_IGN);  // `nico db:export --out=- | head` fails with a message instead of dying
  auto config = bootstrap(environment);
  std::string out = input.option("out").value_or("");
  bool to_stdout = out == "-";
  fs::path target = out.empty() ? config.storage_path("app/exports") / ("nico-export-" + timestamp_for_file() + ".jsonl")
                                : fs::path(out);
  auto started = std::chrono::steady_clock::now();
  try {
    auto database = open_database(config, 1);
    db::portability::ExportSummary summary;
    if (to_stdout) {
      summary = db::portability::export_database(*database, std::cout);
    } else {
      if (target.has_parent_path()) fs::create_directories(target.parent_path());
      // Written beside the target and renamed at the end: an interrupted export never leaves a file that looks whole.
      fs::path partial = target;
      partial += ".partial";
      create_private_file(partial);
      {
        std::ofstream file(partial, std::ios::binary | std::ios::trunc);
        if (!file) throw std::runtime_error("cannot write " + partial.string());
        RowProgress progress(environment.terminal, "Exporting");
        summary = db::portability::export_database(
            *database, file, [&](std::int64_t done, std::int64_t total) { progress.update(done, total); });
        file.close();
        if (!file) throw std::runtime_error("cannot write " + partial.string() + " (disk full?)");
        progress.finish();
      }
      fs::rename(partial, target);
    }
    std::ostream& report = to_stdout ? std::cerr : std::cout;
    if (!environment.quiet)
      for (const auto& [table, rows] : summary.tables) report << "  " << table << ": " << rows << "\n";
    report << "Exported " << summary.rows << " rows of " << summary.tables.size() << " tables (engine "
           << summary.engine << ", schema " << summary.schema_version << ")" << (to_stdout ? "" : " to " + target.string())
           << " in " << seconds_text(std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count())
           << ".\n";
    return 0;
  } catch (const std::exception& e) {
    if (!to_stdout) {
      std::error_code ignored;
      fs::path partial = target;
      partial += ".partial";
      fs::remove(partial, ignored);
    }
    std::cerr << "Export failed: " << one_line(e.what()) << "\n";
    return 1;
  }
}

int db_import(const CommandEnvironment& environment, const CommandInput& input) {
  auto config = bootstrap(environment);
  bool fresh = input.flag("fresh");
  if (fresh && config.is_production() && !input.flag("force")) {
    std::cerr << "APPLICATION IN PRODUCTION. --fresh deletes the business data: run `nico db:import FILE --fresh "
                 "--force` to confirm (take `nico ops:backup` first).\n";
    return 1;
  }
  fs::path file = input.positionals.at(0);
  try {
    auto database = open_database(config, 1);
    // Whatever the import wrote or emptied, in its own transactions (not db::Transaction): on MariaDB/PostgreSQL the
    // catalog version is bumped at the end, imported or failed, so running servers drop their cached catalog
    // (SQLite's triggers counted every row already).
    struct CatalogBumpAtEnd {
      db::Database& database;
      ~CatalogBumpAtEnd() {
        try {
          inventory::bump_catalog_version_after_commit(*database.lease());  // no transaction open: runs at once
        } catch (const std::exception&) {  // unreachable server: the import's own error says so
        }
      }
    } catalog_bump{*database};
    db::portability::ImportOptions options;
    options.fresh = fresh;
    RowProgress progress(environment.terminal, "Importing");
    // A step line ends the bar first, so it never lands on the bar's line.
    options.say = [&](const std::string& line) {
      progress.finish();
      if (!environment.quiet) std::cout << line << "\n" << std::flush;
    };
    options.progress = [&](std::int64_t done, std::int64_t total) { progress.update(done, total); };
    auto summary = db::portability::import_database(*database, file, options);
    progress.finish();
    if (!environment.quiet)
      for (const auto& [table, rows] : summary.tables) std::cout << "  " << table << ": " << rows << "\n";
    std::cout << "Imported " << summary.rows << " rows into " << summary.tables.size() << " tables (" << summary.engine
              << (summary.source_engine.empty() ? "" : ", exported from " + summary.source_engine) << ") in "
              << seconds_text(progress.seconds()) << ". Row counts match the header.\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "Import refused or failed: " << one_line(e.what()) << "\n";
    return 1;
  }
}

}  // namespace

std::vector<CommandSpec> portability_commands() {
  return {
      {"db:export",
       "Export every business table to one JSON Lines file (docs/data-format.md)",
       {{"out", "File to write (default storage/app/exports/nico-export-<UTC time>.jsonl; - for stdout)", true}},
       {},
       db_export},
      {"db:import",
       "Load a db:export file into this (empty) database; checks schema version and row counts",
       {{"fresh", "Delete the business data of this database first", false},
        {"force", "Confirm --fresh when APP_ENV=production", false}},
       {{"file", "The .jsonl file written by db:export", true}},
       db_import},
  };
}

}  // namespace app
