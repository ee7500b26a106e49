// Password reset e-mail: values for its template, queueing and job (see password_reset.hpp).
#include "domain/mail/password_reset.hpp"

#include <stdexcept>

#include "core/clock.hpp"
#include "core/config.hpp"
#include "core/crypto.hpp"
#include "core/log.hpp"
#include "core/strings.hpp"
#include "db/unit_of_work.hpp"
#include "domain/accounts/password_reset.hpp"
#include "domain/accounts/user_repository.hpp"
#include "domain/mail/templated_mail.hpp"
#include "domain/mail/transport.hpp"
#include "infra/queue.hpp"
#include "infra/queue_payload.hpp"

namespace mail {

namespace {

constexpr const char* kTokenPurpose = "mail.password_reset";

std::string job_data(const core::Config& config, std::int64_t user_id, const std::string& token) {
  // base64 output: safe inside a JSON string as is.
  return "{\"user_id\":" + std::to_string(user_id) + ",\"token\":\"" +
         core::encrypt_for(config.str("APP_KEY"), kTokenPurpose, token) + "\"}";
}

std::string strip_trailing_slash(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

}  // namespace

std::optional<MailMessage> password_reset_message(const core::Config& config, db::Database& database,
                                                  std::int64_t user_id, const std::string& token) {
  auto user = db::read(database, [&](soci::session& sql) { return accounts::UserRepository::find_by_id(sql, user_id); });
  if (!user || core::trim(user->email).empty()) return std::nullopt;
  std::string link = strip_trailing_slash(config.str("APP_URL")) + "/restablecer-contrasena/" + token;
  // The reset template cannot be disabled (template_catalog.hpp), so this is nullopt only when the user is gone.
  return render_template(database, config, TemplateKey::kPasswordReset,
                         {user->email, core::trim(user->name + " " + user->last_name)},
                         {{"nombre", core::trim(user->name)},
                          {"enlace", link},
                          {"vencimiento", std::to_string(accounts::kResetTokenMinutes) + " minutos"}});
}

void send_password_reset_job(const core::Config& config, db::Database& database, const std::string& data) {
  std::string id_text = infra::data_field(data, "user_id");
  if (id_text.empty() || core::digits_only(id_text) != id_text || id_text.size() > 18)
    throw std::invalid_argument("mail.password_reset: user_id missing in job data");
  auto token = core::decrypt_for(config.str("APP_KEY"), kTokenPurpose, infra::data_field(data, "token"));
  if (!token) {
    // APP_KEY changed since the job was queued: the link cannot be rebuilt; the customer can ask for another.
    core::log::warning("Password reset e-mail skipped: the queued link cannot be decrypted", {{"user_id", id_text}});
    return;
  }
  std::int64_t user_id = std::stoll(id_text);
  auto lookup = db::read(database, [&](soci::session& sql) {
    return accounts::find_reset_token(sql, *token, core::unix_now());
  });
  if (lookup.state != accounts::ResetTokenState::kValid || lookup.user_id != user_id) {
    core::log::info("Password reset e-mail skipped: link no longer valid", {{"user_id", id_text}});
    return;
  }
  auto message = password_reset_message(config, database, user_id, *token);
  if (!message) {
    core::log::warning("Password reset e-mail skipped: user or e-mail gone", {{"user_id", id_text}});
    return;
  }
  send(config, *message);
}

void register_password_reset_job(infra::JobRegistry& registry, const core::Config& config, db::Database& database) {
  registry.add(kPasswordResetJob, [&config, &database](const std::string& data) {
    send_password_reset_job(config, database, data);
  });
}

void queue_password_reset(db::Tx& tx, const core::Config& config, std::int64_t user_id, const std::string& token) {
  if (config.str("MAIL_MAILER") == "array") return;
  if (infra::parse_queue_connection(config.str("QUEUE_CONNECTION")) != infra::QueueConnection::kDatabase) return;
  infra::enqueue(tx, kPasswordResetJob, job_data(config, user_id, token));
}

void send_password_reset_if_sync(const core::Config& config, db::Database& database, std::int64_t user_id,
                                 const std::string& token) {
  if (config.str("MAIL_MAILER") == "array") return;
  try {
    auto connection = infra::parse_queue_connection(config.str("QUEUE_CONNECTION"));
    if (connection != infra::QueueConnection::kSync) return;
    infra::JobRegistry registry;
    register_password_reset_job(registry, config, database);
    infra::Queue(database, connection, &registry).push(kPasswordResetJob, job_data(config, user_id, token));
  } catch (const std::exception& error) {
    core::log::error("Password reset e-mail not sent", {{"user_id", std::to_string(user_id)}, {"error", error.what()}});
  }
}

}  // namespace mail
