// storydesk train-rewrites ARTICLES.jsonl PAIRS.jsonl -o FILE — trains the document-level
// decision of rewrite detection (core/copies/rewrite_model.h) on labelled article pairs and
// reports its cross-validated precision and recall.
//
// Input: articles as JSON Lines {"id": str, "text": str, ...} and pairs as JSON Lines
// {"a": id, "b": id, "label": 0|1} (1: one is a re-worded copy of the other). Pairs already
// exact, near or excerpt copies by their shingles, and pairs that are never rewrite candidates
// (too short, too few shared stems), are counted but not trained on: the decision only ever
// sees the others. Articles are profiled with the shipped background document frequencies and
// compared with the shipped sentence matcher, as the engine does.
// `make models` builds the pairs from sets we do not report (scripts/rewrite_training_pairs.py)
// and rewrites models/rewrite-model.tsv.
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "adapters/cli/cli_common.h"
#include "adapters/cli/commands.h"
#include "adapters/cli/json_lines_file.h"
#include "adapters/service/shipped_models.h"
#include "storydesk/copies/copy_relation.h"
#include "storydesk/copies/rewrite_model.h"
#include "storydesk/eval/binary_decisions.h"
#include "storydesk/learning/logistic_regression.h"
#include "storydesk/text/analyzer.h"

