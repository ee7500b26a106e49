// GET /admin/reparaciones: the admin repairs list (docs/domain/repairs.md "Admin list").
#include <charconv>

#include "core/clock.hpp"
#include "core/config.hpp"
#include "core/parse.hpp"
#include "core/phone.hpp"
#include "core/strings.hpp"
#include "domain/notify/placeholders.hpp"
#include "domain/notify/whatsapp.hpp"
#include "domain/repairs/repair_list.hpp"
#include "http/form.hpp"
#include "routes/repairs/handlers.hpp"
#include "routes/repairs/view_helpers.hpp"
#include "web/context.hpp"
#include "web/render.hpp"
#include "web/settings_snapshot.hpp"

namespace routes {

namespace {
using repairs::RepairStatus;

constexpr std::pair<const char*, const char*> kWaOptions[] = {
    {"pending", "Pendiente"}, {"sent", "Enviado (OK)"}, {"no_phone", "Sin teléfono"}};

// "/admin/reparaciones?status=…&q=…&wa=…&page=…" with empty values left out.
std::string list_url(const std::string& status, const std::string& q, const std::string& wa, int page = 1) {
  std::vector<std::pair<std::string, std::string>> query;
  if (!status.empty()) query.emplace_back("status", status);
  if (!q.empty()) query.emplace_back("q", q);
  if (!wa.empty()) query.emplace_back("wa", wa);
  if (page > 1) query.emplace_back("page", std::to_string(page));
  return query.empty() ? "/admin/reparaciones" : "/admin/reparaciones?" + http::build_urlencoded(query);
}
}  // namespace

http::Response admin_repairs_index(web::Context& context) {
  repairs::RepairListFilters filters;
  filters.status = repairs::parse_status(context.query.value("status"));
  filters.q = core::trim(context.query.value("q"));
  std::string wa = context.query.value("wa");
  for (const auto& [key, label] : kWaOptions)
    if (wa == key) filters.wa = wa;
  filters.page = core::parse_page(context.query.value("page"));
  std::string status_filter = filters.status ? std::string(repairs::status_key(*filters.status)) : "";

  auto page = repairs::list_repairs(context.services.database, filters,
                                    std::chrono::milliseconds(context.services.config.integer("REPAIR_COUNTS_REUSE_MS")));
  std::string now = core::utc_now_sql();

  web::View view("pages/repairs_admin/index.tpl", "Admin — Reparaciones");
  auto dict = view.dict();
  dict.set("Q", filters.q);
  dict.show(filters.status ? "TABS_OPEN" : "TABS_CLOSED");
  if (filters.status || !filters.q.empty() || !filters.wa.empty()) dict.show("HAS_FILTERS");

  auto all_tab = dict.add("TAB");
  all_tab.set("HREF", list_url("", filters.q, filters.wa));
  all_tab.set("LABEL", "Todos");
  all_tab.set("KEY", "all");
  all_tab.set("COUNT", page.total_count);
  if (!filters.status) all_tab.show("ACTIVE");
  for (std::size_t i = 0; i < repairs::kAllRepairStatuses.size(); ++i) {
    auto status = repairs::kAllRepairStatuses[i];
    std::string key(repairs::status_key(status));
    auto tab = dict.add("TAB");
    tab.set("HREF", list_url(key, filters.q, filters.wa));
    tab.set("LABEL", repairs::status_label(status));
    tab.set("KEY", key);
    tab.set("COUNT", page.status_counts[i]);
    if (filters.status == status) tab.show("ACTIVE");
    auto option = dict.add("STATUS_OPTION");
    option.set("VALUE", key);
    option.set("LABEL", repairs::status_label(status));
    if (filters.status == status) option.show("SELECTED");
  }
  for (const auto& [key, label] : kWaOptions) {
    auto option = dict.add("WA_OPTION");
    option.set("VALUE", key);
    option.set("LABEL", label);
    if (filters.wa == key) option.show("SELECTED");
  }

  if (page.rows.empty()) dict.show("EMPTY");
  // The WhatsApp links from the rows just read and the cached shop data: one more query (the templates) per page
  // instead of one per row.
  std::vector<notify::RepairFacts> with_phone;
  auto shop = web::settings_snapshot(context.services);
  for (const auto& row : page.rows) {
    if (row.customer_phone.empty()) continue;
    notify::RepairFacts facts;
    facts.id = row.id;
    facts.code = row.code;
    facts.status_key = row.status_key;
    facts.customer_name = row.customer_name;
    facts.phone_digits = row.customer_phone;
    facts.device_brand = row.device_brand;
    facts.device_model = row.device_model;
    facts.final_price_cents = row.final_price;
    facts.warranty_days = row.warranty_days;
    facts.shop_address = shop->values.get("shop_address");
    facts.shop_hours = shop->values.get("shop_hours");
    with_phone.push_back(std::move(facts));
  }
  auto messages = notify::repair_whatsapp_for(context.services.database, with_phone,
                                              context.services.config.str("APP_URL"), context.services.app_key);
  std::size_t next_message = 0;
  for (const auto& row : page.rows) {
    auto item = dict.add("ROW");
    item.set("ID", row.id);
    item.set("CODE", row.code.empty() ? "—" : row.code);
    item.set("RECEIVED", repairs_view::local_or_dash(row.received_at));
    item.set("AGE", repairs_view::age(row.received_at, now));
    item.set("CUSTOMER_NAME", row.customer_name);
    item.set("CUSTOMER_PHONE", core::phone::display(row.customer_phone));
    item.set("DEVICE", core::trim(row.device_brand + " " + row.device_model));
    item.set("STATUS_LABEL", row.status ? std::string(repairs::status_label(*row.status)) : row.status_key);
    item.set("BADGE_CLASS", row.status ? repairs_view::badge_class(*row.status) : "badge-zinc");
    if (row.status) item.set("STATUS_LABEL_TITLE", repairs::status_label(*row.status));
    item.set("FINAL_PRICE", repairs_view::money_or(row.final_price));
    if (repairs::is_urgent(row, now)) item.show("URGENT");
    if (row.customer_phone.empty()) item.show("NO_PHONE");
    else if (!row.wa_notified_current) item.show("WA_PENDING");
    if (!row.customer_phone.empty()) {
      const auto& wa = messages[next_message++];
      if (!wa.url.empty()) item.add("WA").set("URL", wa.url);
    }
  }

  if (page.last_page > 1) {
    auto pager = dict.add("PAGER");
    pager.set("PAGE", page.page);
    pager.set("LAST_PAGE", page.last_page);
    if (page.page > 1) pager.add("PREV").set("HREF", list_url(status_filter, filters.q, filters.wa, page.page - 1));
    if (page.page < page.last_page)
      pager.add("NEXT").set("HREF", list_url(status_filter, filters.q, filters.wa, page.page + 1));
  }
  return web::render(context, view);
}

}  // namespace routes
