// The operational digest as an e-mail: subject, a plain-text part and an HTML part with a link to each item's admin
// page (APP_URL + path). Pure: no SQL, no configuration.
#pragma once

#include <string>

#include "domain/alerts/digest.hpp"
#include "domain/mail/message.hpp"

namespace alerts {

struct DigestMailContext {
  std::string shop;     // {{negocio}} of the mails: company_name, else APP_NAME
  std::string app_url;  // APP_URL without a trailing slash
  std::string date;     // local date shown in the subject, "07/12/2026"
};

// From is left empty (the sender fills MAIL_FROM_*). Empty sections are left out.
mail::MailMessage digest_message(const Digest& digest, const DigestMailContext& context, const mail::Address& to);

// The digest as the command prints it (one line per item, a heading per non-empty section).
std::string digest_text(const Digest& digest, const std::string& app_url);

}  // namespace alerts
