// Brand assets (docs/domain/store.md "Business settings and brand assets"): the 15 image slots of the site (logo,
// navigation icons, favicons, app icons), each with a default file and, optionally, a custom upload whose relative path
// lives in business_settings as `brand_asset_<key>`. Also the in-memory settings snapshot that pages read
// (layout logo/favicons, the web manifest's icons, shop data) without a query per request.
//
// Who uses what:
// The running server's cache is `context.services.settings_cache` (web/services.hpp; null in unit tests).
//   layout (src/web/render.cpp)      settings_cache->current()->asset_url("logo_main"), favicons
//   /manifest.webmanifest (store)    settings_cache->manifest_icons()  → [{src, sizes, type}] for 192 and 512
//   shop data (tickets, WhatsApp)    settings_cache->current()->values.get("shop_phone")
//   back office                      brand_asset_slots(), store/reset (brand_asset_store.hpp), invalidate()
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "domain/settings/business_settings.hpp"

namespace db {
class Database;
}

namespace settings {

struct BrandAssetSlot {
  std::string_view key;           // "logo_main"
  std::string_view label;         // "Logo principal"
  std::string_view group;         // "logos" | "icons" | "favicons"
  std::string_view default_file;  // reference default, relative to public/ ("brand/logo.png")
  std::string_view extensions;    // accepted, comma separated, as the reference lists them ("png,jpg,jpeg,webp,svg")
  std::size_t max_kb;             // size cap of an upload
};

// The 15 slots in the reference's order.
const std::vector<BrandAssetSlot>& brand_asset_slots();
// The slot for `key`, or nullptr (unknown keys answer 404).
const BrandAssetSlot* find_brand_asset_slot(std::string_view key);
// business_settings key of a slot's custom path: "brand_asset_<key>".
std::string brand_asset_setting_key(std::string_view key);

struct ResolvedBrandAsset {
  std::string key;
  std::string url;            // what pages link to: "/storage/brand-assets/…" or a public default ("/img/logo.svg")
  std::string relative_path;  // custom: "brand-assets/…"; default: the slot's default file
  std::string mime_type;      // "image/png", "image/svg+xml", …
  bool custom = false;        // a custom upload exists (setting set AND file present)
};

// One consistent view of business_settings plus the resolved brand assets. Immutable once built.
struct SettingsSnapshot {
  BusinessSettings values;
  std::vector<ResolvedBrandAsset> assets;  // same order as brand_asset_slots()
  const ResolvedBrandAsset& asset(std::string_view key) const;  // throws std::out_of_range for unknown keys
  const std::string& asset_url(std::string_view key) const { return asset(key).url; }
};

struct ManifestIcon {
  std::string src;    // URL
  std::string sizes;  // "192x192"
  std::string type;   // "image/png"
};

// Process-wide cache of the snapshot (one per running `nico serve`, built by src/app/application.cpp).
// current() reloads from the database when the snapshot is older than `ttl_seconds` or after invalidate();
// this process invalidates on its own writes, so an admin sees a change at once, and other nodes sharing the
// database pick it up within the TTL. Thread-safe (one mutex guards the shared_ptr swap; readers keep
// their snapshot alive). Blocking (SQL + a stat per custom asset on reload): worker threads only.
class SettingsCache final {
 public:
  SettingsCache(db::Database& database, std::filesystem::path uploads_root, std::filesystem::path public_root,
                int ttl_seconds = 15);
  std::shared_ptr<const SettingsSnapshot> current() const;
  // The snapshot current() would answer without loading one, else nullptr (never blocks on the database).
  std::shared_ptr<const SettingsSnapshot> current_if_fresh() const;
  void invalidate() const;
  // The manifest's icons: android_chrome_192 then android_chrome_512 (custom when uploaded).
  std::vector<ManifestIcon> manifest_icons() const;
  const std::filesystem::path& uploads_root() const { return uploads_root_; }
  const std::filesystem::path& public_root() const { return public_root_; }

 private:
  std::shared_ptr<const SettingsSnapshot> load() const;
  db::Database& database_;
  std::filesystem::path uploads_root_;  // storage/app/public
  std::filesystem::path public_root_;   // public/
  int ttl_seconds_;
  mutable std::mutex mutex_;  // guards snapshot_ and loaded_at_
  mutable std::shared_ptr<const SettingsSnapshot> snapshot_;
  mutable long long loaded_at_ = 0;
  mutable unsigned long long generation_ = 0;  // bumped by invalidate(): a load that started before is stale
};

// Builds a snapshot directly (commands, tests, and SettingsCache itself).
std::shared_ptr<const SettingsSnapshot> load_settings_snapshot(db::Database& database,
                                                               const std::filesystem::path& uploads_root,
                                                               const std::filesystem::path& public_root);

}  // namespace settings
