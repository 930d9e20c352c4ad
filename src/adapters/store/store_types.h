// The data a Store trades in: articles with what the pipeline decided about them, story
// summaries and pages, search matches, invariant reports. Plain values, no behaviour.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "storydesk/article.h"
#include "storydesk/copies/copy_kind.h"

namespace storydesk::digest {
struct HeadlineEvidence;
}  // namespace storydesk::digest

namespace storydesk::store {

// The fingerprint settings the stored signatures were computed with. They are part of the
// file format: a database whose settings differ from the binary's must be migrated
// (fingerprints recomputed) before use.
struct FingerprintSettings {
  int version = 0;
  int shingle_words = 0;
  int permutations = 0;
  int bands = 0;
  uint64_t seed = 0;
  bool operator==(const FingerprintSettings&) const = default;
};

// One article with everything the pipeline decided about it.
struct StoredArticle {
  RawArticle raw;                                       // raw.id is the primary key
  int64_t sequence = 0;                                 // ingest order, assigned by the store on commit
  uint64_t exact_hash = 0;                              // xxHash64 of the normalised text
  std::vector<uint32_t> minhash;                        // MinHash signature (FingerprintSettings::permutations)
  int64_t story = 0;                                    // story id (> 0)
  std::optional<std::string> copy_of;                   // id of the original, for copies
  copies::CopyKind relation = copies::CopyKind::kNone;  // for copies: which kind
  double copy_score = 0.0;                              // similarity behind `relation`, in [0,1]
  // Stored articles whose copy_of changes on commit: this article, published before their
  // family's original, took the family over. Not read back.
  std::vector<copies::CopyUpdate> copy_updates;
  // The storyline of `story` when the engine groups events (EngineOptions::events); 0: none.
  // One per story: the store keeps it for the story, and reads give every member the
  // storyline of the story it is in now.
  int64_t storyline = 0;
  // Stories this article merged into `story` (merge repair): their members move to `story`
  // on commit and their ids are recorded as merged. Not read back.
  std::vector<int64_t> merged_stories;
  // The article's headline evidence as the engine made it (optional): kept by the store for
  // choosing headlines, so the text need not be analysed again. Not stored, not read back.
  std::shared_ptr<const digest::HeadlineEvidence> headline_evidence;
};

// One member of a story, without its text (StoryMembers).
struct StoryMember {
  std::string id;
  std::optional<std::string> source;
  std::optional<int64_t> published_at;
  bool copy = false;  // a copy of another article
};

// One row of `storydesk stories`.
struct StorySummary {
  int64_t id = 0;
  int64_t storyline = 0;                       // grouping events: the storyline it is in; else 0
  int storyline_events = 0;                    // the stories (events) of that storyline, this one included
  std::string headline;                        // the story's one headline (core/digest/headline.h)
  std::optional<std::string> first_published;  // YYYY-MM-DD, null when no article is dated
  std::optional<std::string> last_published;
  int articles = 0;
  int sources = 0;                        // distinct non-null sources
  int copies = 0;                         // members that are copies
  std::vector<std::string> source_names;  // distinct non-null sources, sorted (bytewise)
  // (YYYY-MM-DD, articles published that day) in UTC, ascending; undated articles not counted.
  std::vector<std::pair<std::string, int>> activity;
};

// A position in the story list (ordered by last_published_at DESC NULLS LAST, id DESC): the
// list continues after the story with these values. Positional, so it stays valid when that
// story is merged away; a story whose activity changes between two pages moves in the list
// and may be seen twice or not at all, as with any keyset cursor.
struct StoryCursor {
  std::optional<int64_t> last_published_at;  // unix seconds; nullopt for an undated story
  int64_t id = 0;
  bool operator==(const StoryCursor&) const = default;
};

// Which stories ListStories and ListStoryPage return; unset fields select everything.
struct StoryFilter {
  std::optional<int64_t> since;  // unix seconds; stories last published at or after
  std::optional<int64_t> until;  // unix seconds; stories first published before
  std::optional<int> limit;      // ListStories: at most this many; ListStoryPage: page size
  // Free text: stories with an article (title and text together) holding all its words, as
  // the index stems them ("protests" finds "protested"). Text without a letter or digit
  // ("!!!") matches no story. Never FTS5 syntax: operators and quotes are plain separators.
  std::optional<std::string> query;
  std::optional<std::string> source;  // stories with an article from this source (exact match)
  std::optional<int64_t> storyline;   // the stories (events) of this storyline
  std::optional<StoryCursor> after;   // continue after this story in the list order
};

// One page of stories and where the next one starts.
struct StoryPage {
  std::vector<StorySummary> stories;
  std::optional<StoryCursor> next;  // set when more stories follow: the last one's cursor
};

// One article found by SearchArticles.
struct ArticleMatch {
  std::string article_id;
  std::optional<std::string> title;
  std::string snippet;  // about 12 tokens of the text, "…" where cut; no markup
  int64_t story = 0;    // the story it belongs to now (merges resolved)
};

// Analyst corrections: what an analyst changed in the grouping by hand (`storydesk move`,
// `merge`, `split`, POST /api/corrections). Each is applied in one transaction and recorded;
// later ingests start from the corrected stories and never merge apart what a correction
// moved apart (StoryEngine::KeepApart).
enum class CorrectionKind {
  kMove,       // articles into an existing story
  kSplit,      // articles out into a new story
  kMerge,      // every article of one story into another
  kMoveEvent,  // grouping events: one event (story) into another storyline, or a new one
};

// "move", "split", "merge", "move-event".
inline const char* CorrectionKindName(CorrectionKind kind) {
  switch (kind) {
    case CorrectionKind::kSplit:
      return "split";
    case CorrectionKind::kMerge:
      return "merge";
    case CorrectionKind::kMoveEvent:
      return "move-event";
    case CorrectionKind::kMove:
      break;
  }
  return "move";
}

// One correction, planned against the store as it is (service/corrections.h plans it: checks,
// copy families, the new story's id) and applied by Store::ApplyCorrection.
struct CorrectionPlan {
  CorrectionKind kind = CorrectionKind::kMove;
  // Every article to move with the story it is in now. A copy moves with its original and the
  // original's other copies (a copy is kept in its original's story).
  std::vector<std::pair<std::string, int64_t>> moves;
  // The story they go to (for kSplit, the new id; for kMoveEvent, the event itself: its
  // articles stay in it and `moves` lists them).
  int64_t into = 0;
  // kSplit, grouping events: the new story's storyline (0: none). kMoveEvent: the storyline
  // the event goes to (a new one when above every storyline id stored).
  int64_t storyline = 0;
  std::vector<int64_t> emptied;  // stories left with no article: recorded as merged into `into`
  int64_t made_at = 0;           // unix seconds
  std::string by;                // who made it (free text; may be empty)
  std::string note;              // why (free text; may be empty)
};

// A correction as recorded: its id (1, 2, ... in the order they were made) and the plan.
struct CorrectionRecord {
  int64_t id = 0;
  CorrectionPlan plan;
};

// The message of CommitBatch's kConflict when another writer committed since `decided_at`.
inline constexpr const char* kStaleWriterMessage =
    "another writer stored articles meanwhile; nothing of this batch was stored";

// What Store::CheckInvariants found.
struct InvariantReport {
  int64_t articles = 0, stories = 0, copies = 0;  // what the store holds
  // One line per violation ("article 'x' is in no story"), at most the `max_violations` asked
  // for; `violation_count` counts them all.
  std::vector<std::string> violations;
  size_t violation_count = 0;
  bool ok() const { return violation_count == 0; }
};

// Page size of ListStoryPage when StoryFilter::limit is unset.
inline constexpr int kDefaultStoryPageSize = 20;

}  // namespace storydesk::store
