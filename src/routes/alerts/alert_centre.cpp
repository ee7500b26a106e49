// GET /admin/alertas: the operational digest live, each item marked "Nuevo" until this admin marks it seen;
// POST /admin/alertas/vistas: marks the keys that were on the page (hidden fields `keys`) as seen by this admin.
#include <chrono>

#include "core/config.hpp"
#include "core/clock.hpp"
#include "domain/alerts/alert_centre.hpp"
#include "domain/alerts/digest.hpp"
#include "domain/alerts/digest_delivery.hpp"
#include "routes/alerts/handlers.hpp"
#include "core/validation.hpp"
#include "domain/settings/brand_assets.hpp"
#include "web/context.hpp"
#include "web/services.hpp"
#include "web/render.hpp"

namespace routes::alerts_area {

namespace {

alerts::Digest live_digest(web::Context& context) {
  auto digest = alerts::compute_digest(context.services.database, alerts::configured_rules(context.services.config),
                                       std::chrono::system_clock::now());
  std::vector<std::string> keys;
  for (const auto& item : digest.items()) keys.push_back(item.key());
  alerts::remember_current_keys(keys);
  return digest;
}

}  // namespace

http::Response alerts_index(web::Context& context) {
  auto digest = live_digest(context);
  std::vector<std::string> keys;
  for (const auto& item : digest.items()) keys.push_back(item.key());
  long long user_id = context.user->id;
  alerts::drop_stale_marks(context.services.database, user_id, keys);
  auto seen = alerts::seen_keys(context.services.database, user_id, keys);

  web::View view("pages/alerts/index.tpl", "Admin - Alertas");
  auto dict = view.dict();
  std::size_t unseen = keys.size() - seen.size();
  dict.set("TOTAL", static_cast<long long>(digest.total)).set("UNSEEN", static_cast<long long>(unseen));
  dict.show_if(digest.empty(), "EMPTY");
  dict.show_if(unseen > 0, "HAS_UNSEEN");
  for (const auto& key : keys)
    if (!seen.count(key)) dict.add("UNSEEN_KEY").set("KEY", key);
  for (const auto& section : digest.sections) {
    if (section.items.empty()) continue;
    auto block = dict.add("SECTION");
    block.set("KIND", section.kind).set("HEADING", section.heading);
    block.set("COUNT", static_cast<long long>(section.items.size()));
    for (const auto& item : section.items) {
      auto row = block.add("ITEM");
      bool is_seen = seen.count(item.key()) > 0;
      row.set("KEY", item.key()).set("TITLE", item.title).set("DETAIL", item.detail).set("PATH", item.path);
      row.set("STATE", is_seen ? "seen" : "new");
      row.show_if(!is_seen, "NEW");
    }
  }
  return web::render(context, view);
}

http::Response alerts_mark_seen(web::Context& context) {
  auto digest = live_digest(context);
  std::vector<std::string> current;
  for (const auto& item : digest.items()) current.push_back(item.key());
  auto keys = context.input.all("keys");
  std::size_t marked = alerts::mark_seen(context.services.database, context.user->id, keys, current);
  context.flash_next("success", marked == 0 ? "No había alertas nuevas para marcar."
                                            : marked == 1 ? "Marcaste 1 alerta como vista."
                                                          : "Marcaste " + std::to_string(marked) +
                                                                " alertas como vistas.");
  return http::Response::redirect("/admin/alertas", 302);
}

}  // namespace routes::alerts_area
