// Storylines as readers see them: `stories --level storylines`, `show --storyline`,
// `GET /api/storylines` and the page. A storyline (EngineOptions::events) is the events (stories)
// the store keeps under one storyline id; it is shown as those events on a timeline.
//
// Built from the stories' summaries: the store keeps no summary row per storyline, so listing
// storylines reads the summary of every story (cheap per story, but all of them); one storyline
// reads only its own events (StoryFilter::storyline).
#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "adapters/store/store.h"
#include "storydesk/status.h"

namespace storydesk::service {

struct StorylineSummary {
  int64_t id = 0;
  // The headline of its event with the most articles (the earlier event on ties): what the
  // storyline is mostly about, in the words of one of its events.
  std::string headline;
  std::optional<std::string> first_published, last_published;  // YYYY-MM-DD; unset when undated
  int articles = 0, copies = 0;
  std::vector<std::string> source_names;  // distinct over its events, sorted
  // Its events on a timeline: by first publication (undated last), then id.
  std::vector<store::StorySummary> events;
};

// Groups `stories` by storyline, newest activity first (last_published DESC, undated last, then
// id DESC). Stories without a storyline (stored without events) are left out.
std::vector<StorylineSummary> GroupIntoStorylines(const std::vector<store::StorySummary>& stories);

// Every storyline of `db` (its stories' summaries passing `filter`, grouped); `filter.limit`
// bounds the storylines, not the stories. Errors: the store's.
Result<std::vector<StorylineSummary>> ListStorylines(store::Store& db, store::StoryFilter filter);

// One storyline. Errors: kNotFound when no story is in it; the store's.
Result<StorylineSummary> GetStoryline(store::Store& db, int64_t id);

// {"id", "headline", "first_published", "last_published" (null when undated), "events" (the
// count), "articles", "sources" (the count), "copies", "source_names", "timeline": [one
// `event_json` per event, in timeline order]}.
nlohmann::json StorylineJson(const StorylineSummary& line,
                             const std::function<nlohmann::json(const store::StorySummary&)>& event_json);

}  // namespace storydesk::service
