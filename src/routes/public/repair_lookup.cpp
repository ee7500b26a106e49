// Public repair lookup: GET /reparacion (form) and POST /reparacion (result), spec/domain.md §2.5 and
// spec/ui-contract.md §11. POST is throttled per client IP (`repair-lookup`, RATE_LIMIT_REPAIR_LOOKUP_PER_MINUTE);
// past the limit the Spanish 429 page with Retry-After.
#include <array>
#include <string>

#include "core/clock.hpp"
#include "core/config.hpp"
#include "domain/repairs/repair_lookup.hpp"
#include "infra/rate_limiter.hpp"
#include "routes/handlers.hpp"
#include "web/context.hpp"
#include "web/render.hpp"

namespace routes {

namespace {
using repairs::RepairStatus;

std::string_view status_hint(RepairStatus status) {
  switch (status) {
    case RepairStatus::kReceived: return "Recibido en el taller.";
    case RepairStatus::kDiagnosing: return "Estamos diagnosticando.";
    case RepairStatus::kWaitingApproval: return "Esperando tu aprobación.";
    case RepairStatus::kRepairing: return "Reparación en curso.";
    case RepairStatus::kReadyPickup: return "¡Listo para retirar!";
    case RepairStatus::kDelivered: return "Entregado.";
    case RepairStatus::kCancelled: return "Cancelado.";
  }
  return "";
}

std::string_view status_badge(RepairStatus status) {
  switch (status) {
    case RepairStatus::kReceived: return "badge-zinc";
    case RepairStatus::kDiagnosing: return "badge-sky";
    case RepairStatus::kWaitingApproval: return "badge-amber";
    case RepairStatus::kRepairing: return "badge-indigo";
    case RepairStatus::kReadyPickup: return "badge-emerald";
    case RepairStatus::kDelivered: return "badge-emerald";
    case RepairStatus::kCancelled: return "badge-rose";
  }
  return "badge-zinc";
}

struct Step {
  RepairStatus status;
  const char* name;
};
constexpr std::array<Step, 6> kSteps = {{{RepairStatus::kReceived, "Recibido"},
                                         {RepairStatus::kDiagnosing, "Diagnóstico"},
                                         {RepairStatus::kWaitingApproval, "Aprobación"},
                                         {RepairStatus::kRepairing, "Reparando"},
                                         {RepairStatus::kReadyPickup, "Listo"},
                                         {RepairStatus::kDelivered, "Entregado"}}};

void fill_result(web::Dict dict, const repairs::PublicRepairStatus& repair) {
  std::string device = repair.device_brand;
  if (!repair.device_model.empty()) device += (device.empty() ? "" : " ") + repair.device_model;
  dict.set("DEVICE", device);
  dict.set("CODE", repair.code);
  dict.set("STATUS_KEY", repair.status_key);
  if (!repair.updated_at.empty()) dict.add("UPDATED").set("UPDATED_AT", core::format_local(repair.updated_at));
  if (repair.status) {
    dict.set("STATUS_LABEL", repairs::status_label(*repair.status));
    dict.set("STATUS_HINT", status_hint(*repair.status));
    dict.set("BADGE_CLASS", status_badge(*repair.status));
    if (*repair.status != RepairStatus::kCancelled) {
      auto stepper = dict.add("STEPPER");
      // Steps before the current one are done (a skipped step still counts as passed).
      std::size_t current = 0;
      for (std::size_t i = 0; i < kSteps.size(); ++i)
        if (kSteps[i].status == *repair.status) current = i;
      for (std::size_t i = 0; i < kSteps.size(); ++i) {
        auto step = stepper.add("STEP");
        step.set("NAME", kSteps[i].name);
        if (i < current) step.show("DONE");
        if (i == current) step.show("CURRENT");
      }
    }
  } else {
    // A status this version does not know: show the stored key rather than guess.
    dict.set("STATUS_LABEL", repair.status_key);
    dict.set("STATUS_HINT", repair.status_key);
    dict.set("BADGE_CLASS", "badge-zinc");
  }
  dict.set("ISSUE_REPORTED", repair.issue_reported);
  if (!repair.diagnosis.empty()) dict.add("DIAGNOSIS").set("TEXT", repair.diagnosis);
}
}  // namespace

http::Response show_repair_lookup(web::Context& context) {
  web::View view("pages/repairs/lookup.tpl", "Consultar reparación");
  auto dict = view.dict();
  dict.set("OLD_CODE", context.old("code"));
  dict.set("OLD_PHONE", context.old("phone"));
  dict.show_if(context.errors.has("code"), "ERROR_CODE");
  dict.show_if(context.errors.has("phone"), "ERROR_PHONE");
  dict.show_if(context.user.has_value(), "LOGGED_IN");
  return web::render(context, view);
}

http::Response repair_lookup(web::Context& context) {
  int per_minute = static_cast<int>(context.services.config.integer("RATE_LIMIT_REPAIR_LOOKUP_PER_MINUTE"));
  auto hit = context.services.limiter.hit("repair-lookup", context.client_ip, per_minute);
  if (!hit.allowed) {
    auto response = web::error_page(context.services, &context, 429);
    response.set_header("Retry-After", std::to_string(hit.retry_after_seconds));
    return response;
  }

  repairs::RepairLookupRepository repository(context.services.database);
  auto result = repairs::lookup_repair(repository, context.input.value("code"), context.input.value("phone"));
  if (!result.found()) return context.back_with_errors(result.errors, {}, "/reparacion");

  web::View view("pages/repairs/lookup_result.tpl", "Resultado reparación");
  auto dict = view.dict();
  fill_result(dict.add("REPAIR"), *result.repair);
  dict.show_if(context.user.has_value(), "LOGGED_IN");
  return web::render(context, view);
}

}  // namespace routes
