// Product labels (product_labels.hpp): a standalone print page, like the repair ticket (no site layout), with a
// toolbar that is not printed (paper, copies, print, back) and one .product-label per copy. The barcode choice is
// inventory::barcode::label_code (EAN-13, else Code 128 of the barcode, else of the SKU); a product without either
// still gets its label (name, price) with a message saying what to load on screen (not on paper: the sticker is still
// a price label), and the toolbar names those products.
//
// Paper formats (the CSS in public/css/labels.css draws them; named @page rules so other print pages keep theirs):
//   key     paper                                         labels per page
//   a4      A4 adhesive sheet, 3 columns × 8 rows, 70×37 mm 24   (the default: any office printer)
//   rollo   thermal label roll, 50×25 mm                  1    (Xprinter/Zebra-style label printers)
#include <algorithm>
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "core/money.hpp"
#include "domain/inventory/barcode/label_code.hpp"
#include "domain/inventory/barcode/svg.hpp"
#include "domain/inventory/products.hpp"
#include "routes/back_office/common.hpp"
#include "routes/back_office/product_labels.hpp"
#include "web/context.hpp"
#include "web/render.hpp"
#include "web/services.hpp"

namespace routes::back_office {

namespace {

// Bounds that keep one request small: 100 products from the list (five pages of it), 50 copies of each, and never
// more than 480 labels (20 A4 sheets) in one page.
constexpr std::size_t kMaxProducts = 100;
constexpr long long kMaxCopies = 50;
constexpr long long kMaxLabels = 480;

struct PaperFormat {
  const char* key;
  const char* label;
};
constexpr PaperFormat kFormats[] = {
    {"a4", "Hoja A4 (3 × 8, 70 × 37 mm)"},
    {"rollo", "Rollo térmico (50 × 25 mm)"},
};

std::string paper_format(const web::Context& context) {
  std::string value = context.query.value("formato");
  for (const auto& format : kFormats)
    if (value == format.key) return value;
  return kFormats[0].key;
}

long long copies(const web::Context& context) {
  auto value = parse_id(context.query.value("copias"));  // a whole number ≥ 1, or nullopt
  if (!value) return 1;
  return std::min(*value, kMaxCopies);
}

std::string missing_message(inventory::barcode::NoBarcode missing) {
  if (missing == inventory::barcode::NoBarcode::kUnprintable)
    return "Su código no se puede imprimir como código de barras: usá solo letras sin acentos, números y símbolos "
           "(hasta 40 caracteres).";
  return "Sin código de barras: cargale un SKU o un código de barras al producto para imprimirlo.";
}

http::Response render_labels(web::Context& context, const std::vector<inventory::Product>& products,
                             const std::string& action, bool multiple) {
  const std::string format = paper_format(context);
  const long long per_product = copies(context);

  std::string title = multiple ? "Etiquetas de productos" : "Etiqueta — " + products.front().name;
  web::View view("pages/back_office/product_labels.tpl", title);
  auto dict = view.dict();
  web::add_assets(dict, context.services);
  dict.set("TITLE", title);
  dict.set("FORMAT", format);
  dict.set("ACTION", action);
  dict.set("COPIES", per_product);
  dict.set("BACK_URL", multiple ? "/admin/productos" : "/admin/productos/" + std::to_string(products.front().id) + "/editar");
  dict.set("BACK_LABEL", multiple ? "Volver a productos" : "Volver al producto");
  for (const auto& paper : kFormats) {
    auto option = dict.add("FORMAT_OPTION");
    option.set("VALUE", paper.key).set("LABEL", paper.label);
    if (format == paper.key) option.show("SELECTED");
  }
  if (multiple)
    for (const auto& product : products) dict.add("ID_FIELD").set("ID", product.id);

  long long printed = 0;
  for (const auto& product : products) {
    auto code = inventory::barcode::label_code(product.barcode, product.sku);
    std::string svg = code.symbol ? inventory::barcode::to_svg(*code.symbol) : "";
    if (!code.symbol) {
      auto missing = dict.add("MISSING");
      missing.set("NAME", product.name).set("MESSAGE", missing_message(code.missing));
      missing.set("EDIT_URL", "/admin/productos/" + std::to_string(product.id) + "/editar");
    }
    for (long long copy = 0; copy < per_product && printed < kMaxLabels; ++copy, ++printed) {
      auto label = dict.add("LABEL");
      label.set("ID", product.id).set("NAME", product.name).set("PRICE", core::format_ars(product.price));
      if (!product.sku.empty()) label.add("SKU").set("VALUE", product.sku);
      if (code.symbol) {
        auto bars = label.add("BARCODE");
        bars.set("SVG", svg).set("TEXT", code.symbol->text);
        bars.set("SYMBOLOGY", inventory::barcode::symbology_name(code.symbol->symbology));
      } else {
        label.add("NO_BARCODE").set("MESSAGE", missing_message(code.missing));
      }
    }
  }
  dict.set("COUNT", printed);
  dict.set("COUNT_LABEL", printed == 1 ? "1 etiqueta" : std::to_string(printed) + " etiquetas");
  if (printed >= kMaxLabels) dict.show("TRUNCATED");
  dict.set("MAX_LABELS", kMaxLabels);

  auto response = http::Response::html(200, context.services.templates.expand(view.template_name(), view.raw()));
  response.set_header("Cache-Control", "no-store");
  return response;
}

}  // namespace

http::Response product_label(web::Context& context) {
  auto id = id_param(context, "product");
  auto product = id ? inventory::find_product(context.services.database, *id) : std::nullopt;
  if (!product) throw core::not_found();
  return render_labels(context, {*product}, "/admin/productos/" + std::to_string(product->id) + "/etiqueta", false);
}

http::Response product_labels(web::Context& context) {
  std::vector<long long> ids;
  for (const auto& text : context.query.all("ids")) {
    auto id = parse_id(text);
    if (id && std::find(ids.begin(), ids.end(), *id) == ids.end()) ids.push_back(*id);
    if (ids.size() == kMaxProducts) break;
  }
  std::vector<inventory::Product> products;
  for (long long id : ids)
    if (auto product = inventory::find_product(context.services.database, id)) products.push_back(std::move(*product));
  if (products.empty()) throw core::not_found();
  return render_labels(context, products, "/admin/productos/etiquetas", true);
}

}  // namespace routes::back_office
