// The e-mail verification mail: a signed link to /verificar-email/{id}/{hash} (domain/accounts/email_verification.hpp),
// queued on the database queue at sign-up, after an e-mail change and on "Reenviar", delivered by `nico queue:work`
// with the queue's retries.
//
//   job name                  data               handler
//   mail.email_verification   {"user_id": 7}     send_email_verification_job (registered in src/app/commands/queue.cpp)
//
// The job carries only the user id: the link is signed when the mail is built, for the account's e-mail at that
// moment, so the queue holds no live link, an e-mail changed before delivery gets the link for the new address
// (sent to the new address), and a user verified before delivery gets no mail at all.
#pragma once

#include <cstdint>
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

inline constexpr const char* kEmailVerificationJob = "mail.email_verification";

// Writes the job through the caller's transaction. MAIL_MAILER=array or QUEUE_CONNECTION=sync: writes nothing.
void queue_email_verification(db::Tx& tx, const core::Config& config, std::int64_t user_id);

// QUEUE_CONNECTION=sync only (development): sends now; call it after the caller's transaction committed. Never throws.
void send_email_verification_if_sync(const core::Config& config, db::Database& database, std::int64_t user_id);

// The message (Spanish, UTF-8) with a link signed now for the user's current e-mail, or nullopt when the user is
// gone or has no real e-mail (accounts::is_placeholder_email). Every word the customer reads is here: greeting with the name, the shop, the link and how
// long it lasts.
std::optional<MailMessage> email_verification_message(const core::Config& config, db::Database& database,
                                                      std::int64_t user_id, std::int64_t now_unix);

// Job handler: skips a user who is gone or already verified; throws on a delivery failure (retried).
void send_email_verification_job(const core::Config& config, db::Database& database, const std::string& data);

// Adds the job to the worker's registry.
void register_email_verification_job(infra::JobRegistry& registry, const core::Config& config, db::Database& database);

}  // namespace mail
