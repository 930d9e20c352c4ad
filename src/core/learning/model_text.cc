#include "storydesk/learning/model_text.h"

namespace storydesk::learning {

Status ModelLineError(size_t number, const std::string& what) {
  return Status::Error(ErrorCode::kInvalidInput, "line " + std::to_string(number) + ": " + what);
}

Status ForEachModelLine(std::string_view text, std::string_view header,
                        const std::function<Status(size_t number, std::string_view line)>& visit, size_t* lines) {
  size_t number = 0;
  while (!text.empty()) {
    const size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    ++number;
    *lines = number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (number == 1) {
      if (line != header) return ModelLineError(1, "expected the header \"" + std::string(header) + "\"");
      continue;
    }
    if (line.empty() || line.front() == '#') continue;
    if (Status s = visit(number, line); !s.ok()) return s;
  }
  *lines = number;
  if (number == 0) return ModelLineError(1, "empty; expected the header");
  return Status::Ok();
}

}  // namespace storydesk::learning
