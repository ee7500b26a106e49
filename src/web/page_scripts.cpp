// The area table for public/js: which script runs on which pages. Every area script used to be loaded on every
// page, so handlers that several scripts attach (confirmations above all) ran once per script: one table here,
// and shared behaviour (data-confirm, print buttons) lives only in app.js.
#include "web/page_scripts.hpp"

#include <array>

namespace web {

namespace {

// A path is in an area when it equals a prefix or continues it with '/' or '?'.
bool under(std::string_view path, std::string_view prefix) {
  if (path.rfind(prefix, 0) != 0) return false;
  return path.size() == prefix.size() || path[prefix.size()] == '/' || path[prefix.size()] == '?';
}

struct AreaScript {
  std::string_view file;                          // name under public/js
  std::vector<std::string_view> areas;          // path prefixes that load it
  bool outside_admin = false;                     // also (only) every page not under /admin
};

// One row per area script. app.js is not listed: every page loads it.
const std::array<AreaScript, 5> kAreaScripts{{
    // Store and customer pages; the "Agregado al carrito" sheet can follow a plain add-to-cart anywhere public.
    {"store.js", {}, true},
    {"orders.js", {"/admin/pedidos"}},
    {"repairs.js", {"/admin/reparaciones"}},
    {"back_office.js", {"/admin/productos", "/admin/categorias", "/admin/configuracion"}},
    {"device_catalog.js",
     {"/admin/catalogo-dispositivos", "/admin/grupos-modelos", "/admin/precios", "/admin/tipos-dispositivo",
      "/admin/tipos-reparacion"}},
}};

// "/js/orders.js?v=0123456789" → "orders.js".
std::string_view file_name(std::string_view url) {
  url = url.substr(0, url.find('?'));
  auto slash = url.rfind('/');
  return slash == std::string_view::npos ? url : url.substr(slash + 1);
}

bool page_loads(std::string_view file, std::string_view path) {
  for (const auto& script : kAreaScripts) {
    if (script.file != file) continue;
    if (path.empty()) return false;
    if (script.outside_admin && !under(path, "/admin")) return true;
    for (auto prefix : script.areas)
      if (under(path, prefix)) return true;
    return false;
  }
  return true;  // app.js, or a file the table does not know yet
}

}  // namespace

std::vector<std::string> scripts_for_path(const std::vector<std::string>& script_urls, std::string_view path) {
  std::vector<std::string> result;
  for (const auto& url : script_urls)
    if (page_loads(file_name(url), path)) result.push_back(url);
  return result;
}

}  // namespace web
