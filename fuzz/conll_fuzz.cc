// Fuzz target for the CoNLL column reader (ReadConll, LabeledDocuments) and, over what it
// reads, the IOB2 conversions: whatever the bytes, reading returns a value or a one-line
// error, every token keeps its line, and tags read as spans write back as the same spans.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "adapters/read/conll_reader.h"
#include "storydesk/entities/entity_span.h"

namespace {

void Check(bool condition) {
  if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view content(reinterpret_cast<const char*>(data), size);
  auto file = storydesk::read::ReadConll(content, "fuzz");
  if (!file.ok()) {
    const std::string message = file.status().message();
    Check(!message.empty() && message.find('\n') == std::string::npos);
    return 0;
  }
  for (const auto& d : file.value().documents) {
    for (const auto& s : d.sentences) {
      Check(!s.words.empty() && s.words.size() == s.lines.size() && s.words.size() == s.last_columns.size());
      for (size_t i = 0; i < s.words.size(); ++i) {
        Check(s.lines[i] < file.value().lines.size());
        Check(file.value().lines[s.lines[i]].rfind(s.words[i], 0) == 0);
      }
      auto spans = storydesk::entities::SpansFromIob(s.last_columns);
      if (!spans.ok()) continue;
      const auto tags = storydesk::entities::IobFromSpans(spans.value(), s.words.size());
      auto again = storydesk::entities::SpansFromIob(tags);
      Check(again.ok() && again.value() == spans.value());
    }
  }
  auto labeled = storydesk::read::LabeledDocuments(file.value(), "fuzz");
  if (!labeled.ok()) Check(labeled.status().message().find('\n') == std::string::npos);
  return 0;
}
