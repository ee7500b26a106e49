// ops:restore orchestration (steps in restore.hpp): refusals, target choice, live-database guard, load, report,
// files, drill clean-up.
#include "ops/restore.hpp"

#include <algorithm>
#include <chrono>
#include <thread>
#include <vector>
#include <utility>

#include "core/config.hpp"
#include "core/crypto.hpp"
#include "core/log.hpp"
#include "db/database.hpp"
#include "ops/backup.hpp"
#include "ops/backup_encryption.hpp"
#include "ops/backup_files.hpp"
#include "ops/backup_io.hpp"
#include "ops/backup_mysql.hpp"
#include "ops/backup_postgres.hpp"
#include "ops/backup_progress.hpp"
#include "ops/backup_retention.hpp"
#include "ops/backup_sqlite.hpp"
#include "ops/maintenance.hpp"
#include "ops/restore_mysql.hpp"
#include "ops/restore_postgres.hpp"
#include "ops/snapshot_catalog.hpp"
#include "ops/snapshot_manifest.hpp"

namespace ops {

namespace {

namespace fs = std::filesystem;

constexpr const char* kLiveRefused =
    "Restoring over the live database requires --force and maintenance mode (run `nico down` first).";

bool blank(const std::string& text) {
  return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

// Step 1: what can be refused from the arguments alone, before a snapshot is read. The messages show the
// commands to type, with the snapshot the operator named.
void refuse_impossible_requests(const fs::path& base, const RestoreRequest& request) {
  if (blank(request.snapshot))
    throw RestoreRefused("The snapshot argument is empty. Name a snapshot (backup_YYYYMMDD_HHMMSS) or use `latest`.");
  const std::string& snapshot = request.snapshot;
  if (!request.force && !request.drill && !request.into) {
    const std::pair<std::string, std::string> choices[] = {
        {"nico down && nico ops:restore " + snapshot + " --force", "over the live database and uploads, then `nico up`"},
        {"nico ops:restore " + snapshot + " --drill", "into a scratch copy that is checked and removed"},
        {"nico ops:restore " + snapshot + " --into=<target>",
         "into a scratch copy that is kept (SQLite file, schema or database name)"}};
    std::size_t width = 0;
    for (const auto& [command, what] : choices) width = std::max(width, command.size());
    std::string message = "Say where to restore; nothing was restored. Type one of:";
    for (const auto& [command, what] : choices)
      message += "\n  " + command + std::string(width - command.size() + 3, ' ') + what;
    throw RestoreRefused(message);
  }
  const bool live = request.force && !request.into;
  if (live && request.drill)
    throw RestoreRefused("--drill restores into a scratch copy and --force over the live database: choose one.\n"
                         "  nico ops:restore " + snapshot + " --drill\n"
                         "  nico down && nico ops:restore " + snapshot + " --force");
  if (live && !read_maintenance(base))
    throw RestoreRefused("Restoring over the live database needs maintenance mode. Run `nico down` first, then:\n"
                         "  nico ops:restore " + snapshot + " --force\n"
                         "and `nico up` once the shop looks right.");
}

// Two live restores in the same second (an undo right after a restore) would want the same pre-restore folder:
// wait for the next second instead.
std::string free_stamp(const fs::path& root, const std::string& zone) {
  for (int attempt = 0;; ++attempt) {
    std::string stamp = compact_local(SnapshotClock::now(), zone);
    std::error_code ec;
    if (!fs::exists(root / ("pre-restore_" + stamp), ec)) return stamp;
    // Never reuse a taken stamp: that folder is the undo copy of an earlier restore.
    if (attempt >= 30) throw std::runtime_error("pre-restore_" + stamp + " already exists and the clock does not move on");
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

// The snapshot's engine must be the configured one to go over the live database: anything else is a migration
// between engines (db:export / db:import), not a restore.
bool same_engine(const std::string& snapshot_driver, const std::string& configured) {
  auto family = [](const std::string& driver) { return driver == "mariadb" ? std::string("mysql") : driver; };
  return family(snapshot_driver) == family(configured);
}

// What the restore created and must remove when it fails or when it is a drill. Removal is best effort and
// logged: the restore's own outcome is what the operator needs to read.
struct ScratchGuard {
  fs::path folder;                      // <root>/.restore-<stamp>
  std::optional<FolderLock> lock;       // held while the restore runs, so pruning leaves the folder alone
  fs::path sqlite_file;                 // an --into file outside the folder
  std::optional<MysqlConnection> schema;
  std::optional<MysqlConnection> pg_database;  // a scratch PostgreSQL database
  bool keep = false;

  ~ScratchGuard() {
    if (!keep) remove();
  }
  void remove() noexcept {
    std::error_code ec;
    if (!sqlite_file.empty()) {
      for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(fs::path(sqlite_file.string() + suffix), ec);
    }
    if (!folder.empty()) fs::remove_all(folder, ec);
    lock.reset();
    if (schema) {
      try {
        drop_schema(*schema);
      } catch (const std::exception& e) {
        core::log::error("restore could not drop its scratch schema", {{"schema", schema->database}, {"error", e.what()}});
      }
    }
    if (pg_database) {
      try {
        drop_postgres_database(*pg_database);
      } catch (const std::exception& e) {
        core::log::error("restore could not drop its scratch database", {{"database", pg_database->database}, {"error", e.what()}});
      }
    }
  }
};

struct DatabaseTarget {
  bool sqlite = true;
  fs::path sqlite_file;
  bool pgsql = false;    // else MariaDB/MySQL when not sqlite
  MysqlConnection mysql;  // the server connection for both server engines
  bool live = false;
};

bool same_file(const fs::path& a, const fs::path& b) {
  std::error_code ec;
  return fs::weakly_canonical(a, ec) == fs::weakly_canonical(b, ec);
}

DatabaseTarget choose_database_target(const core::Config& config, const ArtifactRecord& artifact,
                                      const RestoreRequest& request, const fs::path& scratch_folder, const std::string& stamp) {
  DatabaseTarget target;
  const std::string& connection = config.str("DB_CONNECTION");
  const bool live_is_sqlite = connection == "sqlite";
  // --force without --into: the configured database itself.
  const bool live_requested = request.force && !request.into;
  if (live_requested && !same_engine(artifact.driver, connection))
    throw RestoreRefused("The snapshot holds a " + artifact.driver + " database but DB_CONNECTION is " + connection +
                         ": it cannot go over the live database. Use --into=<target>, or move the data with "
                         "`nico db:export` / `nico db:import`.");
  target.sqlite = artifact.driver == "sqlite";
  if (target.sqlite) {
    fs::path live_file = config.resolve_path(config.str("DB_DATABASE"));
    if (live_requested) target.sqlite_file = live_file;
    else target.sqlite_file = request.into ? config.resolve_path(*request.into) : scratch_folder / "database.sqlite";
    target.live = live_is_sqlite && same_file(target.sqlite_file, live_file);
    return target;
  }
  if (artifact.driver == "pgsql") {
    target.pgsql = true;
    MysqlConnection configured = postgres_connection_from_config(config);
    target.mysql = live_requested ? configured
                                  : parse_postgres_target(request.into.value_or(configured.database + "_restore_" + stamp), configured);
    target.live = connection == "pgsql" && target.mysql.database == configured.database &&
                  target.mysql.port == configured.port;
    return target;
  }
  MysqlConnection configured = mysql_connection_from_config(config);
  std::string default_name = configured.database + "_restore_" + stamp;
  target.mysql = live_requested ? configured : parse_mysql_target(request.into.value_or(default_name), configured);
  // Conservative on purpose: the configured schema name on the configured port counts as live even if the host is
  // spelled differently (localhost vs 127.0.0.1); a false "live" only asks for --force.
  target.live = !live_is_sqlite && connection != "pgsql" && target.mysql.database == configured.database &&
                target.mysql.port == configured.port;
  return target;
}

std::string describe(const DatabaseTarget& target, const fs::path& base_path) {
  if (target.sqlite) return "SQLite file " + display_path(target.sqlite_file, base_path);
  if (target.pgsql)
    return "PostgreSQL database " + target.mysql.database + " on " + target.mysql.host + ":" + std::to_string(target.mysql.port);
  return "schema " + target.mysql.database + " on " + target.mysql.host + ":" + std::to_string(target.mysql.port);
}

std::unique_ptr<db::Database> open_target(const DatabaseTarget& target) {
  db::DatabaseSettings settings;
  settings.pool_size = 1;
  if (target.sqlite) {
    settings.dialect = db::Dialect::kSqlite;
    settings.sqlite_path = target.sqlite_file.string();
  } else {
    settings.dialect = target.pgsql ? db::Dialect::kPostgres : db::Dialect::kMysql;
    settings.host = target.mysql.host;
    settings.port = target.mysql.port;
    settings.username = target.mysql.username;
    settings.password = target.mysql.password;
    settings.database = target.mysql.database;
  }
  return std::make_unique<db::Database>(settings);
}

// Saves the live database before it is overwritten, with the same tools as a backup, as a database-only snapshot
// (manifest included) so that `nico ops:restore pre-restore_<stamp> --force` undoes the restore. Returns the file.
fs::path save_live_database(const core::Config& config, const DatabaseTarget& target, const fs::path& folder, bool terminal) {
  fs::create_directories(folder);
  // It holds the same customer data as a snapshot: owner and group only, like backup folders.
  fs::permissions(folder, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec);
  StepProgress progress(terminal, "Pre-restore copy");
  ArtifactRecord artifact;
  artifact.type = "database";
  artifact.driver = target.sqlite ? "sqlite" : target.pgsql ? "pgsql" : config.str("DB_CONNECTION");
  Manifest manifest;
  fs::path file;
  if (target.sqlite) {
    file = folder / "database.sqlite";
    sqlite_online_backup(target.sqlite_file, file);
    manifest.schema_version = sqlite_schema_version(file);
    auto digest = digest_file(file);
    artifact.size_bytes = digest.size_bytes;
    artifact.sha256 = digest.sha256;
  } else {
    file = folder / "database.sql";
    ArtifactWriter writer(file);
    const int timeout = static_cast<int>(config.integer("OPS_BACKUP_COMMAND_TIMEOUT"));
    auto sink = [&](std::string_view chunk) { writer.write(chunk); };
    if (target.pgsql) postgres_dump(find_pg_dump_binary(config), target.mysql, timeout, config.base_path(), sink);
    else mysql_dump(find_dump_binary(config), target.mysql, timeout, config.base_path(), sink);
    auto digest = writer.finish();
    artifact.size_bytes = digest.size_bytes;
    artifact.sha256 = digest.sha256;
  }
  artifact.path = display_path(file, config.base_path());
  manifest.created_at = iso8601_local(SnapshotClock::now(), config.str("APP_TIMEZONE"));
  manifest.scope = "db";
  manifest.retention_days = config.integer("OPS_BACKUP_RETENTION_DAYS");
  manifest.database_connection = artifact.driver;
  manifest.app_version = kManifestAppVersion;
  manifest.artifacts.push_back(artifact);
  ArtifactWriter manifest_writer(folder / kManifestFile);
  manifest_writer.write(manifest_to_json(manifest));
  manifest_writer.finish();
  progress.finish(display_path(file, config.base_path()));
  return file;
}

void load_database(const core::Config& config, const DatabaseTarget& target, const fs::path& artifact_file,
                   ScratchGuard& scratch, bool terminal) {
  StepProgress progress(terminal, "Database");
  if (target.sqlite) {
    if (target.live) {
      sqlite_restore_over(artifact_file, target.sqlite_file, [&](long long copied, long long total) {
        progress.update(total > 0 ? static_cast<double>(copied) / static_cast<double>(total) : 1.0,
                        std::to_string(copied) + "/" + std::to_string(total) + " pages");
      });
    } else {
      std::error_code ec;
      if (fs::exists(target.sqlite_file, ec))
        throw std::runtime_error("Target already exists: " + target.sqlite_file.string() +
                                 ". Restore into a new file (or over the live database with --force).");
      fs::create_directories(target.sqlite_file.parent_path());
      if (!fs::equivalent(target.sqlite_file.parent_path(), scratch.folder, ec)) scratch.sqlite_file = target.sqlite_file;
      const std::int64_t total = static_cast<std::int64_t>(fs::file_size(artifact_file));
      copy_file_hashed(artifact_file, target.sqlite_file, [&](std::int64_t done) {
        progress.update(total > 0 ? static_cast<double>(done) / static_cast<double>(total) : 1.0,
                        human_bytes(done) + " / " + human_bytes(total));
      });
      fsync_path(target.sqlite_file);
    }
  } else if (target.pgsql) {
    if (!target.live) {
      create_postgres_database(target.mysql);
      scratch.pg_database = target.mysql;  // from here on a failure or a drill drops it
    }
    // Over the live database the public schema is dropped and recreated in the same transaction as the load.
    load_postgres_dump(find_psql_binary(config), target.mysql, artifact_file, target.live,
                       static_cast<int>(config.integer("OPS_BACKUP_COMMAND_TIMEOUT")), config.base_path());
  } else {
    if (!target.live) {
      create_schema(target.mysql);
      scratch.schema = target.mysql;  // from here on a failure or a drill drops it
    } else {
      empty_schema(target.mysql);  // as PostgreSQL's schema swap: tables newer than the snapshot do not survive
    }
    load_dump(find_client_binary(config), target.mysql, artifact_file,
              static_cast<int>(config.integer("OPS_BACKUP_COMMAND_TIMEOUT")), config.base_path());
  }
  progress.finish("restored into " + describe(target, config.base_path()));
}

// The live files restore renames the whole uploads folder aside. A folder that holds the app, the backups or the
// SQLite database (OPS_BACKUP_FILES_SOURCE=storage, say) would carry them away with it: refused up front.
void refuse_unsafe_uploads_folder(const core::Config& config) {
  auto normal = [](const fs::path& path) { return fs::weakly_canonical(path).lexically_normal(); };
  const fs::path uploads = normal(files_source(config));
  auto inside = [&](const fs::path& path) {
    auto relative = normal(path).lexically_relative(uploads);
    return !relative.empty() && *relative.begin() != "..";
  };
  std::vector<fs::path> guarded = {config.base_path(), backup_root(config)};
  if (config.str("DB_CONNECTION") == "sqlite") guarded.push_back(config.resolve_path(config.str("DB_DATABASE")));
  for (const auto& path : guarded)
    if (inside(path))
      throw RestoreRefused("OPS_BACKUP_FILES_SOURCE (" + uploads.string() + ") holds " + normal(path).string() +
                           ": a live restore swaps that whole folder. Point it at the uploads folder only "
                           "(storage/app/public).");
}

// Live files restore: build the new tree beside the current one, then swap by two renames in the same folder.
// Returns where the replaced folder went ("" when there was none).
std::string swap_files_into_place(const core::Config& config, const fs::path& snapshot_files, const std::string& stamp,
                                  const TreeCipher& cipher, TreeDigest& digest, std::string& target) {
  fs::path source = files_source(config);
  fs::path parent = source.parent_path();
  fs::create_directories(parent);
  std::string staging_name = ".";
  staging_name += source.filename().string();
  staging_name += ".restoring-";
  staging_name += stamp;
  fs::path staging = parent / staging_name;
  digest = copy_tree(snapshot_files, staging, {}, {}, cipher);
  sync_filesystem(staging);
  std::error_code ec;
  std::string replaced;
  if (fs::exists(source, ec)) {
    fs::path kept(source.string() + ".pre-restore-" + stamp);
    fs::rename(source, kept);
    replaced = display_path(kept, config.base_path());
  }
  fs::rename(staging, source);
  fsync_path(parent);
  target = display_path(source, config.base_path());
  return replaced;
}

}  // namespace

RestoreReport run_restore(const core::Config& config, const RestoreRequest& request,
                          const std::function<void(const VerifyReport&)>& on_verified) {
  RestoreReport report;
  const fs::path& base = config.base_path();
  refuse_impossible_requests(base, request);
  const std::string& zone = config.str("APP_TIMEZONE");
  fs::path root = backup_root(config);
  fs::path snapshot = resolve_snapshot(root, base, request.snapshot, zone, snapshot_needs(config));

  const std::string key = backup_encryption_key(config);
  report.verification = verify_snapshot(snapshot, VerifyOptions{.key = key, .progress = true, .terminal = request.terminal});
  if (on_verified) on_verified(report.verification);
  if (!report.verification.ok()) {
    for (const auto& check : report.verification.checks) {
      if (!check.ok) throw std::runtime_error("Snapshot failed verification: " + check.check + ": " + check.details);
    }
  }
  const Manifest& manifest = *report.verification.manifest;
  report.backup_warnings = manifest.warnings;
  const ArtifactRecord* database = nullptr;
  const ArtifactRecord* files = nullptr;
  for (const auto& artifact : manifest.artifacts) {
    if (artifact.is_database()) database = &artifact;
    if (artifact.is_files()) files = &artifact;
  }
  if (request.into && !database) throw std::runtime_error("--into was given but the snapshot has no database artifact.");
  const bool encrypted = (database && !database->encryption.empty()) || (files && !files->encryption.empty());
  if (encrypted && key.empty())
    throw std::runtime_error("The snapshot is encrypted: set OPS_BACKUP_ENCRYPTION_KEY to the key it was made with.");

  const std::string stamp = free_stamp(root, zone);
  ScratchGuard scratch;
  scratch.folder = root / (".restore-" + stamp + "-" + core::random_token(6));

  std::optional<DatabaseTarget> target;
  if (database) {
    target = choose_database_target(config, *database, request, scratch.folder, stamp);
    report.live = target->live;
    // The live guard comes before anything is written anywhere.
    if (target->live && request.drill) throw RestoreRefused("--drill cannot be used on the live database.");
    if (target->live && (!request.force || !read_maintenance(base))) throw RestoreRefused(kLiveRefused);
    report.database_target = describe(*target, base);
  }
  const bool live_files = request.force && !request.into && !request.drill;
  if (files && (live_files || (target && target->live))) refuse_unsafe_uploads_folder(config);
  fs::create_directories(scratch.folder);
  scratch.lock.emplace(scratch.folder);

  if (target) {
    if (target->live) {
      const std::string saved = "pre-restore_" + stamp;
      report.pre_restore_copy = display_path(save_live_database(config, *target, root / saved, request.terminal), base);
      report.undo_command = "nico ops:restore " + saved + " --force";
    }
    fs::path artifact_file = snapshot / database->file_name();
    if (!database->encryption.empty()) {
      // Decrypted into the scratch folder (never into the snapshot); removed with it.
      std::string plain_name = database->file_name();
      plain_name.resize(plain_name.size() - kEncryptedSuffix.size());
      fs::path plain = scratch.folder / ("decrypted-" + plain_name);
      decrypt_file(artifact_file, plain, key, false);
      artifact_file = plain;
    }
    try {
      load_database(config, *target, artifact_file, scratch, request.terminal);
    } catch (const std::exception& e) {
      if (!target->live) throw;
      // The live database may be half-loaded now: say where its previous state is and how to put it back.
      throw std::runtime_error(std::string(e.what()) + ". The database as it was is saved in " + report.pre_restore_copy +
                               "; `" + report.undo_command + "` puts it back.");
    }
    if (!database->encryption.empty()) fs::remove(artifact_file);  // the loaded copy is all that is needed now
    auto restored = open_target(*target);
    report.state = inspect_restored_database(*restored);
    report.health = run_database_health_check(config, *restored);
  }

  if (files) {
    TreeDigest digest;
    TreeCipher cipher;
    if (!files->encryption.empty()) cipher = {TreeCipher::Mode::kDecrypt, key};
    if ((report.live || live_files) && files->files_copied == 0 && tree_has_files(files_source(config))) {
      // An empty copy (a misconfigured source at backup time) must not wipe the uploads the shop has now.
      report.files_note = "The snapshot holds no uploaded files but " + display_path(files_source(config), base) +
                          " does: the uploads were left as they are.";
      report.live = true;
    } else if (report.live || live_files) {
      StepProgress progress(request.terminal, "Files");
      report.pre_restore_files =
          swap_files_into_place(config, snapshot / files->file_name(), stamp, cipher, digest, report.files_target);
      progress.finish(std::to_string(digest.files) + " file(s)");
      report.live = true;
    } else {
      StepProgress progress(request.terminal, "Files");
      digest = copy_tree(snapshot / files->file_name(), scratch.folder / "files", {},
                         [&](std::int64_t done, std::int64_t total) {
                           progress.update(total > 0 ? static_cast<double>(done) / static_cast<double>(total) : 1.0,
                                           std::to_string(done) + "/" + std::to_string(total) + " files");
                         },
                         cipher);
      progress.finish(std::to_string(digest.files) + " file(s)");
      report.files_target = display_path(scratch.folder / "files", base);
    }
    report.files_restored = digest.files;
  }

  if (!files && (report.live || live_files))
    report.files_note = "The snapshot holds no uploaded files (database only): the uploads were left as they are.";

  if (request.drill) {
    scratch.remove();
    report.cleaned_up = true;
  }
  // Not a drill: what was restored stays for the operator (the live case keeps nothing in the scratch folder).
  scratch.keep = true;
  if (report.live) {
    std::error_code ec;
    fs::remove_all(scratch.folder, ec);
  } else if (!request.drill) {
    mark_kept(scratch.folder);  // pruned by retention like a snapshot, not after hours like a crashed restore
  }
  return report;
}

}  // namespace ops
