// manifest.json writing and parsing (format table in snapshot_manifest.hpp). The only backup file that includes
// nlohmann-json.
#include "ops/snapshot_manifest.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/file_access.hpp"
#include "ops/snapshot_catalog.hpp"

namespace ops {

namespace {

using Json = nlohmann::ordered_json;

std::runtime_error manifest_error(const std::string& reason) {
  return std::runtime_error(std::string(kManifestFile) + ": " + reason);
}

const Json& required(const Json& object, const char* key, Json::value_t type) {
  auto it = object.find(key);
  if (it == object.end()) throw manifest_error(std::string("missing \"") + key + "\"");
  bool matches = it->type() == type ||
                 (type == Json::value_t::number_integer && it->type() == Json::value_t::number_unsigned);
  if (!matches) throw manifest_error(std::string("\"") + key + "\" has the wrong type");
  return *it;
}

std::string optional_string(const Json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

std::string ArtifactRecord::file_name() const { return std::filesystem::path(path).filename().string(); }

std::string manifest_to_json(const Manifest& manifest) {
  Json root;
  root["created_at"] = manifest.created_at;
  root["scope"] = manifest.scope;
  root["retention_days"] = manifest.retention_days;
  root["database_connection"] = manifest.database_connection;
  root["artifacts"] = Json::array();
  for (const auto& artifact : manifest.artifacts) {
    Json item;
    item["type"] = artifact.type;
    if (artifact.is_database()) item["driver"] = artifact.driver;
    item["path"] = artifact.path;
    if (artifact.is_database()) item["size_bytes"] = artifact.size_bytes;
    if (artifact.is_files()) {
      item["files_copied"] = artifact.files_copied;
      item["size_bytes"] = artifact.size_bytes;
    }
    item["sha256"] = artifact.sha256;
    if (!artifact.encryption.empty()) item["encryption"] = artifact.encryption;
    root["artifacts"].push_back(std::move(item));
  }
  root["app_version"] = manifest.app_version;
  root["schema_version"] = manifest.schema_version ? Json(*manifest.schema_version) : Json(nullptr);
  if (!manifest.warnings.empty()) root["warnings"] = manifest.warnings;
  return root.dump(4);
}

Manifest parse_manifest(const std::string& json) {
  Json root = Json::parse(json, nullptr, false);
  if (root.is_discarded()) throw manifest_error("not valid JSON");
  if (!root.is_object()) throw manifest_error("not a JSON object");
  Manifest manifest;
  manifest.created_at = required(root, "created_at", Json::value_t::string).get<std::string>();
  manifest.scope = required(root, "scope", Json::value_t::string).get<std::string>();
  if (manifest.scope != "all" && manifest.scope != "db" && manifest.scope != "files")
    throw manifest_error("unknown scope \"" + manifest.scope + "\"");
  manifest.retention_days = required(root, "retention_days", Json::value_t::number_integer).get<std::int64_t>();
  manifest.database_connection = optional_string(root, "database_connection");
  for (const auto& item : required(root, "artifacts", Json::value_t::array)) {
    if (!item.is_object()) throw manifest_error("an artifact is not an object");
    ArtifactRecord artifact;
    artifact.type = required(item, "type", Json::value_t::string).get<std::string>();
    if (!artifact.is_database() && !artifact.is_files())
      throw manifest_error("unknown artifact type \"" + artifact.type + "\"");
    artifact.driver = optional_string(item, "driver");
    artifact.path = required(item, "path", Json::value_t::string).get<std::string>();
    // A name like ".." or "/" would point verify/restore outside the snapshot folder.
    auto name = artifact.file_name();
    if (name.empty() || name == "." || name == "..") throw manifest_error("artifact path \"" + artifact.path + "\" has no file name");
    artifact.size_bytes = required(item, "size_bytes", Json::value_t::number_integer).get<std::int64_t>();
    if (artifact.is_files())
      artifact.files_copied = required(item, "files_copied", Json::value_t::number_integer).get<std::int64_t>();
    artifact.sha256 = required(item, "sha256", Json::value_t::string).get<std::string>();
    artifact.encryption = optional_string(item, "encryption");
    manifest.artifacts.push_back(std::move(artifact));
  }
  manifest.app_version = optional_string(root, "app_version");
  auto schema = root.find("schema_version");
  if (schema != root.end() && schema->is_string()) manifest.schema_version = schema->get<std::string>();
  auto warnings = root.find("warnings");
  if (warnings != root.end() && warnings->is_array()) {
    for (const auto& warning : *warnings)
      if (warning.is_string()) manifest.warnings.push_back(warning.get<std::string>());
  }
  return manifest;
}

Manifest read_manifest(const std::filesystem::path& snapshot) {
  auto file = snapshot / kManifestFile;
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    if (auto problem = core::permission_problem(file, core::Access::kRead)) throw std::runtime_error(*problem);
    throw manifest_error("missing");
  }
  std::stringstream text;
  text << in.rdbuf();
  return parse_manifest(text.str());
}

}  // namespace ops
