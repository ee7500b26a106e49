// manifest.json: what a snapshot contains. Written last, just before the temp folder is renamed into place, so a
// backup_* folder with a readable manifest is a complete snapshot.
//
// Format: the reference's (docs/domain/operations.md "Backups": 4-space pretty print, unescaped slashes, no trailing
// newline, keys in this order) plus our additions, marked (+):
//   | key                 | type        | value                                                               |
//   | created_at          | string      | ISO-8601 with offset in APP_TIMEZONE, "2026-02-11T03:15:00-03:00"    |
//   | scope               | string      | all / db / files                                                     |
//   | retention_days      | int         | the resolved retention                                               |
//   | database_connection | string      | DB_CONNECTION (sqlite / mysql / mariadb / pgsql)                             |
//   | artifacts           | array       | database first, then files (below)                                  |
//   | app_version (+)     | string      | version of the nico binary that wrote it                             |
//   | schema_version (+)  | string/null | last migration applied when the backup ran (null for --only=files)  |
//   | warnings (+)        | array       | only when the backup noticed something wrong that did not stop it     |
//   |                     |             | (files source missing, or empty while the uploads folder has files)  |
// Artifact objects:
//   | key             | database | files | value                                                               |
//   | type            | yes      | yes   | "database" / "files"                                                |
//   | driver          | yes      |       | sqlite / mysql / mariadb (the connection name)                      |
//   | path            | yes      | yes   | final location, relative to the project base when inside it          |
//   | size_bytes      | yes      | (+)   | bytes stored (files: sum of all file sizes)                          |
//   | files_copied    |          | yes   | number of regular files                                             |
//   | sha256 (+)      | yes      | yes   | of the stored bytes; files: of the tree listing (backup_files.hpp)   |
//   | encryption (+)  | when set | when set | "xchacha20poly1305-secretstream" when OPS_BACKUP_ENCRYPTION_KEY was used |
// Verify and restore find an artifact by the last component of `path` inside the snapshot folder, so a snapshot
// copied elsewhere (off-site) still verifies.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/version.hpp"

namespace ops {

// Version recorded in manifests: "nico " + the application version (core/version.hpp).
inline const std::string kManifestAppVersion = std::string("nico ") + core::kAppVersion;  // manifest "app_version"

struct ArtifactRecord {
  std::string type;                 // "database" or "files"
  std::string driver;               // database only
  std::string path;                 // as shown to people (see display_path)
  std::int64_t size_bytes = 0;
  std::int64_t files_copied = -1;   // files only; -1 = not present
  std::string sha256;
  std::string encryption;           // "" = plain

  // Name of the artifact inside the snapshot folder: "database.sqlite", "database.sql", "files".
  std::string file_name() const;
  bool is_database() const { return type == "database"; }
  bool is_files() const { return type == "files"; }
};

struct Manifest {
  std::string created_at;
  std::string scope;
  std::int64_t retention_days = 0;
  std::string database_connection;
  std::vector<ArtifactRecord> artifacts;
  std::string app_version;
  std::optional<std::string> schema_version;
  std::vector<std::string> warnings;  // one operator-facing sentence each
};

std::string manifest_to_json(const Manifest& manifest);
// Throws std::runtime_error ("manifest.json: <reason>") when the text is not a manifest we can use.
Manifest parse_manifest(const std::string& json);
// Reads <snapshot>/manifest.json. Throws std::runtime_error when absent or unusable.
Manifest read_manifest(const std::filesystem::path& snapshot);

}  // namespace ops
