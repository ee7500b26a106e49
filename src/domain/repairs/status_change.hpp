// One repair status change (docs/domain/repairs.md "Status change"), the single write path every caller uses: the admin
// status form and quick actions, the JSON variant, and the customer's signed quote approval.
//
//   read repair ──> not found ──────────────────────────────> kNotFound
//        │ current == to ───────────────────────────────────> kUnchanged ("El estado ya era ese.")
//        │ expected_from given and ≠ current ───────────────> kConflict  (someone else changed it first)
//        │ !can_transition(current, to) ───────────────────> kRefused   (the Spanish refusal)
//        v
//   UPDATE repairs SET status=to … WHERE id=? AND status=current
//        │ 0 rows (a concurrent change won the race) ──────> kConflict, nothing written
//        v
//   INSERT repair_status_histories (from, to, changed_by, now, comment) ──> kChanged
//
// Entering delivered sets delivered_at (only when still empty: the warranty counts from the first delivery).
// Runs in the caller's transaction (the caller owns it: docs/ARCHITECTURE.md, "Transactions"), so the handler
// appends the audit entry — it knows the request's actor, IP and route — in that same transaction, and both
// commit together. Outcomes other than kChanged write nothing. Blocking (SQL): worker threads only. Throws
// soci::soci_error on database failures (the caller's transaction then rolls back).
#pragma once

#include <optional>
#include <string>

#include "domain/repairs/status.hpp"

namespace db {
class Tx;
}

namespace repairs {

enum class StatusChangeOutcome { kChanged, kUnchanged, kRefused, kConflict, kNotFound };

struct StatusChange {
  StatusChangeOutcome outcome;
  RepairStatus from;     // the status the repair had (for kNotFound: `to`)
  RepairStatus to;       // the status asked for
  std::string message;   // Spanish, ready for a flash or a JSON "message"
};

inline constexpr const char* kStatusChangedMessage = "Estado actualizado.";
inline constexpr const char* kStatusUnchangedMessage = "El estado ya era ese.";
inline constexpr const char* kStatusConflictMessage =
    "La reparación cambió mientras la editabas. Recargá la página e intentá de nuevo.";
inline constexpr const char* kRepairNotFoundMessage = "No encontramos esa reparación.";

// "Una reparación en estado Entregado no puede cambiar de estado." for final states, else
// "Cambio de estado inválido. Desde Recibido solo podés pasar a: Diagnosticando, …, Cancelado."
std::string transition_refusal_message(RepairStatus from);

// See the diagram above. `changed_by` null = the customer (signed link). An empty comment is stored as NULL.
StatusChange change_repair_status(db::Tx& tx, long long repair_id, RepairStatus to, std::optional<long long> changed_by,
                                  const std::string& comment, std::optional<RepairStatus> expected_from = std::nullopt);

}  // namespace repairs
