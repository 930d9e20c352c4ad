// Fuzz target for the `.json` document readers (json_document.h): the shape sniffer, the array
// splitter and the one-value check, on one file's bytes per input.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "adapters/read/json_document.h"
#include "adapters/read/jsonl_reader.h"
#include "fuzz_check.h"

using storydesk::fuzz::Check;
using storydesk::fuzz::CheckMessage;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace read = storydesk::read;
  const std::string_view document(reinterpret_cast<const char*>(data), size);
  const read::JsonFileShape shape = read::SniffJsonFile(document);
  (void)read::IsOneJsonValue(document);
  const read::JsonArraySplit split = read::SplitJsonArray(document);
  if (shape != read::JsonFileShape::kArray) Check(split.elements.empty());
  // Elements are non-empty, in order, inside the document, not overlapping, on lines that grow.
  const char* previous_end = document.data();
  int64_t previous_line = 1;
  for (const read::JsonElement& element : split.elements) {
    Check(!element.text.empty());
    Check(element.text.data() >= previous_end);
    Check(element.text.data() + element.text.size() <= document.data() + document.size());
    Check(element.line >= previous_line);
    previous_end = element.text.data() + element.text.size();
    previous_line = element.line;
    (void)read::ParseJsonLine(element.text);  // each element is then read as a record
  }
  for (const read::JsonArrayProblem& problem : split.problems) {
    CheckMessage(problem.message);
    Check(problem.line >= 1);
  }
  return 0;
}
