// ops:mail-test --to=EMAIL: sends one short test mail through the configured mailer (MAIL_MAILER), synchronously
// and without the queue, so an operator sees at once whether the shop's mail leaves the server: exit 0 when the
// relay accepted it, exit 1 with the transport's error (connection, TLS, authentication, a refused sender or
// recipient) when not. Transport details: src/domain/mail/transport.*.
#include <iostream>
#include <string>

#include "app/application.hpp"
#include "app/command.hpp"
#include "core/clock.hpp"
#include "core/validation.hpp"
#include "domain/mail/transport.hpp"

namespace app {

namespace {

mail::MailMessage test_message(const core::Config& config, const std::string& to) {
  mail::MailMessage message;
  message.from = mail::configured_sender(config);
  message.to = {to, ""};
  message.subject = "Correo de prueba de " + config.str("APP_NAME");
  message.body = "Hola:\n\nEste es un correo de prueba enviado con `nico ops:mail-test` desde " + config.str("APP_URL") +
                 " el " + core::format_local(core::utc_now_sql()) +
                 ".\nSi lo recibiste, el envío de correo de la tienda funciona.\n\nNo hace falta responder.\n";
  return message;
}

int mail_test(const CommandEnvironment& environment, const CommandInput& input) {
  std::string to = input.option("to").value_or("");
  if (!core::is_valid_email(to)) {
    std::cerr << "nico ops:mail-test: --to must be an e-mail address"
              << (to.empty() ? "" : ", got \"" + to + "\"") << " (e.g. --to=vos@example.com)\n";
    return 2;
  }
  auto config = bootstrap(environment);
  const std::string& mailer = config.str("MAIL_MAILER");
  if (mailer == "array") {
    std::cerr << "MAIL_MAILER=array discards every mail: nothing can be sent. Set MAIL_MAILER=smtp (and MAIL_HOST, "
                 "MAIL_PORT…) to send mail.\n";
    return 1;
  }
  try {
    mail::send(config, test_message(config, to));
  } catch (const std::exception& e) {
    std::cerr << "Test mail NOT sent: " << e.what() << "\n";
    return 1;
  }
  if (mailer == "log") {
    std::cout << "MAIL_MAILER=log: the test mail to " << to
              << " was written to the application log, not sent. Set MAIL_MAILER=smtp to send mail.\n";
    return 0;
  }
  std::cout << "Test mail to " << to << " accepted by " << config.str("MAIL_HOST") << ":" << config.str("MAIL_PORT")
            << " (from "
            << (config.str("MAIL_FROM_ADDRESS").empty() ? "<no MAIL_FROM_ADDRESS>" : config.str("MAIL_FROM_ADDRESS"))
            << "). Check the inbox, and the spam folder.\n";
  return 0;
}

}  // namespace

std::vector<CommandSpec> mail_commands() {
  return {
      {"ops:mail-test",
       "Send a test mail through the configured mailer (exit 1 with the SMTP error when it fails)",
       {{"to", "Recipient address (required)", true}},
       {},
       mail_test},
  };
}

}  // namespace app
