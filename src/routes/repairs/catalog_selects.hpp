// Filling the device type / brand / model / issue selects of the repair forms: options grouped by parent
// (<optgroup data-parent>) so the page works without JavaScript and the script can narrow them.
#pragma once

#include <string>

#include "domain/repairs/intake_options.hpp"

namespace web {
class Dict;
}

namespace routes::repairs_view {

struct CatalogSelection {
  std::string type_id, brand_id, model_id, issue_id;  // as posted / stored ("" = none)
};

// Sets TYPE_OPTION, BRAND_GROUP, MODEL_GROUP, ISSUE_GROUP (each group: LABEL, PARENT, OPTION{ID, NAME, PARENT,
// SELECTED, INACTIVE}) and SELECTED_TYPE/BRAND/MODEL/ISSUE.
void fill_catalog_selects(web::Dict dict, const repairs::IntakeOptions& options, const CatalogSelection& selected);

}  // namespace routes::repairs_view
