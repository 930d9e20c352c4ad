// UTF-8 validation and decoding helpers. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace storydesk::text {

// True when `bytes` is well-formed UTF-8 (RFC 3629: no overlongs, no surrogates, <= U+10FFFF).
// On false, *error_offset (when given) is the offset of the first bad byte.
bool IsValidUtf8(std::string_view bytes, size_t* error_offset = nullptr);

// Decodes the code point starting at bytes[*pos] and advances *pos past it. On a malformed
// sequence returns U+FFFD and advances one byte, so callers never loop forever.
char32_t DecodeUtf8(std::string_view bytes, size_t* pos);

// Appends the UTF-8 encoding of `cp` to `out`.
template <typename String>
void AppendUtf8(char32_t cp, String* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace storydesk::text
