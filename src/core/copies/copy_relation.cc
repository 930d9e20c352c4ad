#include "storydesk/copies/copy_relation.h"

#include <algorithm>

#include "core/copies/sorted_sets.h"
#include "core/fingerprint/exact_hash.h"

namespace storydesk::copies {

CopyDocument MakeCopyDocument(uint64_t exact_hash, std::vector<uint64_t> shingles,
                              const std::vector<SentenceProfile>& sentences, uint32_t word_count) {
  CopyDocument d;
  d.exact_hash = exact_hash;
  SortUnique(&shingles);
  d.minhash = fingerprint::ComputeMinHash(shingles);
  d.shingles.reserve(shingles.size());
  // The high halves of ascending values ascend too: only repeats (collisions) go.
  for (const uint64_t h : shingles) d.shingles.push_back(static_cast<uint32_t>(h >> 32));
  d.shingles.erase(std::unique(d.shingles.begin(), d.shingles.end()), d.shingles.end());
  for (const SentenceProfile& sentence : sentences) {
    for (const WeightedTerm& t : sentence.stems) d.stems.push_back(t.term);
  }
  d.sentences = PackedSentences(sentences);
  SortUnique(&d.stems);
  d.word_count = word_count;
  return d;
}

namespace {

// The exact, near and excerpt relations (shingle overlap), with the overlap figures filled in
// for any pair long enough to judge.
CopyVerdict ClassifyByShingles(const CopyDocument& a, const CopyDocument& b, const CopyOptions& options) {
  CopyVerdict v;
  if (a.exact_hash == b.exact_hash && a.word_count > 0) {
    v.kind = CopyKind::kExact;
    v.score = v.jaccard = v.containment = 1.0;
    return v;
  }
  const size_t smaller = std::min(a.shingles.size(), b.shingles.size());
  if (smaller < options.min_shingles) return v;

  const size_t shared = IntersectionSize(a.shingles, b.shingles);
  const size_t united = a.shingles.size() + b.shingles.size() - shared;
  v.jaccard = static_cast<double>(shared) / static_cast<double>(united);
  v.containment = static_cast<double>(shared) / static_cast<double>(smaller);
  if (v.jaccard >= options.near_jaccard) {
    v.kind = CopyKind::kNear;
    v.score = v.jaccard;
  } else if (v.containment >= options.excerpt_containment) {
    v.kind = CopyKind::kExcerpt;
    v.score = v.containment;
  }
  return v;
}

// The rewrite evidence of a pair whose shingle verdict is `v` (kNone, long enough).
std::optional<RewriteEvidence> Evidence(const CopyDocument& a, const CopyDocument& b, const CopyVerdict& v,
                                        const SentenceModel& model, const CopyOptions& options) {
  // The smaller text (in words) is the one that must be covered.
  const bool a_smaller = a.word_count <= b.word_count;
  const CopyDocument& s = a_smaller ? a : b;
  const CopyDocument& l = a_smaller ? b : a;
  if (s.sentences.size() < options.rewrite_min_sentences || s.stems.empty()) return std::nullopt;
  const double stem_containment =
      static_cast<double>(IntersectionSize(s.stems, l.stems)) / static_cast<double>(s.stems.size());
  if (stem_containment < options.rewrite_min_stem_containment) return std::nullopt;
  return ComputeRewriteEvidence(s.sentences.Unpack(), l.sentences.Unpack(), model, v.containment, stem_containment,
                                options.alignment);
}

bool LongEnough(const CopyDocument& a, const CopyDocument& b, const CopyOptions& options) {
  return std::min(a.shingles.size(), b.shingles.size()) >= options.min_shingles;
}

}  // namespace

std::optional<RewriteEvidence> RewriteCandidate(const CopyDocument& a, const CopyDocument& b,
                                                const SentenceModel& model, const CopyOptions& options) {
  const CopyVerdict v = ClassifyByShingles(a, b, options);
  if (v.kind != CopyKind::kNone || !LongEnough(a, b, options)) return std::nullopt;
  return Evidence(a, b, v, model, options);
}

CopyDocument MakeCopyDocument(const text::AnalyzedText& body, terms::TermStatistics& statistics) {
  return MakeCopyDocument(fingerprint::ExactHash(body.normalized), fingerprint::ShingleHashes(body.words),
                          BuildSentenceProfiles(body, statistics), static_cast<uint32_t>(body.words.size()));
}

CopyVerdict ClassifyCopy(const CopyDocument& a, const CopyDocument& b, const CopyModels& models,
                         const CopyOptions& options) {
  CopyVerdict v = ClassifyByShingles(a, b, options);
  if (v.kind != CopyKind::kNone || models.sentences == nullptr || !LongEnough(a, b, options)) return v;
  const std::optional<RewriteEvidence> evidence = Evidence(a, b, v, *models.sentences, options);
  if (!evidence) return v;
  const RewriteFeatureVector& f = evidence->features;
  // Sentences shared only inside quotation marks are what someone said, which every outlet
  // reporting it quotes: two texts sharing nothing else are not a rewrite of each other.
  if (evidence->reporting_links == 0) return v;
  if (models.rewrites != nullptr) {
    if (evidence->loose_matched < options.rewrite_min_sentences) return v;
    const double p = models.rewrites->Probability(f);
    if (p >= models.rewrites->rewrite_probability) {
      v.kind = CopyKind::kRewrite;
      v.score = p;
    }
  } else if (evidence->strict.matched_a >= options.rewrite_min_sentences &&
             f[kStrictCoverage] >= options.rewrite_coverage) {
    v.kind = CopyKind::kRewrite;
    v.score = f[kStrictCoverage];
  }
  return v;
}

}  // namespace storydesk::copies
