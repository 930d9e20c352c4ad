// One name, one reading across a document (Krishnan & Manning 2006, "An effective two-stage
// model for exploiting non-local dependencies in named entity recognition": label consistency):
// a name of two tokens or more tagged once is a name wherever its tokens recur — a greedy
// tagger misses "Sung Kim" opening a paragraph that it found in the headline — and a shorter
// name inside such a recurrence ("Kim") gives way to it. A name crossing the recurrence keeps
// its place; where two recurrences overlap, the one starting first is taken. Linear in the
// document's tokens (times the names sharing a first word). Pure function.
#pragma once

#include <vector>

#include "storydesk/entities/entity_model.h"
#include "storydesk/entities/entity_span.h"

namespace storydesk::entities {

// `names` holds one list per sentence of `document`, each in order, spans within the sentence.
void MakeConsistent(const std::vector<TokenSentence>& document, std::vector<std::vector<EntitySpan>>* names);

}  // namespace storydesk::entities
