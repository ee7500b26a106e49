// POST /admin/garantias/{id}/cerrar and /reabrir: the incident's open ⇄ closed switch, audited in the same unit
// of work (admin.warranty.closed / admin.warranty.reopened). A repeated click changes nothing and says so.
#include "core/errors.hpp"
#include "db/unit_of_work.hpp"
#include "domain/warranty/incidents.hpp"
#include "routes/back_office/common.hpp"
#include "routes/warranty/handlers.hpp"
#include "web/context.hpp"

namespace routes::warranty_admin {

namespace {

http::Response change(web::Context& context, bool to_open) {
  auto id = back_office::id_param(context, "incident");
  if (!id) throw core::not_found("No encontramos esa garantía.", "unknown warranty incident");
  auto outcome = db::write(context.services.database, [&](db::Tx& tx) {
    auto done = to_open ? warranty::reopen_incident(tx, *id) : warranty::close_incident(tx, *id);
    if (done == warranty::StatusChange::kChanged)
      context.audit(tx, to_open ? "admin.warranty.reopened" : "admin.warranty.closed", "App\\Models\\WarrantyIncident",
                    *id);
    return done;
  });
  switch (outcome) {
    case warranty::StatusChange::kNotFound: throw core::not_found("No encontramos esa garantía.", "unknown warranty incident");
    case warranty::StatusChange::kUnchanged:
      context.flash_next("success", to_open ? "La garantía ya estaba abierta." : "La garantía ya estaba cerrada.");
      break;
    case warranty::StatusChange::kChanged:
      context.flash_next("success", to_open ? "Garantía reabierta." : "Garantía cerrada.");
      break;
  }
  return http::Response::redirect(context.previous_url("/admin/garantias"), 302);
}

}  // namespace

http::Response close(web::Context& context) { return change(context, false); }
http::Response reopen(web::Context& context) { return change(context, true); }

}  // namespace routes::warranty_admin
