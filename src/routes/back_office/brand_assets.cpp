// Brand assets page (docs/domain/store.md "Business settings and brand assets"): upload or reset each of the
// 15 slots. Uploads are typed by their bytes (web/uploads): a slot's formats are the reference's list minus
// SVG, which can carry script and is refused everywhere. Files land in storage/app/public/brand-assets/ as
// <key>-<YmdHis>-<8 random lowercase>.<ext>; the setting brand_asset_<key> keeps that relative path.
#include <algorithm>
#include <ctime>
#include <filesystem>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/errors.hpp"
#include "core/strings.hpp"
#include "db/unit_of_work.hpp"
#include "domain/settings/brand_assets.hpp"
#include "domain/settings/business_settings.hpp"
#include "routes/back_office/common.hpp"
#include "routes/back_office/handlers.hpp"
#include "web/context.hpp"
#include "web/render.hpp"
#include "web/uploads.hpp"

namespace routes::back_office {

namespace {

constexpr const char* kBadFormat = "Formato de archivo no permitido para este recurso visual.";

std::shared_ptr<const settings::SettingsSnapshot> snapshot(web::Context& context) {
  if (context.services.settings_cache) return context.services.settings_cache->current();
  return settings::load_settings_snapshot(context.services.database, uploads_root(context), {});
}

// The slot's accepted formats that we can verify by their bytes ("png,jpg,jpeg,webp" – never svg).
std::vector<std::string> accepted_extensions(const settings::BrandAssetSlot& slot) {
  std::vector<std::string> result;
  for (const auto& ext : core::split_csv(slot.extensions))
    if (ext != "svg") result.push_back(ext);
  return result;
}

bool accepts(const settings::BrandAssetSlot& slot, web::ImageType type) {
  std::string_view ext = web::extension_for(type);
  for (const auto& accepted : accepted_extensions(slot))
    if (accepted == ext || (ext == "jpg" && accepted == "jpeg")) return true;
  return false;
}

std::string formats_label(const settings::BrandAssetSlot& slot) {
  std::string label;
  for (const auto& ext : accepted_extensions(slot)) label += (label.empty() ? "" : ", ") + core::to_upper(ext);
  return label;
}

std::string random_lowercase(std::size_t count) {
  std::string bytes = core::random_bytes(count), out;
  for (unsigned char byte : bytes) out += static_cast<char>('a' + byte % 26);
  return out;
}

std::string timestamp_compact() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[16];
  std::strftime(buffer, sizeof buffer, "%Y%m%d%H%M%S", &tm);
  return buffer;
}

http::Response refuse(web::Context& context, const std::string& message) {
  web::FieldErrors errors;
  errors.add("file", message);
  return context.back_with_errors(errors, {}, "/admin/configuracion/identidad-visual");
}

void invalidate(web::Context& context) {
  if (context.services.settings_cache) context.services.settings_cache->invalidate();
}

}  // namespace

http::Response brand_assets_index(web::Context& context) {
  auto current = snapshot(context);
  web::View view("pages/back_office/brand_assets.tpl", "Admin - Identidad visual");
  auto dict = view.dict();
  struct Group { const char* key; const char* title; };
  for (auto group : {Group{"logos", "Logos"}, Group{"icons", "Íconos de navegación"},
                     Group{"favicons", "Favicons e íconos de app"}}) {
    auto group_dict = dict.add("GROUP");
    group_dict.set("GROUP_TITLE", group.title);
    std::vector<const settings::BrandAssetSlot*> slots;
    for (const auto& slot : settings::brand_asset_slots())
      if (slot.group == group.key) slots.push_back(&slot);
    std::sort(slots.begin(), slots.end(), [](auto* a, auto* b) { return a->label < b->label; });
    for (const auto* slot : slots) {
      const auto& resolved = current->asset(slot->key);
      auto asset = group_dict.add("ASSET");
      asset.set("KEY", slot->key).set("LABEL", slot->label).set("PATH", resolved.relative_path);
      asset.set("URL", resolved.url).set("MAX_KB", static_cast<long long>(slot->max_kb));
      asset.set("FORMATS", formats_label(*slot));
      std::string accept;
      for (const auto& ext : accepted_extensions(*slot)) accept += (accept.empty() ? "." : ",.") + ext;
      asset.set("ACCEPT", accept);
      asset.set("STATE_CLASS", resolved.custom ? "badge-emerald" : "badge-zinc");
      asset.set("STATE_LABEL", resolved.custom ? "Personalizado" : "Por defecto");
      asset.show_if(resolved.custom, "CUSTOM");
    }
  }
  add_field_error(dict, context, "file", "ERROR_FILE");
  return web::render(context, view);
}

http::Response brand_assets_update(web::Context& context) {
  const auto* slot = settings::find_brand_asset_slot(context.params.at("assetKey"));
  if (!slot) throw core::not_found();
  const http::UploadedFile* file = nullptr;
  for (const auto& candidate : context.input.files)
    if (candidate.field == "file" && !candidate.content.empty()) file = &candidate;
  if (!file) return refuse(context, "Elegí un archivo para subir.");
  std::size_t max_bytes = slot->max_kb * 1024;
  if (file->content.size() > max_bytes)
    return refuse(context, "El archivo no puede superar " + std::to_string(slot->max_kb) + " KB.");
  auto type = web::detect_image_type(file->content);
  if (!type || !accepts(*slot, *type)) return refuse(context, kBadFormat);

  auto stored = web::store_image(uploads_root(context), "brand-assets", file->content, max_bytes);
  if (stored.error) return refuse(context, web::upload_error_message(*stored.error, max_bytes));
  // Rename the random file to the reference's readable pattern (still unguessable: 8 random letters).
  std::string relative = "brand-assets/" + std::string(slot->key) + "-" + timestamp_compact() + "-" +
                         random_lowercase(8) + "." + std::string(web::extension_for(*type));
  std::filesystem::rename(uploads_root(context) / stored.stored->relative_path, uploads_root(context) / relative);

  std::string setting_key = settings::brand_asset_setting_key(slot->key);
  std::string previous;
  db::write(context.services.database, [&](db::Tx& tx) {
    previous = settings::BusinessSettings::load(tx.sql()).raw(setting_key);
    settings::BusinessSettings::put(tx, setting_key, relative, context.user->id);
  });
  if (!previous.empty() && previous != relative) remove_upload(context, previous);
  invalidate(context);
  context.flash_next("success", "Recurso visual actualizado: " + std::string(slot->label));
  return http::Response::redirect(context.previous_url("/admin/configuracion/identidad-visual"), 302);
}

http::Response brand_assets_reset(web::Context& context) {
  const auto* slot = settings::find_brand_asset_slot(context.params.at("assetKey"));
  if (!slot) throw core::not_found();
  std::string setting_key = settings::brand_asset_setting_key(slot->key);
  std::string previous;
  db::write(context.services.database, [&](db::Tx& tx) {
    previous = settings::BusinessSettings::load(tx.sql()).raw(setting_key);
    settings::BusinessSettings::remove(tx, setting_key);
  });
  if (!previous.empty()) remove_upload(context, previous);
  invalidate(context);
  context.flash_next("success", "Recurso visual restaurado al valor por defecto: " + std::string(slot->label));
  return http::Response::redirect(context.previous_url("/admin/configuracion/identidad-visual"), 302);
}

}  // namespace routes::back_office
