// Order confirmation e-mail: values for its template, queueing and job (see order_confirmation.hpp).
#include "domain/mail/order_confirmation.hpp"

#include <stdexcept>

#include "core/config.hpp"
#include "core/clock.hpp"
#include "core/log.hpp"
#include "core/money.hpp"
#include "core/phone.hpp"
#include "core/strings.hpp"
#include "domain/mail/password_reset.hpp"
#include "domain/mail/templated_mail.hpp"
#include "domain/mail/transport.hpp"
#include "domain/orders/order_queries.hpp"
#include "domain/payments/payment_methods.hpp"
#include "domain/settings/business_settings.hpp"
#include "infra/queue.hpp"
#include "infra/queue_payload.hpp"

namespace mail {

namespace {

std::string strip_trailing_slash(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

}  // namespace

namespace {

enum class Skipped { kNo, kGone, kDisabled };

// The message, or why there is none: the order or its buyer's e-mail is gone, or the shop disabled the mail.
std::optional<MailMessage> build(const core::Config& config, db::Database& database, long long order_id,
                                 Skipped& skipped) {
  skipped = Skipped::kGone;
  auto order = orders::find_order(database, order_id);
  if (!order || core::trim(order->user_email).empty()) return std::nullopt;
  auto settings = settings::BusinessSettings::load(database);
  std::string id = std::to_string(order->id);
  std::string items;
  for (const auto& item : order->items)
    items += (items.empty() ? "" : "\n") + std::string("- ") + std::to_string(item.quantity) + " × " +
             item.product_name + ": " + core::format_ars(item.subtotal);
  TemplateValues values{
      {"nombre", core::trim(order->user_name)},
      {"negocio", settings.get("company_name", config.str("APP_NAME"))},
      {"pedido", id},
      {"fecha", core::format_local(order->created_at)},
      {"detalle", items},
      {"total", core::format_ars(order->total)},
      {"pago", payments::order_payment_label(order->payment_method)},
      {"retira", order->customer_name()},
      {"otra_persona", order->pickup_delegate_name},
      {"notas", core::trim(order->notes)},
      {"enlace", strip_trailing_slash(config.str("APP_URL")) + "/mis-pedidos/" + id},
      {"direccion", settings.get("shop_address")},
      {"horarios", settings.get("shop_hours")},
      {"telefono", core::phone::display(settings.get("shop_phone"))},
  };
  auto message = render_template(database, config, TemplateKey::kOrderConfirmation,
                                 {order->user_email, core::trim(order->user_name)}, std::move(values));
  skipped = message ? Skipped::kNo : Skipped::kDisabled;
  return message;
}

}  // namespace

std::optional<MailMessage> order_confirmation_message(const core::Config& config, db::Database& database,
                                                      long long order_id) {
  Skipped skipped = Skipped::kNo;
  return build(config, database, order_id, skipped);
}

void send_order_confirmation_job(const core::Config& config, db::Database& database, const std::string& data) {
  std::string id_text = infra::data_field(data, "order_id");
  if (id_text.empty() || core::digits_only(id_text) != id_text || id_text.size() > 18)
    throw std::invalid_argument("mail.order_confirmation: order_id missing in job data");
  long long order_id = std::stoll(id_text);
  Skipped skipped = Skipped::kNo;
  auto message = build(config, database, order_id, skipped);
  if (!message) {
    // A disabled template was already logged (info) by render_template: that is the shop's choice, not a problem.
    if (skipped == Skipped::kGone)
      core::log::warning("Order confirmation skipped: order or e-mail gone", {{"order_id", id_text}});
    return;
  }
  send(config, *message);
}

void register_mail_jobs(infra::JobRegistry& registry, const core::Config& config, db::Database& database) {
  registry.add(kOrderConfirmationJob, [&config, &database](const std::string& data) {
    send_order_confirmation_job(config, database, data);
  });
  register_password_reset_job(registry, config, database);
}

void queue_order_confirmation(db::Tx& tx, const core::Config& config, long long order_id) {
  if (config.str("MAIL_MAILER") == "array") return;
  if (infra::parse_queue_connection(config.str("QUEUE_CONNECTION")) != infra::QueueConnection::kDatabase) return;
  infra::enqueue(tx, kOrderConfirmationJob, "{\"order_id\":" + std::to_string(order_id) + "}");
}

void send_order_confirmation_if_sync(const core::Config& config, db::Database& database, long long order_id) {
  if (config.str("MAIL_MAILER") == "array") return;
  try {
    auto connection = infra::parse_queue_connection(config.str("QUEUE_CONNECTION"));
    if (connection != infra::QueueConnection::kSync) return;
    infra::JobRegistry registry;
    register_mail_jobs(registry, config, database);
    infra::Queue(database, connection, &registry)
        .push(kOrderConfirmationJob, "{\"order_id\":" + std::to_string(order_id) + "}");
  } catch (const std::exception& error) {
    // The order is committed whatever happens to its e-mail; the failure is in failed_jobs (connection "sync").
    core::log::error("Order confirmation e-mail not sent",
                     {{"order_id", std::to_string(order_id)}, {"error", error.what()}});
  }
}

}  // namespace mail
