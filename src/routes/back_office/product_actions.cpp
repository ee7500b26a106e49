// Quick actions of the admin product list (docs/domain/ui-contract.md "Back-office pages"): active/featured toggles and
// stock, answered as JSON for the page's script or as a redirect with a flash for a plain form post; and the bulk
// actions, JSON for the script (a refusal to a plain form post is the 422 page, see web/kernel.cpp).
#include "core/errors.hpp"
#include "core/log.hpp"
#include "db/unit_of_work.hpp"
#include "domain/inventory/bulk_actions.hpp"
#include "domain/inventory/products.hpp"
#include "routes/back_office/common.hpp"
#include "routes/back_office/handlers.hpp"
#include "web/context.hpp"
#include "web/render.hpp"

namespace routes::back_office {

namespace {

// Not found, as the page (plain form) or {"ok":false,"message":…} (the list's script), from the kernel.
[[noreturn]] void missing(web::Context&) { throw core::not_found("No encontramos ese producto.", "unknown product"); }

http::Response answer(web::Context& context, const std::string& fields, const std::string& message) {
  if (context.wants_json()) return json_answer(200, true, fields, message);
  context.flash_next("success", message);
  return http::Response::redirect(context.previous_url("/admin/productos"), 302);
}

std::string flag(const char* key, bool value) { return std::string("\"") + key + "\":" + (value ? "true" : "false"); }

}  // namespace

http::Response products_toggle_active(web::Context& context) {
  auto id = id_param(context, "product");
  auto active =
      id ? db::write(context.services.database, [&](db::Tx& tx) { return inventory::toggle_product_active(tx, *id); })
         : std::nullopt;
  if (!active) missing(context);
  return answer(context, flag("active", *active), *active ? "Producto activado ✅" : "Producto desactivado ✅");
}

http::Response products_toggle_featured(web::Context& context) {
  auto id = id_param(context, "product");
  auto featured =
      id ? db::write(context.services.database, [&](db::Tx& tx) { return inventory::toggle_product_featured(tx, *id); })
         : std::nullopt;
  if (!featured) missing(context);
  return answer(context, flag("featured", *featured), *featured ? "Marcado como destacado ✅" : "Quitado de destacados ✅");
}

http::Response products_update_stock(web::Context& context) {
  auto id = id_param(context, "product");
  if (!id) missing(context);
  auto stock = inventory::parse_stock(context.input.value("stock"));
  if (!stock) {
    const std::string message = "El stock debe ser un número entero mayor o igual a 0.";
    if (context.wants_json())
      return http::Response::json(422, "{\"ok\":false,\"message\":" + core::json_quote(message) +
                                           ",\"errors\":{\"stock\":[" + core::json_quote(message) + "]}}");
    web::FieldErrors errors;
    errors.add("stock", message);
    return context.back_with_errors(errors, {}, "/admin/productos");
  }
  if (!db::write(context.services.database, [&](db::Tx& tx) { 
        return inventory::set_product_stock(tx, *id, *stock, context.user ? std::optional<long long>(context.user->id)
                                                                          : std::nullopt);
      }))
    missing(context);
  return answer(context, "\"stock\":" + std::to_string(*stock), "Stock actualizado ✅");
}

http::Response products_bulk(web::Context& context) {
  inventory::BulkRequest request;
  request.action = context.input.value("action");
  request.ids = context.input.all("ids");
  request.stock = context.input.value("stock");
  request.category_id = context.input.value("category_id");
  if (context.user) request.user_id = context.user->id;
  auto result =
      db::write(context.services.database, [&](db::Tx& tx) { return inventory::apply_bulk_action(tx, request); });
  for (const auto& image : result.removed_images) remove_upload(context, image);
  // Refused (nothing done): the bar's script reads the counts and the message; a plain form post (no script)
  // gets the 422 page with the message.
  if (!result.ok && !context.wants_json()) throw core::invalid(result.message, "bulk action refused: " + request.action);
  std::string fields = "\"affected\":" + std::to_string(result.affected) + ",\"skipped\":" + std::to_string(result.skipped);
  return json_answer(result.status, result.ok, fields, result.message);
}

}  // namespace routes::back_office
