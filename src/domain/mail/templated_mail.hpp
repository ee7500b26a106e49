// Mails built from the editable templates: the template in use (the shop's or the default) rendered with the
// mail's values into a subject, a text part and an HTML part (docs/domain/mails.md).
//
// Used by the password reset and the order confirmation, and meant for the e-mail verification mail:
//
//   auto message = mail::render_template(database, config, mail::TemplateKey::kEmailVerification,
//                                        {user.email, user.name}, {{"nombre", user.name}, {"enlace", link},
//                                                                  {"vencimiento", "24 horas"}});
//   if (message) mail::send(config, *message);  // nullopt: the shop turned this mail off (already logged)
#pragma once

#include <optional>
#include <string>

#include "domain/mail/message.hpp"
#include "domain/mail/template_catalog.hpp"

namespace core {
class Config;
}
namespace db {
class Database;
}

namespace mail {

struct RenderedMail {
  std::string subject;  // one line
  std::string text;     // plain-text part
  std::string html;     // whole HTML document
};

// Pure: `subject` and `body` of `info` rendered with `values` (the preview uses it with the sample values).
RenderedMail render_parts(const TemplateInfo& info, const std::string& subject, const std::string& body,
                          const TemplateValues& values);

// The complete message to `to` from MAIL_FROM_*, rendered from the template in use for `key`. `values` needs no
// {{negocio}}: when missing it is the shop's name (company_name, else APP_NAME). Returns nullopt when the shop
// disabled this mail (an info line says so); a password reset is never held back (a warning says a disabled row
// was ignored). Reads the database (two short reads, no transaction): worker threads only; throws on SQL errors.
std::optional<MailMessage> render_template(db::Database& database, const core::Config& config, TemplateKey key,
                                           const Address& to, TemplateValues values);

// company_name from the business settings, else APP_NAME: the {{negocio}} of every mail.
std::string shop_name(db::Database& database, const core::Config& config);

}  // namespace mail
