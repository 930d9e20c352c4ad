#include "adapters/cli/summary_eval.h"

#include <cstdio>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "adapters/cli/cli_common.h"
#include "adapters/cli/cluster_run.h"
#include "adapters/cli/gold_file.h"
#include "adapters/cli/json_lines_file.h"
#include "adapters/service/digest_output.h"
#include "adapters/service/shipped_models.h"
#include "storydesk/eval/rouge.h"
#include "storydesk/text/analyzer.h"

namespace storydesk::cli {
namespace {

Status ReadSummaries(const std::string& path, std::map<std::string, std::string>* out) {
  return ForEachJsonLine(path, "summaries", [&](size_t number, const nlohmann::json& j) -> Status {
    if (j.is_discarded() || !j.is_object() || !j.contains("story") || !j.contains("summary") ||
        !j["summary"].is_string() || !(j["story"].is_string() || j["story"].is_number_integer())) {
      return Status::Error(ErrorCode::kInvalidInput,
                           path + ":" + std::to_string(number) + ": expected {\"story\": id, \"summary\": str}");
    }
    const std::string story =
        j["story"].is_string() ? j["story"].get<std::string>() : std::to_string(j["story"].get<int64_t>());
    out->emplace(story, j["summary"].get<std::string>());
    return Status::Ok();
  });
}

size_t Words(const std::string& s) {
  std::istringstream in(s);
  size_t n = 0;
  for (std::string w; in >> w;) ++n;
  return n;
}

// The lead baseline: sentence 1 of every article, then sentence 2, ..., until `budget` words.
std::string Lead(const std::vector<digest::DigestArticle>& articles, size_t budget, text::TextAnalyzer& analyzer) {
  std::vector<std::vector<std::string>> sentences;
  for (const auto& a : articles) {
    const text::AnalyzedText t = analyzer.Analyze(a.text);
    std::vector<std::string> list;
    for (const auto& span : t.sentences) list.push_back(t.normalized.substr(span.begin, span.end - span.begin));
    sentences.push_back(std::move(list));
  }
  std::string out;
  size_t words = 0;
  for (size_t round = 0; words < budget; ++round) {
    bool any = false;
    for (const auto& list : sentences) {
      if (round >= list.size() || words >= budget) continue;
      any = true;
      out += list[round] + "\n";
      words += Words(list[round]);
    }
    if (!any) break;
  }
  return out;
}

nlohmann::json PrJson(const eval::PrecisionRecall& p) {
  return {{"precision", p.precision}, {"recall", p.recall}, {"f1", p.f1}};
}

}  // namespace

int RunSummaryEval(const SummaryEvalFlags& flags) {
  std::map<std::string, std::string> summaries;
  eval::Clustering gold;
  for (const Status& s : {ReadSummaries(flags.summaries, &summaries), ReadAssignments(flags.gold, gold)}) {
    if (!s.ok()) {
      PrintError(s.message());
      return kExitUsage;
    }
  }
  // Grouping only to learn the copy relations; each gold story is digested on its own.
  auto run = ClusterWithBuiltinModels({flags.articles}, EngineOptions{}.window_seconds);
  if (!run.ok()) {
    PrintError(run.status().message());
    return ExitCodeFor(run.status());
  }
  std::map<std::string, std::vector<digest::DigestArticle>> by_story;
  Status visited = run.value().store->ForEachArticle([&](const store::StoredArticle& a) {
    auto g = gold.find(a.raw.id);
    if (g != gold.end()) by_story[g->second].push_back(DigestArticleOf(a.raw, a.relation, a.copy_of));
    return true;
  });
  if (!visited.ok()) {
    PrintError(visited.message());
    return ExitCodeFor(visited);
  }

  terms::TermStatistics statistics = SeededStatistics(BuiltinBackground().value());
  const copies::SentenceModel& matcher = BuiltinSentenceModel().value();
  const auto& claims = BuiltinClaimMatcher();
  if (!claims.ok()) {
    PrintError(claims.status().message());
    return ExitCodeFor(claims.status());
  }
  const auto& entities = BuiltinEntityModel();
  if (!entities.ok()) {
    PrintError(entities.status().message());
    return ExitCodeFor(entities.status());
  }
  const entities::EntityModel* entity_model = entities.value().get();
  text::TextAnalyzer analyzer;
  text::Stemmer stemmer;
  std::vector<eval::RougeScores> scores;
  size_t without_articles = 0;
  for (const auto& [story, summary] : summaries) {
    auto it = by_story.find(story);
    if (it == by_story.end()) {
      ++without_articles;
      continue;
    }
    const size_t budget = flags.words.value_or(Words(summary));
    std::string candidate;
    if (flags.summarizer == "lead") {
      candidate = Lead(it->second, budget, analyzer);
    } else {
      digest::DigestOptions digest_options;
      digest_options.word_budget = budget;
      // As a reader gets it: the story's people resolve the pronouns bullets open with.
      digest_options.entities = entity_model;
      const digest::StoryDigest d =
          digest::BuildStoryDigest(it->second, matcher, claims.value(), statistics, digest_options);
      for (const auto& b : d.bullets) candidate += b.text + "\n";
    }
    scores.push_back(eval::Rouge(eval::TruncateToWords(eval::RougeTokens(candidate, stemmer), budget),
                                 eval::RougeTokens(summary, stemmer)));
  }
  const eval::RougeScores mean = eval::MeanRouge(scores);
  const std::string budget_text = flags.words ? std::to_string(*flags.words) + " words" : "the reference's length";
  if (flags.json) {
    std::cout << nlohmann::json{{"summarizer", flags.summarizer},
                                {"stories", scores.size()},
                                {"budget", flags.words ? nlohmann::json(*flags.words) : nlohmann::json("reference")},
                                {"rouge1", PrJson(mean.rouge1)},
                                {"rouge2", PrJson(mean.rouge2)},
                                {"rougeL", PrJson(mean.rouge_l)}}
                     .dump()
              << '\n';
  } else {
    std::printf("%s summaries of %zu stories, budget %s (ROUGE, stemmed, mean over stories)\n",
                flags.summarizer.c_str(), scores.size(), budget_text.c_str());
    std::printf("ROUGE-1  P %.4f  R %.4f  F1 %.4f\n", mean.rouge1.precision, mean.rouge1.recall, mean.rouge1.f1);
    std::printf("ROUGE-2  P %.4f  R %.4f  F1 %.4f\n", mean.rouge2.precision, mean.rouge2.recall, mean.rouge2.f1);
    std::printf("ROUGE-L  P %.4f  R %.4f  F1 %.4f\n", mean.rouge_l.precision, mean.rouge_l.recall, mean.rouge_l.f1);
  }
  if (without_articles > 0) {
    PrintError(flags.summaries + ": " + std::to_string(without_articles) +
               " summaries name stories without articles in " + flags.articles + "; not scored");
  }
  return run.value().rejected > 0 ? kExitRejected : kExitOk;
}

}  // namespace storydesk::cli
