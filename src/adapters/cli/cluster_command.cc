// storydesk cluster PATH... — groups articles in memory, with no database, and prints one
// JSON line per article (the `export` format). The entry point for measuring quality.
#include <cstdio>
#include <iostream>
#include <optional>

#include "adapters/cli/cli_common.h"
#include "adapters/cli/cluster_run.h"
#include "adapters/cli/commands.h"
#include "adapters/cli/json_output.h"
#include "adapters/service/shipped_models.h"

namespace storydesk::cli {
namespace {

int RunCluster(const std::vector<std::string>& paths, int64_t window_days, const std::string& background_choice,
               const std::string& model_choice, const std::string& sentence_model_choice,
               const std::string& rewrite_model_choice, std::optional<double> merge_probability, int threads,
               size_t forget_terms_at, bool timings, bool events) {
  EngineOptions options;
  options.events = events;
  options.merge_probability = merge_probability;
  options.forget_terms_at = forget_terms_at;
  options.window_seconds = window_days * 24 * 3600;
  if (Status s = UseModels({model_choice, sentence_model_choice, rewrite_model_choice}, &options); !s.ok()) {
    PrintError(s.message());
    return kExitUsage;
  }
  auto background = LoadBackground(background_choice);
  if (!background.ok()) {
    PrintError(background.status().message());
    return kExitUsage;
  }
  ClusterKeep keep;
  keep.threads = threads;
  auto run = ClusterInMemory(paths, options, background.value(), std::nullopt, keep);
  if (!run.ok()) {
    PrintError(run.status().message());
    return ExitCodeFor(run.status());
  }
  if (timings) {
    const ClusterRun& r = run.value();
    std::fprintf(stderr,
                 "storydesk: seconds: reading %.2f, analysing %.2f (CPU, all analysis threads), deciding %.2f, "
                 "waiting for analysis %.2f, storing in memory %.2f\n",
                 r.read_seconds, r.analyse_seconds, r.decide_seconds, r.wait_seconds, r.store_seconds);
  }
  if (run.value().duplicates > 0) {
    PrintError(std::to_string(run.value().duplicates) +
               " records repeat an earlier record's id and text; each article is counted once");
  }
  for (const std::string& id : run.value().input_order) {
    const Placement& p = run.value().placements.at(id);
    std::cout << ArticleAssignmentJson(id, p.story, p.copy_of, p.relation, p.storyline).dump() << '\n';
  }
  std::cout.flush();
  return run.value().rejected > 0 ? kExitRejected : kExitOk;
}

}  // namespace

void AddClusterCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("cluster", "group articles into stories in memory and print JSON Lines (no database)");
  auto paths = std::make_shared<std::vector<std::string>>();
  auto window_days = std::make_shared<int64_t>(7);
  auto background = std::make_shared<std::string>(kBuiltinBackground);
  auto model = std::make_shared<std::string>(kBuiltinModel);
  auto sentence_model = std::make_shared<std::string>(kBuiltinModel);
  auto rewrite_model = std::make_shared<std::string>(kBuiltinModel);
  auto merge_probability = std::make_shared<std::optional<double>>();
  cmd->add_option("paths", *paths,
                  "files (.txt, .jsonl/.json, .html/.htm, .rss/.atom/.xml, .warc/.warc.gz), directories or - for "
                  "stdin")
      ->required();
  cmd->add_option("--window-days", *window_days, "days a story stays open to new articles")
      ->check(CLI::Range(1, 3650))
      ->capture_default_str();
  cmd->add_option("--background", *background,
                  "document frequencies to start from: builtin, none, or a file written by train-df")
      ->capture_default_str();
  cmd->add_option("--model", *model,
                  "grouping decisions: builtin, fixed (one cosine threshold), or a file written by train")
      ->capture_default_str();
  cmd->add_option("--sentence-model", *sentence_model,
                  "rewrite detection's sentence matcher: builtin, none (no rewrites), or a file written by "
                  "train-sentences")
      ->capture_default_str();
  cmd->add_option("--rewrite-model", *rewrite_model,
                  "rewrite detection's document decision: builtin, coverage (most words in surely aligned "
                  "sentences), or a file written by train-rewrites")
      ->capture_default_str();
  cmd->add_option("--merge-probability", *merge_probability,
                  "merge repair: merge two stories when an article fits the second with this attach probability "
                  "(default: off)")
      ->check(CLI::Range(0.0, 1.0));
  auto threads = std::make_shared<int>(0);
  cmd->add_option("--threads", *threads,
                  "threads analysing articles ahead of the one that decides, in order (0: one per core); any "
                  "number gives the same output")
      ->check(CLI::Range(0, 256))
      ->capture_default_str();
  auto forget_terms_at = std::make_shared<size_t>(EngineOptions{}.forget_terms_at);
  cmd->add_option("--forget-terms-at", *forget_terms_at,
                  "bounded memory: once the vocabulary holds this many terms, forget those no open story holds "
                  "(then again each time it grows by half); 0: never")
      ->capture_default_str();
  auto events = std::make_shared<bool>(false);
  cmd->add_flag(
      "--events", *events,
      "group into events, one day's news each: hold apart articles whose leads date their news to "
      "other days (default: a story may follow a matter over days; learned decisions only, not --model fixed)");
  auto timings = std::make_shared<bool>(false);
  cmd->add_flag("--timings", *timings, "print on stderr where the time went: reading, analysing, deciding");
  cmd->footer("Output, one line per article in input order: {\"id\", \"story\", \"copy_of\", \"relation\"}.");
  cmd->callback([paths, window_days, background, model, sentence_model, rewrite_model, merge_probability, threads,
                 forget_terms_at, timings, events, exit_code] {
    *exit_code = RunCluster(*paths, *window_days, *background, *model, *sentence_model, *rewrite_model,
                            *merge_probability, *threads, *forget_terms_at, *timings, *events);
  });
}

}  // namespace storydesk::cli