namespace storydesk::cli {
namespace {

struct TrainRewritesFlags {
  std::string articles;
  std::string pairs;
  std::string output;
  int folds = 10;
  double l2 = 1.0;
};

int RunTrainRewrites(const TrainRewritesFlags& flags) {
  const auto& background = BuiltinBackground();
  const auto& sentence_model = BuiltinSentenceModel();
  for (const Status& s : {background.status(), sentence_model.status()}) {
    if (!s.ok()) {
      PrintError(s.message());
      return kExitStore;
    }
  }
  terms::TermStatistics statistics = SeededStatistics(background.value());
  text::TextAnalyzer analyzer;

  std::unordered_map<std::string, copies::CopyDocument> documents;
  Status read =
      ForEachJsonLine(flags.articles, "articles", [&](size_t number, const nlohmann::json& article) -> Status {
        if (!article.is_object() || !article.contains("id") || !article["id"].is_string() ||
            !article.contains("text") || !article["text"].is_string()) {
          return Status::Error(ErrorCode::kInvalidInput, flags.articles + ":" + std::to_string(number) +
                                                             ": expected {\"id\": str, \"text\": str}");
        }
        documents.emplace(article["id"].get<std::string>(),
                          copies::MakeCopyDocument(analyzer.Analyze(article["text"].get<std::string>()), statistics));
        return Status::Ok();
      });
  if (!read.ok()) {
    PrintError(read.message());
    return read.code() == ErrorCode::kIo ? kExitUsage : kExitRejected;
  }

  std::vector<learning::LogisticExample> examples;
  size_t positives = 0, negatives = 0, positives_by_shingles = 0, negatives_by_shingles = 0;
  size_t positives_not_candidates = 0;
  read = ForEachJsonLine(flags.pairs, "pairs", [&](size_t number, const nlohmann::json& pair) -> Status {
    const std::string where = flags.pairs + ":" + std::to_string(number);
    if (!pair.is_object() || !pair.contains("a") || !pair["a"].is_string() || !pair.contains("b") ||
        !pair["b"].is_string() || !pair.contains("label") || !pair["label"].is_number_integer()) {
      return Status::Error(ErrorCode::kInvalidInput, where + ": expected {\"a\": id, \"b\": id, \"label\": 0|1}");
    }
    const auto a = documents.find(pair["a"].get<std::string>());
    const auto b = documents.find(pair["b"].get<std::string>());
    if (a == documents.end() || b == documents.end()) {
      return Status::Error(ErrorCode::kInvalidInput,
                           where + ": article '" + (a == documents.end() ? pair["a"] : pair["b"]).get<std::string>() +
                               "' is not in " + flags.articles);
    }
    const bool label = pair["label"].get<int>() == 1;
    (label ? positives : negatives) += 1;
    const copies::CopyVerdict by_shingles = copies::ClassifyCopy(a->second, b->second, copies::CopyModels{});
    if (by_shingles.kind != copies::CopyKind::kNone) {
      (label ? positives_by_shingles : negatives_by_shingles) += 1;
      return Status::Ok();
    }
    const auto evidence = copies::RewriteCandidate(a->second, b->second, sentence_model.value());
    if (!evidence) {
      positives_not_candidates += label ? 1 : 0;
      return Status::Ok();
    }
    examples.push_back({std::vector<double>(evidence->features.begin(), evidence->features.end()), label, 1.0});
    return Status::Ok();
  });
  if (!read.ok()) {
    PrintError(read.message());
    return read.code() == ErrorCode::kIo ? kExitUsage : kExitRejected;
  }
  if (examples.size() < static_cast<size_t>(flags.folds) * 2) {
    PrintError(flags.pairs + ": too few rewrite candidates (" + std::to_string(examples.size()) + ") for " +
               std::to_string(flags.folds) + "-fold cross-validation");
    return kExitUsage;
  }

  learning::LogisticOptions options;
  options.l2 = flags.l2;
  const auto held_out = eval::HeldOutProbabilities(examples, flags.folds, options);
  const std::vector<double> all = learning::FitLogistic(examples, options);
  copies::RewriteModel model;
  std::copy(all.begin(), all.end(), model.weights.begin());
  model.rewrite_probability = eval::LowestProbabilityWithPrecision(held_out, copies::kTargetRewritePrecision);
  eval::BinaryCounts at_point;
  for (const auto& [p, label] : held_out) at_point.Add(p >= model.rewrite_probability, label);
  // Over all labelled pairs: shingle copies are caught whatever the decision; candidates by
  // their held-out decision; the rest are missed.
  const size_t caught = positives_by_shingles + at_point.tp;
  const size_t flagged_negatives = negatives_by_shingles + at_point.fp;

  char data[256], candidates[320], overall[256];
  std::snprintf(
      data, sizeof data, "%zu pairs (%zu rewrites, %zu not): %zu and %zu copies by shingles, %zu rewrite candidates",
      positives + negatives, positives, negatives, positives_by_shingles, negatives_by_shingles, examples.size());
  std::snprintf(candidates, sizeof candidates,
                "%d-fold cross-validation on the candidates: rewrite probability %.3f (held-out precision %.3f, "
                "recall %.3f, F1 %.3f)",
                flags.folds, model.rewrite_probability, at_point.Precision(), at_point.Recall(), at_point.F1());
  std::snprintf(overall, sizeof overall,
                "all pairs, held out: rewrites caught %.3f (%zu of %zu; %zu never candidates), others flagged %.3f",
                positives ? static_cast<double>(caught) / static_cast<double>(positives) : 0.0, caught, positives,
                positives_not_candidates,
                negatives ? static_cast<double>(flagged_negatives) / static_cast<double>(negatives) : 0.0);
  const std::vector<std::string> comments = {"trained by `storydesk train-rewrites` (logistic regression, l2 " +
                                                 std::to_string(flags.l2) + ") on " +
                                                 std::filesystem::path(flags.pairs).filename().string() +
                                                 " (`make models` makes them with scripts/rewrite_training_pairs.py)",
                                             data, candidates, overall};
  if (Status s = WriteFileWhole(flags.output, copies::FormatRewriteModel(model, comments)); !s.ok()) {
    PrintError(s.message());
    return kExitStore;
  }
  std::cout << data << '\n' << candidates << '\n' << overall << '\n';
  std::cerr << "train-rewrites: model written to " << flags.output << '\n';
  return kExitOk;
}

}  // namespace

void AddTrainRewritesCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("train-rewrites",
                                 "train the document decision of rewrite detection on labelled article pairs");
  auto flags = std::make_shared<TrainRewritesFlags>();
  cmd->add_option("articles", flags->articles, "JSON Lines {\"id\": str, \"text\": str}")->required();
  cmd->add_option("pairs", flags->pairs, "JSON Lines {\"a\": id, \"b\": id, \"label\": 0|1}")->required();
  cmd->add_option("-o,--output", flags->output, "the model file to write")->required();
  cmd->add_option("--folds", flags->folds, "cross-validation folds")->check(CLI::Range(2, 100))->capture_default_str();
  cmd->add_option("--l2", flags->l2, "L2 penalty of the logistic regression")
      ->check(CLI::Range(0.0, 1e6))
      ->capture_default_str();
  cmd->footer("The built-in model is models/rewrite-model.tsv, retrained by `make models`.");
  cmd->callback([flags, exit_code] { *exit_code = RunTrainRewrites(*flags); });
}

}  // namespace storydesk::cli
