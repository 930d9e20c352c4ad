// Analyst corrections: moving articles between stories (events), splitting some off into a new
// one, merging two, and (grouping events) moving an event into another storyline — what
// `storydesk move|split|merge|move-event` and POST /api/corrections do.
//
// A correction is checked and planned against the store as it is, applied in one transaction
// (Store::ApplyCorrection) and recorded with who made it and why. It lasts: the store's
// stories are what later ingests restore their engine from, an article ingested again is a
// duplicate that keeps its corrected story, and merge repair never merges the stories a
// correction moved articles apart from (KeepCorrectionsApart, called by every ingest).
// A copy (exact, near, excerpt, rewrite) moves with its original and the original's other
// copies: a copy is always in its original's story.
// Writers: hold store::WriterLock around Correct, as around an ingest; a long-running writer
// keeping an engine (IngestSession) must drop it afterwards (IngestSession::Forget).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "adapters/store/store.h"
#include "storydesk/status.h"
#include "storydesk/story_engine.h"

namespace storydesk::service {

struct CorrectionRequest {
  store::CorrectionKind kind = store::CorrectionKind::kMove;
  // kMove: these articles go into story `to`. kSplit: these articles of story `story` go into
  // a new story (of the same storyline).
  std::vector<std::string> articles;
  int64_t to = 0;
  // kSplit: the story split. kMerge: every article of `story` goes into `to`. kMoveEvent: the
  // event (story) that goes into storyline `storyline` (0: a new storyline).
  int64_t story = 0;
  int64_t storyline = 0;
  std::string by, note;  // who and why, kept with the correction (may be empty)
  int64_t made_at = 0;   // unix seconds; 0: now
};

// Checks `request` against `db` and plans it. Story ids are resolved through merges (an old id
// names the story it became part of). Errors, nothing planned: kNotFound (an article or story
// that does not exist), kUsage (nothing would move: the articles are in that story already, a
// split would take the whole story, a story merged with itself, an event moved into its own
// storyline or in a store without storylines; an empty article list; more than
// kMaxCorrectionArticles articles), kStore.
Result<store::CorrectionPlan> PlanCorrection(store::Store& db, const CorrectionRequest& request);

// Plans and applies `request` (planned again once when another writer changed the store in
// between). Returns the correction as recorded. Errors as PlanCorrection's and
// Store::ApplyCorrection's.
Result<store::CorrectionRecord> Correct(store::Store& db, const CorrectionRequest& request);

// Tells `engine` (restored from `db`) every pair of stories a correction moved articles apart
// from, so merge repair never joins them again. Errors: kStore.
Status KeepCorrectionsApart(store::Store& db, StoryEngine& engine);

// A recorded correction as JSON: {"id", "kind", "made_at" (unix seconds), "by", "note",
// "articles": [{"id", "from"}], "into", "storyline" (split, grouping events, and move-event:
// the storyline the event went to; else absent),
// "emptied": [story ids]}.
nlohmann::json CorrectionJson(const store::CorrectionRecord& record);

// One request moves at most this many articles by name (a merge moves a whole story).
inline constexpr size_t kMaxCorrectionArticles = 1000;

}  // namespace storydesk::service
