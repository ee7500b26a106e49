// Recipients, de-duplication against the previous run and queueing (see digest_delivery.hpp).
#include "domain/alerts/digest_delivery.hpp"

#include <set>

#include "core/config.hpp"
#include "core/log.hpp"
#include "core/strings.hpp"
#include "db/database.hpp"
#include "db/row_values.hpp"
#include "db/unit_of_work.hpp"
#include "domain/alerts/digest_mail.hpp"
#include "domain/alerts/prepared_mail.hpp"
#include "domain/mail/templated_mail.hpp"

namespace alerts {

namespace {

std::string app_url(const core::Config& config) {
  std::string url = config.str("APP_URL");
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

// The keys of the last digest computed with --send (mailed or not; empty set when none): an item is news when the
// previous run did not list it, so one that cleared and came back is mailed again. Read with a lock on that row, in
// the transaction that records this run (SQLite: the write lock; the scheduler itself claims once per cluster).
std::set<std::string> previous_run_keys(db::Tx& tx) {
  std::string keys;
  soci::indicator indicator = soci::i_null;
  tx.sql() << std::string("SELECT item_keys FROM ops_digest_runs ORDER BY id DESC LIMIT 1") +
                  db::for_update(tx.dialect()),
      soci::into(keys, indicator);
  std::set<std::string> result;
  if (!tx.sql().got_data() || indicator == soci::i_null) return result;
  for (const auto& line : core::split_csv(keys, '\n'))
    if (!line.empty()) result.insert(line);
  return result;
}

}  // namespace

DigestRules configured_rules(const core::Config& config) {
  DigestRules rules;
  rules.stale_repair_days = static_cast<int>(config.integer("OPS_STALE_REPAIR_DAYS"));
  rules.low_stock_threshold = static_cast<int>(config.integer("STORE_LOW_STOCK_THRESHOLD"));
  return rules;
}

std::vector<mail::Address> digest_recipients(db::Database& database, const core::Config& config) {
  std::vector<mail::Address> recipients;
  for (const auto& email : config.list("OPS_DIGEST_RECIPIENTS"))
    if (!core::trim(email).empty()) recipients.push_back({core::trim(email), ""});
  if (!recipients.empty()) return recipients;
  return admin_addresses(database);
}

std::vector<mail::Address> admin_addresses(db::Database& database) {
  std::vector<mail::Address> recipients;
  auto sql = database.lease();
  soci::rowset<soci::row> rows =
      (sql->prepare << "SELECT email, name FROM users WHERE role = 'admin' AND email IS NOT NULL AND email <> '' "
                       "ORDER BY id");
  for (const auto& row : rows) recipients.push_back({db::row_str(row, 0), db::row_str(row, 1)});
  return recipients;
}

DeliveryResult deliver_digest(db::Database& database, const core::Config& config, const Digest& digest,
                              core::SystemTime now) {
  DeliveryResult result;
  auto items = digest.items();
  result.signature = signature(items);
  auto recipients = digest.empty() ? std::vector<mail::Address>{} : digest_recipients(database, config);
  DigestMailContext context{mail::shop_name(database, config), app_url(config),
                            core::format_local(core::to_sql_utc(now), "%d/%m/%Y")};
  std::string keys, recipient_list;
  for (const auto& item : items) keys += item.key() + "\n";
  for (const auto& to : recipients) recipient_list += (recipient_list.empty() ? "" : ",") + to.email;
  std::string created_at = core::to_sql_utc(now), signature_text = result.signature;
  long long count = static_cast<long long>(items.size());
  db::write(database, [&](db::Tx& tx) {
    auto previous = previous_run_keys(tx);
    bool news = false;
    for (const auto& item : items) news = news || !previous.count(item.key());
    if (digest.empty()) result.outcome = DeliveryOutcome::kEmpty;
    else if (!news) result.outcome = DeliveryOutcome::kUnchanged;
    else if (recipients.empty()) result.outcome = DeliveryOutcome::kNoRecipients;
    else result.outcome = DeliveryOutcome::kQueued;
    // Nobody to mail: nothing recorded, so once someone is configured these items are still news.
    if (result.outcome == DeliveryOutcome::kNoRecipients) return;
    // Every other run is recorded (recipients "" when nothing was mailed): the next one compares with what was true
    // now, so an item that cleared (or an empty day) and came back is news again.
    bool mailing = result.outcome == DeliveryOutcome::kQueued;
    std::string mailed_to = mailing ? recipient_list : std::string();
    tx.sql() << "INSERT INTO ops_digest_runs (signature, item_keys, item_count, recipients, created_at) "
                "VALUES (:s, :k, :n, :r, :c)",
        soci::use(signature_text), soci::use(keys), soci::use(count), soci::use(mailed_to), soci::use(created_at);
    if (mailing)
      for (const auto& to : recipients) queue_prepared_mail(tx, config, digest_message(digest, context, to));
  });
  if (result.outcome == DeliveryOutcome::kNoRecipients)
    core::log::warning("Operational digest not mailed: no OPS_DIGEST_RECIPIENTS and no admin with an e-mail");
  if (result.outcome == DeliveryOutcome::kQueued) result.recipients = recipients.size();
  return result;
}

}  // namespace alerts
