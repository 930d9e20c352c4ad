// storydesk eval --gold GOLD.jsonl INPUT — scores a grouping against gold stories.
// INPUT is either a prediction ({"id","story"} lines, e.g. the output of `cluster` or
// `export`) or articles (lines with "text", or seed text files/directories), which are then
// clustered in memory first. Metrics: include/storydesk/eval/clustering_metrics.h.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>

#include "adapters/cli/cli_common.h"
#include "adapters/cli/cluster_run.h"
#include "adapters/cli/commands.h"
#include "adapters/cli/extraction_eval.h"
#include "adapters/cli/gold_file.h"
#include "adapters/cli/summary_eval.h"
#include "adapters/service/shipped_models.h"
#include "storydesk/eval/clustering_metrics.h"

namespace storydesk::cli {
namespace {

struct EvalFlags {
  std::string gold;
  std::string input;
  std::string extraction;  // --extraction: ground truth of the HTML reader
  bool per_page = false;
  std::string summaries;
  std::optional<size_t> words;
  std::string summarizer = "digest";
  bool json = false;
  int64_t window_days = 7;
  size_t forget_terms_at = EngineOptions{}.forget_terms_at;
  std::optional<double> join_threshold;
  std::optional<double> name_weight;
  std::string background = kBuiltinBackground;
  std::string model = kBuiltinModel;
  std::string sentence_model = kBuiltinModel;
  std::string rewrite_model = kBuiltinModel;
  std::optional<uint64_t> shuffle_seed;
  std::optional<double> merge_probability;
  bool no_time_evidence = false;
  bool events = false;
  std::string level = "stories";
  std::optional<double> storyline_attach_threshold;
  std::string gold_field = "story";
};

// True when `path` holds articles to cluster rather than a prediction: a directory, a seed
// text file, or JSON Lines whose first record has a "text" field.
bool HoldsArticles(const std::string& path) {
  std::error_code error;
  if (path == "-" || std::filesystem::is_directory(path, error)) return true;
  std::ifstream in(path, std::ios::binary);
  if (!in) return true;  // let the readers report it
  std::string line;
  while (std::getline(in, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    return j.is_discarded() || !j.is_object() || j.contains("text");
  }
  return false;
}

nlohmann::json ScoresJson(const eval::ClusteringScores& s) {
  auto pr = [](const eval::PrecisionRecall& p) {
    return nlohmann::json{{"precision", p.precision}, {"recall", p.recall}, {"f1", p.f1}};
  };
  return {{"bcubed", pr(s.bcubed)},
          {"pairwise", pr(s.pairwise)},
          {"adjusted_rand", s.adjusted_rand},
          {"items", s.items},
          {"gold_stories", s.gold_clusters},
          {"predicted_stories", s.predicted_clusters},
          {"missing_from_prediction", s.missing_from_prediction},
          {"unknown_to_gold", s.unknown_to_gold}};
}

int RunEval(const EvalFlags& flags) {
  if (!flags.extraction.empty()) return RunExtractionEval({flags.extraction, flags.input, flags.json, flags.per_page});
  if (flags.gold.empty()) {
    PrintError("eval: --gold is required (or --extraction to score the HTML reader)");
    return kExitUsage;
  }
  if (!flags.summaries.empty()) {
    return RunSummaryEval({flags.summaries, flags.gold, flags.input, flags.words, flags.summarizer, flags.json});
  }
  eval::Clustering gold;
  if (Status read = ReadAssignments(flags.gold, gold, flags.gold_field); !read.ok()) {
    PrintError(read.message());
    return kExitUsage;
  }
  eval::Clustering predicted;
  size_t rejected = 0;
  if (HoldsArticles(flags.input)) {
    EngineOptions options;
    options.window_seconds = flags.window_days * 24 * 3600;
    options.forget_terms_at = flags.forget_terms_at;
    options.join_threshold = flags.join_threshold;
    options.name_weight = flags.name_weight;
    options.merge_probability = flags.merge_probability;
    if (flags.no_time_evidence) options.stream_time_evidence = false;
    options.events = flags.events || flags.level == "storylines";
    options.storyline_attach_threshold = flags.storyline_attach_threshold;
    if (Status s = UseModels({flags.model, flags.sentence_model, flags.rewrite_model}, &options); !s.ok()) {
      PrintError(s.message());
      return kExitUsage;
    }
    auto background = LoadBackground(flags.background);
    if (!background.ok()) {
      PrintError(background.status().message());
      return kExitUsage;
    }
    auto run = ClusterInMemory({flags.input}, options, background.value(), flags.shuffle_seed);
    if (!run.ok()) {
      PrintError(run.status().message());
      return ExitCodeFor(run.status());
    }
    rejected = run.value().rejected;
    const bool storylines = flags.level == "storylines";
    for (const auto& [id, placement] : run.value().placements) {
      predicted[id] = std::to_string(storylines ? placement.storyline : placement.story);
    }
  } else {
    if (Status read = ReadAssignments(flags.input, predicted, flags.level == "storylines" ? "storyline" : "story");
        !read.ok()) {
      PrintError(read.message());
      return kExitUsage;
    }
  }

  const eval::ClusteringScores s = eval::ScoreClustering(gold, predicted);
  if (flags.json) {
    std::cout << ScoresJson(s).dump() << '\n';
  } else {
    std::printf("items %lld, gold stories %lld, predicted stories %lld", static_cast<long long>(s.items),
                static_cast<long long>(s.gold_clusters), static_cast<long long>(s.predicted_clusters));
    if (s.missing_from_prediction > 0) {
      std::printf(", missing from prediction %lld (scored as singletons)",
                  static_cast<long long>(s.missing_from_prediction));
    }
    std::printf("\n");
    std::printf("BCubed    P %.4f  R %.4f  F1 %.4f\n", s.bcubed.precision, s.bcubed.recall, s.bcubed.f1);
    std::printf("pairwise  P %.4f  R %.4f  F1 %.4f\n", s.pairwise.precision, s.pairwise.recall, s.pairwise.f1);
    std::printf("ARI       %.4f\n", s.adjusted_rand);
  }
  return rejected > 0 ? kExitRejected : kExitOk;
}

}  // namespace

void AddEvalCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand(
      "eval", "score a grouping against gold stories (BCubed, pairwise, ARI), or digests against summaries (ROUGE)");
  auto flags = std::make_shared<EvalFlags>();
  cmd->add_option("--gold", flags->gold, "gold JSON Lines: {\"id\", \"story\"} per article");
  cmd->add_option(
      "--extraction", flags->extraction,
      "score the HTML reader: ground truth JSON Lines {\"id\", \"articleBody\"}; input is the pages' folder");
  cmd->add_flag("--pages", flags->per_page, "with --extraction: a line per page, worst first");
  cmd->add_option("input", flags->input,
                  "a prediction ({\"id\", \"story\"} lines, as printed by cluster or export) or articles to cluster")
      ->required();
  cmd->add_flag("--json", flags->json, "print the scores as one JSON object");
  cmd->add_option("--summaries", flags->summaries,
                  "score digests instead: human summaries, JSON Lines {\"story\", \"summary\"}; INPUT is the articles");
  cmd->add_option("--words", flags->words, "with --summaries: the word budget (default: each reference's length)")
      ->check(CLI::Range(1, 100000));
  cmd->add_option("--summarizer", flags->summarizer, "with --summaries: digest, or lead (the lead baseline)")
      ->check(CLI::IsMember({"digest", "lead"}))
      ->capture_default_str();
  cmd->add_option("--join-threshold", flags->join_threshold,
                  "when clustering with --model fixed: similarity needed to join a story (default: the value chosen on "
                  "allsides-val)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--name-weight", flags->name_weight,
                  "when clustering: share of the similarity given to names (default: the trained value)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--background", flags->background,
                  "when clustering: document frequencies to start from: builtin, none, or a train-df file")
      ->capture_default_str();
  cmd->add_option("--model", flags->model,
                  "when clustering: grouping decisions: builtin, fixed (one cosine threshold), or a train file")
      ->capture_default_str();
  cmd->add_option("--sentence-model", flags->sentence_model,
                  "when clustering: rewrite detection's sentence matcher: builtin, none, or a train-sentences file")
      ->capture_default_str();
  cmd->add_option("--rewrite-model", flags->rewrite_model,
                  "when clustering: rewrite detection's document decision: builtin, coverage, or a train-rewrites file")
      ->capture_default_str();
  cmd->add_option("--merge-probability", flags->merge_probability,
                  "when clustering: attach probability to the runner-up story that merges it (above 1: never)");
  cmd->add_flag("--events", flags->events,
                "when clustering: group into events, one day's news each (leads dating their news to other days "
                "are held apart; learned decisions only, not --model fixed)");
  cmd->add_option("--level", flags->level,
                  "when clustering: score the stories (events with --events), or the storylines above events "
                  "(implies --events)")
      ->check(CLI::IsMember({"stories", "storylines"}))
      ->capture_default_str();
  cmd->add_option("--storyline-attach", flags->storyline_attach_threshold,
                  "when clustering with --events: the attach probability at which a new event joins its best "
                  "storyline (default: the chosen value)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--gold-field", flags->gold_field,
                  "the gold file's field naming each article's cluster (e.g. topic, for ECB+ topics)")
      ->capture_default_str();
  cmd->add_flag("--no-time-evidence", flags->no_time_evidence,
                "when clustering: ignore the time evidence learned from a dated stream");
  cmd->add_option("--shuffle", flags->shuffle_seed,
                  "when clustering: shuffle the input order with this seed first (order-robustness check)");
  cmd->add_option("--forget-terms-at", flags->forget_terms_at,
                  "when clustering: forget the terms no open story holds once the vocabulary has this many "
                  "(then again each time it grows by half); 0: never")
      ->capture_default_str();
  cmd->add_option("--window-days", flags->window_days, "when clustering: days a story stays open to new articles")
      ->check(CLI::Range(1, 3650))
      ->capture_default_str();
  cmd->footer(
      "Gold articles missing from the prediction count as singletons; predicted articles not in gold are "
      "ignored.\nMetrics: BCubed (Bagga & Baldwin 1998), pair counting, adjusted Rand index (Hubert & Arabie 1985).");
  cmd->callback([flags, exit_code] { *exit_code = RunEval(*flags); });
}

}  // namespace storydesk::cli
