#include "storydesk/copies/copy_explanation.h"

namespace storydesk::copies {
namespace {

std::vector<std::string> Texts(const text::AnalyzedText& t, const std::vector<SentenceProfile>& sentences) {
  std::vector<std::string> out;
  out.reserve(sentences.size());
  for (const SentenceProfile& s : sentences) out.push_back(t.normalized.substr(s.begin, s.end - s.begin));
  return out;
}

// Indexes in [0, n) covered by no link (by `begin`/`end` of each link's side).
template <typename Begin, typename End>
std::vector<uint32_t> Uncovered(size_t n, const std::vector<SentenceLink>& links, Begin begin, End end) {
  std::vector<bool> covered(n, false);
  for (const SentenceLink& l : links) {
    for (uint32_t i = begin(l); i < end(l) && i < n; ++i) covered[i] = true;
  }
  std::vector<uint32_t> out;
  for (uint32_t i = 0; i < n; ++i) {
    if (!covered[i]) out.push_back(i);
  }
  return out;
}

}  // namespace

CopyExplanation ExplainCopy(const text::AnalyzedText& a, const text::AnalyzedText& b, terms::TermStatistics& statistics,
                            const SentenceModel& sentences, const RewriteModel* rewrites, const CopyOptions& options) {
  const CopyDocument da = MakeCopyDocument(a, statistics);
  const CopyDocument db = MakeCopyDocument(b, statistics);
  CopyExplanation e;
  e.verdict = ClassifyCopy(da, db, {&sentences, rewrites}, options);
  const std::vector<SentenceProfile> profiles_a = da.sentences.Unpack();
  const std::vector<SentenceProfile> profiles_b = db.sentences.Unpack();
  e.sentences_a = Texts(a, profiles_a);
  e.sentences_b = Texts(b, profiles_b);
  e.alignment = AlignSentences(profiles_a, profiles_b, sentences, options.alignment);
  e.only_a = Uncovered(
      profiles_a.size(), e.alignment.links, [](const SentenceLink& l) { return l.a_begin; },
      [](const SentenceLink& l) { return l.a_end; });
  e.only_b = Uncovered(
      profiles_b.size(), e.alignment.links, [](const SentenceLink& l) { return l.b_begin; },
      [](const SentenceLink& l) { return l.b_end; });
  return e;
}

}  // namespace storydesk::copies
