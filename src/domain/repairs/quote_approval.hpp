// Quote approval by signed link (docs/domain/repairs.md): while a repair waits for approval the shop sends
//   /reparacion/{id}/presupuesto?expires=…&signature=…            (page, valid 7 days)
// and the page posts to the same path + "/aprobar" or "/rechazar", signed with the SAME expiry, so the decision
// forms die with the link. Signatures: HMAC-SHA256 under APP_KEY over path + expiry (core/signed_link.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/repairs/status.hpp"

namespace db {
class Database;
class Tx;
}

namespace repairs {

inline constexpr std::int64_t kQuoteApprovalLifetimeSeconds = 7LL * 24 * 3600;

enum class QuoteAction { kShow, kApprove, kReject };

// "/reparacion/12/presupuesto", ".../aprobar", ".../rechazar" (unsigned).
std::string quote_approval_path(long long repair_id, QuoteAction action = QuoteAction::kShow);

// Relative signed path with an explicit expiry (unix seconds): the page's form actions and the redirect after a
// decision keep the expiry of the link the customer opened.
std::string signed_quote_path(const std::string& app_key, long long repair_id, QuoteAction action,
                              std::int64_t expires_unix);

// Absolute signed link to the quote page, valid 7 days from now (the admin page and {approval_url}).
// `base_url` is APP_URL (trailing "/" ignored); `app_key` the raw key (web::Services::app_key).
std::string quote_approval_url(const std::string& base_url, const std::string& app_key, long long repair_id);
// Same with an explicit expiry; tests build expired links with it.
std::string quote_approval_url(const std::string& base_url, const std::string& app_key, long long repair_id,
                               std::int64_t expires_unix);

// ── The page and the decision (blocking, SQL) ──────────────────────────────────────────────────────────────
inline constexpr const char* kQuoteApprovedComment = "Cliente aprobó el presupuesto desde enlace público.";
inline constexpr const char* kQuoteRejectedComment = "Cliente rechazó el presupuesto desde enlace público.";
inline constexpr const char* kQuoteApprovedMessage = "Presupuesto aprobado. Empezamos con la reparación.";
inline constexpr const char* kQuoteRejectedMessage = "Presupuesto rechazado. La reparación quedó cancelada.";
inline constexpr const char* kQuoteNotWaitingMessage = "Esta reparación ya no está esperando aprobación.";

// The customer's last decision through the link (history rows leaving waiting_approval with no user).
struct CustomerQuoteDecision {
  bool approved = false;
  std::string decided_at;  // UTC SQL timestamp
};

// What the quote page shows (the link holder is the customer: name and price are theirs to see).
struct QuoteView {
  long long id = 0;
  std::string code;
  std::string status_key;
  std::optional<RepairStatus> status;
  std::string customer_name;
  std::string device;                          // "brand model", trimmed
  std::string issue_reported;
  std::string diagnosis;
  std::optional<long long> final_price_cents;  // nullopt → "A confirmar"
  std::optional<CustomerQuoteDecision> decision;
};

std::optional<QuoteView> read_quote(db::Database& database, long long repair_id);

enum class QuoteDecisionOutcome { kDecided, kNotWaiting, kNotFound };

struct QuoteDecision {
  QuoteDecisionOutcome outcome = QuoteDecisionOutcome::kNotFound;
  RepairStatus to = RepairStatus::kRepairing;  // repairing (approve) or cancelled (reject)
  std::string comment;                         // the history comment (also the audit metadata)
  std::string message;                         // Spanish flash for the customer
};

// Approve (→ repairing) or reject (→ cancelled) through repairs::change_repair_status with changed_by null and
// expected_from waiting_approval: only a repair still waiting changes, exactly once even if both buttons are
// pressed at once (the UPDATE is guarded by the current status); anything else is kNotWaiting and writes
// nothing. Runs in the caller's transaction; the handler appends the audit entry to it.
QuoteDecision decide_quote(db::Tx& tx, long long repair_id, bool approve);

}  // namespace repairs
