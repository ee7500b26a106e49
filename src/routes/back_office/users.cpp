// Admin users (docs/domain/accounts.md "Users admin"): list with search and role filter, a user's page with
// their orders and repairs, and role changes (audited as admin.user.role_changed).
#include "core/clock.hpp"
#include "core/errors.hpp"
#include "core/money.hpp"
#include "core/phone.hpp"
#include "db/unit_of_work.hpp"
#include "domain/repairs/status.hpp"
#include "domain/users_admin/users_admin.hpp"
#include "routes/back_office/common.hpp"
#include "routes/back_office/handlers.hpp"
#include "web/context.hpp"
#include "web/render.hpp"

namespace routes::back_office {

namespace {

// Order status labels (docs/domain/orders.md "Statuses") for display only; the order workflow lives in domain/orders.
std::string order_status_label(const std::string& key) {
  if (key == "pendiente") return "Pendiente";
  if (key == "confirmado") return "Confirmado";
  if (key == "preparando") return "Preparando";
  if (key == "listo_retirar") return "Listo para retirar";
  if (key == "entregado") return "Entregado";
  if (key == "cancelado") return "Cancelado";
  return key;
}

std::string repair_status_label(const std::string& key) {
  auto status = repairs::parse_status(key);
  return status ? std::string(repairs::status_label(*status)) : key;
}

std::string registered(const std::string& created_at) {
  return created_at.empty() ? "—" : core::format_local(created_at);
}

void fill_user(web::Dict row, const users_admin::UserSummary& user) {
  row.set("ID", user.id);
  row.set("FULL_NAME", user.last_name.empty() ? user.name : user.name + " " + user.last_name);
  row.set("EMAIL", user.email).set("PHONE", user.phone.empty() ? "—" : core::phone::display(user.phone));
  row.set("CREATED", registered(user.created_at));
  row.set("ORDERS", user.orders_count).set("REPAIRS", user.repairs_count);
  bool admin = user.role == "admin";
  row.set("ROLE_CLASS", admin ? "badge-indigo" : "badge-zinc").set("ROLE_LABEL", admin ? "ADMIN" : "USER");
}

}  // namespace

http::Response users_index(web::Context& context) {
  users_admin::UserFilters filters{context.query.value("q"), context.query.value("role"), page_param(context)};
  auto page = users_admin::list_users(context.services.database, filters);
  web::View view("pages/back_office/users_index.tpl", "Admin — Usuarios");
  auto dict = view.dict();
  dict.set("Q", filters.q).set("ADMINS", page.admins).set("USERS", page.users);
  add_options(dict, "ROLE_OPTION", {{"", "Todos"}, {"user", "User"}, {"admin", "Admin"}}, filters.role);
  if (page.items.empty()) dict.show("EMPTY");
  for (const auto& user : page.items) fill_user(dict.add("USER_ROW"), user);
  add_pagination(dict, context, "/admin/usuarios", page.page, page.pages);
  return web::render(context, view);
}

http::Response users_show(web::Context& context) {
  auto id = id_param(context, "user");
  auto user = id ? users_admin::find_user(context.services.database, *id) : std::nullopt;
  if (!user) throw core::not_found();
  web::View view("pages/back_office/user_show.tpl", "Admin — Usuario #" + std::to_string(user->id));
  auto dict = view.dict();
  fill_user(dict, *user);
  add_options(dict, "ROLE_OPTION", {{"user", "User"}, {"admin", "Admin"}}, context.old("role", user->role));
  add_field_error(dict, context, "role", "ERROR_ROLE");
  auto orders = users_admin::orders_of(context.services.database, user->id);
  if (orders.empty()) dict.show("NO_ORDERS");
  for (const auto& order : orders) {
    auto row = dict.add("ORDER");
    row.set("ORDER_ID", order.id).set("STATUS", order_status_label(order.status));
    row.set("TOTAL", core::format_ars(order.total)).set("DATE", registered(order.created_at));
  }
  auto repairs = users_admin::repairs_of(context.services.database, user->id);
  if (repairs.empty()) dict.show("NO_REPAIRS");
  for (const auto& repair : repairs) {
    auto row = dict.add("REPAIR");
    row.set("REPAIR_ID", repair.id).set("CODE", repair.code.empty() ? "—" : repair.code);
    row.set("DEVICE", repair.device.empty() ? "—" : repair.device);
    row.set("STATUS", repair_status_label(repair.status)).set("DATE", registered(repair.created_at));
  }
  return web::render(context, view);
}

http::Response users_update_role(web::Context& context) {
  auto id = id_param(context, "user");
  if (!id) throw core::not_found();
  std::string to_role = context.input.value("role");
  // One unit of work: the role and its audit entry commit together.
  auto change = db::write(context.services.database, [&](db::Tx& tx) {
    auto done = users_admin::change_user_role(tx, *id, to_role, context.user->id);
    if (done.outcome == users_admin::RoleChangeOutcome::kChanged)
      context.audit(tx, "admin.user.role_changed", "App\\Models\\User", *id,
                    {{"from_role", done.from_role}, {"to_role", done.to_role}});
    return done;
  });
  std::string show = "/admin/usuarios/" + std::to_string(*id);
  using Outcome = users_admin::RoleChangeOutcome;
  switch (change.outcome) {
    case Outcome::kNotFound: throw core::not_found();
    case Outcome::kUnchanged:
      context.flash_next("success", users_admin::role_change_message(change.outcome));
      return http::Response::redirect(show, 302);
    case Outcome::kInvalidRole:
    case Outcome::kSelfDemotion:
    case Outcome::kLastAdmin: {
      web::FieldErrors errors;
      errors.add("role", users_admin::role_change_message(change.outcome));
      return context.back_with_errors(errors, {}, show);
    }
    case Outcome::kChanged: break;
  }
  context.flash_next("success", "Rol actualizado correctamente.");
  return http::Response::redirect(show, 302);
}

}  // namespace routes::back_office
