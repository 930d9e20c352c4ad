// storydesk train-claims LABELS.tsv --data DIR -o FILE — trains the claim matcher
// (core/claims/claim_support.h) on the claim-support labels of data/claims/ and reports its
// cross-validated precision and recall for "yes".
//
// The weights are fitted on every labelled story (or one half, --half), and the three operating
// points chosen on held-out folds grouped by story (a story's pairs share their sentences, so
// splitting a story between folds would flatter the model). `eval-claims` measures by two-fold
// cross-fitting over the halves instead, so no figure comes from a model that saw its story.
// `make models` runs this into models/claim-model.tsv.
#include <filesystem>
#include <iostream>

#include "adapters/cli/claim_labels.h"
#include "adapters/cli/cli_common.h"
#include "adapters/cli/commands.h"
#include "adapters/service/shipped_models.h"
#include "storydesk/claims/claim_support.h"
#include "storydesk/eval/binary_decisions.h"
#include "storydesk/learning/logistic_regression.h"

namespace storydesk::cli {
namespace {

struct TrainClaimsFlags {
  std::string labels;
  std::string data = "../shared/data";
  std::string output;
  int folds = kClaimFolds;
  double l2 = kClaimL2;
  std::string features;      // when set, every labelled pair's features are written there (TSV)
  std::string half = "all";  // which labelled stories: all, fit or test (IsTestStory)
};

int RunTrainClaims(const TrainClaimsFlags& flags) {
  const auto& background = BuiltinBackground();
  const auto& matcher = BuiltinSentenceModel();
  if (!background.ok() || !matcher.ok()) {
    PrintError(!background.ok() ? background.status().message() : matcher.status().message());
    return kExitStore;
  }
  terms::TermStatistics statistics = SeededStatistics(background.value());
  auto labels = ReadClaimLabels(flags.labels);
  if (!labels.ok()) {
    PrintError(labels.status().message());
    return ExitCodeFor(labels.status());
  }
  const auto& synonyms = BuiltinStemSynonyms();
  if (!synonyms.ok()) {
    PrintError(synonyms.status().message());
    return ExitCodeFor(synonyms.status());
  }
  auto texts = LoadLabelledTexts(labels.value(), flags.data, statistics, synonyms.value().get());
  if (!texts.ok()) {
    PrintError(texts.status().message());
    return ExitCodeFor(texts.status());
  }
  auto features = ComputeLabelledFeatures(labels.value(), texts.value(), matcher.value());
  if (!features.ok()) {
    PrintError(flags.labels + ": " + features.status().message());
    return kExitRejected;
  }
  if (!flags.features.empty()) {
    std::string table = "set\tstory\tarticle\tsentence\tother\tlabel\thalf";
    for (size_t k = 0; k < claims::kClaimFeatureCount; ++k) table += "\t" + std::string(claims::ClaimFeatureName(k));
    table += '\n';
    for (const LabelledFeatures& f : features.value()) {
      const ClaimLabel& l = *f.label;
      table += l.set + "\t" + l.story + "\t" + l.article + "\t" + std::to_string(l.sentence) + "\t" + l.other + "\t" +
               l.label + (IsTestStory(l.set, l.story) ? "\ttest" : "\tfit");
      for (double x : f.features) table += "\t" + std::to_string(x);
      table += '\n';
    }
    if (Status s = WriteFileWhole(flags.features, table); !s.ok()) {
      PrintError(s.message());
      return kExitStore;
    }
  }
  std::vector<const LabelledFeatures*> used;
  for (const LabelledFeatures& f : features.value()) {
    const bool test = IsTestStory(f.label->set, f.label->story);
    if (flags.half == "all" || (flags.half == "test") == test) used.push_back(&f);
  }
  if (used.size() < 50) {
    PrintError(flags.labels + ": too few labelled pairs (" + std::to_string(used.size()) + ")");
    return kExitUsage;
  }
  const ClaimTraining trained = TrainClaimModel(used, flags.folds, flags.l2);
  const claims::ClaimModel& model = trained.model;
  const std::string& figures = trained.figures;
  const std::string& points = trained.points;
  const std::vector<std::string> comments = {
      "trained by `storydesk train-claims` (logistic regression, l2 " + std::to_string(flags.l2) + ") on " +
          flags.half + " labelled stories of " + std::filesystem::path(flags.labels).lexically_normal().string(),
      figures, points};
  if (Status s = WriteFileWhole(flags.output, claims::FormatClaimModel(model, comments)); !s.ok()) {
    PrintError(s.message());
    return kExitStore;
  }
  std::cout << figures << '\n' << points << '\n';
  std::cerr << "train-claims: model written to " << flags.output << '\n';
  return kExitOk;
}

}  // namespace

void AddTrainClaimsCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("train-claims", "train the claim matcher of the digest on claim-support labels");
  auto flags = std::make_shared<TrainClaimsFlags>();
  cmd->add_option("labels", flags->labels, "the labels TSV (data/claims/claim-support.tsv)")->required();
  cmd->add_option("--data", flags->data, "the folder holding the labelled sets")->capture_default_str();
  cmd->add_option("-o,--output", flags->output, "the model file to write")->required();
  cmd->add_option("--folds", flags->folds, "cross-validation folds, grouped by story")
      ->check(CLI::Range(2, 20))
      ->capture_default_str();
  cmd->add_option("--l2", flags->l2, "L2 penalty of the logistic regression")
      ->check(CLI::Range(0.0, 1e6))
      ->capture_default_str();
  cmd->add_option("--half", flags->half, "train on all labelled stories, or only half fit or test (IsTestStory)")
      ->check(CLI::IsMember({"all", "fit", "test"}))
      ->capture_default_str();
  cmd->add_option("--features", flags->features, "also write every labelled pair's features to this TSV file");
  cmd->footer("The built-in model is models/claim-model.tsv, retrained by `make models`.");
  cmd->callback([flags, exit_code] { *exit_code = RunTrainClaims(*flags); });
}

}  // namespace storydesk::cli
