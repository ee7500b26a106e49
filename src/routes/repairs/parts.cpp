// Repair parts on the admin repair page: the "Repuestos" card (fill_repair_parts) and its two forms,
// POST /admin/reparaciones/{repair}/repuestos (apply: product_id, quantity) and
// POST /admin/reparaciones/{repair}/repuestos/{part}/quitar (remove, stock returned). Each write is one transaction
// with its audit entry; refusals come back as a field error on the card.
#include "routes/repairs/parts.hpp"

#include "core/errors.hpp"
#include "core/money.hpp"
#include "core/parse.hpp"
#include "core/strings.hpp"
#include "core/validation.hpp"
#include "db/unit_of_work.hpp"
#include "domain/repairs/repair_parts.hpp"
#include "domain/repairs/repair_record.hpp"
#include "domain/repairs/status.hpp"
#include "domain/repairs/status_change.hpp"
#include "routes/repairs/handlers.hpp"
#include "routes/repairs/view_helpers.hpp"
#include "web/context.hpp"

namespace routes {

namespace repairs_view {

void fill_repair_parts(web::Dict dict, web::Context& context, const repairs::RepairRecord& repair) {
  auto parts = repairs::repair_parts(context.services.database, repair.id);
  bool open = !repairs::is_final(repair.status);
  long long total = 0;
  for (const auto& part : parts) {
    auto row = dict.add("PART");
    row.set("ID", part.id).set("REPAIR_ID", repair.id).set("NAME", part.product_name).set("QUANTITY", part.quantity);
    row.set("COST", core::format_ars(part.unit_cost * part.quantity));
    row.set("ADDED_AT", local_or_dash(part.created_at));
    // Its own section, not NOT_FINAL: a section shown on the page's dictionary reads the page's ID and NAME.
    row.show_if(open, "CAN_REMOVE");
    total += part.unit_cost * part.quantity;
  }
  dict.set("PARTS_COUNT", static_cast<long long>(parts.size()));
  dict.set("PARTS_TOTAL", core::format_ars(total));
  if (parts.empty()) dict.show("NO_PARTS");
  else dict.show("HAS_PARTS");
  if (!open) return;
  auto choices = repairs::part_choices(context.services.database, repair.device_model);
  if (choices.empty()) {
    dict.show("NO_PART_CHOICES");
    return;
  }
  auto form = dict.add("CAN_ADD_PARTS");
  for (const auto& choice : choices) {
    auto option = form.add("PART_CHOICE");
    option.set("ID", choice.product_id);
    std::string label = choice.name + (choice.sku.empty() ? "" : " (" + choice.sku + ")") + " · stock " +
                        std::to_string(choice.stock) + " · costo " + core::format_ars(choice.cost_price);
    if (choice.matches_device) label = "★ " + label;
    option.set("LABEL", label);
  }
  field_errors(form, context, {"part"});
}

}  // namespace repairs_view

namespace {

std::string parts_anchor(long long repair_id) {
  return "/admin/reparaciones/" + std::to_string(repair_id) + "#repair_parts";
}

std::optional<long long> user_of(const web::Context& context) {
  return context.user ? std::optional<long long>(context.user->id) : std::nullopt;
}

}  // namespace

http::Response admin_repairs_parts_add(web::Context& context) {
  auto id = repairs_view::repair_id_param(context);
  if (!id) throw core::not_found(repairs::kRepairNotFoundMessage, "bad repair id");
  std::string back = "/admin/reparaciones/" + std::to_string(*id);
  auto product = core::parse_id(core::trim(context.input.value("product_id")));
  std::string quantity_text = core::trim(context.input.value("quantity"));
  long long quantity = 1;
  if (!quantity_text.empty())
    quantity = quantity_text.size() <= 2 && core::digits_only(quantity_text) == quantity_text ? std::stoll(quantity_text) : 0;
  core::FieldErrors errors;
  if (!product) errors.add("part", "Elegí el repuesto que usaste.");
  else if (quantity < 1) errors.add("part", "La cantidad debe ser un número entre 1 y 99.");
  if (!errors.empty()) return context.back_with_errors(errors, {}, back, "#repair_parts");
  try {
    db::write(context.services.database, [&](db::Tx& tx) {
      long long part = repairs::apply_part(tx, *id, *product, quantity, user_of(context));
      context.audit(tx, "admin.repair.part_applied", "App\\Models\\Repair", *id,
                    {{"part_id", std::to_string(part)}, {"product_id", std::to_string(*product)},
                     {"quantity", std::to_string(quantity)}});
      return part;
    });
  } catch (const repairs::PartRefused& refused) {
    errors.add("part", refused.what());
    return context.back_with_errors(errors, {}, back, "#repair_parts");
  }
  context.flash_next("success", "Repuesto agregado: se descontó del stock y se sumó al costo de repuestos.");
  return http::Response::redirect(parts_anchor(*id), 303);
}

http::Response admin_repairs_parts_remove(web::Context& context) {
  auto id = repairs_view::repair_id_param(context);
  auto found = context.params.find("part");
  auto part = found == context.params.end() ? std::nullopt : core::parse_id(found->second);
  if (!id || !part) throw core::not_found(repairs::kRepairNotFoundMessage, "bad repair or part id");
  bool removed = db::write(context.services.database, [&](db::Tx& tx) {
    bool done = repairs::remove_part(tx, *id, *part, user_of(context));
    if (done)
      context.audit(tx, "admin.repair.part_removed", "App\\Models\\Repair", *id, {{"part_id", std::to_string(*part)}});
    return done;
  });
  context.flash_next("success", removed ? "Repuesto quitado: el stock volvió al inventario."
                                        : "Ese repuesto ya se había quitado; no se devolvió stock otra vez.");
  return http::Response::redirect(parts_anchor(*id), 303);
}

}  // namespace routes
