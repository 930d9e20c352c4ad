// The labels the entity tagger decides between, one per token: O, or for each of the four
// types Begin, Inside, Last or Unit (BILOU; Ratinov & Roth 2009 found it learns better than
// IOB because a name's last token and a one-token name get labels of their own), and which
// label may follow which.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "storydesk/entities/entity_span.h"

namespace storydesk::entities {

inline constexpr size_t kLabels = 1 + 4 * kEntityTypes;  // O, then B I L U of each type
inline constexpr int kOutside = 0;
inline constexpr int kNoLabel = -1;  // before the sentence's first token

enum class Part { kBegin = 0, kInside = 1, kLast = 2, kUnit = 3 };

inline int LabelOf(EntityType type, Part part) { return 1 + 4 * static_cast<int>(type) + static_cast<int>(part); }
inline EntityType TypeOf(int label) { return static_cast<EntityType>((label - 1) / 4); }
inline Part PartOf(int label) { return static_cast<Part>((label - 1) % 4); }

// "O", "B-PER", "I-PER", "L-PER", "U-PER", …
std::string LabelName(int label);
// The label named `name`; kNoLabel when none.
int LabelFromName(std::string_view name);

// Whether `label` may follow `previous` (kNoLabel: the sentence's start) — inside a name only
// Inside or Last of its type, outside one only O, Begin or Unit — and, when `last` (the
// sentence's final token), close every name.
bool MayFollow(int previous, int label, bool last);

// Per-token labels of `spans` over `tokens` tokens, and back.
std::vector<int> LabelsOf(const std::vector<EntitySpan>& spans, size_t tokens);
std::vector<EntitySpan> SpansOf(const std::vector<int>& labels);

}  // namespace storydesk::entities
