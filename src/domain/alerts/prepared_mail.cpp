// The mail.prepared job: a finished message through the queue (see prepared_mail.hpp).
#include "domain/alerts/prepared_mail.hpp"

#include <stdexcept>

#include "core/config.hpp"
#include "core/crypto.hpp"
#include "core/json.hpp"
#include "domain/mail/transport.hpp"
#include "infra/queue.hpp"
#include "infra/queue_payload.hpp"

namespace alerts {

std::string prepared_mail_data(const mail::MailMessage& message) {
  core::JsonObject data;
  data.add("to", message.to.email).add("to_name", message.to.name).add("subject", message.subject);
  data.add("text", message.body).add("html", message.html);
  if (!message.attachments.empty()) {
    const auto& attachment = message.attachments.front();
    data.add("attachment_name", attachment.filename).add("attachment_type", attachment.content_type);
    data.add("attachment_base64", core::base64_encode(attachment.content));
  }
  return data.str();
}

mail::MailMessage prepared_mail_from(const core::Config& config, const std::string& data) {
  mail::MailMessage message;
  message.from = mail::configured_sender(config);
  message.to = {infra::data_field(data, "to"), infra::data_field(data, "to_name")};
  if (message.to.email.empty()) throw std::invalid_argument("mail.prepared: no recipient in job data");
  message.subject = infra::data_field(data, "subject");
  message.body = infra::data_field(data, "text");
  message.html = infra::data_field(data, "html");
  std::string name = infra::data_field(data, "attachment_name");
  if (!name.empty())
    message.attachments.push_back({name, infra::data_field(data, "attachment_type"),
                                   core::base64_decode(infra::data_field(data, "attachment_base64"))});
  return message;
}

void queue_prepared_mail(db::Tx& tx, const core::Config& config, const mail::MailMessage& message) {
  if (infra::parse_queue_connection(config.str("QUEUE_CONNECTION")) == infra::QueueConnection::kSync) {
    mail::send(config, prepared_mail_from(config, prepared_mail_data(message)));
    return;
  }
  infra::enqueue(tx, kPreparedMailJob, prepared_mail_data(message));
}

void register_prepared_mail_job(infra::JobRegistry& registry, const core::Config& config) {
  registry.add(kPreparedMailJob,
               [&config](const std::string& data) { mail::send(config, prepared_mail_from(config, data)); });
}

}  // namespace alerts
