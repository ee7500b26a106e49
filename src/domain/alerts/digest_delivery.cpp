// Recipients, de-duplication against the last mailed digest and queueing (see digest_delivery.hpp).
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

// The keys of the last mailed digest (empty set when none was ever mailed).
std::set<std::string> last_mailed_keys(db::Database& database) {
  std::string keys;
  soci::indicator indicator = soci::i_null;
  auto sql = database.lease();
  *sql << "SELECT item_keys FROM ops_digest_runs ORDER BY id DESC LIMIT 1", soci::into(keys, indicator);
  std::set<std::string> result;
  if (!sql->got_data() || indicator == soci::i_null) return result;
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
  if (digest.empty()) {
    result.outcome = DeliveryOutcome::kEmpty;
    return result;
  }
  auto previous = last_mailed_keys(database);
  bool news = false;
  for (const auto& item : items) news = news || !previous.count(item.key());
  if (!news) {
    result.outcome = DeliveryOutcome::kUnchanged;
    return result;
  }
  auto recipients = digest_recipients(database, config);
  if (recipients.empty()) {
    core::log::warning("Operational digest not mailed: no OPS_DIGEST_RECIPIENTS and no admin with an e-mail");
    result.outcome = DeliveryOutcome::kNoRecipients;
    return result;
  }
  DigestMailContext context{mail::shop_name(database, config), app_url(config),
                            core::format_local(core::to_sql_utc(now), "%d/%m/%Y")};
  std::string keys, recipient_list;
  for (const auto& item : items) keys += item.key() + "\n";
  for (const auto& to : recipients) recipient_list += (recipient_list.empty() ? "" : ",") + to.email;
  std::string created_at = core::to_sql_utc(now), signature_text = result.signature;
  long long count = static_cast<long long>(items.size());
  db::write(database, [&](db::Tx& tx) {
    tx.sql() << "INSERT INTO ops_digest_runs (signature, item_keys, item_count, recipients, created_at) "
                "VALUES (:s, :k, :n, :r, :c)",
        soci::use(signature_text), soci::use(keys), soci::use(count), soci::use(recipient_list), soci::use(created_at);
    for (const auto& to : recipients) queue_prepared_mail(tx, config, digest_message(digest, context, to));
  });
  result.outcome = DeliveryOutcome::kQueued;
  result.recipients = recipients.size();
  return result;
}

}  // namespace alerts
