// Layout assembly and error pages. The page is expanded first, then inserted raw into the layout.
#include "web/render.hpp"

#include <ctemplate/template.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/config.hpp"
#include "core/phone.hpp"
#include "domain/alerts/alert_centre.hpp"
#include "domain/notify/phone.hpp"
#include "domain/settings/brand_assets.hpp"
#include "web/context.hpp"
#include "web/guest_pages.hpp"
#include "web/page_cache.hpp"
#include "web/page_scripts.hpp"
#include "web/services.hpp"

namespace web {

namespace {

// Stylesheets, and the scripts of the page at `path` (page_scripts.hpp: app.js plus the area's own script).
void add_assets_for(Dict& dict, const Services& services, std::string_view path) {
  for (const auto& url : services.stylesheets) dict.add("STYLESHEET").set("URL", url);
  for (const auto& url : scripts_for_path(services.scripts, path)) dict.add("SCRIPT").set("URL", url);
}

}  // namespace

void add_assets(Dict& dict, const Services& services) { add_assets_for(dict, services, ""); }

namespace {

// Logo and favicons from the brand assets (custom uploads or defaults); the cached snapshot makes this free.
void add_brand_assets(Dict& dict, const Services& services) {
  std::shared_ptr<const settings::SettingsSnapshot> snapshot;
  try {
    if (services.settings_cache) snapshot = services.settings_cache->current();
  } catch (const std::exception&) {
    // The database is unreachable: error and maintenance pages still render, with the default logo.
  }
  if (!snapshot) {
    dict.set("LOGO_URL", "/img/logo.svg");
    dict.add("FAVICON").set("REL", "icon").set("URL", "/img/logo.svg").set("TYPE", "image/svg+xml");
    return;
  }
  dict.set("LOGO_URL", snapshot->asset_url("logo_main"));
  struct Link { const char* key; const char* rel; const char* sizes; };
  std::vector<std::string> emitted;  // defaults often share one file: one <link> per rel + URL
  for (auto link : {Link{"favicon_ico", "icon", ""}, Link{"favicon_32", "icon", "32x32"}, Link{"favicon_16", "icon", "16x16"},
                    Link{"apple_touch_icon", "apple-touch-icon", "180x180"}}) {
    const auto& asset = snapshot->asset(link.key);
    std::string id = std::string(link.rel) + " " + asset.url;
    if (std::find(emitted.begin(), emitted.end(), id) != emitted.end()) continue;
    emitted.push_back(id);
    Dict favicon = dict.add("FAVICON");
    favicon.set("REL", link.rel).set("URL", asset.url).set("TYPE", asset.mime_type);
    if (*link.sizes && asset.custom) favicon.add("SIZES").set("SIZES", link.sizes);
  }
}

// First run: until the shop's phone, address and hours are set, messages and tickets go out without them. Admin
// pages say so with a banner linking to the settings (not on the settings page itself). From the cached snapshot.
void add_shop_setup_banner(Dict& dict, const Services& services, const Context& context) {
  const std::string& path = context.request.path;
  if (path.rfind("/admin", 0) != 0 || path.rfind("/admin/configuracion", 0) == 0) return;
  std::shared_ptr<const settings::SettingsSnapshot> snapshot;
  try {
    if (services.settings_cache) snapshot = services.settings_cache->current();
  } catch (const std::exception&) {
    return;  // no database: the page's own error matters more than the banner
  }
  if (!snapshot) return;
  std::vector<std::string> missing;
  if (snapshot->values.get("shop_phone").empty()) missing.emplace_back("teléfono");
  if (snapshot->values.get("shop_address").empty()) missing.emplace_back("dirección");
  if (snapshot->values.get("shop_hours").empty()) missing.emplace_back("horarios");
  if (missing.empty()) return;
  std::string list = missing.front();
  for (std::size_t i = 1; i < missing.size(); ++i) list += (i + 1 == missing.size() ? " y " : ", ") + missing[i];
  dict.add("SHOP_SETUP").set("MISSING", list);
}

// `token` and `nonce` are the request's own (the cached guest layout passes slots instead).
void fill_layout(ctemplate::TemplateDictionary& layout, const Services& services, Context* context,
                 const View& view, const std::string& content, const std::string* token = nullptr,
                 const std::string* nonce = nullptr) {
  Dict dict(&layout);
  dict.set("TITLE", view.title().empty() ? services.config.str("APP_NAME") : view.title());
  dict.set("APP_NAME", services.config.str("APP_NAME"));
  dict.set("YEAR", core::current_year_local());
  add_assets_for(dict, services, context ? std::string_view(context->request.path) : std::string_view());
  dict.set("CONTENT", content);
  dict.show_if(view.nav_store_active, "NAV_STORE_ACTIVE");
  add_brand_assets(dict, services);

  const accounts::User* user = context && context->user ? &*context->user : nullptr;
  dict.set("BRAND_HREF", user && user->is_admin() ? "/admin/dashboard" : "/tienda");
  if (context) {
    dict.set("CSRF_TOKEN", token ? *token : context->csrf_token());
    dict.set("CSP_NONCE", nonce ? *nonce : context->csp_nonce);
  }
  if (user) {
    Dict account = dict.add("USER");
    std::string name = user->name.empty() ? "Cuenta" : user->name;
    account.set("USER_NAME", name);
    account.set("USER_EMAIL", user->email);
    account.set("USER_INITIAL", name.substr(0, (static_cast<unsigned char>(name[0]) & 0x80) ? 2 : 1));
    if (user->is_admin()) {
      Dict admin = dict.add("ADMIN");
      if (context->request.path.rfind("/admin", 0) == 0) admin.show("ADMIN_OPEN");
      // Alert centre badge: one COUNT per admin page (domain/alerts/alert_centre.hpp); none without a database.
      if (std::size_t unseen = alerts::unseen_count(services.database, services.config, user->id); unseen > 0)
        dict.add("ALERTS_BADGE").set("COUNT", static_cast<long long>(unseen));
      add_shop_setup_banner(dict, services, *context);
    }
  } else {
    dict.show("GUEST");
  }
  if (context) {
    // Header cart badge: Σ quantities kept in the session by the store (no database query per page).
    std::string cart_count = context->session.value("cart_count");
    if (!cart_count.empty() && cart_count != "0") dict.add("CART_COUNT").set("COUNT", cart_count);
    // "Agregado al carrito" sheet after a plain (non-AJAX) add to cart.
    if (auto added = context->flash.find("cart_added"); added != context->flash.end())
      dict.add("CART_ADDED").set("NAME", added->second);
  }

  if (context && !view.suppress_global_alerts) {
    auto success = context->flash.find("success");
    bool has_success = success != context->flash.end() && !success->second.empty();
    if (has_success || !context->errors.empty()) {
      Dict alerts = dict.add("GLOBAL_ALERTS");
      if (has_success) alerts.add("FLASH_SUCCESS").set("MESSAGE", success->second);
      if (!context->errors.empty()) {
        Dict list = alerts.add("ERRORS");
        for (const auto& [field, message] : context->errors.items()) list.add("ERROR_ITEM").set("MESSAGE", message);
      }
    }
  }
}

std::string render_layout(const Services& services, Context* context, View& view, const std::string& content) {
  ctemplate::TemplateDictionary layout("layout");
  fill_layout(layout, services, context, view, content);
  return services.templates.expand("layouts/app.tpl", layout);
}

std::string render_html(const Services& services, Context* context, View& view) {
  return render_layout(services, context, view, services.templates.expand(view.template_name(), view.raw()));
}

// Tokens are letters, digits and '.', which HTML escaping leaves as they are: splicing one into a cached body
// gives the very bytes a direct expansion would.
bool splices_verbatim(const std::string& token) {
  for (char c : token)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.') return false;
  return !token.empty();
}

std::string full_cache_key(const Context& context, const View& view) {
  return view.template_name() + (context.user ? "|user|" : "|guest|") + view.cache_key;
}

// A guest layout with nothing of this visitor in it but the token and the nonce: no cart badge, no flash, no
// errors (fill_layout shows these only when present). Such a layout is the same for every guest of the page.
bool guest_layout_is_plain(const Context& context) {
  if (context.user) return false;
  std::string cart_count = context.session.value("cart_count");
  if (!cart_count.empty() && cart_count != "0") return false;
  if (context.flash.count("cart_added")) return false;
  if (auto success = context.flash.find("success"); success != context.flash.end() && !success->second.empty())
    return false;
  return context.errors.empty();
}

// Everything else the guest layout shows: the title, the page's scripts (by path), the store tab, the year.
// The brand assets are checked through the snapshot the cached layout holds.
std::string guest_layout_key(const Context& context, const View& view) {
  std::string key = view.title();
  key += '\x1f';
  key += context.request.path;
  key += view.nav_store_active ? "\x1fstore\x1f" : "\x1f\x1f";
  key += std::to_string(core::current_year_local());
  return key;
}

// The guest layout for this request, from the cache or rendered around the slots and stored; nullptr when it
// cannot be cached (no settings snapshot: the database is unreachable).
std::shared_ptr<const CachedLayout> guest_layout(PageCache& cache, Context& context, View& view) {
  std::shared_ptr<const settings::SettingsSnapshot> snapshot;
  try {
    if (context.services.settings_cache) snapshot = context.services.settings_cache->current();
  } catch (const std::exception&) {
    return nullptr;
  }
  if (!snapshot) return nullptr;
  std::string key = guest_layout_key(context, view);
  // The snapshot is held by the entry, so an equal address means the very same brand assets.
  if (auto found = cache.find_layout(key); found && found->snapshot == snapshot) return found;
  ctemplate::TemplateDictionary dictionary("layout");
  fill_layout(dictionary, context.services, &context, view, cache.content_slot(), &cache.token_slot(),
              &cache.nonce_slot());
  auto layout = std::make_shared<CachedLayout>();
  layout->snapshot = std::move(snapshot);
  layout->pieces = cache.cut_layout(context.services.templates.expand("layouts/app.tpl", dictionary));
  cache.store_layout(key, layout);
  return layout;
}

}  // namespace

bool use_cached_page(Context& context, View& view, const std::string& key) {
  PageCache* cache = context.services.page_cache;
  if (!cache) return false;
  view.cache_key = key;
  view.cached_body = cache->find(full_cache_key(context, view));
  return view.cached_body != nullptr;
}

http::Response render(Context& context, View& view, int status) {
  std::string token = context.csrf_token();
  PageCache* cache = context.services.page_cache;
  const bool spliceable = cache && splices_verbatim(token);
  if (!spliceable || view.cache_key.empty()) {
    view.dict().set("CSRF_TOKEN", token);
    view.dict().show_if(!context.user, "GUEST");
    // A page whose body is not cached (a lookup result, a form) still gets a plain guest's layout from the cache:
    // expanding the layout cost as much as the page itself.
    if (spliceable && guest_layout_is_plain(context)) {
      if (auto layout = guest_layout(*cache, context, view)) {
        std::string body = context.services.templates.expand(view.template_name(), view.raw());
        return http::Response::html(status, cache->assemble(*layout, body, token, context.csp_nonce));
      }
    }
    return http::Response::html(status, render_html(context.services, &context, view));
  }
  // Whether the body came from the cache: tests and operators can see the policy work (X-Page-Cache).
  const bool hit = view.cached_body != nullptr;
  if (!view.cached_body) {
    view.dict().set("CSRF_TOKEN", cache->token_slot());
    view.dict().show_if(!context.user, "GUEST");
    view.cached_body =
        std::make_shared<const std::string>(context.services.templates.expand(view.template_name(), view.raw()));
    cache->store(full_cache_key(context, view), view.cached_body);
  }
  // A plain guest layout comes cut at its slots from the cache: the answer is its pieces with this visitor's token,
  // nonce and the body (its own token slots spliced) in between — no template expansion at all.
  if (guest_layout_is_plain(context)) {
    if (auto layout = guest_layout(*cache, context, view)) {
      auto response =
          http::Response::html(status, cache->assemble(*layout, *view.cached_body, token, context.csp_nonce));
      if (context.keep_guest_page)
        context.guest_page = std::make_shared<const GuestPageParts>(GuestPageParts{layout, view.cached_body});
      response.set_header("X-Page-Cache", hit ? "hit" : "miss");
      return response;
    }
  }
  // The layout is expanded around a slot instead of the (large) body, which then goes straight into the answer
  // with the visitor's token spliced in: one copy of the body instead of three. CONTENT is inserted raw
  // ({{CONTENT:none}}), so the bytes are the same.
  std::string layout = render_layout(context.services, &context, view, cache->token_slot());
  std::size_t slot = cache->find_slot(layout);
  if (slot == std::string::npos)  // a layout without {{CONTENT}}: nothing to place
    return http::Response::html(status, std::move(layout));
  std::string html;
  html.reserve(layout.size() + view.cached_body->size() + 256);
  html.append(layout, 0, slot);
  cache->splice_into(html, *view.cached_body, token);
  html.append(layout, slot + cache->token_slot().size(), std::string::npos);
  auto response = http::Response::html(status, std::move(html));
  response.set_header("X-Page-Cache", hit ? "hit" : "miss");
  return response;
}

namespace {
// The page's sentence when the caller gave no message of its own.
const char* default_message(int status) {
  switch (status) {
    case 409: return "Otra persona cambió estos datos o la acción ya se hizo. Recargá la página y revisá antes de seguir.";
    case 422: return "Hay datos que no podemos aceptar. Revisalos e intentá de nuevo.";
    default: return "No tenés permisos para acceder a esta sección.";
  }
}

// The maintenance page tells people to write on WhatsApp: with the shop's phone set that is a real wa.me link
// (the same digits as every other link, core::phone::whatsapp_digits), read from the cached settings. Without a
// phone, or when the settings cannot be read, the page simply offers no link.
void add_shop_whatsapp(const Services& services, Dict& dict) {
  if (!services.settings_cache) return;
  try {
    auto digits = core::phone::whatsapp_digits(services.settings_cache->current()->values.get("shop_phone"));
    if (!digits) return;
    dict.add("WHATSAPP").set("WHATSAPP_URL", notify::wa_me_url(*digits, "Hola, quería hacer una consulta."));
  } catch (const std::exception&) {
  }
}
}  // namespace

http::Response error_page(const Services& services, Context* context, int status, const ErrorDetails& details) {
  struct PageInfo {
    const char* file;
    const char* title;
  };
  PageInfo info;
  switch (status) {
    case 403: info = {"pages/errors/403.tpl", "Acceso restringido"}; break;
    case 404: info = {"pages/errors/404.tpl", "Página no encontrada"}; break;
    case 419: info = {"pages/errors/419.tpl", "La página venció"}; break;
    case 409: info = {"pages/errors/409.tpl", "Conflicto con los datos"}; break;
    case 422: info = {"pages/errors/422.tpl", "Datos no válidos"}; break;
    case 429: info = {"pages/errors/429.tpl", "Demasiadas solicitudes"}; break;
    case 503:  // maintenance mode, or (with a message) a database that cannot serve right now
      info = details.message.empty() ? PageInfo{"pages/errors/503.tpl", "503 — Mantenimiento"}
                                     : PageInfo{"pages/errors/unavailable.tpl", "Servicio no disponible"};
      break;
    case 400: case 408: case 413: case 431:
      info = {"pages/errors/400.tpl", "Solicitud inválida"}; break;
    default: info = {"pages/errors/500.tpl", "Error interno"}; break;
  }
  View view(info.file, info.title);
  Dict dict = view.dict();
  std::string back = context ? context->previous_url("/") : "/";
  dict.set("BACK_HREF", back);
  dict.set("STATUS", status);
  dict.set("MESSAGE", details.message.empty() ? default_message(status) : details.message);
  if (status == 400 && !details.message.empty()) dict.set("REASON", details.message);
  else if (status == 408) dict.set("REASON", "La solicitud tardó demasiado en llegar. Probá de nuevo.");
  else if (status == 413) dict.set("REASON", "Lo que enviaste es demasiado grande (por ejemplo, una imagen muy pesada).");
  else if (status == 431) dict.set("REASON", "La solicitud tiene encabezados demasiado grandes. Probá borrar las cookies del sitio.");
  else dict.set("REASON", "No pudimos entender la solicitud. Revisá los datos e intentá de nuevo.");
  if (!details.request_id.empty()) {
    dict.set("REQUEST_ID", details.request_id);
    dict.show("REQUEST_REF");
  }
  if (!details.debug.empty()) dict.add("DEBUG").set("DETAIL", details.debug);

  const accounts::User* user = context && context->user ? &*context->user : nullptr;
  if (user) dict.add("SESSION").set("SESSION_EMAIL", user->email);
  std::string primary_href = user ? (user->is_admin() ? "/admin/dashboard" : "/tienda") : (status == 419 ? "/login" : "/tienda");
  std::string primary_label = user ? (user->is_admin() ? "Ir al panel admin" : "Ir a la tienda")
                                   : (status == 419 ? "Iniciar sesión" : "Ir a la tienda");
  dict.set("PRIMARY_HREF", primary_href);
  dict.set("PRIMARY_LABEL", primary_label);
  dict.show("PRIMARY");
  // Only the maintenance page (no message): the "unavailable" 503 is a database in trouble, not worth a query.
  if (status == 503 && details.message.empty()) add_shop_whatsapp(services, dict);

  if (context) {
    view.dict().show_if(!context->user, "GUEST");
    view.dict().set("CSRF_TOKEN", context->csrf_token());
  }
  auto response = http::Response::html(status, render_html(services, context, view));
  return response;
}

}  // namespace web
