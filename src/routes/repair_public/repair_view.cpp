// Shared pieces of the customer-facing repair pages (see repair_view.hpp).
#include "routes/repair_public/repair_view.hpp"

#include <array>
#include <string>

#include "core/clock.hpp"
#include "core/strings.hpp"

namespace routes {

using repairs::RepairStatus;

namespace {
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
}  // namespace

std::string_view lookup_status_hint(RepairStatus status) {
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

std::string_view customer_status_hint(RepairStatus status) {
  switch (status) {
    case RepairStatus::kReceived: return "Recibimos tu equipo. En breve empezamos el diagnóstico.";
    case RepairStatus::kDiagnosing: return "Estamos diagnosticando el problema.";
    case RepairStatus::kWaitingApproval: return "Estamos esperando tu aprobación para continuar.";
    case RepairStatus::kRepairing: return "Estamos realizando la reparación.";
    case RepairStatus::kReadyPickup: return "¡Listo! Podés pasar a retirarlo por el local.";
    case RepairStatus::kDelivered: return "Entregado. ¡Gracias!";
    case RepairStatus::kCancelled: return "Esta reparación fue cancelada.";
  }
  return "";
}

std::string_view status_badge_class(RepairStatus status) {
  switch (status) {
    case RepairStatus::kReceived: return "badge-sky";
    case RepairStatus::kDiagnosing: return "badge-indigo";
    case RepairStatus::kWaitingApproval: return "badge-amber";
    case RepairStatus::kRepairing: return "badge-indigo";
    case RepairStatus::kReadyPickup: return "badge-emerald";
    case RepairStatus::kDelivered: return "badge-zinc";
    case RepairStatus::kCancelled: return "badge-rose";
  }
  return "badge-zinc";
}

namespace {
// The stepper's items with step `current` as the current one (pages/repairs/stepper_steps.tpl). Steps before it
// are done (a skipped step still counts as passed).
std::string expand_steps(const web::TemplateEngine& templates, std::size_t current) {
  web::View steps("pages/repairs/stepper_steps.tpl", "");
  auto dict = steps.dict();
  for (std::size_t i = 0; i < kSteps.size(); ++i) {
    auto step = dict.add("STEP");
    step.set("NAME", kSteps[i].name);
    if (i < current) step.show("DONE");
    if (i == current) step.show("CURRENT");
  }
  return core::trim(templates.expand(steps.template_name(), steps.raw()));  // the file's line breaks are not markup
}

// Every repair in one status shows the same items, so each step's are expanded once per process (the templates
// are loaded once per process too) and pasted as they are: seven section dictionaries on every page were ~4 % of
// a repair lookup's CPU.
const std::string& steps_markup(const web::TemplateEngine& templates, std::size_t current) {
  static const auto all = [&templates] {
    std::array<std::string, kSteps.size()> markup;
    for (std::size_t i = 0; i < kSteps.size(); ++i) markup[i] = expand_steps(templates, i);
    return markup;
  }();
  return all[current];
}
}  // namespace

void add_stepper(web::Dict dict, const web::TemplateEngine& templates, RepairStatus status) {
  if (status == RepairStatus::kCancelled) return;
  std::size_t current = 0;
  for (std::size_t i = 0; i < kSteps.size(); ++i)
    if (kSteps[i].status == status) current = i;
  dict.add("STEPPER").set("STEPS", steps_markup(templates, current));
}

void fill_lookup_result(web::Dict dict, const web::TemplateEngine& templates, const repairs::PublicRepairStatus& repair) {
  std::string device = repair.device_brand;
  if (!repair.device_model.empty()) device += (device.empty() ? "" : " ") + repair.device_model;
  dict.set("DEVICE", device);
  dict.set("CODE", repair.code);
  dict.set("STATUS_KEY", repair.status_key);
  if (!repair.updated_at.empty()) dict.add("UPDATED").set("UPDATED_AT", core::format_local(repair.updated_at));
  if (repair.status) {
    dict.set("STATUS_LABEL", repairs::status_label(*repair.status));
    dict.set("STATUS_HINT", lookup_status_hint(*repair.status));
    dict.set("BADGE_CLASS", status_badge_class(*repair.status));
    add_stepper(dict, templates, *repair.status);
  } else {
    // A status this version does not know: show the stored key rather than guess.
    dict.set("STATUS_LABEL", repair.status_key);
    dict.set("STATUS_HINT", repair.status_key);
    dict.set("BADGE_CLASS", "badge-zinc");
  }
  dict.set("ISSUE_REPORTED", repair.issue_reported);
  if (!repair.diagnosis.empty()) dict.add("DIAGNOSIS").set("TEXT", repair.diagnosis);
}

}  // namespace routes
