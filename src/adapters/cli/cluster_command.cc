// storydesk cluster PATH... — groups articles in memory, with no database, and prints one
// JSON line per article (the `export` format). The entry point for measuring quality.
#include <iostream>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <unordered_set>

#include "adapters/cli/cli_common.h"
#include "adapters/cli/commands.h"
#include "adapters/cli/json_output.h"
#include "storydesk/story_engine.h"

namespace storydesk::cli {
namespace {

int RunCluster(const std::vector<std::string>& paths, int64_t window_days) {
  ProgressBar progress("reading");
  auto read = ReadInputs(paths, &progress);
  progress.Finish();
  if (!read.ok()) {
    PrintError(read.status().message());
    return ExitCodeFor(read.status());
  }
  std::vector<RawArticle>& articles = read.value().articles;
  size_t rejected = read.value().rejected;

  // Input order is kept for the output; processing follows publication order.
  std::vector<RawArticle> ordered;
  std::vector<std::string> input_order;
  std::unordered_set<std::string> ids;
  for (RawArticle& a : articles) {
    if (!ids.insert(a.id).second) {
      PrintError(a.origin + ": id '" + a.id + "' appears more than once; the later article is skipped");
      ++rejected;
      continue;
    }
    input_order.push_back(a.id);
    ordered.push_back(std::move(a));
  }
  SortForProcessing(&ordered);

  EngineOptions options;
  options.window_seconds = window_days * 24 * 3600;
  StoryEngine engine(options);
  std::unordered_map<std::string, Decision> decisions;
  ProgressBar grouping("grouping");
  for (size_t i = 0; i < ordered.size(); ++i) {
    decisions.emplace(ordered[i].id, engine.Add(ordered[i]));
    grouping.Update(i + 1, ordered.size());
  }
  grouping.Finish();

  for (const std::string& id : input_order) {
    const Decision& d = decisions.at(id);
    std::cout << ArticleAssignmentJson(id, d.story, d.copy_of, d.relation).dump() << '\n';
  }
  std::cout.flush();
  return rejected > 0 ? kExitRejected : kExitOk;
}

}  // namespace

void AddClusterCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("cluster", "group articles into stories in memory and print JSON Lines (no database)");
  auto paths = std::make_shared<std::vector<std::string>>();
  auto window_days = std::make_shared<int64_t>(7);
  cmd->add_option("paths", *paths, "files, directories or - for stdin")->required();
  cmd->add_option("--window-days", *window_days, "days a story stays open to new articles")
      ->check(CLI::Range(1, 3650))
      ->capture_default_str();
  cmd->footer("Output, one line per article in input order: {\"id\", \"story\", \"copy_of\", \"relation\"}.");
  cmd->callback([paths, window_days, exit_code] { *exit_code = RunCluster(*paths, *window_days); });
}

}  // namespace storydesk::cli
