// storydesk export — every stored article as one JSON line, in ingest order.
#include <iostream>

#include "adapters/cli/cli_common.h"
#include "adapters/cli/commands.h"
#include "adapters/cli/json_output.h"

namespace storydesk::cli {
namespace {

int RunExport(const std::string& db_path) {
  auto opened = OpenStore(db_path);
  if (!opened.ok()) {
    PrintError(opened.status().message());
    return ExitCodeFor(opened.status());
  }
  Status s = opened.value()->ForEachArticle([](const store::StoredArticle& a) {
    std::cout << ArticleAssignmentJson(a.raw.id, a.story, a.copy_of, a.relation, a.storyline).dump() << '\n';
    return static_cast<bool>(std::cout);
  });
  std::cout.flush();
  if (!s.ok()) {
    PrintError(s.message());
    return kExitStore;
  }
  return kExitOk;
}

}  // namespace

void AddExportCommand(CLI::App& app, const GlobalOptions& globals, int* exit_code) {
  auto* cmd = app.add_subcommand("export", "print every stored article as JSON Lines");
  cmd->footer("One line per article: {\"id\", \"story\", \"copy_of\", \"relation\"}.");
  cmd->callback([&globals, exit_code] { *exit_code = RunExport(globals.db); });
}

}  // namespace storydesk::cli
