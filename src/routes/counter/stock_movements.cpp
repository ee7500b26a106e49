// /admin/stock: the stock ledger's movements, newest first, with product, reason and date filters.
#include <string>

#include "core/clock.hpp"
#include "core/parse.hpp"
#include "core/strings.hpp"
#include "domain/inventory/movement_list.hpp"
#include "domain/inventory/stock_ledger.hpp"
#include "routes/back_office/common.hpp"
#include "routes/counter/handlers.hpp"
#include "web/context.hpp"
#include "web/render.hpp"

namespace routes::counter {

namespace {

// Where a movement's reference lives in the back office ("" when it has no page).
std::string reference_url(const inventory::Movement& movement) {
  std::string id = std::to_string(movement.reference_id);
  if (movement.reference_type == "order") return "/admin/pedidos/" + id;
  if (movement.reference_type == "counter_sale") return "/admin/ventas/" + id;
  if (movement.reference_type == "repair") return "/admin/reparaciones/" + id;
  return "";
}

std::string reference_label(const inventory::Movement& movement) {
  std::string id = std::to_string(movement.reference_id);
  if (movement.reference_type == "order") return "Pedido #" + id;
  if (movement.reference_type == "counter_sale") return "Venta #" + id;
  if (movement.reference_type == "repair") return "Reparación #" + id;
  return movement.reference_type.empty() ? "" : movement.reference_type + " #" + id;
}

}  // namespace

http::Response stock_index(web::Context& context) {
  inventory::MovementFilters filters;
  auto product_id = core::parse_id(context.query.value("product_id"));
  filters.product_id = product_id.value_or(0);
  filters.product = context.query.value("product");
  filters.reason = context.query.value("reason");
  filters.from = core::trim(context.query.value("from"));
  filters.to = core::trim(context.query.value("to"));
  filters.page = back_office::page_param(context);
  auto page = inventory::list_movements(context.services.database, filters);

  web::View view("pages/counter/stock_index.tpl", "Admin — Movimientos de stock");
  auto dict = view.dict();
  dict.set("PRODUCT", filters.product).set("FROM", filters.from).set("TO", filters.to);
  if (filters.product_id) dict.add("PRODUCT_ID").set("VALUE", filters.product_id);
  std::vector<std::pair<std::string, std::string>> reasons{{"", "Motivo: Todos"}};
  for (auto reason : inventory::all_reasons()) {
    std::string key(inventory::reason_key(reason));
    reasons.emplace_back(key, inventory::movement_reason_label(key));
  }
  back_office::add_options(dict, "REASON_OPTION", reasons, filters.reason);
  dict.set("TOTAL", page.total);
  if (page.items.empty()) dict.show("EMPTY");
  for (const auto& movement : page.items) {
    auto row = dict.add("MOVEMENT");
    row.set("ID", movement.id).set("DATE", core::format_local(movement.created_at));
    row.set("PRODUCT_ID", movement.product_id).set("PRODUCT", movement.product_name);
    row.set("DELTA", (movement.delta > 0 ? "+" : "") + std::to_string(movement.delta));
    row.set("DELTA_CLASS", movement.delta > 0 ? "badge-emerald" : "badge-rose");
    row.set("STOCK_AFTER", movement.stock_after);
    row.set("REASON", inventory::movement_reason_label(movement.reason));
    row.set("USER", movement.user_name.empty() ? "Sistema" : movement.user_name);
    row.set("NOTE", movement.note);
    if (auto url = reference_url(movement); !url.empty())
      row.add("REFERENCE_LINK").set("URL", url).set("LABEL", reference_label(movement));
    else if (auto label = reference_label(movement); !label.empty())
      row.add("REFERENCE_TEXT").set("LABEL", label);
  }
  back_office::add_pagination(dict, context, "/admin/stock", page.page, page.pages);
  return web::render(context, view);
}

}  // namespace routes::counter
