// WhatsApp templates pages (docs/domain/whatsapp.md "Templates"): one textarea `templates[<status>]` per status,
// pre-filled with the stored text or the default; saving stores every status (blank → default) with updated_by.
#include <map>
#include <string>

#include "db/unit_of_work.hpp"
#include "domain/notify/default_templates.hpp"
#include "domain/notify/template_store.hpp"
#include "routes/whatsapp/handlers.hpp"
#include "web/context.hpp"
#include "web/render.hpp"

namespace routes {

namespace {

using notify::TemplateKind;

struct PageText {
  const char* title;
  const char* heading;
  const char* action;
  const char* saved;
};

PageText page_text(TemplateKind kind) {
  if (kind == TemplateKind::kRepair)
    return {"Admin — Plantillas WhatsApp", "Plantillas WhatsApp", "/admin/whatsapp", "Plantillas WhatsApp guardadas ✅"};
  return {"Admin — WhatsApp (Pedidos)", "Plantillas WhatsApp — Pedidos", "/admin/whatsapp-pedidos",
          "Plantillas WhatsApp (Pedidos) guardadas ✅"};
}

http::Response show_templates(web::Context& context, TemplateKind kind) {
  PageText text = page_text(kind);
  web::View view("pages/whatsapp/templates.tpl", text.title);
  auto dict = view.dict();
  dict.set("HEADING", text.heading);
  dict.set("ACTION", text.action);
  dict.show_if(kind == TemplateKind::kOrder, "ORDERS");
  dict.set("KIND", kind == TemplateKind::kRepair ? "repairs" : "orders");
  for (const auto& placeholder : notify::placeholder_reference(kind)) {
    auto row = dict.add("PLACEHOLDER");
    row.set("NAME", "{" + std::string(placeholder.key) + "}");
    row.set("DESCRIPTION", placeholder.label);
  }
  auto stored = notify::stored_templates(context.services.database, kind);
  for (const auto& status : notify::template_statuses(kind)) {
    std::string key(status.key);
    auto card = dict.add("STATUS");
    card.set("KEY", key);
    card.set("LABEL", status.label);
    auto found = stored.find(key);
    std::string current = found != stored.end() ? found->second : notify::default_template(kind, key);
    card.set("TEXT", context.old("templates[" + key + "]", current));
  }
  return web::render(context, view);
}

http::Response save_templates(web::Context& context, TemplateKind kind) {
  PageText text = page_text(kind);
  std::map<std::string, std::string> submitted;
  bool any = false;
  for (const auto& status : notify::template_statuses(kind)) {
    std::string key(status.key);
    if (auto value = context.input.get("templates[" + key + "]")) {
      submitted[key] = *value;
      any = true;
    }
  }
  if (!any) {
    web::FieldErrors errors;
    errors.add("templates", "Enviá las plantillas para guardar.");
    return context.back_with_errors(errors, {}, text.action);
  }
  db::write(context.services.database,
            [&](db::Tx& tx) { return notify::save_templates(tx, kind, submitted, context.user->id); });
  context.flash_next("success", text.saved);
  return http::Response::redirect(context.previous_url(text.action), 302);
}

}  // namespace

http::Response show_repair_whatsapp_templates(web::Context& context) {
  return show_templates(context, TemplateKind::kRepair);
}
http::Response save_repair_whatsapp_templates(web::Context& context) {
  return save_templates(context, TemplateKind::kRepair);
}
http::Response show_order_whatsapp_templates(web::Context& context) {
  return show_templates(context, TemplateKind::kOrder);
}
http::Response save_order_whatsapp_templates(web::Context& context) {
  return save_templates(context, TemplateKind::kOrder);
}

}  // namespace routes
