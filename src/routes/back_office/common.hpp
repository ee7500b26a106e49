// Small helpers shared by the back-office handlers: route ids, JSON answers, select options, pagination
// links, and removal of uploaded files the domain says are no longer used.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/parse.hpp"
#include "domain/inventory/products.hpp"
#include "http/message.hpp"
#include "web/views.hpp"

namespace web {
class Context;
}

namespace routes::back_office {

// The numeric route parameter `name`, or nullopt (the caller answers 404).
std::optional<long long> id_param(const web::Context& context, const char* name);
using core::parse_id;

// {"ok":…, "<key>":…, "message":…}: the quick-action answers.
http::Response json_answer(int status, bool ok, const std::string& fields, const std::string& message);

// Adds one OPTION repetition per (value, label) under `section`, marking `selected`.
void add_options(web::Dict dict, std::string_view section, const std::vector<std::pair<std::string, std::string>>& options,
                 const std::string& selected);

// "Página 2 de 5" with previous/next links that keep the current query string (section PAGINATION).
void add_pagination(web::Dict dict, const web::Context& context, const std::string& path, long long page, long long pages);
// ?page=N as a number ≥ 1.
long long page_param(const web::Context& context);

// Where uploads live (storage/app/public).
std::filesystem::path uploads_root(const web::Context& context);
// Deletes storage/app/public/<relative> when it is one of our managed folders; ignores errors.
void remove_upload(const web::Context& context, const std::string& relative);

// Field error of the previous request into section `section` as MESSAGE.
void add_field_error(web::Dict dict, const web::Context& context, const char* field, const char* section);

}  // namespace routes::back_office
