#include "storydesk/text/utf8.h"

namespace storydesk::text {
namespace {

// Length of the sequence introduced by `lead`, or 0 when `lead` cannot start one.
int SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

// Decodes one sequence at `pos`; returns its length, or 0 when malformed.
int DecodeOne(std::string_view s, size_t pos, char32_t* cp) {
  const auto lead = static_cast<unsigned char>(s[pos]);
  const int len = SequenceLength(lead);
  if (len == 0 || pos + len > s.size()) return 0;
  if (len == 1) {
    *cp = lead;
    return 1;
  }
  char32_t value = lead & (0x7F >> len);
  for (int i = 1; i < len; ++i) {
    const auto c = static_cast<unsigned char>(s[pos + i]);
    if ((c & 0xC0) != 0x80) return 0;
    value = (value << 6) | (c & 0x3F);
  }
  // Reject overlong forms, UTF-16 surrogates and values past U+10FFFF.
  static constexpr char32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
  if (value < kMinimum[len] || (value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF) return 0;
  *cp = value;
  return len;
}

}  // namespace

bool IsValidUtf8(std::string_view bytes, size_t* error_offset) {
  size_t pos = 0;
  while (pos < bytes.size()) {
    // Fast path over ASCII runs.
    if (static_cast<unsigned char>(bytes[pos]) < 0x80) {
      ++pos;
      continue;
    }
    char32_t cp = 0;
    const int len = DecodeOne(bytes, pos, &cp);
    if (len == 0) {
      if (error_offset != nullptr) *error_offset = pos;
      return false;
    }
    pos += len;
  }
  return true;
}

char32_t DecodeUtf8(std::string_view bytes, size_t* pos) {
  char32_t cp = 0;
  const int len = DecodeOne(bytes, *pos, &cp);
  if (len == 0) {
    *pos += 1;
    return 0xFFFD;
  }
  *pos += len;
  return cp;
}

}  // namespace storydesk::text
