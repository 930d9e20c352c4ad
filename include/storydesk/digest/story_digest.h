// StoryDigest: what a person reads of one story in a minute — a headline, 3–7 bullets chosen
// across all its articles, each citing every article that says the same, and per source what
// it adds that no other source has and which of the story's main points it lacks.
//
// How (extractive multi-document summarisation, with the claim matcher deciding who says what):
//   1. Candidates: the sentences of every article that is not a copy of another article of
//      the story (copies count once), without boilerplate (boilerplate.h), fragments or
//      commentary (bullet_quality.h), the first kLeadSentences of each article at most, taken
//      round-robin up to kMaxCandidates so a story of hundreds of articles costs what a story
//      of dozens does.
//   2. Centrality: LexRank over their TF-IDF stem vectors, biased towards each article's lead
//      (the jump prior of sentence k of an article is 1 / (k + 1)) — lexrank.h.
//   3. Support: whether each other article states a sentence — the claim matcher
//      (claims/claim_support.h) over the article's title and text: yes, partial, or no.
//      Copies support what their original says.
//   4. Selection: Maximal Marginal Relevance (Carbonell & Goldstein, SIGIR 1998) — each next
//      bullet maximises λ·relevance − (1 − λ)·(its highest cosine with a chosen bullet), where
//      relevance is centrality times the number of copy families stating it, with λ = 0.7. A
//      sentence is never chosen when it repeats a chosen bullet: cosine ≥ 0.5, 60% of the
//      shorter one's weighted content in the other, or the claim matcher finds either one
//      stating the other.
//   5. Citations: a bullet cites every article that states it (`sources`) and, apart, those
//      that state part of it or give another figure (`partial_sources`).
//   6. Headline: the story's stored headline when the caller passes it (DigestOptions::headline),
//      else chosen by the one rule of every view (headline.h) from the first kHeadlineArticles.
//   7. Sources: per article, what it adds — its sentences (candidates as in 1) that no article
//      outside its copy family states by the claim matcher's "unique" point, most central
//      first — and what it leaves
//      out — the bullets at least two independent sources state that it does not state even
//      in part (the claim matcher's "no", whose operating point is chosen so the source
//      rarely states what is listed); both empty when
//      the story is one text and its copies.
//   8. People and quotes: who the articles name, with their roles, and who said what, each
//      quote once with every article's wording (story_voices.h) — when given the tagger.
// Bullets are in the order chosen (most central first), without a leading wire dateline. Pure function; the statistics
// are the caller's (weights only: the digest interns terms but adds no documents).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storydesk/claims/claim_support.h"
#include "storydesk/copies/sentence_matcher.h"
#include "storydesk/digest/story_timeline.h"
#include "storydesk/digest/story_voices.h"
#include "storydesk/entities/entity_model.h"
#include "storydesk/terms/term_statistics.h"

namespace storydesk::digest {

struct DigestArticle {
  std::string id;
  std::optional<std::string> source;
  std::optional<std::string> published;  // as given; its first 10 characters are the date
  std::optional<std::string> title;
  std::string text;                    // the body
  std::string relation;                // "original", or the copy kind ("exact", "rewrite", ...)
  std::optional<std::string> copy_of;  // the family's original, when a copy
};

struct DigestOptions {
  size_t min_bullets = 3;
  size_t max_bullets = 7;
  // Default length: bullets stop once they hold this many words (and at least min_bullets).
  size_t target_words = 120;
  // A length budget in words instead (for evaluation): bullets are added while the digest has
  // fewer words than this, whatever max_bullets says.
  std::optional<size_t> word_budget;
  size_t max_adds = 3;  // per source, its most central points no other source has
  // The story's headline as stored (headline.h): shown as it is, so that every view agrees.
  std::optional<std::string> headline;
  // The entity tagger for the people and quotes (story_voices.h); null: neither is looked for.
  const entities::EntityModel* entities = nullptr;
};

struct Bullet {
  std::string text;
  std::vector<std::string> sources;  // ids of the articles stating it, in the story's order
  // Ids of those that may state part of it, or another figure for it: a weaker judgement (about
  // half of them do, held out), given for review in the JSON and not shown as a citation.
  std::vector<std::string> partial_sources;
  std::string origin;   // the article the sentence is taken from
  size_t sentence = 0;  // its index among the origin's sentences (`storydesk sentences`)
};

struct SourceComparison {
  std::string article;
  std::vector<std::string> adds;   // its sentences no article outside its copy family states
  std::vector<std::string> lacks;  // bullets it does not state, even in part
};

struct StoryDigest {
  std::string headline;
  std::optional<std::string> first_published;  // YYYY-MM-DD
  std::optional<std::string> last_published;
  std::vector<Bullet> bullets;
  std::vector<SourceComparison> sources;
  std::vector<StoryEntity> entities;  // story_voices.h; empty without DigestOptions::entities
  std::vector<StoryQuote> quotes;
  std::vector<TimelineEntry> timeline;  // story_timeline.h
  // Articles without a publication date that date things relative to it ("on Tuesday", "last
  // month"): the timeline cannot place those dates, and says so.
  std::vector<std::string> timeline_unplaced;
};

StoryDigest BuildStoryDigest(const std::vector<DigestArticle>& articles, const copies::SentenceModel& matcher,
                             const claims::ClaimMatcher& claims, terms::TermStatistics& statistics,
                             const DigestOptions& options = {});

}  // namespace storydesk::digest
