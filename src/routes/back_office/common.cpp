// Back-office handler helpers (see common.hpp).
#include "routes/back_office/common.hpp"

#include "core/config.hpp"
#include "core/log.hpp"
#include "core/strings.hpp"
#include "domain/inventory/products.hpp"
#include "http/form.hpp"
#include "web/context.hpp"

namespace routes::back_office {

std::optional<long long> id_param(const web::Context& context, const char* name) {
  auto found = context.params.find(name);
  if (found == context.params.end()) return std::nullopt;
  return parse_id(found->second);
}

http::Response json_answer(int status, bool ok, const std::string& fields, const std::string& message) {
  std::string body = std::string("{\"ok\":") + (ok ? "true" : "false");
  if (!fields.empty()) body += "," + fields;
  body += ",\"message\":" + core::json_quote(message) + "}";
  return http::Response::json(status, body);
}

void add_options(web::Dict dict, std::string_view section, const std::vector<std::pair<std::string, std::string>>& options,
                 const std::string& selected) {
  for (const auto& [value, label] : options) {
    web::Dict option = dict.add(section);
    option.set("VALUE", value).set("LABEL", label);
    if (value == selected) option.show("SELECTED");
  }
}

long long page_param(const web::Context& context) {
  return core::parse_page(context.query.value("page"));
}

void add_pagination(web::Dict dict, const web::Context& context, const std::string& path, long long page, long long pages) {
  if (pages <= 1) return;
  std::vector<std::pair<std::string, std::string>> kept;
  for (const auto& field : context.query.fields())
    if (field.first != "page") kept.push_back(field);
  auto link = [&](long long target) {
    auto pairs = kept;
    pairs.emplace_back("page", std::to_string(target));
    return path + "?" + http::build_urlencoded(pairs);
  };
  web::Dict pagination = dict.add("PAGINATION");
  pagination.set("PAGE", page).set("PAGES", pages);
  if (page > 1) pagination.add("PREV").set("URL", link(page - 1));
  if (page < pages) pagination.add("NEXT").set("URL", link(page + 1));
}

std::filesystem::path uploads_root(const web::Context& context) {
  return context.services.config.storage_path("app/public");
}

void remove_upload(const web::Context& context, const std::string& relative) {
  bool managed = relative.rfind("products/", 0) == 0 || relative.rfind("brand-assets/", 0) == 0;
  if (!managed || relative.find("..") != std::string::npos) return;
  std::error_code ignored;
  std::filesystem::remove(uploads_root(context) / relative, ignored);
}

void add_field_error(web::Dict dict, const web::Context& context, const char* field, const char* section) {
  if (context.errors.has(field)) dict.add(section).set("MESSAGE", context.errors.first(field));
}

}  // namespace routes::back_office
