// Text, HTML and CSV of the KPI report (see kpi_mail.hpp). HTML values go through the mail templates' escape_html
// and html_document; CSV fields through the exports' csv_field / csv_amount.
#include "domain/alerts/kpi_mail.hpp"

#include "core/clock.hpp"
#include "core/money.hpp"
#include "domain/insights/csv_export.hpp"
#include "domain/insights/dashboard.hpp"
#include "domain/mail/template_render.hpp"

namespace alerts {

namespace {

// "30/11/2026" from "2026-11-30".
std::string day_text(const std::string& iso) {
  if (iso.size() != 10) return iso;
  return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

std::string period(const KpiReport& report) {
  return "del " + day_text(report.from_local) + " al " + day_text(report.to_local) + " (" +
         std::to_string(report.range_days) + " días)";
}

std::string csv_value(const KpiFigure& figure, std::int64_t value, char delimiter) {
  if (figure.unit == FigureUnit::kMoney) return insights::csv_amount(value, delimiter);
  return std::to_string(value);
}

// The change as a plain number for spreadsheets ("50", "-25"); empty when there is no previous value.
std::string change_number(std::int64_t current, std::int64_t previous) {
  auto change = insights::delta_percent(current, previous);
  return change ? std::to_string(*change) : std::string();
}

}  // namespace

std::string kpi_text(const KpiReport& report) {
  std::string text = "Indicadores " + period(report) + ", comparados con los " + std::to_string(report.range_days) +
                     " días anteriores:\n\n";
  for (const auto& figure : report.figures) {
    KpiFigure before = figure;
    before.current = figure.previous;
    text += "- " + figure.label + ": " + figure_text(figure) + " (antes " + figure_text(before) + ", " +
            change_text(figure.current, figure.previous) + ")\n";
  }
  text += "\nProductos más vendidos:\n";
  if (report.top_products.empty()) text += "- Sin ventas en el período.\n";
  for (const auto& product : report.top_products)
    text += "- " + product.name + ": " + std::to_string(product.units) + " u., " + core::format_ars(product.revenue) +
            " (antes " + std::to_string(product.previous_units) + " u., " +
            change_text(product.units, product.previous_units) + ")\n";
  return text;
}

std::string kpi_csv(const KpiReport& report, char delimiter) {
  std::string d(1, delimiter);
  auto line = [&](std::initializer_list<std::string> fields) {
    std::string out;
    for (const auto& field : fields) out += (out.empty() ? "" : d) + field;
    return out + "\r\n";
  };
  using insights::csv_field;
  std::string csv = "\xEF\xBB\xBF";
  csv += line({csv_field("Sección"), csv_field("Indicador"), csv_field("Desde"), csv_field("Hasta"),
               csv_field("Actual"), csv_field("Anterior"), csv_field("Variación %")});
  for (const auto& figure : report.figures)
    csv += line({csv_field("Indicadores"), csv_field(figure.label), report.from_local, report.to_local,
                 csv_value(figure, figure.current, delimiter), csv_value(figure, figure.previous, delimiter),
                 change_number(figure.current, figure.previous)});
  for (const auto& product : report.top_products)
    csv += line({csv_field("Productos más vendidos (unidades)"), csv_field(product.name), report.from_local,
                 report.to_local, std::to_string(product.units), std::to_string(product.previous_units),
                 change_number(product.units, product.previous_units)});
  return csv;
}

std::string kpi_csv_filename(const KpiReport& report) {
  return "kpi-" + report.from_local + "-a-" + report.to_local + ".csv";
}

mail::MailMessage kpi_message(const KpiReport& report, const std::string& shop, const std::string& app_url,
                              const mail::Address& to, char delimiter) {
  using mail::escape_html;
  mail::MailMessage message;
  message.to = to;
  message.subject = "Reporte de indicadores " + period(report) + " — " + shop;
  message.body = "Hola:\n\n" + kpi_text(report) + "\nTe adjuntamos el CSV. Configurás este reporte en " + app_url +
                 "/admin/configuracion/reportes\n";
  std::string html = "<p>Indicadores " + escape_html(period(report)) + ", comparados con los " +
                     std::to_string(report.range_days) + " días anteriores.</p>\n"
                     "<table style=\"border-collapse:collapse\" cellpadding=\"6\">\n"
                     "<tr><th align=\"left\">Indicador</th><th align=\"right\">Actual</th>"
                     "<th align=\"right\">Anterior</th><th align=\"right\">Variación</th></tr>\n";
  for (const auto& figure : report.figures) {
    KpiFigure before = figure;
    before.current = figure.previous;
    html += "<tr data-kpi=\"" + escape_html(figure.key) + "\"><td>" + escape_html(figure.label) +
            "</td><td align=\"right\">" + escape_html(figure_text(figure)) + "</td><td align=\"right\">" +
            escape_html(figure_text(before)) + "</td><td align=\"right\">" +
            escape_html(change_text(figure.current, figure.previous)) + "</td></tr>\n";
  }
  html += "</table>\n<h2 style=\"font-size:16px\">Productos más vendidos</h2>\n<ul>\n";
  if (report.top_products.empty()) html += "<li>Sin ventas en el período.</li>\n";
  for (const auto& product : report.top_products)
    html += "<li>" + escape_html(product.name) + ": " + std::to_string(product.units) + " u., " +
            escape_html(core::format_ars(product.revenue)) + " (" +
            escape_html(change_text(product.units, product.previous_units)) + ")</li>\n";
  html += "</ul>\n<p><a href=\"" + escape_html(app_url + "/admin/configuracion/reportes") +
          "\">Configurar el reporte</a></p>\n";
  message.html = mail::html_document(message.subject, html);
  message.attachments.push_back({kpi_csv_filename(report), "text/csv; charset=UTF-8", kpi_csv(report, delimiter)});
  return message;
}

}  // namespace alerts
