// CopyRelation: whether one article is a copy of another, and which kind — the pair decision
// of copy detection.
//
//   exact    the same normalised body text;
//   near     the Jaccard similarity of the word 5-gram shingle sets is ≥ near_jaccard;
//   excerpt  the smaller text's shingles are mostly (≥ excerpt_containment) in the larger one
//            — a lead-only or trimmed republication (containment, Broder 1997);
//   rewrite  the same text re-worded: most of the smaller text's words (≥ rewrite_coverage)
//            lie in sentences aligned in order with sentences of the other (sentence_alignment.h)
//            — edits, synonyms, merged or dropped sentences, a translation round trip.
// Tried in that order; the first that holds is the relation. Two outlets' own reports of one
// event share names, numbers and some phrases, but neither most shingles nor most sentences
// in order, so they are the same story and not copies.
// The thresholds are documented choices, not fitted to any set we report (docs/measurements.md):
// 0.7 Jaccard is where lightly edited copies sit and independent reports never do; 0.8
// containment and 0.6 coverage keep a copy recognisable after its own editing.
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/copies/sentence_alignment.h"
#include "core/copies/sentence_matcher.h"
#include "core/copies/sentence_profile.h"
#include "core/fingerprint/minhash.h"

namespace storydesk::copies {

enum class CopyKind { kNone, kExact, kNear, kExcerpt, kRewrite };

// "exact", "near", "excerpt", "rewrite"; empty for kNone.
std::string_view CopyKindName(CopyKind kind);
// The kind named `name`; nullopt for anything else.
std::optional<CopyKind> CopyKindFromName(std::string_view name);

// What copy detection keeps of one article's body.
struct CopyDocument {
  uint64_t exact_hash = 0;
  std::vector<uint64_t> shingles;           // distinct word 5-gram hashes, ascending
  fingerprint::MinHashSignature minhash;    // of `shingles`
  std::vector<SentenceProfile> sentences;
  std::vector<stories::TermId> stems;       // distinct content stems of all sentences, ascending
  uint32_t word_count = 0;
};

struct CopyOptions {
  double near_jaccard = 0.7;
  double excerpt_containment = 0.8;
  double rewrite_coverage = 0.6;
  // Fewer shingles than this: only exact copies (a short text's overlap says little).
  uint32_t min_shingles = 20;
  // A rewrite needs at least this many aligned sentences on the smaller side.
  uint32_t rewrite_min_sentences = 3;
  // Sentences are aligned only when at least this share of the smaller text's distinct stems
  // occur in the other: a bound, not a decision — a rewrite covers 60% of its words with
  // sentences that share most of their stems, so it never falls below it — that spares the
  // alignment for the many candidates that are merely on the same topic.
  double rewrite_min_stem_containment = 0.3;
  AlignmentOptions alignment;
};

struct CopyVerdict {
  CopyKind kind = CopyKind::kNone;
  double score = 0.0;  // 1 for exact; Jaccard, containment or aligned coverage otherwise
  double jaccard = 0.0;
  double containment = 0.0;  // of the smaller shingle set in the larger
};

CopyDocument MakeCopyDocument(uint64_t exact_hash, const std::vector<uint64_t>& shingles_in_order,
                              std::vector<SentenceProfile> sentences, uint32_t word_count);

// The relation between `a` and `b` (symmetric: which one is the copy is provenance's call).
// Without a sentence model (null) rewrites are not looked for.
CopyVerdict ClassifyCopy(const CopyDocument& a, const CopyDocument& b, const SentenceModel* model,
                         const CopyOptions& options = {});

}  // namespace storydesk::copies
