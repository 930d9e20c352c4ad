// Small checks and helpers shared by the readers: is a record text at all, where is a byte
// offset as line and column, how to quote an untrusted value inside a one-line message.
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace storydesk::read {

// Why some bytes are not text.
struct TextProblem {
  enum class Kind { kNulByte, kInvalidUtf8 };
  Kind kind;
  size_t offset;  // of the first offending byte
};

// The first NUL byte (binary data) or, when there is none, the first invalid UTF-8 sequence;
// nullopt when `bytes` is well-formed UTF-8 text. NUL is looked for first because a binary
// file is better reported as binary than as bad UTF-8.
std::optional<TextProblem> FindTextProblem(std::string_view bytes);

// The 1-based line and byte column of `offset` within `bytes`.
void LineAndColumn(std::string_view bytes, size_t offset, int64_t* line, int64_t* column);

// `value` in double quotes for a one-line message: control characters and invalid UTF-8
// escaped, anything longer than `max_bytes` cut (at a character boundary) and marked "...".
std::string QuoteForMessage(std::string_view value, size_t max_bytes = 60);

// The same escaping and cutting, without the quotes (and leaving '"' as it is): for text
// from elsewhere, such as a parser's message, that must fit on one line.
std::string OneLine(std::string_view value, size_t max_bytes);

// `s` without leading and trailing ASCII white space (space, tab, CR, LF, VT, FF).
std::string_view TrimWhitespace(std::string_view s);

bool IsBlank(std::string_view s);

// `s` with ASCII letters lower-cased (other bytes as they are): for names, tags and header fields.
std::string LowerAscii(std::string_view s);

}  // namespace storydesk::read
