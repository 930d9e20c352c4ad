// Fuzz target for the entity model file (entities::EntityModel::Parse, `tag --model FILE`):
// a file accepted survives being written back and read again, and tagging with it gives
// well-formed spans.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "model_files_fuzz.h"
#include "storydesk/entities/entity_model.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using storydesk::entities::EntityModel;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  storydesk::fuzz::CheckModelFile<EntityModel>(
      text, EntityModel::Parse, [](const EntityModel& m) { return m.ToText({"fuzz"}); },
      [](const EntityModel&) { return std::vector<double>(); });
  auto parsed = EntityModel::Parse(text);
  if (!parsed.ok()) return 0;
  const std::vector<storydesk::entities::TokenSentence> document = {
      {"Peter", "Blackburn", "of", "the", "EU", "said", "."}, {"BRUSSELS", "1996-08-22"}, {}};
  const auto tagged = parsed.value().Tag(document);
  storydesk::fuzz::Check(tagged.size() == document.size());
  for (size_t s = 0; s < tagged.size(); ++s) {
    size_t end = 0;
    for (const auto& span : tagged[s]) {
      storydesk::fuzz::Check(span.begin >= end && span.begin < span.end && span.end <= document[s].size());
      end = span.end;
    }
  }
  return 0;
}
