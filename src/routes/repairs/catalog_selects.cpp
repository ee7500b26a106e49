// Catalog selects of the repair forms (see catalog_selects.hpp).
#include "routes/repairs/catalog_selects.hpp"

#include "web/views.hpp"

namespace routes::repairs_view {

namespace {
void option(web::Dict parent, const repairs::CatalogOption& item, const std::string& selected) {
  auto entry = parent.add("OPTION");
  entry.set("ID", item.id);
  entry.set("PARENT", item.parent_id);
  entry.set("NAME", item.active ? item.name : item.name + " (inactivo)");
  if (std::to_string(item.id) == selected) entry.show("SELECTED");
}

void grouped(web::Dict dict, const std::string& section, const std::vector<repairs::CatalogOption>& items,
             const std::string& selected) {
  long long current_parent = -1;
  web::Dict group(nullptr);
  for (const auto& item : items) {
    if (item.parent_id != current_parent) {
      group = dict.add(section);
      group.set("LABEL", item.parent_name);
      group.set("PARENT", item.parent_id);
      current_parent = item.parent_id;
    }
    option(group, item, selected);
  }
}
}  // namespace

void fill_catalog_selects(web::Dict dict, const repairs::IntakeOptions& options, const CatalogSelection& selected) {
  for (const auto& type : options.types) {
    auto entry = dict.add("TYPE_OPTION");
    entry.set("ID", type.id);
    entry.set("NAME", type.active ? type.name : type.name + " (inactivo)");
    if (std::to_string(type.id) == selected.type_id) entry.show("SELECTED");
  }
  grouped(dict, "BRAND_GROUP", options.brands, selected.brand_id);
  grouped(dict, "MODEL_GROUP", options.models, selected.model_id);
  grouped(dict, "ISSUE_GROUP", options.issues, selected.issue_id);
  dict.set("SELECTED_TYPE", selected.type_id);
  dict.set("SELECTED_BRAND", selected.brand_id);
  dict.set("SELECTED_MODEL", selected.model_id);
  dict.set("SELECTED_ISSUE", selected.issue_id);
}

}  // namespace routes::repairs_view
