// POST /admin/reparaciones/{repair}/cobrar-y-entregar: "Cobrar y entregar" on the admin repair page, shown next
// to the "Debe $ X" warning when a repair that can be delivered still owes money. Records the balance as paid and
// delivers in one unit of work (repairs::collect_and_deliver) with its audit entry; a double submit finds the
// repair delivered and records nothing twice. Form fields: current_status, balance_due (centavos the page
// showed), payment_method (a repair payment key).
#include "core/errors.hpp"
#include "core/parse.hpp"
#include "core/strings.hpp"
#include "db/unit_of_work.hpp"
#include "domain/payments/payment_methods.hpp"
#include "domain/repairs/delivery.hpp"
#include "routes/repairs/handlers.hpp"
#include "routes/repairs/view_helpers.hpp"
#include "routes/repairs/whatsapp_link.hpp"
#include "web/context.hpp"

namespace routes {

http::Response admin_repairs_collect_and_deliver(web::Context& context) {
  auto id = repairs_view::repair_id_param(context);
  if (!id) throw core::not_found(repairs::kRepairNotFoundMessage, "bad repair id");
  std::string detail = "/admin/reparaciones/" + std::to_string(*id);

  std::string method = core::trim(context.input.value("payment_method"));
  // The balance shown is a positive whole number of centavos: the id parser's rule (digits, at least 1).
  auto balance = core::parse_id(context.input.value("balance_due"));
  core::FieldErrors errors;
  if (!payments::is_repair_payment_method(method)) errors.add("payment_method", "Elegí cómo pagó el cliente.");
  if (!balance) errors.add("status", repairs::kBalanceChangedMessage);
  if (!errors.empty()) return context.back_with_errors(errors, {}, detail);

  auto expected = repairs::parse_status(context.input.value("current_status"));
  repairs::CollectAndDeliver done;
  try {
    // One unit of work: payment, status, history row and audit entry commit together (or not at all).
    done = db::write(context.services.database, [&](db::Tx& tx) {
      auto result = repairs::collect_and_deliver(tx, *id, context.user->id, method, *balance, expected);
      if (result.outcome == repairs::CollectOutcome::kDelivered)
        context.audit(tx, "admin.repair.collected_and_delivered", "App\\Models\\Repair", *id,
                      {{"from_status", std::string(repairs::status_key(result.from))},
                       {"to_status", "delivered"},
                       {"amount_cents", std::to_string(result.collected_cents)},
                       {"payment_method", method}});
      return result;
    });
  } catch (const repairs::PaymentChangedDuringDelivery&) {
    done.outcome = repairs::CollectOutcome::kBalanceChanged;
    done.message = repairs::kBalanceChangedMessage;
  }

  switch (done.outcome) {
    case repairs::CollectOutcome::kNotFound:
      throw core::not_found(done.message, "repair not found for collect and deliver");
    case repairs::CollectOutcome::kUnchanged:
      context.flash_next("success", done.message);
      return http::Response::redirect(detail, 303);
    case repairs::CollectOutcome::kBalanceChanged:
    case repairs::CollectOutcome::kRefused:
    case repairs::CollectOutcome::kConflict: {
      core::FieldErrors refused;
      refused.add("status", done.message);
      return context.back_with_errors(refused, {}, detail);
    }
    case repairs::CollectOutcome::kDelivered:
      break;
  }
  context.flash_next("success", done.message);
  auto wa = repairs_view::whatsapp_link(context, *id);
  if (!wa.url.empty()) context.flash_next("wa_after", wa.url);
  return http::Response::redirect(detail, 303);
}

}  // namespace routes
