// Repair statuses and transitions (see status.hpp for the table).
#include "domain/repairs/status.hpp"

namespace repairs {

namespace {
struct StatusInfo {
  RepairStatus status;
  std::string_view key;
  std::string_view label;
};

constexpr std::array<StatusInfo, 7> kStatusInfo = {{
    {RepairStatus::kReceived, "received", "Recibido"},
    {RepairStatus::kDiagnosing, "diagnosing", "Diagnosticando"},
    {RepairStatus::kWaitingApproval, "waiting_approval", "Esperando aprobación"},
    {RepairStatus::kRepairing, "repairing", "En reparación"},
    {RepairStatus::kReadyPickup, "ready_pickup", "Listo para retirar"},
    {RepairStatus::kDelivered, "delivered", "Entregado"},
    {RepairStatus::kCancelled, "cancelled", "Cancelado"},
}};

const StatusInfo& info(RepairStatus status) {
  for (const auto& entry : kStatusInfo)
    if (entry.status == status) return entry;
  return kStatusInfo.front();  // unreachable: every enumerator is in the table
}
}  // namespace

std::string_view status_key(RepairStatus status) { return info(status).key; }

std::string_view status_label(RepairStatus status) { return info(status).label; }

std::optional<RepairStatus> parse_status(std::string_view key) {
  for (const auto& entry : kStatusInfo)
    if (entry.key == key) return entry.status;
  return std::nullopt;
}

bool can_transition(RepairStatus from, RepairStatus to) {
  using S = RepairStatus;
  switch (from) {
    case S::kReceived:
      return to == S::kDiagnosing || to == S::kWaitingApproval || to == S::kRepairing || to == S::kReadyPickup ||
             to == S::kCancelled;
    case S::kDiagnosing:
      return to == S::kWaitingApproval || to == S::kRepairing || to == S::kReadyPickup || to == S::kCancelled;
    case S::kWaitingApproval:
      return to == S::kRepairing || to == S::kReadyPickup || to == S::kCancelled;
    case S::kRepairing:
      return to == S::kReadyPickup || to == S::kCancelled;
    case S::kReadyPickup:
      return to == S::kDelivered || to == S::kCancelled;
    case S::kDelivered:
    case S::kCancelled:
      return false;
  }
  return false;
}

std::vector<RepairStatus> allowed_transitions(RepairStatus from) {
  std::vector<RepairStatus> result;
  for (auto to : kAllRepairStatuses)
    if (can_transition(from, to)) result.push_back(to);
  return result;
}

bool is_final(RepairStatus status) { return status == RepairStatus::kDelivered || status == RepairStatus::kCancelled; }

}  // namespace repairs
