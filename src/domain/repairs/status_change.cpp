// Repair status change in the caller's transaction, guarded by the current status (see status_change.hpp).
#include "domain/repairs/status_change.hpp"

#include "core/clock.hpp"
#include "db/unit_of_work.hpp"
#include "domain/repairs/status_counts.hpp"

namespace repairs {

namespace {
constexpr const char* kSelectStatus = "SELECT status FROM repairs WHERE id = :id";
// Guarded by the status read above: when another request changed it meanwhile, no row matches.
constexpr const char* kUpdateStatus =
    "UPDATE repairs SET status = :to, updated_at = :now, "
    "delivered_at = CASE WHEN :delivering = 1 AND delivered_at IS NULL THEN :now2 ELSE delivered_at END "
    "WHERE id = :id AND status = :from";
constexpr const char* kInsertHistory =
    "INSERT INTO repair_status_histories (repair_id, from_status, to_status, changed_by, changed_at, comment) "
    "VALUES (:repair_id, :from_status, :to_status, :changed_by, :changed_at, :comment)";
}  // namespace

std::string transition_refusal_message(RepairStatus from) {
  if (is_final(from))
    return "Una reparación en estado " + std::string(status_label(from)) + " no puede cambiar de estado.";
  std::string message = "Cambio de estado inválido. Desde " + std::string(status_label(from)) + " solo podés pasar a: ";
  bool first = true;
  for (auto to : allowed_transitions(from)) {
    if (!first) message += ", ";
    message += status_label(to);
    first = false;
  }
  return message + ".";
}

StatusChange change_repair_status(db::Tx& tx, long long repair_id, RepairStatus to, std::optional<long long> changed_by,
                                  const std::string& comment, std::optional<RepairStatus> expected_from) {
  soci::session* sql = &tx.sql();

  std::string current_key;
  soci::indicator current_ind = soci::i_null;
  *sql << kSelectStatus, soci::use(repair_id), soci::into(current_key, current_ind);
  if (!sql->got_data() || current_ind != soci::i_ok)
    return {StatusChangeOutcome::kNotFound, to, to, kRepairNotFoundMessage};

  // An unknown stored key (data from elsewhere) is treated like a final state: nothing may leave it here.
  auto parsed = parse_status(current_key);
  RepairStatus from = parsed.value_or(RepairStatus::kCancelled);
  // Already there (a double submit, or two people doing the same thing): nothing to do, nothing to report.
  if (parsed && from == to) return {StatusChangeOutcome::kUnchanged, from, to, kStatusUnchangedMessage};
  if (expected_from && (!parsed || *expected_from != from))
    return {StatusChangeOutcome::kConflict, from, to, kStatusConflictMessage};
  if (!parsed || !can_transition(from, to))
    return {StatusChangeOutcome::kRefused, from, to, transition_refusal_message(from)};

  std::string now = core::utc_now_sql();
  std::string to_key(status_key(to));
  int delivering = to == RepairStatus::kDelivered ? 1 : 0;
  soci::statement update = (sql->prepare << kUpdateStatus, soci::use(to_key), soci::use(now), soci::use(delivering),
                            soci::use(now), soci::use(repair_id), soci::use(current_key));
  update.execute(true);
  if (update.get_affected_rows() != 1) return {StatusChangeOutcome::kConflict, from, to, kStatusConflictMessage};
  note_status_counts_changed_after_commit(*sql);

  long long changed_by_value = changed_by.value_or(0);
  soci::indicator changed_by_ind = changed_by ? soci::i_ok : soci::i_null;
  std::string comment_value = comment;
  soci::indicator comment_ind = comment.empty() ? soci::i_null : soci::i_ok;
  *sql << kInsertHistory, soci::use(repair_id), soci::use(current_key), soci::use(to_key),
      soci::use(changed_by_value, changed_by_ind), soci::use(now), soci::use(comment_value, comment_ind);
  return {StatusChangeOutcome::kChanged, from, to, kStatusChangedMessage};
}

}  // namespace repairs
