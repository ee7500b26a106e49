// Domain outcomes that are answers, not incidents: each has a kind (mapped to an HTTP status in one place,
// src/web/error_pages.cpp), a Spanish message for the user and an English detail for the log.
#pragma once

#include <stdexcept>
#include <string>

namespace core {

enum class ErrorKind { kNotFound, kInvalid, kConflict, kForbidden, kUnavailable };

class DomainError : public std::runtime_error {
 public:
  DomainError(ErrorKind kind, std::string user_message, const std::string& log_detail = {})
      : std::runtime_error(log_detail.empty() ? user_message : log_detail),
        kind_(kind),
        user_message_(std::move(user_message)) {}
  ErrorKind kind() const { return kind_; }
  const std::string& user_message() const { return user_message_; }

 private:
  ErrorKind kind_;
  std::string user_message_;
};

}  // namespace core
