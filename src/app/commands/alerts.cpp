// ops:digest [--send] [--json]: the operational digest (src/domain/alerts/digest.hpp) printed, or mailed to
// OPS_DIGEST_RECIPIENTS through the queue (de-duplicated, skipped when empty; digest_delivery.hpp). The scheduler
// runs `ops:digest --send` daily at OPS_DIGEST_TIME, once per cluster (src/app/commands/schedule.cpp).
// reports:kpi [--range=7|30|90] [--send] [--to=a@x,b@y] [--scheduled]: the KPI report (kpi_report.hpp) printed, or
// mailed with its CSV; --scheduled (the scheduler's weekly task) takes range and recipients from
// /admin/configuracion/reportes.
#include <chrono>
#include <iostream>
#include <optional>
#include <string>

#include "app/application.hpp"
#include "app/command.hpp"
#include "core/json.hpp"
#include "core/strings.hpp"
#include "db/database.hpp"
#include "domain/alerts/digest.hpp"
#include "domain/alerts/digest_delivery.hpp"
#include "domain/alerts/digest_mail.hpp"
#include "domain/alerts/kpi_delivery.hpp"
#include "domain/alerts/kpi_mail.hpp"
#include "domain/alerts/kpi_report.hpp"
#include "core/validation.hpp"

namespace app {

namespace {

std::string digest_json(const alerts::Digest& digest, const std::string& signature) {
  std::string sections = "[";
  for (const auto& section : digest.sections) {
    std::string items = "[";
    for (const auto& item : section.items) {
      if (items.size() > 1) items += ",";
      items += core::JsonObject()
                   .add("key", item.key())
                   .add("id", static_cast<long long>(item.id))
                   .add("title", item.title)
                   .add("detail", item.detail)
                   .add("path", item.path)
                   .add("since", item.since)
                   .str();
    }
    if (sections.size() > 1) sections += ",";
    sections += core::JsonObject()
                    .add("kind", section.kind)
                    .add("heading", section.heading)
                    .add_raw("items", items + "]")
                    .str();
  }
  return core::JsonObject()
      .add("total", static_cast<long long>(digest.total))
      .add("signature", signature)
      .add_raw("sections", sections + "]")
      .str();
}

const char* outcome_text(alerts::DeliveryOutcome outcome) {
  switch (outcome) {
    case alerts::DeliveryOutcome::kEmpty: return "Nothing to report: no digest mailed.";
    case alerts::DeliveryOutcome::kUnchanged: return "No new items since the last digest mailed: not sent again.";
    case alerts::DeliveryOutcome::kNoRecipients:
      return "No recipients (OPS_DIGEST_RECIPIENTS is empty and no admin has an e-mail): not sent.";
    case alerts::DeliveryOutcome::kQueued: return "Digest queued for";
  }
  return "";
}

int ops_digest(const CommandEnvironment& environment, const CommandInput& input) {
  auto config = bootstrap(environment);
  auto database = open_database(config, 2);
  auto now = std::chrono::system_clock::now();
  auto digest = alerts::compute_digest(*database, alerts::configured_rules(config), now);
  std::string url = config.str("APP_URL");
  while (!url.empty() && url.back() == '/') url.pop_back();
  if (input.flag("json")) {
    std::cout << digest_json(digest, alerts::signature(digest.items())) << std::endl;
  } else if (!environment.quiet || !input.flag("send")) {
    std::cout << "Operational digest: " << digest.total << " item(s)\n" << alerts::digest_text(digest, url);
  }
  if (!input.flag("send")) return 0;
  auto result = alerts::deliver_digest(*database, config, digest, now);
  if (input.flag("json")) return 0;
  if (result.outcome == alerts::DeliveryOutcome::kQueued)
    std::cout << outcome_text(result.outcome) << " " << result.recipients << " recipient(s)." << std::endl;
  else
    std::cout << outcome_text(result.outcome) << std::endl;
  return 0;
}

int reports_kpi(const CommandEnvironment& environment, const CommandInput& input) {
  std::optional<int> range;
  if (auto text = input.option("range")) {
    range = alerts::parse_kpi_range(*text);
    if (!range) {
      std::cerr << "nico reports:kpi: --range must be 7, 30 or 90, got \"" << *text << "\"\n";
      return 2;
    }
  }
  std::vector<std::string> to;
  if (auto text = input.option("to")) {
    for (const auto& part : core::split_csv(*text, ','))
      if (!core::trim(part).empty()) to.push_back(core::trim(part));
    for (const auto& email : to) {
      if (!core::is_valid_email(email)) {
        std::cerr << "nico reports:kpi: --to must be e-mail addresses separated by commas, got \"" << email << "\"\n";
        return 2;
      }
    }
  }
  bool scheduled = input.flag("scheduled");
  auto config = bootstrap(environment);
  auto database = open_database(config, 2);
  auto now = std::chrono::system_clock::now();
  if (scheduled && !range) range = alerts::load_kpi_schedule(*database).range_days;
  int days = range.value_or(7);
  if (!input.flag("send") && !scheduled) {
    auto report = alerts::compute_kpi_report(*database, days, now);
    std::cout << alerts::kpi_text(report);
    return 0;
  }
  try {
    auto run = alerts::send_kpi_report(*database, config, days, to, scheduled ? "scheduled" : "command", now);
    if (run.outcome == "queued") {
      std::cout << "KPI report (" << days << " days) queued: " << run.detail << std::endl;
      return 0;
    }
    std::cout << "KPI report not sent: " << run.detail << std::endl;
    return 0;
  } catch (const std::exception& error) {
    std::cerr << "KPI report failed: " << error.what() << std::endl;
    return 1;
  }
}

}  // namespace

std::vector<CommandSpec> alerts_commands() {
  return {
      {"ops:digest",
       "Print the operational digest (stale repairs, late orders and quotes, low stock, WhatsApp not sent); --send "
       "mails it when it lists something new",
       {{"send", "Queue the digest mail to OPS_DIGEST_RECIPIENTS (skipped when empty or already mailed)", false},
        {"json", "Print the digest as JSON", false}},
       {},
       ops_digest},
      {"reports:kpi",
       "Print the KPI report (sales, orders, repairs, quotes, top products, each against the previous range); "
       "--send mails it with the CSV attached",
       {{"range", "Days: 7, 30 or 90 (default 7; with --scheduled, the configured range)", true},
        {"send", "Queue the report mail (recipients: --to, else the configured ones, else every admin)", false},
        {"to", "Comma-separated recipients for this run", true},
        {"scheduled", "The weekly run: range and recipients from /admin/configuracion/reportes", false}},
       {},
       reports_kpi},
  };
}

}  // namespace app
