// Repair statuses and the status machine (docs/domain/repairs.md "Statuses", "Status machine").
//
//   received ─> diagnosing ─> waiting_approval ─> repairing ─> ready_pickup ─> delivered (final)
//      │  any forward step may be skipped (e.g. received ─> repairing), except into delivered
//      └──────────── every non-final state ─────────────────────────────────> cancelled (final)
//
//   from              │ allowed to
//   ──────────────────┼─────────────────────────────────────────────────────────────────
//   received          │ diagnosing, waiting_approval, repairing, ready_pickup, cancelled
//   diagnosing        │ waiting_approval, repairing, ready_pickup, cancelled
//   waiting_approval  │ repairing, ready_pickup, cancelled
//   repairing         │ ready_pickup, cancelled
//   ready_pickup      │ delivered, cancelled
//   delivered         │ — (final)
//   cancelled         │ — (final)
//
// No going back; a status never "transitions" to itself; only ready_pickup reaches delivered.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace repairs {

enum class RepairStatus {
  kReceived,
  kDiagnosing,
  kWaitingApproval,
  kRepairing,
  kReadyPickup,
  kDelivered,
  kCancelled,
};

// Every status in workflow order (the order the admin select and counters use).
inline constexpr std::array<RepairStatus, 7> kAllRepairStatuses = {
    RepairStatus::kReceived,    RepairStatus::kDiagnosing, RepairStatus::kWaitingApproval, RepairStatus::kRepairing,
    RepairStatus::kReadyPickup, RepairStatus::kDelivered,  RepairStatus::kCancelled};

// Storage key ("waiting_approval").
std::string_view status_key(RepairStatus status);
// Spanish label ("Esperando aprobación").
std::string_view status_label(RepairStatus status);
// Parses a storage key exactly (no trimming, case-sensitive); nullopt for anything else.
std::optional<RepairStatus> parse_status(std::string_view key);

// True when the status machine allows `from` → `to` (same status → false).
bool can_transition(RepairStatus from, RepairStatus to);
// The statuses reachable from `from`, in workflow order (empty for final states).
std::vector<RepairStatus> allowed_transitions(RepairStatus from);
// delivered and cancelled.
bool is_final(RepairStatus status);

}  // namespace repairs
