// Admin categories (docs/domain/store.md "Back office: categories and products"): list, create, edit, delete, active
// toggle.
#include "core/errors.hpp"
#include "domain/inventory/categories.hpp"
#include "db/unit_of_work.hpp"
#include "routes/back_office/common.hpp"
#include "routes/back_office/handlers.hpp"
#include "web/context.hpp"
#include "web/render.hpp"

namespace routes::back_office {

namespace {

inventory::CategoryInput category_input(const web::Context& context) {
  return {context.input.value("name"), context.input.value("slug"), context.input.value("description"),
          context.input.value("icon")};
}

void fill_form(web::Dict dict, web::Context& context, const inventory::Category* category) {
  dict.set("NAME", context.old("name", category ? category->name : ""));
  dict.set("SLUG", context.old("slug", category ? category->slug : ""));
  dict.set("ICON", context.old("icon", category ? category->icon : ""));
  dict.set("DESCRIPTION", context.old("description", category ? category->description : ""));
  add_field_error(dict, context, "name", "ERROR_NAME");
  add_field_error(dict, context, "slug", "ERROR_SLUG");
  add_field_error(dict, context, "icon", "ERROR_ICON");
  add_field_error(dict, context, "description", "ERROR_DESCRIPTION");
}

http::Response not_found(web::Context& context) { throw core::not_found(); }

}  // namespace

http::Response categories_index(web::Context& context) {
  auto categories = inventory::list_categories(context.services.database);
  web::View view("pages/back_office/categories_index.tpl", "Admin — Categorías");
  auto dict = view.dict();
  dict.set("TOTAL", static_cast<long long>(categories.size()));
  if (categories.empty()) dict.show("EMPTY");
  for (const auto& category : categories) {
    auto row = dict.add("CATEGORY");
    row.set("ID", category.id).set("NAME", category.name).set("SLUG", category.slug);
    row.set("DESCRIPTION", category.description.empty() ? "—" : category.description);
    row.set("ICON", category.icon).set("PRODUCTS", category.products_count);
    row.set("ACTIVE_CLASS", category.active ? "badge-emerald" : "badge-zinc");
    row.set("ACTIVE_LABEL", category.active ? "Activa" : "Inactiva");
  }
  return web::render(context, view);
}

http::Response categories_create(web::Context& context) {
  web::View view("pages/back_office/category_form.tpl", "Admin — Nueva categoría");
  auto dict = view.dict();
  dict.show("CREATE");
  dict.set("ACTION", "/admin/categorias");
  fill_form(dict, context, nullptr);
  return web::render(context, view);
}

http::Response categories_store(web::Context& context) {
  auto result = db::write(context.services.database,
                          [&](db::Tx& tx) { return inventory::create_category(tx, category_input(context)); });
  if (!result.errors.empty()) return context.back_with_errors(result.errors, {}, "/admin/categorias/crear");
  context.flash_next("success", "Categoría creada.");
  return http::Response::redirect("/admin/categorias/" + std::to_string(result.id) + "/editar", 302);
}

http::Response categories_edit(web::Context& context) {
  auto id = id_param(context, "category");
  auto category = id ? inventory::find_category(context.services.database, *id) : std::nullopt;
  if (!category) return not_found(context);
  web::View view("pages/back_office/category_form.tpl", "Admin — Editar categoría");
  auto dict = view.dict();
  dict.add("EDIT").set("ID", category->id);
  dict.set("ID", category->id);
  dict.set("ACTION", "/admin/categorias/" + std::to_string(category->id));
  fill_form(dict, context, &*category);
  return web::render(context, view);
}

http::Response categories_update(web::Context& context) {
  auto id = id_param(context, "category");
  if (!id) return not_found(context);
  auto result = db::write(context.services.database,
                          [&](db::Tx& tx) { return inventory::update_category(tx, *id, category_input(context)); });
  if (!result.errors.empty())
    return context.back_with_errors(result.errors, {}, "/admin/categorias/" + std::to_string(*id) + "/editar");
  if (result.id == 0) return not_found(context);
  context.flash_next("success", "Categoría actualizada.");
  return http::Response::redirect(context.previous_url("/admin/categorias/" + std::to_string(*id) + "/editar"), 302);
}

http::Response categories_destroy(web::Context& context) {
  auto id = id_param(context, "category");
  if (!id) return not_found(context);
  auto deletion = db::write(context.services.database, [&](db::Tx& tx) { return inventory::delete_category(tx, *id); });
  if (deletion.outcome == inventory::DeleteOutcome::kNotFound) return not_found(context);
  if (deletion.outcome == inventory::DeleteOutcome::kHasOrders) {
    web::FieldErrors errors;
    errors.add("delete",
               "No se puede eliminar la categoría porque tiene productos con pedidos asociados. Desactívala en lugar de borrarla.");
    context.flash_errors(errors);
    return http::Response::redirect("/admin/categorias", 302);
  }
  for (const auto& image : deletion.image_paths) remove_upload(context, image);
  context.flash_next("success", "Categoría eliminada.");
  return http::Response::redirect("/admin/categorias", 302);
}

http::Response categories_toggle_active(web::Context& context) {
  auto id = id_param(context, "category");
  auto active =
      id ? db::write(context.services.database, [&](db::Tx& tx) { return inventory::toggle_category_active(tx, *id); })
         : std::nullopt;
  if (!active) throw core::not_found("No encontramos esa categoría.", "unknown category");
  std::string message = *active ? "Categoría activada ✅" : "Categoría desactivada ✅";
  if (context.wants_json()) return json_answer(200, true, std::string("\"active\":") + (*active ? "true" : "false"), message);
  context.flash_next("success", message);
  return http::Response::redirect(context.previous_url("/admin/categorias"), 302);
}

}  // namespace routes::back_office
