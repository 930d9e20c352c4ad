#include "core/entities/name_consistency.h"

#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>

namespace storydesk::entities {

void MakeConsistent(const std::vector<TokenSentence>& document, std::vector<std::vector<EntitySpan>>* names) {
  // The multi-token names tagged anywhere, by their first token; the first reading met wins.
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
  std::unordered_map<std::string, std::vector<const std::pair<const std::vector<std::string>, EntityType>*>> by_first;
  for (const auto& entry : known) by_first[entry.first.front()].push_back(&entry);

  for (size_t s = 0; s < document.size(); ++s) {
    const TokenSentence& tokens = document[s];
    std::vector<EntitySpan>& spans = (*names)[s];
    // owner[t]: the span covering token t, or -1.
    std::vector<ptrdiff_t> owner(tokens.size(), -1);
    for (size_t k = 0; k < spans.size(); ++k) {
      for (size_t t = spans[k].begin; t < spans[k].end && t < tokens.size(); ++t) owner[t] = static_cast<ptrdiff_t>(k);
    }
    std::vector<bool> removed(spans.size(), false);
    std::vector<EntitySpan> added;
    for (size_t at = 0; at < tokens.size(); ++at) {
      const auto candidates = by_first.find(tokens[at]);
      if (candidates == by_first.end()) continue;
      for (const auto* entry : candidates->second) {
        const std::vector<std::string>& phrase = entry->first;
        if (at + phrase.size() > tokens.size() ||
            !std::equal(phrase.begin(), phrase.end(), tokens.begin() + static_cast<ptrdiff_t>(at))) {
          continue;
        }
        const size_t end = at + phrase.size();
        // Only where no name crosses it: names inside it give way, a longer one keeps its place.
        bool blocked = false;
        for (size_t t = at; t < end && !blocked; ++t) {
          if (owner[t] == -2) blocked = true;  // a recurrence already placed
          if (owner[t] < 0) continue;
          const EntitySpan& n = spans[static_cast<size_t>(owner[t])];
          blocked = n.begin < at || n.end > end;
        }
        if (blocked) continue;
        for (size_t t = at; t < end; ++t) {
          if (owner[t] >= 0) removed[static_cast<size_t>(owner[t])] = true;
          owner[t] = -2;
        }
        added.push_back({at, end, entry->second});
        at = end - 1;
        break;
      }
    }
    if (added.empty()) continue;
    std::vector<EntitySpan> kept;
    for (size_t k = 0; k < spans.size(); ++k) {
      if (!removed[k]) kept.push_back(spans[k]);
    }
    kept.insert(kept.end(), added.begin(), added.end());
    std::sort(kept.begin(), kept.end(), [](const EntitySpan& a, const EntitySpan& b) { return a.begin < b.begin; });
    spans = std::move(kept);
  }
}

}  // namespace storydesk::entities
