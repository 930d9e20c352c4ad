// CopyRelation: whether one article is a copy of another, and which kind — the pair decision
// of copy detection.
//
//   exact    the same normalised body text;
//   near     the Jaccard similarity of the word 5-gram shingle sets is ≥ near_jaccard;
//   excerpt  the smaller text's shingles are mostly (≥ excerpt_containment) in the larger one
//            — a lead-only or trimmed republication (containment, Broder 1997);
//   rewrite  the same text re-worded: the smaller text's sentences aligned in order with the
//            other's (sentence_alignment.h) — edits, synonyms, merged or dropped sentences, a
//            translation round trip — as judged by the learned rewrite decision
//            (rewrite_model.h), or without one by most of its words (≥ rewrite_coverage)
//            lying in surely aligned sentences.
// Tried in that order; the first that holds is the relation. Two outlets' own reports of one
// event share names, numbers and some phrases, but neither most shingles nor most sentences
// in order, so they are the same story and not copies.
// The thresholds are documented choices, not fitted to any set we report (docs/measurements.md):
// 0.7 Jaccard is where lightly edited copies sit and independent reports never do; 0.8
// containment and 0.6 coverage keep a copy recognisable after its own editing. The learned
// decision is trained on sets we do not report (docs/measurements.md).
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "storydesk/copies/copy_kind.h"
#include "storydesk/copies/packed_sentences.h"
#include "storydesk/copies/rewrite_model.h"
#include "storydesk/copies/sentence_alignment.h"
#include "storydesk/copies/sentence_matcher.h"
#include "storydesk/copies/sentence_profile.h"
#include "storydesk/fingerprint/minhash.h"

namespace storydesk::copies {

// What copy detection keeps of one article's body.
struct CopyDocument {
  uint64_t exact_hash = 0;
  // Distinct word 5-gram hashes, ascending, kept in 32 bits (the high half of the 64-bit
  // hashes the MinHash is computed from): the Jaccard and containment of two articles' ~300
  // shingles are off by a collision about once in 50,000 pairs, and the window's index holds
  // half the bytes.
  std::vector<uint32_t> shingles;
  fingerprint::MinHashSignature minhash;  // of `shingles`
  PackedSentences sentences;              // unpacked only to align a possible rewrite
  std::vector<terms::TermId> stems;       // distinct content stems of all sentences, ascending
  uint32_t word_count = 0;
};

struct CopyOptions {
  double near_jaccard = 0.7;
  double excerpt_containment = 0.8;
  double rewrite_coverage = 0.6;
  // Fewer shingles than this: only exact copies (a short text's overlap says little).
  uint32_t min_shingles = 20;
  // A rewrite needs at least this many aligned sentences on the smaller side (a floor on the
  // alignment, counted plainly; quotations weigh less in the evidence the decision weighs).
  uint32_t rewrite_min_sentences = 3;
  // Sentences are aligned only when at least this share of the smaller text's distinct stems
  // occur in the other: a bound, not a decision, that spares the alignment for the many
  // candidates merely on the same topic. Chosen on the rewrite decision's training pairs
  // (scripts/rewrite_training_pairs.py), by a rule fixed beforehand: one 0.05 step below the
  // lowest containment of a true rewrite there (0.49), so no training rewrite is lost; it
  // spares two thirds of the alignments of non-rewrites there.
  double rewrite_min_stem_containment = 0.45;
  AlignmentOptions alignment;
};

// The models rewrite detection uses (not owned). Without a sentence model rewrites are not
// looked for; without a rewrite model they are decided by CopyOptions::rewrite_coverage.
struct CopyModels {
  const SentenceModel* sentences = nullptr;
  const RewriteModel* rewrites = nullptr;
};

struct CopyVerdict {
  CopyKind kind = CopyKind::kNone;
  // 1 for exact; Jaccard or containment for near and excerpt; for rewrites the rewrite model's
  // probability (without one, the aligned coverage).
  double score = 0.0;
  double jaccard = 0.0;
  double containment = 0.0;  // of the smaller shingle set in the larger
};

// `shingles` in text order (ShingleHashes), taken by value: pass an rvalue to spare a copy.
CopyDocument MakeCopyDocument(uint64_t exact_hash, std::vector<uint64_t> shingles,
                              const std::vector<SentenceProfile>& sentences, uint32_t word_count);
// The same from an analysed body, its terms interned and weighed in `statistics`.
CopyDocument MakeCopyDocument(const text::AnalyzedText& body, terms::TermStatistics& statistics);

// The relation between `a` and `b` (symmetric: which one is the copy is provenance's call).
CopyVerdict ClassifyCopy(const CopyDocument& a, const CopyDocument& b, const CopyModels& models,
                         const CopyOptions& options = {});

// What the rewrite decision of ClassifyCopy sees of `a` and `b` (the smaller text first), or
// nullopt when the pair is never a rewrite candidate (too short, too few shared stems, or
// already an exact, near or excerpt copy). For training and explaining the decision.
std::optional<RewriteEvidence> RewriteCandidate(const CopyDocument& a, const CopyDocument& b,
                                                const SentenceModel& model, const CopyOptions& options = {});

}  // namespace storydesk::copies
