// Who said what in one article: its direct quotes and its reported speech, each with the
// words that attribute it (the cue: "said", "told", "according to") and the speaker.
//
// Found by rules over the text's quotation marks, sentences and names (PARC-style source /
// cue / content, Pareti 2016; the rule set of the Gender Gap Tracker, Asr et al. 2021, is the
// closest published one):
//   - a direct quote is a quotation standing on its own — opening its sentence or paragraph, or
//     introduced by a cue and ":" or "," ("Kim told reporters: \"…\"") — not a phrase quoted
//     inside the writer's own sentence (called the plan "a disaster");
//   - its cue and speaker come right after it ("…," Kim said / "…," said Kim, a spokesman) or
//     right before it; a quote split by its attribution ("A," he said. "B.") is one quote of two
//     pieces, as is one running on into the next paragraph (its paragraph ends inside the quote
//     and the next one opens with a quotation mark);
//   - reported speech is "SPEAKER said (that) CONTENT.", "CONTENT, SPEAKER said." and "according
//     to SPEAKER, CONTENT" / "CONTENT, according to SPEAKER" in sentences without a direct quote;
//   - the speaker is the mention where the quote is attributed ("he", "Kim", "the senator"); its
//     name is the person it refers to at that point: a pronoun is the last person named before
//     it, a short name ("Kim") the last full name named before it of which it is a word — so two
//     people sharing a surname each keep their own quotes.
// Linear in the text's length (pronouns and short names look back a bounded number of names).
// Pure functions; thread-safe on a const model.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "storydesk/entities/entity_model.h"
#include "storydesk/entities/tagged_text.h"

namespace storydesk::quotes {

using entities::ByteSpan;

enum class AttributionKind { kDirect, kIndirect };
std::string_view AttributionKindName(AttributionKind kind);  // "direct", "indirect"

struct Attribution {
  AttributionKind kind = AttributionKind::kDirect;
  // What was said, in text order; a direct quote's pieces include their quotation marks.
  std::vector<ByteSpan> content;
  ByteSpan cue;      // empty (begin == end) when none
  ByteSpan speaker;  // the mention it is attributed to; empty when none
  // The speaker's fullest name in the text ("Sung Kim" for "he" or "Kim"); for a speaker that
  // is no person ("the White House", "a spokesman") the mention itself; empty when none.
  std::string speaker_name;

  // From the first piece's start to the last one's end; content is never empty.
  ByteSpan Extent() const { return {content.front().begin, content.back().end}; }
};

// The attributions of `text` (valid UTF-8), in text order, using the names `model` finds.
std::vector<Attribution> FindAttributions(std::string_view text, const entities::EntityModel& model);
// The same with the text already tagged (TagText(model, text)).
std::vector<Attribution> FindAttributions(std::string_view text, const entities::TaggedText& tagged);

}  // namespace storydesk::quotes
