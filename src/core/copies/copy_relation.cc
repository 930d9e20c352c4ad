#include "core/copies/copy_relation.h"

#include <algorithm>

#include "core/copies/sorted_sets.h"

namespace storydesk::copies {

std::string_view CopyKindName(CopyKind kind) {
  switch (kind) {
    case CopyKind::kExact:
      return "exact";
    case CopyKind::kNear:
      return "near";
    case CopyKind::kExcerpt:
      return "excerpt";
    case CopyKind::kRewrite:
      return "rewrite";
    case CopyKind::kNone:
      break;
  }
  return {};
}

std::optional<CopyKind> CopyKindFromName(std::string_view name) {
  for (CopyKind k : {CopyKind::kExact, CopyKind::kNear, CopyKind::kExcerpt, CopyKind::kRewrite}) {
    if (CopyKindName(k) == name) return k;
  }
  return std::nullopt;
}

CopyDocument MakeCopyDocument(uint64_t exact_hash, const std::vector<uint64_t>& shingles_in_order,
                              std::vector<SentenceProfile> sentences, uint32_t word_count) {
  CopyDocument d;
  d.exact_hash = exact_hash;
  d.shingles = shingles_in_order;
  SortUnique(&d.shingles);
  d.minhash = fingerprint::ComputeMinHash(d.shingles);
  d.sentences = std::move(sentences);
  for (const SentenceProfile& sentence : d.sentences) {
    for (const WeightedTerm& t : sentence.stems) d.stems.push_back(t.term);
  }
  SortUnique(&d.stems);
  d.word_count = word_count;
  return d;
}

CopyVerdict ClassifyCopy(const CopyDocument& a, const CopyDocument& b, const SentenceModel* model,
                         const CopyOptions& options) {
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
    return v;
  }
  if (v.containment >= options.excerpt_containment) {
    v.kind = CopyKind::kExcerpt;
    v.score = v.containment;
    return v;
  }

  // The smaller text (in words) is the one that must be covered.
  const bool a_smaller = a.word_count <= b.word_count;
  const CopyDocument& s = a_smaller ? a : b;
  const CopyDocument& l = a_smaller ? b : a;
  if (model == nullptr || s.sentences.size() < options.rewrite_min_sentences || s.stems.empty()) return v;
  const size_t shared_stems = IntersectionSize(s.stems, l.stems);
  if (static_cast<double>(shared_stems) < options.rewrite_min_stem_containment * static_cast<double>(s.stems.size())) {
    return v;
  }
  const SentenceAlignment alignment = AlignSentences(s.sentences, l.sentences, *model, options.alignment);
  if (alignment.matched_a >= options.rewrite_min_sentences && alignment.coverage_a >= options.rewrite_coverage) {
    v.kind = CopyKind::kRewrite;
    v.score = alignment.coverage_a;
  }
  return v;
}

}  // namespace storydesk::copies
