#include "adapters/read/text_checks.h"

#include <cstdio>
#include <cstring>

#include "storydesk/text/utf8.h"

namespace storydesk::read {
namespace {

std::string HexEscape(unsigned char byte) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "\\x%02X", byte);
  return buf;
}

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'; }

std::string Escape(std::string_view value, size_t max_bytes, bool escape_quotes) {
  std::string out;
  size_t pos = 0;
  while (pos < value.size()) {
    if (pos >= max_bytes) {
      out += "...";
      break;
    }
    const auto byte = static_cast<unsigned char>(value[pos]);
    if (byte < 0x20 || byte == 0x7F || (escape_quotes && (byte == '"' || byte == '\\'))) {
      switch (byte) {
        case '\n':
          out += "\\n";
          break;
        case '\t':
          out += "\\t";
          break;
        case '\r':
          out += "\\r";
          break;
        case '"':
          out += "\\\"";
          break;
        case '\\':
          out += "\\\\";
          break;
        default:
          out += HexEscape(byte);
      }
      ++pos;
      continue;
    }
    if (byte < 0x80) {
      out.push_back(static_cast<char>(byte));
      ++pos;
      continue;
    }
    size_t next = pos;
    if (text::DecodeUtf8(value, &next) == 0xFFFD && value.substr(pos, 3) != "\uFFFD") {
      out += HexEscape(byte);  // invalid UTF-8: DecodeUtf8 advanced one byte
    } else {
      out.append(value.substr(pos, next - pos));
    }
    pos = next;
  }
  return out;
}

}  // namespace

std::optional<TextProblem> FindTextProblem(std::string_view bytes) {
  if (!bytes.empty()) {
    if (const void* nul = std::memchr(bytes.data(), '\0', bytes.size()); nul != nullptr) {
      return TextProblem{TextProblem::Kind::kNulByte,
                         static_cast<size_t>(static_cast<const char*>(nul) - bytes.data())};
    }
  }
  size_t offset = 0;
  if (!text::IsValidUtf8(bytes, &offset)) return TextProblem{TextProblem::Kind::kInvalidUtf8, offset};
  return std::nullopt;
}

void LineAndColumn(std::string_view bytes, size_t offset, int64_t* line, int64_t* column) {
  if (offset > bytes.size()) offset = bytes.size();
  int64_t lines = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < offset; ++i) {
    if (bytes[i] == '\n') {
      ++lines;
      line_start = i + 1;
    }
  }
  *line = lines;
  *column = static_cast<int64_t>(offset - line_start) + 1;
}

std::string QuoteForMessage(std::string_view value, size_t max_bytes) {
  // Appended piecewise: GCC 12 warns falsely (-Wrestrict) about `"\"" + std::string + "\""`.
  std::string quoted(1, '"');
  quoted.append(Escape(value, max_bytes, /*escape_quotes=*/true));
  quoted.push_back('"');
  return quoted;
}

std::string OneLine(std::string_view value, size_t max_bytes) {
  return Escape(value, max_bytes, /*escape_quotes=*/false);
}

std::string_view TrimWhitespace(std::string_view s) {
  size_t begin = 0, end = s.size();
  while (begin < end && IsAsciiSpace(s[begin])) ++begin;
  while (end > begin && IsAsciiSpace(s[end - 1])) --end;
  return s.substr(begin, end - begin);
}

bool IsBlank(std::string_view s) { return TrimWhitespace(s).empty(); }

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace storydesk::read
