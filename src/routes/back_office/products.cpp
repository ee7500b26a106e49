// Admin products (docs/domain/store.md "Back office: categories and products"): filtered list, create and edit with an
// optional image (validated by its bytes, web/uploads), delete guarded by sold items.
#include <cctype>

#include "core/errors.hpp"
#include "core/money.hpp"
#include "core/config.hpp"
#include "db/unit_of_work.hpp"
#include "domain/inventory/products.hpp"
#include "routes/back_office/common.hpp"
#include "routes/back_office/handlers.hpp"
#include "web/context.hpp"
#include "web/render.hpp"
#include "web/uploads.hpp"

namespace routes::back_office {

namespace {

constexpr std::size_t kMaxImageBytes = 4096 * 1024;  // the reference's 4096 KB

inventory::ProductInput product_input(const web::Context& context) {
  inventory::ProductInput input{context.input.value("name"),  context.input.value("slug"),
                                context.input.value("category_id"), context.input.value("price"),
                                context.input.value("stock"), context.input.value("description")};
  input.sku = context.input.value("sku");
  input.barcode = context.input.value("barcode");
  input.cost_price = context.input.value("cost_price");
  input.stock_note = context.input.value("stock_note");
  // Unchecked boxes are not posted: the hidden `inventory_flags` says the form had them.
  if (context.input.value("inventory_flags") == "1") {
    input.sellable_in_store = context.input.value("sellable_in_store") == "1";
    input.usable_in_repairs = context.input.value("usable_in_repairs") == "1";
  }
  if (context.user) input.user_id = context.user->id;
  return input;
}

const http::UploadedFile* image_file(const web::Context& context) {
  for (const auto& file : context.input.files)
    if (file.field == "image" && !(file.content.empty() && file.filename.empty())) return &file;
  return nullptr;
}

// Stores the uploaded image (PNG, JPEG or WebP by its bytes); the relative path, or an error on `errors`.
std::string store_product_image(web::Context& context, const http::UploadedFile& file, web::FieldErrors& errors) {
  auto type = web::detect_image_type(file.content);
  if (type && *type != web::ImageType::kPng && *type != web::ImageType::kJpeg && *type != web::ImageType::kWebp) {
    errors.add("image", "La imagen debe ser JPG, PNG o WebP.");
    return "";
  }
  auto stored = web::store_image(uploads_root(context), "products", file.content, kMaxImageBytes);
  if (stored.error) {
    errors.add("image", web::upload_error_message(*stored.error, kMaxImageBytes));
    return "";
  }
  return stored.stored->relative_path;
}

void fill_form(web::Dict dict, web::Context& context, const inventory::Product* product) {
  dict.set("NAME", context.old("name", product ? product->name : ""));
  dict.set("SLUG", context.old("slug", product ? product->slug : ""));
  dict.set("PRICE", context.old("price", product ? core::centavos_to_input(product->price) : ""));
  dict.set("STOCK", context.old("stock", product ? std::to_string(product->stock) : "0"));
  dict.set("DESCRIPTION", context.old("description", product ? product->description : ""));
  dict.set("SKU", context.old("sku", product ? product->sku : ""));
  dict.set("BARCODE", context.old("barcode", product ? product->barcode : ""));
  dict.set("COST_PRICE", context.old("cost_price", product && product->cost_price > 0
                                                       ? core::centavos_to_input(product->cost_price) : ""));
  dict.set("STOCK_NOTE", context.old("stock_note", ""));
  bool has_old = !context.old("inventory_flags", "").empty();
  bool sellable = has_old ? context.old("sellable_in_store", "") == "1" : (product ? product->sellable_in_store : true);
  bool repairs = has_old ? context.old("usable_in_repairs", "") == "1" : (product ? product->usable_in_repairs : false);
  dict.show_if(sellable, "SELLABLE_CHECKED");
  dict.show_if(repairs, "REPAIRS_CHECKED");
  std::string selected = context.old("category_id", product ? std::to_string(product->category_id) : "");
  std::vector<std::pair<std::string, std::string>> options;
  if (!product) options.emplace_back("", "Seleccionar…");
  for (const auto& category : inventory::list_categories(context.services.database))
    options.emplace_back(std::to_string(category.id), category.name);
  add_options(dict, "CATEGORY_OPTION", options, selected);
  for (const char* field : {"name", "slug", "category_id", "price", "stock", "description", "image", "sku", "barcode",
                             "cost_price", "stock_note"}) {
    std::string section = "ERROR_" + std::string(field);
    for (auto& c : section) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    add_field_error(dict, context, field, section.c_str());
  }
}

http::Response not_found(web::Context& context) { throw core::not_found(); }

}  // namespace

http::Response products_index(web::Context& context) {
  inventory::ProductFilters filters;
  filters.q = context.query.value("q");
  auto category = parse_id(context.query.value("category_id"));
  filters.category_id = category ? *category : 0;
  filters.active = context.query.value("active");
  filters.featured = context.query.value("featured");
  filters.stock = context.query.value("stock");
  filters.channel = context.query.value("channel");
  filters.low_stock_threshold = context.services.config.integer("STORE_LOW_STOCK_THRESHOLD");
  filters.page = page_param(context);
  auto page = inventory::list_products(context.services.database, filters);

  web::View view("pages/back_office/products_index.tpl", "Admin — Productos");
  auto dict = view.dict();
  dict.set("Q", filters.q);
  std::vector<std::pair<std::string, std::string>> categories{{"", "Categoría: Todas"}};
  for (const auto& c : inventory::list_categories(context.services.database))
    categories.emplace_back(std::to_string(c.id), c.name);
  add_options(dict, "CATEGORY_OPTION", categories, filters.category_id ? std::to_string(filters.category_id) : "");
  add_options(dict, "ACTIVE_OPTION", {{"", "Estado: Todos"}, {"1", "Activos"}, {"0", "Inactivos"}}, filters.active);
  add_options(dict, "FEATURED_OPTION", {{"", "Destacado: Todos"}, {"1", "Destacados"}, {"0", "No destacados"}},
              filters.featured);
  add_options(dict, "STOCK_OPTION", {{"", "Stock: Todos"}, {"out", "Sin stock"}, {"low", "Stock bajo (≤ " + std::to_string(filters.low_stock_threshold) + ")"}},
              filters.stock);
  add_options(dict, "CHANNEL_OPTION",
              {{"", "Canal: Todos"}, {"store", "En la tienda online"}, {"counter_only", "Solo mostrador"},
               {"repairs", "Repuestos"}},
              filters.channel);
  add_options(dict, "BULK_CATEGORY_OPTION", std::vector<std::pair<std::string, std::string>>(categories.begin() + 1, categories.end()), "");
  bool filtered = !filters.q.empty() || filters.category_id || !filters.active.empty() || !filters.featured.empty() ||
                  !filters.stock.empty() || !filters.channel.empty();
  dict.show_if(filtered, "CLEAR_FILTERS");
  dict.set("TOTAL", page.total);
  if (page.items.empty()) dict.show("EMPTY");
  for (const auto& product : page.items) {
    auto row = dict.add("PRODUCT");
    row.set("ID", product.id).set("NAME", product.name).set("SLUG", product.slug);
    row.set("CATEGORY", product.category_name.empty() ? "—" : product.category_name);
    row.set("PRICE", core::format_ars(product.price)).set("STOCK", product.stock);
    row.set("STOCK_CLASS", product.stock > 0 ? "badge-emerald" : "badge-rose");
    row.set("STOCK_LABEL", product.stock > 0 ? "Stock: " + std::to_string(product.stock) : "Sin stock");
    row.set("ACTIVE_CLASS", product.active ? "badge-emerald" : "badge-zinc");
    row.set("ACTIVE_LABEL", product.active ? "Activo" : "Inactivo");
    row.set("FEATURED_CLASS", product.featured ? "badge-amber" : "badge-zinc");
    row.set("FEATURED_LABEL", product.featured ? "Destacado" : "Normal");
    if (!product.sku.empty()) row.add("SKU").set("VALUE", product.sku);
    if (!product.barcode.empty()) row.add("BARCODE").set("VALUE", product.barcode);
    row.show_if(!product.sellable_in_store, "COUNTER_ONLY");
    row.show_if(product.usable_in_repairs, "FOR_REPAIRS");
    if (auto url = product.image_url(); !url.empty()) row.add("IMAGE").set("URL", url);
    else row.show("NO_IMAGE");
  }
  add_pagination(dict, context, "/admin/productos", page.page, page.pages);
  return web::render(context, view);
}

http::Response products_create(web::Context& context) {
  web::View view("pages/back_office/product_form.tpl", "Admin — Nuevo producto");
  auto dict = view.dict();
  dict.show("CREATE");
  dict.set("ACTION", "/admin/productos");
  fill_form(dict, context, nullptr);
  return web::render(context, view);
}

http::Response products_store(web::Context& context) {
  auto input = product_input(context);
  auto errors = inventory::check_product(context.services.database, input);
  std::string image;
  if (const auto* file = image_file(context); file && errors.empty()) image = store_product_image(context, *file, errors);
  if (!errors.empty()) return context.back_with_errors(errors, {}, "/admin/productos/crear");
  auto result =
      db::write(context.services.database, [&](db::Tx& tx) { return inventory::create_product(tx, input, image); });
  if (!result.errors.empty()) {
    if (!image.empty()) remove_upload(context, image);
    return context.back_with_errors(result.errors, {}, "/admin/productos/crear");
  }
  context.flash_next("success", "Producto creado.");
  return http::Response::redirect("/admin/productos", 302);
}

http::Response products_edit(web::Context& context) {
  auto id = id_param(context, "product");
  auto product = id ? inventory::find_product(context.services.database, *id) : std::nullopt;
  if (!product) return not_found(context);
  web::View view("pages/back_office/product_form.tpl", "Admin — Editar producto");
  auto dict = view.dict();
  dict.add("EDIT").set("ID", product->id);
  dict.set("ID", product->id);
  dict.set("ACTION", "/admin/productos/" + std::to_string(product->id));
  fill_form(dict, context, &*product);
  if (auto url = product->image_url(); !url.empty()) {
    dict.add("CURRENT_IMAGE").set("URL", url);
  } else {
    dict.show("NO_CURRENT_IMAGE");
  }
  return web::render(context, view);
}

http::Response products_update(web::Context& context) {
  auto id = id_param(context, "product");
  if (!id) return not_found(context);
  std::string back = "/admin/productos/" + std::to_string(*id) + "/editar";
  auto input = product_input(context);
  auto errors = inventory::check_product(context.services.database, input, *id);
  std::string image;
  if (const auto* file = image_file(context); file && errors.empty()) image = store_product_image(context, *file, errors);
  if (!errors.empty()) return context.back_with_errors(errors, {}, back);
  auto change = !image.empty() ? inventory::ImageChange::kReplace
                : context.input.value("remove_image") == "1" ? inventory::ImageChange::kRemove
                                                              : inventory::ImageChange::kKeep;
  auto result = db::write(context.services.database,
                          [&](db::Tx& tx) { return inventory::update_product(tx, *id, input, change, image); });
  if (!result.errors.empty() || result.id == 0) {
    if (!image.empty()) remove_upload(context, image);
    if (result.id == 0 && result.errors.empty()) return not_found(context);
    return context.back_with_errors(result.errors, {}, back);
  }
  if (!result.old_image.empty()) remove_upload(context, result.old_image);
  context.flash_next("success", "Producto actualizado.");
  return http::Response::redirect("/admin/productos", 302);
}

http::Response products_destroy(web::Context& context) {
  auto id = id_param(context, "product");
  if (!id) return not_found(context);
  auto deletion = db::write(context.services.database, [&](db::Tx& tx) { return inventory::delete_product(tx, *id); });
  if (deletion.outcome == inventory::DeleteOutcome::kNotFound) return not_found(context);
  if (deletion.outcome == inventory::DeleteOutcome::kHasOrders) {
    web::FieldErrors errors;
    errors.add("delete",
               "No se puede eliminar el producto porque tiene pedidos asociados. Podés desactivarlo para ocultarlo de la tienda.");
    context.flash_errors(errors);
    return http::Response::redirect("/admin/productos", 302);
  }
  for (const auto& image : deletion.image_paths) remove_upload(context, image);
  context.flash_next("success", "Producto eliminado.");
  return http::Response::redirect("/admin/productos", 302);
}

}  // namespace routes::back_office
