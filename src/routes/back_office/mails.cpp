// Mail templates pages (docs/domain/mails.md): the list of editable mails, the edit form with its placeholder list,
// the preview (the posted text rendered with sample values, HTML inside a sandboxed iframe) and "Restaurar
// predeterminado". Saving and restoring are audited in the same unit of work as the change.
#include <string>
#include <utility>

#include "core/clock.hpp"
#include "core/errors.hpp"
#include "db/unit_of_work.hpp"
#include "domain/mail/template_store.hpp"
#include "domain/mail/templated_mail.hpp"
#include "routes/back_office/common.hpp"
#include "routes/back_office/handlers.hpp"
#include "web/context.hpp"
#include "web/render.hpp"

namespace routes::back_office {

namespace {

const mail::TemplateInfo& info_or_404(const web::Context& context) {
  auto key = mail::parse_template_key(context.params.at("key"));
  if (!key) throw core::not_found("Ese mail no existe.", "unknown mail template");
  return mail::template_info(*key);
}

std::string edit_path(const mail::TemplateInfo& info) { return "/admin/mails/" + std::string(info.slug); }

// A checkbox posts "1" when ticked and nothing when not.
bool enabled_from(const web::Context& context) { return context.input.value("enabled") == "1"; }

// The edit page with `subject`, `body` and `enabled` in the form; `preview` adds the rendered preview.
http::Response edit_page(web::Context& context, const mail::TemplateInfo& info, const mail::EffectiveTemplate& saved,
                         const std::string& subject, const std::string& body, bool enabled,
                         const mail::RenderedMail* preview, const core::FieldErrors& errors) {
  web::View view("pages/back_office/mail_form.tpl", std::string("Admin - Mail: ") + info.label);
  auto dict = view.dict();
  dict.set("KEY", info.slug).set("LABEL", info.label).set("PURPOSE", info.purpose);
  dict.set("SUBJECT", subject).set("BODY", body);
  dict.set("MAX_SUBJECT", static_cast<long long>(mail::kMaxSubjectCharacters));
  dict.set("MAX_BODY", static_cast<long long>(mail::kMaxBodyCharacters));
  dict.show_if(enabled, "ENABLED_CHECKED");
  if (info.can_disable)
    dict.show("CAN_DISABLE");
  else
    dict.show("ALWAYS_SENT");
  dict.show_if(saved.customized, "CUSTOMIZED");
  dict.show_if(!saved.customized, "DEFAULT");
  if (saved.customized && !saved.updated_at.empty()) dict.add("UPDATED").set("AT", core::format_local(saved.updated_at));
  for (const auto& placeholder : info.placeholders) {
    auto row = dict.add("PLACEHOLDER");
    row.set("NAME", "{{" + std::string(placeholder.name) + "}}");
    row.set("DESCRIPTION", placeholder.description);
  }
  for (auto [field, section] : {std::pair{"subject", "ERROR_SUBJECT"}, std::pair{"body", "ERROR_BODY"},
                                 std::pair{"enabled", "ERROR_ENABLED"}})
    if (errors.has(field)) dict.add(section).set("MESSAGE", errors.first(field));
  if (preview) {
    auto shown = dict.add("PREVIEW");
    shown.set("PREVIEW_SUBJECT", preview->subject);
    shown.set("PREVIEW_TEXT", preview->text);
    shown.set("PREVIEW_HTML", preview->html);  // escaped into srcdoc="…" by the template's auto-escaping
  }
  return web::render(context, view);
}

// Sample values for the preview, with the shop's own name.
mail::TemplateValues preview_values(web::Context& context, const mail::TemplateInfo& info) {
  mail::TemplateValues values = info.sample;
  values["negocio"] = mail::shop_name(context.services.database, context.services.config);
  return values;
}

}  // namespace

http::Response mails_index(web::Context& context) {
  web::View view("pages/back_office/mails_index.tpl", "Admin - Mails");
  auto dict = view.dict();
  for (const auto& info : mail::template_catalog()) {
    auto current = db::read(context.services.database,
                            [&](soci::session& sql) { return mail::effective_template(sql, info.key); });
    auto row = dict.add("MAIL");
    row.set("KEY", info.slug).set("LABEL", info.label).set("PURPOSE", info.purpose).set("SUBJECT", current.subject);
    row.set("ENABLED_LABEL", current.enabled || !info.can_disable ? "Activo" : "Desactivado");
    row.set("ENABLED_CLASS", current.enabled || !info.can_disable ? "badge-emerald" : "badge-zinc");
    row.set("ORIGIN_LABEL", current.customized ? "Personalizado" : "Predeterminado");
    row.set("ORIGIN_CLASS", current.customized ? "badge-indigo" : "badge-sky");
  }
  return web::render(context, view);
}

http::Response mails_edit(web::Context& context) {
  const auto& info = info_or_404(context);
  auto saved = db::read(context.services.database,
                        [&](soci::session& sql) { return mail::effective_template(sql, info.key); });
  // After a refused save the form comes back with what was typed (old input) and the messages.
  bool refused = !context.errors.empty();
  bool enabled = refused ? context.old("enabled") == "1" || !info.can_disable : saved.enabled;
  return edit_page(context, info, saved, context.old("subject", saved.subject), context.old("body", saved.body),
                   enabled, nullptr, context.errors);
}

http::Response mails_preview(web::Context& context) {
  const auto& info = info_or_404(context);
  auto saved = db::read(context.services.database,
                        [&](soci::session& sql) { return mail::effective_template(sql, info.key); });
  std::string subject = context.input.value("subject"), body = context.input.value("body");
  bool enabled = enabled_from(context) || !info.can_disable;
  // Preview what was typed, even before saving; problems that would stop the save are shown next to the fields.
  auto errors = mail::validate_template(info, subject, body, enabled);
  auto preview = mail::render_parts(info, subject, body, preview_values(context, info));
  return edit_page(context, info, saved, subject, body, enabled, &preview, errors);
}

http::Response mails_update(web::Context& context) {
  const auto& info = info_or_404(context);
  std::string subject = context.input.value("subject"), body = context.input.value("body");
  bool enabled = enabled_from(context);
  auto errors = mail::validate_template(info, subject, body, enabled);
  if (!errors.empty()) return context.back_with_errors(errors, {}, edit_path(info));
  // One unit of work: the template and its audit entry commit together.
  db::write(context.services.database, [&](db::Tx& tx) {
    mail::save_template(tx, info.key, subject, body, enabled, context.user->id);
    context.audit(tx, "admin.mail_template.updated", "mail_template", std::nullopt,
                  {{"template", info.slug}, {"enabled", enabled ? "1" : "0"}});
  });
  context.flash_next("success", std::string("Mail guardado: ") + info.label + ".");
  return http::Response::redirect(edit_path(info), 302);
}

http::Response mails_reset(web::Context& context) {
  const auto& info = info_or_404(context);
  bool removed = db::write(context.services.database, [&](db::Tx& tx) {
    bool done = mail::restore_default_template(tx, info.key);
    if (done) context.audit(tx, "admin.mail_template.restored", "mail_template", std::nullopt, {{"template", info.slug}});
    return done;
  });
  context.flash_next("success", removed ? std::string("Mail restaurado al texto predeterminado: ") + info.label + "."
                                        : std::string("Este mail ya usa el texto predeterminado."));
  return http::Response::redirect(edit_path(info), 302);
}

}  // namespace routes::back_office
