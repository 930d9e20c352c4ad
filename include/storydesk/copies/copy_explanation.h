// CopyExplanation: why two articles are (or are not) copies, in terms a person can check —
// the relation found, the shingle overlap behind exact/near/excerpt, and the sentences of
// each side aligned with the other's (with their match probability and stem overlap), plus
// what each side has that the other lacks. What `storydesk explain A B` prints.
// Pure function; thread-safe given its own TermStatistics.
#pragma once

#include <string>
#include <vector>

#include "storydesk/copies/copy_relation.h"
#include "storydesk/copies/sentence_alignment.h"
#include "storydesk/terms/term_statistics.h"
#include "storydesk/text/analyzer.h"

namespace storydesk::copies {

struct CopyExplanation {
  CopyVerdict verdict;                   // ClassifyCopy of the two bodies
  std::vector<std::string> sentences_a;  // the sentences, as text
  std::vector<std::string> sentences_b;
  SentenceAlignment alignment;   // A's sentences aligned to B's
  std::vector<uint32_t> only_a;  // sentences of A in no link: what B drops
  std::vector<uint32_t> only_b;  // sentences of B in no link: what B adds
};

// Explains the relation of the bodies `a` and `b` (analysed by TextAnalyzer). `statistics`
// weighs terms (the background frequencies the engine starts from, typically).
CopyExplanation ExplainCopy(const text::AnalyzedText& a, const text::AnalyzedText& b, terms::TermStatistics& statistics,
                            const SentenceModel& sentences, const RewriteModel* rewrites,
                            const CopyOptions& options = {});

}  // namespace storydesk::copies
