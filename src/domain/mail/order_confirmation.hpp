// The order confirmation e-mail: composed from the order as stored, queued on the database queue inside the
// checkout transaction (transactional outbox: the job row commits with the order, so a crash never loses the mail
// and a rolled-back order never gets one), delivered by a queue worker (`nico queue:work`) with the queue's retries; a
// delivery that keeps failing ends in failed_jobs and raises an ops alert (QueueJobFailed, see infra/queue_worker.hpp).
//
//   job name                   data                 handler
//   mail.order_confirmation    {"order_id": 123}    send_order_confirmation_job (registered in
//                                                    src/app/commands/queue.cpp through register_mail_jobs)
#pragma once

#include <optional>
#include <string>

#include "domain/mail/message.hpp"

namespace core {
class Config;
}
namespace db {
class Database;
class Tx;
}
namespace infra {
class JobRegistry;
}

namespace mail {

inline constexpr const char* kOrderConfirmationJob = "mail.order_confirmation";

// Writes the confirmation job of `order_id` through the checkout's own transaction (outbox). MAIL_MAILER=array or
// QUEUE_CONNECTION=sync: writes nothing (sync mail goes out after the commit, below). Throws on SQL errors, which
// roll the order back with it. Blocking (SQL): worker threads only.
void queue_order_confirmation(db::Tx& tx, const core::Config& config, long long order_id);

// QUEUE_CONNECTION=sync only (development): sends the confirmation now; call it after the checkout committed.
// Never throws (the order exists whatever happens to its e-mail): failures are logged and kept in failed_jobs.
void send_order_confirmation_if_sync(const core::Config& config, db::Database& database, long long order_id);

// The message for `order_id` from the order_confirmation template (text + HTML), or nullopt when the order or
// its buyer's e-mail is gone or the shop disabled this mail in /admin/mails.
std::optional<MailMessage> order_confirmation_message(const core::Config& config, db::Database& database,
                                                      long long order_id);

// Job handler: builds and sends; throws on a delivery failure so the queue retries. A vanished order is logged
// and skipped (retrying cannot bring it back); a disabled template sends nothing (one info line).
void send_order_confirmation_job(const core::Config& config, db::Database& database, const std::string& data);

// Registers every mail job (order confirmation, password reset) in the worker's registry.
void register_mail_jobs(infra::JobRegistry& registry, const core::Config& config, db::Database& database);

}  // namespace mail
