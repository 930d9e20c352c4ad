// Status and Result<T>: how storydesk reports expected failures.
//
// Expected failures (bad input, a missing story, a store that cannot be opened) are values,
// never exceptions; exceptions are reserved for programmer bugs. Adapters map the codes to
// their own world: the CLI to exit codes and one-line messages, the HTTP server to statuses.
// Thread-safety: plain values; safe to copy between threads.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace storydesk {

enum class ErrorCode {
  kOk = 0,
  kInvalidInput,  // the input cannot be read as an article (bad UTF-8, bad JSON, bad date...)
  kNotFound,      // the named article or story does not exist
  kConflict,      // the input contradicts what is stored (same id, different text)
  kIo,            // a file could not be opened or read
  kStore,         // the store failed (SQLite error, corrupt or newer schema)
  kUsage,         // the caller asked for something meaningless (bad flag value)
};

// A code and a human message; the message is one line, says what is wrong and,
// where possible, what to do about it.
class Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status Error(ErrorCode code, std::string message) {
    Status s;
    s.code_ = code;
    s.message_ = std::move(message);
    return s;
  }

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
};

// Either a value or a non-ok Status. Accessing value() of an error is a programmer bug.
template <typename T>
class Result {
 public:
  Result(T value) : data_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Status status) : data_(std::move(status)) {}  // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T& value() & { return std::get<T>(data_); }
  // By value, so `for (auto& x : F().value())` over a temporary Result cannot dangle.
  T value() && { return std::get<T>(std::move(data_)); }
  Status status() const { return ok() ? Status::Ok() : std::get<Status>(data_); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace storydesk
