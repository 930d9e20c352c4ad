// Named-entity spans over a token sequence, and their IOB2 spelling (CoNLL-2003: "B-PER",
// "I-PER", "O"). The four types are CoNLL's: people, organisations, places and the rest
// (nationalities, events, works: MISC).
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storydesk/status.h"

namespace storydesk::entities {

enum class EntityType { kPerson, kOrganization, kLocation, kMisc };
inline constexpr size_t kEntityTypes = 4;

// "PER", "ORG", "LOC", "MISC".
std::string_view EntityTypeName(EntityType type);
// The type named `name` (as above); nullopt otherwise.
std::optional<EntityType> EntityTypeFromName(std::string_view name);

// One name: tokens [begin, end) of a sentence.
struct EntitySpan {
  size_t begin = 0;
  size_t end = 0;
  EntityType type = EntityType::kPerson;
  bool operator==(const EntitySpan&) const = default;
};

// The spans of an IOB2 tag sequence. An "I-X" that does not continue an X (after "O" or
// another type) opens a span, as conlleval reads it. Errors: a tag that is not "O", "B-T" or
// "I-T" with T a type above ("tag 3: \"B-FOO\" is not an IOB2 tag").
Result<std::vector<EntitySpan>> SpansFromIob(const std::vector<std::string>& tags);
// The IOB2 tags of `spans` over `tokens` tokens (spans in order, not overlapping, inside).
std::vector<std::string> IobFromSpans(const std::vector<EntitySpan>& spans, size_t tokens);

}  // namespace storydesk::entities
