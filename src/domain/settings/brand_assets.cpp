// Brand asset slots, their resolution (custom upload when its file exists, else the default) and the
// settings cache (see brand_assets.hpp).
#include "domain/settings/brand_assets.hpp"

#include <stdexcept>

#include "core/clock.hpp"

namespace settings {

namespace {

constexpr std::string_view kIconExtensions = "svg,png,jpg,jpeg,webp";

// The reference's defaults are files we do not ship; the site's own logo stands in for any missing one.
constexpr std::string_view kFallbackUrl = "/img/logo.svg";

std::string mime_for(std::string_view path) {
  auto dot = path.rfind('.');
  std::string_view ext = dot == std::string_view::npos ? "" : path.substr(dot + 1);
  if (ext == "png") return "image/png";
  if (ext == "jpg" || ext == "jpeg") return "image/jpeg";
  if (ext == "webp") return "image/webp";
  if (ext == "gif") return "image/gif";
  if (ext == "ico") return "image/x-icon";
  if (ext == "svg") return "image/svg+xml";
  return "application/octet-stream";
}

}  // namespace

const std::vector<BrandAssetSlot>& brand_asset_slots() {
  static const std::vector<BrandAssetSlot> slots = {
      {"logo_main", "Logo principal", "logos", "brand/logo.png", "png,jpg,jpeg,webp,svg", 4096},
      {"icon_store", "Icono tienda", "icons", "icons/tienda.svg", kIconExtensions, 2048},
      {"icon_repair_lookup", "Icono consultar reparación", "icons", "icons/consultar-reparacion.svg", kIconExtensions, 2048},
      {"icon_cart", "Icono carrito", "icons", "icons/carrito.svg", kIconExtensions, 2048},
      {"icon_orders", "Icono mis pedidos", "icons", "icons/mis-pedidos.svg", kIconExtensions, 2048},
      {"icon_repairs", "Icono mis reparaciones", "icons", "icons/mis-reparaciones.svg", kIconExtensions, 2048},
      {"icon_logout", "Icono cerrar sesión", "icons", "icons/logout.svg", kIconExtensions, 2048},
      {"icon_dashboard", "Icono panel de admin", "icons", "icons/dashboard.svg", kIconExtensions, 2048},
      {"icon_settings", "Icono ajustes", "icons", "icons/settings.svg", kIconExtensions, 2048},
      {"favicon_ico", "Favicon .ico", "favicons", "favicon.ico", "ico", 1024},
      {"favicon_16", "Favicon 16x16", "favicons", "favicon-16x16.png", "png,ico,webp", 1024},
      {"favicon_32", "Favicon 32x32", "favicons", "favicon-32x32.png", "png,ico,webp", 1024},
      {"apple_touch_icon", "Icono Apple Touch", "favicons", "apple-touch-icon.png", "png,jpg,jpeg,webp", 2048},
      {"android_chrome_192", "Icono Android 192", "favicons", "android-chrome-192x192.png", "png,jpg,jpeg,webp", 2048},
      {"android_chrome_512", "Icono Android 512", "favicons", "android-chrome-512x512.png", "png,jpg,jpeg,webp", 4096},
  };
  return slots;
}

const BrandAssetSlot* find_brand_asset_slot(std::string_view key) {
  for (const auto& slot : brand_asset_slots())
    if (slot.key == key) return &slot;
  return nullptr;
}

std::string brand_asset_setting_key(std::string_view key) { return "brand_asset_" + std::string(key); }

const ResolvedBrandAsset& SettingsSnapshot::asset(std::string_view key) const {
  for (const auto& resolved : assets)
    if (resolved.key == key) return resolved;
  throw std::out_of_range("unknown brand asset " + std::string(key));
}

std::shared_ptr<const SettingsSnapshot> load_settings_snapshot(db::Database& database,
                                                               const std::filesystem::path& uploads_root,
                                                               const std::filesystem::path& public_root) {
  auto snapshot = std::make_shared<SettingsSnapshot>();
  snapshot->values = BusinessSettings::load(database);
  for (const auto& slot : brand_asset_slots()) {
    ResolvedBrandAsset resolved;
    resolved.key = std::string(slot.key);
    std::string custom = snapshot->values.get(brand_asset_setting_key(slot.key));
    std::error_code ec;
    // Only paths we wrote ourselves (brand-assets/<file>) and only while the file is still there.
    bool usable = custom.rfind("brand-assets/", 0) == 0 && custom.find("..") == std::string::npos &&
                  std::filesystem::is_regular_file(uploads_root / custom, ec);
    if (usable) {
      resolved.custom = true;
      resolved.relative_path = custom;
      resolved.url = "/storage/" + custom;
    } else {
      resolved.relative_path = std::string(slot.default_file);
      resolved.url = std::string(kFallbackUrl);
      // A default shipped in public/ (as the reference names it) or in public/img/.
      for (std::string candidate : {std::string(slot.default_file), "img/" + std::string(slot.default_file)}) {
        if (std::filesystem::is_regular_file(public_root / candidate, ec)) {
          resolved.url = "/" + candidate;
          break;
        }
      }
    }
    resolved.mime_type = mime_for(resolved.url);
    snapshot->assets.push_back(std::move(resolved));
  }
  return snapshot;
}

SettingsCache::SettingsCache(db::Database& database, std::filesystem::path uploads_root,
                             std::filesystem::path public_root, int ttl_seconds)
    : database_(database),
      uploads_root_(std::move(uploads_root)),
      public_root_(std::move(public_root)),
      ttl_seconds_(ttl_seconds) {}

std::shared_ptr<const SettingsSnapshot> SettingsCache::load() const {
  return load_settings_snapshot(database_, uploads_root_, public_root_);
}

std::shared_ptr<const SettingsSnapshot> SettingsCache::current_if_fresh() const {
  long long now = core::unix_now();
  std::lock_guard lock(mutex_);
  if (snapshot_ && now - loaded_at_ < ttl_seconds_) return snapshot_;
  return nullptr;
}

std::shared_ptr<const SettingsSnapshot> SettingsCache::current() const {
  long long now = core::unix_now();
  unsigned long long generation = 0;
  {
    std::lock_guard lock(mutex_);
    if (snapshot_ && now - loaded_at_ < ttl_seconds_) return snapshot_;
    generation = generation_;
  }
  // Loaded outside the lock: a slow query never blocks readers of the previous snapshot. Two threads may
  // both reload after expiry; the last one wins, both results are equally fresh.
  std::shared_ptr<const SettingsSnapshot> fresh;
  try {
    fresh = load();
  } catch (...) {
    // A failed reload keeps serving the last good snapshot (retried on the next call); none yet → rethrow.
    std::lock_guard lock(mutex_);
    if (snapshot_) return snapshot_;
    throw;
  }
  std::lock_guard lock(mutex_);
  if (generation == generation_) {  // else a write landed meanwhile: answer, but do not keep it
    snapshot_ = fresh;
    loaded_at_ = now;
  }
  return fresh;
}

void SettingsCache::invalidate() const {
  std::lock_guard lock(mutex_);
  snapshot_.reset();
  ++generation_;
}

std::vector<ManifestIcon> SettingsCache::manifest_icons() const {
  auto snapshot = current();
  std::vector<ManifestIcon> icons;
  for (auto [key, sizes] : {std::pair{"android_chrome_192", "192x192"}, std::pair{"android_chrome_512", "512x512"}}) {
    const auto& asset = snapshot->asset(key);
    icons.push_back({asset.url, sizes, asset.mime_type});
  }
  return icons;
}

}  // namespace settings
