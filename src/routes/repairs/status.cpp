// POST /admin/reparaciones/{repair}/estado: status change from the "Cambiar estado" form, the quick actions and
// the JSON variant (docs/domain/repairs.md "Status change", ui-contract.md "Admin repairs"). The form carries the
// status it was rendered with (`current_status`), so a change made meanwhile by someone else is reported ("recargá")
// instead of silently applied on top. The one nlohmann translation unit of this area.
#include <nlohmann/json.hpp>

#include "core/errors.hpp"
#include "core/strings.hpp"
#include "core/validation.hpp"
#include "db/unit_of_work.hpp"
#include "domain/repairs/repair_parts.hpp"
#include "domain/repairs/status_change.hpp"
#include "routes/repairs/handlers.hpp"
#include "routes/repairs/view_helpers.hpp"
#include "routes/repairs/whatsapp_link.hpp"
#include "web/context.hpp"
#include "web/render.hpp"

namespace routes {

namespace {
using repairs::StatusChangeOutcome;

http::Response json(int status, const nlohmann::json& body) { return http::Response::json(status, body.dump()); }

nlohmann::json refusal(const std::string& message, std::optional<repairs::RepairStatus> current) {
  nlohmann::json body = {{"ok", false}, {"changed", false}, {"message", message}};
  if (current) {
    body["status"] = std::string(repairs::status_key(*current));
    body["status_label"] = std::string(repairs::status_label(*current));
  }
  return body;
}
}  // namespace

http::Response admin_repairs_update_status(web::Context& context) {
  auto id = repairs_view::repair_id_param(context);
  bool wants_json = context.wants_json();
  if (!id) throw core::not_found(repairs::kRepairNotFoundMessage, "bad repair id");
  std::string detail = "/admin/reparaciones/" + std::to_string(*id);

  auto to = repairs::parse_status(core::trim(context.input.value("status")));
  std::string comment = core::trim(context.input.value("comment"));
  core::FieldErrors errors;
  if (!to) errors.add("status", "Elegí un estado válido.");
  if (core::exceeds_length(comment, 500)) errors.add("comment", "El comentario no puede superar 500 caracteres.");
  if (!errors.empty()) {
    if (wants_json) return json(422, refusal(errors.items().front().second, std::nullopt));
    return context.back_with_errors(errors, {}, detail);
  }

  auto expected = repairs::parse_status(context.input.value("current_status"));
  // Cancelling asks whether the parts taken from stock go back (the forms' "return_parts" box, checked by default).
  bool return_parts = context.input.value("return_parts") == "1";
  int parts_returned = 0;
  // One unit of work: the status, its history row and the audit entry commit together (or not at all).
  auto change = db::write(context.services.database, [&](db::Tx& tx) {
    auto done = repairs::change_repair_status(tx, *id, *to, context.user->id, comment, expected);
    if (done.outcome == StatusChangeOutcome::kChanged)
      context.audit(tx, "admin.repair.status_changed", "App\\Models\\Repair", *id,
                    {{"from_status", std::string(repairs::status_key(done.from))},
                     {"to_status", std::string(repairs::status_key(done.to))},
                     {"comment", comment}});
    if (done.outcome == StatusChangeOutcome::kChanged && done.to == repairs::RepairStatus::kCancelled && return_parts)
      parts_returned = repairs::return_all_parts(tx, *id, context.user->id);
    return done;
  });

  switch (change.outcome) {
    case StatusChangeOutcome::kNotFound:
      throw core::not_found(change.message, "repair not found for status change");
    case StatusChangeOutcome::kRefused:
    case StatusChangeOutcome::kConflict: {
      if (wants_json)
        return json(change.outcome == StatusChangeOutcome::kConflict ? 409 : 422, refusal(change.message, change.from));
      core::FieldErrors refused;
      refused.add("status", change.message);
      return context.back_with_errors(refused, {}, detail);
    }
    case StatusChangeOutcome::kUnchanged:
      if (wants_json)
        return json(200, {{"ok", true},
                          {"changed", false},
                          {"message", change.message},
                          {"status", std::string(repairs::status_key(change.from))},
                          {"status_label", std::string(repairs::status_label(change.from))}});
      context.flash_next("success", change.message);
      return http::Response::redirect(context.previous_url(detail), 303);
    case StatusChangeOutcome::kChanged:
      break;
  }

  std::string from_key(repairs::status_key(change.from)), to_key(repairs::status_key(change.to));
  auto wa = repairs_view::whatsapp_link(context, *id);
  if (wants_json) {
    nlohmann::json wa_json = {{"phone", nullptr}, {"message", wa.message}, {"url", nullptr}};
    if (wa.phone) wa_json["phone"] = *wa.phone;
    if (!wa.url.empty()) wa_json["url"] = wa.url;
    return json(200, {{"ok", true},
                      {"changed", true},
                      {"message", change.message},
                      {"from_status", from_key},
                      {"to_status", to_key},
                      {"status", to_key},
                      {"status_label", std::string(repairs::status_label(change.to))},
                      {"wa", wa_json}});
  }
  context.flash_next("success", parts_returned > 0 ? change.message + " Los repuestos volvieron al stock."
                                                   : change.message);
  if (!wa.url.empty()) context.flash_next("wa_after", wa.url);
  return http::Response::redirect(detail, 303);
}

}  // namespace routes
