// Helpers on the plain request/response values.
#include "http/message.hpp"

#include <algorithm>

#include "core/strings.hpp"

namespace http {

std::string_view Request::header(std::string_view name) const {
  for (const auto& h : headers) {
    if (core::equals_ci(h.name, name)) return h.value;
  }
  return {};
}

void Response::set_header(std::string name, std::string value) {
  headers.erase(std::remove_if(headers.begin(), headers.end(), [&](const Header& h) { return core::equals_ci(h.name, name); }),
                headers.end());
  headers.push_back({std::move(name), std::move(value)});
}

void Response::add_header(std::string name, std::string value) { headers.push_back({std::move(name), std::move(value)}); }

PresetHeaders::PresetHeaders(std::vector<Header> list) : headers(std::move(list)) {
  for (const auto& header : headers) lines += header.name + ": " + header.value + "\r\n";
}

std::string_view Response::header(std::string_view name) const {
  for (const auto& h : headers) {
    if (core::equals_ci(h.name, name)) return h.value;
  }
  return {};
}

Response Response::text(int status, std::string body) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  r.set_header("Content-Type", "text/plain; charset=UTF-8");
  return r;
}

Response Response::html(int status, std::string body) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  r.set_header("Content-Type", "text/html; charset=UTF-8");
  return r;
}

Response Response::json(int status, std::string body) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  r.set_header("Content-Type", "application/json");
  return r;
}

Response Response::redirect(std::string location, int status) {
  Response r;
  r.status = status;
  r.set_header("Location", std::move(location));
  r.set_header("Content-Type", "text/html; charset=UTF-8");
  return r;
}

std::string_view reason_phrase(int status) {
  switch (status) {
    case 100: return "Continue";
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 413: return "Payload Too Large";
    case 419: return "Page Expired";
    case 422: return "Unprocessable Content";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    default: return "Unknown";
  }
}

}  // namespace http
