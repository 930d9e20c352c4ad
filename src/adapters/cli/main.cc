// storydesk — groups news articles into stories. Entry point: parses the verb and runs it.
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <exception>

#include "adapters/cli/cli_common.h"
#include "adapters/cli/commands.h"

namespace {

// Parses the verb and runs it; returns the exit code. Exceptions other than CLI11's parse errors
// are bugs and reach main.
int Run(int argc, char** argv) {
  using namespace storydesk::cli;
  CLI::App app{
      "storydesk: groups news articles into stories, catching copies.\n"
      "Exit codes: 0 ok, 1 some input rejected, 2 usage error, 3 store error."};
  app.require_subcommand(1);
  app.fallthrough();
  app.set_version_flag("--version", "storydesk 0.1.0");

  GlobalOptions globals;
  const char* env_store = std::getenv("STORYDESK_STORE");
  const char* env_db = std::getenv("STORYDESK_DB");
  globals.db = (env_store != nullptr && *env_store != '\0') ? env_store
               : (env_db != nullptr && *env_db != '\0')     ? env_db
                                                            : "storydesk.db";
  app.add_option("--db,--store", globals.db,
                 "the store: a SQLite file, or a PostgreSQL URL postgresql://... (default: $STORYDESK_STORE, else "
                 "$STORYDESK_DB, else storydesk.db)");

  int exit_code = kExitOk;
  AddIngestCommand(app, globals, &exit_code);
  AddStoriesCommand(app, globals, &exit_code);
  AddShowCommand(app, globals, &exit_code);
  AddExportCommand(app, globals, &exit_code);
  AddCopiesCommand(app, globals, &exit_code);
  AddExplainCommand(app, globals, &exit_code);
  AddCheckCommand(app, globals, &exit_code);
  AddCorrectionCommands(app, globals, &exit_code);
  AddServeCommand(app, globals, &exit_code);
  AddDistributedCommands(app, globals, &exit_code);
  AddClusterCommand(app, &exit_code);
  AddSynthCommand(app, &exit_code);
  AddDigestCommand(app, &exit_code);
  AddSentencesCommand(app, &exit_code);
  AddTagCommand(app, &exit_code);
  AddQuotesCommand(app, &exit_code);
  AddTimexCommand(app, &exit_code);
  AddExtractCommand(app, &exit_code);
  AddEntitiesCommand(app, &exit_code);
  AddTrainNerCommand(app, &exit_code);
  AddEvalCommand(app, &exit_code);
  AddEvalClaimsCommand(app, &exit_code);
  AddTrainDfCommand(app, &exit_code);
  AddTrainCommand(app, &exit_code);
  AddTrainSentencesCommand(app, &exit_code);
  AddTrainClaimsCommand(app, &exit_code);
  AddTrainRewritesCommand(app, &exit_code);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  return exit_code;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return Run(argc, argv);
  } catch (const std::exception& e) {
    // Only bugs get here: expected failures travel as Status values.
    storydesk::cli::PrintError(std::string("internal error: ") + e.what());
    return storydesk::cli::kExitStore;
  }
}
