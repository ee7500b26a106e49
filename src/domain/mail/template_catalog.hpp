// The mails the shop can edit in /admin/mails: their keys, Spanish labels, placeholders and built-in defaults.
// A template without a row in `mail_templates` uses the default written here (docs/domain/mails.md).
//
//   key                   sent by                                     placeholders
//   ────────────────────  ──────────────────────────────────────────  ─────────────────────────────────────────────
//   password_reset        mail::password_reset_message                nombre negocio enlace vencimiento
//   order_confirmation    mail::order_confirmation_message            nombre negocio pedido fecha detalle total pago
//                                                                     retira otra_persona notas enlace direccion
//                                                                     horarios telefono
//   email_verification    the e-mail verification builder             nombre negocio enlace vencimiento
//
// When adding a key ^, also add its row to kCatalog (template_catalog.cpp) and the code that fills its values.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/mail/template_render.hpp"

namespace mail {

enum class TemplateKey { kPasswordReset, kOrderConfirmation, kEmailVerification };

struct PlaceholderInfo {
  const char* name;         // written {{name}} in a template
  const char* description;  // Spanish, shown on the edit page
  bool link = false;        // its value is a URL, linked in the HTML part
};

struct TemplateInfo {
  TemplateKey key;
  const char* slug;           // "password_reset": the database key and the URL segment
  const char* label;          // Spanish name of the mail in the admin
  const char* purpose;        // one Spanish sentence: when it is sent
  const char* default_subject;
  const char* default_body;
  std::vector<PlaceholderInfo> placeholders;
  TemplateValues sample;      // values for the preview
  // False for the password reset (without it nobody gets back into an account) and the e-mail verification (with
  // AUTH_EMAIL_VERIFICATION=required nobody could buy): the admin cannot turn them off (the form refuses, and a row
  // disabled by hand is ignored with a warning in the log).
  bool can_disable = true;
};

// Every editable mail, in the order of the admin list.
const std::vector<TemplateInfo>& template_catalog();
const TemplateInfo& template_info(TemplateKey key);
// nullopt for a slug that names no template.
std::optional<TemplateKey> parse_template_key(std::string_view slug);

// The placeholder names of `info`, for unknown_placeholders.
std::vector<std::string> placeholder_names(const TemplateInfo& info);
// The names of its link placeholders, for render_html_body.
std::vector<std::string> link_placeholder_names(const TemplateInfo& info);

}  // namespace mail
