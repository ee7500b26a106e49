// Rendering a mail from its editable template (see templated_mail.hpp).
#include "domain/mail/templated_mail.hpp"

#include "core/config.hpp"
#include "core/log.hpp"
#include "db/unit_of_work.hpp"
#include "domain/mail/template_store.hpp"
#include "domain/mail/transport.hpp"
#include "domain/settings/business_settings.hpp"

namespace mail {

RenderedMail render_parts(const TemplateInfo& info, const std::string& subject, const std::string& body,
                          const TemplateValues& values) {
  RenderedMail rendered;
  rendered.subject = render_subject(subject, values);
  rendered.text = render_text(body, values);
  rendered.html = html_document(rendered.subject, render_html_body(body, values, link_placeholder_names(info)));
  return rendered;
}

std::string shop_name(db::Database& database, const core::Config& config) {
  return settings::BusinessSettings::load(database).get("company_name", config.str("APP_NAME"));
}

std::optional<MailMessage> render_template(db::Database& database, const core::Config& config, TemplateKey key,
                                           const Address& to, TemplateValues values) {
  const auto& info = template_info(key);
  auto current = db::read(database, [&](soci::session& sql) { return effective_template(sql, key); });
  if (!current.enabled) {
    if (info.can_disable) {
      core::log::info("Mail not sent: its template is disabled in /admin/mails", {{"template", info.slug}});
      return std::nullopt;
    }
    core::log::warning("Mail template marked disabled but this mail cannot be turned off: sent anyway",
                       {{"template", info.slug}});
  }
  if (values.find("negocio") == values.end()) values["negocio"] = shop_name(database, config);
  auto rendered = render_parts(info, current.subject, current.body, values);
  MailMessage message;
  message.from = configured_sender(config);
  message.to = to;
  message.subject = rendered.subject;
  message.body = rendered.text;
  message.html = rendered.html;
  return message;
}

}  // namespace mail
