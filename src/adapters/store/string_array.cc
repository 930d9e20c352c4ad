#include "adapters/store/string_array.h"

#include <cstdint>

namespace storydesk::store {
namespace {

void AppendUtf8(uint32_t code_point, std::string* out) {
  if (code_point < 0x80) {
    out->push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else if (code_point < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (code_point >> 18)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

// A recursive-descent reader over the one shape we accept: [ "..." , "..." ].
class ArrayParser {
 public:
  explicit ArrayParser(std::string_view json) : json_(json) {}

  Result<std::vector<std::string>> Parse() {
    std::vector<std::string> strings;
    SkipSpace();
    if (!Consume('[')) return Corrupt("expected '['");
    SkipSpace();
    if (Consume(']')) return Finish(std::move(strings));
    while (true) {
      SkipSpace();
      std::string value;
      if (Status s = ParseString(&value); !s.ok()) return s;
      strings.push_back(std::move(value));
      SkipSpace();
      if (Consume(']')) return Finish(std::move(strings));
      if (!Consume(',')) return Corrupt("expected ',' or ']'");
    }
  }

 private:
  Result<std::vector<std::string>> Finish(std::vector<std::string> strings) {
    SkipSpace();
    if (pos_ != json_.size()) return Corrupt("unexpected bytes after the array");
    return strings;
  }

  Status ParseString(std::string* out) {
    if (!Consume('"')) return Corrupt("expected a string");
    while (pos_ < json_.size()) {
      const char c = json_[pos_++];
      if (c == '"') return Status::Ok();
      if (c != '\\') {
        out->push_back(c);
        continue;
      }
      if (pos_ >= json_.size()) break;
      const char e = json_[pos_++];
      switch (e) {
        case '"':
        case '\\':
        case '/':
          out->push_back(e);
          break;
        case 'b':
          out->push_back('\b');
          break;
        case 'f':
          out->push_back('\f');
          break;
        case 'n':
          out->push_back('\n');
          break;
        case 'r':
          out->push_back('\r');
          break;
        case 't':
          out->push_back('\t');
          break;
        case 'u': {
          uint32_t unit = 0;
          if (!ReadHex4(&unit)) return Corrupt("bad \\u escape");
          uint32_t code_point = unit;
          if (unit >= 0xD800 && unit <= 0xDBFF) {
            // A high surrogate: a low one must follow to make one code point (RFC 8259 §7).
            uint32_t low = 0;
            const size_t save = pos_;
            if (Consume('\\') && Consume('u') && ReadHex4(&low) && low >= 0xDC00 && low <= 0xDFFF) {
              code_point = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
            } else {
              pos_ = save;
              code_point = 0xFFFD;
            }
          } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
            code_point = 0xFFFD;
          }
          AppendUtf8(code_point, out);
          break;
        }
        default:
          return Corrupt("bad escape");
      }
    }
    return Corrupt("unterminated string");
  }

  bool ReadHex4(uint32_t* value) {
    if (json_.size() - pos_ < 4) return false;
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = json_[pos_++];
      v <<= 4;
      if (c >= '0' && c <= '9') {
        v |= static_cast<uint32_t>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        v |= static_cast<uint32_t>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        v |= static_cast<uint32_t>(c - 'A' + 10);
      } else {
        return false;
      }
    }
    *value = v;
    return true;
  }

  void SkipSpace() {
    while (pos_ < json_.size() &&
           (json_[pos_] == ' ' || json_[pos_] == '\t' || json_[pos_] == '\n' || json_[pos_] == '\r')) {
      ++pos_;
    }
  }

  bool Consume(char c) {
    if (pos_ < json_.size() && json_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  Status Corrupt(const char* what) const {
    return Status::Error(ErrorCode::kStore, std::string("corrupt bullets in the store (") + what + " at byte " +
                                                std::to_string(pos_) + "); the database may be damaged");
  }

  std::string_view json_;
  size_t pos_ = 0;
};

}  // namespace

std::string EncodeStringArray(const std::vector<std::string>& strings) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "[";
  for (size_t i = 0; i < strings.size(); ++i) {
    if (i > 0) out += ',';
    out += '"';
    for (const char c : strings[i]) {
      const auto byte = static_cast<unsigned char>(c);
      switch (c) {
        case '"':
          out += "\\\"";
          break;
        case '\\':
          out += "\\\\";
          break;
        case '\n':
          out += "\\n";
          break;
        case '\r':
          out += "\\r";
          break;
        case '\t':
          out += "\\t";
          break;
        default:
          if (byte < 0x20) {
            out += "\\u00";
            out += kHex[byte >> 4];
            out += kHex[byte & 0xF];
          } else {
            out += c;
          }
      }
    }
    out += '"';
  }
  out += ']';
  return out;
}

Result<std::vector<std::string>> DecodeStringArray(std::string_view json) { return ArrayParser(json).Parse(); }

}  // namespace storydesk::store
