// ops:backup orchestration (steps and guarantees in backup.hpp). The artifact producers live in backup_sqlite,
// backup_mysql and backup_files; this file only sequences them inside the temp folder.
#include "ops/backup.hpp"

#include <soci/soci.h>

#include <chrono>
#include <thread>

#include "core/config.hpp"
#include "core/file_access.hpp"
#include "core/log.hpp"
#include "core/strings.hpp"
#include "db/database.hpp"
#include "ops/backup_encryption.hpp"
#include "ops/backup_failure.hpp"
#include "ops/backup_files.hpp"
#include "ops/backup_io.hpp"
#include "ops/backup_lock.hpp"
#include "ops/backup_mysql.hpp"
#include "ops/backup_postgres.hpp"
#include "ops/backup_progress.hpp"
#include "ops/backup_sqlite.hpp"
#include "ops/snapshot_catalog.hpp"
#include "ops/snapshot_manifest.hpp"

namespace ops {

namespace {

namespace fs = std::filesystem;

const std::string& time_zone(const core::Config& config) { return config.str("APP_TIMEZONE"); }

std::int64_t unix_seconds(SnapshotClock::time_point time) {
  return std::chrono::duration_cast<std::chrono::seconds>(time.time_since_epoch()).count();
}

[[noreturn]] void fail_setup(const core::Config& config, const std::string& message) {
  report_backup_failure(config, "Backup setup failed: " + message);
  throw BackupError(BackupError::Kind::kSetup, message);
}

// Steps 1-3: the root exists, we hold its lock, and no dead temp folder is left from a crashed run.
fs::path prepare_root(const core::Config& config, std::optional<BackupLock>& lock) {
  fs::path root;
  try {
    root = backup_root(config);
  } catch (const BackupError& e) {
    fail_setup(config, e.what());
  }
  std::error_code ec;
  fs::create_directories(root, ec);
  if (ec || !fs::is_directory(root)) {
    auto denied = core::is_permission_error(ec) ? core::permission_problem(root.parent_path(), core::Access::kWrite) : std::nullopt;
    fail_setup(config, denied ? "Could not create backup folder " + root.string() + ": " + *denied
                              : "Could not create backup folder " + root.string() + ": " + ec.message());
  }
  // Every step below creates entries in the root: a root we may not write gives one clear message up front.
  if (auto denied = core::permission_problem(root, core::Access::kWrite)) fail_setup(config, *denied);
  try {
    lock.emplace(root);
  } catch (const std::exception& e) {
    fail_setup(config, e.what());
  }
  for (fs::directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().filename().string().rfind(kTempSnapshotPrefix, 0) != 0) continue;
    std::error_code removed;
    fs::remove_all(it->path(), removed);  // best effort: a leftover that resists is retried next run
  }
  return root;
}

// Two runs in the same second would want the same name: wait for the next second instead of merging snapshots.
SnapshotClock::time_point free_snapshot_time(const fs::path& root, const std::string& zone) {
  for (int attempt = 0;; ++attempt) {
    auto now = SnapshotClock::now();
    auto name = snapshot_name(now, zone);
    std::error_code ec;
    if (!fs::exists(root / name, ec) || attempt >= 30) return now;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

std::optional<std::string> live_mysql_schema_version(const core::Config& config) {
  db::Database database(db::settings_from_config(config, 1));
  auto sql = database.lease();
  soci::indicator indicator = soci::i_null;
  std::string name;
  *sql << "SELECT MAX(migration) FROM migrations", soci::into(name, indicator);
  if (indicator != soci::i_ok) return std::nullopt;
  return name;
}

ArtifactRecord database_artifact(const core::Config& config, const fs::path& work, const fs::path& final_folder,
                                 bool terminal, const std::string& key, std::optional<std::string>& schema_version) {
  const std::string& connection = config.str("DB_CONNECTION");
  ArtifactRecord artifact;
  artifact.type = "database";
  artifact.driver = connection;
  StepProgress progress(terminal, "Database");
  if (connection == "sqlite") {
    const std::string& configured = config.str("DB_DATABASE");
    if (core::trim(configured).empty() || configured == ":memory:")
      throw std::runtime_error("SQLite backup requires a file-based database path.");
    fs::path file = work / "database.sqlite";
    sqlite_online_backup(config.resolve_path(configured), file, [&](long long copied, long long total) {
      progress.update(total > 0 ? static_cast<double>(copied) / static_cast<double>(total) : 1.0,
                      std::to_string(copied) + "/" + std::to_string(total) + " pages");
    });
    // Read from the copy itself, so the version is exactly the one of the data in the snapshot.
    schema_version = sqlite_schema_version(file);
    FileDigest digest;
    if (key.empty()) {
      digest = digest_file(file);
    } else {
      // SQLite writes the copy itself, so it is encrypted afterwards; the plain copy never leaves the temp folder.
      fs::path encrypted = file;
      encrypted += kEncryptedSuffix;
      digest = encrypt_file(file, encrypted, key);
      fs::remove(file);
      file = encrypted;
    }
    artifact.path = display_path(final_folder / file.filename(), config.base_path());
    artifact.size_bytes = digest.size_bytes;
    artifact.sha256 = digest.sha256;
  } else {
    const bool postgres = connection == "pgsql";
    auto binary = postgres ? find_pg_dump_binary(config) : find_dump_binary(config);
    auto connection_settings = mysql_connection_from_config(config);
    // Read before the dump starts: a migration landing during the dump is the only way this can be off by one.
    schema_version = live_mysql_schema_version(config);
    fs::path file = work / (key.empty() ? "database.sql" : "database.sql.enc");
    ArtifactWriter writer(file);
    std::optional<StreamEncryptor> encryptor;
    if (!key.empty()) encryptor.emplace(key, writer);
    auto sink = [&](std::string_view chunk) {
      if (encryptor) encryptor->write(chunk);
      else writer.write(chunk);
      progress.update(-1, human_bytes(writer.bytes_written()));
    };
    const int timeout = static_cast<int>(config.integer("OPS_BACKUP_COMMAND_TIMEOUT"));
    if (postgres) postgres_dump(binary, connection_settings, timeout, config.base_path(), sink);
    else mysql_dump(binary, connection_settings, timeout, config.base_path(), sink);
    if (encryptor) encryptor->finish();
    auto digest = writer.finish();
    artifact.path = display_path(final_folder / file.filename(), config.base_path());
    artifact.size_bytes = digest.size_bytes;
    artifact.sha256 = digest.sha256;
  }
  if (!key.empty()) artifact.encryption = kEncryptionScheme;
  progress.finish(artifact.file_name() + ", " + human_bytes(artifact.size_bytes));
  return artifact;
}

// A backup that silently copies nothing is the worst kind: the warnings say what looks wrong with the source.
void check_files_source(const core::Config& config, const fs::path& source, const TreeDigest& digest,
                        std::vector<std::string>& warnings) {
  const std::string setting = "OPS_BACKUP_FILES_SOURCE=" + core::trim(config.str("OPS_BACKUP_FILES_SOURCE"));
  const fs::path& base = config.base_path();
  std::error_code ec;
  if (!fs::is_directory(source, ec)) {
    warnings.push_back("Files source " + display_path(source, base) + " does not exist (" + setting +
                       "): no uploaded files were backed up.");
    return;
  }
  if (digest.files > 0) return;
  fs::path uploads = config.storage_path("app/public");
  if (!fs::equivalent(source, uploads, ec) && tree_has_files(uploads))
    warnings.push_back("Files source " + display_path(source, base) + " holds no files (" + setting + ") but " +
                       display_path(uploads, base) + " does: the uploads were not backed up.");
}

ArtifactRecord files_artifact(const core::Config& config, const fs::path& root, const fs::path& work,
                              const fs::path& final_folder, bool terminal, const std::string& key,
                              std::vector<std::string>& warnings) {
  fs::path source = files_source(config);
  StepProgress progress(terminal, "Files");
  auto digest = copy_tree(source, work / "files", root, [&](std::int64_t done, std::int64_t total) {
    progress.update(total > 0 ? static_cast<double>(done) / static_cast<double>(total) : 1.0,
                    std::to_string(done) + "/" + std::to_string(total) + " files");
  }, {key.empty() ? TreeCipher::Mode::kNone : TreeCipher::Mode::kEncrypt, key});
  ArtifactRecord artifact;
  artifact.type = "files";
  if (!key.empty()) artifact.encryption = kEncryptionScheme;
  artifact.path = display_path(final_folder / "files", config.base_path());
  artifact.files_copied = digest.files;
  artifact.size_bytes = digest.size_bytes;
  artifact.sha256 = digest.sha256;
  progress.finish(std::to_string(digest.files) + " file(s), " + human_bytes(digest.size_bytes));
  check_files_source(config, source, digest, warnings);
  return artifact;
}

// Step 6: expired snapshots, then old pre-restore copies and crashed scratch folders (backup_retention.hpp).
PruneResult prune_all(const core::Config& config, const fs::path& root, std::int64_t retention_days) {
  const std::int64_t now = unix_seconds(SnapshotClock::now());
  PruneResult result = prune_snapshots(root, retention_days, now, time_zone(config));
  fs::path uploads;
  try {
    uploads = files_source(config);
  } catch (const std::exception&) {
    // No uploads setting: only the backup root is swept.
  }
  result.leftovers = prune_leftovers(root, uploads, retention_days, now, time_zone(config));
  return result;
}

void write_manifest(const fs::path& work, const Manifest& manifest) {
  ArtifactWriter writer(work / kManifestFile);
  writer.write(manifest_to_json(manifest));
  writer.finish();
}

}  // namespace

std::optional<BackupScope> parse_backup_scope(std::string_view text) {
  std::string lowered = core::to_lower(text);
  if (lowered == "all") return BackupScope::kAll;
  if (lowered == "db") return BackupScope::kDatabase;
  if (lowered == "files") return BackupScope::kFiles;
  return std::nullopt;
}

const char* backup_scope_name(BackupScope scope) {
  switch (scope) {
    case BackupScope::kAll: return "all";
    case BackupScope::kDatabase: return "db";
    case BackupScope::kFiles: return "files";
  }
  return "all";
}

BackupScope configured_backup_scope(const core::Config& config) {
  return parse_backup_scope(config.str("OPS_BACKUP_ONLY")).value_or(BackupScope::kAll);
}

SnapshotNeeds snapshot_needs(const core::Config& config) {
  BackupScope scope = configured_backup_scope(config);
  return {scope != BackupScope::kFiles, scope != BackupScope::kDatabase};
}

fs::path backup_setting_path(const core::Config& config, const std::string& key) {
  std::string configured = core::trim(config.str(key));
  if (configured.empty()) return {};
  fs::path path(configured);
  if (path.is_absolute()) return path.lexically_normal();
  auto first = *path.begin();
  if (first == "storage" || first == ".") return (config.base_path() / path).lexically_normal();
  return config.storage_path(configured).lexically_normal();
}

fs::path backup_root(const core::Config& config) {
  fs::path root = backup_setting_path(config, "OPS_BACKUP_PATH");
  if (root.empty()) throw BackupError(BackupError::Kind::kSetup, "Backup path configuration cannot be empty.");
  return root;
}

fs::path files_source(const core::Config& config) {
  fs::path source = backup_setting_path(config, "OPS_BACKUP_FILES_SOURCE");
  if (source.empty()) throw std::runtime_error("Files source configuration cannot be empty.");
  if (!source.has_filename()) source = source.parent_path();  // "storage/app/public/" → the folder itself
  return source;
}

BackupResult run_backup(const core::Config& config, const BackupRequest& request) {
  std::optional<BackupLock> lock;
  fs::path root = prepare_root(config, lock);
  std::string key;
  try {
    key = backup_encryption_key(config);
  } catch (const std::exception& e) {
    fail_setup(config, e.what());
  }
  const std::string& zone = time_zone(config);
  auto started = free_snapshot_time(root, zone);
  std::string name = snapshot_name(started, zone);
  fs::path final_folder = root / name;
  fs::path work = root / (std::string(kTempSnapshotPrefix) + name.substr(kSnapshotPrefix.size()));

  Manifest manifest;
  manifest.created_at = iso8601_local(started, zone);
  manifest.scope = backup_scope_name(request.scope);
  manifest.retention_days = request.retention_days;
  manifest.database_connection = config.str("DB_CONNECTION");
  manifest.app_version = kManifestAppVersion;
  try {
    fs::create_directory(work);
    // Snapshots hold password hashes and customer data: owner only (700; files 600).
    fs::permissions(work, fs::perms::owner_all);
    if (request.scope != BackupScope::kFiles)
      manifest.artifacts.push_back(database_artifact(config, work, final_folder, request.terminal, key, manifest.schema_version));
    if (request.scope != BackupScope::kDatabase)
      manifest.artifacts.push_back(files_artifact(config, root, work, final_folder, request.terminal, key, manifest.warnings));
    write_manifest(work, manifest);
    // Everything in the folder reaches the disk before the name that promises completeness appears.
    sync_filesystem(work);
    fs::rename(work, final_folder);
    fsync_path(root);
  } catch (const std::exception& e) {
    std::error_code ignored;
    fs::remove_all(work, ignored);
    std::string message = e.what();
    append_backup_error_log(root, name, message);
    report_backup_failure(config, "Backup failed: " + message);
    throw BackupError(BackupError::Kind::kSnapshot, message);
  }

  BackupResult result;
  result.snapshot = final_folder;
  result.warnings = manifest.warnings;
  for (const auto& warning : manifest.warnings) core::log::warning(warning, {{"snapshot", name}});
  result.pruned = prune_all(config, root, request.retention_days);
  return result;
}

PruneResult run_prune(const core::Config& config, std::int64_t retention_days) {
  std::optional<BackupLock> lock;
  fs::path root = prepare_root(config, lock);
  return prune_all(config, root, retention_days);
}

}  // namespace ops
