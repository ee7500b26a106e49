// The order confirmation e-mail: composed from the order as stored, queued on the database queue right after
// checkout commits, delivered by a queue worker (`nico queue:work`) with the queue's retries; a delivery that
// keeps failing ends in failed_jobs and raises an ops alert (QueueJobFailed, see infra/queue_worker.hpp).
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
}
namespace infra {
class JobRegistry;
}

namespace mail {

inline constexpr const char* kOrderConfirmationJob = "mail.order_confirmation";

// Queues the confirmation of `order_id`. Call it after the checkout transaction committed (a rolled-back order
// must not be announced). MAIL_MAILER=array: nothing is queued. QUEUE_CONNECTION=sync: sent now.
// Never throws: the order exists whatever happens to its e-mail, so failures are logged and false is returned.
// Blocking (SQL): worker threads only.
bool queue_order_confirmation(const core::Config& config, db::Database& database, long long order_id);

// The message for `order_id` (Spanish, UTF-8), or nullopt when the order or its buyer's e-mail is gone.
std::optional<MailMessage> order_confirmation_message(const core::Config& config, db::Database& database,
                                                      long long order_id);

// Job handler: builds and sends; throws on a delivery failure so the queue retries. A vanished order is logged
// and skipped (retrying cannot bring it back).
void send_order_confirmation_job(const core::Config& config, db::Database& database, const std::string& data);

// Registers every mail job (one today) in the worker's registry.
void register_mail_jobs(infra::JobRegistry& registry, const core::Config& config, db::Database& database);

}  // namespace mail
