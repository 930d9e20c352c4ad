#include "storydesk/entities/entity_span.h"

namespace storydesk::entities {

std::string_view EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kPerson:
      return "PER";
    case EntityType::kOrganization:
      return "ORG";
    case EntityType::kLocation:
      return "LOC";
    case EntityType::kMisc:
      break;
  }
  return "MISC";
}

std::optional<EntityType> EntityTypeFromName(std::string_view name) {
  for (EntityType t : {EntityType::kPerson, EntityType::kOrganization, EntityType::kLocation, EntityType::kMisc}) {
    if (EntityTypeName(t) == name) return t;
  }
  return std::nullopt;
}

Result<std::vector<EntitySpan>> SpansFromIob(const std::vector<std::string>& tags) {
  std::vector<EntitySpan> spans;
  bool open = false;  // spans.back() may continue
  for (size_t i = 0; i < tags.size(); ++i) {
    const std::string_view tag = tags[i];
    if (tag == "O") {
      open = false;
      continue;
    }
    const std::optional<EntityType> type = tag.size() > 2 && tag[1] == '-' && (tag[0] == 'B' || tag[0] == 'I')
                                               ? EntityTypeFromName(tag.substr(2))
                                               : std::nullopt;
    if (!type) {
      return Status::Error(ErrorCode::kInvalidInput,
                           "tag " + std::to_string(i + 1) + ": \"" + std::string(tag) + "\" is not an IOB2 tag");
    }
    if (tag[0] == 'I' && open && spans.back().type == *type) {
      spans.back().end = i + 1;
    } else {
      spans.push_back({i, i + 1, *type});
      open = true;
    }
  }
  return spans;
}

std::vector<std::string> IobFromSpans(const std::vector<EntitySpan>& spans, size_t tokens) {
  std::vector<std::string> tags(tokens, "O");
  for (const EntitySpan& s : spans) {
    for (size_t i = s.begin; i < s.end && i < tokens; ++i) {
      tags[i] = std::string(i == s.begin ? "B-" : "I-") + std::string(EntityTypeName(s.type));
    }
  }
  return tags;
}

}  // namespace storydesk::entities
