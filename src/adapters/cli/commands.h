// The CLI verbs. Each Add*Command registers one subcommand, with its own --help, on `app`;
// when that subcommand is chosen, its callback runs it and stores the exit code.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace storydesk::cli {

struct GlobalOptions {
  std::string db;  // --db, else $STORYDESK_DB, else storydesk.db
};

void AddIngestCommand(CLI::App& app, const GlobalOptions& globals, int* exit_code);
void AddStoriesCommand(CLI::App& app, const GlobalOptions& globals, int* exit_code);
void AddShowCommand(CLI::App& app, const GlobalOptions& globals, int* exit_code);
void AddExportCommand(CLI::App& app, const GlobalOptions& globals, int* exit_code);
void AddCopiesCommand(CLI::App& app, const GlobalOptions& globals, int* exit_code);
void AddExplainCommand(CLI::App& app, const GlobalOptions& globals, int* exit_code);
void AddCheckCommand(CLI::App& app, const GlobalOptions& globals, int* exit_code);
// move, split, merge, move-event (an analyst's corrections) and corrections (their record).
void AddCorrectionCommands(CLI::App& app, const GlobalOptions& globals, int* exit_code);
void AddClusterCommand(CLI::App& app, int* exit_code);
void AddEvalCommand(CLI::App& app, int* exit_code);
void AddTrainDfCommand(CLI::App& app, int* exit_code);
void AddTrainCommand(CLI::App& app, int* exit_code);
void AddTrainSentencesCommand(CLI::App& app, int* exit_code);
void AddTrainRewritesCommand(CLI::App& app, int* exit_code);
void AddDigestCommand(CLI::App& app, int* exit_code);
void AddEvalClaimsCommand(CLI::App& app, int* exit_code);
void AddTrainClaimsCommand(CLI::App& app, int* exit_code);
void AddSentencesCommand(CLI::App& app, int* exit_code);
void AddSynthCommand(CLI::App& app, int* exit_code);
void AddTrainNerCommand(CLI::App& app, int* exit_code);
void AddTagCommand(CLI::App& app, int* exit_code);
void AddQuotesCommand(CLI::App& app, int* exit_code);
void AddTimexCommand(CLI::App& app, int* exit_code);
void AddExtractCommand(CLI::App& app, int* exit_code);
void AddEntitiesCommand(CLI::App& app, int* exit_code);
void AddServeCommand(CLI::App& app, const GlobalOptions& globals, int* exit_code);
// publish and worker: distributed ingest on NATS JetStream and PostgreSQL.
void AddDistributedCommands(CLI::App& app, const GlobalOptions& globals, int* exit_code);

}  // namespace storydesk::cli
