// E-mail verification mail: text, queueing and job (see email_verification.hpp).
#include "domain/mail/email_verification.hpp"

#include <stdexcept>

#include "core/clock.hpp"
#include "core/config.hpp"
#include "core/log.hpp"
#include "core/strings.hpp"
#include "db/unit_of_work.hpp"
#include "domain/accounts/email_verification.hpp"
#include "domain/accounts/user_repository.hpp"
#include "domain/mail/templated_mail.hpp"
#include "domain/mail/transport.hpp"
#include "infra/queue.hpp"
#include "infra/queue_payload.hpp"

namespace mail {

namespace {

std::string job_data(std::int64_t user_id) { return "{\"user_id\":" + std::to_string(user_id) + "}"; }

std::string strip_trailing_slash(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

}  // namespace

std::optional<MailMessage> email_verification_message(const core::Config& config, db::Database& database,
                                                      std::int64_t user_id, std::int64_t now_unix) {
  auto user = db::read(database, [&](soci::session& sql) { return accounts::UserRepository::find_by_id(sql, user_id); });
  if (!user || core::trim(user->email).empty() || accounts::is_placeholder_email(user->email)) return std::nullopt;
  std::string link = strip_trailing_slash(config.str("APP_URL")) +
                     accounts::verification_path(user_id, user->email, now_unix,
                                                 core::decode_app_key(config.str("APP_KEY")));
  // The verification template cannot be disabled (template_catalog.hpp), so this is nullopt only for a gone user.
  return render_template(database, config, TemplateKey::kEmailVerification,
                         {user->email, core::trim(user->name + " " + user->last_name)},
                         {{"nombre", core::trim(user->name)},
                          {"enlace", link},
                          {"vencimiento", std::to_string(accounts::kVerificationLinkHours) + " horas"}});
}

void send_email_verification_job(const core::Config& config, db::Database& database, const std::string& data) {
  std::string id_text = infra::data_field(data, "user_id");
  if (id_text.empty() || core::digits_only(id_text) != id_text || id_text.size() > 18)
    throw std::invalid_argument("mail.email_verification: user_id missing in job data");
  std::int64_t user_id = std::stoll(id_text);
  bool verified = db::read(database, [&](soci::session& sql) { return accounts::email_verified(sql, user_id); });
  if (verified) {
    core::log::info("Verification e-mail skipped: already verified", {{"user_id", id_text}});
    return;
  }
  auto message = email_verification_message(config, database, user_id, core::unix_now());
  if (!message) {
    core::log::warning("Verification e-mail skipped: user or e-mail gone", {{"user_id", id_text}});
    return;
  }
  send(config, *message);
}

void register_email_verification_job(infra::JobRegistry& registry, const core::Config& config, db::Database& database) {
  registry.add(kEmailVerificationJob, [&config, &database](const std::string& data) {
    send_email_verification_job(config, database, data);
  });
}

void queue_email_verification(db::Tx& tx, const core::Config& config, std::int64_t user_id) {
  if (config.str("MAIL_MAILER") == "array") return;
  if (infra::parse_queue_connection(config.str("QUEUE_CONNECTION")) != infra::QueueConnection::kDatabase) return;
  infra::enqueue(tx, kEmailVerificationJob, job_data(user_id));
}

void send_email_verification_if_sync(const core::Config& config, db::Database& database, std::int64_t user_id) {
  if (config.str("MAIL_MAILER") == "array") return;
  try {
    auto connection = infra::parse_queue_connection(config.str("QUEUE_CONNECTION"));
    if (connection != infra::QueueConnection::kSync) return;
    infra::JobRegistry registry;
    register_email_verification_job(registry, config, database);
    infra::Queue(database, connection, &registry).push(kEmailVerificationJob, job_data(user_id));
  } catch (const std::exception& error) {
    core::log::error("Verification e-mail not sent", {{"user_id", std::to_string(user_id)}, {"error", error.what()}});
  }
}

}  // namespace mail
