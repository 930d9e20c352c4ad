#include "adapters/read/json_document.h"

#include <nlohmann/json.hpp>

#include "adapters/read/jsonl_reader.h"

namespace storydesk::read {
namespace {

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// A UTF-8 byte order mark, which some editors write first; ParseJsonLine skips it too.
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

size_t SkipSpace(std::string_view text, size_t i) {
  if (i == 0 && text.starts_with(kByteOrderMark)) i = kByteOrderMark.size();
  while (i < text.size() && IsJsonSpace(text[i])) ++i;
  return i;
}

// Whether the value starting at `start` closes before the end of its line (strings and
// escapes respected; the value's own validity is not checked).
bool ClosesOnItsLine(std::string_view text, size_t start) {
  int64_t depth = 0;
  bool in_string = false;
  for (size_t i = start; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') return false;
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (--depth <= 0) return true;
    }
  }
  return true;  // no line break in the head: one (long or incomplete) line, JSON Lines' business
}

}  // namespace

JsonFileShape SniffJsonFile(std::string_view head) {
  const size_t first = SkipSpace(head, 0);
  if (first >= head.size()) return JsonFileShape::kJsonLines;
  if (head[first] == '[') return JsonFileShape::kArray;
  if (head[first] == '{' && !ClosesOnItsLine(head, first)) return JsonFileShape::kObject;
  return JsonFileShape::kJsonLines;
}

JsonArraySplit SplitJsonArray(std::string_view document) {
  JsonArraySplit out;
  int64_t line = 1;
  size_t i = document.starts_with(kByteOrderMark) ? kByteOrderMark.size() : 0;
  for (; i < document.size() && IsJsonSpace(document[i]); ++i) {
    if (document[i] == '\n') ++line;
  }
  if (i >= document.size() || document[i] != '[') {
    out.problems.push_back({line, "expected a JSON array ('[')"});
    return out;
  }
  ++i;
  int64_t depth = 0;  // inside the current element
  bool in_string = false;
  bool closed = false;
  bool after_comma = false;
  size_t start = std::string_view::npos;  // of the current element
  size_t end = 0;                         // one past its last non-space byte
  int64_t start_line = 0;
  auto finish = [&]() {
    out.elements.push_back({document.substr(start, end - start), start_line});
    start = std::string_view::npos;
  };
  for (; i < document.size(); ++i) {
    const char c = document[i];
    if (c == '\n') ++line;
    if (in_string) {
      if (c == '\\' && i + 1 < document.size()) {
        ++i;
        if (document[i] == '\n') ++line;
      } else if (c == '"') {
        in_string = false;
      }
      end = i + 1;
      continue;
    }
    if (depth == 0 && (c == ',' || c == ']')) {
      if (start != std::string_view::npos) {
        finish();
      } else if (c == ',' || after_comma) {
        out.problems.push_back({line, std::string("missing array element before '") + c + "'"});
      }
      after_comma = c == ',';
      if (c == ']') {
        closed = true;
        ++i;
        break;
      }
      continue;
    }
    if (IsJsonSpace(c)) continue;
    if (start == std::string_view::npos) {
      start = i;
      start_line = line;
    }
    end = i + 1;
    if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if ((c == '}' || c == ']') && depth > 0) {
      --depth;
    }
  }
  if (!closed) {
    // A file cut short: what was read of the last element is still tried (it may be whole).
    if (start != std::string_view::npos) finish();
    out.problems.push_back({line, "the JSON array is not closed (no ']' before the end of the file)"});
    return out;
  }
  for (; i < document.size(); ++i) {
    if (document[i] == '\n') {
      ++line;
    } else if (!IsJsonSpace(document[i])) {
      out.problems.push_back({line, "unexpected text after the end of the JSON array"});
      break;
    }
  }
  return out;
}

bool IsOneJsonValue(std::string_view text) {
  if (JsonNestingDepth(text) > kMaxJsonNesting) return false;
  // accept() runs the parser without building a tree; it cannot throw when told not to.
  return nlohmann::json::accept(text.begin(), text.end(), /*ignore_comments=*/false);
}

}  // namespace storydesk::read
