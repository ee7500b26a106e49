// GET /admin/auditoria: the audit log, newest first, filtered by event, actor, subject and date range, 25 per
// page; metadata shown as a key/value list. The filters are a plain GET form (works without JavaScript) and the
// pager keeps them.
#include <vector>

#include "core/clock.hpp"
#include "core/parse.hpp"
#include "core/strings.hpp"
#include "domain/audit/audit_query.hpp"
#include "domain/insights/calendar.hpp"
#include "http/form.hpp"
#include "routes/insights/handlers.hpp"
#include "web/context.hpp"
#include "web/render.hpp"

namespace routes {

namespace {

constexpr int kPerPage = 25;

// The stored subject types are the reference's model class names; people read these.
std::string subject_label(const std::string& type) {
  if (type == "App\\Models\\Order") return "Pedido";
  if (type == "App\\Models\\Repair") return "Reparación";
  if (type == "App\\Models\\User") return "Usuario";
  if (type == "App\\Models\\Product") return "Producto";
  if (type == "App\\Models\\Category") return "Categoría";
  return type;
}

std::string subject_link(const std::string& type, std::int64_t id) {
  std::string number = std::to_string(id);
  if (type == "App\\Models\\Order") return "/admin/pedidos/" + number;
  if (type == "App\\Models\\Repair") return "/admin/reparaciones/" + number;
  if (type == "App\\Models\\User") return "/admin/usuarios/" + number;
  return "";
}

}  // namespace

http::Response show_audit_log(web::Context& context) {
  audit::AuditFilter filter;
  filter.event = core::trim(context.query.value("event"));
  filter.actor = core::trim(context.query.value("actor"));
  filter.subject_type = core::trim(context.query.value("subject_type"));
  std::string subject_id = core::trim(context.query.value("subject_id"));
  std::string from = core::trim(context.query.value("desde")), to = core::trim(context.query.value("hasta"));
  web::FieldErrors errors;
  if (!subject_id.empty()) {
    if (core::digits_only(subject_id) == subject_id && subject_id.size() <= 18) filter.subject_id = std::stoll(subject_id);
    else errors.add("subject_id", "El ID del registro debe ser un número.");
  }
  if (!from.empty()) {
    if (auto start = insights::local_day_start_utc(from)) filter.from_utc = *start;
    else errors.add("desde", "La fecha \"desde\" no es válida.");
  }
  if (!to.empty()) {
    if (auto end = insights::local_day_end_utc(to)) filter.to_utc = *end;
    else errors.add("hasta", "La fecha \"hasta\" no es válida.");
  }
  filter.page = core::parse_page(context.query.value("page"));
  filter.per_page = kPerPage;

  auto& database = context.services.database;
  auto page = audit::search_audit(database, filter);

  web::View view("pages/insights/audit.tpl", "Admin — Auditoría");
  auto dict = view.dict();
  for (const auto& [field, message] : errors.items()) dict.add("FILTER_ERROR").set("MESSAGE", message);
  dict.show_if(!errors.empty(), "FILTER_ERRORS");

  for (const auto& event : audit::audit_events(database)) {
    auto option = dict.add("EVENT_OPTION");
    option.set("VALUE", event);
    option.show_if(event == filter.event, "SELECTED");
  }
  for (const auto& type : audit::audit_subject_types(database)) {
    auto option = dict.add("SUBJECT_OPTION");
    option.set("VALUE", type).set("LABEL", subject_label(type));
    option.show_if(type == filter.subject_type, "SELECTED");
  }
  dict.set("ACTOR", filter.actor).set("SUBJECT_ID", subject_id).set("FROM", from).set("TO", to);
  bool filtered = !filter.event.empty() || !filter.actor.empty() || !filter.subject_type.empty() ||
                  !subject_id.empty() || !from.empty() || !to.empty();
  dict.show_if(filtered, "CLEAR");

  dict.set("TOTAL", page.total).set("PAGE", page.page).set("PAGES", page.pages);
  for (const auto& row : page.rows) {
    auto item = dict.add("ENTRY");
    item.set("ID", row.id).set("EVENT", row.event).set("DATE", core::format_local(row.created_at, "%d/%m/%Y %H:%M:%S"));
    if (row.actor_id) {
      auto actor = item.add("ACTOR_USER");
      actor.set("NAME", row.actor_name.empty() ? "Usuario #" + std::to_string(*row.actor_id) : row.actor_name);
      actor.set("EMAIL", row.actor_email).set("ACTOR_ID", *row.actor_id);
    } else {
      item.show("ACTOR_PUBLIC");
    }
    item.set("ROLE", row.actor_role);
    if (!row.subject_type.empty() || row.subject_id) {
      auto subject = item.add("SUBJECT");
      subject.set("LABEL", subject_label(row.subject_type));
      subject.set("SUBJECT_ID", row.subject_id ? "#" + std::to_string(*row.subject_id) : "");
      std::string link = row.subject_id ? subject_link(row.subject_type, *row.subject_id) : "";
      if (!link.empty()) subject.add("SUBJECT_LINK").set("HREF", link);
      else subject.show("SUBJECT_TEXT");
    }
    for (const auto& [key, value] : row.metadata) {
      auto meta = item.add("META");
      meta.set("KEY", key).set("VALUE", value.empty() ? "—" : value);
    }
    item.show_if(row.metadata.empty(), "NO_META");
    item.set("IP", row.ip_address).set("METHOD", row.http_method).set("ROUTE", row.route_name);
    item.set("USER_AGENT", row.user_agent);
    item.show_if(!row.sealed, "UNSEALED");
  }
  dict.show_if(page.rows.empty(), "EMPTY");

  auto page_link = [&](int number) {
    std::vector<std::pair<std::string, std::string>> query;
    if (!filter.event.empty()) query.emplace_back("event", filter.event);
    if (!filter.actor.empty()) query.emplace_back("actor", filter.actor);
    if (!filter.subject_type.empty()) query.emplace_back("subject_type", filter.subject_type);
    if (!subject_id.empty()) query.emplace_back("subject_id", subject_id);
    if (!from.empty()) query.emplace_back("desde", from);
    if (!to.empty()) query.emplace_back("hasta", to);
    query.emplace_back("page", std::to_string(number));
    return "/admin/auditoria?" + http::build_urlencoded(query);
  };
  dict.show_if(page.pages > 1, "PAGER");
  if (page.page > 1) dict.add("PREV").set("HREF", page_link(page.page - 1));
  if (page.page < page.pages) dict.add("NEXT").set("HREF", page_link(page.page + 1));
  return web::render(context, view);
}

}  // namespace routes
