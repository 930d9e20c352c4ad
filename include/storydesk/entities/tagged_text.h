// The names in a running text: the text cut into sentences of CoNLL-style tokens (words, with
// punctuation, quotation marks and possessive "'s" as tokens of their own, as the tagger was
// trained on), tagged with an EntityModel, each name given back as byte offsets into the text.
//
// Sentences end at a line break (paragraphs and headlines are lines in news text) and after
// ".", "!" or "?" (and any closing quotation marks or brackets after it) when the next token
// opens with a capital, a digit or an opening quotation mark. A period stays with its word —
// and ends no sentence — after an abbreviation: a single letter ("J."), a word with an inner
// period ("U.S.") or a title or month ("Sen.", "Gov.", "Sept.").
// Pure functions; thread-safe on a const model.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "storydesk/entities/entity_model.h"
#include "storydesk/entities/entity_span.h"

namespace storydesk::entities {

// [begin, end) byte offsets into the text.
struct ByteSpan {
  size_t begin = 0;
  size_t end = 0;
  bool operator==(const ByteSpan&) const = default;
};

// The text's sentences, each its tokens in order. `text` must be valid UTF-8.
std::vector<std::vector<ByteSpan>> SplitForTagging(std::string_view text);

// A name found in the text.
struct NameMention {
  ByteSpan span;
  EntityType type = EntityType::kPerson;
  size_t sentence = 0;  // index into TaggedText::sentences
  bool operator==(const NameMention&) const = default;
};

struct TaggedText {
  std::vector<std::vector<ByteSpan>> sentences;  // SplitForTagging(text)
  std::vector<NameMention> names;                // in text order
};

// `text` must be valid UTF-8.
TaggedText TagText(const EntityModel& model, std::string_view text);

}  // namespace storydesk::entities
