// storydesk train-sentences PAIRS.jsonl -o FILE — trains the sentence matcher of rewrite
// detection (core/copies/sentence_matcher.h) on labelled sentence pairs and reports its
// cross-validated accuracy and F1.
//
// Input: JSON Lines {"label": 0|1, "a": str, "b": str} (the layout of msrp-train). The pairs are
// profiled with the shipped background document frequencies, as the engine profiles articles.
// `make models` runs it on ../shared/data/msrp-train to rewrite models/sentence-model.tsv.
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "adapters/cli/cli_common.h"
#include "adapters/cli/commands.h"
#include "adapters/cli/json_lines_file.h"
#include "adapters/service/shipped_models.h"
#include "storydesk/copies/sentence_matcher.h"
#include "storydesk/copies/sentence_profile.h"
#include "storydesk/eval/binary_decisions.h"
#include "storydesk/learning/logistic_regression.h"
#include "storydesk/text/analyzer.h"

namespace storydesk::cli {
namespace {

struct TrainSentencesFlags {
  std::string pairs;
  std::string output;
  int folds = 10;
  double l2 = 1.0;
};

int RunTrainSentences(const TrainSentencesFlags& flags) {
  const auto& background = BuiltinBackground();
  if (!background.ok()) {
    PrintError(background.status().message());
    return kExitStore;
  }
  terms::TermStatistics statistics = SeededStatistics(background.value());

  text::TextAnalyzer analyzer;
  std::vector<learning::LogisticExample> examples;
  const Status read =
      ForEachJsonLine(flags.pairs, "sentence pairs", [&](size_t number, const nlohmann::json& pair) -> Status {
        if (pair.is_discarded() || !pair.is_object() || !pair.contains("label") || !pair["a"].is_string() ||
            !pair["b"].is_string() || !pair["label"].is_number_integer()) {
          return Status::Error(ErrorCode::kInvalidInput, flags.pairs + ":" + std::to_string(number) +
                                                             ": expected {\"label\": 0|1, \"a\": str, \"b\": str}");
        }
        const copies::SentenceProfile a =
            copies::BuildTextProfile(analyzer.Analyze(pair["a"].get<std::string>()), statistics);
        const copies::SentenceProfile b =
            copies::BuildTextProfile(analyzer.Analyze(pair["b"].get<std::string>()), statistics);
        const copies::SentenceFeatureVector f = copies::ComputeSentenceFeatures(a, b);
        examples.push_back({std::vector<double>(f.begin(), f.end()), pair["label"].get<int>() == 1, 1.0});
        return Status::Ok();
      });
  if (!read.ok()) {
    PrintError(read.message());
    return read.code() == ErrorCode::kIo ? kExitUsage : kExitRejected;
  }
  if (examples.size() < static_cast<size_t>(flags.folds)) {
    PrintError(flags.pairs + ": too few pairs for " + std::to_string(flags.folds) + "-fold cross-validation");
    return kExitUsage;
  }

  // Cross-validation over contiguous folds (pairs of one story sit together in the file, so a
  // fold holds whole stories more often than a random split would).
  learning::LogisticOptions options;
  options.l2 = flags.l2;
  const std::vector<std::pair<double, bool>> held_out = eval::HeldOutProbabilities(examples, flags.folds, options);
  eval::BinaryCounts cv, always_yes, at_match;
  const std::vector<double> all = learning::FitLogistic(examples, options);
  copies::SentenceModel model;
  std::copy(all.begin(), all.end(), model.weights.begin());
  // The operating point: the lowest held-out probability above which the pairs were
  // paraphrases kTargetMatchPrecision of the time.
  model.match_probability = eval::LowestProbabilityWithPrecision(held_out, copies::kTargetMatchPrecision);
  for (const auto& [p, label] : held_out) {
    cv.Add(p >= 0.5, label);
    always_yes.Add(true, label);
    at_match.Add(p >= model.match_probability, label);
  }

  char figures[256], operating[256];
  std::snprintf(figures, sizeof figures,
                "%d-fold cross-validation on %zu pairs: accuracy %.3f, F1 %.3f (always yes: %.3f / %.3f)", flags.folds,
                examples.size(), cv.Accuracy(), cv.F1(), always_yes.Accuracy(), always_yes.F1());
  std::snprintf(operating, sizeof operating, "match probability %.3f: held-out precision %.3f, recall %.3f",
                model.match_probability, at_match.Precision(), at_match.Recall());
  const std::vector<std::string> comments = {"trained by `storydesk train-sentences` (logistic regression, l2 " +
                                                 std::to_string(flags.l2) + ") on " +
                                                 std::filesystem::path(flags.pairs).lexically_normal().string(),
                                             figures, operating};
  if (Status s = WriteFileWhole(flags.output, copies::FormatSentenceModel(model, comments)); !s.ok()) {
    PrintError(s.message());
    return kExitStore;
  }
  std::cout << figures << '\n' << operating << '\n';
  std::cerr << "train-sentences: model written to " << flags.output << '\n';
  return kExitOk;
}

}  // namespace

void AddTrainSentencesCommand(CLI::App& app, int* exit_code) {
  auto* cmd =
      app.add_subcommand("train-sentences", "train the sentence matcher of rewrite detection on labelled pairs");
  auto flags = std::make_shared<TrainSentencesFlags>();
  cmd->add_option("pairs", flags->pairs, "JSON Lines {\"label\": 0|1, \"a\": str, \"b\": str}")->required();
  cmd->add_option("-o,--output", flags->output, "the model file to write")->required();
  cmd->add_option("--folds", flags->folds, "cross-validation folds reported")
      ->check(CLI::Range(2, 100))
      ->capture_default_str();
  cmd->add_option("--l2", flags->l2, "L2 penalty of the logistic regression")
      ->check(CLI::Range(0.0, 1e6))
      ->capture_default_str();
  cmd->footer("The built-in model is models/sentence-model.tsv, retrained by `make models`.");
  cmd->callback([flags, exit_code] { *exit_code = RunTrainSentences(*flags); });
}

}  // namespace storydesk::cli
