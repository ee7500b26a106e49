// The KPI report as people read it: the command's text, the mail (text + HTML table) and its CSV attachment
// (the exports' rules: BOM, CRLF, EXPORT_CSV_DELIMITER, formula guard; src/domain/insights/csv_export.hpp).
// Pure: no SQL, no configuration.
#pragma once

#include <string>

#include "domain/alerts/kpi_report.hpp"
#include "domain/mail/message.hpp"

namespace alerts {

std::string kpi_text(const KpiReport& report);
std::string kpi_csv(const KpiReport& report, char delimiter);
// "kpi-2026-11-30-a-2026-12-06.csv"
std::string kpi_csv_filename(const KpiReport& report);
// From left empty (the sender fills MAIL_FROM_*); the CSV attached.
mail::MailMessage kpi_message(const KpiReport& report, const std::string& shop, const std::string& app_url,
                              const mail::Address& to, char delimiter);

}  // namespace alerts
