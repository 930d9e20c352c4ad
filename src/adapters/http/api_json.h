// The JSON shapes of the API's store values (the digest's is service/digest_output.h).
// Pure functions.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>

#include "adapters/store/store_types.h"

namespace storydesk::http {

// An item of /api/stories and /api/search: {"id", "headline", "first_published",
// "last_published", "articles", "sources", "copies", "source_names", "activity": [{"date",
// "articles"}], "storyline": the storyline it is an event of, or null (stored without events),
// "storyline_events": how many events that storyline has (0 without one)}.
nlohmann::json StoryItemJson(const store::StorySummary& s);

// /api/articles/{id}: {"id", "source", "url", "published", "title", "place", "bullets", "text",
// "story", "relation", "copy_of", "copy_score"}; `story` as resolved through merges.
nlohmann::json ArticleJson(const store::StoredArticle& a, int64_t story);

}  // namespace storydesk::http
