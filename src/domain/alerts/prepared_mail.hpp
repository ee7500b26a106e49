// Mails composed when they are decided (the operational digest, the KPI report) and delivered by the queue: the job
// carries the finished message, so what the worker sends is exactly what was deduplicated and recorded, even if the
// data changes before a worker picks it up.
//
//   job name        data (JSON object of strings)
//   mail.prepared   to, to_name, subject, text, html, and optionally attachment_name, attachment_type,
//                   attachment_base64 (one attachment, base64 of its bytes)
//
// The handler sends with MAIL_FROM_* and throws on a delivery failure (the queue retries, then failed_jobs and an
// ops alert through the queue worker's monitor).
#pragma once

#include <string>

#include "domain/mail/message.hpp"

namespace core {
class Config;
}
namespace db {
class Tx;
}
namespace infra {
class JobRegistry;
}

namespace alerts {

inline constexpr const char* kPreparedMailJob = "mail.prepared";

// The job's data for `message` (its `from` is not stored: the worker uses MAIL_FROM_*). At most one attachment.
std::string prepared_mail_data(const mail::MailMessage& message);
// The message back from the job's data, From = MAIL_FROM_*. Throws std::invalid_argument without a recipient.
mail::MailMessage prepared_mail_from(const core::Config& config, const std::string& data);

// Writes the job through the caller's transaction (outbox). QUEUE_CONNECTION=sync: sends at once instead.
void queue_prepared_mail(db::Tx& tx, const core::Config& config, const mail::MailMessage& message);

void register_prepared_mail_job(infra::JobRegistry& registry, const core::Config& config);

}  // namespace alerts
