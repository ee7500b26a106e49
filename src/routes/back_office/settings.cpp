// Business settings page (docs/domain/store.md "Business settings and brand assets"): the shop's WhatsApp, address and
// hours (and, beyond the reference, the company name printed on tickets and messages).
#include "core/phone.hpp"
#include "core/strings.hpp"
#include "core/validation.hpp"
#include "db/unit_of_work.hpp"
#include "domain/settings/brand_assets.hpp"
#include "domain/settings/business_settings.hpp"
#include "routes/back_office/common.hpp"
#include "routes/back_office/handlers.hpp"
#include "web/context.hpp"
#include "web/render.hpp"

namespace routes::back_office {

namespace {

struct EditableSetting {
  const char* key;
  std::size_t max_characters;
  const char* too_long;
};

constexpr EditableSetting kEditable[] = {
    {"shop_phone", 50, "El WhatsApp del local no puede superar 50 caracteres."},
    {"shop_address", 1000, "La dirección no puede superar 1000 caracteres."},
    {"shop_hours", 1000, "Los horarios no pueden superar 1000 caracteres."},
    {"company_name", 255, "El nombre del negocio no puede superar 255 caracteres."},
};

std::shared_ptr<const settings::SettingsSnapshot> snapshot(web::Context& context) {
  if (context.services.settings_cache) return context.services.settings_cache->current();
  return settings::load_settings_snapshot(context.services.database, uploads_root(context), {});
}

}  // namespace

http::Response settings_index(web::Context& context) {
  auto current = snapshot(context);
  web::View view("pages/back_office/settings.tpl", "Admin - Configuración");
  auto dict = view.dict();
  dict.set("SHOP_PHONE", context.old("shop_phone", core::phone::display(current->values.raw("shop_phone"))));
  dict.set("SHOP_ADDRESS", context.old("shop_address", current->values.raw("shop_address")));
  dict.set("SHOP_HOURS", context.old("shop_hours", current->values.raw("shop_hours")));
  dict.set("COMPANY_NAME", context.old("company_name", current->values.raw("company_name")));
  add_field_error(dict, context, "shop_phone", "ERROR_SHOP_PHONE");
  add_field_error(dict, context, "shop_address", "ERROR_SHOP_ADDRESS");
  add_field_error(dict, context, "shop_hours", "ERROR_SHOP_HOURS");
  add_field_error(dict, context, "company_name", "ERROR_COMPANY_NAME");
  return web::render(context, view);
}

http::Response settings_update(web::Context& context) {
  web::FieldErrors errors;
  for (const auto& setting : kEditable)
    if (core::exceeds_length(core::trim(context.input.value(setting.key)), setting.max_characters))
      errors.add(setting.key, setting.too_long);
  // The shop's WhatsApp is optional; when given it must be a real number: it becomes the wa.me link customers tap.
  std::string shop_phone = core::trim(context.input.value("shop_phone"));
  if (!shop_phone.empty() && !errors.has("shop_phone") && !core::phone::is_valid(shop_phone))
    errors.add("shop_phone", core::phone::kInvalidMessage);
  if (!errors.empty()) return context.back_with_errors(errors, {}, "/admin/configuracion");
  // One unit of work: the whole form is saved or none of it.
  db::write(context.services.database, [&](db::Tx& tx) {
    for (const auto& setting : kEditable) {
      // company_name is seeded with APP_NAME; a form without the field (an older page) leaves it alone.
      if (!context.input.has(setting.key)) continue;
      std::string value = core::trim(context.input.value(setting.key));
      if (std::string_view(setting.key) == "shop_phone") value = core::phone::stored_form(value);
      settings::BusinessSettings::put(tx, setting.key, value, context.user->id);
    }
  });
  if (context.services.settings_cache) context.services.settings_cache->invalidate();
  context.flash_next("success", "Configuración guardada.");
  return http::Response::redirect(context.previous_url("/admin/configuracion"), 302);
}

}  // namespace routes::back_office
