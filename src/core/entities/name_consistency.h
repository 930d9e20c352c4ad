// One name, one reading across a document (Krishnan & Manning 2006, "An effective two-stage
// model for exploiting non-local dependencies in named entity recognition": label consistency):
// a name of two tokens or more tagged once is a name wherever its tokens recur — a greedy
// tagger misses "Sung Kim" opening a paragraph that it found in the headline — and a shorter
// name inside such a recurrence ("Kim") gives way to it. A name crossing the recurrence keeps
// its place. Pure function.
#pragma once

#include <vector>

#include "storydesk/entities/entity_model.h"
#include "storydesk/entities/entity_span.h"

namespace storydesk::entities {

void MakeConsistent(const std::vector<TokenSentence>& document, std::vector<std::vector<EntitySpan>>* names);

}  // namespace storydesk::entities
