// storydesk train --gold GOLD.jsonl ARTICLES... -o MODEL — learns the grouping decisions
// (core/stories/story_model.h) from gold stories. `make models` runs it on
// ../shared/data/allsides-train to reproduce models/story-model.tsv.
#include <filesystem>
#include <iostream>
#include <unordered_set>

#include "adapters/cli/cli_common.h"
#include "adapters/cli/commands.h"
#include "adapters/cli/gold_file.h"
#include "adapters/service/shipped_models.h"
#include "storydesk/stories/story_model.h"

namespace storydesk::cli {
namespace {

struct TrainFlags {
  std::vector<std::string> golds;
  std::vector<std::string> paths;
  std::string output;
  std::string background = kBuiltinBackground;
  double l2 = 0.1;  // chosen on allsides-val among 0.01, 0.1, 1, 10 (docs/measurements.md)
  int64_t window_days = 7;
  int rounds = 1;  // more rounds lowered BCubed F1 on allsides-val (0.83 -> 0.80; docs/measurements.md)
};

int RunTrain(const TrainFlags& flags) {
  // Several gold files train one model; each file's labels are kept apart by its position.
  eval::Clustering gold;
  std::unordered_map<std::string, size_t> gold_file;  // id -> which --gold file labels it
  for (size_t i = 0; i < flags.golds.size(); ++i) {
    eval::Clustering one;
    if (Status s = ReadAssignments(flags.golds[i], one); !s.ok()) {
      PrintError(s.message());
      return kExitUsage;
    }
    for (auto& [id, label] : one) {
      gold[id] = std::to_string(i) + ":" + label;
      gold_file[id] = i;
    }
  }
  auto background = LoadBackground(flags.background);
  if (!background.ok()) {
    PrintError(background.status().message());
    return kExitUsage;
  }
  ProgressBar progress("reading");
  auto read = ReadInputs(flags.paths, &progress);
  progress.Finish();
  if (!read.ok()) {
    PrintError(read.status().message());
    return ExitCodeFor(read.status());
  }
  std::vector<RawArticle> articles;
  std::unordered_set<std::string> ids;
  size_t without_gold = 0;
  for (RawArticle& a : read.value().articles) {
    if (!gold.count(a.id)) {
      ++without_gold;
      continue;
    }
    if (ids.insert(a.id).second) articles.push_back(std::move(a));
  }
  if (articles.empty()) {
    PrintError("no article of the input has a gold story");
    return kExitUsage;
  }
  SortForProcessing(&articles);

  // Round 1 replays the gold stories (teacher forcing); each later round replays the previous
  // model's own decisions and adds what it saw there, so the model also learns from the split
  // and mixed stories grouping really makes (DAgger: Ross, Gordon & Bagnell, AISTATS 2011).
  // Each replay sees what grouping will see: the same background, window and order.
  std::vector<stories::TrainingArticle> examples;
  std::vector<size_t> example_file;  // the --gold file of each example
  stories::StoryModelTraining trained;
  std::shared_ptr<const stories::StoryModel> model;
  for (int round = 1; round <= flags.rounds; ++round) {
    EngineOptions options;
    options.window_seconds = flags.window_days * 24 * 3600;
    options.model = model;
    options.exhaustive_candidates = true;
    StoryEngine engine(options);
    SeedEngine(background.value(), &engine);
    ProgressBar replay("replay " + std::to_string(round));
    for (size_t i = 0; i < articles.size(); ++i) {
      stories::TrainingArticle example;
      if (engine.Observe(articles[i], gold.at(articles[i].id), &example)) {
        examples.push_back(std::move(example));
        example_file.push_back(gold_file.at(articles[i].id));
      }
      replay.Update(i + 1, articles.size());
    }
    replay.Finish();
    // Every gold file weighs the same in both fits, however many articles and candidate pairs
    // it has: a large undated set (every story a candidate) would otherwise drown the rest.
    std::vector<double> file_articles(flags.golds.size(), 0), file_pairs(flags.golds.size(), 0);
    for (size_t i = 0; i < examples.size(); ++i) {
      file_articles[example_file[i]] += 1;
      file_pairs[example_file[i]] += static_cast<double>(examples[i].candidates.size());
    }
    double used_files = 0, total_articles = 0, total_pairs = 0;
    for (size_t f = 0; f < flags.golds.size(); ++f) {
      used_files += file_articles[f] > 0 ? 1 : 0;
      total_articles += file_articles[f];
      total_pairs += file_pairs[f];
    }
    for (size_t i = 0; i < examples.size(); ++i) {
      const size_t f = example_file[i];
      examples[i].attach_weight = total_articles / (used_files * file_articles[f]);
      examples[i].pair_weight = file_pairs[f] > 0 ? total_pairs / (used_files * file_pairs[f]) : 1.0;
    }
    trained = stories::TrainStoryModel(examples, flags.l2);
    model = std::make_shared<const stories::StoryModel>(trained.model);
  }
  std::vector<std::string> comments = {
      "trained by `storydesk train` (logistic regression, L2 " + std::to_string(flags.l2) + ", window " +
          std::to_string(flags.window_days) + " days, background " + flags.background + ", " +
          std::to_string(flags.rounds) + " replay rounds)",
      "on " + std::to_string(examples.size()) + " replayed articles: " + std::to_string(trained.join_examples) +
          " article-story pairs, " + std::to_string(trained.attach_examples) + " attach decisions",
  };
  for (const std::string& path : flags.golds) {
    comments.push_back("gold: " + std::filesystem::path(path).lexically_normal().string());
  }
  for (const std::string& path : flags.paths) {
    comments.push_back("input: " + std::filesystem::path(path).lexically_normal().string());
  }
  if (Status s = WriteFileWhole(flags.output, stories::FormatStoryModel(trained.model, comments)); !s.ok()) {
    PrintError(s.message());
    return kExitStore;
  }
  std::cerr << "train: " << examples.size() << " articles, " << trained.join_examples << " pairs";
  if (without_gold > 0) std::cerr << ", " << without_gold << " articles without a gold story skipped";
  std::cerr << "; written to " << flags.output << '\n';
  return read.value().rejected > 0 ? kExitRejected : kExitOk;
}

}  // namespace

void AddTrainCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("train", "learn the grouping decisions from gold stories and write a story model");
  auto flags = std::make_shared<TrainFlags>();
  cmd->add_option("--gold", flags->golds, "gold JSON Lines: {\"id\", \"story\"} per article (repeatable)")
      ->required()
      ->allow_extra_args(false);  // one file per --gold, so the articles after it stay positional
  cmd->add_option("paths", flags->paths, "articles: files, directories or - for stdin")->required();
  cmd->add_option("-o,--output", flags->output, "the model file to write")->required();
  cmd->add_option("--l2", flags->l2, "L2 penalty of the logistic regressions")
      ->check(CLI::Range(0.0, 1e6))
      ->capture_default_str();
  cmd->add_option("--background", flags->background, "document frequencies to start from: builtin, none, or a file")
      ->capture_default_str();
  cmd->add_option("--rounds", flags->rounds,
                  "replay rounds: 1 = gold stories only; each further round replays the last model's own decisions")
      ->check(CLI::Range(1, 10))
      ->capture_default_str();
  cmd->add_option("--window-days", flags->window_days, "days a story stays open to new articles")
      ->check(CLI::Range(1, 3650))
      ->capture_default_str();
  cmd->footer(
      "Use the model with `cluster --model FILE` / `eval --model FILE`; the built-in one is "
      "models/story-model.tsv, retrained by `make models`.");
  cmd->callback([flags, exit_code] { *exit_code = RunTrain(*flags); });
}

}  // namespace storydesk::cli
