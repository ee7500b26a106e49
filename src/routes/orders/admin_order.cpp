// GET /admin/pedidos/{order} (detail with status form, quick actions, WhatsApp block, items) and
// POST /admin/pedidos/{order}/estado (status change; JSON for scripts, redirect back for plain forms),
// docs/domain/orders.md "Admin orders", ui-contract.md "Admin orders".
#include <string>

#include "core/clock.hpp"
#include "core/errors.hpp"
#include "core/json.hpp"
#include "core/log.hpp"
#include "core/money.hpp"
#include "core/phone.hpp"
#include "core/strings.hpp"
#include "db/unit_of_work.hpp"
#include "domain/orders/order_queries.hpp"
#include "domain/orders/status_change.hpp"
#include "domain/payments/payment_methods.hpp"
#include "routes/orders/handlers.hpp"
#include "routes/orders/order_whatsapp_view.hpp"
#include "routes/orders/presenters.hpp"
#include "web/context.hpp"
#include "web/render.hpp"
#include "web/services.hpp"

namespace routes {

namespace {

constexpr std::size_t kMaxCommentCharacters = 500;

http::Response json(int status, const std::string& body) { return http::Response::json(status, body); }

}  // namespace

http::Response admin_order_show(web::Context& context) {
  auto id = orders_view::order_id_param(context);
  if (!id) throw core::not_found();
  auto order = orders::find_order(context.services.database, *id);
  if (!order) throw core::not_found();

  web::View view("pages/orders/admin_show.tpl", "Admin — Pedido #" + std::to_string(order->id));
  auto dict = view.dict();
  dict.set("CSRF", context.csrf_token());
  dict.set("ID", order->id);
  dict.set("STATUS_KEY", order->status_key);
  dict.set("STATUS_LABEL", orders_view::status_label(*order));
  dict.set("BADGE_CLASS", orders_view::badge_class(*order));
  dict.set("TRANSITIONS_JSON", orders_view::transitions_json());
  dict.set("CREATED", core::format_local(order->created_at));
  dict.set("USER_EMAIL", order->user_email);
  dict.set("TOTAL", core::format_ars(order->total));
  dict.set("PAYMENT", order->payment_method);
  dict.set("PAYMENT_LABEL", payments::order_payment_label(order->payment_method));
  bool final_state = order->status && orders::is_final(*order->status);
  dict.show_if(final_state, "STATUS_BTN_DISABLED");
  dict.show_if(final_state, "FINAL_NOTE");
  orders_view::fill_status_options(dict, *order);
  orders_view::fill_status_options(dict, *order, "SELECT_OPTION");
  bool can_deliver = order->status && orders::can_transition(*order->status, orders::OrderStatus::kEntregado);
  bool can_cancel = order->status && orders::can_transition(*order->status, orders::OrderStatus::kCancelado);
  dict.show_if(!can_deliver, "DELIVER_DISABLED");
  dict.show_if(!can_cancel, "CANCEL_DISABLED");

  dict.set("CUSTOMER_NAME", order->customer_name());
  dict.set("CUSTOMER_PHONE", order->contact_phone().empty() ? "—" : core::phone::display(order->contact_phone()));
  if (!order->pickup_delegate_name.empty() || !order->pickup_delegate_phone.empty()) {
    auto delegate = dict.add("DELEGATE");
    delegate.set("NAME", order->pickup_delegate_name);
    delegate.set("PHONE", core::phone::display(order->pickup_delegate_phone));
  }
  if (!core::trim(order->notes).empty()) dict.add("NOTES").set("TEXT", order->notes);

  auto message = orders_view::order_whatsapp(context, order->id);
  dict.set("WA_PHONE_BADGE", message.phone ? core::phone::display("+" + *message.phone) : "—");
  dict.set("WA_MESSAGE", message.message);
  if (message.phone) {
    dict.add("WA_OPEN").set("URL", message.url);
    dict.add("WA_QUICK").set("URL", message.url);
  } else {
    dict.show("WA_NO_PHONE");
    dict.show("WA_QUICK_NO_PHONE");
  }
  dict.set("WA_PHONE", message.phone.value_or(""));
  dict.show_if(!message.phone, "WA_LOG_DISABLED");
  auto logs = orders_view::whatsapp_logs(context, order->id);
  if (logs.empty()) dict.show("WA_NO_LOGS");
  for (const auto& log : logs) {
    auto row = dict.add("WA_LOG");
    row.set("STATUS_LABEL", log.status_label);
    row.set("SENT_AT", core::format_local(log.sent_at));
    row.set("PHONE", log.phone.empty() ? "—" : core::phone::display("+" + log.phone));
    if (!log.sent_by_name.empty()) row.add("BY").set("NAME", log.sent_by_name);
    row.set("MESSAGE", log.message);
  }

  // The reference loaded the history but never showed it; the admin sees who changed what, when and why.
  for (const auto& entry : orders::order_status_history(context.services.database, order->id)) {
    auto row = dict.add("HISTORY");
    auto label_of = [](const std::string& key) {
      auto status = orders::parse_status(key);
      return status ? std::string(orders::status_label(*status)) : key;
    };
    row.set("TO", label_of(entry.to_status));
    if (!entry.from_status.empty()) row.add("FROM").set("LABEL", label_of(entry.from_status));
    row.set("AT", core::format_local(entry.changed_at.substr(0, 19)));
    if (!entry.changed_by_name.empty()) row.add("BY").set("NAME", entry.changed_by_name);
    if (!entry.comment.empty()) row.add("COMMENT").set("TEXT", entry.comment);
  }

  if (order->items.empty()) dict.show("NO_ITEMS");
  for (const auto& item : order->items) {
    auto row = dict.add("ITEM");
    row.set("NAME", item.product_name);
    row.set("PRICE", core::format_ars(item.price));
    row.set("QUANTITY", item.quantity);
    row.set("SUBTOTAL", core::format_ars(item.subtotal));
  }
  return web::render(context, view);
}

http::Response admin_order_update_status(web::Context& context) {
  bool wants_json = context.wants_json();
  auto id = orders_view::order_id_param(context);
  if (!id) throw core::not_found("Pedido no encontrado.", "bad order id");
  std::string fallback = "/admin/pedidos/" + std::to_string(*id);

  // Validation (Laravel's English defaults, as the reference: only the keys matter to its tests).
  web::FieldErrors errors;
  auto to = orders::parse_status(context.input.value("status"));
  if (context.input.value("status").empty()) errors.add("status", "The status field is required.");
  else if (!to) errors.add("status", "The selected status is invalid.");
  std::string comment = core::trim(context.input.value("comment"));
  if (core::utf8_length(comment) > kMaxCommentCharacters)
    errors.add("comment", "The comment field must not be greater than 500 characters.");
  if (!errors.empty()) {
    if (wants_json) {
      core::JsonObject fields;
      for (const auto& [field, message] : errors.items()) fields.add_raw(field, "[" + core::json_string(message) + "]");
      return json(422, core::JsonObject().add("message", errors.items().front().second).add("errors", fields).str());
    }
    return context.back_with_errors(errors, {}, fallback);
  }

  using Outcome = orders::StatusChangeOutcome;
  // The status the admin was looking at, when the form sends it: a change made meanwhile is reported, not
  // silently applied on top (as the repairs form does).
  std::optional<orders::OrderStatus> expected;
  if (auto seen = context.input.value("current_status"); !seen.empty()) expected = orders::parse_status(seen);
  // One unit of work: status, stock returned on cancel, history and the audit entry commit together.
  auto change = db::write(context.services.database, [&](db::Tx& tx) {
    auto done = orders::change_order_status(tx, *id, *to, context.user->id, comment, expected);
    if (done.outcome == Outcome::kChanged)
      context.audit(tx, "admin.order.status_changed", "App\\Models\\Order", *id,
                    {{"from_status", std::string(orders::status_key(done.from))},
                     {"to_status", std::string(orders::status_key(done.to))},
                     {"comment", comment}});
    return done;
  });
  if (change.outcome == Outcome::kNotFound)
    throw core::not_found("Pedido no encontrado.", "order vanished during status change");

  std::string from_key(orders::status_key(change.from)), to_key(orders::status_key(change.to));

  if (wants_json) {
    const bool changed = change.outcome == Outcome::kChanged;
    const bool ok = changed || change.outcome == Outcome::kUnchanged;
    core::JsonObject body;
    body.add("ok", ok).add("changed", changed).add("message", change.message).add("order_id", *id);
    if (changed) body.add("from_status", from_key).add("to_status", to_key);
    body.add("status", changed ? to_key : from_key)
        .add("status_label", orders::status_label(changed ? change.to : change.from));
    if (changed) body.add_raw("wa", orders_view::whatsapp_json(context, *id));
    const int status = ok ? 200 : change.outcome == Outcome::kConflict ? 409 : 422;
    return json(status, body.str());
  }
  if (change.outcome == Outcome::kChanged || change.outcome == Outcome::kUnchanged) {
    context.flash_next("success", change.message);
    return http::Response::redirect(context.previous_url(fallback), 302);
  }
  // Someone else changed the order meanwhile: the 409 page says so (the form would show stale choices).
  if (change.outcome == Outcome::kConflict) throw core::conflict(change.message, "stale order status");
  web::FieldErrors refusal;
  refusal.add("status", change.message);
  return context.back_with_errors(refusal, {}, fallback);
}

}  // namespace routes
