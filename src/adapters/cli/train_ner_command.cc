// storydesk train-ner TRAIN.txt -o MODEL — trains the entity model (storydesk/entities/
// entity_model.h) on CoNLL-2003 columns, the last column the IOB2 tag, and writes the model
// file with how it was made in its comments. `make models` runs it on
// ../shared/data/conll2003/train.txt into models/entity-model.tsv.
#include <filesystem>
#include <iostream>

#include "adapters/cli/cli_common.h"
#include "adapters/cli/commands.h"
#include "adapters/read/conll_reader.h"
#include "storydesk/entities/entity_model.h"

namespace storydesk::cli {
namespace {

struct TrainNerFlags {
  std::string input;
  std::string output;
  int epochs = 0;
};

int RunTrainNer(const TrainNerFlags& flags) {
  auto text = ReadFileWhole(flags.input);
  if (!text.ok()) {
    PrintError(text.status().message());
    return ExitCodeFor(text.status());
  }
  auto file = read::ReadConll(text.value(), flags.input);
  if (!file.ok()) {
    PrintError(file.status().message());
    return kExitUsage;
  }
  auto documents = read::LabeledDocuments(file.value(), flags.input);
  if (!documents.ok()) {
    PrintError(documents.status().message());
    return kExitUsage;
  }
  if (documents.value().size() < 10) {
    PrintError(flags.input + ": " + std::to_string(documents.value().size()) +
               " documents; training needs at least 10 (a tenth is held out to choose the passes)");
    return kExitUsage;
  }
  entities::EntityTrainingOptions options;
  options.epochs = flags.epochs;
  entities::EntityTrainingReport report;
  const entities::EntityModel model = entities::TrainEntityModel(documents.value(), options, &report);

  std::vector<std::string> comments = {
      "trained by `storydesk train-ner` (averaged perceptron, greedy BILOU decoding) on " +
          std::filesystem::path(flags.input).filename().string(),
      std::to_string(documents.value().size()) + " documents, " + std::to_string(report.tokens) + " tokens; " +
          std::to_string(report.epochs) + " passes; " + std::to_string(report.features) + " features"};
  if (!report.held_out_f1.empty()) {
    std::string line = "passes chosen on the last tenth of the documents held out, entity F1 after each:";
    for (double f : report.held_out_f1) {
      char buffer[16];
      std::snprintf(buffer, sizeof buffer, " %.4f", f);
      line += buffer;
    }
    comments.push_back(line);
  }
  if (Status s = WriteFileWhole(flags.output, model.ToText(comments)); !s.ok()) {
    PrintError(s.message());
    return kExitStore;
  }
  for (const std::string& c : comments) std::cout << c << '\n';
  std::cerr << "train-ner: model written to " << flags.output << '\n';
  return kExitOk;
}

}  // namespace

void AddTrainNerCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("train-ner", "train the named-entity tagger on CoNLL-2003 columns");
  auto flags = std::make_shared<TrainNerFlags>();
  cmd->add_option("input", flags->input, "CoNLL file: word first, IOB2 tag last, blank line between sentences")
      ->required();
  cmd->add_option("-o,--output", flags->output, "the model file to write")->required();
  cmd->add_option("--epochs", flags->epochs, "passes over the data (default 0: chosen on a held-out tenth)")
      ->check(CLI::Range(0, 100));
  cmd->footer("The built-in model is models/entity-model.tsv, retrained by `make models`.");
  cmd->callback([flags, exit_code] { *exit_code = RunTrainNer(*flags); });
}

}  // namespace storydesk::cli
