// Delivering one e-mail according to MAIL_MAILER (docs/domain/operations.md "Mail transport"):
//   smtp   libcurl to MAIL_HOST:MAIL_PORT. MAIL_SCHEME=smtps (or port 465 with no scheme) is TLS from the first
//          byte; otherwise plain SMTP that upgrades with STARTTLS when the server offers it. MAIL_USERNAME /
//          MAIL_PASSWORD authenticate when set; EHLO names MAIL_EHLO_DOMAIN, else the APP_URL host.
//   log    one info line in the application log with the whole message (development).
//   array  dropped (tests that do not look at mail).
// Blocking (network): queue workers and commands only, never an IO thread.
#pragma once

#include <string>

#include "domain/mail/message.hpp"

namespace core {
class Config;
}

namespace mail {

// From: MAIL_FROM_ADDRESS / MAIL_FROM_NAME.
Address configured_sender(const core::Config& config);

// Sends `message`. Throws std::runtime_error naming the failing step ("SMTP delivery to … failed: Couldn't connect
// to server") so the queue retries and, in the end, reports it.
void send(const core::Config& config, const MailMessage& message);

}  // namespace mail
