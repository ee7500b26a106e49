// Order confirmation e-mail: text, queueing and job (see order_confirmation.hpp).
#include "domain/mail/order_confirmation.hpp"

#include <stdexcept>

#include "core/config.hpp"
#include "core/clock.hpp"
#include "core/log.hpp"
#include "core/money.hpp"
#include "core/phone.hpp"
#include "core/strings.hpp"
#include "domain/mail/password_reset.hpp"
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

std::optional<MailMessage> order_confirmation_message(const core::Config& config, db::Database& database,
                                                      long long order_id) {
  auto order = orders::find_order(database, order_id);
  if (!order || core::trim(order->user_email).empty()) return std::nullopt;
  auto settings = settings::BusinessSettings::load(database);
  std::string shop = settings.get("company_name", config.str("APP_NAME"));
  std::string address = settings.get("shop_address"), hours = settings.get("shop_hours"),
              phone = core::phone::display(settings.get("shop_phone"));
  std::string id = std::to_string(order->id);

  MailMessage message;
  message.from = configured_sender(config);
  message.to = {order->user_email, core::trim(order->user_name)};
  message.subject = "Recibimos tu pedido #" + id + " — " + shop;

  std::string body;
  body += "Hola " + core::trim(order->user_name) + ",\n\n";
  body += "¡Gracias por tu compra! Recibimos tu pedido #" + id + " el " + core::format_local(order->created_at) +
          ".\n\n";
  body += "Detalle del pedido:\n";
  for (const auto& item : order->items)
    body += "- " + std::to_string(item.quantity) + " × " + item.product_name + ": " + core::format_ars(item.subtotal) +
            "\n";
  body += "\nTotal: " + core::format_ars(order->total) + "\n";
  body += "Pago: " + payments::order_payment_label(order->payment_method) + "\n";
  body += "Retira: " + order->customer_name() + "\n";
  if (!order->pickup_delegate_name.empty()) body += "Retira otra persona: " + order->pickup_delegate_name + "\n";
  if (!core::trim(order->notes).empty()) body += "Notas: " + core::trim(order->notes) + "\n";
  body += "\nEl retiro es en el local. Te avisamos por WhatsApp cuando esté listo para retirar.\n";
  std::string base = strip_trailing_slash(config.str("APP_URL"));
  body += "Podés seguir el estado en: " + base + "/mis-pedidos/" + id + "\n";
  body += "\n" + shop + "\n";
  if (!address.empty()) body += "📍 " + address + "\n";
  if (!hours.empty()) body += "🕒 " + hours + "\n";
  if (!phone.empty()) body += "Tel: " + phone + "\n";
  message.body = body;
  return message;
}

void send_order_confirmation_job(const core::Config& config, db::Database& database, const std::string& data) {
  std::string id_text = infra::data_field(data, "order_id");
  if (id_text.empty() || core::digits_only(id_text) != id_text || id_text.size() > 18)
    throw std::invalid_argument("mail.order_confirmation: order_id missing in job data");
  long long order_id = std::stoll(id_text);
  auto message = order_confirmation_message(config, database, order_id);
  if (!message) {
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
