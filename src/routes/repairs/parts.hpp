// "Repuestos" on the admin repair page (issue 21): the parts applied to the repair and the "Agregar repuesto" list
// (src/domain/repairs/repair_parts.hpp). The POST handlers are in handlers.hpp.
#pragma once

#include "web/views.hpp"

namespace web {
class Context;
}
namespace repairs {
struct RepairRecord;
}

namespace routes::repairs_view {

// Fills PARTS (applied parts), PART_CHOICE (in-stock repair parts, matching ones first), PARTS_TOTAL, HAS_PARTS /
// NO_PARTS, CAN_ADD_PARTS and ERROR_PART.
void fill_repair_parts(web::Dict dict, web::Context& context, const repairs::RepairRecord& repair);

}  // namespace routes::repairs_view
