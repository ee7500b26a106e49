// GET /admin/pedidos: the orders list with status / search / WhatsApp filters, status and WhatsApp counters,
// 20 per page (docs/domain/orders.md "Admin orders"). Unknown filter values are ignored (treated as "all").
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/money.hpp"
#include "core/parse.hpp"
#include "core/phone.hpp"
#include "core/strings.hpp"
#include "domain/orders/order_queries.hpp"
#include "http/form.hpp"
#include "routes/orders/handlers.hpp"
#include "routes/orders/order_whatsapp_view.hpp"
#include "routes/orders/presenters.hpp"
#include "web/context.hpp"
#include "web/render.hpp"
#include "web/services.hpp"

namespace routes {

namespace {

// Query string of the list with the given filters ("" values left out).
std::string list_url(const std::string& status, const std::string& q, const std::string& wa) {
  std::vector<std::pair<std::string, std::string>> pairs;
  if (!status.empty()) pairs.emplace_back("status", status);
  if (!q.empty()) pairs.emplace_back("q", q);
  if (!wa.empty()) pairs.emplace_back("wa", wa);
  std::string query = http::build_urlencoded(pairs);
  return "/admin/pedidos" + (query.empty() ? "" : "?" + query);
}

std::string page_url(const std::string& base, int page) {
  return base + (base.find('?') == std::string::npos ? "?" : "&") + "page=" + std::to_string(page);
}

}  // namespace

http::Response admin_orders_index(web::Context& context) {
  orders::AdminOrderFilter filter;
  std::string status = context.query.value("status");
  if (orders::parse_status(status)) filter.status = status;
  std::string wa = context.query.value("wa");
  if (wa == "pending" || wa == "sent" || wa == "no_phone") filter.wa = wa;
  filter.q = core::trim(context.query.value("q"));
  filter.page = core::parse_page(context.query.value("page"));
  auto list = orders::admin_orders(context.services.database, filter);

  web::View view("pages/orders/admin_index.tpl", "Admin — Pedidos");
  auto dict = view.dict();
  dict.set("FILTER_STATUS", filter.status.empty() ? "all" : filter.status);
  dict.set("TRANSITIONS_JSON", orders_view::transitions_json());
  dict.set("CSRF", context.csrf_token());
  dict.set("Q", filter.q);
  if (!filter.status.empty()) dict.add("HIDDEN_STATUS").set("VALUE", filter.status);
  dict.show_if(!filter.q.empty() || !filter.wa.empty(), "HAS_FILTERS");
  dict.set("CLEAR_URL", list_url(filter.status, "", ""));
  dict.set("FILTERS_HIDDEN", filter.wa.empty() ? " hidden" : "");
  dict.set("TABS_HIDDEN", filter.status.empty() ? " hidden" : "");
  const std::pair<const char*, const char*> wa_options[] = {
      {"", "WhatsApp: Todos"}, {"pending", "WA pendiente"}, {"sent", "WA enviado"}, {"no_phone", "Sin teléfono"}};
  for (const auto& [value, label] : wa_options) {
    auto option = dict.add("WA_OPTION");
    option.set("VALUE", value);
    option.set("LABEL", label);
    if (filter.wa == value) option.show("SELECTED");
  }

  // Status tabs (keep q and wa).
  {
    auto tab = dict.add("STATUS_TAB");
    tab.set("KEY", "all");
    tab.set("LABEL", "Todos");
    tab.set("URL", list_url("", filter.q, filter.wa));
    tab.set("COUNT", list.total_count);
    tab.set("CLASS", filter.status.empty() ? "nav-pill nav-pill-active" : "nav-pill");
  }
  for (auto key : orders::kAllOrderStatuses) {
    std::string k(orders::status_key(key));
    auto tab = dict.add("STATUS_TAB");
    tab.set("KEY", k);
    tab.set("LABEL", key == orders::OrderStatus::kListoRetirar ? "Listo" : std::string(orders::status_label(key)));
    tab.set("URL", list_url(k, filter.q, filter.wa));
    auto found = list.status_counts.find(k);
    tab.set("COUNT", found == list.status_counts.end() ? 0 : found->second);
    tab.set("CLASS", filter.status == k ? "nav-pill nav-pill-active" : "nav-pill");
  }
  // WhatsApp tabs (keep status and q).
  const std::tuple<const char*, const char*, long long> wa_tabs[] = {{"all", "WhatsApp: Todos", list.wa_all},
                                                                     {"pending", "WA pendiente", list.wa_pending},
                                                                     {"sent", "WA enviado", list.wa_sent},
                                                                     {"no_phone", "Sin teléfono", list.wa_no_phone}};
  for (const auto& [key, label, count] : wa_tabs) {
    std::string k = key;
    auto tab = dict.add("WA_TAB");
    tab.set("KEY", k);
    tab.set("LABEL", label);
    tab.set("URL", list_url(filter.status, filter.q, k == "all" ? "" : k));
    tab.set("COUNT", count);
    bool active = (k == "all" && filter.wa.empty()) || k == filter.wa;
    tab.set("CLASS", active ? "nav-pill nav-pill-active" : "nav-pill");
  }

  if (list.orders.empty()) dict.show("EMPTY");
  for (const auto& order : list.orders) {
    auto card = dict.add("ORDER");
    card.set("ID", order.id);
    card.set("STATUS_KEY", order.status_key);
    card.set("STATUS_LABEL", orders_view::status_label(order));
    card.set("BADGE_CLASS", orders_view::badge_class(order));
    if (orders_view::is_urgent(order)) card.add("URGENT").set("STATUS_LABEL", orders_view::status_label(order));
    card.set("PAYMENT", order.payment_method);
    std::string phone = order.contact_phone();
    card.set("CUSTOMER", order.customer_name() + (phone.empty() ? "" : " · " + core::phone::display(phone)));
    card.set("DATE", core::format_local(order.created_at));
    card.set("AGE", orders_view::relative_age(order.created_at));
    std::string notes = core::trim(order.notes);
    if (!notes.empty()) {
      // 120 characters, cut on a UTF-8 boundary.
      std::size_t bytes = 0, characters = 0;
      while (bytes < notes.size() && characters < 120) {
        ++bytes;
        while (bytes < notes.size() && (static_cast<unsigned char>(notes[bytes]) & 0xC0) == 0x80) ++bytes;
        ++characters;
      }
      card.add("NOTES").set("TEXT", notes.substr(0, bytes) + (bytes < notes.size() ? "…" : ""));
    }
    card.set("TOTAL", core::format_ars(order.total));
    card.set("WA_NOTIFIED", order.wa_notified_current ? "1" : "0");
    auto wa_link = orders_view::card_whatsapp(order);
    if (!wa_link.url.empty()) card.add("WA_LINK").set("URL", wa_link.url);
    if (wa_link.state != "ok")
      card.add("WA_BADGE").set("STATE", wa_link.state).set("LABEL", wa_link.state == "pending" ? "WA pendiente" : "Sin tel");
    bool final_state = order.status && orders::is_final(*order.status);
    card.show_if(final_state, "STATUS_BTN_DISABLED");
    orders_view::fill_status_options(card, order);
  }

  std::string base = list_url(filter.status, filter.q, filter.wa);
  if (list.page.last() > 1) {
    auto pager = dict.add("PAGER");
    pager.set("CURRENT", list.page.number);
    pager.set("LAST", list.page.last());
    pager.set("TOTAL", list.page.total);
    if (list.page.number > 1) pager.add("PREV").set("URL", page_url(base, list.page.number - 1));
    if (list.page.number < list.page.last()) pager.add("NEXT").set("URL", page_url(base, list.page.number + 1));
  }
  return web::render(context, view);
}

}  // namespace routes
