#include "adapters/cli/copy_pair.h"

#include "adapters/service/shipped_models.h"
#include "storydesk/copies/attribution.h"
#include "storydesk/time/published_time.h"

namespace storydesk::cli {

using service::BuiltinBackground;
using service::BuiltinRewriteModel;
using service::BuiltinSentenceModel;
using service::SeededStatistics;

Result<std::unique_ptr<CopyPairJudge>> CopyPairJudge::Make() {
  const auto& background = BuiltinBackground();
  const auto& sentences = BuiltinSentenceModel();
  const auto& rewrites = BuiltinRewriteModel();
  for (const Status& s : {background.status(), sentences.status(), rewrites.status()}) {
    if (!s.ok()) return s;
  }
  std::unique_ptr<CopyPairJudge> judge(new CopyPairJudge());
  judge->statistics_ = SeededStatistics(background.value());
  judge->sentences_ = &sentences.value();
  judge->rewrites_ = &rewrites.value();
  return judge;
}

copies::CopyExplanation CopyPairJudge::Explain(const RawArticle& a, const RawArticle& b) {
  return copies::ExplainCopy(analyzer_.Analyze(a.text), analyzer_.Analyze(b.text), statistics_, *sentences_, rewrites_);
}

copies::FamilyMember CopyPairJudge::Member(const RawArticle& article) {
  std::optional<int64_t> time = article.published_at;
  if (!time && article.published) {
    auto parsed = timeutil::ParsePublished(*article.published);
    if (parsed.ok()) time = parsed.value();
  }
  return {article.id, time, static_cast<uint32_t>(analyzer_.Analyze(article.text).words.size()),
          article.source.value_or(""), copies::FindAttributions(article.text)};
}

}  // namespace storydesk::cli
