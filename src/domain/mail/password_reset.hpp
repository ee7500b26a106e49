// The password reset e-mail: a link to /restablecer-contrasena/{token}, queued on the database queue inside the
// transaction that stored the token (transactional outbox, like the order confirmation), delivered by
// `nico queue:work` with the queue's retries.
//
//   job name              data                                       handler
//   mail.password_reset   {"user_id": 7, "token": "<encrypted>"}     send_password_reset_job (registered by
//                                                                     mail::register_mail_jobs)
//
// The token travels in the job row encrypted under APP_KEY (core::encrypt_for, purpose "mail.password_reset"): the
// tokens table holds only hashes, and the queue must not become a plain-text copy of live links. A job whose link
// was used, retired or expired before delivery is dropped (a dead link helps nobody).
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

inline constexpr const char* kPasswordResetJob = "mail.password_reset";

// Writes the job through the caller's transaction. MAIL_MAILER=array or QUEUE_CONNECTION=sync: writes nothing.
void queue_password_reset(db::Tx& tx, const core::Config& config, std::int64_t user_id, const std::string& token);

// QUEUE_CONNECTION=sync only (development): sends now; call it after the token committed. Never throws.
void send_password_reset_if_sync(const core::Config& config, db::Database& database, std::int64_t user_id,
                                 const std::string& token);

// The message for the user with the link, from the password_reset template (text + HTML; that template cannot be
// disabled), or nullopt when the user is gone.
std::optional<MailMessage> password_reset_message(const core::Config& config, db::Database& database,
                                                  std::int64_t user_id, const std::string& token);

// Job handler: decrypts, checks the link still works, builds and sends; throws on a delivery failure (retried).
void send_password_reset_job(const core::Config& config, db::Database& database, const std::string& data);

// Adds the job to the worker's registry (called by register_mail_jobs).
void register_password_reset_job(infra::JobRegistry& registry, const core::Config& config, db::Database& database);

}  // namespace mail
