// Domain outcomes that are answers, not incidents: each has a kind (mapped to an HTTP status in one place,
// web::Kernel's step 7 in src/web/kernel.cpp, which renders the page or the JSON body), a Spanish message for the
// user and an English detail for the log. Handlers and domain code throw them; nothing below the web layer knows
// about HTTP. Failures (I/O, SQL, broken invariants) are ordinary exceptions and become the 500 or 503 page.
#pragma once

#include <stdexcept>
#include <string>

namespace core {

// When adding a kind here ^, add its status in web/kernel.cpp (status_for) and, for a new status, its page in
// web/render.cpp (error_page) and templates/pages/errors/.
enum class ErrorKind {
  kBadRequest,   // 400: the request cannot be understood (a malformed date, a path that tries to escape)
  kNotFound,     // 404: no such record, or not visible to this visitor
  kInvalid,      // 422: understood, but the data breaks a rule (form errors re-render instead: see validation.hpp)
  kConflict,     // 409: the record changed meanwhile or the action was already done
  kForbidden,    // 403: the visitor may not do this
  kUnavailable,  // 503: a dependency cannot serve right now
};

class DomainError : public std::runtime_error {
 public:
  DomainError(ErrorKind kind, std::string user_message, const std::string& log_detail = {})
      : std::runtime_error(log_detail.empty() ? user_message : log_detail),
        kind_(kind),
        user_message_(std::move(user_message)) {}
  ErrorKind kind() const { return kind_; }
  // Spanish, shown to the visitor (may be empty: the page for the kind then says it in general words).
  const std::string& user_message() const { return user_message_; }

 private:
  ErrorKind kind_;
  std::string user_message_;
};

// Named factories, so a handler reads `throw core::not_found("Pedido no encontrado.", "unknown order");`. The
// message (Spanish) goes to the page or the JSON body; the log detail (English) to the info log line with the
// request id.
[[nodiscard]] inline DomainError not_found(std::string user_message = "No encontramos lo que buscabas.",
                                           const std::string& log_detail = "not found") {
  return DomainError(ErrorKind::kNotFound, std::move(user_message), log_detail);
}
[[nodiscard]] inline DomainError forbidden(std::string user_message, const std::string& log_detail = "forbidden") {
  return DomainError(ErrorKind::kForbidden, std::move(user_message), log_detail);
}
[[nodiscard]] inline DomainError conflict(std::string user_message, const std::string& log_detail = "conflict") {
  return DomainError(ErrorKind::kConflict, std::move(user_message), log_detail);
}
[[nodiscard]] inline DomainError invalid(std::string user_message, const std::string& log_detail = "invalid") {
  return DomainError(ErrorKind::kInvalid, std::move(user_message), log_detail);
}
[[nodiscard]] inline DomainError bad_request(std::string user_message, const std::string& log_detail = "bad request") {
  return DomainError(ErrorKind::kBadRequest, std::move(user_message), log_detail);
}
[[nodiscard]] inline DomainError unavailable(std::string user_message, const std::string& log_detail = "unavailable") {
  return DomainError(ErrorKind::kUnavailable, std::move(user_message), log_detail);
}

}  // namespace core
