// Which stories name an entity ("Sung Kim", "NATO"): `stories --entity` and
// `GET /api/stories?entity=`.
//
// How: the full-text index gives the articles holding the name's words (a few per story), and
// the entity tagger reads each of them (title, then text): a story names the entity when one of
// those articles has a name tagged with that text, ignoring case — or, for a name of two words
// or more, ending with it after a title ("Mayor Odile Fenwright" for "Odile Fenwright"). So
// "Sung Kim" finds the stories naming him in full, not those with his words only in other
// names or in running text; "Kim" finds those with a name written "Kim" alone.
// Names are not stored at ingest (tagging costs several times the rest of an article's
// analysis), so the cost is paid here: at most `max_articles` articles are read, best matches
// first; a name in more articles than that may miss stories, and the caller is told.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_set>

#include "adapters/store/store.h"
#include "storydesk/entities/entity_model.h"
#include "storydesk/status.h"

namespace storydesk::service {

struct StoriesNaming {
  std::unordered_set<int64_t> stories;
  bool capped = false;  // max_articles were read and more may match
};

// Errors: kUsage for a name without a letter or digit; the store's errors as they are.
Result<StoriesNaming> FindStoriesNaming(store::Store& db, const entities::EntityModel& model, const std::string& name,
                                        int max_articles = 2000);

}  // namespace storydesk::service
