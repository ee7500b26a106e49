// Text and HTML of the operational digest mail (see digest_mail.hpp). Every value is escaped with the mail
// templates' escape_html and wrapped in their html_document, so this mail looks and escapes like the others.
#include "domain/alerts/digest_mail.hpp"

#include "core/plural.hpp"
#include "domain/mail/template_render.hpp"

namespace alerts {

std::string digest_text(const Digest& digest, const std::string& app_url) {
  std::string text;
  for (const auto& section : digest.sections) {
    if (section.items.empty()) continue;
    text += section.heading + " (" + std::to_string(section.items.size()) + ")\n";
    for (const auto& item : section.items)
      text += "- " + item.title + ": " + item.detail + "\n  " + app_url + item.path + "\n";
    text += "\n";
  }
  return text;
}

mail::MailMessage digest_message(const Digest& digest, const DigestMailContext& context, const mail::Address& to) {
  mail::MailMessage message;
  message.to = to;
  message.subject = "Resumen operativo: " + core::count_label(static_cast<long long>(digest.total), "pendiente",
                                                              "pendientes") +
                    " — " + context.shop + " (" + context.date + ")";
  std::string intro = "Esto es lo que necesita tu atención hoy en " + context.shop + ".";
  std::string outro = "Ves todo en vivo y marcás lo revisado en " + context.app_url + "/admin/alertas";
  message.body = intro + "\n\n" + digest_text(digest, context.app_url) + outro + "\n";

  using mail::escape_html;
  std::string html = "<p>" + escape_html(intro) + "</p>\n";
  for (const auto& section : digest.sections) {
    if (section.items.empty()) continue;
    html += "<h2 style=\"font-size:16px;margin:20px 0 8px\">" + escape_html(section.heading) + " (" +
            std::to_string(section.items.size()) + ")</h2>\n<ul>\n";
    for (const auto& item : section.items)
      html += "<li data-digest-item=\"" + escape_html(item.key()) + "\"><a href=\"" +
              escape_html(context.app_url + item.path) + "\">" + escape_html(item.title) + "</a><br>" +
              escape_html(item.detail) + "</li>\n";
    html += "</ul>\n";
  }
  html += "<p><a href=\"" + escape_html(context.app_url + "/admin/alertas") +
          "\">Ver el centro de alertas</a></p>\n";
  message.html = mail::html_document(message.subject, html);
  return message;
}

}  // namespace alerts
