// /admin/venta-rapida: the counter's sale form. It works without JavaScript: the whole sale is one form, and
// its first submit button is "Agregar", so Enter in the scan box (a barcode scanner is a keyboard that ends with
// Enter) posts the form with the typed code; the page comes back with the line added and everything else as
// typed. "Buscar" lists products by name, "Confirmar venta" (or a post without `intent`: the integration
// contract) records the sale in one transaction and redirects to /admin/ventas/{id}.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "core/money.hpp"
#include "core/parse.hpp"
#include "core/strings.hpp"
#include "db/unit_of_work.hpp"
#include "domain/inventory/products.hpp"
#include "domain/sales/counter_sale.hpp"
#include "routes/back_office/common.hpp"
#include "routes/counter/handlers.hpp"
#include "web/context.hpp"
#include "web/render.hpp"

namespace routes::counter {

namespace {

struct DraftLine {
  inventory::Product product;
  long long quantity = 1;
};

// The sale as the form currently holds it (the posted fields, or empty on GET).
struct Draft {
  std::vector<DraftLine> lines;
  std::string payment_method, customer_name, customer_phone, discount, discount_reason, sale_token;
  std::vector<std::string> notices;  // e.g. a code that matched nothing
};

long long parse_quantity(const std::string& text) {
  std::string trimmed = core::trim(text);
  if (trimmed.empty()) return 1;
  if (trimmed.size() > 4 || core::digits_only(trimmed) != trimmed) return 1;
  return std::stoll(trimmed);
}

void add_product(Draft& draft, const inventory::Product& product) {
  for (auto& line : draft.lines)
    if (line.product.id == product.id) {
      ++line.quantity;
      return;
    }
  draft.lines.push_back({product, 1});
}

Draft draft_from_post(web::Context& context) {
  Draft draft;
  auto ids = context.input.all("product_id");
  auto quantities = context.input.all("quantity");
  for (std::size_t i = 0; i < ids.size(); ++i) {
    auto id = core::parse_id(core::trim(ids[i]));
    if (!id) continue;
    long long quantity = i < quantities.size() ? parse_quantity(quantities[i]) : 1;
    if (quantity <= 0) continue;  // 0 removes the line
    auto product = inventory::find_product(context.services.database, *id);
    if (!product) {
      draft.notices.push_back("Se quitó de la venta un producto que ya no existe.");
      continue;
    }
    bool merged = false;
    for (auto& line : draft.lines)
      if (line.product.id == *id) line.quantity += quantity, merged = true;
    if (!merged) draft.lines.push_back({*product, quantity});
  }
  draft.payment_method = context.input.value("payment_method");
  draft.customer_name = context.input.value("customer_name");
  draft.customer_phone = context.input.value("customer_phone");
  draft.discount = context.input.value("discount");
  draft.discount_reason = context.input.value("discount_reason");
  draft.sale_token = context.input.value("sale_token");
  return draft;
}

http::Response render_form(web::Context& context, Draft& draft, const std::vector<std::string>& errors,
                           const std::vector<inventory::Product>* results, const std::string& search, int status) {
  web::View view("pages/counter/sale_form.tpl", "Admin — Venta rápida");
  auto dict = view.dict();
  if (draft.sale_token.empty()) draft.sale_token = sales::new_sale_token();
  dict.set("SALE_TOKEN", draft.sale_token);
  dict.set("SEARCH", search);
  dict.set("CUSTOMER_NAME", draft.customer_name);
  dict.set("CUSTOMER_PHONE", draft.customer_phone);
  dict.set("DISCOUNT", draft.discount);
  dict.set("DISCOUNT_REASON", draft.discount_reason);
  std::string method = sales::parse_payment_method(draft.payment_method).value_or("efectivo");
  for (const auto& choice : sales::counter_payment_methods()) {
    auto option = dict.add("PAYMENT_OPTION");
    option.set("VALUE", choice.key).set("LABEL", choice.label);
    option.show_if(choice.key == method, "CHECKED");
  }
  for (const auto& message : draft.notices) dict.add("NOTICE").set("MESSAGE", message);
  if (!errors.empty()) {
    auto box = dict.add("SALE_ERRORS");
    for (const auto& message : errors) box.add("ERROR_ITEM").set("MESSAGE", message);
  }

  long long subtotal = 0, cost_total = 0;
  for (std::size_t i = 0; i < draft.lines.size(); ++i) {
    const auto& line = draft.lines[i];
    auto row = dict.add("LINE");
    row.set("INDEX", static_cast<long long>(i)).set("PRODUCT_ID", line.product.id).set("NAME", line.product.name);
    row.set("CODE", !line.product.barcode.empty() ? line.product.barcode : line.product.sku);
    row.set("QUANTITY", line.quantity).set("PRICE", core::format_ars(line.product.price));
    row.set("SUBTOTAL", core::format_ars(line.product.price * line.quantity));
    row.set("STOCK", line.product.stock);
    if (line.quantity > line.product.stock) row.add("LOW_STOCK").set("STOCK", line.product.stock);
    if (line.product.cost_price > 0 && line.product.price < line.product.cost_price)
      row.add("LINE_LOSS").set("COST", core::format_ars(line.product.cost_price));
    subtotal += line.product.price * line.quantity;
    cost_total += line.product.cost_price * line.quantity;
  }
  dict.show_if(draft.lines.empty(), "NO_LINES");
  dict.show_if(!draft.lines.empty(), "HAS_LINES");
  long long discount = core::parse_ars(core::trim(draft.discount)).value_or(0);
  long long total = std::max<long long>(subtotal - discount, 0);
  dict.set("SUBTOTAL", core::format_ars(subtotal));
  dict.set("TOTAL", core::format_ars(total));
  if (discount > 0) dict.add("HAS_DISCOUNT").set("AMOUNT", core::format_ars(discount));
  // Negative margin: the sale (after the discount) brings in less than what the items cost the shop.
  if (cost_total > 0 && total < cost_total && !draft.lines.empty())
    dict.add("NEGATIVE_MARGIN").set("COST", core::format_ars(cost_total)).set("LOSS", core::format_ars(cost_total - total));

  if (results) {
    auto box = dict.add("RESULTS");
    if (results->empty()) box.show("NO_RESULTS");
    for (const auto& product : *results) {
      auto row = box.add("RESULT");
      row.set("ID", product.id).set("NAME", product.name).set("PRICE", core::format_ars(product.price));
      row.set("STOCK", product.stock);
      row.set("CODE", !product.barcode.empty() ? product.barcode : product.sku);
    }
  }
  return web::render(context, view, status);
}

std::optional<long long> seller(const web::Context& context) {
  if (context.user) return context.user->id;
  return std::nullopt;
}

}  // namespace

http::Response sale_form(web::Context& context) {
  Draft draft;
  return render_form(context, draft, {}, nullptr, "", 200);
}

http::Response sale_post(web::Context& context) {
  Draft draft = draft_from_post(context);
  const std::string intent = context.input.value("intent");
  const std::string add_id = context.input.value("add_product");

  // A product picked from the name search.
  if (!add_id.empty()) {
    auto id = core::parse_id(add_id);
    auto product = id ? inventory::find_product(context.services.database, *id) : std::nullopt;
    if (product) add_product(draft, *product);
    return render_form(context, draft, {}, nullptr, "", 200);
  }
  // A scanned or typed SKU / barcode (Enter in the scan box).
  if (intent == "add") {
    std::string code = core::trim(context.input.value("code"));
    if (!code.empty()) {
      if (auto product = inventory::find_product_by_code(context.services.database, code)) add_product(draft, *product);
      else draft.notices.push_back("No encontramos ningún producto con el código \"" + code + "\".");
    }
    return render_form(context, draft, {}, nullptr, "", 200);
  }
  if (intent == "search") {
    std::string search = core::trim(context.input.value("search"));
    std::vector<inventory::Product> results;
    if (!search.empty()) {
      inventory::ProductFilters filters;
      filters.q = search;
      results = inventory::list_products(context.services.database, filters, 10).items;
    }
    return render_form(context, draft, {}, &results, search, 200);
  }
  if (intent == "update") return render_form(context, draft, {}, nullptr, "", 200);

  // Confirm (the default, so a plain integration post records the sale).
  sales::SaleForm form;
  auto ids = context.input.all("product_id");
  auto quantities = context.input.all("quantity");
  for (std::size_t i = 0; i < ids.size(); ++i) {
    std::string quantity = i < quantities.size() ? quantities[i] : "1";
    if (core::trim(quantity) == "0") continue;  // a line set to 0 was removed
    form.lines.push_back({ids[i], quantity});
  }
  form.payment_method = draft.payment_method;
  form.customer_name = draft.customer_name;
  form.customer_phone = draft.customer_phone;
  form.discount = draft.discount;
  form.discount_reason = draft.discount_reason;
  form.sale_token = draft.sale_token;
  sales::ValidSale valid;
  auto errors = sales::validate_sale(form, valid);
  if (!errors.empty()) {
    std::vector<std::string> messages;
    for (const auto& [field, message] : errors.items()) messages.push_back(message);
    return render_form(context, draft, messages, nullptr, "", 422);
  }
  try {
    auto recorded = db::write(context.services.database, [&](db::Tx& tx) {
      auto result = sales::record_counter_sale(tx, valid, seller(context));
      if (!result.already_recorded)
        context.audit(tx, "counter_sale.created", "counter_sale", result.sale_id,
                      {{"payment_method", valid.payment_method}, {"lines", std::to_string(valid.lines.size())}});
      return result;
    });
    if (!recorded.already_recorded) context.flash_next("success", "Venta registrada ✅");
    return http::Response::redirect("/admin/ventas/" + std::to_string(recorded.sale_id), 302);
  } catch (const sales::SaleRefused& refused) {
    return render_form(context, draft, {refused.what()}, nullptr, "", 409);
  }
}

}  // namespace routes::counter
