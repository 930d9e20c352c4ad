// Planted copies: a deterministic generator of copy variants of a news article — the kinds of
// copy that outlets really publish (the same wire story re-headlined, cut short, re-ordered,
// lightly rewritten, machine-translated back and forth) — so copy detection can be measured on
// copies whose original is known, instead of on hand-labelled pairs.
//
// Every variant is a new RawArticle with a new id ("<original id>~<kind>"), another source
// ("planted-<kind>"), published one day after the original (when the original has a date), and
// the original's title, place and bullets unless the kind changes them. Randomness comes from a
// splitmix64 generator seeded by the caller's seed, the original's id and the kind, and never from
// std:: distributions (they differ across standard libraries), so the same inputs give the same
// bytes on every machine. Sentences come from the core's splitter (core/text/sentences.h) run on
// the normalised text (core/text/normalize.h); every kind but exact and reheadlined rebuilds the
// body from those sentences, with paragraphs kept as blank lines.
// Pure functions; thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

#include "adapters/wordnet/wordnet_synonyms.h"
#include "storydesk/article.h"

namespace storydesk::planted {

using wordnet::kDebianWordNetDir;
using wordnet::LoadWordNetSynonyms;
using wordnet::SynonymMap;

enum class PlantedKind {
  kExact,        // the same text and title
  kReheadlined,  // the same body under a new title
  kExcerpt,      // the lead only: the first 30–50% of the sentences, at least 3
  kTrimmed,      // the last 20–35% of the sentences dropped
  kReordered,    // adjacent paragraphs and adjacent sentence pairs swapped
  kSubstituted,  // 15–25% of the content words replaced by a WordNet synonym
  kMerged,       // about a third of consecutive sentence pairs joined into one sentence
  kRoundtrip,    // a machine-translation round trip: one sentence dropped, 15% substituted, merged
};

inline constexpr std::array<PlantedKind, 8> kAllPlantedKinds = {
    PlantedKind::kExact,     PlantedKind::kReheadlined, PlantedKind::kExcerpt, PlantedKind::kTrimmed,
    PlantedKind::kReordered, PlantedKind::kSubstituted, PlantedKind::kMerged,  PlantedKind::kRoundtrip};

// "exact", "reheadlined", "excerpt", "trimmed", "reordered", "substituted", "merged", "roundtrip".
std::string_view PlantedKindName(PlantedKind kind);

// Words eligible for substitution: more than 3 ASCII letters, with an entry in `synonyms` for
// their lower-case form, and not name-like (a capitalised word is eligible only as the first word
// of its sentence; all-caps words never are). A replacement keeps the word's initial capital.
inline constexpr size_t kMinSubstitutedLetters = 4;

// The `kind` variant of `original`. Deterministic in (original, kind, synonyms, seed).
// `synonyms` is read by kSubstituted and kRoundtrip only (an empty map leaves their words as they
// are). A body too short for a kind's rule is cut as far as the rule allows (an excerpt of a
// 2-sentence text is the whole text).
RawArticle PlantCopy(const RawArticle& original, PlantedKind kind, const SynonymMap& synonyms, uint64_t seed);

}  // namespace storydesk::planted
