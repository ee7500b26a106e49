// Small presentation helpers shared by the admin repair pages (badges, money, ages, form re-fill).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/repairs/repair_form.hpp"
#include "domain/repairs/status.hpp"

namespace web {
class Context;
class Dict;
}

namespace routes::repairs_view {

// Badge class of a status (docs/domain/repairs.md: received sky, diagnosing/repairing indigo, waiting amber, …).
std::string_view badge_class(repairs::RepairStatus status);
// "$ 12.345", or `empty` for null.
std::string money_or(const std::optional<std::int64_t>& centavos, std::string_view empty = "—");
// "hace 3 horas" / "hace 2 días" (core::minutes_ago) between a UTC SQL timestamp and now.
std::string age(const std::string& sql_utc, const std::string& now_utc);
// "dd/mm/YYYY HH:MM" local, or "—".
std::string local_or_dash(const std::string& sql_utc);
// The path id of /admin/reparaciones/{repair}; nullopt when it is not a positive integer.
std::optional<long long> repair_id_param(const web::Context& context);
// Copies the repair form fields from the request body.
repairs::RepairFormInput read_repair_form(const web::Context& context);
// Sets ERROR_<FIELD> sections (with MESSAGE) for each field that has an error.
void field_errors(web::Dict dict, const web::Context& context, std::initializer_list<std::string_view> fields);

}  // namespace routes::repairs_view
