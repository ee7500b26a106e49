// Mailing the operational digest (docs/domain/alerts.md): to OPS_DIGEST_RECIPIENTS (empty = every admin with an
// e-mail), through the queue (the run row and the mail jobs commit in one transaction: outbox), at most once per
// list of items.
//
//   outcome        when
//   ─────────────  ─────────────────────────────────────────────────────────────────────────────────────────────
//   kEmpty         nothing to report: no mail
//   kUnchanged     every item was already in the last mailed digest (same list, or only fewer items): no mail
//   kNoRecipients  OPS_DIGEST_RECIPIENTS empty and no admin has an e-mail: no mail (a warning is logged)
//   kQueued        a new item (or the first digest): one mail per recipient queued, the run recorded
//
// Concurrent runs are kept apart by the scheduler's once-per-cluster claim (src/infra/scheduler.hpp), not here.
// Blocking (SQL): worker threads and commands only. Throws on SQL errors.
#pragma once

#include <string>
#include <vector>

#include "domain/alerts/digest.hpp"
#include "domain/mail/message.hpp"

namespace core {
class Config;
}
namespace db {
class Database;
}

namespace alerts {

enum class DeliveryOutcome { kEmpty, kUnchanged, kNoRecipients, kQueued };

struct DeliveryResult {
  DeliveryOutcome outcome = DeliveryOutcome::kEmpty;
  std::size_t recipients = 0;
  std::string signature;
};

// The rules from the configuration (OPS_STALE_REPAIR_DAYS, STORE_LOW_STOCK_THRESHOLD).
DigestRules configured_rules(const core::Config& config);

std::vector<mail::Address> digest_recipients(db::Database& database, const core::Config& config);
// Every admin with an e-mail, oldest account first: the default recipients of the digest and the KPI report.
std::vector<mail::Address> admin_addresses(db::Database& database);

DeliveryResult deliver_digest(db::Database& database, const core::Config& config, const Digest& digest,
                              core::SystemTime now);

}  // namespace alerts
