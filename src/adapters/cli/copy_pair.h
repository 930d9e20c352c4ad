// CopyPairJudge: what `storydesk copies` and `storydesk explain` say of two stored articles —
// one computation for both, so they give the same relation and score for a pair.
//
// The score is ClassifyCopy's (copy_relation.h) for the two bodies, with the shipped sentence
// and rewrite models and term weights from the shipped background frequencies alone: it then
// depends on the two texts only, not on what else the store holds or the order it was filled
// in (the score stored at ingest weighed terms by the stream seen so far, and was taken
// against whichever member the copy was matched with). Provenance (provenance.h) says which
// of the two is the other's original and why.
// Not thread-safe (the term statistics grow with each text's new terms, which changes no
// other term's weight).
#pragma once

#include <memory>
#include <string>

#include "storydesk/article.h"
#include "storydesk/copies/copy_explanation.h"
#include "storydesk/copies/provenance.h"
#include "storydesk/status.h"
#include "storydesk/terms/term_statistics.h"
#include "storydesk/text/analyzer.h"

namespace storydesk::cli {

class CopyPairJudge {
 public:
  // Loads the shipped models; their error when one does not parse.
  static Result<std::unique_ptr<CopyPairJudge>> Make();

  copies::CopyExplanation Explain(const RawArticle& a, const RawArticle& b);

  // What provenance knows of `article`: time, length, outlet and whom it credits.
  copies::FamilyMember Member(const RawArticle& article);

 private:
  CopyPairJudge() = default;
  terms::TermStatistics statistics_;
  const copies::SentenceModel* sentences_ = nullptr;
  const copies::RewriteModel* rewrites_ = nullptr;
  text::TextAnalyzer analyzer_;
};

}  // namespace storydesk::cli
