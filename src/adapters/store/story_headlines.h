// StoryHeadlines: keeps each story's stored headline (stories.headline) by the one rule of
// core/digest/headline.h, which every view shows: chosen from the story's first
// kHeadlineArticles members in publication order (undated last, then ingest order).
//
// Cost: a refresh reads the ids of those first members; only when the batch added one of them
// (or the story has no headline yet, or was merged into) does it read their titles and the
// first kHeadlineTextBytes of their texts (AnalyzeHeadlineEvidence reads fewer mostly), and each article is analysed
// once per StoryHeadlines (its evidence is kept, up to kMaxCachedArticles). So a batch costs about one short analysis
// per new article, whatever the stories' sizes.
// Not thread-safe: one per SqliteStore (which is one per thread).
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "storydesk/digest/headline.h"
#include "storydesk/status.h"
#include "storydesk/text/analyzer.h"

struct sqlite3;

namespace storydesk::store {

// Evidence kept for at most this many articles; the cache is emptied when it would grow beyond.
inline constexpr size_t kMaxCachedArticles = 10000;

// What StoryHeadlines reads of a store, whatever its engine.
class HeadlineSource {
 public:
  virtual ~HeadlineSource() = default;
  // The ids of story `story`'s first `n` members in publication order (undated last, then
  // ingest order).
  virtual Result<std::vector<std::string>> FirstMembers(int64_t story, size_t n) = 0;
  // Article `id`'s title and the first `chars` characters of its text; nullopt when it is not stored.
  virtual Result<std::optional<std::pair<std::optional<std::string>, std::string>>> ArticleStart(const std::string& id,
                                                                                                 size_t chars) = 0;
};

class StoryHeadlines {
 public:
  // As below, reading through `source`.
  Result<std::string> Refresh(HeadlineSource& source, int64_t id, const std::optional<std::string>& current,
                              const std::set<std::string>& added, bool force);
  // The headline story `id` should have now. `current` is the stored one (unset for a new
  // story); it is kept as it is, without reading any text, when set and not blank, when `force`
  // is false and when none of `added` (the articles this batch put into the story) is among
  // the story's first kHeadlineArticles members. Errors: kStore from SQLite.
  Result<std::string> Refresh(sqlite3* db, int64_t id, const std::optional<std::string>& current,
                              const std::set<std::string>& added, bool force);
  // Keeps `evidence` as article `id`'s (made by the engine from its own analyses).
  void Remember(const std::string& id, const digest::HeadlineEvidence& evidence) {
    if (evidence_.size() >= kMaxCachedArticles) evidence_.clear();
    evidence_.insert_or_assign(id, evidence);
  }
  // Drops the kept evidence (after a batch that did not commit, whose articles may come back
  // different).
  void Forget() { evidence_.clear(); }

 private:
  text::TextAnalyzer analyzer_;
  std::unordered_map<std::string, digest::HeadlineEvidence> evidence_;
};

}  // namespace storydesk::store
