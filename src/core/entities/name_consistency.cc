#include "core/entities/name_consistency.h"

#include <algorithm>
#include <map>
#include <string>

namespace storydesk::entities {

void MakeConsistent(const std::vector<TokenSentence>& document, std::vector<std::vector<EntitySpan>>* names) {
  std::map<std::vector<std::string>, EntityType> known;
  for (size_t s = 0; s < document.size(); ++s) {
    for (const EntitySpan& n : (*names)[s]) {
      if (n.end - n.begin < 2) continue;
      known.emplace(std::vector<std::string>(document[s].begin() + static_cast<ptrdiff_t>(n.begin),
                                             document[s].begin() + static_cast<ptrdiff_t>(n.end)),
                    n.type);
    }
  }
  if (known.empty()) return;
  for (size_t s = 0; s < document.size(); ++s) {
    const TokenSentence& tokens = document[s];
    std::vector<EntitySpan>& spans = (*names)[s];
    for (const auto& [phrase, type] : known) {
      for (size_t at = 0; at + phrase.size() <= tokens.size(); ++at) {
        if (!std::equal(phrase.begin(), phrase.end(), tokens.begin() + static_cast<ptrdiff_t>(at))) continue;
        const EntitySpan found{at, at + phrase.size(), type};
        // Only where no name crosses it: names inside it give way, a longer one keeps its place.
        bool blocked = false;
        for (const EntitySpan& n : spans) {
          const bool overlaps = n.begin < found.end && found.begin < n.end;
          const bool inside = n.begin >= found.begin && n.end <= found.end;
          blocked = blocked || (overlaps && !inside);
        }
        if (blocked) continue;
        std::erase_if(spans, [&](const EntitySpan& n) { return n.begin >= found.begin && n.end <= found.end; });
        spans.push_back(found);
      }
    }
    std::sort(spans.begin(), spans.end(), [](const EntitySpan& a, const EntitySpan& b) { return a.begin < b.begin; });
  }
}

}  // namespace storydesk::entities
